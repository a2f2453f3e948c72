/**
 * Sysmon in the WindowsEvent table (Azure Monitor Agent or Windows Event Forwarding): which event ids each Sigma
 * category reads, and the EventData names of each Sysmon event (Sysmon schema 4.90). A Sigma field that the
 * event does not carry is not mapped, so a rule naming it is unsupported on that route with a clear reason.
 */
import type { FieldMapping, TableRoute } from "../../target";
import { allOf, columnIsNumber, textIn } from "../shared/filters";

const COMMON = ["RuleName", "UtcTime"];
const PROC = ["ProcessGuid", "ProcessId", "Image", "User"];
const PE_INFO = ["FileVersion", "Description", "Product", "Company", "OriginalFileName"];
const FILE = [...PROC, "TargetFilename"];

/** EventData names of each Sysmon event id. */
export const SYSMON_EVENT_FIELDS: Record<number, string[]> = {
  1: [...PROC, ...PE_INFO, "CommandLine", "CurrentDirectory", "LogonGuid", "LogonId", "TerminalSessionId",
    "IntegrityLevel", "Hashes", "ParentProcessGuid", "ParentProcessId", "ParentImage", "ParentCommandLine", "ParentUser"],
  2: [...FILE, "CreationUtcTime", "PreviousCreationUtcTime"],
  3: [...PROC, "Protocol", "Initiated", "SourceIsIpv6", "SourceIp", "SourceHostname", "SourcePort", "SourcePortName",
    "DestinationIsIpv6", "DestinationIp", "DestinationHostname", "DestinationPort", "DestinationPortName"],
  4: ["State", "Version", "SchemaVersion"],
  5: [...PROC],
  6: ["ImageLoaded", "Hashes", "Signed", "Signature", "SignatureStatus"],
  7: [...PROC, "ImageLoaded", ...PE_INFO, "Hashes", "Signed", "Signature", "SignatureStatus"],
  8: ["SourceProcessGuid", "SourceProcessId", "SourceImage", "TargetProcessGuid", "TargetProcessId", "TargetImage",
    "NewThreadId", "StartAddress", "StartModule", "StartFunction", "SourceUser", "TargetUser"],
  9: [...PROC, "Device"],
  10: ["SourceProcessGUID", "SourceProcessId", "SourceThreadId", "SourceImage", "TargetProcessGUID", "TargetProcessId",
    "TargetImage", "GrantedAccess", "CallTrace", "SourceUser", "TargetUser"],
  11: [...FILE, "CreationUtcTime"],
  12: ["EventType", ...PROC, "TargetObject"],
  13: ["EventType", ...PROC, "TargetObject", "Details"],
  14: ["EventType", ...PROC, "TargetObject", "NewName"],
  15: [...FILE, "CreationUtcTime", "Hash", "Contents"],
  16: ["Configuration", "ConfigurationFileHash"],
  17: ["EventType", ...PROC, "PipeName"],
  18: ["EventType", ...PROC, "PipeName"],
  19: ["EventType", "Operation", "User", "EventNamespace", "Name", "Query"],
  20: ["EventType", "Operation", "User", "Name", "Type", "Destination"],
  21: ["EventType", "Operation", "User", "Consumer", "Filter"],
  22: [...PROC, "QueryName", "QueryStatus", "QueryResults"],
  23: [...FILE, "Hashes", "IsExecutable", "Archived"],
  24: [...PROC, "Session", "ClientInfo", "Hashes", "Archived"],
  25: [...PROC, "Type"],
  26: [...FILE, "Hashes", "IsExecutable"],
  27: [...FILE, "Hashes"],
  28: [...FILE, "Hashes", "IsExecutable"],
  29: [...FILE, "Hashes"],
  255: ["ID", "Description"],
};

/** Sysmon EventData values that are decimal numbers (compared with tolong()). */
const SYSMON_NUMERIC = new Set([
  "ProcessId", "ParentProcessId", "SourceProcessId", "TargetProcessId", "SourceThreadId", "NewThreadId",
  "SourcePort", "DestinationPort", "TerminalSessionId", "ID",
]);

/** Sigma category → the Sysmon event ids it reads (SigmaHQ's Sysmon logsource mapping). */
export const SYSMON_CATEGORIES: [category: string, eventIds: number[]][] = [
  ["process_creation", [1]],
  ["file_change", [2]],
  ["network_connection", [3]],
  ["sysmon_status", [4, 16]],
  ["process_termination", [5]],
  ["driver_load", [6]],
  ["image_load", [7]],
  ["create_remote_thread", [8]],
  ["raw_access_thread", [9]],
  ["process_access", [10]],
  ["file_event", [11]],
  ["registry_add", [12]],
  ["registry_delete", [12]],
  ["registry_set", [13]],
  ["registry_rename", [14]],
  ["registry_event", [12, 13, 14]],
  ["create_stream_hash", [15]],
  ["pipe_created", [17, 18]],
  ["wmi_event", [19, 20, 21]],
  ["dns_query", [22]],
  ["file_delete", [23, 26]],
  ["clipboard_capture", [24]],
  ["process_tampering", [25]],
  ["file_delete_detected", [26]],
  ["file_block_executable", [27]],
  ["file_block_shredding", [28]],
  ["file_executable_detected", [29]],
  ["sysmon_error", [255]],
];

/** Sysmon registry EventType values that separate key creation from deletion within event 12. */
const REGISTRY_EVENT_TYPES: Record<string, string[]> = {
  registry_add: ["CreateKey"],
  registry_delete: ["DeleteKey", "DeleteValue"],
};

/** The field map of a WindowsEvent route: each name → `EventData.<name>`; names in `numeric` compare as numbers. */
export function eventDataFields(names: Iterable<string>, numeric: ReadonlySet<string> = SYSMON_NUMERIC): Record<string, FieldMapping> {
  const fields: Record<string, FieldMapping> = {};
  for (const name of names) {
    fields[name] = numeric.has(name) ? { column: "EventData", property: name, type: "number" } : { column: "EventData", property: name };
  }
  return fields;
}

/** System fields Sigma rules name on any Windows channel, mapped to WindowsEvent's own columns. */
export const WINDOWS_EVENT_SYSTEM_FIELDS: Record<string, FieldMapping> = {
  Provider_Name: { column: "Provider" },
  Level: { column: "EventLevel" },
};

/** How Sysmon events reach WindowsEvent: forwarded events, or an AMA rule collecting the Sysmon channel. */
export const SYSMON_CONNECTORS = ["Windows Forwarded Events", "Azure Monitor Agent data collection rule: Windows Event Logs to WindowsEvent (XPath Microsoft-Windows-Sysmon/Operational!*)"];

/** One WindowsEvent route per Sysmon category. */
export function sysmonRoutes(): TableRoute[] {
  return SYSMON_CATEGORIES.map(([category, eventIds]) => {
    const names = new Set(eventIds.flatMap((id) => SYSMON_EVENT_FIELDS[id]));
    const eventTypes = REGISTRY_EVENT_TYPES[category];
    const filter = allOf(
      textIn("Provider", "Microsoft-Windows-Sysmon"),
      columnIsNumber("EventID", ...eventIds),
      // Event 12 carries both key creation and deletion; Sigma's category names one of them.
      ...(eventTypes ? [textIn("EventType", ...eventTypes)] : []),
    );
    return {
      id: `azure-monitor/sysmon/${category}`,
      when: { product: "windows", category },
      table: "WindowsEvent",
      filter,
      fields: {
        ...eventDataFields(names),
        ...WINDOWS_EVENT_SYSTEM_FIELDS,
        EventID: { impliedBy: "route", values: eventIds },
      },
      connectors: SYSMON_CONNECTORS,
      note: `Sysmon event ${eventIds.join(", ")} (Microsoft-Windows-Sysmon/Operational) in WindowsEvent; fields are EventData properties.`,
    } satisfies TableRoute;
  });
}
