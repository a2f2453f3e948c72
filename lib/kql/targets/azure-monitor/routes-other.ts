/**
 * Azure Monitor routes outside Windows event logs: Linux and macOS (Defender for Endpoint tables, Syslog), web
 * servers (W3CIISLog), proxies (CommonSecurityLog) and DNS servers (ASimDnsActivityLogs). auditd has no route:
 * LinuxAuditLog is filled by the auoms plugin, which merges an event's SYSCALL, EXECVE, CWD and PATH records into
 * one AUOMS_EXECVE/AUOMS_SYSCALL row whose a0…a3 are the syscall's arguments, so Sigma's `type: EXECVE` and
 * `a0` (argv[0]) tests have no exact equivalent there.
 */
import type { FieldMapping, TableRoute } from "../../target";
import { FILE_EVENT_UNIX, NETWORK_UNIX, PROCESS_CREATION_UNIX } from "../defender-xdr/fields";
import { textIn } from "../shared/filters";

const NO_COLUMN = (reason: string): FieldMapping => ({ unsupported: reason });

/**
 * Defender for Endpoint tables on Linux/macOS are streamed to the workspace by the Microsoft Defender XDR
 * connector with the same columns as in Defender XDR, so the field maps are the defender-xdr target's.
 */
const DEFENDER_CONNECTORS = ["Microsoft Defender XDR"];
const PROCESS_KEYWORDS = ["ProcessCommandLine", "FolderPath", "InitiatingProcessCommandLine", "InitiatingProcessFolderPath"];

/** `logsource.service` of Linux syslog rules → the Syslog program names (ProcessName) that write it. */
const SYSLOG_PROGRAMS: [service: string, programs: string[]][] = [
  ["sshd", ["sshd"]],
  ["sudo", ["sudo"]],
  ["cron", ["cron", "crond"]],
  ["vsftpd", ["vsftpd"]],
];

function syslogRoute(service: string | undefined, filterExpr: TableRoute["filter"], note: string): TableRoute {
  return {
    id: `azure-monitor/linux/syslog${service ? `-${service}` : ""}`,
    // A rule without a service (keyword rules over any Linux log) must not catch category rules (process_creation …).
    when: service ? { product: "linux", service } : { product: "linux", service: "", category: "" },
    table: "Syslog",
    ...(filterExpr ? { filter: filterExpr } : {}),
    fields: { USER: NO_COLUMN("Syslog keeps the message as text; sudo's USER= item is not a column") },
    keywordColumns: ["SyslogMessage"],
    connectors: ["Syslog via AMA"],
    note,
  };
}

const W3C_FIELDS: Record<string, FieldMapping> = {
  "cs-uri-query": { column: "csUriQuery" },
  "cs-uri-stem": { column: "csUriStem" },
  "cs-method": { column: "csMethod" },
  "sc-status": { column: "scStatus" },
  "cs-user-agent": { column: "csUserAgent" },
  "cs-referer": { column: "csReferer" },
  "cs-username": { column: "csUserName" },
  "cs-host": { column: "csHost" },
  "cs-cookie": { column: "csCookie" },
  "c-ip": { column: "cIP" },
  "s-ip": { column: "sIP" },
  "cs-content-type": NO_COLUMN("the IIS W3C log (W3CIISLog) has no request content-type column"),
};

const PROXY_FIELDS: Record<string, FieldMapping> = {
  "c-uri": { column: "RequestURL" },
  "c-useragent": { column: "RequestClientApplication" },
  "cs-method": { column: "RequestMethod" },
  "cs-host": { column: "DestinationHostName" },
  "cs-cookie": { column: "RequestCookies" },
  dst_ip: { column: "DestinationIP" },
  src_ip: { column: "SourceIP" },
  "sc-status": NO_COLUMN("CEF has no standard HTTP status column in CommonSecurityLog"),
  "c-uri-query": NO_COLUMN("CommonSecurityLog keeps only the whole RequestURL"),
  "c-uri-stem": NO_COLUMN("CommonSecurityLog keeps only the whole RequestURL"),
  "c-uri-extension": NO_COLUMN("CommonSecurityLog keeps only the whole RequestURL"),
  "cs-uri-stem": NO_COLUMN("CommonSecurityLog keeps only the whole RequestURL"),
  "cs-uri": NO_COLUMN("`cs-uri` is not a field of the Sigma proxy taxonomy; its meaning is not defined"),
  "cs-referrer": NO_COLUMN("CommonSecurityLog has no standard referrer column"),
  "r-dns": NO_COLUMN("CommonSecurityLog has no column for the proxy's reverse-DNS name of the server"),
};

/** Linux, macOS, web-server and proxy routes in the order the pipeline tries them. */
export const OTHER_ROUTES: TableRoute[] = [
  {
    id: "azure-monitor/unix/process_creation",
    when: { product: ["linux", "macos"], category: "process_creation" },
    table: "DeviceProcessEvents",
    // The workspace copy of DeviceProcessEvents (Azure Monitor table reference) has no CreatedProcessSessionId.
    fields: { ...PROCESS_CREATION_UNIX, TerminalSessionId: NO_COLUMN("the workspace's DeviceProcessEvents has no session-id column") },
    keywordColumns: PROCESS_KEYWORDS,
    connectors: DEFENDER_CONNECTORS,
    note: "Defender for Endpoint process events (Linux/macOS) streamed to the workspace by the Microsoft Defender XDR connector.",
  },
  {
    id: "azure-monitor/unix/file_event",
    when: { product: ["linux", "macos"], category: "file_event" },
    table: "DeviceFileEvents",
    filter: textIn("ActionType", "FileCreated"),
    fields: FILE_EVENT_UNIX,
    connectors: DEFENDER_CONNECTORS,
    note: "Defender for Endpoint file-creation events (Linux/macOS) streamed by the Microsoft Defender XDR connector.",
  },
  {
    id: "azure-monitor/unix/network_connection",
    when: { product: ["linux", "macos"], category: "network_connection" },
    table: "DeviceNetworkEvents",
    fields: NETWORK_UNIX,
    connectors: DEFENDER_CONNECTORS,
    note: "Defender for Endpoint network events (Linux/macOS) streamed by the Microsoft Defender XDR connector.",
  },
  ...SYSLOG_PROGRAMS.map(([service, programs]) =>
    syslogRoute(service, textIn("ProcessName", ...programs), `Syslog messages of ${programs.join("/")}.`),
  ),
  syslogRoute("auth", textIn("Facility", "auth", "authpriv"), "Syslog messages of the auth and authpriv facilities."),
  syslogRoute("syslog", undefined, "All Syslog messages."),
  syslogRoute(undefined, undefined, "All Syslog messages (the rule names no Linux service)."),
  {
    id: "azure-monitor/webserver",
    when: { category: "webserver" },
    table: "W3CIISLog",
    fields: W3C_FIELDS,
    keywordColumns: ["csUriStem", "csUriQuery", "csUserAgent", "csReferer"],
    connectors: ["Azure Monitor Agent data collection rule: IIS logs (W3CIISLog)"],
    note: "IIS W3C access logs; W3CIISLog names the W3C fields without dashes (cs-uri-query → csUriQuery).",
  },
  {
    id: "azure-monitor/proxy",
    when: { category: "proxy" },
    table: "CommonSecurityLog",
    fields: PROXY_FIELDS,
    keywordColumns: ["RequestURL"],
    connectors: ["Common Event Format (CEF) via AMA"],
    note: "Proxy logs forwarded as CEF (CommonSecurityLog).",
  },
  {
    // The normalised DNS table that ingestion-time ASIM connectors write; same columns as the _Im_Dns parser.
    id: "azure-monitor/dns",
    when: { category: "dns" },
    table: "ASimDnsActivityLogs",
    fields: {
      query: { column: "DnsQuery" },
      record_type: { column: "DnsQueryTypeName" },
      answer: { column: "DnsResponseName" },
      src_ip: { column: "SrcIpAddr" },
      dst_ip: { column: "DstIpAddr" },
    },
    connectors: ["Windows DNS Events via AMA"],
    note: "DNS server query logs normalised at ingestion into ASimDnsActivityLogs (ASIM DNS schema).",
  },
];
