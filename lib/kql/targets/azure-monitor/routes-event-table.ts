/**
 * The Event table for classic Windows events whose data items are unnamed. Sigma calls those items `Data`
 * (Windows PowerShell 400/600/800, many Application-log providers); WindowsEvent documents no property for them,
 * but the Event table, which the Azure Monitor Agent fills from a "Windows Event Logs" data collection rule, keeps
 * the event's EventData as XML text where each unnamed item is a `<Data>` element. These routes come after the
 * WindowsEvent routes of the same logsource, so they only take rules that WindowsEvent cannot express; they map
 * `Data` and the system fields, and nothing else (named items stay with WindowsEvent). A keyword (a value
 * anywhere in the event) is searched in the rendered message and in every data item.
 */
import type { FieldMapping, TableRoute } from "../../target";
import { allOf, columnIsNumber, textIn } from "../shared/filters";
import { POWERSHELL_CLASSIC_EVENTS, WINDOWS_SERVICE_CHANNELS } from "./windows-channels";

const EVENT_CONNECTORS = [
  "Azure Monitor Agent data collection rule: Windows Event Logs (Event table)",
  "Log Analytics agent (legacy): Windows event logs",
];

/** Fields an Event-table route maps; EventID and Computer are Event columns and pass through. */
const EVENT_FIELDS: Record<string, FieldMapping> = {
  Data: { column: "EventData", transform: "xml-unnamed-data" },
  // Not a Sigma field: the keyword search's view of every data item, named or not.
  "@DataItem": { column: "EventData", transform: "xml-unnamed-data:any-item" },
  Provider_Name: { column: "Source" },
  Channel: { column: "EventLog" },
  Level: { column: "EventLevel" },
};

const KEYWORDS = { keywordColumns: ["RenderedDescription"], keywordFields: ["@DataItem"] };

/** Services whose events are named-data only (Security, Sysmon) or never reach the Event table are left out. */
const SKIPPED_SERVICES = new Set(["security", "sysmon"]);

/** Event-table routes, tried after every WindowsEvent route. */
export function eventTableRoutes(): TableRoute[] {
  const classic = WINDOWS_SERVICE_CHANNELS["powershell-classic"];
  return [
    ...POWERSHELL_CLASSIC_EVENTS.map(([category, eventId]): TableRoute => ({
      id: `azure-monitor/windows-event-table/${category}`,
      when: { product: "windows", category },
      table: "Event",
      filter: allOf(textIn("EventLog", ...classic), columnIsNumber("EventID", eventId)),
      fields: { ...EVENT_FIELDS, EventID: { impliedBy: "route", values: [eventId] } },
      connectors: EVENT_CONNECTORS,
      ...KEYWORDS,
      note: `PowerShell event ${eventId} (${classic.join(", ")}) in the Event table; its unnamed data items (Data) are read from the EventData XML.`,
    })),
    ...Object.entries(WINDOWS_SERVICE_CHANNELS)
      .filter(([service]) => !SKIPPED_SERVICES.has(service))
      .map(([service, channels]): TableRoute => ({
        id: `azure-monitor/windows-event-table/${service}`,
        when: { product: "windows", service },
        table: "Event",
        filter: textIn("EventLog", ...channels),
        fields: EVENT_FIELDS,
        connectors: EVENT_CONNECTORS,
        ...KEYWORDS,
        note: `Windows channel ${channels.join(", ")} in the Event table; unnamed data items (Data) are read from the EventData XML.`,
      })),
  ];
}
