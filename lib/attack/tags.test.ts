import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TagResolution } from "./model";
import { parseAttackBundle } from "./parse-bundle";
import { createTagResolver } from "./tags";

const { data } = parseAttackBundle(readFileSync(new URL("./testdata/mini-bundle.json", import.meta.url), "utf8"));
const resolve = createTagResolver(data);
const offline = createTagResolver(null);

type Expected = Omit<TagResolution, "tag">;
const T = "https://attack.mitre.org/techniques/";

describe("createTagResolver with ATT&CK data (mini bundle)", () => {
  it.each<[string, Expected]>([
    ["attack.t1059.001", { namespace: "attack", kind: "technique", attackId: "T1059.001", name: "PowerShell", url: `${T}T1059/001` }],
    ["attack.T1059", { namespace: "attack", kind: "technique", attackId: "T1059", name: "Command and Scripting Interpreter", url: `${T}T1059` }],
    ["ATTACK.T1003.001", { namespace: "attack", kind: "technique", attackId: "T1003.001", name: "LSASS Memory", url: `${T}T1003/001` }],
    ["attack.t1086", { namespace: "attack", kind: "technique", attackId: "T1059.001", name: "PowerShell", url: `${T}T1059/001`, revokedFrom: "T1086", notes: "T1086 was revoked in ATT&CK and replaced by T1059.001" }],
    ["attack.t1073", { namespace: "attack", kind: "technique", attackId: "T1574.001", name: "DLL", url: `${T}T1574/001`, revokedFrom: "T1073", notes: "T1073 was revoked in ATT&CK and replaced by T1574.001" }],
    ["attack.t1064", { namespace: "attack", kind: "technique", attackId: "T1064", name: "Scripting", url: `${T}T1064`, notes: "T1064 is deprecated in the loaded ATT&CK data" }],
    ["attack.t9999", { namespace: "attack", kind: "unknown", attackId: null, name: null, url: null, notes: "T9999 is not in the loaded ATT&CK data" }],
    ["attack.execution", { namespace: "attack", kind: "tactic", attackId: "TA0002", name: "Execution", url: "https://attack.mitre.org/tactics/TA0002" }],
    ["attack.credential_access", { namespace: "attack", kind: "tactic", attackId: "TA0006", name: "Credential Access", url: "https://attack.mitre.org/tactics/TA0006" }],
    ["attack.defense_evasion", { namespace: "attack", kind: "tactic", attackId: "TA0005", name: "Stealth", url: "https://attack.mitre.org/tactics/TA0005", notes: '"defense-evasion" was renamed "stealth" in ATT&CK v19.0' }],
    ["attack.defense-evasion", { namespace: "attack", kind: "tactic", attackId: "TA0005", name: "Stealth", url: "https://attack.mitre.org/tactics/TA0005", notes: '"defense-evasion" was renamed "stealth" in ATT&CK v19.0' }],
    ["attack.ta0005", { namespace: "attack", kind: "tactic", attackId: "TA0005", name: "Stealth", url: "https://attack.mitre.org/tactics/TA0005" }],
    ["attack.g0016", { namespace: "attack", kind: "group", attackId: "G0016", name: "APT29", url: "https://attack.mitre.org/groups/G0016" }],
    ["attack.g0042", { namespace: "attack", kind: "group", attackId: "G0040", name: "Patchwork", url: "https://attack.mitre.org/groups/G0040", revokedFrom: "G0042", notes: "G0042 was revoked in ATT&CK and replaced by G0040" }],
    ["attack.s0002", { namespace: "attack", kind: "software", attackId: "S0002", name: "Mimikatz", url: "https://attack.mitre.org/software/S0002" }],
    ["attack.c0024", { namespace: "attack", kind: "campaign", attackId: "C0024", name: "SolarWinds Compromise", url: "https://attack.mitre.org/campaigns/C0024" }],
    ["attack.ds0009", { namespace: "attack", kind: "datasource", attackId: "DS0009", name: "Process", url: "https://attack.mitre.org/datasources/DS0009", notes: "DS0009 is deprecated in the loaded ATT&CK data" }],
    ["attack.m1042", { namespace: "attack", kind: "mitigation", attackId: "M1042", name: "Disable or Remove Feature or Program", url: "https://attack.mitre.org/mitigations/M1042" }],
    ["car.2016-04-005", { namespace: "car", kind: "other-namespace", attackId: null, name: null, url: null }],
    ["cve.2021-44228", { namespace: "cve", kind: "other-namespace", attackId: null, name: null, url: null }],
    ["detection.threat-hunting", { namespace: "detection", kind: "other-namespace", attackId: null, name: null, url: null }],
    ["untagged", { namespace: "", kind: "other-namespace", attackId: null, name: null, url: null, notes: "tag has no namespace" }],
    ["attack.foo", { namespace: "attack", kind: "unknown", attackId: null, name: null, url: null, notes: 'no tactic "foo" in the loaded ATT&CK data' }],
  ])("%s", (tag, expected) => {
    expect(resolve(tag)).toEqual({ tag, ...expected });
  });
});

describe("createTagResolver without ATT&CK data", () => {
  it.each<[string, Expected]>([
    ["attack.t1059.001", { namespace: "attack", kind: "technique", attackId: "T1059.001", name: null, url: `${T}T1059/001` }],
    ["attack.T1567.002", { namespace: "attack", kind: "technique", attackId: "T1567.002", name: null, url: `${T}T1567/002` }],
    ["attack.t1086", { namespace: "attack", kind: "technique", attackId: "T1086", name: null, url: `${T}T1086` }],
    ["attack.stealth", { namespace: "attack", kind: "tactic", attackId: "TA0005", name: null, url: "https://attack.mitre.org/tactics/TA0005" }],
    ["attack.defense_evasion", { namespace: "attack", kind: "tactic", attackId: "TA0005", name: null, url: "https://attack.mitre.org/tactics/TA0005", notes: '"defense-evasion" was renamed in ATT&CK v19.0' }],
    ["attack.command_and_control", { namespace: "attack", kind: "tactic", attackId: "TA0011", name: null, url: "https://attack.mitre.org/tactics/TA0011" }],
    ["attack.ta0112", { namespace: "attack", kind: "tactic", attackId: "TA0112", name: null, url: "https://attack.mitre.org/tactics/TA0112" }],
    ["attack.g0016", { namespace: "attack", kind: "group", attackId: "G0016", name: null, url: "https://attack.mitre.org/groups/G0016" }],
    ["attack.ds0005", { namespace: "attack", kind: "datasource", attackId: "DS0005", name: null, url: "https://attack.mitre.org/datasources/DS0005" }],
    ["car.2016-04-005", { namespace: "car", kind: "other-namespace", attackId: null, name: null, url: null }],
    ["attack.foo", { namespace: "attack", kind: "unknown", attackId: null, name: null, url: null, notes: 'no ATT&CK tactic "foo"' }],
  ])("%s", (tag, expected) => {
    expect(offline(tag)).toEqual({ tag, ...expected });
  });
});
