import type { ConversionState, TargetId } from "@/lib/catalog/types";
import { cn } from "@/lib/utils";

/** Short target names for compact rows. */
export const TARGET_SHORT: Record<TargetId, string> = {
  "sentinel-asim": "Sentinel",
  "defender-xdr": "Defender",
  "azure-monitor": "Azure Monitor",
};

/** Per-target KQL readiness as three small marks (✓ converts, ✗ does not, – not converted). */
export function Readiness({ readiness }: { readiness: Record<TargetId, ConversionState | null> }) {
  return (
    <ul className="flex flex-wrap gap-1.5 text-xs" aria-label="KQL readiness">
      {(Object.keys(TARGET_SHORT) as TargetId[]).map((t) => {
        const s = readiness[t];
        const ok = s === "converted";
        return (
          <li
            key={t}
            className={cn(
              "rounded px-1.5 py-0.5 ring-1 ring-inset",
              ok ? "bg-green-50 text-green-900 ring-green-300 dark:bg-green-950 dark:text-green-200 dark:ring-green-800" : "bg-zinc-50 text-zinc-700 ring-zinc-300 dark:bg-zinc-900 dark:text-zinc-300 dark:ring-zinc-700",
            )}
          >
            <span aria-hidden="true">{ok ? "✓" : s === null ? "–" : "✗"} </span>
            {TARGET_SHORT[t]}
            <span className="sr-only">: {ok ? "converts" : s === null ? "not converted" : s}</span>
          </li>
        );
      })}
    </ul>
  );
}
