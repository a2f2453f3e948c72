import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { createTagResolver } from "@/lib/attack";
import { resolveRuleTags } from "@/lib/catalog/sync/attack-rows";
import { attackVersionFromName, loadAttackBundle } from "@/lib/catalog/sync/attack-load";
import { runSync } from "@/lib/catalog/sync/run-sync";
import { catalogDigest, createTempCatalog, MINI_ATTACK_BUNDLE, queryRows } from "./helpers";

const TAGS = ["attack.execution", "attack.defense_evasion", "attack.t1086", "attack.t1059.001", "attack.g0016", "attack.s0002", "attack.t9999", "car.2016-04-005", "cve.2021-44228"];
const ruleText = (id: string) => `title: Tagged rule
id: ${id}
tags:
${TAGS.map((t) => `    - ${t}`).join("\n")}
logsource:
    product: windows
    category: process_creation
detection:
    selection:
        Image|endswith: '\\powershell.exe'
    condition: selection
level: high
`;
const ID = "44444444-4444-4444-8444-444444444444";

describe("resolveRuleTags", () => {
  it("keeps only attack.* tags, once each", () => {
    const rows = resolveRuleTags([...TAGS, "attack.execution"], createTagResolver(null));
    expect(rows.map((r) => r.tag)).toEqual(TAGS.filter((t) => t.startsWith("attack.")));
  });
});

describe("attackVersionFromName", () => {
  it.each([
    ["enterprise-attack-v19.1.json", "19.1"],
    ["https://github.com/mitre/cti/raw/ATT%26CK-v18.1/enterprise-attack/enterprise-attack.json", "18.1"],
    ["enterprise-attack.stix.json.gz", null],
  ])("%s → %s", (name, version) => expect(attackVersionFromName(name)).toBe(version));
});

describe("ATT&CK import and tag storage", async () => {
  const db = await createTempCatalog("detectory-attack-");
  const dir = mkdtempSync(path.join(tmpdir(), "detectory-attack-rules-"));
  writeFileSync(path.join(dir, "tagged.yml"), ruleText(ID));
  const gz = path.join(dir, "mini-v19.1.json.gz");
  writeFileSync(gz, gzipSync(readFileSync(MINI_ATTACK_BUNDLE)));
  afterAll(() => {
    db.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stores tags by id with a warning when no bundle can be read", async () => {
    const s = await runSync({ sources: [dir], attack: path.join(dir, "missing.json") });
    expect(s.warnings.join("\n")).toMatch(/ATT&CK not updated: ATT&CK bundle .*missing\.json does not exist; tags are stored by id without names/);
    expect(s.attackVersion).toBeNull();
    const rows = await queryRows<{ tag: string; kind: string; attackId: string | null }>(db.url, `SELECT "tag", "kind", "attackId" FROM "RuleAttack" ORDER BY "tag"`);
    expect(rows).toContainEqual({ tag: "attack.t1086", kind: "technique", attackId: "T1086" });
    expect(rows).toContainEqual({ tag: "attack.g0016", kind: "group", attackId: "G0016" });
  });

  it("imports a gzipped bundle (version from the file name) and re-resolves stored tags against it", async () => {
    const s = await runSync({ sources: [dir], attack: gz });
    expect(s.attackVersion).toBe("19.1");
    // The mini bundle carries one deliberately broken object; its issue is passed on as a warning.
    expect(s.warnings).toEqual([expect.stringMatching(/^ATT&CK bundle: missing-attack-id: /)]);
    const rows = await queryRows<{ tag: string; kind: string; attackId: string | null }>(db.url, `SELECT "tag", "kind", "attackId" FROM "RuleAttack" ORDER BY "tag"`);
    expect(rows).toEqual([
      { tag: "attack.defense_evasion", kind: "tactic", attackId: "TA0005" },
      { tag: "attack.execution", kind: "tactic", attackId: "TA0002" },
      { tag: "attack.g0016", kind: "group", attackId: "G0016" },
      { tag: "attack.s0002", kind: "software", attackId: "S0002" },
      { tag: "attack.t1059.001", kind: "technique", attackId: "T1059.001" },
      { tag: "attack.t1086", kind: "technique", attackId: "T1059.001" },
      { tag: "attack.t9999", kind: "unknown", attackId: null },
    ]);
  });

  it("fills the ATT&CK tables from the bundle", async () => {
    const tactics = await queryRows<{ id: string; shortname: string; matrixOrder: number }>(db.url, `SELECT "id", "shortname", "matrixOrder" FROM "Tactic" ORDER BY "matrixOrder"`);
    expect(tactics.map((t) => t.id)).toEqual(["TA0002", "TA0005", "TA0006"]);
    const t1086 = await queryRows(db.url, `SELECT "revoked", "revokedById" FROM "Technique" WHERE "id" = 'T1086'`);
    expect(t1086).toEqual([{ revoked: 1, revokedById: "T1059.001" }]);
    const sub = await queryRows(db.url, `SELECT "parentId", "isSubtechnique" FROM "Technique" WHERE "id" = 'T1059.001'`);
    expect(sub).toEqual([{ parentId: "T1059", isSubtechnique: 1 }]);
    const links = await queryRows(db.url, `SELECT "tacticId" FROM "TechniqueTactic" WHERE "techniqueId" = 'T1059'`);
    expect(links).toEqual([{ tacticId: "TA0002" }]);
    expect(await queryRows(db.url, `SELECT "id", "name" FROM "AttackGroup" WHERE "id" = 'G0016'`)).toEqual([{ id: "G0016", name: "APT29" }]);
    expect(await queryRows(db.url, `SELECT "id", "type" FROM "AttackSoftware" ORDER BY "id"`)).toEqual([
      { id: "S0002", type: "tool" },
      { id: "S0154", type: "malware" },
    ]);
    const [release] = await queryRows<{ version: string; digest: string }>(db.url, `SELECT "version", "digest" FROM "AttackRelease"`);
    expect(release.version).toBe("19.1");
    expect(release.digest).toBe((await loadAttackBundle(MINI_ATTACK_BUNDLE, dir)).digest); // same JSON, plain or gzip
  });

  it("skips the import when the bundle's digest equals the current release's", async () => {
    const plain = path.join(dir, "plain.json");
    copyFileSync(MINI_ATTACK_BUNDLE, plain);
    const before = await catalogDigest(db.url);
    await runSync({ sources: [dir], attack: plain });
    expect(await catalogDigest(db.url)).toBe(before);
    expect(await queryRows(db.url, `SELECT count(*) AS n FROM "AttackRelease"`)).toEqual([{ n: 1 }]);
  });
});
