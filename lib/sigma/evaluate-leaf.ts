/**
 * Leaf tests of the evaluator: one MatchLeaf against one event value, with Sigma's value semantics (case,
 * wildcards, numbers against numeric strings, cidr, fieldref, time parts). String leaves are compiled once.
 */
import type { MatchLeaf, StringOp } from "./model";
import { assertNever } from "./condition/print";
import type { EventView } from "./event-fields";
import { cidrContains } from "./special-values";
import { hasPlaceholders, hasWildcards, regexToJs, sigmaStringText, sigmaStringToRegex } from "./values";
import { timePartOf } from "./time-parts";

type EvalState = EventView;

/** Does the leaf hold for the event (any element of a list-valued field; any value for keywords)? */
export function evalLeaf(leaf: MatchLeaf, state: EvalState): boolean {
  if (leaf.kind === "null") {
    const f = state.field(leaf.field);
    return !f.found || f.value === null || f.value === undefined;
  }
  if (leaf.kind === "exists") return state.field(leaf.field).found === leaf.exists;
  if (leaf.field === null) {
    for (const v of state.allStrings()) if (leafMatchesValue(leaf, v, state)) return true;
    return false;
  }
  const f = state.field(leaf.field);
  if (!f.found) return false;
  if (!Array.isArray(f.value)) return leafMatchesValue(leaf, f.value, state);
  // A list-valued field matches when any element does.
  for (const v of f.value) if (leafMatchesValue(leaf, v, state)) return true;
  return false;
}

const asText = (v: unknown): string | null =>
  typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : null;

function leafMatchesValue(leaf: MatchLeaf, v: unknown, state: EvalState): boolean {
  switch (leaf.kind) {
    case "string": {
      const text = asText(v);
      return text !== null && stringMatcher(leaf).test(text, state);
    }
    case "regex": {
      const text = asText(v);
      if (text === null) return false;
      for (const p of leaf.values) if (compiledRegex(p, leaf.flags).test(text)) return true;
      return false;
    }
    case "number": {
      const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
      return !Number.isNaN(n) && leaf.values.some((x) => compare(n, leaf.op, x));
    }
    case "bool":
      return leaf.values.some((b) => v === b || (typeof v === "string" && v.toLowerCase() === String(b)));
    case "cidr":
      return typeof v === "string" && leaf.values.some((net) => cidrContains(net, v));
    case "fieldref": {
      const text = asText(v);
      if (text === null) return false;
      return leaf.values.some((ref) => {
        const other = state.field(ref);
        if (!other.found) return false;
        const others = Array.isArray(other.value) ? other.value : [other.value];
        return others.some((o) => {
          const otherText = asText(o);
          return otherText !== null && plainMatches(otherText, leaf.op, leaf.cased, text);
        });
      });
    }
    case "timepart": {
      const part = timePartOf(v, leaf.part);
      return part !== null && leaf.values.some((x) => compare(part, leaf.op ?? "eq", x));
    }
    case "null":
    case "exists":
      return false;
    default:
      return assertNever(leaf);
  }
}

function compare(actual: number, op: "eq" | "lt" | "lte" | "gt" | "gte", expected: number): boolean {
  switch (op) {
    case "eq": return actual === expected;
    case "lt": return actual < expected;
    case "lte": return actual <= expected;
    case "gt": return actual > expected;
    case "gte": return actual >= expected;
  }
}

/** Plain (wildcard-free) matching of `needle` in `text` with a string operator. */
function plainMatches(needle: string, op: StringOp, cased: boolean, text: string): boolean {
  return cased ? opMatches(text, op, needle) : opMatches(text.toLowerCase(), op, needle.toLowerCase());
}

/**
 * A string leaf compiled once: plain values as (lower-cased unless cased) needles compared with the leaf's
 * operator, values with wildcards or placeholders as anchored regular expressions.
 */
class StringMatcher {
  private readonly needles: string[] = [];
  private readonly patterns: RegExp[] = [];
  constructor(private readonly leaf: Extract<MatchLeaf, { kind: "string" }>) {
    for (const parts of leaf.values) {
      if (hasWildcards(parts) || hasPlaceholders(parts)) {
        this.patterns.push(regexToJs(sigmaStringToRegex(parts, { op: leaf.op, cased: leaf.cased })));
      } else {
        const text = sigmaStringText(parts);
        this.needles.push(leaf.cased ? text : text.toLowerCase());
      }
    }
  }

  test(text: string, state: EvalState): boolean {
    if (this.needles.length > 0) {
      const t = this.leaf.cased ? text : state.lower(text);
      for (const n of this.needles) if (opMatches(t, this.leaf.op, n)) return true;
    }
    for (const re of this.patterns) if (re.test(text)) return true;
    return false;
  }
}

const stringMatchers = new WeakMap<MatchLeaf, StringMatcher>();

function stringMatcher(leaf: Extract<MatchLeaf, { kind: "string" }>): StringMatcher {
  let m = stringMatchers.get(leaf);
  if (!m) {
    m = new StringMatcher(leaf);
    stringMatchers.set(leaf, m);
  }
  return m;
}

function opMatches(text: string, op: StringOp, needle: string): boolean {
  switch (op) {
    case "eq": return text === needle;
    case "contains": return text.includes(needle);
    case "startswith": return text.startsWith(needle);
    case "endswith": return text.endsWith(needle);
  }
}

const regexCache = new Map<string, RegExp>();

function compiledRegex(pattern: string, flags: { ignoreCase: boolean; multiline: boolean; dotAll: boolean }): RegExp {
  const f = `${flags.ignoreCase ? "i" : ""}${flags.multiline ? "m" : ""}${flags.dotAll ? "s" : ""}`;
  const key = `${f}/${pattern}`;
  let re = regexCache.get(key);
  if (!re) {
    try {
      re = regexToJs(pattern, f);
    } catch {
      re = /(?!)/; // invalid patterns were reported at parse time; they never match
    }
    if (regexCache.size > 10000) regexCache.clear();
    regexCache.set(key, re);
  }
  return re;
}
