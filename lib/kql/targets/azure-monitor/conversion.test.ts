import { describe, expect, it } from "vitest";
import { parseRule } from "../../../sigma";
import { convertRuleOn } from "../../convert";
import { KustoValidator } from "../../testing/kusto-validator";
import { azureMonitorTarget } from "./index";

/** Microsoft's Kusto parser over this target's schema: a query naming a missing column or mistyped is an error. */
const kusto = new KustoValidator(azureMonitorTarget.schema);

function rule(logsource: string, selection: string): string {
  return `title: t\nid: 5d2c2a8e-6f54-4f8b-9a0e-0d1f1c2b3a4d\nlogsource:\n${logsource}\ndetection:\n  selection:\n${selection}\n  condition: selection\n`;
}

const PROC = "  product: windows\n  category: process_creation";

describe("azure-monitor conversions", () => {
  it.each([
    ["4688 fields", PROC, "    Image|endswith: '\\whoami.exe'\n    CommandLine|contains: '/priv'", "SecurityEvent", "azure-monitor/windows/process_creation-4688"],
    ["Sysmon-only fields", PROC, "    OriginalFileName: 'whoami.exe'\n    ParentCommandLine|contains: 'x'", "WindowsEvent", "azure-monitor/sysmon/process_creation"],
    ["security columns", "  product: windows\n  service: security", "    EventID: 4624\n    LogonType: 10", "SecurityEvent", "azure-monitor/windows/security"],
    ["security event data", "  product: windows\n  service: security", "    EventID: 5136\n    AttributeLDAPDisplayName: 'servicePrincipalName'", "WindowsEvent", "azure-monitor/windows/security-windowsevent"],
    ["system channel", "  product: windows\n  service: system", "    Provider_Name: 'Service Control Manager'\n    EventID: 7045\n    ImagePath|contains: 'powershell'", "WindowsEvent", "azure-monitor/windows/system"],
    ["PowerShell script block", "  product: windows\n  category: ps_script", "    ScriptBlockText|contains: 'Invoke-Mimikatz'", "WindowsEvent", "azure-monitor/windows/ps_script"],
    ["registry delete", "  product: windows\n  category: registry_delete", "    TargetObject|contains: '\\Run'", "WindowsEvent", "azure-monitor/sysmon/registry_delete"],
    ["Linux process", "  product: linux\n  category: process_creation", "    Image|endswith: '/curl'", "DeviceProcessEvents", "azure-monitor/unix/process_creation"],
    ["AWS request parameter", "  product: aws\n  service: cloudtrail", "    eventName: PutBucketLogging\n    requestParameters.enable: 'false'", "AWSCloudTrail", "azure-monitor/aws/cloudtrail"],
    ["IIS query", "  category: webserver", "    cs-uri-query|contains: '/etc/passwd'", "W3CIISLog", "azure-monitor/webserver"],
  ])("%s", (_name, logsource, selection, table, routeId) => {
    const { rule: parsed } = parseRule(rule(logsource, selection));
    const result = convertRuleOn(parsed!, azureMonitorTarget);
    expect(result.issues).toEqual([]);
    expect(result.table).toBe(table);
    expect(result.trace).toContain(`route:${routeId}`);
    expect(kusto.errors(result.query!)).toEqual([]);
  });

  it("takes ProcessId from Sysmon event 1, never from 4688's ProcessId (the creator, in hex)", () => {
    const { rule: parsed } = parseRule(rule(PROC, "    ProcessId: 1234"));
    const result = convertRuleOn(parsed!, azureMonitorTarget);
    expect(result.table).toBe("WindowsEvent");
    expect(result.query).toContain("tolong(EventData.ProcessId)");
  });

  it("reads the unnamed data of classic PowerShell events from the Event table's EventData XML", () => {
    const { rule: parsed } = parseRule(rule("  product: windows\n  category: ps_classic_start", "    Data|contains: 'HostApplication=powershell'"));
    const result = convertRuleOn(parsed!, azureMonitorTarget);
    expect(result.issues).toEqual([]);
    expect(result.table).toBe("Event");
    expect(result.query).toContain('EventData matches regex "(?i)<Data>[^<]*HostApplication=powershell"');
    expect(kusto.errors(result.query!)).toEqual([]);
  });

  it.each([
    ["a regex", "    Data|re: 'Host.*Application'"],
    ["an XML-escaped character", "    Data|contains: 'a & b'"],
    ["a presence test", "    Data|exists: true"],
  ])("refuses unnamed data tested with %s", (_name, selection) => {
    const { rule: parsed } = parseRule(rule("  product: windows\n  category: ps_classic_start", selection));
    const result = convertRuleOn(parsed!, azureMonitorTarget);
    expect(result.status).toBe("unsupported");
    expect(result.issues.map((i) => i.message).join(" ")).toContain("Data");
  });
});
