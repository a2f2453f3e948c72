/** Small builders the value transforms share. */
import type { MatchLeaf, SigmaString, StringOp } from "../../../sigma";
import type { ColumnRef, KqlCond } from "../../emit/ir";
import { combine } from "../../emit/ir";
import { boundTest, type BindContext } from "../bind";

/** A string leaf with the same source as `base`, testing one plain text with `op`. */
export function textLeaf(base: MatchLeaf, op: StringOp, text: string, cased: boolean): MatchLeaf {
  return { kind: "string", field: base.field, op, values: [text === "" ? [] : [{ kind: "text", value: text }]], cased, source: base.source };
}

/** A string leaf with the same source as `base` and the given values. */
export function valuesLeaf(base: MatchLeaf, op: StringOp, values: SigmaString[], cased: boolean): MatchLeaf {
  return { kind: "string", field: base.field, op, values, cased, source: base.source };
}

/** `col <op> text` as a condition; `startswith ""`-like tests that hold for every value fold to true. */
export function textTest(base: MatchLeaf, col: ColumnRef, op: StringOp, text: string, cased: boolean): KqlCond {
  if (text === "" && op !== "eq") return { kind: "const", value: true };
  return boundTest(textLeaf(base, op, text, cased), col);
}

/** Records a problem and returns the neutral `false` so binding can carry on collecting problems. */
export function refuse(ctx: BindContext, code: string, message: string): KqlCond {
  ctx.problems.push({ code, message });
  return { kind: "const", value: false };
}

/** Applies `fn` to each value of a string leaf and ORs the results; other leaf kinds are refused. */
export function perStringValue(
  leaf: MatchLeaf,
  col: ColumnRef,
  ctx: BindContext,
  transform: string,
  fn: (value: SigmaString, leaf: MatchLeaf & { kind: "string" }) => KqlCond,
): KqlCond {
  // Presence tests do not depend on how values are spelt.
  if (leaf.kind === "exists" || leaf.kind === "null") return boundTest(leaf, col);
  if (leaf.kind !== "string") return refuse(ctx, "unsupported-modifier", `${leaf.field}: a ${leaf.kind} test cannot go through the ${transform} transform`);
  return combine("or", leaf.values.map((v) => fn(v, leaf)));
}

/** The plain text of a value, or null when it holds wildcards or placeholders. */
export function plainText(value: SigmaString): string | null {
  let s = "";
  for (const p of value) {
    if (p.kind !== "text") return null;
    s += p.value;
  }
  return s;
}

/**
 * Merges an OR of case-insensitive whole-value tests on the same column into one leaf (so the emitter can
 * write one `in~` list); anything else is returned unchanged.
 */
export function mergeWholeValues(cond: KqlCond): KqlCond {
  if (cond.kind !== "or") return cond;
  const tests = cond.items.map((i) => (i.kind === "bound" && i.test.kind === "test" ? i.test : null));
  const first = tests[0];
  if (!first || tests.some((t) => !t || t.col.expr !== first.col.expr || t.leaf.kind !== "string" || t.leaf.op !== "eq" || t.leaf.cased)) return cond;
  const values = tests.flatMap((t) => (t && t.leaf.kind === "string" ? t.leaf.values : []));
  return boundTest(valuesLeaf(first.leaf, "eq", values, false), first.col);
}
