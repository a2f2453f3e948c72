/**
 * Feed query timing without HTTP: full-text search plus filters, facet counts and paging over the whole synced
 * catalog at DATABASE_URL (default file:./data/detectory.db), bypassing the page memo. Run after a sync:
 *
 *   npx tsx bench/feed.ts
 *
 * Prints p50/p99/max per query over 50 runs (after 5 warm-up runs).
 */
import { getPrisma } from "@/lib/catalog/db";
import { readCatalogEnv } from "@/lib/catalog/env";
import { getFeedIndex } from "@/lib/catalog/queries/feed-index";
import { createRuleSearch } from "@/lib/catalog/search";
import { runFeed } from "@/lib/catalog/views/feed";
import { parseFeedQuery } from "@/lib/catalog/views/feed-params";

const QUERIES: Record<string, string | string[]>[] = [
  {},
  { level: "high" },
  { tactic: "execution", level: ["high", "critical"] },
  { ready: "defender-xdr:converts", product: "windows" },
  { q: "powershell" },
  { q: "t1059.001" },
  { q: "6ddff2e8-ea1a-45d0-8938-93dfc1d67ae7" },
  { q: "mimikatz", status: "test", page: "2" },
];

async function main(): Promise<void> {
  const env = readCatalogEnv();
  const prisma = getPrisma();
  const search = createRuleSearch(prisma, env.dialect);
  const index = await getFeedIndex(prisma, env.databaseUrl);
  console.log(`${index.rows.length} rules in the index (${env.dialect})`);
  for (const sp of QUERIES) {
    const query = parseFeedQuery(sp);
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 55; i++) {
      const t = performance.now();
      const hits = query.q ? await search.findRuleIds(query.q) : null;
      total = runFeed(index.rows, query, hits, index.labels).total;
      if (i >= 5) times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
    console.log(`${JSON.stringify(sp).padEnd(60)} ${String(total).padStart(5)} hits   p50 ${at(0.5)} ms   p99 ${at(0.99)} ms`);
  }
  await prisma.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
