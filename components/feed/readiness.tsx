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
            className={cn("ready", ok ? "ready-ok" : "ready-no")}
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
