/**
 * Target names and route data for display, read from lib/kql's target registry.
 */
import { TARGET_IDS, TARGETS, TARGET_LABELS, type TargetId } from "../../kql";
import type { RouteInfo } from "../views/data-sources";

/** A target's display label. */
export function targetLabel(id: TargetId | string): string {
  return (TARGET_LABELS as Record<string, string>)[id] ?? id;
}

/** Every target in display order with its routes (for the "Required data sources" section). */
export function targetRoutes(): { id: TargetId; label: string; routes: RouteInfo[] }[] {
  return TARGET_IDS.map((id) => ({
    id,
    label: targetLabel(id),
    routes: TARGETS[id].routes.map((r) => ({ id: r.id, table: r.table, connectors: r.connectors, note: r.note })),
  }));
}
