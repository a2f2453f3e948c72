import type { Metadata } from "next";
import Link from "next/link";
import { CoverageMatrixView } from "@/components/coverage/coverage-matrix";
import { getCoverage } from "@/lib/catalog/queries/coverage";
import { LEVELS, STATUSES } from "@/lib/catalog/types";
import { feedHref, formatReadiness, parseFeedQuery } from "@/lib/catalog/views/feed-params";
import { TARGET_IDS } from "@/lib/kql/target";
import { TARGET_SHORT } from "@/components/feed/readiness";
import { cn } from "@/lib/utils";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "ATT&CK coverage" };

function toggle(list: string[], v: string): string[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

export default async function CoveragePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = parseFeedQuery(await searchParams);
  const filters = { level: q.level, status: q.status, ready: q.ready };
  const matrix = await getCoverage(filters);
  const href = (f: typeof filters) => feedHref({ ...parseFeedQuery({}), ...f }, "/coverage");
  const chip = (active: boolean) =>
    cn("rounded border px-2 py-0.5 text-xs", active ? "border-sky-600 bg-sky-50 font-semibold text-sky-900 dark:bg-sky-950 dark:text-sky-100" : "border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800");
  const readyValues = q.ready.map(formatReadiness);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">ATT&CK coverage</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {matrix.covered} of {matrix.techniqueTotal} Enterprise techniques have at least one of the {matrix.ruleTotal.toLocaleString("en-US")} matching rules. A cell counts rules
        tagged with the technique or any of its sub-techniques; select a cell to list them.
      </p>
      <div className="space-y-2" aria-label="Coverage filters" role="group">
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="w-16 text-xs font-semibold uppercase text-zinc-600 dark:text-zinc-400">Level</span>
          {[...LEVELS].reverse().map((l) => (
            <Link key={l} href={href({ ...filters, level: toggle(q.level, l) })} className={chip(q.level.includes(l))} aria-current={q.level.includes(l) ? "true" : undefined}>
              {l}
            </Link>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="w-16 text-xs font-semibold uppercase text-zinc-600 dark:text-zinc-400">Status</span>
          {STATUSES.map((s) => (
            <Link key={s} href={href({ ...filters, status: toggle(q.status, s) })} className={chip(q.status.includes(s))} aria-current={q.status.includes(s) ? "true" : undefined}>
              {s}
            </Link>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="w-16 text-xs font-semibold uppercase text-zinc-600 dark:text-zinc-400">KQL</span>
          {TARGET_IDS.map((t) => {
            const v = `${t}:converts`;
            const on = readyValues.includes(v);
            const ready = on ? q.ready.filter((r) => formatReadiness(r) !== v) : [...q.ready.filter((r) => r.target !== t), { target: t, converts: true }];
            return (
              <Link key={t} href={href({ ...filters, ready })} className={chip(on)} aria-current={on ? "true" : undefined}>
                converts to {TARGET_SHORT[t]}
              </Link>
            );
          })}
        </div>
      </div>
      {matrix.columns.length === 0 ? (
        <p className="text-sm">ATT&CK data not imported. Run the sync with an ATT&CK bundle to see the matrix.</p>
      ) : (
        <CoverageMatrixView matrix={matrix} cellHref={(id) => feedHref({ ...parseFeedQuery({}), ...filters, technique: [id] })} />
      )}
    </div>
  );
}
