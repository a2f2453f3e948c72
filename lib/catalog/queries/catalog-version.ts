/**
 * A cheap fingerprint of the catalog's content. Every write happens in a sync run, so the newest run, the
 * rule count and the technique count change whenever anything the pages cache from could have changed.
 */
import type { CatalogClient } from "../db";

/** The current fingerprint (one small query). */
export async function getCatalogVersion(prisma: CatalogClient): Promise<string> {
  const [run, rules, techniques] = await Promise.all([
    prisma.syncRun.findFirst({ orderBy: { id: "desc" }, select: { id: true, finishedAt: true, status: true } }),
    prisma.rule.count(),
    prisma.technique.count(),
  ]);
  return `${run?.id ?? 0}:${run?.finishedAt?.getTime() ?? 0}:${run?.status ?? ""}:${rules}:${techniques}`;
}
