/**
 * The rule feed: full-text search (if any) through the search module, then filters, facets and paging over the
 * in-memory feed index.
 */
import { getPrisma } from "../db";
import { readCatalogEnv } from "../env";
import { createRuleSearch } from "../search";
import type { FeedPage, FeedQuery } from "../types";
import { PAGE_SIZE, runFeed } from "../views/feed";
import { getFeedIndex } from "./feed-index";

/** Runs a feed query against the catalog. */
export async function getFeed(query: FeedQuery): Promise<FeedPage> {
  const env = readCatalogEnv();
  const prisma = getPrisma();
  const [index, hits] = await Promise.all([
    getFeedIndex(prisma, env.databaseUrl),
    query.q ? createRuleSearch(prisma, env.dialect).findRuleIds(query.q) : Promise.resolve(null),
  ]);
  const result = runFeed(index.rows, query, hits, index.labels);
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  return {
    items: result.items,
    total: result.total,
    page: query.page,
    pageCount,
    pageSize: PAGE_SIZE,
    facets: result.facets,
    queryIgnored: query.q !== "" && hits === null,
    catalogSize: index.rows.filter((r) => !r.removedAt).length,
  };
}
