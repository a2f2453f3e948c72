import Link from "next/link";
import type { Facet, FeedQuery } from "@/lib/catalog/types";
import { feedHref, toggleFacetHref } from "@/lib/catalog/views/feed-params";
import { cn } from "@/lib/utils";
import { DateRangeForm } from "./date-range-form";

/** One facet: its values as links that switch the value on or off, with counts that follow the other filters. */
function FacetGroup({ facet, query }: { facet: Facet; query: FeedQuery }) {
  if (facet.values.length === 0) return null;
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{facet.label}</h3>
      <ul className="space-y-0.5 text-sm">
        {facet.values.map((v) => (
          <li key={v.value}>
            <Link
              href={toggleFacetHref(query, facet.key, v.value)}
              aria-current={v.selected ? "true" : undefined}
              className={cn("facet-link", v.selected && "facet-link-on", !v.selected && v.count === 0 && "facet-link-zero")}
            >
              <span>
                {v.selected && <span aria-hidden="true">✓ </span>}
                {v.label}
                {v.selected && <span className="sr-only"> (selected, select to remove)</span>}
              </span>
              <span className="facet-count">{v.count.toLocaleString("en-US")}</span>
            </Link>
          </li>
        ))}
      </ul>
      {facet.total > facet.values.length && (
        <p className="mt-1 px-1.5 text-xs text-zinc-600 dark:text-zinc-400">
          Top {facet.values.length} of {facet.total}; search to narrow.
        </p>
      )}
    </div>
  );
}

/** All facets plus the date range and the "show removed" switch. */
export function FacetPanel({ facets, query }: { facets: Facet[]; query: FeedQuery }) {
  const removedHref = feedHref({ ...query, includeRemoved: !query.includeRemoved, page: 1 });
  return (
    <div className="space-y-5">
      {facets.map((f) => (
        <FacetGroup key={f.key} facet={f} query={query} />
      ))}
      <DateRangeForm query={query} />
      <p className="text-sm">
        <Link href={removedHref} className="underline">
          {query.includeRemoved ? "Hide rules removed from their source" : "Also show rules removed from their source"}
        </Link>
      </p>
    </div>
  );
}
