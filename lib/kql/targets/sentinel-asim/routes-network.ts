/**
 * ASIM routes for network activity: endpoint connections (imNetworkSession), DNS queries (_Im_Dns) and web
 * traffic (imWebSession). URL parts that ASIM does not keep apart (query, stem, extension) stay unsupported:
 * testing the whole Url for a query-string pattern would also match the path.
 */
import type { FieldMapping, TableRoute } from "../../target";
import { DEVICE_FIELDS, SYSMON_ONLY_FIELDS } from "./fields";

const NO_URL_PART = "imWebSession keeps only the whole Url; ASIM has no column for this part of it";

/** Sysmon event 3 fields. The local process is the source or the destination depending on direction. */
const NETWORK_FIELDS: Record<string, FieldMapping> = {
  ...SYSMON_ONLY_FIELDS,
  ...DEVICE_FIELDS,
  Image: { anyOf: ["SrcProcessName", "DstProcessName"] },
  ProcessId: { anyOf: ["SrcProcessId", "DstProcessId"] },
  User: { anyOf: ["SrcUsername", "DstUsername"] },
  Initiated: { column: "NetworkDirection", transform: "sysmon-initiated-direction" },
  SourceIp: { column: "SrcIpAddr" },
  SourcePort: { column: "SrcPortNumber" },
  SourceHostname: { column: "SrcHostname" },
  DestinationIp: { column: "DstIpAddr" },
  DestinationPort: { column: "DstPortNumber" },
  DestinationHostname: { column: "DstHostname" },
  Protocol: { column: "NetworkProtocol" },
  DestinationIsIpv6: { unsupported: "ASIM records the IP version once per session (NetworkProtocolVersion), not per endpoint" },
  SourceIsIpv6: { unsupported: "ASIM records the IP version once per session (NetworkProtocolVersion), not per endpoint" },
  CommandLine: { unsupported: "imNetworkSession has no command-line column for the local process" },
  ParentImage: { unsupported: "imNetworkSession has no column for the parent of the local process" },
};

/** Sysmon event 22 fields. */
const DNS_QUERY_FIELDS: Record<string, FieldMapping> = {
  ...SYSMON_ONLY_FIELDS,
  ...DEVICE_FIELDS,
  QueryName: { column: "DnsQuery" },
  Image: { column: "SrcProcessName" },
  ProcessId: { column: "SrcProcessId" },
  User: { column: "SrcUsername" },
  QueryResults: { unsupported: "Sysmon's QueryResults list (`type: 5 name;::ffff:1.2.3.4;`) has no ASIM counterpart of the same form" },
  QueryStatus: { unsupported: "Sysmon's QueryStatus is a Windows error code, not ASIM's DNS response code" },
};

/** Generic `dns` category fields (Zeek-style names). */
const DNS_FIELDS: Record<string, FieldMapping> = {
  ...DEVICE_FIELDS,
  query: { column: "DnsQuery" },
  record_type: { column: "DnsQueryTypeName" },
  answer: { column: "DnsResponseName" },
};

/** Sigma firewall taxonomy: addresses and ports map; verdict fields hold each vendor's own words. */
const FIREWALL_FIELDS: Record<string, FieldMapping> = {
  src_ip: { column: "SrcIpAddr" },
  dst_ip: { column: "DstIpAddr" },
  src_port: { column: "SrcPortNumber" },
  dst_port: { column: "DstPortNumber" },
  action: { unsupported: "firewall actions are vendor words (accept, forward, 2, …); ASIM normalises them into DvcAction's own set" },
  blocked: { unsupported: "`blocked` is a vendor flag; ASIM keeps the verdict only as DvcAction" },
};

/** Proxy fields (W3C-style `c-`, `cs-`, `sc-` names of the Sigma proxy taxonomy). */
const PROXY_FIELDS: Record<string, FieldMapping> = {
  "c-uri": { column: "Url" },
  src_ip: { column: "SrcIpAddr" },
  dst_ip: { column: "DstIpAddr" },
  "c-useragent": { column: "HttpUserAgent" },
  "cs-method": { column: "HttpRequestMethod" },
  "cs-host": { column: "HttpHost" },
  "cs-referrer": { column: "HttpReferrer" },
  "cs-version": { column: "HttpVersion" },
  "sc-status": { column: "HttpStatusCode" },
  "c-uri-query": { unsupported: NO_URL_PART },
  "c-uri-stem": { unsupported: NO_URL_PART },
  "c-uri-extension": { unsupported: NO_URL_PART },
  "cs-uri": { unsupported: "`cs-uri` is not a field of the Sigma proxy taxonomy; its meaning (full URI or path) is not defined" },
  "cs-uri-stem": { unsupported: NO_URL_PART },
  "cs-cookie": { unsupported: "ASIM Web Session has no cookie column" },
  "r-dns": { unsupported: "ASIM has no column for the proxy's reverse-DNS name of the server (HttpHost is the Host header)" },
};

/** Web-server (IIS / W3C access log) fields. */
const WEBSERVER_FIELDS: Record<string, FieldMapping> = {
  "cs-method": { column: "HttpRequestMethod" },
  "cs-user-agent": { column: "HttpUserAgent" },
  "cs-referer": { column: "HttpReferrer" },
  "cs-host": { column: "HttpHost" },
  "sc-status": { column: "HttpStatusCode" },
  "cs-uri-query": { unsupported: NO_URL_PART },
  "cs-uri-stem": { unsupported: NO_URL_PART },
  "cs-content-type": { unsupported: "ASIM HttpContentType is the response content type, not the request's" },
  "cs-username": { column: "SrcUsername" },
  "c-ip": { column: "SrcIpAddr" },
  "s-ip": { column: "DstIpAddr" },
};

/** Network, DNS and web routes, in the order the pipeline tries them. */
export const NETWORK_ROUTES: TableRoute[] = [
  {
    id: "sentinel-asim/network_connection",
    when: { product: ["windows", "linux", "macos"], category: "network_connection" },
    table: "imNetworkSession",
    fields: NETWORK_FIELDS,
    connectors: ["Windows Forwarded Events", "Microsoft Defender XDR", "Windows Firewall Events via AMA", "Syslog via AMA"],
    note: "ASIM Network Session parser (imNetworkSession): Sysmon 3, Microsoft Defender XDR, Windows Firewall. Initiated maps to NetworkDirection.",
  },
  {
    id: "sentinel-asim/dns_query",
    when: { product: "windows", category: "dns_query" },
    table: "_Im_Dns",
    fields: DNS_QUERY_FIELDS,
    connectors: ["Windows Forwarded Events", "Windows DNS Events via AMA", "Microsoft Defender XDR"],
    note: "ASIM DNS parser (_Im_Dns, built in): Sysmon 22, Windows DNS server, Microsoft Defender XDR.",
  },
  {
    id: "sentinel-asim/firewall",
    when: { category: "firewall" },
    table: "imNetworkSession",
    fields: FIREWALL_FIELDS,
    connectors: ["Common Event Format (CEF) via AMA", "Palo Alto Networks (Firewall)", "Fortinet FortiGate", "Azure Firewall"],
    note: "ASIM Network Session parser (imNetworkSession) over firewall sources with an ASIM parser.",
  },
  {
    id: "sentinel-asim/dns",
    when: { category: "dns" },
    table: "_Im_Dns",
    fields: DNS_FIELDS,
    connectors: ["Windows DNS Events via AMA", "Infoblox NIOS", "Corelight Connector for Microsoft Sentinel"],
    note: "ASIM DNS parser (_Im_Dns, built in) over every DNS source with an ASIM parser.",
  },
  {
    id: "sentinel-asim/proxy",
    when: { category: "proxy" },
    table: "imWebSession",
    fields: PROXY_FIELDS,
    connectors: ["Zscaler", "Common Event Format (CEF) via AMA", "Palo Alto Networks (Firewall)"],
    note: "ASIM Web Session parser (imWebSession) over proxy sources with an ASIM parser.",
  },
  {
    id: "sentinel-asim/webserver",
    when: { category: "webserver" },
    table: "imWebSession",
    fields: WEBSERVER_FIELDS,
    connectors: ["Custom logs via AMA", "Common Event Format (CEF) via AMA"],
    note: "ASIM Web Session parser (imWebSession) over web-server sources (IIS, Apache, Nginx) with an ASIM parser.",
  },
];
