/**
 * Small builders for Sigma detections in view-model tests, so tests do not depend on the YAML parser.
 * Test-only: nothing in the app imports this module.
 */
import type { ConditionNode, MatchExpr, MatchLeaf, SigmaDetection, StringOp } from "../../sigma/model";

/** A string leaf on `field` with plain-text values. */
export function str(field: string | null, op: StringOp, values: string[], search = "selection"): MatchExpr {
  const leaf: MatchLeaf = {
    kind: "string",
    field,
    op,
    values: values.map((v) => [{ kind: "text", value: v }]),
    cased: false,
    source: { search, key: field ?? "" },
  };
  return { kind: "leaf", leaf };
}

/** `Field|op|all: [values]`, as the parser expands it: an `and` of one-value leaves. */
export function strAll(field: string, op: StringOp, values: string[]): MatchExpr {
  return { kind: "and", items: values.map((v) => str(field, op, [v])) };
}

/** n-ary and. */
export const and = (...items: MatchExpr[]): MatchExpr => ({ kind: "and", items });
/** n-ary or. */
export const or = (...items: MatchExpr[]): MatchExpr => ({ kind: "or", items });

/** Condition helpers. */
export const ref = (name: string): ConditionNode => ({ kind: "ref", name });
export const cnot = (item: ConditionNode): ConditionNode => ({ kind: "not", item });
export const cand = (...items: ConditionNode[]): ConditionNode => ({ kind: "and", items });
export const cor = (...items: ConditionNode[]): ConditionNode => ({ kind: "or", items });
export const oneOf = (pattern: string, names: string[]): ConditionNode => ({ kind: "of", quantifier: "any", pattern, names });

/** A detection from named expressions and one condition. */
export function detection(searches: Record<string, MatchExpr>, condition: ConditionNode): SigmaDetection {
  return {
    searches: Object.fromEntries(Object.entries(searches).map(([name, expr]) => [name, { name, expr, keywords: false }])),
    conditions: [condition],
    conditionText: ["(test)"],
  };
}
