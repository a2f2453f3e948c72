/**
 * The whole detection as one boolean expression (what the KQL compiler walks): conditions ORed, search
 * identifiers inlined, `x of` expanded, n-ary and/or flattened, constants folded. Plus a debug printer.
 */
import type { ConditionNode, MatchExpr, MatchLeaf, SigmaDetection } from "./model";
import { assertNever } from "./condition/print";
import { formatSigmaString } from "./values";

/** Adds every identifier a condition node uses to `out`. */
export function collectRefs(node: ConditionNode, out: Set<string>): void {
  switch (node.kind) {
    case "ref":
      out.add(node.name);
      return;
    case "of":
      for (const n of node.names) out.add(n);
      return;
    case "not":
      collectRefs(node.item, out);
      return;
    case "and":
    case "or":
      for (const i of node.items) collectRefs(i, out);
      return;
    default:
      assertNever(node);
  }
}

/**
 * The detection's full expression: every condition (ORed) with search identifiers inlined. An unknown
 * identifier (already reported as an issue) becomes `false`. No conditions at all also gives `false`.
 */
export function buildMatchExpr(detection: SigmaDetection): MatchExpr {
  const inline = (node: ConditionNode): MatchExpr => {
    switch (node.kind) {
      case "ref":
        return detection.searches[node.name]?.expr ?? { kind: "const", value: false };
      case "of": {
        const items = node.names.map((n) => detection.searches[n]?.expr ?? ({ kind: "const", value: false } as MatchExpr));
        return node.quantifier === "all" ? andOf(items) : orOf(items);
      }
      case "not":
        return notOf(inline(node.item));
      case "and":
        return andOf(node.items.map(inline));
      case "or":
        return orOf(node.items.map(inline));
      default:
        return assertNever(node);
    }
  };
  return orOf(detection.conditions.map(inline));
}

/** Normalises an expression: flattens nested and/or, folds constants, unwraps single items and double negation. */
export function simplifyExpr(expr: MatchExpr): MatchExpr {
  switch (expr.kind) {
    case "and":
      return andOf(expr.items.map(simplifyExpr));
    case "or":
      return orOf(expr.items.map(simplifyExpr));
    case "not":
      return notOf(simplifyExpr(expr.item));
    default:
      return expr;
  }
}

/** n-ary AND with flattening and constant folding (`and` of nothing is true). */
export function andOf(items: MatchExpr[]): MatchExpr {
  const out: MatchExpr[] = [];
  for (const item of items) {
    if (item.kind === "const") {
      if (!item.value) return item;
    } else if (item.kind === "and") out.push(...item.items);
    else out.push(item);
  }
  if (out.length === 0) return { kind: "const", value: true };
  return out.length === 1 ? out[0] : { kind: "and", items: out };
}

/** n-ary OR with flattening and constant folding (`or` of nothing is false). */
export function orOf(items: MatchExpr[]): MatchExpr {
  const out: MatchExpr[] = [];
  for (const item of items) {
    if (item.kind === "const") {
      if (item.value) return item;
    } else if (item.kind === "or") out.push(...item.items);
    else out.push(item);
  }
  if (out.length === 0) return { kind: "const", value: false };
  return out.length === 1 ? out[0] : { kind: "or", items: out };
}

/** Negation with `not not x` → x and constants folded. */
export function notOf(item: MatchExpr): MatchExpr {
  if (item.kind === "const") return { kind: "const", value: !item.value };
  if (item.kind === "not") return item.item;
  return { kind: "not", item };
}

/**
 * Debug/test text of an expression: `(a and b)`, `(not a)`, leaves as `Field|op: 'v1', 'v2'`
 * (`*` for keywords; string values in Sigma syntax, so literal wildcards show as `\*`).
 */
export function printMatchExpr(expr: MatchExpr): string {
  switch (expr.kind) {
    case "and":
    case "or":
      return `(${expr.items.map(printMatchExpr).join(` ${expr.kind} `)})`;
    case "not":
      return `(not ${printMatchExpr(expr.item)})`;
    case "const":
      return String(expr.value);
    case "leaf":
      return printLeaf(expr.leaf);
    default:
      return assertNever(expr);
  }
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

function printLeaf(leaf: MatchLeaf): string {
  const field = leaf.field ?? "*";
  switch (leaf.kind) {
    case "string":
      return `${field}|${leaf.op}${leaf.cased ? "|cased" : ""}: ${leaf.values.map((v) => quote(formatSigmaString(v))).join(", ")}`;
    case "regex": {
      const f = leaf.flags;
      const flags = `${f.ignoreCase ? "i" : ""}${f.multiline ? "m" : ""}${f.dotAll ? "s" : ""}`;
      return `${field}|re${flags ? `/${flags}` : ""}: ${leaf.values.map(quote).join(", ")}`;
    }
    case "number":
      return `${field}|${leaf.op}: ${leaf.values.join(", ")}`;
    case "bool":
      return `${field}: ${leaf.values.join(", ")}`;
    case "null":
      return `${field}: null`;
    case "exists":
      return `${field}|exists: ${leaf.exists}`;
    case "cidr":
      return `${field}|cidr: ${leaf.values.map((n) => n.text).join(", ")}`;
    case "fieldref":
      return `${field}|fieldref|${leaf.op}${leaf.cased ? "|cased" : ""}: ${leaf.values.join(", ")}`;
    case "timepart":
      return `${field}|${leaf.part}|${leaf.op ?? "eq"}: ${leaf.values.join(", ")}`;
    default:
      return assertNever(leaf);
  }
}
