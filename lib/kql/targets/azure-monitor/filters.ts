/** Builders for the fixed route filters of the Azure Monitor target (predicates over real column names). */
import type { MatchExpr } from "../../../sigma/model";

const ROUTE_SOURCE = { search: "route", key: "" };

/** `column` equals one of `values`, case-insensitively (Windows channel and provider names are case-insensitive). */
export function textIn(column: string, ...values: string[]): MatchExpr {
  return {
    kind: "leaf",
    leaf: {
      kind: "string",
      field: column,
      op: "eq",
      values: values.map((value) => [{ kind: "text" as const, value }]),
      cased: false,
      source: { ...ROUTE_SOURCE, key: column },
    },
  };
}

/** Numeric `column` equals one of `values`. */
export function numberIn(column: string, ...values: number[]): MatchExpr {
  return { kind: "leaf", leaf: { kind: "number", field: column, op: "eq", values, source: { ...ROUTE_SOURCE, key: column } } };
}

/** All of `items`. */
export function allOf(...items: MatchExpr[]): MatchExpr {
  return items.length === 1 ? items[0] : { kind: "and", items };
}
