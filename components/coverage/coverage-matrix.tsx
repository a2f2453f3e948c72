import Link from "next/link";
import type { CoverageMatrix } from "@/lib/catalog/types";
import { cn } from "@/lib/utils";

/** Shade step 0-4 by share of the busiest cell (classes shade-0…shade-4 in globals.css). */
function shade(count: number, max: number): string {
  if (count === 0 || max === 0) return "shade-0";
  const r = count / max;
  return r > 0.6 ? "shade-4" : r > 0.3 ? "shade-3" : r > 0.1 ? "shade-2" : "shade-1";
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
                    className={cn("cov-cell", shade(cell.count, matrix.maxCount))}
                  >
                    <span className="block">{cell.name}</span>
                    <span className="cov-meta">
                      <span>{cell.id}</span>
                      <span>{cell.count}</span>
                    </span>
                  </Link>
                  {cell.subtechniques.some((x) => x.count > 0) && (
                    <details className="cov-subs">
                      <summary>
                        {cell.subtechniques.filter((x) => x.count > 0).length} of {cell.subtechniques.length} sub-techniques
                      </summary>
                      <ul>
                        {cell.subtechniques
                          .filter((x) => x.count > 0)
                          .map((sub) => (
                            <li key={sub.id}>
                              <Link href={cellHref(sub.id)}>{sub.name}</Link>{" "}
                              <span className="muted">
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
