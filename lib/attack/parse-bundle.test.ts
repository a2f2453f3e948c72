import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAttackBundle } from "./parse-bundle";

const text = readFileSync(new URL("./testdata/mini-bundle.json", import.meta.url), "utf8");
const { data, issues } = parseAttackBundle(JSON.parse(text));
const technique = (id: string) => data.techniques.find((t) => t.id === id);

describe("parseAttackBundle on testdata/mini-bundle.json", () => {
  it("reads the matrix, version and domain", () => {
    expect(data.domain).toBe("enterprise-attack");
    expect(data.name).toBe("Enterprise ATT&CK");
    expect(data.version).toEqual({ attack: null, modified: "2026-05-12", attackSpec: "3.3.0", stixSpec: "2.0" });
  });

  it("orders tactics by the matrix's tactic_refs", () => {
    expect(data.tactics.map((t) => [t.order, t.id, t.shortname])).toEqual([
      [1, "TA0002", "execution"],
      [2, "TA0005", "stealth"],
      [3, "TA0006", "credential-access"],
    ]);
    expect(data.tactics[0].description).toBe("The adversary is trying to execution.");
  });

  it("reports only the attack-pattern without an ATT&CK id", () => {
    expect(issues.map((i) => i.code)).toEqual(["missing-attack-id"]);
    expect(data.techniques).toHaveLength(12);
  });

  it.each([
    ["T1059", { parent: null, isSubtechnique: false, tactics: ["execution"], revoked: false, deprecated: false, revokedBy: null }],
    ["T1059.001", { parent: "T1059", isSubtechnique: true, tactics: ["execution"], platforms: ["Windows"] }],
    ["T1086", { revoked: true, revokedBy: "T1059.001" }],
    // T1073 → T1574.002 (itself revoked) → T1574.001: chains are followed to the live end.
    ["T1073", { revoked: true, revokedBy: "T1574.001" }],
    ["T1574.002", { revoked: true, revokedBy: "T1574.001" }],
    ["T1064", { deprecated: true, revoked: false, revokedBy: null, tactics: ["execution", "stealth"] }],
    // Phases of other kill chains are not ATT&CK tactics.
    ["T1027", { tactics: ["stealth"], platforms: ["Windows", "Linux"], url: "https://attack.mitre.org/techniques/T1027" }],
  ])("technique %s", (id, expected) => {
    expect(technique(id)).toMatchObject(expected);
  });

  it("summarizes descriptions: first paragraph, no citations, links as text, no <code>", () => {
    expect(technique("T1059")?.description).toBe(
      "Adversaries may abuse command and script interpreters to execute commands. See PowerShell.",
    );
    expect(technique("T1059.001")?.description).toBe(
      "Adversaries may abuse PowerShell commands and scripts for execution. Examples include the Start-Process cmdlet.",
    );
  });

  it("derives data components, detection strategies and mitigations of a technique", () => {
    expect(technique("T1059.001")).toMatchObject({
      dataComponents: ["Command Execution", "Process Creation"],
      detectionStrategies: ["DET0455"],
      mitigations: ["M1042"],
    });
  });

  it("reads groups with aliases, live techniques used and revoked-by replacement", () => {
    expect(data.groups.map((g) => [g.id, g.name, g.aliases, g.techniques, g.revokedBy])).toEqual([
      ["G0016", "APT29", ["Cozy Bear", "The Dukes"], ["T1003.001", "T1059.001"], null],
      ["G0040", "Patchwork", ["Dropping Elephant"], [], null],
      ["G0042", "MONSOON", [], [], "G0040"],
    ]);
    expect(data.groups[0].description).toBe("APT29 is a threat group.");
  });

  it("reads software of both types and campaigns (ignoring revoked relationships)", () => {
    expect(data.software.map((s) => [s.id, s.name, s.type, s.techniques])).toEqual([
      ["S0002", "Mimikatz", "tool", ["T1003.001"]],
      ["S0154", "Cobalt Strike", "malware", ["T1059.001"]],
    ]);
    expect(data.campaigns.map((c) => [c.id, c.aliases, c.techniques])).toEqual([["C0024", ["SUNBURST"], ["T1027"]]]);
  });

  it("keeps mitigations, data sources, data components and detection strategies by id", () => {
    expect(data.mitigations.map((m) => m.id)).toEqual(["M1042"]);
    expect(data.dataSources).toEqual([
      { id: "DS0009", name: "Process", revoked: false, deprecated: true, url: "https://attack.mitre.org/datasources/DS0009" },
    ]);
    expect(data.dataComponents.map((d) => d.id)).toEqual(["DC0032", "DC0064"]);
    expect(data.detectionStrategies.map((d) => d.id)).toEqual(["DET0455"]);
  });

  it("parses the JSON text the same as the object", () => {
    expect(parseAttackBundle(text)).toEqual({ data, issues });
  });
});

describe("parseAttackBundle on a STIX 2.1 bundle with an x-mitre-collection", () => {
  const bundle = JSON.parse(text);
  delete bundle.spec_version;
  for (const o of bundle.objects) o.spec_version = "2.1";
  bundle.objects.unshift({
    type: "x-mitre-collection",
    id: "x-mitre-collection--1f5f1533-f617-4ca8-9ab4-6a02367fa019",
    spec_version: "2.1",
    name: "Enterprise ATT&CK",
    x_mitre_version: "19.1",
    x_mitre_attack_spec_version: "3.3.0",
    modified: "2026-05-12T16:00:00.000Z",
  });
  const parsed = parseAttackBundle(bundle);

  it("takes the ATT&CK version from the collection and the STIX version from the objects", () => {
    expect(parsed.data.version).toEqual({ attack: "19.1", modified: "2026-05-12", attackSpec: "3.3.0", stixSpec: "2.1" });
    expect(parsed.data.techniques).toHaveLength(12);
  });

  it("lets a caller hint the version of a bundle that does not state it", () => {
    expect(parseAttackBundle(JSON.parse(text), { attackVersion: "19.1" }).data.version.attack).toBe("19.1");
  });
});

describe("parseAttackBundle on bad input", () => {
  it.each([
    ["not JSON", "{ nope", "invalid-json"],
    ["a JSON array", "[]", "not-a-bundle"],
    ["null", null, "not-a-bundle"],
    ["a bundle without objects", { type: "bundle" }, "not-a-bundle"],
    ["an object that is not a bundle", { type: "attack-pattern", objects: [] }, "not-a-bundle"],
    ["an empty bundle", { type: "bundle", objects: [] }, "no-matrix"],
  ])("%s", (_name, input, code) => {
    const result = parseAttackBundle(input);
    expect(result.issues.map((i) => i.code)).toEqual([code]);
    expect(result.data.techniques).toEqual([]);
  });

  it("survives junk objects and reports a revoked-by cycle", () => {
    const ap = (id: string, n: number) => ({
      type: "attack-pattern",
      id: `attack-pattern--${n}`,
      revoked: true,
      external_references: [{ source_name: "mitre-attack", external_id: id }],
      kill_chain_phases: "not a list",
    });
    const rel = (a: number, b: number) => ({ type: "relationship", relationship_type: "revoked-by", source_ref: `attack-pattern--${a}`, target_ref: `attack-pattern--${b}` });
    const result = parseAttackBundle({ type: "bundle", objects: [null, 42, "x", { type: "x-mitre-matrix", tactic_refs: ["x-mitre-tactic--gone"] }, ap("T0001", 1), ap("T0002", 2), rel(1, 2), rel(2, 1)] });
    expect(result.issues.map((i) => i.code).sort()).toEqual(["revoked-by-cycle", "revoked-by-cycle", "unknown-tactic-ref"]);
    expect(result.data.techniques.map((t) => [t.id, t.revokedBy, t.tactics, t.url])).toEqual([
      ["T0001", null, [], "https://attack.mitre.org/techniques/T0001"],
      ["T0002", null, [], "https://attack.mitre.org/techniques/T0002"],
    ]);
  });
});
