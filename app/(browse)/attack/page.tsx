import type { Metadata } from "next";
import Link from "next/link";
import { searchTechniques } from "@/lib/catalog/queries/attack";
import { plural } from "@/lib/utils";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "ATT&CK techniques" };

export default async function AttackSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : "";
  const { results, total, imported } = await searchTechniques(q);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">MITRE ATT&CK® techniques</h1>
      <form action="/attack" method="get" role="search" className="flex gap-2">
        <label htmlFor="attack-q" className="sr-only">
          Technique id, name or tactic
        </label>
        <input
          id="attack-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="T1059, t1059.001, PowerShell, exfiltration…"
          className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button type="submit" className="rounded bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800">
          Find
        </button>
      </form>
      {!imported ? (
        <p className="text-sm">ATT&CK data not imported. Run the sync with an ATT&CK bundle to browse techniques.</p>
      ) : (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {q ? `${plural(total, "technique")} match “${q}”` : "Techniques with the most rules"}
            {results.length < total ? ` (first ${results.length} shown)` : ""}.
          </p>
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {results.map((t) => (
              <li key={t.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                <div className="min-w-0">
                  <Link href={`/attack/${t.id}`} className="font-mono font-semibold underline">
                    {t.id}
                  </Link>{" "}
                  <span>{t.name}</span>
                  <div className="text-xs text-zinc-600 dark:text-zinc-400">{t.tactics.map((x) => x.name).join(", ")}</div>
                </div>
                <span className="text-sm tabular-nums">{plural(t.ruleCount, "rule")}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
