import { describe, expect, it } from "vitest";
import { buildRegexValue, cidrContains, parseCidr, parseIp } from "./special-values";

describe("parseCidr", () => {
  it.each<[string, 4 | 6 | null]>([
    ["10.0.0.0/8", 4],
    ["192.168.1.1", 4],
    ["0.0.0.0/0", 4],
    ["10.0.0.0/33", null],
    ["256.0.0.0/8", null],
    ["10.0.0/8", null],
    ["::1/128", 6],
    ["fe80::/10", 6],
    ["2001:db8::/32", 6],
    ["::ffff:10.0.0.0/104", 6],
    ["1:2:3:4:5:6:7:8", 6],
    ["1:2:3:4:5:6:7:8:9", null],
    ["1::2::3", null],
    ["fe80::/129", null],
    ["gggg::/16", null],
    ["10.0.0.0/8/8", null],
    ["not an ip", null],
  ])("%j → %s", (text, version) => {
    expect(parseCidr(text)?.version ?? null).toBe(version);
  });
});

describe("parseIp expands IPv6", () => {
  it.each<[string, number[]]>([
    ["::1", [0, 0, 0, 0, 0, 0, 0, 1]],
    ["fe80::1:2", [0xfe80, 0, 0, 0, 0, 0, 1, 2]],
    ["::ffff:10.0.0.5", [0, 0, 0, 0, 0, 0xffff, 0x0a00, 5]],
    ["1::", [1, 0, 0, 0, 0, 0, 0, 0]],
  ])("%j", (text, groups) => {
    expect(parseIp(text)?.groups).toEqual(groups);
  });
});

describe("cidrContains", () => {
  it.each<[string, string, boolean]>([
    ["10.0.0.0/8", "10.255.255.255", true],
    ["10.0.0.0/8", "11.0.0.0", false],
    ["192.168.1.7", "192.168.1.7", true],
    ["192.168.1.7", "192.168.1.8", false],
    ["0.0.0.0/0", "8.8.8.8", true],
    ["2001:db8::/32", "2001:db8:ffff::1", true],
    ["2001:db8::/32", "2001:db9::1", false],
    ["fc00::/7", "fdff::1", true],
    ["fc00::/7", "fe00::1", false],
    ["10.0.0.0/8", "::ffff:10.1.1.1", true],
    ["10.0.0.0/8", "garbage", false],
  ])("%s contains %s → %s", (net, ip, expected) => {
    expect(cidrContains(parseCidr(net)!, ip)).toBe(expected);
  });
});

describe("buildRegexValue applies contains/startswith/endswith like pySigma", () => {
  const sink = { report: () => undefined };
  it.each<[string, "eq" | "contains" | "startswith" | "endswith", string]>([
    ["abc", "eq", "abc"],
    ["abc", "contains", ".*abc.*"],
    ["^abc", "contains", "^abc.*"],
    ["abc$", "contains", ".*abc$"],
    [".*abc.*", "contains", ".*abc.*"],
    ["abc\\$", "contains", ".*abc\\$.*"],
    ["abc", "startswith", "abc.*"],
    ["abc", "endswith", ".*abc"],
    ["(?i)abc", "contains", "(?i).*abc.*"],
  ])("%j %s → %j", (pattern, op, expected) => {
    expect(buildRegexValue(pattern, op, sink)).toBe(expected);
  });
});
