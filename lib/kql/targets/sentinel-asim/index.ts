/**
 * The Microsoft Sentinel ASIM target: rules query the ASIM unifying parsers (imProcessCreate, imFileEvent, …),
 * which normalise every connected source into one schema per activity.
 */
import type { KqlTarget } from "../../target";
import { AUDIT_ROUTES } from "./routes-audit";
import { ENDPOINT_ROUTES } from "./routes-endpoint";
import { NETWORK_ROUTES } from "./routes-network";
import { SCHEMA } from "./schema.generated";

/** Sentinel ASIM: routes by Sigma category to the ASIM unifying parsers, with ASIM field names. */
export const sentinelAsimTarget: KqlTarget = {
  id: "sentinel-asim",
  label: "Microsoft Sentinel (ASIM)",
  routes: [...ENDPOINT_ROUTES, ...NETWORK_ROUTES, ...AUDIT_ROUTES],
  schema: SCHEMA,
};
