import Link from "next/link";
import type { FeedQuery } from "@/lib/catalog/types";
import { pageHref } from "@/lib/catalog/views/feed-params";

/** Previous / next links and the current position. */
export function Pagination({ query, page, pageCount }: { query: FeedQuery; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const link = "rounded border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 pt-4 text-sm">
      {page > 1 ? (
        <Link href={pageHref(query, page - 1)} className={link} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={pageHref(query, page + 1)} className={link} rel="next">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
