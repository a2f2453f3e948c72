import type { FpGuidance, SearchSummary } from "@/lib/catalog/types";

function Searches({ items }: { items: SearchSummary[] }) {
  return (
    <ul className="mt-1 space-y-2 text-sm">
      {items.map((s) => (
        <li key={s.name}>
          <code className="rounded bg-zinc-100 px-1 text-xs dark:bg-zinc-800">{s.name}</code>: excludes events where {s.text}.
          <ul className="mt-0.5 pl-4 text-xs text-zinc-700 dark:text-zinc-300">
            {s.fields.map((f) => (
              <li key={f.field}>
                <span className="font-mono">{f.field}</span>: {f.values.length} value{f.values.length === 1 ? "" : "s"} (
                <span className="font-mono break-all">{f.values.slice(0, 5).join(" · ")}</span>
                {f.values.length > 5 ? ` and ${f.values.length - 5} more` : ""})
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** The rule's false positives, its built-in tuning, optional filters and (for unknown FPs) generic advice. */
export function FpGuidanceView({ fp }: { fp: FpGuidance }) {
  return (
    <div className="space-y-4">
      {fp.unknownOnly ? (
        <p className="text-sm">The rule’s author lists no known false positives (“Unknown”).</p>
      ) : (
        <div>
          <h3 className="text-sm font-medium">Known false positives (from the rule)</h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {fp.falsePositives.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <h3 className="text-sm font-medium">Tuning the rule already applies</h3>
        {fp.tuning.length > 0 ? <Searches items={fp.tuning} /> : <p className="mt-1 text-sm">None: the condition has no exclusions.</p>}
      </div>
      {fp.optional.length > 0 && (
        <div>
          <h3 className="text-sm font-medium">Optional filters (enable or disable for your environment)</h3>
          <Searches items={fp.optional} />
        </div>
      )}
      {fp.generic.length > 0 && (
        <div>
          <h3 className="text-sm font-medium">
            Generic tuning advice <span className="font-normal text-zinc-600 dark:text-zinc-400">(derived from the rule’s level and logsource)</span>
          </h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {fp.generic.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
