/**
 * Defender for Endpoint tables as the Azure Monitor target's last resort on Windows. The Microsoft Defender XDR
 * connector streams DeviceProcessEvents, DeviceFileEvents, DeviceEvents, … into the workspace with the columns
 * Defender XDR has, so the defender-xdr field maps apply unchanged. They are tried only after every Windows
 * event-log route (Security, Sysmon, channels) has refused a rule, e.g. for a Sysmon image-load rule that tests
 * the loading process's command line, which Sysmon event 7 does not record but DeviceImageLoadEvents does.
 */
import type { FieldMapping, TableRoute } from "../../target";
import { DEFENDER_XDR_ROUTES } from "../defender-xdr/routes";
import { mappingColumns } from "../route-columns";
import { SCHEMA } from "./schema.generated";

const CONNECTORS = ["Microsoft Defender XDR"];
const NOTE = "Defender for Endpoint events streamed to the workspace by the Microsoft Defender XDR connector (the Windows event-log tables cannot express this rule).";

/** Routes already given by the Linux/macOS part of the Azure Monitor target. */
function isUnixOnly(route: TableRoute): boolean {
  const product = route.when.product;
  const list = Array.isArray(product) ? product : product ? [product] : [];
  return list.length > 0 && !list.includes("windows");
}

/**
 * The workspace copies of the Device* tables lag Defender XDR by a few columns (session ids, integrity levels on
 * some tables): a field mapped onto such a column is refused here with that reason instead of naming a column
 * the table does not have.
 */
function workspaceFields(route: TableRoute): Record<string, FieldMapping> {
  const columns = SCHEMA[route.table] ?? {};
  const fields: Record<string, FieldMapping> = {};
  for (const [field, mapping] of Object.entries(route.fields)) {
    const absent = mappingColumns(mapping).filter((c) => !Object.prototype.hasOwnProperty.call(columns, c));
    fields[field] = absent.length
      ? { unsupported: `the workspace's ${route.table} (Azure Monitor table reference) has no ${absent.join(", ")} column` }
      : mapping;
  }
  return fields;
}

/** The defender-xdr routes for Windows (and product-less categories such as antivirus), relabelled for the workspace. */
export const DEFENDER_WORKSPACE_ROUTES: TableRoute[] = DEFENDER_XDR_ROUTES.filter((r) => !isUnixOnly(r)).map((route) => ({
  ...route,
  fields: workspaceFields(route),
  keywordColumns: route.keywordColumns?.filter((c) => Object.prototype.hasOwnProperty.call(SCHEMA[route.table] ?? {}, c)),
  id: route.id.replace(/^defender-xdr\//, "azure-monitor/defender/"),
  connectors: CONNECTORS,
  note: route.note ? `${NOTE} ${route.note}` : NOTE,
}));
