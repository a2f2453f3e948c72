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

const candidateCache = new WeakMap<KqlTarget, Map<string, TableRoute[]>>();

/** Routes whose selector matches, in the target's order (memoised per target and logsource). */
export function candidateRoutes(target: KqlTarget, ls: LogSource): TableRoute[] {
  let cache = candidateCache.get(target);
  if (!cache) {
    cache = new Map();
    candidateCache.set(target, cache);
  }
  const key = `${ls.product ?? ""}\u0000${ls.category ?? ""}\u0000${ls.service ?? ""}`.toLowerCase();
  let routes = cache.get(key);
  if (!routes) {
    routes = target.routes.filter((r) => selectorMatches(r.when, ls));
    cache.set(key, routes);
  }
  return routes;
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
