import type { DataSourceRow } from "@/lib/catalog/types";

/** Per target: table, data connectors that fill it (and watchlists it reads), and every column the query reads. */
export function DataSourcesTable({ rows }: { rows: DataSourceRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse text-left text-sm [overflow-wrap:normal]">
        <thead>
          <tr className="border-b border-zinc-300 dark:border-zinc-700">
            <th scope="col" className="py-1.5 pr-3 font-medium">Target</th>
            <th scope="col" className="py-1.5 pr-3 font-medium">Table</th>
            <th scope="col" className="py-1.5 pr-3 font-medium">Data connectors</th>
            <th scope="col" className="py-1.5 font-medium">Columns used</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.target} className="border-b border-zinc-200 align-top dark:border-zinc-800">
              <th scope="row" className="py-2 pr-3 font-medium">{r.targetLabel}</th>
              <td className="py-2 pr-3 font-mono text-xs">
                {r.table ?? "—"}
                {r.state !== "converted" && <div className="font-sans text-zinc-600 dark:text-zinc-400">{r.state === "missing" ? "not converted" : "does not convert"}</div>}
              </td>
              <td className="py-2 pr-3">
                {r.connectors.length > 0 ? (
                  <ul className="list-disc pl-4">
                    {r.connectors.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                ) : (
                  "—"
                )}
                {r.note && <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{r.note}</p>}
                {r.watchlists.length > 0 && (
                  <p className="mt-1 text-xs">
                    Sentinel watchlists (alias = the rule&apos;s placeholder, items in SearchKey):{" "}
                    {r.watchlists.map((w, i) => (
                      <span key={w}>
                        {i > 0 && ", "}
                        <code className="font-mono">{w}</code>
                      </span>
                    ))}
                  </p>
                )}
              </td>
              <td className="py-2 font-mono text-xs">{r.columns.length > 0 ? r.columns.join(", ") : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
