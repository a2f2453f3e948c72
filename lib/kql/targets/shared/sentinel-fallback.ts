/**
 * Native Sentinel tables as the last resort of another target. Many Sigma logsources (PowerShell script blocks,
 * Windows channels, web servers, cloud audit logs) have no ASIM schema and no Defender table, but their events do
 * land in Log Analytics tables (SecurityEvent, WindowsEvent, W3CIISLog, AWSCloudTrail, …) that a Sentinel
 * workspace holds, and that Defender XDR advanced hunting queries once the workspace is onboarded to the Defender
 * portal. Re-using the Azure Monitor routes for exactly those logsources gives the analyst a query that runs where
 * they hunt, with the same exact mappings; each fallback route says so in its id and note.
 */
import type { KqlTarget, TableRoute } from "../../target";

/** How a target presents the native tables it falls back to. */
export interface FallbackOptions {
  /** Route id prefix, e.g. `sentinel-asim/native`. */
  idPrefix: string;
  /** Sentence put before the route's own note. */
  note: string;
  /** Connector (or platform requirement) added to each route's list. */
  requirement?: string;
  /** Tables the target already queries natively: routes onto them are not repeated. */
  ownTables: ReadonlySet<string>;
}

/** The Azure Monitor routes re-labelled as another target's native-table fallback. */
export function sentinelFallbackRoutes(source: KqlTarget, options: FallbackOptions): TableRoute[] {
  return source.routes
    .filter((route) => !options.ownTables.has(route.table))
    .map((route) => ({
      ...route,
      id: `${options.idPrefix}/${route.id.replace(/^azure-monitor\//, "")}`,
      connectors: options.requirement ? [...route.connectors, options.requirement] : route.connectors,
      note: route.note ? `${options.note} ${route.note}` : options.note,
    }));
}

/** The schema of a target plus the fallback tables it may now query (own tables keep their own columns). */
export function withFallbackSchema(
  own: KqlTarget["schema"],
  source: KqlTarget,
  routes: TableRoute[],
): KqlTarget["schema"] {
  const merged: KqlTarget["schema"] = { ...own };
  for (const route of routes) if (!merged[route.table]) merged[route.table] = source.schema[route.table];
  return merged;
}
