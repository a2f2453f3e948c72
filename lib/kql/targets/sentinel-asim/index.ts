/**
 * The Microsoft Sentinel ASIM target: rules query the ASIM unifying parsers (imProcessCreate, imFileEvent, …),
 * which normalise every connected source into one schema per activity. Activities no ASIM schema covers
 * (PowerShell script blocks, Windows channels, image loads, cloud audit logs, …), and rules testing a field an
 * ASIM schema does not keep, fall back to the native Sentinel table that holds them, with the same exact mappings
 * as the Azure Monitor target.
 */
import type { KqlTarget } from "../../target";
import { azureMonitorTarget } from "../azure-monitor";
import { sentinelFallbackRoutes, withFallbackSchema } from "../shared/sentinel-fallback";
import { AUDIT_ROUTES } from "./routes-audit";
import { ENDPOINT_ROUTES } from "./routes-endpoint";
import { NETWORK_ROUTES } from "./routes-network";
import { SCHEMA } from "./schema.generated";

const ASIM_ROUTES = [...ENDPOINT_ROUTES, ...NETWORK_ROUTES, ...AUDIT_ROUTES];

const NATIVE_ROUTES = sentinelFallbackRoutes(azureMonitorTarget, {
  idPrefix: "sentinel-asim/native",
  note: "No ASIM schema normalises this activity, or the ASIM schema lacks a field the rule tests; the query reads the native Sentinel table.",
  ownTables: new Set(Object.keys(SCHEMA)),
});

/** Sentinel ASIM: the ASIM unifying parsers first, then native Sentinel tables for activities ASIM does not cover. */
export const sentinelAsimTarget: KqlTarget = {
  id: "sentinel-asim",
  label: "Microsoft Sentinel (ASIM)",
  routes: [...ASIM_ROUTES, ...NATIVE_ROUTES],
  schema: withFallbackSchema(SCHEMA, azureMonitorTarget, NATIVE_ROUTES),
  watchlists: true,
};
