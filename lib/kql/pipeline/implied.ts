/**
 * Fields a route already fixes (e.g. `EventID: 1` on a route that reads only Sysmon event 1): a test on them is
 * decided at conversion time, true or false for every event of the route, or unsupported when it splits them.
 */
import type { MatchExpr, MatchLeaf } from "../../sigma";
import type { TableRoute } from "../target";
import { regexToJs, sigmaStringToRegex } from "../../sigma";
import type { KqlCond } from "../emit/ir";
import { fieldIndex, type BindContext } from "./bind";

function leafMatches(leaf: MatchLeaf, v: string | number): boolean | undefined {
  switch (leaf.kind) {
    case "string":
      return leaf.values.some((val) => regexToJs(sigmaStringToRegex(val, { op: leaf.op, cased: leaf.cased })).test(String(v)));
    case "number": {
      const n = typeof v === "number" ? v : Number(v);
      if (Number.isNaN(n)) return false;
      return leaf.values.some((x) =>
        leaf.op === "eq" ? n === x : leaf.op === "lt" ? n < x : leaf.op === "lte" ? n <= x : leaf.op === "gt" ? n > x : n >= x,
      );
    }
    case "exists":
      return leaf.exists;
    case "null":
      return false;
    default:
      return undefined;
  }
}

/** Decides a leaf on a route-implied field, given the values every event of the route has. */
export function evaluateImplied(leaf: MatchLeaf, values: (string | number)[], ctx: BindContext): KqlCond {
  const verdicts = values.map((v) => leafMatches(leaf, v));
  if (verdicts.every((x) => x === true)) return { kind: "const", value: true };
  if (verdicts.every((x) => x === false)) return { kind: "const", value: false };
  ctx.problems.push({
    code: "implied-field-partial",
    message: `${leaf.field} is fixed by route ${ctx.route.id} to ${values.join(", ")}, and the rule's test on it does not hold for all of them`,
  });
  return { kind: "const", value: false };
}

/**
 * Three-valued evaluation of a rule against what a route fixes: leaves on route-implied fields are decided,
 * every other leaf is unknown (null). `false` means no event of the route can match, whatever its other fields.
 */
export function impliedVerdict(expr: MatchExpr, route: TableRoute): boolean | null {
  switch (expr.kind) {
    case "const":
      return expr.value;
    case "not": {
      const v = impliedVerdict(expr.item, route);
      return v === null ? null : !v;
    }
    case "and":
    case "or": {
      let unknown = false;
      for (const item of expr.items) {
        const v = impliedVerdict(item, route);
        if (v === null) unknown = true;
        else if (v === (expr.kind === "or")) return v;
      }
      return unknown ? null : expr.kind === "and";
    }
    case "leaf": {
      const field = expr.leaf.field;
      if (!field) return null;
      const m = fieldIndex(route).get(field.toLowerCase());
      if (!m || !("impliedBy" in m)) return null;
      const verdicts = m.values.map((v) => leafMatches(expr.leaf, v));
      if (verdicts.every((x) => x === true)) return true;
      if (verdicts.every((x) => x === false)) return false;
      return null;
    }
  }
}
