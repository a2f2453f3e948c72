import { describe, expect, it } from "vitest";
import { parseRule } from "../../../sigma";
import { convertRuleOn } from "../../convert";
import { KustoValidator } from "../../testing/kusto-validator";
import { sentinelAsimTarget } from "./index";

/** Microsoft's Kusto parser over this target's schema: a query naming a missing column or mistyped is an error. */
const kusto = new KustoValidator(sentinelAsimTarget.schema);

/** A minimal rule: logsource lines and a one-selection detection, as YAML. */
function rule(logsource: string, selection: string): string {
  return `title: t\nid: 5d2c2a8e-6f54-4f8b-9a0e-0d1f1c2b3a4d\nlogsource:\n${logsource}\ndetection:\n  selection:\n${selection}\n  condition: selection\n`;
}

const PROC = "  product: windows\n  category: process_creation";
const FILE = "  product: windows\n  category: file_event";
const REG_SET = "  product: windows\n  category: registry_set";
const NET = "  product: windows\n  category: network_connection";

describe("sentinel-asim conversions", () => {
  it.each([
    ["process Image and ParentImage", PROC, "    Image|endswith: '\\whoami.exe'\n    ParentImage|endswith: '\\cmd.exe'", "imProcessCreate", ["TargetProcessName", "ActingProcessName"]],
    ["process OriginalFileName", PROC, "    OriginalFileName: 'RUNDLL32.EXE'", "imProcessCreate", ["TargetProcessFileOriginalName"]],
    ["file TargetFilename and Image", FILE, "    TargetFilename|endswith: '.lnk'\n    Image|endswith: '\\winword.exe'", "imFileEvent", ["EventType", "TargetFilePath", "ActingProcessName"]],
    ["registry value path", REG_SET, "    TargetObject|endswith: '\\CurrentVersion\\Run\\Updater'", "imRegistry", ["EventType", "RegistryKey", "RegistryValue"]],
    ["network destination", NET, "    Initiated: 'true'\n    DestinationPort: 4444", "imNetworkSession", ["NetworkDirection", "DstPortNumber"]],
  ])("%s", (_name, logsource, selection, table, columns) => {
    const { rule: parsed } = parseRule(rule(logsource, selection));
    const result = convertRuleOn(parsed!, sentinelAsimTarget);
    expect(result.issues).toEqual([]);
    expect(result.status).toBe("converted");
    expect(result.table).toBe(table);
    expect([...result.columns].sort()).toEqual([...columns].sort());
    expect(kusto.errors(result.query!)).toEqual([]);
  });

  it.each([
    ["GrantedAccess", "  product: windows\n  category: process_creation", "    GrantedAccess: '0x1fffff'"],
    ["file GrandparentImage", FILE, "    GrandparentImage|endswith: '\\cmd.exe'"],
  ])("refuses %s with a reason", (_name, logsource, selection) => {
    const { rule: parsed } = parseRule(rule(logsource, selection));
    const result = convertRuleOn(parsed!, sentinelAsimTarget);
    expect(result.status).toBe("unsupported");
    expect(result.issues.length).toBeGreaterThan(0);
  });

  // imFileEvent has no column for the acting process's parent; the workspace copy of DeviceFileEvents does.
  it("reads a file event's ParentImage from the workspace's DeviceFileEvents, not imFileEvent", () => {
    const { rule: parsed } = parseRule(rule(FILE, "    ParentImage|endswith: '\\cmd.exe'"));
    const result = convertRuleOn(parsed!, sentinelAsimTarget);
    expect(result.status).toBe("converted");
    expect(result.table).toBe("DeviceFileEvents");
    expect(result.query).toContain('InitiatingProcessParentFileName =~ "cmd.exe"');
    expect(result.trace.some((step) => step.includes("sentinel-asim/native/defender/"))).toBe(true);
    expect(kusto.errors(result.query!)).toEqual([]);
  });

  // imRegistry drops the old path of a renamed key, so the ASIM route refuses; Sysmon event 14 in the native
  // WindowsEvent table still holds it, and the fallback route reads it there.
  it("reads a registry value path under a rename from the native Sysmon table, not imRegistry", () => {
    const { rule: parsed } = parseRule(rule("  product: windows\n  category: registry_rename", "    TargetObject|contains: '\\Run'"));
    const result = convertRuleOn(parsed!, sentinelAsimTarget);
    expect(result.status).toBe("converted");
    expect(result.table).toBe("WindowsEvent");
    expect(result.trace.some((step) => step.includes("sentinel-asim/native/"))).toBe(true);
    expect(kusto.errors(result.query!)).toEqual([]);
  });
});
