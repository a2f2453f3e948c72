/** Builders for route filters (fixed predicates over real columns), shared by every target's route data. */
import type { MatchExpr } from "../../../sigma";

const SOURCE = { search: "route", key: "" };

/** `Column == "value"` (or `in (…)` for several), case-sensitive: route filters name exact enumeration values. */
export function columnIs(column: string, ...values: string[]): MatchExpr {
  return {
    kind: "leaf",
    leaf: { kind: "string", field: column, op: "eq", values: values.map((v) => [{ kind: "text", value: v }]), cased: true, source: SOURCE },
  };
}

/** `Column == n` (or `in (…)`) on a numeric column. */
export function columnIsNumber(column: string, ...values: number[]): MatchExpr {
  return { kind: "leaf", leaf: { kind: "number", field: column, op: "eq", values, source: SOURCE } };
}

/** All of the given filters. */
export function allOf(...items: MatchExpr[]): MatchExpr {
  return { kind: "and", items };
}
