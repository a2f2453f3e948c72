import { describe, expect, it } from "vitest";
import { cidrOverlapsIpv4Mapped } from "./cidr";

describe("cidrOverlapsIpv4Mapped", () => {
  it.each([
    ["::/0", true],
    ["::ffff:0:0/96", true],
    ["::ffff:10.0.0.0/104", true],
    ["::/64", true],
    ["fe80::/10", false],
    ["::1/128", false],
    ["fc00::/7", false],
    ["2001:db8::/32", false],
  ])("%s → %s", (net, expected) => {
    expect(cidrOverlapsIpv4Mapped(net)).toBe(expected);
  });
});
