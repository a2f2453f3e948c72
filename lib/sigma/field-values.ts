/**
 * Turns one detection item (`Field|mods: value or list`) into a MatchExpr: values typed (string, number, bool,
 * null), transformations applied (windash, utf16, base64, base64offset), `|all` → `and` of leaves, `|neq` → `not`.
 */
import type { LeafSource, MatchExpr, MatchLeaf, Modifiers, SigmaString, StringOp } from "./model";
import type { IssueCode, IssueSink } from "./issues";
import { parseKey, valueKind } from "./modifiers";
import { base64Encode, base64OffsetVariants, utf16Bytes, utf8Bytes, windashVariants } from "./encode";
import { hasWildcards, parseSigmaString, sigmaStringText } from "./values";
import { buildRegexValue, parseCidr } from "./special-values";
import { andOf } from "./match-expr";

/** Where to report problems of one item: the item key's location and a locator for each list value. */
export interface ItemContext {
  search: string;
  key: string;
  line?: number;
  /** Reports a problem of the item (no index) or of its `valueIndex`-th value. */
  report(code: IssueCode, message: string, valueIndex?: number): void;
}

/** Builds the expression of one detection item. Never throws; problems go through `ctx.report`. */
export function buildItemExpr(value: unknown, ctx: ItemContext): MatchExpr {
  const parsed = parseKey(ctx.key);
  for (const issue of parsed.issues) ctx.report(issue.code as IssueCode, issue.message);
  const { field, modifiers: m } = parsed;
  const source: LeafSource = { search: ctx.search, key: ctx.key };
  if (ctx.line !== undefined) source.line = ctx.line;
  const isList = Array.isArray(value);
  const values: unknown[] = isList ? value : [value];
  if (isList && values.length === 0) {
    ctx.report("empty-value-list", `${ctx.key}: empty list of values never matches`);
    return { kind: "const", value: false };
  }
  if (m.all && values.length === 1) ctx.report("all-single-value", `${ctx.key}: '|all' on a single value`);
  if (isList && values.length > 1 && values.includes(null)) {
    ctx.report("null-in-list", `${ctx.key}: null inside a list of values; write it as its own selection`);
  }
  const kind = valueKind(m);
  if (field === null && (kind === "exists" || kind === "cidr" || kind === "fieldref" || kind === "timepart")) {
    ctx.report("missing-field", `'${ctx.key}' needs a field name`);
    return { kind: "const", value: false };
  }
  const leaves: MatchExpr[] = [];
  for (let index = 0; index < values.length; index++) {
    const leaf = buildValueLeaf(values[index], index, field, m, source, ctx);
    if (leaf) leaves.push(leaf);
  }
  // No usable value (each one was reported): the item matches nothing, even under `|all`.
  if (leaves.length === 0) return { kind: "const", value: false };
  let expr = m.all ? andOf(leaves) : mergeOr(leaves);
  if (m.neq) expr = { kind: "not", item: expr };
  return expr;
}

/** ORs single-value leaves, merging leaves of the same kind/field/op into one leaf with several values. */
function mergeOr(items: MatchExpr[]): MatchExpr {
  const out: MatchExpr[] = [];
  for (const item of items) {
    // OR is commutative: a value joins the first earlier leaf of the same kind, field and operator.
    const into = item.kind === "leaf" ? out.find((o) => o.kind === "leaf" && mergeable(o.leaf, item.leaf)) : undefined;
    if (into?.kind === "leaf" && item.kind === "leaf") {
      (into.leaf as { values: unknown[] }).values.push(...(item.leaf as { values: unknown[] }).values);
    } else {
      out.push(item);
    }
  }
  return out.length === 1 ? out[0] : out.length === 0 ? { kind: "const", value: false } : { kind: "or", items: out };
}

function mergeable(a: MatchLeaf, b: MatchLeaf): boolean {
  if (a.kind !== b.kind || !("values" in a) || !("values" in b)) return false;
  if (a.kind === "string" && b.kind === "string") return a.op === b.op && a.cased === b.cased;
  if (a.kind === "number" && b.kind === "number") return a.op === b.op;
  if (a.kind === "timepart" && b.kind === "timepart") return a.op === b.op;
  return a.kind === "bool" || a.kind === "cidr" || a.kind === "regex" || a.kind === "fieldref";
}

function stringOp(m: Modifiers): StringOp {
  return m.contains ? "contains" : m.startswith ? "startswith" : m.endswith ? "endswith" : "eq";
}

function leaf(l: MatchLeaf): MatchExpr {
  return { kind: "leaf", leaf: l };
}

function bad(ctx: ItemContext, index: number, what: string): null {
  ctx.report("invalid-value-type", `${ctx.key}: ${what}`, index);
  return null;
}

/** Adapts an item context to the (code, message) reporter of one value. */
class ValueReporter {
  constructor(
    private readonly ctx: ItemContext,
    private readonly index: number,
  ) {}
  report(code: IssueCode, message: string): void {
    this.ctx.report(code, `${this.ctx.key}: ${message}`, this.index);
  }
}

function buildValueLeaf(
  v: unknown, index: number, field: string | null, m: Modifiers, source: LeafSource, ctx: ItemContext,
): MatchExpr | null {
  if (v !== null && typeof v === "object") return bad(ctx, index, "a value must be a string, number, boolean or null, not a list or map");
  const kind = valueKind(m);
  switch (kind) {
    case "exists":
      if (typeof v !== "boolean") return bad(ctx, index, "'exists' takes true or false");
      return leaf({ kind: "exists", field: field as string, exists: v, source });
    case "compare":
    case "timepart": {
      if (typeof v !== "number") return bad(ctx, index, `'${m.written.join("|")}' takes a number`);
      if (kind === "compare") return leaf({ kind: "number", field, op: m.compare ?? "eq", values: [v], source });
      const l: MatchLeaf = { kind: "timepart", field: field as string, part: m.timePart!, values: [v], source };
      if (m.compare) l.op = m.compare;
      return leaf(l);
    }
    case "cidr": {
      if (typeof v !== "string") return bad(ctx, index, "'cidr' takes a network such as 10.0.0.0/8");
      const net = parseCidr(v);
      if (!net) {
        ctx.report("invalid-cidr", `${ctx.key}: '${v}' is not an IPv4 or IPv6 network`, index);
        return null;
      }
      return leaf({ kind: "cidr", field: field as string, values: [net], source });
    }
    case "fieldref":
      if (typeof v !== "string") return bad(ctx, index, "'fieldref' takes a field name");
      return leaf({ kind: "fieldref", field: field as string, op: stringOp(m), values: [v], cased: m.cased, source });
    case "re": {
      if (typeof v !== "string") return bad(ctx, index, "'re' takes a string");
      const pattern = buildRegexValue(v, stringOp(m), new ValueReporter(ctx, index));
      if (pattern === null) return null;
      return leaf({ kind: "regex", field, values: [pattern], flags: { ...m.reFlags }, source });
    }
    case "string":
      return plainValueLeaf(v, index, field, m, source, ctx);
  }
}

function plainValueLeaf(
  v: unknown, index: number, field: string | null, m: Modifiers, source: LeafSource, ctx: ItemContext,
): MatchExpr | null {
  const stringy = m.contains || m.startswith || m.endswith || m.windash || m.base64 || m.base64offset || m.cased || m.expand || m.utf16 !== null;
  if (v === null) {
    if (stringy) {
      ctx.report("invalid-value-type", `${ctx.key}: null cannot take string modifiers`, index);
      return null;
    }
    if (field === null) {
      ctx.report("invalid-value-type", "a keyword cannot be null", index);
      return null;
    }
    return leaf({ kind: "null", field, source });
  }
  if (typeof v === "boolean" && !stringy) {
    if (field === null) return leaf({ kind: "string", field, op: "contains", values: [parseSigmaString(String(v))], cased: false, source });
    return leaf({ kind: "bool", field, values: [v], source });
  }
  if (typeof v === "number" && !stringy) return leaf({ kind: "number", field, op: "eq", values: [v], source });
  const raw = typeof v === "string" ? v : String(v);
  const variants = stringVariants(raw, m, new ValueReporter(ctx, index));
  if (variants === null) return null;
  // Keywords are searched anywhere in the event: without a match modifier they are substring searches.
  const op = field === null && stringOp(m) === "eq" ? "contains" : stringOp(m);
  return leaf({ kind: "string", field, op, values: variants, cased: m.cased, source });
}

/** The Sigma string variants one written value stands for after windash / utf16 / base64 / base64offset. */
export function stringVariants(raw: string, m: Modifiers, issues: IssueSink): SigmaString[] | null {
  const parts = parseSigmaString(raw, m.expand);
  if (looksLikeMeantWildcard(raw)) {
    issues.report("literal-wildcard", `'${raw}' has \\* after a path segment: that is a literal *, not a backslash and a wildcard (write \\\\* for that)`);
  }
  let variants: SigmaString[] = [parts];
  if (m.windash) {
    const expanded = windashVariants(parts);
    if (expanded === null) {
      issues.report("too-many-variants", `'windash' on '${raw}' would produce more than 3125 variants`);
      return null;
    }
    variants = expanded;
  }
  if (!m.base64 && !m.base64offset) return variants;
  if (variants.some(hasWildcards)) {
    issues.report("wildcard-in-encoded-value", `'${raw}' contains a wildcard, which cannot be base64-encoded`);
    return null;
  }
  const out: SigmaString[] = [];
  for (const variant of variants) {
    const text = sigmaStringText(variant);
    const bytes = m.utf16 ? utf16Bytes(text, m.utf16) : utf8Bytes(text);
    const encoded = m.base64 ? [base64Encode(bytes)] : base64OffsetVariants(bytes);
    for (const e of encoded) out.push([{ kind: "text", value: e }]);
  }
  return out;
}

/**
 * The classic authoring trap `C:\Temp\*.exe`: an escaped `*` right after a path segment, in a value whose author
 * never doubles backslashes (so probably did not mean the escape). Other literal stars (a share `\\\\\*\\IPC$`,
 * an LDAP filter `(cn=\*)`, a leading `\*.bak`) are left alone.
 */
function looksLikeMeantWildcard(raw: string): boolean {
  if (!raw.includes("\\*") || raw.includes("\\\\")) return false;
  for (let i = 1; i < raw.length - 2; i++) {
    // `dir\*.ext` or `dir\*name`, with another backslash before it: a path the author wanted to wildcard.
    const pathLike = /[\w.$-]/.test(raw[i - 1]) && /[\w.]/.test(raw[i + 2] ?? "") && raw.lastIndexOf("\\", i - 1) !== -1;
    if (raw[i] === "\\" && raw[i + 1] === "*" && pathLike) return true;
  }
  return false;
}
