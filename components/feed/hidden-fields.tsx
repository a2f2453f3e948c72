import { LIST_KEYS, formatReadiness } from "@/lib/catalog/views/feed-params";
import type { FeedQuery } from "@/lib/catalog/types";

/** The current filters as hidden inputs, so a GET form changes one thing (q or dates) and keeps the rest. */
export function HiddenFields({ query, omit }: { query: FeedQuery; omit: ("q" | "from" | "to")[] }) {
  const fields: [string, string][] = [];
  if (!omit.includes("q") && query.q) fields.push(["q", query.q]);
  for (const k of LIST_KEYS) for (const v of query[k]) fields.push([k, v]);
  if (!omit.includes("from") && query.from) fields.push(["from", query.from]);
  if (!omit.includes("to") && query.to) fields.push(["to", query.to]);
  for (const r of query.ready) fields.push(["ready", formatReadiness(r)]);
  if (query.includeRemoved) fields.push(["removed", "1"]);
  return (
    <>
      {fields.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
