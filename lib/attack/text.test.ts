import { describe, expect, it } from "vitest";
import { summarizeDescription } from "./text";
import { attackUrl, techniqueUrl } from "./urls";

describe("summarizeDescription", () => {
  it.each([
    ["", ""],
    ["One paragraph.", "One paragraph."],
    ["First.\n\nSecond.", "First."],
    ["\n\nLeading blank.\n\nSecond.", "Leading blank."],
    ["Uses it.(Citation: Some Vendor 2020) Then more.", "Uses it. Then more."],
    ["Two cites. (Citation: A)(Citation: B (2019) Report)", "Two cites."],
    ["See [PowerShell](https://attack.mitre.org/techniques/T1059/001) here.", "See PowerShell here."],
    ["Run <code>cmd.exe /c</code> now.", "Run cmd.exe /c now."],
    ["Line one\nline two.", "Line one line two."],
  ])("%j", (input, expected) => {
    expect(summarizeDescription(input)).toBe(expected);
  });
});

describe("ATT&CK urls", () => {
  it.each([
    ["T1059", "https://attack.mitre.org/techniques/T1059"],
    ["t1567.002", "https://attack.mitre.org/techniques/T1567/002"],
  ])("techniqueUrl(%s)", (id, url) => {
    expect(techniqueUrl(id)).toBe(url);
  });

  it.each([
    ["TA0005", "https://attack.mitre.org/tactics/TA0005"],
    ["g0016", "https://attack.mitre.org/groups/G0016"],
    ["S0002", "https://attack.mitre.org/software/S0002"],
    ["C0024", "https://attack.mitre.org/campaigns/C0024"],
    ["M1042", "https://attack.mitre.org/mitigations/M1042"],
    ["DS0005", "https://attack.mitre.org/datasources/DS0005"],
    ["DC0032", "https://attack.mitre.org/datacomponents/DC0032"],
    ["DET0455", "https://attack.mitre.org/detectionstrategies/DET0455"],
    ["X1234", null],
  ])("attackUrl(%s)", (id, url) => {
    expect(attackUrl(id)).toBe(url);
  });
});
