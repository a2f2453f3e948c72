import { describe, expect, it } from "vitest";
import { buildAttackContext, summarise, type TacticInfo, type TechniqueInfo } from "./attack-context";

const tech = (id: string, name: string, tactics: string[], parentId: string | null = null, description = ""): TechniqueInfo => ({
  id, name, tactics, parentId, description, url: `https://attack.mitre.org/techniques/${id.replace(".", "/")}`,
});
const techniques = new Map(
  [
    tech("T1048", "Exfiltration Over Alternative Protocol", ["TA0010"], null, "Adversaries may steal data by exfiltrating it over a different protocol.(Citation: X) More text."),
    tech("T1567", "Exfiltration Over Web Service", ["TA0010"]),
    tech("T1567.002", "Exfiltration to Cloud Storage", ["TA0010"], "T1567"),
    tech("T1059", "Command and Scripting Interpreter", ["TA0002"]),
  ].map((t) => [t.id, t]),
);
const tactics = new Map<string, TacticInfo>([
  ["TA0002", { id: "TA0002", name: "Execution", description: "", url: "u2", matrixOrder: 4 }],
  ["TA0010", { id: "TA0010", name: "Exfiltration", description: "", url: "u10", matrixOrder: 13 }],
]);
const entities = new Map([["G0016", { id: "G0016", name: "APT29", url: "https://attack.mitre.org/groups/G0016" }]]);

describe("summarise", () => {
  it.each([
    ["First sentence. Second one.", "First sentence."],
    ["Uses [PowerShell](https://attack.mitre.org/techniques/T1059/001) to run.(Citation: A) Next.", "Uses PowerShell to run."],
    ["No full stop at all", "No full stop at all"],
    ["", null],
  ])("%s", (input, expected) => expect(summarise(input)).toBe(expected));
});

describe("buildAttackContext", () => {
  it("puts a sub-technique under its parent, under the tagged tactic", () => {
    const ctx = buildAttackContext({
      tags: [
        { tag: "attack.exfiltration", kind: "tactic", attackId: "TA0010" },
        { tag: "attack.t1048", kind: "technique", attackId: "T1048" },
        { tag: "attack.t1567.002", kind: "technique", attackId: "T1567.002" },
        { tag: "attack.g0016", kind: "group", attackId: "G0016" },
        { tag: "attack.t9999", kind: "unknown", attackId: null },
        { tag: "cve.2021-1234", kind: "unknown", attackId: null },
      ],
      techniques, tactics, entities, imported: true,
    });
    expect(ctx.tactics.map((t) => t.id)).toEqual(["TA0010"]);
    const [t1048, t1567] = ctx.tactics[0].techniques;
    expect(t1048).toMatchObject({ id: "T1048", tagged: true, summary: "Adversaries may steal data by exfiltrating it over a different protocol." });
    expect(t1567).toMatchObject({ id: "T1567", tagged: false });
    expect(t1567.subtechniques.map((s) => s.id)).toEqual(["T1567.002"]);
    expect(ctx.entities).toEqual([{ id: "G0016", name: "APT29", url: "https://attack.mitre.org/groups/G0016", kind: "group" }]);
    expect(ctx.unresolved).toEqual(["attack.t9999"]);
    expect(ctx.notImported).toBe(false);
  });

  it("uses the technique's own tactics when no tactic is tagged, in matrix order", () => {
    const ctx = buildAttackContext({
      tags: [
        { tag: "attack.t1048", kind: "technique", attackId: "T1048" },
        { tag: "attack.t1059", kind: "technique", attackId: "T1059" },
      ],
      techniques, tactics, entities, imported: true,
    });
    expect(ctx.tactics.map((t) => t.id)).toEqual(["TA0002", "TA0010"]);
  });

  it("lists every attack tag as unresolved when ATT&CK is not imported", () => {
    const ctx = buildAttackContext({
      tags: [{ tag: "attack.t1048", kind: "technique", attackId: null }],
      techniques: new Map(), tactics: new Map(), entities: new Map(), imported: false,
    });
    expect(ctx).toEqual({ tactics: [], entities: [], unresolved: ["attack.t1048"], notImported: true });
  });
});
