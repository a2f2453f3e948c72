/**
 * The Defender XDR (Advanced Hunting) target: routes and field maps as data, schema generated. Logsources no
 * Defender table records (PowerShell script blocks, Windows channels, web servers, cloud audit logs) fall back to
 * the Microsoft Sentinel tables that advanced hunting also queries once a Sentinel workspace is onboarded to the
 * Defender portal (unified security operations).
 */
import type { KqlTarget } from "../../target";
import { azureMonitorTarget } from "../azure-monitor";
import { sentinelFallbackRoutes, withFallbackSchema } from "../shared/sentinel-fallback";
import { DEFENDER_XDR_ROUTES } from "./routes";
import { SCHEMA } from "./schema.generated";

const SENTINEL_ROUTES = sentinelFallbackRoutes(azureMonitorTarget, {
  idPrefix: "defender-xdr/sentinel",
  note: "No Defender table records this activity, or the Defender table lacks a field the rule tests; the query reads a Microsoft Sentinel table, which advanced hunting queries when a Sentinel workspace is onboarded to the Defender portal.",
  requirement: "Microsoft Sentinel workspace onboarded to the Defender portal",
  ownTables: new Set(Object.keys(SCHEMA)),
});

/** Microsoft Defender XDR advanced hunting: Defender tables first, then Sentinel tables in unified hunting. */
export const defenderXdrTarget: KqlTarget = {
  id: "defender-xdr",
  label: "Microsoft Defender XDR",
  routes: [...DEFENDER_XDR_ROUTES, ...SENTINEL_ROUTES],
  schema: withFallbackSchema(SCHEMA, azureMonitorTarget, SENTINEL_ROUTES),
};
