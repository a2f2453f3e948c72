/**
 * The feed over an in-memory index of every rule: filters (AND across facets, OR within one), facet counts
 * that follow the other filters (each facet is counted with every filter but its own), newest-first or
 * relevance order, and paging. Pure, so it is tested without a database.
 */
import { TARGET_IDS, type TargetId } from "../../kql/target";
import { LEVELS, STATUSES, type ConversionState, type Facet, type FacetKey, type FeedQuery, type RuleSummary } from "../types";
import { formatReadiness } from "./feed-params";

/** One rule as held in the feed index. */
export interface FeedRow extends RuleSummary {
  /** Newest of modified/date (YYYY-MM-DD) or null. */
  sortDate: string | null;
  /** Tactic shortnames (execution, stealth…). */
  tactics: string[];
  /** Why a conversion failed, per target (first issue code). */
  reasons: Record<TargetId, string | null>;
}

/** Labels the index knows (technique names, tactic names, source labels, target labels). */
export interface FeedLabels {
  tactic: Map<string, string>;
  technique: Map<string, string>;
  source: Map<string, string>;
  target: Map<string, string>;
}

/** Rules per page. */
export const PAGE_SIZE = 25;
/** Values a long facet shows (selected values are always shown too). */
export const FACET_LIMIT = 12;

const FACETS: { key: FacetKey; label: string }[] = [
  { key: "level", label: "Level" },
  { key: "status", label: "Status" },
  { key: "ready", label: "KQL readiness" },
  { key: "tactic", label: "Tactic" },
  { key: "technique", label: "Technique" },
  { key: "source", label: "Source" },
  { key: "product", label: "Product" },
  { key: "category", label: "Category" },
  { key: "service", label: "Service" },
  { key: "author", label: "Author" },
];

/** Authors are written as "A, B (Org)"; each person is a facet value. */
export function splitAuthors(author: string | null): string[] {
  if (!author) return [];
  return author
    .split(/,|\band\b|;|&/)
    .map((a) => a.replace(/\s+/g, " ").trim())
    .filter((a) => a.length > 1);
}

// Facet values per row are computed once per row object (rows live as long as the index).
const valueCache = new WeakMap<FeedRow, Partial<Record<FacetKey, string[]>>>();

function rowValues(row: FeedRow, key: FacetKey): string[] {
  let cached = valueCache.get(row);
  if (!cached) {
    cached = {};
    valueCache.set(row, cached);
  }
  return (cached[key] ??= [...new Set(computeValues(row, key))]);
}

function computeValues(row: FeedRow, key: FacetKey): string[] {
  switch (key) {
    case "level":
      return row.level ? [row.level] : [];
    case "status":
      return row.status ? [row.status] : [];
    case "source":
      return [row.sourceKey];
    case "product":
      return row.product ? [row.product] : [];
    case "category":
      return row.category ? [row.category] : [];
    case "service":
      return row.service ? [row.service] : [];
    case "tactic":
      return row.tactics;
    case "technique":
      return row.techniques.map((t) => t.id);
    case "author":
      return splitAuthors(row.author);
    case "ready":
      return TARGET_IDS.flatMap((t) => readinessValues(t, row.readiness[t], row.reasons[t]));
  }
}

function readinessValues(target: TargetId, state: ConversionState | null, reason: string | null): string[] {
  if (state === "converted") return [`${target}:converts`];
  if (state === null) return [];
  return reason ? [`${target}:not`, `${target}:not:${reason}`] : [`${target}:not`];
}

/** Technique filter T1059 also matches sub-techniques (T1059.001), as the coverage matrix counts them. */
function techniqueMatches(selected: string[], ids: string[]): boolean {
  return selected.some((s) => ids.some((id) => id === s || id.startsWith(`${s}.`)));
}

function passes(row: FeedRow, key: FacetKey, q: FeedQuery): boolean {
  if (key === "ready") {
    if (q.ready.length === 0) return true;
    const values = rowValues(row, "ready");
    return q.ready.every((r) => values.includes(formatReadiness(r)));
  }
  const selected = q[key];
  if (selected.length === 0) return true;
  const values = rowValues(row, key);
  if (key === "technique") return techniqueMatches(selected, values);
  if (key === "author") return selected.some((s) => values.includes(s));
  return values.some((v) => selected.includes(v));
}

function passesBase(row: FeedRow, q: FeedQuery, textHits: Set<string> | null): boolean {
  if (!q.includeRemoved && row.removedAt) return false;
  if (textHits && !textHits.has(row.id)) return false;
  if (q.from && (!row.sortDate || row.sortDate < q.from)) return false;
  if (q.to && (!row.sortDate || row.sortDate > q.to)) return false;
  return true;
}

function facetLabel(key: FacetKey, value: string, labels: FeedLabels): string {
  switch (key) {
    case "tactic":
      return labels.tactic.get(value) ?? value;
    case "technique": {
      const name = labels.technique.get(value);
      return name ? `${value} ${name}` : value;
    }
    case "source":
      return labels.source.get(value) ?? value;
    case "ready": {
      const [target, state, reason] = value.split(":");
      const t = labels.target.get(target) ?? target;
      return state === "converts" ? `${t}: converts` : reason ? `${t}: not (${reason})` : `${t}: does not convert`;
    }
    default:
      return value;
  }
}

function orderValues(key: FacetKey, counts: Map<string, number>): string[] {
  const entries = [...counts.keys()];
  const scale = (order: readonly string[]) => [...order.filter((v) => counts.has(v)), ...entries.filter((e) => !order.includes(e))];
  if (key === "level") return scale([...LEVELS].reverse());
  if (key === "status") return scale(STATUSES);
  if (key === "ready") {
    // Targets in display order; per target: converts, does not convert, then each reason by frequency.
    const rank = (v: string) => {
      const [target, state, reason] = v.split(":");
      return TARGET_IDS.indexOf(target as TargetId) * 3 + (state === "converts" ? 0 : reason ? 2 : 1);
    };
    return entries.sort((a, b) => rank(a) - rank(b) || counts.get(b)! - counts.get(a)! || (a < b ? -1 : 1));
  }
  return entries.sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
}

/** The rows passing every filter of `q` (no facets, no paging, index order). */
export function filterRows(rows: FeedRow[], q: FeedQuery, textHits: string[] | null = null): FeedRow[] {
  const hitSet = textHits ? new Set(textHits) : null;
  return rows.filter((r) => passesBase(r, q, hitSet) && FACETS.every((f) => passes(r, f.key, q)));
}

// Plain code-unit comparison: localeCompare over thousands of rows costs more than the whole filter.
const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const newestFirst = (a: FeedRow, b: FeedRow) => cmp(b.sortDate ?? "", a.sortDate ?? "") || cmp(a.title, b.title);
const sortedArrays = new WeakSet<FeedRow[]>();

/** Sorts rows newest first (modified, else date; then title) in place and remembers that the array is sorted. */
export function sortNewestFirst(rows: FeedRow[]): FeedRow[] {
  rows.sort(newestFirst);
  sortedArrays.add(rows);
  return rows;
}

function isNewestFirst(rows: FeedRow[]): boolean {
  return sortedArrays.has(rows);
}

// Per rows array and facet: every distinct value once, and each row's values as ids into that list.
const interned = new WeakMap<FeedRow[], Partial<Record<FacetKey, { values: string[]; ids: Map<FeedRow, Uint32Array> }>>>();

function internedValues(rows: FeedRow[], key: FacetKey): { values: string[]; ids: Map<FeedRow, Uint32Array> } {
  let byKey = interned.get(rows);
  if (!byKey) {
    byKey = {};
    interned.set(rows, byKey);
  }
  const hit = byKey[key];
  if (hit) return hit;
  const index = new Map<string, number>();
  const values: string[] = [];
  const ids = new Map<FeedRow, Uint32Array>();
  for (const row of rows) {
    const list = rowValues(row, key);
    const out = new Uint32Array(list.length);
    list.forEach((v, i) => {
      let id = index.get(v);
      if (id === undefined) {
        id = values.length;
        values.push(v);
        index.set(v, id);
      }
      out[i] = id;
    });
    ids.set(row, out);
  }
  return (byKey[key] = { values, ids });
}

/** The result of running a query over the index. */
export interface FeedResult {
  items: RuleSummary[];
  total: number;
  facets: Facet[];
}

/**
 * Runs a feed query. `textHits` are ids from full-text search in rank order (null: no text query), and when
 * given the results keep that order; otherwise newest first (ties by title).
 */
export function runFeed(rows: FeedRow[], q: FeedQuery, textHits: string[] | null, labels: FeedLabels, pageSize = PAGE_SIZE): FeedResult {
  const hitSet = textHits ? new Set(textHits) : null;
  const base = rows.filter((r) => passesBase(r, q, hitSet));
  // One pass computes, per row, a bit mask of the facet filters it fails; a facet's counts use rows failing
  // nothing but (at most) that facet's own filter.
  const active = FACETS.map((f) => (f.key === "ready" ? q.ready.length > 0 : q[f.key].length > 0));
  const masks = new Uint32Array(base.length);
  const matching: FeedRow[] = [];
  for (let i = 0; i < base.length; i++) {
    let mask = 0;
    for (let f = 0; f < FACETS.length; f++) if (active[f] && !passes(base[i], FACETS[f].key, q)) mask |= 1 << f;
    masks[i] = mask;
    if (mask === 0) matching.push(base[i]);
  }

  const facets: Facet[] = FACETS.map(({ key, label }, f) => {
    // Count into an array indexed by interned value ids: one increment per value instead of two hash lookups.
    const { values, ids } = internedValues(rows, key);
    const tally = new Uint32Array(values.length);
    const own = 1 << f;
    for (let i = 0; i < base.length; i++) {
      if ((masks[i] & ~own) !== 0) continue;
      const rowIds = ids.get(base[i])!;
      for (let k = 0; k < rowIds.length; k++) tally[rowIds[k]]++;
    }
    const counts = new Map<string, number>();
    for (let v = 0; v < values.length; v++) if (tally[v] > 0) counts.set(values[v], tally[v]);
    const selected = new Set(key === "ready" ? q.ready.map(formatReadiness) : q[key]);
    for (const s of selected) if (!counts.has(s)) counts.set(s, 0);
    const ordered = orderValues(key, counts);
    const shown = ordered.filter((v, i) => i < FACET_LIMIT || selected.has(v));
    return {
      key,
      label,
      total: ordered.length,
      values: shown.map((value) => ({ value, label: facetLabel(key, value, labels), count: counts.get(value)!, selected: selected.has(value) })),
    };
  });

  let ordered: FeedRow[];
  if (textHits) {
    const rank = new Map(textHits.map((id, i) => [id, i]));
    ordered = [...matching].sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  } else {
    ordered = isNewestFirst(rows) ? matching : sortNewestFirst([...matching]);
  }
  const start = (q.page - 1) * pageSize;
  const items = ordered.slice(start, start + pageSize).map(toSummary);
  return { items, total: matching.length, facets };
}

function toSummary(row: FeedRow): RuleSummary {
  const { sortDate: _s, tactics: _t, reasons: _r, ...summary } = row;
  return summary;
}
