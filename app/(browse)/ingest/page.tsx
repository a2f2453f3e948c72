import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { getIngestReport } from "@/lib/catalog/queries/ingest";
import { formatDateTime, formatDuration } from "@/lib/utils";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ingest report" };

export default async function IngestPage() {
  const { runs, latestProblems } = await getIngestReport();
  const th = "py-1.5 pr-3 text-left font-medium";
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Ingest report</h1>
      {runs.length === 0 ? (
        <p className="text-sm">No sync has run yet. Run `npm run sync` to import rules.</p>
      ) : (
        <section aria-labelledby="runs-h" className="space-y-2">
          <h2 id="runs-h" className="text-lg font-semibold">
            Sync runs
          </h2>
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Sync runs table">
            <table className="w-full min-w-[56rem] border-collapse text-sm [overflow-wrap:normal]">
              <thead>
                <tr className="border-b border-zinc-300 dark:border-zinc-700">
                  <th scope="col" className={th}>Started</th>
                  <th scope="col" className={th}>Duration</th>
                  <th scope="col" className={th}>Status</th>
                  <th scope="col" className={th}>Sources (revision, files)</th>
                  <th scope="col" className={`${th} text-right`}>New</th>
                  <th scope="col" className={`${th} text-right`}>Updated</th>
                  <th scope="col" className={`${th} text-right`}>Unchanged</th>
                  <th scope="col" className={`${th} text-right`}>Removed</th>
                  <th scope="col" className={`${th} text-right`}>Invalid</th>
                  <th scope="col" className={th}>Warnings</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id} className="border-b border-zinc-200 align-top dark:border-zinc-800">
                    <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(r.startedAt)}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{formatDuration(r.durationMs)}</td>
                    <td className="py-2 pr-3">
                      <Badge tone={r.status === "succeeded" ? "green" : r.status === "failed" ? "red" : "amber"}>{r.status}</Badge>
                      {r.message && <p className="mt-1 text-xs">{r.message}</p>}
                    </td>
                    <td className="py-2 pr-3">
                      <ul className="space-y-0.5 text-xs">
                        {r.sources.map((s) => (
                          <li key={s.key}>
                            <span className="break-all font-mono">{s.key}</span>
                            {s.revision && <span className="text-zinc-600 dark:text-zinc-400"> @ {s.revision.slice(0, 19)}</span>}
                            {s.files !== null && <span> · {s.files} files</span>}
                            {s.warning && <p className="text-amber-800 dark:text-amber-200">{s.warning}</p>}
                          </li>
                        ))}
                        {r.attackVersion && <li>ATT&CK {r.attackVersion}</li>}
                      </ul>
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{r.counts.new}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{r.counts.updated}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{r.counts.unchanged}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{r.counts.removed}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{r.counts.invalid}</td>
                    <td className="py-2 text-xs">
                      {r.warnings.length ? (
                        <ul className="list-disc pl-4">
                          {r.warnings.map((w, i) => (
                            <li key={i}>{w}</li>
                          ))}
                        </ul>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {runs.length > 0 && (
        <section aria-labelledby="problems-h" className="space-y-2">
          <h2 id="problems-h" className="text-lg font-semibold">
            Problem files of the latest run ({latestProblems.length})
          </h2>
          {latestProblems.length === 0 ? (
            <p className="text-sm">Every file of the latest run was ingested without problems.</p>
          ) : (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Problem files table">
              <table className="w-full min-w-[48rem] border-collapse text-sm [overflow-wrap:normal]">
                <thead>
                  <tr className="border-b border-zinc-300 dark:border-zinc-700">
                    <th scope="col" className={th}>File</th>
                    <th scope="col" className={th}>Line</th>
                    <th scope="col" className={th}>Code</th>
                    <th scope="col" className={th}>Message</th>
                  </tr>
                </thead>
                <tbody>
                  {latestProblems.map((p, i) => (
                    <tr key={i} className="border-b border-zinc-200 align-top dark:border-zinc-800">
                      <td className="py-1.5 pr-3 font-mono text-xs break-all">
                        {p.sourceKey && <span className="text-zinc-600 dark:text-zinc-400">{p.sourceKey}: </span>}
                        {p.path}
                      </td>
                      <td className="py-1.5 pr-3 tabular-nums">{p.line ?? "—"}{p.col ? `:${p.col}` : ""}</td>
                      <td className="py-1.5 pr-3">
                        <Badge tone={p.severity === "error" ? "red" : "amber"}>{p.code}</Badge>
                      </td>
                      <td className="py-1.5">{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
