/**
 * Defender XDR routes: Sigma logsource → Advanced Hunting table (+ ActionType filter) and field map. Tried in
 * order; Windows/Linux/macOS endpoint categories all land in the Device* tables that Defender for Endpoint fills.
 */
import type { TableRoute } from "../../target";
import { columnIs } from "../shared/filters";
import * as F from "./fields";

const MDE = ["Microsoft Defender XDR (Defender for Endpoint)"];
const UNIX = ["linux", "macos"];

/** Columns a keyword search looks in on process tables: the command lines and image paths. */
const PROCESS_KEYWORDS = ["ProcessCommandLine", "FolderPath", "InitiatingProcessCommandLine", "InitiatingProcessFolderPath"];

/** Every Defender XDR route, in the order they are tried. */
export const DEFENDER_XDR_ROUTES: TableRoute[] = [
  {
    id: "defender-xdr/process_creation/windows",
    when: { product: "windows", category: "process_creation" },
    table: "DeviceProcessEvents",
    fields: F.PROCESS_CREATION,
    connectors: MDE,
    keywordColumns: PROCESS_KEYWORDS,
  },
  {
    id: "defender-xdr/process_creation/unix",
    when: { product: UNIX, category: "process_creation" },
    table: "DeviceProcessEvents",
    fields: F.PROCESS_CREATION_UNIX,
    connectors: MDE,
    keywordColumns: PROCESS_KEYWORDS,
  },
  {
    id: "defender-xdr/file_event",
    when: { product: "windows", category: "file_event" },
    table: "DeviceFileEvents",
    filter: columnIs("ActionType", "FileCreated"),
    fields: F.FILE_EVENT,
    connectors: MDE,
    note: "Sysmon event 11 (file created): ActionType FileCreated",
  },
  {
    id: "defender-xdr/file_event/unix",
    when: { product: UNIX, category: "file_event" },
    table: "DeviceFileEvents",
    filter: columnIs("ActionType", "FileCreated"),
    fields: F.FILE_EVENT_UNIX,
    connectors: MDE,
  },
  {
    id: "defender-xdr/file_delete",
    when: { product: "windows", category: "file_delete" },
    table: "DeviceFileEvents",
    filter: columnIs("ActionType", "FileDeleted"),
    fields: F.FILE_EVENT,
    connectors: MDE,
  },
  {
    id: "defender-xdr/file_rename",
    when: { product: "windows", category: "file_rename" },
    table: "DeviceFileEvents",
    filter: columnIs("ActionType", "FileRenamed"),
    fields: { ...F.FILE_EVENT, SourceFilename: { unsupported: "Defender XDR keeps the previous folder and name apart" } },
    connectors: MDE,
  },
  {
    id: "defender-xdr/registry_set",
    when: { product: "windows", category: "registry_set" },
    table: "DeviceRegistryEvents",
    filter: columnIs("ActionType", "RegistryValueSet"),
    fields: F.REGISTRY,
    connectors: MDE,
    note: "Sysmon event 13 (value set)",
  },
  {
    id: "defender-xdr/registry_add",
    when: { product: "windows", category: "registry_add" },
    table: "DeviceRegistryEvents",
    filter: columnIs("ActionType", "RegistryKeyCreated"),
    fields: F.REGISTRY,
    connectors: MDE,
    note: "Sysmon event 12 (key created)",
  },
  {
    id: "defender-xdr/registry_delete",
    when: { product: "windows", category: "registry_delete" },
    table: "DeviceRegistryEvents",
    filter: columnIs("ActionType", "RegistryKeyDeleted", "RegistryValueDeleted"),
    fields: F.REGISTRY,
    connectors: MDE,
    note: "Sysmon event 12 (key or value deleted)",
  },
  {
    id: "defender-xdr/registry_event",
    when: { product: "windows", category: "registry_event" },
    table: "DeviceRegistryEvents",
    fields: F.REGISTRY,
    connectors: MDE,
    note: "Sysmon events 12-14",
  },
  {
    id: "defender-xdr/network_connection",
    when: { product: "windows", category: "network_connection" },
    table: "DeviceNetworkEvents",
    fields: F.NETWORK,
    connectors: MDE,
  },
  {
    id: "defender-xdr/network_connection/unix",
    when: { product: UNIX, category: "network_connection" },
    table: "DeviceNetworkEvents",
    fields: F.NETWORK_UNIX,
    connectors: MDE,
  },
  {
    id: "defender-xdr/image_load",
    when: { product: "windows", category: "image_load" },
    table: "DeviceImageLoadEvents",
    fields: F.IMAGE_LOAD,
    connectors: MDE,
  },
  {
    id: "defender-xdr/driver_load",
    when: { product: "windows", category: "driver_load" },
    table: "DeviceEvents",
    filter: columnIs("ActionType", "DriverLoad"),
    fields: F.DRIVER_LOAD,
    connectors: MDE,
  },
  {
    id: "defender-xdr/dns_query",
    when: { product: "windows", category: "dns_query" },
    table: "DeviceEvents",
    filter: columnIs("ActionType", "DnsQueryResponse"),
    fields: F.DNS_QUERY,
    connectors: MDE,
  },
  {
    id: "defender-xdr/pipe_created",
    when: { product: "windows", category: "pipe_created" },
    table: "DeviceEvents",
    filter: columnIs("ActionType", "NamedPipeEvent"),
    fields: F.PIPE,
    connectors: MDE,
  },
  {
    id: "defender-xdr/create_remote_thread",
    when: { product: "windows", category: "create_remote_thread" },
    table: "DeviceEvents",
    filter: columnIs("ActionType", "CreateRemoteThreadApiCall"),
    fields: F.REMOTE_THREAD,
    connectors: MDE,
  },
  {
    id: "defender-xdr/process_access",
    when: { product: "windows", category: "process_access" },
    table: "DeviceEvents",
    filter: columnIs("ActionType", "OpenProcessApiCall"),
    fields: F.PROCESS_ACCESS,
    connectors: MDE,
  },
  {
    id: "defender-xdr/antivirus",
    when: { category: "antivirus" },
    table: "DeviceEvents",
    filter: columnIs("ActionType", "AntivirusDetection"),
    fields: F.ANTIVIRUS,
    connectors: MDE,
    note: "Microsoft Defender Antivirus detections (threat name in AdditionalFields.ThreatName)",
  },
  {
    id: "defender-xdr/security/4624",
    when: { product: "windows", service: "security" },
    table: "DeviceLogonEvents",
    filter: columnIs("ActionType", "LogonSuccess"),
    fields: { ...F.LOGON, EventID: { impliedBy: "route", values: [4624] } },
    requiredFields: ["EventID"],
    connectors: MDE,
    note: "Security event 4624 (successful logon)",
  },
  {
    id: "defender-xdr/security/4625",
    when: { product: "windows", service: "security" },
    table: "DeviceLogonEvents",
    filter: columnIs("ActionType", "LogonFailed"),
    fields: { ...F.LOGON, EventID: { impliedBy: "route", values: [4625] } },
    requiredFields: ["EventID"],
    connectors: MDE,
    note: "Security event 4625 (failed logon)",
  },
];
