/**
 * ASIM routes for endpoint activity: process creation (imProcessCreate), file activity (imFileEvent) and registry
 * activity (imRegistry). Field semantics follow Microsoft's ASIM schemas and the Sysmon parsers in
 * Azure/Azure-Sentinel (Parsers/ASim*): the process that performed a file, registry or network action is the
 * *acting* process (ActingProcessName is a full path); in process creation the acting process is the parent.
 */
import type { FieldMapping, TableRoute } from "../../target";
import type { MatchExpr } from "../../../sigma/model";
import { textIn } from "../shared/filters";
import { DEVICE_FIELDS, SYSMON_ONLY_FIELDS, hashFields } from "./fields";

/** `EventType` equal to one of `values` (ASIM's per-schema event type), as a route filter. */
export function eventTypeFilter(...values: string[]): MatchExpr {
  return textIn("EventType", ...values);
}

const ENDPOINT_CONNECTORS = [
  "Windows Security Events via AMA",
  "Windows Forwarded Events",
  "Microsoft Defender XDR",
  "Syslog via AMA",
];

/** Sysmon / Windows process-creation fields on imProcessCreate (Sysmon parser: ParentImage → ActingProcessName). */
const PROCESS_CREATE_FIELDS: Record<string, FieldMapping> = {
  ...SYSMON_ONLY_FIELDS,
  ...DEVICE_FIELDS,
  ...hashFields("TargetProcess"),
  Image: { column: "TargetProcessName" },
  CommandLine: { column: "TargetProcessCommandLine" },
  OriginalFileName: { column: "TargetProcessFileOriginalName" },
  Description: { column: "TargetProcessFileDescription" },
  Product: { column: "TargetProcessFileProduct" },
  Company: { column: "TargetProcessFileCompany" },
  FileVersion: { column: "TargetProcessFileVersion" },
  CurrentDirectory: { column: "TargetProcessCurrentDirectory" },
  // Sigma rules write both names (High) and mandatory-label SIDs (S-1-16-12288); ASIM carries the names.
  IntegrityLevel: { column: "TargetProcessIntegrityLevel", transform: "integrity-level" },
  ProcessId: { column: "TargetProcessId" },
  User: { column: "TargetUsername" },
  LogonId: { column: "TargetUserSessionId" },
  ParentImage: { column: "ActingProcessName" },
  ParentCommandLine: { column: "ActingProcessCommandLine" },
  ParentProcessId: { column: "ActingProcessId" },
  ParentUser: { column: "ActorUsername" },
  // The Sysmon parser puts LogonGuid in TargetUserSessionGuid (a column of ASimProcessEventLogs).
  LogonGuid: { column: "TargetUserSessionGuid" },
  // ASIM's parent process is the acting process's parent: the target's grandparent.
  GrandParentImage: { column: "ParentProcessName" },
};

/** The acting process of a file / registry / network event, as Sysmon names it. */
const ACTING_PROCESS_FIELDS: Record<string, FieldMapping> = {
  Image: { column: "ActingProcessName" },
  ProcessId: { column: "ActingProcessId" },
  User: { column: "ActorUsername" },
};

const FILE_FIELDS: Record<string, FieldMapping> = {
  ...SYSMON_ONLY_FIELDS,
  ...DEVICE_FIELDS,
  ...ACTING_PROCESS_FIELDS,
  ...hashFields("TargetFile", false),
  CommandLine: { column: "ActingProcessCommandLine" },
  TargetFilename: { column: "TargetFilePath" },
  ParentImage: { unsupported: "imFileEvent has no column for the parent of the acting process" },
  ParentCommandLine: { unsupported: "imFileEvent has no column for the parent of the acting process" },
  IntegrityLevel: { unsupported: "imFileEvent has no integrity-level column for the acting process" },
  CreationUtcTime: { unsupported: "Sysmon's CreationUtcTime text has no exact counterpart: TargetFileCreationTime is a datetime" },
  PreviousCreationUtcTime: { unsupported: "imFileEvent has no previous-creation-time column" },
};

/**
 * ASIM splits Sysmon's TargetObject (`HKLM\…\Key\ValueName`) into RegistryKey and, for value events,
 * RegistryValue, and writes long hive names (the Sysmon parser: HKLM → HKEY_LOCAL_MACHINE, HKU → HKEY_USERS,
 * HKCR → HKEY_LOCAL_MACHINE\Classes). Joining them back and lengthening the rule's hive gives the same test.
 */
const REGISTRY_TARGET_OBJECT: FieldMapping = {
  expr: 'iff(isempty(RegistryValue), RegistryKey, strcat(RegistryKey, @"\\", RegistryValue))',
  columns: ["RegistryKey", "RegistryValue"],
  transform: "registry-hive",
};

/** For a rename the Sysmon parser puts the *new* name in RegistryKey, so the old path (TargetObject) is gone. */
const RENAMED_KEY: FieldMapping = {
  unsupported: "for renamed keys ASIM keeps only the new name in RegistryKey; Sysmon's TargetObject (the old path) has no column",
};

const REGISTRY_FIELDS: Record<string, FieldMapping> = {
  ...SYSMON_ONLY_FIELDS,
  ...DEVICE_FIELDS,
  ...ACTING_PROCESS_FIELDS,
  TargetObject: REGISTRY_TARGET_OBJECT,
  NewName: { unsupported: "imRegistry stores a renamed key's new path split and with long hive names; no exact column" },
  Details: { column: "RegistryValueData" },
  EventType: { column: "EventType", transform: "registry-event-type" },
  CommandLine: { column: "ActingProcessCommandLine" },
  // ASIM's parent process is the acting process's parent, which is what Sigma's ParentImage names here.
  ParentImage: { column: "ParentProcessName" },
  ParentCommandLine: { column: "ParentProcessCommandLine" },
};

function fileRoute(
  category: string,
  eventType: string,
  extra: Record<string, FieldMapping> = {},
  product: string | string[] = "windows",
): TableRoute {
  return {
    id: `sentinel-asim/${category}`,
    when: { product, category },
    table: "imFileEvent",
    filter: eventTypeFilter(eventType),
    fields: { ...FILE_FIELDS, ...extra },
    connectors: ENDPOINT_CONNECTORS,
    note: `ASIM File Event parser (imFileEvent), EventType ${eventType}: Sysmon, Microsoft Defender XDR and Windows Security 4663 sources.`,
  };
}

function registryRoute(category: string, eventTypes: string[], extra: Record<string, FieldMapping> = {}): TableRoute {
  return {
    id: `sentinel-asim/${category}`,
    when: { product: "windows", category },
    table: "imRegistry",
    filter: eventTypeFilter(...eventTypes),
    fields: { ...REGISTRY_FIELDS, ...extra },
    connectors: ENDPOINT_CONNECTORS,
    note: `ASIM Registry Event parser (imRegistry), EventType ${eventTypes.join(" or ")}.`,
  };
}

/** Sysmon's event ids of a file or registry route (rules sometimes name it): the route's EventType fixes it. */
const sysmonIds = (...ids: number[]): Record<string, FieldMapping> => ({ EventID: { impliedBy: "route", values: ids } });

/** Process, file and registry routes, in the order the pipeline tries them. */
export const ENDPOINT_ROUTES: TableRoute[] = [
  {
    id: "sentinel-asim/process_creation",
    when: { product: ["windows", "linux", "macos"], category: "process_creation" },
    table: "imProcessCreate",
    fields: PROCESS_CREATE_FIELDS,
    connectors: ENDPOINT_CONNECTORS,
    note:
      "ASIM Process Event parser (imProcessCreate): Windows 4688, Sysmon 1 (Windows and Linux), Microsoft Defender XDR. " +
      "The Sysmon parsers fill OriginalFileName into TargetProcessFilename rather than the schema's TargetProcessFileOriginalName.",
  },
  fileRoute("file_event", "FileCreated", sysmonIds(11), ["windows", "linux", "macos"]),
  fileRoute("file_delete", "FileDeleted", sysmonIds(23, 26)),
  fileRoute("file_rename", "FileRenamed", { SourceFilename: { column: "SrcFilePath" } }),
  fileRoute("file_access", "FileAccessed", { FileName: { column: "TargetFilePath" } }),
  registryRoute("registry_add", ["RegistryKeyCreated"], sysmonIds(12)),
  registryRoute("registry_delete", ["RegistryKeyDeleted", "RegistryValueDeleted"], sysmonIds(12)),
  registryRoute("registry_set", ["RegistryValueSet"], sysmonIds(13)),
  registryRoute("registry_rename", ["RegistryKeyRenamed"], { TargetObject: RENAMED_KEY, ...sysmonIds(14) }),
  // Sysmon 12–14 without renames: for a rename ASIM has lost the old path TargetObject names (see RENAMED_KEY).
  registryRoute("registry_event", ["RegistryKeyCreated", "RegistryKeyDeleted", "RegistryValueDeleted", "RegistryValueSet"], sysmonIds(12, 13)),
];
