import { afterAll, describe, expect, it } from "vitest";
import { runSync, type SyncSummary } from "@/lib/catalog/sync/run-sync";
import { catalogDigest, countRows, createTempCatalog, HAS_SHARED, queryRows, SHARED_ATTACK, SHARED_SIGMA } from "./helpers";

if (!HAS_SHARED) console.warn(`skipping the SigmaHQ corpus sync: ${SHARED_SIGMA} or ${SHARED_ATTACK} is absent`);

describe.skipIf(!HAS_SHARED)("sync of ../shared/sigma + the ATT&CK bundle into a fresh SQLite file", async () => {
  const db = HAS_SHARED ? await createTempCatalog("detectory-shared-") : null;
  afterAll(() => db?.cleanup());
  let first: SyncSummary;

  it("reads all 3,952 files: each one is a stored rule or an invalid file with a reason", async () => {
    first = await runSync({ sources: [SHARED_SIGMA], attack: SHARED_ATTACK });
    expect(first.status).toBe("succeeded");
    expect(first.filesSeen).toBe(3952);
    expect(first.newCount + first.invalidCount).toBe(3952);
    expect(await countRows(db!.url, "Rule")).toBe(first.newCount);
    const invalidPaths = new Set(first.problems.filter((p) => p.severity === "error").map((p) => p.path));
    expect(invalidPaths.size).toBe(first.invalidCount);
    for (const p of first.problems) expect(p.message).not.toBe("");
    expect(first.problems.filter((p) => p.code === "internal-error")).toEqual([]);
  });

  it("pins the source to SigmaHQ's commit from SNAPSHOT.md", async () => {
    const [source] = await queryRows(db!.url, `SELECT "label", "repoUrl", "revision", "defaultBranch" FROM "Source"`);
    expect(source).toEqual({ label: "SigmaHQ", repoUrl: "https://github.com/SigmaHQ/sigma", revision: "8eaafff1f2845a696050e05e72ba1140ee190698", defaultBranch: "master" });
  });

  it("imports ATT&CK v19.1 and resolves every technique tag of the live rules", async () => {
    expect(first.attackVersion).toBe("19.1");
    expect(await countRows(db!.url, "Tactic")).toBe(15);
    const unresolved = await queryRows(db!.url, `SELECT DISTINCT a."tag" FROM "RuleAttack" a JOIN "Rule" r ON r."id" = a."ruleId" WHERE a."attackId" IS NULL AND r."path" NOT LIKE 'deprecated/%'`);
    expect(unresolved).toEqual([]);
  });

  it("changes nothing but the SyncRun on an unchanged re-sync", async () => {
    const before = await catalogDigest(db!.url);
    const again = await runSync({ sources: [SHARED_SIGMA], attack: SHARED_ATTACK });
    expect(again).toMatchObject({ newCount: 0, updatedCount: 0, removedCount: 0, unchangedCount: first.newCount, invalidCount: first.invalidCount });
    expect(await catalogDigest(db!.url)).toBe(before);
  });
});
