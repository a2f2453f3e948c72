/**
 * The rule feed: full-text search (if any) through the search module, then filters, facets and paging over the
 * in-memory feed index. Pages are memoised per catalog version and URL, since the same queries recur (paging
 * back, shared links) and the catalog only changes with a sync.
 */
import { createLru } from "../../utils";
import { getPrisma } from "../db";
import { readCatalogEnv } from "../env";
import { createRuleSearch } from "../search";
import type { FeedPage, FeedQuery } from "../types";
import { PAGE_SIZE, runFeed } from "../views/feed";
import { feedHref } from "../views/feed-params";
import { getFeedIndex } from "./feed-index";

const pages = createLru<string, FeedPage>(500);

/** Runs a feed query against the catalog. */
export async function getFeed(query: FeedQuery): Promise<FeedPage> {
  const env = readCatalogEnv();
  const prisma = getPrisma();
  const index = await getFeedIndex(prisma, env.databaseUrl);
  const key = `${env.databaseUrl}|${index.version}|${feedHref(query)}`;
  const cached = pages.get(key);
  if (cached) return cached;
  const hits = query.q ? await createRuleSearch(prisma, env.dialect).findRuleIds(query.q) : null;
  const result = runFeed(index.rows, query, hits, index.labels);
  const page: FeedPage = {
    items: result.items,
    total: result.total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
    pageSize: PAGE_SIZE,
    facets: result.facets,
    queryIgnored: query.q !== "" && hits === null,
    catalogSize: index.rows.filter((r) => !r.removedAt).length,
  };
  pages.set(key, page);
  return page;
}
