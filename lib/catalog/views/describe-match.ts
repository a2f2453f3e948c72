/**
 * Puts Sigma match expressions into plain English for the hunt hypothesis and the tuning guidance.
 * Lists of values are cut after a few with "and N more" so sentences stay readable and are never truncated.
 */
import type { MatchExpr, MatchLeaf, SigmaString } from "../../sigma/model";

/** How many values of one field a sentence names before saying "and N more". */
export const MAX_VALUES = 3;
/** How many leaves of one selection a sentence names before saying "and N more conditions". */
export const MAX_LEAVES = 3;

/** A Sigma string as the rule author wrote it (wildcards shown as `*` and `?`). */
export function sigmaStringText(s: SigmaString): string {
  return s
    .map((p) => (p.kind === "text" ? p.value : p.kind === "anyChars" ? "*" : p.kind === "oneChar" ? "?" : `%${p.name}%`))
    .join("");
}

/** Quoted list: `"a"`, `"a" or "b"`, `"a", "b", "c" or 4 more`. */
export function listValues(values: string[], joiner: "or" | "and", max = MAX_VALUES): string {
  const quoted = values.map((v) => `"${v}"`);
  if (quoted.length <= 1) return quoted[0] ?? "(no value)";
  if (quoted.length <= max) return `${quoted.slice(0, -1).join(", ")} ${joiner} ${quoted[quoted.length - 1]}`;
  const rest = quoted.length - max;
  return `${quoted.slice(0, max).join(", ")} ${joiner} ${rest} more`;
}

const STRING_OPS: Record<string, string> = {
  eq: "is",
  contains: "contains",
  startswith: "starts with",
  endswith: "ends with",
};
const NUMBER_OPS: Record<string, string> = {
  eq: "is",
  lt: "is less than",
  lte: "is at most",
  gt: "is greater than",
  gte: "is at least",
};

/** The values of a leaf as display strings. */
export function leafValues(leaf: MatchLeaf): string[] {
  switch (leaf.kind) {
    case "string":
      return leaf.values.map(sigmaStringText);
    case "regex":
    case "fieldref":
      return [...leaf.values];
    case "number":
    case "timepart":
      return leaf.values.map(String);
    case "bool":
      return leaf.values.map(String);
    case "cidr":
      return leaf.values.map((v) => v.text);
    case "null":
      return ["null"];
    case "exists":
      return [leaf.exists ? "exists" : "absent"];
  }
}

function subject(field: string | null): string {
  return field === null ? "the event" : field;
}

function anyOf(values: string[], all: boolean): string {
  if (values.length <= 1) return listValues(values, "or");
  return `${all ? "all of" : "any of"} ${listValues(values, all ? "and" : "or")}`;
}

/** One leaf in words, e.g. `CommandLine contains any of "a" or "b"`; `all` says the values must all match. */
export function describeLeaf(leaf: MatchLeaf, all = false, values = leafValues(leaf)): string {
  switch (leaf.kind) {
    case "string": {
      const verb = leaf.field === null ? "mentions" : (STRING_OPS[leaf.op] ?? leaf.op);
      return `${subject(leaf.field)} ${verb} ${anyOf(values, all)}${leaf.cased ? " (case-sensitive)" : ""}`;
    }
    case "regex":
      return `${subject(leaf.field)} matches ${values.length > 1 ? (all ? "all of the patterns " : "any of the patterns ") : "the pattern "}${listValues(values, all ? "and" : "or")}`;
    case "number":
      return `${subject(leaf.field)} ${NUMBER_OPS[leaf.op] ?? leaf.op} ${anyOf(values, all)}`;
    case "timepart":
      return `the ${leaf.part} of ${leaf.field} is ${anyOf(values, all)}`;
    case "bool":
      return `${leaf.field} is ${anyOf(values, all)}`;
    case "cidr":
      return `${leaf.field} is in ${anyOf(values, all)}`;
    case "fieldref":
      return `${leaf.field} ${STRING_OPS[leaf.op] ?? leaf.op} the value of ${listValues(values, "or")}`;
    case "null":
      return `${leaf.field} is empty`;
    case "exists":
      return `${leaf.field} is ${leaf.exists ? "present" : "absent"}`;
  }
}

/**
 * `Field|contains|all` becomes an `and` of single-value leaves on one field; seeing it as one leaf with "all of"
 * reads far better than "X contains a and X contains b and …".
 */
function mergeAllLeaves(items: MatchExpr[]): { leaf: MatchLeaf; values: string[] } | null {
  if (items.length < 2) return null;
  const leaves: MatchLeaf[] = [];
  for (const item of items) {
    if (item.kind !== "leaf") return null;
    leaves.push(item.leaf);
  }
  const first = leaves[0];
  const sameShape = leaves.every(
    (l) => l.kind === first.kind && l.field === first.field && ("op" in l ? l.op : "") === ("op" in first ? first.op : "") && leafValues(l).length === 1,
  );
  if (!sameShape) return null;
  return { leaf: first, values: leaves.flatMap(leafValues) };
}

/** Field → values used by an expression (for showing what a filter looks at). */
export function exprFields(expr: MatchExpr): { field: string; values: string[] }[] {
  const byField = new Map<string, string[]>();
  const walk = (e: MatchExpr): void => {
    if (e.kind === "leaf") {
      const key = e.leaf.field ?? "(keywords)";
      const list = byField.get(key) ?? [];
      for (const v of leafValues(e.leaf)) if (!list.includes(v)) list.push(v);
      byField.set(key, list);
    } else if (e.kind === "and" || e.kind === "or") e.items.forEach(walk);
    else if (e.kind === "not") walk(e.item);
  };
  walk(expr);
  return [...byField].map(([field, values]) => ({ field, values }));
}

/**
 * An expression in words. `and` joins with "and", `or` with "or" (alternatives are separated by "; or" when
 * they are compound), `not` says "not (…)". Long lists of leaves end with "and N more conditions".
 */
export function describeExpr(expr: MatchExpr, maxLeaves = MAX_LEAVES): string {
  switch (expr.kind) {
    case "const":
      return expr.value ? "always true" : "never true";
    case "leaf":
      return describeLeaf(expr.leaf);
    case "not":
      return `not (${describeExpr(expr.item, maxLeaves)})`;
    case "and":
    case "or": {
      if (expr.kind === "and") {
        const merged = mergeAllLeaves(expr.items);
        if (merged) return describeLeaf(merged.leaf, true, merged.values);
      }
      if (expr.items.length === 1) return describeExpr(expr.items[0], maxLeaves);
      const shown = expr.items.slice(0, maxLeaves).map((i) => describeExpr(i, maxLeaves));
      const compound = expr.items.some((i) => i.kind !== "leaf");
      const word = expr.kind === "and" ? "and" : "or";
      // Alternatives of compound items are separated by "; or", conjunctions by ", and", so "and" binds tighter.
      const sep = compound ? (word === "or" ? "; or " : ", and ") : expr.items.length > 2 ? ", " : ` ${word} `;
      let text: string;
      if (compound || shown.length <= 2) text = shown.join(sep);
      else text = `${shown.slice(0, -1).join(", ")} ${word} ${shown[shown.length - 1]}`;
      const rest = expr.items.length - shown.length;
      if (rest > 0) text = `${shown.join(compound ? sep : ", ")} ${word} ${rest} more condition${rest === 1 ? "" : "s"}`;
      return text;
    }
  }
}
