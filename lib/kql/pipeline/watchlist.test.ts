import { describe, expect, it } from "vitest";
import { parseRule } from "../../sigma";
import { convertRuleOn } from "../convert";
import { TARGETS } from "../targets";

function rule(logsource: string, selection: string): string {
  return `title: t\nid: 5d2c2a8e-6f54-4f8b-9a0e-0d1f1c2b3a4d\nlogsource:\n${logsource}\ndetection:\n  selection:\n${selection}\n  condition: selection\n`;
}

const SECURITY = "  product: windows\n  service: security";

describe("placeholders as Sentinel watchlists", () => {
  it.each([
    ["whole value", "    EventID: 4624\n    IpAddress|expand: '%jump_servers%'", 'IpAddress in~ ((_GetWatchlist("jump_servers") | project SearchKey))'],
    ["cased whole value", "    EventID: 4624\n    IpAddress|expand|cased: '%jump_servers%'", 'IpAddress in ((_GetWatchlist("jump_servers") | project SearchKey))'],
  ])("azure-monitor: %s", (_name, selection, expected) => {
    const { rule: parsed } = parseRule(rule(SECURITY, selection));
    const result = convertRuleOn(parsed!, TARGETS["azure-monitor"]);
    expect(result.issues).toEqual([]);
    expect(result.query).toContain(expected);
    expect(result.trace).toContain("watchlist:jump_servers");
  });

  it.each([
    ["under contains", "    EventID: 4624\n    IpAddress|contains|expand: '%jump_servers%'", "contains test"],
    ["inside a longer value", "    EventID: 4624\n    TargetUserName|expand: 'adm_%suffix%'", "inside a longer value"],
    ["on a number column", "    EventID: 4624\n    LogonType|expand: '%logon_types%'", "watchlist items are text"],
  ])("azure-monitor refuses a placeholder %s", (_name, selection, reason) => {
    const { rule: parsed } = parseRule(rule(SECURITY, selection));
    const result = convertRuleOn(parsed!, TARGETS["azure-monitor"]);
    expect(result.status).toBe("unsupported");
    expect(result.issues.map((i) => i.message).join(" ")).toContain(reason);
  });

  it("defender-xdr has no watchlists: the placeholder stays unresolved", () => {
    const { rule: parsed } = parseRule(rule("  product: windows\n  category: process_creation", "    ParentImage|expand: '%admin_tools%'"));
    const result = convertRuleOn(parsed!, TARGETS["defender-xdr"]);
    expect(result.status).toBe("unsupported");
    expect(result.issues.map((i) => i.code)).toContain("placeholder-unresolved");
  });
});
