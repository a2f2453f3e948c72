/**
 * Placeholders as Microsoft Sentinel watchlists. A Sigma placeholder (`Field|expand: '%Admins_Workstations%'`)
 * stands for a list of values the deployment supplies; in Sentinel that list is a watchlist, and
 * `_GetWatchlist('<alias>')` returns its rows with the item in `SearchKey`. A whole-value placeholder therefore
 * becomes `Column in~ ((_GetWatchlist("<alias>") | project SearchKey))`: each watchlist item compared with the
 * whole column value, case-insensitively (`in` for `cased`). Watchlist items are plain values, not Sigma patterns,
 * so a placeholder inside a longer value or under contains/startswith/endswith is refused, as is a column whose
 * values a transform rewrites. The step id `watchlist:<alias>` in the trace tells the rule page which watchlists a
 * query needs.
 */
import type { MatchLeaf, SigmaString } from "../../sigma";
import { combine, type ColumnRef, type KqlCond } from "../emit/ir";
import { kqlString } from "../emit/escape";
import type { BindContext } from "./bind";

/** The placeholder name when `value` is exactly one placeholder, else null. */
function wholePlaceholder(value: SigmaString): string | null {
  return value.length === 1 && value[0].kind === "placeholder" ? value[0].name : null;
}

/** True when some value of the leaf holds a placeholder. */
export function hasPlaceholder(leaf: MatchLeaf): boolean {
  return leaf.kind === "string" && leaf.values.some((v) => v.some((p) => p.kind === "placeholder"));
}

/**
 * Binds a string leaf whose values hold placeholders: plain values go through `bindPlain`, each whole-value
 * placeholder becomes a watchlist membership test on `col`. Anything else is a problem.
 */
export function bindWatchlistLeaf(
  leaf: MatchLeaf & { kind: "string" },
  col: ColumnRef,
  ctx: BindContext,
  bindPlain: (leaf: MatchLeaf) => KqlCond,
): KqlCond {
  const names: string[] = [];
  const plain: SigmaString[] = [];
  for (const value of leaf.values) {
    const name = wholePlaceholder(value);
    if (name !== null) names.push(name);
    else if (value.some((p) => p.kind === "placeholder")) return refuse(ctx, leaf, "a placeholder inside a longer value has no watchlist equivalent");
    else plain.push(value);
  }
  if (leaf.op !== "eq") return refuse(ctx, leaf, `watchlist items are whole values; a ${leaf.op} test on them cannot be expressed`);
  if (col.type !== "string") return refuse(ctx, leaf, `${col.expr} is ${col.type}, and watchlist items are text`);
  const op = leaf.cased ? "in" : "in~";
  const tests: KqlCond[] = names.map((name) => {
    ctx.used.add(`watchlist:${name}`);
    return { kind: "bound", test: { kind: "raw", text: `${col.expr} ${op} ((_GetWatchlist(${kqlString(name)}) | project SearchKey))`, columns: col.columns } };
  });
  if (plain.length) tests.unshift(bindPlain({ ...leaf, values: plain }));
  return combine("or", tests);
}

function refuse(ctx: BindContext, leaf: MatchLeaf, why: string): KqlCond {
  ctx.problems.push({ code: "placeholder-unresolved", message: `${leaf.field}: ${why}` });
  return { kind: "const", value: false };
}
