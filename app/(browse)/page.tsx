import { FacetPanel } from "@/components/feed/facet-panel";
import { Pagination } from "@/components/feed/pagination";
import { RuleList } from "@/components/feed/rule-list";
import { SearchForm } from "@/components/feed/search-form";
import { getFeed } from "@/lib/catalog/queries/get-feed";
import { emptyFeedQuery, feedHref, parseFeedQuery } from "@/lib/catalog/views/feed-params";
import { plural } from "@/lib/utils";
import Link from "next/link";

export const dynamic = "force-dynamic";

export default async function FeedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = parseFeedQuery(await searchParams);
  const feed = await getFeed(query);
  const filtered = feedHref({ ...query, page: 1 }) !== feedHref(emptyFeedQuery());
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Detection rules</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {plural(feed.catalogSize, "rule")} in the catalog, newest first{query.q ? " (search results by relevance)" : ""}.
        </p>
      </div>
      <SearchForm query={query} />
      <div className="flex flex-col gap-6 lg:flex-row">
        <aside aria-label="Filters" className="lg:w-72 lg:shrink-0">
          {/* One panel: collapsed behind "Filters" on small screens, always open on wide ones (globals.css). */}
          <details className="facets rounded border border-zinc-200 p-3 lg:border-0 lg:p-0 dark:border-zinc-800">
            <summary className="cursor-pointer text-sm font-medium">Filters</summary>
            <div className="mt-3 lg:mt-0">
              <FacetPanel facets={feed.facets} query={query} />
            </div>
          </details>
        </aside>
        <section aria-labelledby="results-h" className="min-w-0 flex-1">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="results-h" className="text-sm font-medium" aria-live="polite">
              {plural(feed.total, "matching rule")}
            </h2>
            {filtered && (
              <Link href="/" className="text-sm underline">
                Clear search and filters
              </Link>
            )}
          </div>
          {feed.queryIgnored && (
            <p className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
              The search “{query.q}” has no letters or digits, so it was ignored.
            </p>
          )}
          {feed.items.length > 0 ? (
            <RuleList rules={feed.items} />
          ) : (
            <p className="mt-6 text-sm text-zinc-700 dark:text-zinc-300">
              {feed.catalogSize === 0
                ? "The catalog is empty. Run `npm run sync` to import rules."
                : "No rule matches. Remove a filter or change the search."}
            </p>
          )}
          <Pagination query={query} page={feed.page} pageCount={feed.pageCount} />
        </section>
      </div>
    </div>
  );
}
