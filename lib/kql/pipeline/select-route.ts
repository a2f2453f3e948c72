/** Step `select-route`: which routes of a target may carry a rule, judged by its logsource alone. */
import type { LogSource } from "../../sigma";
import type { KqlTarget, LogSourceSelector, TableRoute } from "../target";

function keyMatches(want: string | string[] | undefined, have: string | undefined): boolean {
  if (want === undefined) return true;
  const list = Array.isArray(want) ? want : [want];
  const value = (have ?? "").toLowerCase();
  return list.some((w) => w.toLowerCase() === value);
}

/** True when every key the selector names equals the rule's (absent keys match anything; `""` matches an absent key). */
export function selectorMatches(sel: LogSourceSelector, ls: LogSource): boolean {
  return keyMatches(sel.product, ls.product) && keyMatches(sel.category, ls.category) && keyMatches(sel.service, ls.service);
}

/** Routes whose selector matches, in the target's order. */
export function candidateRoutes(target: KqlTarget, ls: LogSource): TableRoute[] {
  return target.routes.filter((r) => selectorMatches(r.when, ls));
}

/** A logsource as `product/category/service` for messages. */
export function describeLogSource(ls: LogSource): string {
  const parts = [
    ls.product && `product: ${ls.product}`,
    ls.category && `category: ${ls.category}`,
    ls.service && `service: ${ls.service}`,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "an empty logsource";
}
