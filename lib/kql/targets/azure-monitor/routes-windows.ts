/**
 * Azure Monitor routes for Windows: SecurityEvent (its own parsed columns) first where it carries the rule's
 * fields, then WindowsEvent (AMA or forwarded events), whose EventData holds every named field of every channel,
 * then the Event table for the unnamed data items (`Data`) WindowsEvent has no property for.
 */
import type { FieldMapping, TableRoute } from "../../target";
import { allOf, columnIsNumber, textIn } from "../shared/filters";
import { eventTableRoutes } from "./routes-event-table";
import { WINDOWS_EVENT_SYSTEM_FIELDS, eventDataFields, sysmonRoutes } from "./sysmon";
import { POWERSHELL_CLASSIC_EVENTS, WINDOWS_EVENT_DATA_NAMES, WINDOWS_SERVICE_CHANNELS } from "./windows-channels";

const SECURITY_CONNECTORS = ["Windows Security Events via AMA", "Security Events via Legacy Agent"];
const WINDOWS_EVENT_CONNECTORS = ["Windows Forwarded Events", "Azure Monitor Agent data collection rule: Windows Event Logs to WindowsEvent (XPath for the channel)"];

/** Channel values whose numbers are decimal in every event that uses them. */
const CHANNEL_NUMERIC = new Set(["LogonType", "KeyLength", "DestPort", "SourcePort"]);

const UNNAMED_DATA: FieldMapping = {
  unsupported: "`Data` is the event's unnamed data items; WindowsEvent.EventData has no documented property for them (the Event table route reads them)",
};

/** Fields every WindowsEvent channel route maps. */
const CHANNEL_FIELDS: Record<string, FieldMapping> = {
  ...eventDataFields(WINDOWS_EVENT_DATA_NAMES, CHANNEL_NUMERIC),
  ...WINDOWS_EVENT_SYSTEM_FIELDS,
  // The WMI-Activity events carry a data item named Provider (the WMI provider), unlike the Provider column.
  Provider: { column: "EventData", property: "Provider" },
  Data: UNNAMED_DATA,
  Message: { unsupported: "WindowsEvent has no rendered-message column" },
};

/**
 * Sysmon process-creation fields that 4688 spells differently or lacks. ProcessId is a SecurityEvent column,
 * but 4688's ProcessId is the *creator* in hex, so it must not pass through.
 */
const PROCESS_CREATION_4688: Record<string, FieldMapping> = {
  Image: { column: "NewProcessName" },
  ParentImage: { column: "ParentProcessName" },
  CommandLine: { column: "CommandLine" },
  ProcessId: { unsupported: "4688 records the new process id in hex (NewProcessId), Sysmon in decimal" },
  ParentProcessId: { unsupported: "4688 records the creator process id in hex" },
  User: { unsupported: "4688 splits the account into SubjectUserName/SubjectDomainName (creator) and TargetUserName" },
  IntegrityLevel: { unsupported: "4688 records the integrity level as a SID (MandatoryLabel), not a name" },
  LogonId: { unsupported: "4688's SubjectLogonId is the creator's logon session" },
  EventID: { impliedBy: "route", values: [4688] },
};

function channelRoute(service: string, id = service, extra: Partial<TableRoute> = {}): TableRoute {
  const channels = WINDOWS_SERVICE_CHANNELS[service];
  return {
    id: `azure-monitor/windows/${id}`,
    when: { product: "windows", service },
    table: "WindowsEvent",
    filter: textIn("Channel", ...channels),
    fields: CHANNEL_FIELDS,
    connectors: WINDOWS_EVENT_CONNECTORS,
    note: `Windows channel ${channels.join(", ")} in WindowsEvent; fields are EventData properties.`,
    ...extra,
  };
}

function powershellRoute(category: string, service: string, eventId: number, fields: string[]): TableRoute {
  const channels = WINDOWS_SERVICE_CHANNELS[service];
  return {
    id: `azure-monitor/windows/${category}`,
    when: { product: "windows", category },
    table: "WindowsEvent",
    filter: allOf(textIn("Channel", ...channels), columnIsNumber("EventID", eventId)),
    fields: { ...eventDataFields(fields, new Set()), Data: UNNAMED_DATA, EventID: { impliedBy: "route", values: [eventId] } },
    connectors: WINDOWS_EVENT_CONNECTORS,
    note: `PowerShell event ${eventId} (${channels.join(", ")}) in WindowsEvent.`,
  };
}

/** Windows routes in the order the pipeline tries them. */
export function windowsRoutes(): TableRoute[] {
  const services = Object.keys(WINDOWS_SERVICE_CHANNELS).filter((s) => s !== "security");
  return [
    {
      id: "azure-monitor/windows/process_creation-4688",
      when: { product: "windows", category: "process_creation" },
      table: "SecurityEvent",
      filter: columnIsNumber("EventID", 4688),
      fields: PROCESS_CREATION_4688,
      connectors: SECURITY_CONNECTORS,
      note: "Security event 4688 (process creation auditing, with command-line auditing enabled for CommandLine).",
    },
    ...sysmonRoutes().map((r) =>
      r.id.endsWith("/process_creation") ? { ...r, note: `${r.note} Used when the rule needs Sysmon-only fields.` } : r,
    ),
    powershellRoute("ps_script", "powershell", 4104, ["ScriptBlockText", "Path", "ScriptBlockId", "MessageNumber", "MessageTotal"]),
    powershellRoute("ps_module", "powershell", 4103, ["ContextInfo", "Payload", "UserData"]),
    ...POWERSHELL_CLASSIC_EVENTS.map(([category, eventId]) => powershellRoute(category, "powershell-classic", eventId, [])),
    {
      id: "azure-monitor/windows/security",
      when: { product: "windows", service: "security" },
      table: "SecurityEvent",
      fields: { Provider_Name: { column: "EventSourceName" } },
      connectors: SECURITY_CONNECTORS,
      note: "Security channel events in SecurityEvent (parsed columns); rules naming fields it lacks use WindowsEvent.",
    },
    channelRoute("security", "security-windowsevent"),
    ...services.map((service) => channelRoute(service)),
    ...eventTableRoutes(),
  ];
}

