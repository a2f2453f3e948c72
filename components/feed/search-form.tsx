import type { FeedQuery } from "@/lib/catalog/types";
import { HiddenFields } from "./hidden-fields";
import { SlashFocus } from "./slash-focus";

/** The feed's search box: a plain GET form (works without JavaScript); "/" focuses it. */
export function SearchForm({ query }: { query: FeedQuery }) {
  return (
    <form action="/" method="get" role="search" className="flex gap-2">
      <HiddenFields query={query} omit={["q"]} />
      <label htmlFor="q" className="sr-only">
        Search rules
      </label>
      <input
        id="q"
        name="q"
        type="search"
        defaultValue={query.q}
        placeholder="Search title, tags, T-ids, ids, fields, values…  (press /)"
        autoComplete="off"
        className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-3 py-2 text-sm placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
      />
      <button type="submit" className="rounded bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800">
        Search
      </button>
      <SlashFocus targetId="q" />
    </form>
  );
}
