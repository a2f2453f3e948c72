import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildMatrix, countLive } from "./matrix";
import { parseAttackBundle } from "./parse-bundle";
import { tacticForShortname } from "./tactics";

const { data } = parseAttackBundle(readFileSync(new URL("./testdata/mini-bundle.json", import.meta.url), "utf8"));

describe("buildMatrix on the mini bundle", () => {
  it("gives one column per tactic in matrix order, live top-level techniques by name, live sub-techniques", () => {
    const columns = buildMatrix(data).map((c) => [
      c.tactic.shortname,
      c.techniques.map((t) => [t.technique.id, t.subtechniques.map((s) => s.id)]),
    ]);
    expect(columns).toEqual([
      // T1086 (revoked) and T1064 (deprecated) are not cells; T1574 sits under both of its tactics.
      ["execution", [["T1059", ["T1059.001"]], ["T1574", ["T1574.001"]]]],
      ["stealth", [["T1574", ["T1574.001"]], ["T1027", []]]],
      ["credential-access", [["T1003", ["T1003.001"]]]],
    ]);
  });

  it("counts live objects", () => {
    expect(countLive(data)).toEqual({ tactics: 3, techniques: 4, subtechniques: 3, groups: 2, software: 2, campaigns: 1 });
  });
});

describe("tacticForShortname", () => {
  it.each([
    ["execution", "TA0002"],
    ["Credential_Access", "TA0006"],
    ["defense-evasion", "TA0005"],
    ["defense_evasion", "TA0005"],
    ["impact", null],
  ])("%s", (shortname, id) => {
    expect(tacticForShortname(data, shortname)?.id ?? null).toBe(id);
  });

  it("returns null without data", () => {
    expect(tacticForShortname(null, "execution")).toBeNull();
  });
});
