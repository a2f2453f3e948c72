/** Builders for route filters (fixed predicates over real columns), shared by every target's route data. */
import type { MatchExpr } from "../../../sigma";

/** Route filters are not from a rule; their source names the column they test. */
const source = (column: string) => ({ search: "route", key: column });

/** `Column == "value"` (or `in (…)` for several), case-sensitive: for exact enumeration values such as ActionType. */
export function columnIs(column: string, ...values: string[]): MatchExpr {
  return {
    kind: "leaf",
    leaf: { kind: "string", field: column, op: "eq", values: values.map((v) => [{ kind: "text", value: v }]), cased: true, source: source(column) },
  };
}

/** `Column =~ "value"` (or `in~ (…)`), case-insensitive: Windows channel and provider names, ASIM vendor names. */
export function textIn(column: string, ...values: string[]): MatchExpr {
  return {
    kind: "leaf",
    leaf: { kind: "string", field: column, op: "eq", values: values.map((v) => [{ kind: "text", value: v }]), cased: false, source: source(column) },
  };
}

/** `Column == n` (or `in (…)`) on a numeric column. */
export function columnIsNumber(column: string, ...values: number[]): MatchExpr {
  return { kind: "leaf", leaf: { kind: "number", field: column, op: "eq", values, source: source(column) } };
}

/** All of the given filters (a single filter stays as it is). */
export function allOf(...items: MatchExpr[]): MatchExpr {
  return items.length === 1 ? items[0] : { kind: "and", items };
}
