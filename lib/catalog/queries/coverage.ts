/**
 * The ATT&CK Enterprise coverage matrix: tactics in MITRE's order, each technique cell counting the rules
 * (passing the level/status/readiness filters) tagged with it or any of its sub-techniques.
 */
import { getPrisma } from "../db";
import { readCatalogEnv } from "../env";
import type { CoverageColumn, CoverageMatrix, FeedQuery } from "../types";
import { filterRows } from "../views/feed";
import { getFeedIndex } from "./feed-index";

/** Filters the coverage page accepts (the feed's level, status and readiness filters). */
export type CoverageFilters = Pick<FeedQuery, "level" | "status" | "ready">;

/** Builds the matrix for the given filters. */
export async function getCoverage(filters: CoverageFilters): Promise<CoverageMatrix> {
  const prisma = getPrisma();
  const [tactics, techniques, index] = await Promise.all([
    prisma.tactic.findMany({ orderBy: { matrixOrder: "asc" }, select: { id: true, shortname: true, name: true } }),
    prisma.technique.findMany({
      where: { revoked: false, deprecated: false },
      select: { id: true, name: true, parentId: true, tactics: { select: { tacticId: true } } },
      orderBy: { id: "asc" },
    }),
    getFeedIndex(prisma, readCatalogEnv().databaseUrl),
  ]);
  const query: FeedQuery = {
    q: "", source: [], product: [], category: [], service: [], tactic: [], technique: [], author: [],
    from: null, to: null, includeRemoved: false, page: 1, ...filters,
  };
  const rows = filterRows(index.rows, query);
  // Rule ids per technique id, counting a sub-technique's rules towards its parent too.
  const rulesOf = new Map<string, Set<string>>();
  const add = (id: string, rule: string) => {
    const set = rulesOf.get(id) ?? new Set<string>();
    set.add(rule);
    rulesOf.set(id, set);
  };
  for (const row of rows) {
    for (const t of row.techniques) {
      add(t.id, row.id);
      if (t.id.includes(".")) add(t.id.split(".")[0], row.id);
    }
  }
  const subsOf = new Map<string, { id: string; name: string }[]>();
  for (const t of techniques) if (t.parentId) subsOf.set(t.parentId, [...(subsOf.get(t.parentId) ?? []), t]);

  let maxCount = 0;
  const coveredIds = new Set<string>();
  const allIds = new Set<string>();
  const columns: CoverageColumn[] = tactics.map((tactic) => {
    const colRules = new Set<string>();
    const cells = techniques
      .filter((t) => !t.parentId && t.tactics.some((x) => x.tacticId === tactic.id))
      .map((t) => {
        const set = rulesOf.get(t.id) ?? new Set<string>();
        set.forEach((r) => colRules.add(r));
        maxCount = Math.max(maxCount, set.size);
        allIds.add(t.id);
        if (set.size > 0) coveredIds.add(t.id);
        return {
          id: t.id,
          name: t.name,
          count: set.size,
          subtechniques: (subsOf.get(t.id) ?? []).map((s) => ({ id: s.id, name: s.name, count: rulesOf.get(s.id)?.size ?? 0 })),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    return { id: tactic.id, shortname: tactic.shortname, name: tactic.name, cells, ruleCount: colRules.size };
  });
  return { columns, maxCount, ruleTotal: rows.length, covered: coveredIds.size, techniqueTotal: allIds.size };
}
