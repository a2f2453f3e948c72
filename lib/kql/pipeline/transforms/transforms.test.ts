/**
 * Value transforms, exercised through the Defender XDR target's own routes: one field test in, the rule's
 * `| where` text (or the issue code) out.
 */
import { describe, expect, it } from "vitest";
import { parseRule } from "../../../sigma";
import { convertRuleOn } from "../../convert";
import { TARGETS } from "../../targets";
import { DEFENDER_XDR_ROUTES } from "../../targets/defender-xdr/routes";

// Only Defender's own tables: the Sentinel fallback routes would otherwise take rules these transforms refuse.
const XDR_NATIVE = { ...TARGETS["defender-xdr"], routes: DEFENDER_XDR_ROUTES };

function convert(category: string, key: string, value: string, product = "windows"): string {
  const yaml = `title: t\nlogsource: {product: ${product}, category: ${category}}\ndetection:\n    sel:\n        ${key}: ${JSON.stringify(value)}\n    condition: sel\n`;
  const { rule } = parseRule(yaml);
  if (!rule) throw new Error(`bad test rule ${key}`);
  const r = convertRuleOn(rule, XDR_NATIVE);
  if (r.status !== "converted") return `! ${r.issues[0]?.code}`;
  const stages = r.query!.replace(/\n\s+/g, " ").split("\n");
  return stages.filter((l) => l.startsWith("| where") && !l.includes("ActionType ==")).join(" and ").replace(/\| where /g, "");
}

describe("registry-hive-mde", () => {
  it.each([
    ["TargetObject|startswith", "HKLM\\Software\\X", 'TargetObject startswith @"HKEY_LOCAL_MACHINE\\Software\\X"'],
    ["TargetObject|startswith", "hku\\S-1-5", 'TargetObject startswith @"HKEY_CURRENT_USER\\S-1-5"'],
    ["TargetObject|contains", "HKLM\\Software\\X", 'TargetObject startswith @"HKEY_LOCAL_MACHINE\\Software\\X" or TargetObject contains @"HKLM\\Software\\X"'],
    ["TargetObject|contains", "\\Run\\", 'TargetObject contains @"\\Run\\"'],
    ["TargetObject|endswith", "Software\\Run", 'TargetObject endswith @"Software\\Run"'],
    ["TargetObject|contains", "LM\\Software", "! registry-hive-ambiguous"],
    ["TargetObject|contains", "MACHINE\\Software", "! registry-hive-ambiguous"],
    ["TargetObject|contains", "LOCAL", "! registry-hive-ambiguous"],
    ["TargetObject|contains", "Defender", 'TargetObject contains "Defender"'],
    ["TargetObject|startswith", "HKL", "! registry-hive-ambiguous"],
    ["TargetObject|startswith", "HKCR\\x", "! registry-hive-ambiguous"],
  ])("%s %s", (key, value, expected) => {
    expect(convert("registry_set", key, value)).toBe(expected);
  });
});

describe("user-domain", () => {
  it.each([
    ["User", "NT AUTHORITY\\SYSTEM", 'AccountDomain =~ "NT AUTHORITY" and AccountName =~ "SYSTEM"'],
    ["User|contains", "AUTHORITY\\SYS", 'AccountDomain endswith "AUTHORITY" and AccountName startswith "SYS"'],
    ["User|startswith", "NT AUTHORITY\\", 'AccountDomain =~ "NT AUTHORITY"'],
    ["User|endswith", "\\admin", 'AccountName =~ "admin"'],
    ["User|endswith", "min", 'AccountName endswith "min"'],
    ["User|startswith", "NT", 'AccountDomain startswith "NT"'],
    ["User|contains", "AUTORI", 'AccountDomain contains "AUTORI" or AccountName contains "AUTORI"'],
    ["User", "SYSTEM", 'strcat(AccountDomain, @"\\", AccountName) =~ "SYSTEM"'],
    ["User", "A\\B\\C", 'strcat(AccountDomain, @"\\", AccountName) =~ @"A\\B\\C"'],
  ])("%s %s", (key, value, expected) => {
    expect(convert("process_creation", key, value)).toBe(expected);
  });
});

describe("file-name", () => {
  it.each([
    ["ParentImage|endswith", "\\cmd.exe", 'InitiatingProcessParentFileName =~ "cmd.exe"'],
    ["ParentImage|endswith", "md.exe", 'InitiatingProcessParentFileName endswith "md.exe"'],
    ["ParentImage|endswith", "\\System32\\cmd.exe", "! path-not-expressible"],
    ["ParentImage|contains", "\\Temp\\", "! path-not-expressible"],
    ["ParentImage", "C:\\Windows\\cmd.exe", "! path-not-expressible"],
    ["ParentImage|endswith", "\\\\*.exe", "! path-not-expressible"],
    ["ParentImage|endswith", "\\*.exe", 'InitiatingProcessParentFileName endswith "*.exe"'],
  ])("%s %s", (key, value, expected) => {
    expect(convert("file_event", key, value)).toBe(expected);
  });
});

describe("hashes", () => {
  it.each([
    ["Hashes|contains", "MD5=0123456789ABCDEF0123456789ABCDEF", 'MD5 =~ "0123456789ABCDEF0123456789ABCDEF"'],
    ["Hashes|contains", "sha1=ABC", 'SHA1 startswith "ABC"'],
    ["Hashes|contains", "IMPHASH=0123456789ABCDEF0123456789ABCDEF", "! hash-algorithm-unmapped"],
    ["Hashes|contains", "0123456789ABCDEF", "! hashes-without-algorithm"],
    ["Hashes", "MD5=0123", "! unsupported-value"],
    ["Hashes|endswith", "MD5=0123", "! unsupported-value"],
  ])("%s %s", (key, value, expected) => {
    expect(convert("process_creation", key, value)).toBe(expected);
  });
});

describe("path-prefix (pipes)", () => {
  it.each([
    ["PipeName", "\\lsadump", 'tostring(parse_json(AdditionalFields).PipeName) =~ @"\\Device\\NamedPipe\\lsadump"'],
    ["PipeName|contains", "\\lsadump", 'tostring(parse_json(AdditionalFields).PipeName) contains @"\\lsadump"'],
    ["PipeName|contains", "Pipe\\x", "! path-prefix-ambiguous"],
    ["PipeName|contains", "vice", "! path-prefix-ambiguous"],
  ])("%s %s", (key, value, expected) => {
    expect(convert("pipe_created", key, value)).toBe(expected);
  });
});

describe("registry-details", () => {
  it.each([
    ["Details", "DWORD (0x00000010)", 'RegistryValueType =~ "Dword" and RegistryValueData =~ "16"'],
    ["Details", "(Empty)", "isempty(RegistryValueData)"],
    ["Details|contains", "powershell", 'RegistryValueData contains "powershell"'],
    ["Details|contains", "DWORD (0x0000", "! registry-details-ambiguous"],
    ["Details", "Binary Data", 'RegistryValueType =~ "Binary"'],
    ["Details|endswith", "DWORD (0x00000001)", 'RegistryValueType =~ "Dword" and RegistryValueData =~ "1" or RegistryValueData endswith "DWORD (0x00000001)"'],
    ["Details", "1", "! registry-details-ambiguous"],
    ["Details|contains", "0x1", "! registry-details-ambiguous"],
  ])("%s %s", (key, value, expected) => {
    expect(convert("registry_set", key, value)).toBe(expected);
  });
});
