/**
 * The feed's state lives in the URL. This module parses searchParams into a FeedQuery (ignoring junk) and
 * builds hrefs that toggle one facet value or change the page while keeping everything else.
 */
import { TARGET_IDS, type TargetId } from "../../kql/target";
import type { FacetKey, FeedQuery, ReadinessFilter } from "../types";

/** Next's searchParams shape. */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** Facets that are plain multi-valued string lists in the URL. */
export const LIST_KEYS = ["level", "status", "source", "product", "category", "service", "tactic", "technique", "author"] as const;
type ListKey = (typeof LIST_KEYS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function all(sp: SearchParamsRecord, key: string): string[] {
  const v = sp[key];
  const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
  return [...new Set(list.map((x) => x.trim()).filter((x) => x.length > 0 && x.length <= 200))];
}

function first(sp: SearchParamsRecord, key: string): string | null {
  return all(sp, key)[0] ?? null;
}

/** `target:converts`, `target:not` or `target:not:reason` → filter; anything else → null. */
export function parseReadiness(value: string): ReadinessFilter | null {
  const [target, state, ...rest] = value.split(":");
  if (!TARGET_IDS.includes(target as TargetId)) return null;
  if (state === "converts" && rest.length === 0) return { target: target as TargetId, converts: true };
  if (state === "not") return rest.length ? { target: target as TargetId, converts: false, reason: rest.join(":") } : { target: target as TargetId, converts: false };
  return null;
}

/** The URL form of a readiness filter. */
export function formatReadiness(r: ReadinessFilter): string {
  return r.converts ? `${r.target}:converts` : r.reason ? `${r.target}:not:${r.reason}` : `${r.target}:not`;
}

/** Parses searchParams; unknown or malformed values are dropped, never an error. */
export function parseFeedQuery(sp: SearchParamsRecord): FeedQuery {
  const lists = Object.fromEntries(LIST_KEYS.map((k) => [k, all(sp, k)])) as Record<ListKey, string[]>;
  lists.technique = lists.technique.map((t) => t.toUpperCase());
  const from = first(sp, "from");
  const to = first(sp, "to");
  const page = Number.parseInt(first(sp, "page") ?? "1", 10);
  return {
    q: (first(sp, "q") ?? "").slice(0, 200),
    ...lists,
    from: from && DATE.test(from) ? from : null,
    to: to && DATE.test(to) ? to : null,
    ready: all(sp, "ready").map(parseReadiness).filter((r): r is ReadinessFilter => r !== null),
    includeRemoved: first(sp, "removed") === "1",
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The URL query string of a FeedQuery (page 1 and empty values omitted), with a leading "?" or "". */
export function feedHref(query: FeedQuery, base = "/"): string {
  const sp = new URLSearchParams();
  if (query.q) sp.set("q", query.q);
  for (const k of LIST_KEYS) for (const v of query[k]) sp.append(k, v);
  if (query.from) sp.set("from", query.from);
  if (query.to) sp.set("to", query.to);
  for (const r of query.ready) sp.append("ready", formatReadiness(r));
  if (query.includeRemoved) sp.set("removed", "1");
  if (query.page > 1) sp.set("page", String(query.page));
  const s = sp.toString();
  return s ? `${base}?${s}` : base;
}

/** The href with one facet value switched on or off (back to page 1). */
export function toggleFacetHref(query: FeedQuery, key: FacetKey, value: string): string {
  const next: FeedQuery = { ...query, page: 1 };
  if (key === "ready") {
    const r = parseReadiness(value);
    if (!r) return feedHref(next);
    const has = query.ready.some((x) => formatReadiness(x) === value);
    next.ready = has ? query.ready.filter((x) => formatReadiness(x) !== value) : [...query.ready.filter((x) => x.target !== r.target), r];
  } else {
    const list = query[key];
    next[key] = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  }
  return feedHref(next);
}

/** The href of another page of the same results. */
export function pageHref(query: FeedQuery, page: number): string {
  return feedHref({ ...query, page });
}

/** An empty query (the unfiltered feed). */
export function emptyFeedQuery(): FeedQuery {
  return parseFeedQuery({});
}
