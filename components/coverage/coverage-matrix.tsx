import Link from "next/link";
import type { CoverageMatrix } from "@/lib/catalog/types";
import { cn } from "@/lib/utils";

/** Shade steps by share of the busiest cell (5 steps; 0 is plain). */
function shade(count: number, max: number): string {
  if (count === 0 || max === 0) return "bg-white text-zinc-700 dark:bg-zinc-950 dark:text-zinc-300";
  const r = count / max;
  if (r > 0.6) return "bg-sky-800 text-white dark:bg-sky-400 dark:text-zinc-950";
  if (r > 0.3) return "bg-sky-700 text-white dark:bg-sky-700 dark:text-white";
  if (r > 0.1) return "bg-sky-200 text-sky-950 dark:bg-sky-800 dark:text-white";
  return "bg-sky-50 text-sky-950 dark:bg-sky-950 dark:text-sky-100";
}

/**
 * Tactics as columns in MITRE's order; each technique cell is shaded by its rule count (technique plus
 * sub-techniques) and links to the feed filtered by the technique. Scrolls horizontally on narrow screens.
 */
export function CoverageMatrixView({ matrix, cellHref }: { matrix: CoverageMatrix; cellHref: (techniqueId: string) => string }) {
  return (
    <div className="overflow-x-auto pb-2" tabIndex={0} role="region" aria-label="ATT&CK coverage matrix (scrolls sideways)">
      <div className="flex gap-1.5" style={{ minWidth: `${matrix.columns.length * 9.5}rem` }}>
        {matrix.columns.map((col) => (
          <section key={col.id} aria-labelledby={`col-${col.id}`} className="w-36 shrink-0">
            <h2 id={`col-${col.id}`} className="sticky top-0 mb-1 min-h-12 rounded bg-zinc-800 px-1.5 py-1 text-xs font-semibold text-white dark:bg-zinc-700">
              {col.name}
              <span className="block font-normal text-zinc-200">{col.ruleCount.toLocaleString("en-US")} rules</span>
            </h2>
            <ul className="space-y-1">
              {col.cells.map((cell) => (
                <li key={cell.id}>
                  <Link
                    href={cellHref(cell.id)}
                    title={`${cell.id} ${cell.name}: ${cell.count} rules${cell.subtechniques.length ? ` (${cell.subtechniques.filter((s) => s.count > 0).length} of ${cell.subtechniques.length} sub-techniques covered)` : ""}`}
                    className={cn("block rounded border border-zinc-200 px-1.5 py-1 text-[11px] leading-tight hover:ring-2 hover:ring-sky-500 dark:border-zinc-800", shade(cell.count, matrix.maxCount))}
                  >
                    <span className="block break-words">{cell.name}</span>
                    <span className="mt-0.5 flex justify-between gap-1 font-mono text-[10px]">
                      <span>{cell.id}</span>
                      <span>{cell.count}</span>
                    </span>
                  </Link>
                  {cell.subtechniques.some((x) => x.count > 0) && (
                    <details className="mt-0.5 text-[11px]">
                      <summary className="cursor-pointer muted">
                        {cell.subtechniques.filter((x) => x.count > 0).length} of {cell.subtechniques.length} sub-techniques
                      </summary>
                      <ul className="mt-0.5 space-y-0.5 pl-1">
                        {cell.subtechniques
                          .filter((x) => x.count > 0)
                          .map((sub) => (
                            <li key={sub.id}>
                              <Link href={cellHref(sub.id)} className="underline">
                                {sub.name}
                              </Link>{" "}
                              <span className="font-mono muted">
                                {sub.id.slice(sub.id.indexOf("."))} · {sub.count}
                              </span>
                            </li>
                          ))}
                      </ul>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
