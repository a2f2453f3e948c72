/**
 * Defender XDR field maps: Sigma (Sysmon-taxonomy) field → Advanced Hunting column, per table family. Data only;
 * the transforms named here are documented in lib/kql/README.md.
 */
import type { FieldMapping } from "../../target";

type Fields = Record<string, FieldMapping>;

const HASH_COLUMNS = { MD5: "MD5", SHA1: "SHA1", SHA256: "SHA256", IMPHASH: null };
const INITIATING_HASH_COLUMNS = { MD5: "InitiatingProcessMD5", SHA1: "InitiatingProcessSHA1", SHA256: "InitiatingProcessSHA256", IMPHASH: null };

const NO_GUIDS = "Defender XDR does not record Sysmon process or logon GUIDs";
const NO_IMPHASH = "Defender XDR does not record import hashes";
const HEX_LOGON_ID = "Sysmon writes logon ids in hexadecimal text; Defender XDR stores them as numbers";

/** Fields about the process that performed an action (every Device* table except process creation's target). */
export const ACTOR_PROCESS: Fields = {
  Image: { column: "InitiatingProcessFolderPath" },
  SourceImage: { column: "InitiatingProcessFolderPath" },
  CommandLine: { column: "InitiatingProcessCommandLine" },
  ProcessId: { column: "InitiatingProcessId" },
  SourceProcessId: { column: "InitiatingProcessId" },
  ParentProcessId: { column: "InitiatingProcessParentId" },
  ParentImage: { column: "InitiatingProcessParentFileName", transform: "file-name" },
  User: { column: "InitiatingProcessAccountName", transform: "user-domain:InitiatingProcessAccountDomain" },
  SourceUser: { column: "InitiatingProcessAccountName", transform: "user-domain:InitiatingProcessAccountDomain" },
  IntegrityLevel: { column: "InitiatingProcessIntegrityLevel", transform: "integrity-level" },
  ProcessGuid: { unsupported: NO_GUIDS },
  SourceProcessGuid: { unsupported: NO_GUIDS },
  SourceProcessGUID: { unsupported: NO_GUIDS },
  LogonGuid: { unsupported: NO_GUIDS },
  Imphash: { unsupported: NO_IMPHASH },
};

/** Version information of the acting process (tables whose own file is not an executable image). */
export const ACTOR_VERSION_INFO: Fields = {
  OriginalFileName: { column: "InitiatingProcessVersionInfoOriginalFileName" },
  Description: { column: "InitiatingProcessVersionInfoFileDescription" },
  Product: { column: "InitiatingProcessVersionInfoProductName" },
  Company: { column: "InitiatingProcessVersionInfoCompanyName" },
  Hashes: { hashes: INITIATING_HASH_COLUMNS },
  md5: { column: "InitiatingProcessMD5" },
  sha1: { column: "InitiatingProcessSHA1" },
  sha256: { column: "InitiatingProcessSHA256" },
};

/** process_creation → DeviceProcessEvents (Windows). */
export const PROCESS_CREATION: Fields = {
  Image: { column: "FolderPath" },
  CommandLine: { column: "ProcessCommandLine" },
  OriginalFileName: { column: "ProcessVersionInfoOriginalFileName" },
  Description: { column: "ProcessVersionInfoFileDescription" },
  Product: { column: "ProcessVersionInfoProductName" },
  Company: { column: "ProcessVersionInfoCompanyName" },
  FileVersion: { unsupported: "Defender XDR records the product version, not the file version" },
  ProcessId: { column: "ProcessId" },
  ParentProcessId: { column: "InitiatingProcessId" },
  ParentImage: { column: "InitiatingProcessFolderPath" },
  ParentCommandLine: { column: "InitiatingProcessCommandLine" },
  ParentUser: { column: "InitiatingProcessAccountName", transform: "user-domain:InitiatingProcessAccountDomain" },
  ParentIntegrityLevel: { column: "InitiatingProcessIntegrityLevel", transform: "integrity-level" },
  GrandParentImage: { column: "InitiatingProcessParentFileName", transform: "file-name" },
  User: { column: "AccountName", transform: "user-domain:AccountDomain" },
  IntegrityLevel: { column: "ProcessIntegrityLevel", transform: "integrity-level" },
  TerminalSessionId: { column: "CreatedProcessSessionId" },
  LogonId: { unsupported: HEX_LOGON_ID },
  CurrentDirectory: { unsupported: "Defender XDR does not record the process's working directory" },
  ProcessGuid: { unsupported: NO_GUIDS },
  ParentProcessGuid: { unsupported: NO_GUIDS },
  LogonGuid: { unsupported: NO_GUIDS },
  Hashes: { hashes: HASH_COLUMNS },
  md5: { column: "MD5" },
  sha1: { column: "SHA1" },
  sha256: { column: "SHA256" },
  Imphash: { unsupported: NO_IMPHASH },
};

/** process_creation on Linux / macOS: user names have no domain part. */
export const PROCESS_CREATION_UNIX: Fields = {
  ...PROCESS_CREATION,
  User: { column: "AccountName" },
  ParentUser: { column: "InitiatingProcessAccountName" },
};

/** file_* → DeviceFileEvents. */
export const FILE_EVENT: Fields = {
  ...ACTOR_PROCESS,
  ...ACTOR_VERSION_INFO,
  TargetFilename: { column: "FolderPath" },
  Hashes: { hashes: HASH_COLUMNS },
  md5: { column: "MD5" },
  sha1: { column: "SHA1" },
  sha256: { column: "SHA256" },
  CreationUtcTime: { unsupported: "Defender XDR does not record the file creation time Sysmon reports" },
  PreviousCreationUtcTime: { unsupported: "Defender XDR does not record previous file creation times" },
};

/** file_event / file_delete on Linux and macOS. */
export const FILE_EVENT_UNIX: Fields = {
  ...FILE_EVENT,
  User: { column: "InitiatingProcessAccountName" },
};

// Sysmon TargetObject = key path + "\" + value name (just the key for key events); XDR splits the two.
const TARGET_OBJECT = {
  expr: 'iff(isempty(RegistryValueName), RegistryKey, strcat(RegistryKey, @"\\", RegistryValueName))',
  columns: ["RegistryKey", "RegistryValueName"],
  transform: "registry-hive-mde",
  as: "TargetObject",
};

/** registry_* → DeviceRegistryEvents. */
export const REGISTRY: Fields = {
  ...ACTOR_PROCESS,
  ...ACTOR_VERSION_INFO,
  TargetObject: TARGET_OBJECT,
  Details: { column: "RegistryValueData", transform: "registry-details" },
  EventType: { column: "ActionType", transform: "registry-event-type" },
  NewName: { unsupported: "Defender XDR records renamed keys under the new path only" },
};

/** network_connection → DeviceNetworkEvents. */
export const NETWORK: Fields = {
  ...ACTOR_PROCESS,
  ...ACTOR_VERSION_INFO,
  DestinationIp: { column: "RemoteIP" },
  DestinationPort: { column: "RemotePort" },
  DestinationHostname: { column: "RemoteUrl" },
  SourceIp: { column: "LocalIP" },
  SourcePort: { column: "LocalPort" },
  Protocol: { column: "Protocol" },
  Initiated: { column: "ActionType", transform: "network-initiated" },
  SourceHostname: { unsupported: "Defender XDR records the device name, not the source host name of each connection" },
  DestinationIsIpv6: { unsupported: "Defender XDR has no IPv6 flag column" },
  SourceIsIpv6: { unsupported: "Defender XDR has no IPv6 flag column" },
};

/** network_connection on Linux / macOS. */
export const NETWORK_UNIX: Fields = { ...NETWORK, User: { column: "InitiatingProcessAccountName" } };

/** image_load → DeviceImageLoadEvents (the file columns describe the loaded module). */
export const IMAGE_LOAD: Fields = {
  ...ACTOR_PROCESS,
  ImageLoaded: { column: "FolderPath" },
  Hashes: { hashes: HASH_COLUMNS },
  md5: { column: "MD5" },
  sha1: { column: "SHA1" },
  sha256: { column: "SHA256" },
  OriginalFileName: { unsupported: "Defender XDR has no version information for loaded modules" },
  Description: { unsupported: "Defender XDR has no version information for loaded modules" },
  Product: { unsupported: "Defender XDR has no version information for loaded modules" },
  Company: { unsupported: "Defender XDR has no version information for loaded modules" },
  Signed: { unsupported: "Defender XDR image-load events carry no signature state" },
  Signature: { unsupported: "Defender XDR image-load events carry no signature state" },
  SignatureStatus: { unsupported: "Defender XDR image-load events carry no signature state" },
};

/** driver_load → DeviceEvents (DriverLoad). */
export const DRIVER_LOAD: Fields = {
  ImageLoaded: { column: "FolderPath" },
  Hashes: { hashes: HASH_COLUMNS },
  md5: { column: "MD5" },
  sha1: { column: "SHA1" },
  sha256: { column: "SHA256" },
  Imphash: { unsupported: NO_IMPHASH },
  Signed: { unsupported: "Defender XDR driver-load events carry no signature state" },
  Signature: { unsupported: "Defender XDR driver-load events carry no signature state" },
  SignatureStatus: { unsupported: "Defender XDR driver-load events carry no signature state" },
};

// DeviceEvents keeps action details in AdditionalFields (JSON text); parse_json reads it whatever its stored type.
const additional = (property: string, type: "string" | "long" = "string") => ({
  expr: type === "long" ? `tolong(parse_json(AdditionalFields).${property})` : `tostring(parse_json(AdditionalFields).${property})`,
  columns: ["AdditionalFields"],
  type,
});

/** dns_query → DeviceEvents (DnsQueryResponse). */
export const DNS_QUERY: Fields = {
  ...ACTOR_PROCESS,
  QueryName: additional("DnsQueryString"),
  QueryResults: { unsupported: "Defender XDR stores DNS answers as a JSON list, not Sysmon's text" },
  QueryStatus: { unsupported: "Defender XDR does not record the DNS status code" },
};

/** pipe_created → DeviceEvents (NamedPipeEvent); XDR pipe names carry the \Device\NamedPipe prefix. */
export const PIPE: Fields = {
  ...ACTOR_PROCESS,
  PipeName: { ...additional("PipeName"), transform: "path-prefix:\\Device\\NamedPipe" },
  EventType: { unsupported: "Defender XDR records pipe creation and connection as one action" },
};

/** create_remote_thread → DeviceEvents (CreateRemoteThreadApiCall): the file columns are the target process. */
export const REMOTE_THREAD: Fields = {
  ...ACTOR_PROCESS,
  TargetImage: { column: "FolderPath" },
  TargetProcessId: { column: "ProcessId" },
  StartModule: { unsupported: "Defender XDR does not record the thread's start module" },
  StartFunction: { unsupported: "Defender XDR does not record the thread's start function" },
  StartAddress: { unsupported: "Defender XDR does not record the thread's start address" },
};

/** process_access → DeviceEvents (OpenProcessApiCall): the file columns are the target process. */
export const PROCESS_ACCESS: Fields = {
  ...ACTOR_PROCESS,
  TargetImage: { column: "FolderPath" },
  TargetProcessId: { column: "ProcessId" },
  GrantedAccess: { ...additional("DesiredAccess", "long"), transform: "hex-number" },
  CallTrace: { unsupported: "Defender XDR does not record call stacks" },
  TargetUser: { unsupported: "Defender XDR does not record the target process's user for process access" },
};

/** Windows Security logon events → DeviceLogonEvents. */
export const LOGON: Fields = {
  TargetUserName: { column: "AccountName" },
  TargetDomainName: { column: "AccountDomain" },
  TargetUserSid: { column: "AccountSid" },
  LogonType: { column: "LogonType", transform: "logon-type" },
  IpAddress: { column: "RemoteIP" },
  IpPort: { column: "RemotePort" },
  WorkstationName: { column: "RemoteDeviceName" },
  ProcessName: { column: "InitiatingProcessFolderPath" },
  AuthenticationPackageName: { column: "Protocol" },
  TargetLogonId: { unsupported: HEX_LOGON_ID },
  SubjectLogonId: { unsupported: HEX_LOGON_ID },
};

/** antivirus → DeviceEvents (AntivirusDetection): Defender Antivirus detections. */
export const ANTIVIRUS: Fields = {
  Signature: additional("ThreatName"),
  Filename: { column: "FolderPath" },
};
