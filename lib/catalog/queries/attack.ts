/**
 * ATT&CK technique search and the technique page. Rule counts come from the feed index, so they match what
 * the feed shows when filtered by the technique (a technique counts its sub-techniques' rules too).
 */
import { getPrisma } from "../db";
import { readCatalogEnv } from "../env";
import type { RuleSummary, TechniqueDetail, TechniqueSummary } from "../types";
import { runFeed, type FeedRow } from "../views/feed";
import { parseFeedQuery } from "../views/feed-params";
import { getFeedIndex } from "./feed-index";
import { readStringList } from "./json";

/** How many techniques a search lists at most. */
export const SEARCH_LIMIT = 60;

const T_ID = /^t?(\d{4})(?:\.(\d{1,3}))?$/i;

/** Rules per technique id: rules tagged with it or with one of its sub-techniques (removed rules excluded). */
export function countRulesByTechnique(rows: FeedRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.removedAt) continue;
    const ids = new Set<string>();
    for (const t of row.techniques) {
      ids.add(t.id);
      if (t.id.includes(".")) ids.add(t.id.split(".")[0]);
    }
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** The result of a technique search. */
export interface TechniqueSearch {
  results: TechniqueSummary[];
  total: number;
  /** ATT&CK data is imported at all. */
  imported: boolean;
}

/**
 * Finds techniques by id (`T1059`, `t1059.001`, `1059`), by name, or by tactic name/shortname. An empty query
 * lists the techniques with the most rules.
 */
export async function searchTechniques(q: string): Promise<TechniqueSearch> {
  const prisma = getPrisma();
  const [techniques, index] = await Promise.all([
    prisma.technique.findMany({
      where: { revoked: false, deprecated: false },
      select: { id: true, name: true, isSubtechnique: true, tactics: { select: { tactic: { select: { id: true, name: true, shortname: true } } } } },
    }),
    getFeedIndex(prisma, readCatalogEnv().databaseUrl),
  ]);
  const counts = countRulesByTechnique(index.rows);
  const needle = q.trim().toLowerCase();
  const idMatch = T_ID.exec(needle);
  const scored = techniques
    .map((t) => {
      const tactics = t.tactics.map((x) => x.tactic);
      let score = -1;
      if (!needle) score = counts.get(t.id) ?? 0;
      else if (idMatch) {
        const wanted = `T${idMatch[1]}${idMatch[2] ? `.${idMatch[2].padStart(3, "0")}` : ""}`;
        if (t.id === wanted) score = 3;
        else if (!idMatch[2] && t.id.startsWith(`${wanted}.`)) score = 2;
      } else if (t.name.toLowerCase() === needle) score = 3;
      else if (t.name.toLowerCase().includes(needle)) score = 2;
      else if (tactics.some((x) => x.name.toLowerCase().includes(needle) || x.shortname === needle.replace(/[\s_]+/g, "-"))) score = 1;
      return { t, tactics, score };
    })
    .filter((x) => x.score >= 0 && (needle || x.score > 0))
    .sort((a, b) => b.score - a.score || a.t.id.localeCompare(b.t.id));
  return {
    total: scored.length,
    imported: techniques.length > 0,
    results: scored.slice(0, SEARCH_LIMIT).map(({ t, tactics }) => ({
      id: t.id,
      name: t.name,
      isSubtechnique: t.isSubtechnique,
      tactics: tactics.map((x) => ({ id: x.id, name: x.name })),
      ruleCount: counts.get(t.id) ?? 0,
    })),
  };
}

/** The technique page, a redirect for revoked ids, or null when the id is unknown. */
export async function getTechnique(
  rawId: string,
): Promise<{ kind: "found"; technique: TechniqueDetail } | { kind: "redirect"; to: string } | null> {
  const id = rawId.toUpperCase();
  const prisma = getPrisma();
  const t = await prisma.technique.findUnique({
    where: { id },
    include: { tactics: { include: { tactic: true } } },
  });
  if (!t) return null;
  if (t.revoked && t.revokedById && t.revokedById !== t.id) return { kind: "redirect", to: t.revokedById };
  const [parent, subs, index] = await Promise.all([
    t.parentId ? prisma.technique.findUnique({ where: { id: t.parentId }, select: { id: true, name: true } }) : null,
    prisma.technique.findMany({ where: { parentId: t.id, revoked: false, deprecated: false }, select: { id: true, name: true }, orderBy: { id: "asc" } }),
    getFeedIndex(prisma, readCatalogEnv().databaseUrl),
  ]);
  const counts = countRulesByTechnique(index.rows);
  const tactics = [...t.tactics].map((x) => x.tactic).sort((a, b) => a.matrixOrder - b.matrixOrder);
  const feed = runFeed(index.rows, parseFeedQuery({ technique: t.id }), null, index.labels, 10_000);
  const rules: RuleSummary[] = feed.items;
  return {
    kind: "found",
    technique: {
      id: t.id,
      name: t.name,
      url: t.url,
      description: t.description,
      isSubtechnique: t.isSubtechnique,
      parent,
      tactics: tactics.map((x) => ({ id: x.id, name: x.name, url: x.url })),
      subtechniques: subs.map((s) => ({ id: s.id, name: s.name, isSubtechnique: true, tactics: [], ruleCount: counts.get(s.id) ?? 0 })),
      platforms: readStringList(t.platforms),
      dataComponents: readStringList(t.dataComponents),
      rules,
      deprecated: t.deprecated,
    },
  };
}
