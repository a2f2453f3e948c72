import Link from "next/link";
import type { RuleSummary } from "@/lib/catalog/types";
import { LevelBadge, StatusBadge, Badge } from "@/components/ui/badge";
import { TechniqueChip } from "@/components/ui/technique-chip";
import { formatDate } from "@/lib/utils";
import { Readiness } from "./readiness";

/** A list of rules as cards: title, badges, ATT&CK chips, logsource, readiness and date. */
export function RuleList({ rules }: { rules: RuleSummary[] }) {
  return (
    <ol className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {rules.map((r) => (
        <li key={r.id} className="py-3">
          <article className="space-y-1.5">
            <div className="flex flex-wrap items-center gap-1.5">
              <LevelBadge level={r.level} />
              <StatusBadge status={r.status} />
              {r.removedAt && <Badge tone="red">removed</Badge>}
              <span className="text-xs text-zinc-600 dark:text-zinc-400">{r.sourceLabel}</span>
            </div>
            <h3 className="text-base font-semibold leading-snug">
              <Link href={`/rules/${r.id}`} className="hover:underline">
                {r.title}
              </Link>
            </h3>
            {r.description && <p className="line-clamp-2 text-sm text-zinc-700 dark:text-zinc-300">{r.description}</p>}
            <div className="flex flex-wrap items-center gap-1.5">
              {r.techniques.slice(0, 6).map((t) => (
                <TechniqueChip key={t.id} technique={t} />
              ))}
              {r.techniques.length > 6 && <span className="text-xs text-zinc-600 dark:text-zinc-400">and {r.techniques.length - 6} more</span>}
            </div>
            <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-zinc-600 dark:text-zinc-400">
              <span className="font-mono">{[r.product, r.category, r.service].filter(Boolean).join(" / ") || "no logsource"}</span>
              <span>{r.modified ? `modified ${formatDate(r.modified)}` : r.date ? `created ${formatDate(r.date)}` : "undated"}</span>
            </div>
            <Readiness readiness={r.readiness} />
          </article>
        </li>
      ))}
    </ol>
  );
}
