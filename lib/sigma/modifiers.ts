/**
 * Detection keys (`Field|mod1|mod2`) → field name + a validated {@link Modifiers} record. Every rule about which
 * modifiers combine, and in which order, lives here; problems come back as issue values.
 */
import type { Modifiers, TimePart } from "./model";
import { makeIssue, type IssueCode } from "./issues";
import type { SigmaIssue } from "./model";

/** A parsed detection key. `field` is null for keyword searches (`'|all':` or an empty field name). Shared between calls (cached): never mutate it. */
export interface ParsedKey {
  field: string | null;
  modifiers: Modifiers;
  issues: SigmaIssue[];
}

/** The value family a key's modifiers select; it decides which other modifiers are allowed. */
type ValueKind = "string" | "re" | "cidr" | "compare" | "exists" | "fieldref" | "timepart";

const TIME_PARTS: readonly TimePart[] = ["minute", "hour", "day", "week", "month", "year"];

/** Every modifier name Sigma v2.1 defines (with pySigma's long names of the regex flags). */
export const MODIFIER_NAMES: readonly string[] = [
  "contains", "startswith", "endswith", "all", "base64", "base64offset", "wide", "utf16le", "utf16be", "utf16",
  "windash", "re", "i", "ignorecase", "m", "multiline", "s", "dotall", "cidr", "lt", "lte", "gt", "gte",
  "exists", "fieldref", "cased", "expand", "neq", ...TIME_PARTS,
];

/** Which optional modifiers each value kind accepts (besides the one that selected the kind). */
const ALLOWED: Record<ValueKind, ReadonlySet<string>> = {
  string: new Set(["match", "all", "base64", "utf16", "windash", "cased", "expand", "neq"]),
  re: new Set(["match", "all", "reflag", "expand", "neq"]),
  cidr: new Set(["all", "neq"]),
  compare: new Set(["timepart"]),
  exists: new Set([]),
  fieldref: new Set(["match", "all", "cased", "neq"]),
  timepart: new Set(["compare", "all", "neq"]),
};

/** The group of a modifier name, used for the compatibility table. */
function groupOf(name: string): string {
  switch (name) {
    case "contains":
    case "startswith":
    case "endswith":
      return "match";
    case "base64":
    case "base64offset":
      return "base64";
    case "wide":
    case "utf16le":
    case "utf16be":
    case "utf16":
      return "utf16";
    case "i":
    case "ignorecase":
    case "m":
    case "multiline":
    case "s":
    case "dotall":
      return "reflag";
    case "lt":
    case "lte":
    case "gt":
    case "gte":
      return "compare";
    default:
      return (TIME_PARTS as readonly string[]).includes(name) ? "timepart" : name;
  }
}

/** A record with no modifier set. */
export function emptyModifiers(): Modifiers {
  return {
    contains: false, startswith: false, endswith: false, all: false, base64: false, base64offset: false,
    utf16: null, windash: false, re: false, reFlags: { ignoreCase: false, multiline: false, dotAll: false },
    cidr: false, compare: null, exists: false, fieldref: false, cased: false, expand: false, neq: false,
    timePart: null, written: [],
  };
}

/** The value kind a record selects. */
export function valueKind(m: Modifiers): ValueKind {
  if (m.exists) return "exists";
  if (m.re) return "re";
  if (m.cidr) return "cidr";
  if (m.fieldref) return "fieldref";
  if (m.timePart) return "timepart";
  if (m.compare) return "compare";
  return "string";
}

/**
 * Splits a detection key into field and modifiers and validates them: unknown names, duplicates, conflicting
 * pairs and the order rules (`re` first; `wide`/`utf16*` then `base64*`; encodings before contains etc.).
 */
export function parseKey(key: string): ParsedKey {
  const cached = keyCache.get(key);
  if (cached) return cached;
  const parsed = parseKeyUncached(key);
  if (keyCache.size > 5000) keyCache.clear();
  keyCache.set(key, parsed);
  return parsed;
}

/** Detection keys repeat across rules (`Image|endswith`…); results are immutable, so they are shared. */
const keyCache = new Map<string, ParsedKey>();

function parseKeyUncached(key: string): ParsedKey {
  const pipe = key.indexOf("|");
  const modifiers = emptyModifiers();
  if (pipe === -1) return { field: key === "" ? null : key, modifiers, issues: [] };
  const field = key.slice(0, pipe) === "" ? null : key.slice(0, pipe);
  const names = key.slice(pipe + 1).split("|");
  const issues: SigmaIssue[] = [];
  const fail = (code: IssueCode, message: string) => issues.push(makeIssue(code, `${key}: ${message}`));
  const seen = new Set<string>();
  const groups: string[] = [];
  names.forEach((name, index) => {
    if (!MODIFIER_NAMES.includes(name)) {
      fail("unknown-modifier", `unknown modifier '${name}'`);
      return;
    }
    if (seen.has(name)) fail("duplicate-modifier", `modifier '${name}' appears twice`);
    seen.add(name);
    modifiers.written.push(name);
    const group = groupOf(name);
    if (groups.includes(group) && EXCLUSIVE_GROUPS.has(group)) {
      const other = names.slice(0, index).find((n) => groupOf(n) === group && n !== name);
      if (other) fail("conflicting-modifiers", `'${other}' and '${name}' cannot be combined`);
    }
    groups.push(group);
    apply(modifiers, name);
    if (name === "re" && index !== 0) fail("re-not-first", "'re' must be the first modifier");
  });
  checkOrder(names, fail);
  checkKinds(modifiers, names, fail);
  return { field, modifiers, issues };
}

function apply(m: Modifiers, name: string): void {
  switch (name) {
    case "contains": case "startswith": case "endswith": case "all": case "base64": case "base64offset":
    case "windash": case "re": case "cidr": case "exists": case "fieldref": case "cased": case "expand": case "neq":
      m[name] = true;
      return;
    case "wide": case "utf16le": m.utf16 = "le"; return;
    case "utf16be": m.utf16 = "be"; return;
    case "utf16": m.utf16 = "bom"; return;
    case "i": case "ignorecase": m.reFlags.ignoreCase = true; return;
    case "m": case "multiline": m.reFlags.multiline = true; return;
    case "s": case "dotall": m.reFlags.dotAll = true; return;
    case "lt": case "lte": case "gt": case "gte": m.compare = name; return;
    default: m.timePart = name as TimePart;
  }
}

/** Groups of which a key may hold only one member (one match operator, one encoding…). */
const EXCLUSIVE_GROUPS = new Set(["match", "base64", "utf16", "compare", "timepart"]);

type Fail = (code: IssueCode, message: string) => void;

function checkOrder(names: string[], fail: Fail): void {
  const first = (group: string) => names.findIndex((n) => groupOf(n) === group);
  const last = (group: string) => names.map(groupOf).lastIndexOf(group);
  const utf16 = first("utf16");
  const b64 = last("base64");
  if (utf16 !== -1 && b64 === -1) fail("utf16-without-base64", `'${names[utf16]}' must be followed by base64 or base64offset`);
  if (utf16 !== -1 && b64 !== -1 && b64 < utf16) fail("modifier-order", `'${names[utf16]}' must come before '${names[b64]}'`);
  const match = first("match");
  if (match !== -1 && b64 !== -1 && match < b64) fail("modifier-order", `'${names[match]}' must come after '${names[b64]}' (it would encode the wildcards)`);
  const windash = first("windash");
  if (windash !== -1 && b64 !== -1 && windash > b64) fail("modifier-order", `'windash' must come before '${names[b64]}'`);
  const flag = first("reflag");
  const re = first("re");
  if (flag !== -1 && re === -1) fail("regex-flag-without-re", `'${names[flag]}' is a regular-expression flag but 're' is missing`);
  else if (flag !== -1 && flag < re) fail("modifier-order", `'${names[flag]}' must come after 're'`);
}

function checkKinds(m: Modifiers, names: string[], fail: Fail): void {
  const kind = valueKind(m);
  if (kind === "exists" && names.length > 1) {
    fail("exists-not-standalone", "'exists' cannot be combined with other modifiers");
    return;
  }
  const allowed = ALLOWED[kind];
  const reported = new Set<string>();
  for (const name of names) {
    const group = groupOf(name);
    // Regex flags without `re` are reported by checkOrder; unknown names by parseKey.
    if (!MODIFIER_NAMES.includes(name) || group === kind || group === "reflag") continue;
    if (!allowed.has(group) && !reported.has(group)) {
      reported.add(group);
      const selector = names.find((n) => groupOf(n) === kind) ?? kind;
      fail("conflicting-modifiers", `'${name}' cannot be combined with '${selector}'`);
    }
  }
  if (kind === "string" && (m.base64 || m.base64offset)) {
    if (m.cased) fail("conflicting-modifiers", "'cased' cannot be combined with base64 encodings (the encoded text is already exact)");
    if (m.expand) fail("conflicting-modifiers", "'expand' placeholders cannot be base64-encoded");
  }
}
