/**
 * Values with a syntax of their own: `cidr` networks (IPv4 and IPv6, parsing and containment) and `re`
 * patterns (validation, Sigma's PCRE subset, and the `.*` that contains/startswith/endswith add).
 */
import type { CidrNetwork, StringOp } from "./model";
import type { IssueSink } from "./issues";
import { regexToJs } from "./values";

/** An IPv4 or IPv6 address as 16-bit groups (IPv4: 2 groups) plus its family. */
interface IpAddress {
  version: 4 | 6;
  groups: number[];
}

/** Parses an IPv4 address into two 16-bit groups, or null. */
function parseIpv4(text: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const b = m.slice(1).map(Number);
  if (b.some((x) => x > 255)) return null;
  return [(b[0] << 8) | b[1], (b[2] << 8) | b[3]];
}

/** Parses an IPv6 address (with `::` and an optional embedded IPv4 tail) into eight 16-bit groups, or null. */
function parseIpv6(text: string): number[] | null {
  let s = text;
  const zone = s.indexOf("%");
  if (zone !== -1) s = s.slice(0, zone);
  if (s.includes(".")) {
    // An embedded IPv4 tail (::ffff:10.0.0.1) becomes its two hex groups.
    const lastColon = s.lastIndexOf(":");
    const v4 = parseIpv4(s.slice(lastColon + 1));
    if (!v4) return null;
    s = `${s.slice(0, lastColon + 1)}${v4[0].toString(16)}:${v4[1].toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const parse = (h: string) => (h === "" ? [] : h.split(":").map((g) => (/^[0-9a-fA-F]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const total = head.length + rest.length;
  if ([...head, ...rest].some(Number.isNaN)) return null;
  if (halves.length === 1 && total !== 8) return null;
  if (halves.length === 2 && total > 7) return null;
  const zeros = new Array(8 - total).fill(0);
  return [...head, ...(halves.length === 2 ? zeros : []), ...rest];
}

/** Parses an IP address of either family. */
export function parseIp(text: string): IpAddress | null {
  const t = text.trim();
  const v4 = parseIpv4(t);
  if (v4) return { version: 4, groups: v4 };
  if (!t.includes(":")) return null;
  const v6 = parseIpv6(t);
  return v6 ? { version: 6, groups: v6 } : null;
}

/** Parses a `cidr` value (`10.0.0.0/8`, `fe80::/10`; a bare address means a single host), or null. */
export function parseCidr(text: string): CidrNetwork | null {
  const [addr, prefix, extra] = text.trim().split("/");
  if (extra !== undefined) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  const max = ip.version === 4 ? 32 : 128;
  if (prefix !== undefined && (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max)) return null;
  return { text: text.trim(), version: ip.version };
}

/** True when `ip` (text) lies inside the network. IPv4-mapped IPv6 addresses match IPv4 networks. */
export function cidrContains(network: CidrNetwork, ipText: string): boolean {
  const [addr, prefixText] = network.text.split("/");
  const net = parseIp(addr);
  let ip = parseIp(ipText);
  if (!net || !ip) return false;
  if (ip.version === 6 && net.version === 4 && ip.groups.slice(0, 5).every((g) => g === 0) && ip.groups[5] === 0xffff) {
    ip = { version: 4, groups: ip.groups.slice(6) };
  }
  if (ip.version !== net.version) return false;
  let bits = prefixText === undefined ? net.groups.length * 16 : Number(prefixText);
  for (let i = 0; i < net.groups.length && bits > 0; i++, bits -= 16) {
    const take = Math.min(16, bits);
    const mask = (0xffff << (16 - take)) & 0xffff;
    if ((net.groups[i] & mask) !== (ip.groups[i] & mask)) return false;
  }
  return true;
}

/** Metacharacters outside Sigma's PCRE subset that RE2 (KQL) rejects: lookaround, back-references, atomic groups. */
const UNSUPPORTED_REGEX = /\(\?[=!]|\(\?<[=!]|\(\?>|\\[1-9]|\\[AZzG]|[*+?}]\+/;

/**
 * Validates a `re` value and applies contains/startswith/endswith the way pySigma does (`.*` added unless the
 * pattern is already anchored or open at that end). Returns null (after reporting) when the pattern is invalid.
 */
export function buildRegexValue(pattern: string, op: StringOp, issues: IssueSink): string | null {
  try {
    regexToJs(pattern);
  } catch (error) {
    issues.report("invalid-regex", `invalid regular expression /${pattern}/: ${(error as Error).message}`);
    return null;
  }
  if (UNSUPPORTED_REGEX.test(pattern.replace(/\\\\/g, ""))) {
    issues.report("unsupported-regex-feature", `/${pattern}/ uses a feature outside Sigma's regular-expression subset`);
  }
  // A leading inline flag group such as `(?i)` stays in front of any added `.*`.
  const flags = /^\(\?[a-zA-Z]+\)/.exec(pattern)?.[0] ?? "";
  const body = pattern.slice(flags.length);
  const openStart = body.startsWith("^") || body.startsWith(".*");
  const openEnd = (body.endsWith("$") && !body.endsWith("\\$")) || body.endsWith(".*");
  let out = body;
  if ((op === "contains" || op === "endswith") && !openStart) out = `.*${out}`;
  if ((op === "contains" || op === "startswith") && !openEnd) out = `${out}.*`;
  return flags + out;
}
