/**
 * The Azure Monitor target: rules query Log Analytics tables directly (SecurityEvent, WindowsEvent, Syslog,
 * SigninLogs, AWSCloudTrail, …), with the tables' own column names and fixed EventID/Channel filters. Defender
 * for Endpoint tables in the workspace come last, for Windows rules the event-log tables cannot express.
 */
import type { KqlTarget } from "../../target";
import { CLOUD_ROUTES } from "./routes-cloud";
import { DEFENDER_WORKSPACE_ROUTES } from "./routes-defender";
import { OTHER_ROUTES } from "./routes-other";
import { windowsRoutes } from "./routes-windows";
import { SCHEMA } from "./schema.generated";

/** Azure Monitor / Log Analytics: Windows events, Sysmon, Linux, web, proxy and cloud audit tables. */
export const azureMonitorTarget: KqlTarget = {
  id: "azure-monitor",
  label: "Azure Monitor (Log Analytics)",
  routes: [...windowsRoutes(), ...OTHER_ROUTES, ...CLOUD_ROUTES, ...DEFENDER_WORKSPACE_ROUTES],
  schema: SCHEMA,
  watchlists: true,
};
