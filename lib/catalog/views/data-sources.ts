/**
 * "Required data sources": per target, the table a conversion queries, the data connectors that fill it (from
 * the target's route data), every column the query uses and the watchlists that hold its placeholders' values.
 */
import type { ConversionState, DataSourceRow, TargetId } from "../types";

/** The route data of one target that matters here (a subset of lib/kql's TableRoute). */
export interface RouteInfo {
  id: string;
  table: string;
  connectors: string[];
  note?: string;
}

/** A stored conversion, reduced to what this section needs. */
export interface StoredConversion {
  target: TargetId;
  state: ConversionState;
  table: string | null;
  columns: string[];
  trace: string[];
}

/**
 * Finds the route a conversion took: the trace names it as the step `route:<id>` (older converter output named
 * the bare id, or nothing: then the first route on the same table is used).
 */
export function findRoute(conversion: StoredConversion, routes: RouteInfo[]): RouteInfo | null {
  const taken = new Set(conversion.trace.map((step) => (step.startsWith("route:") ? step.slice("route:".length) : step)));
  const byTrace = routes.find((r) => taken.has(r.id));
  if (byTrace) return byTrace;
  if (!conversion.table) return null;
  return routes.find((r) => r.table === conversion.table) ?? null;
}

/** Builds one row per target in the given order; targets without a stored conversion are "missing". */
export function buildDataSources(
  targets: { id: TargetId; label: string; routes: RouteInfo[] }[],
  conversions: StoredConversion[],
): DataSourceRow[] {
  return targets.map((t) => {
    const c = conversions.find((x) => x.target === t.id);
    if (!c) return { target: t.id, targetLabel: t.label, state: "missing", table: null, connectors: [], note: null, columns: [], watchlists: [] };
    const route = findRoute(c, t.routes);
    return {
      target: t.id,
      targetLabel: t.label,
      state: c.state,
      table: c.table ?? route?.table ?? null,
      connectors: route?.connectors ?? [],
      note: route?.note ?? null,
      columns: [...c.columns].sort((a, b) => a.localeCompare(b)),
      // The converter records each placeholder it resolved to a watchlist as the step `watchlist:<alias>`.
      watchlists: c.trace.filter((step) => step.startsWith("watchlist:")).map((step) => step.slice("watchlist:".length)),
    };
  });
}
