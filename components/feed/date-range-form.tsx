import type { FeedQuery } from "@/lib/catalog/types";
import { HiddenFields } from "./hidden-fields";

/** Date range on the rule's newest date (modified, else date); a GET form so it works without JavaScript. */
export function DateRangeForm({ query }: { query: FeedQuery }) {
  const input = "w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";
  return (
    <form action="/" method="get">
      <fieldset>
        <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Date (modified, else created)</legend>
        <HiddenFields query={query} omit={["from", "to"]} />
        <div className="grid grid-cols-2 gap-2">
          <label className="text-xs">
            From
            <input type="date" name="from" defaultValue={query.from ?? ""} className={input} />
          </label>
          <label className="text-xs">
            To
            <input type="date" name="to" defaultValue={query.to ?? ""} className={input} />
          </label>
        </div>
        <button type="submit" className="mt-2 rounded border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Apply dates
        </button>
      </fieldset>
    </form>
  );
}
