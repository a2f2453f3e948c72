import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { CONVERTER_VERSION, TARGET_IDS } from "@/lib/kql";
import { runSync } from "@/lib/catalog/sync/run-sync";
import { PROBLEM_HISTORY_RUNS } from "@/lib/catalog/sync/write";
import { catalogDigest, createTempCatalog, MINI_ATTACK_BUNDLE, queryRows } from "./helpers";

const rule = (id: string, title: string, extra = "") => `title: ${title}
id: ${id}
status: test
description: ${title} for the lifecycle test
tags:
    - attack.execution
    - attack.t1059.001
logsource:
    product: windows
    category: process_creation
detection:
    selection:
        Image|endswith: '\\powershell.exe'
        CommandLine|contains: '${title.toLowerCase().replace(/\s+/g, "-")}'
    condition: selection
date: 2024-01-02
${extra}level: medium
`;

const ID_A = "11111111-1111-4111-8111-111111111111";
const ID_B = "22222222-2222-4222-8222-222222222222";
const ID_C = "33333333-3333-4333-8333-333333333333";

describe("sync lifecycle on a folder", async () => {
  const db = await createTempCatalog("detectory-lifecycle-");
  const root = mkdtempSync(path.join(tmpdir(), "detectory-lifecycle-rules-"));
  mkdirSync(path.join(root, "windows"));
  writeFileSync(path.join(root, "windows/a.yml"), rule(ID_A, "Alpha Rule"));
  writeFileSync(path.join(root, "windows/b.yml"), rule(ID_B, "Bravo Rule"));
  writeFileSync(path.join(root, "windows/c.yml"), rule(ID_C, "Charlie Rule"));
  afterAll(() => {
    db.cleanup();
    rmSync(root, { recursive: true, force: true });
  });
  const sync = () => runSync({ sources: [root], attack: MINI_ATTACK_BUNDLE });

  it("creates every rule on the first sync, with searchText, sortDate and FTS rows", async () => {
    const s = await sync();
    expect(s).toMatchObject({ filesSeen: 3, newCount: 3, updatedCount: 0, unchangedCount: 0, removedCount: 0, invalidCount: 0 });
    const [a] = await queryRows<{ searchText: string; sortDate: string; tags: string }>(db.url, `SELECT "searchText", "sortDate", "tags" FROM "Rule" WHERE "id" = ?`, [ID_A]);
    expect(a.sortDate).toBe("2024-01-02");
    expect(JSON.parse(a.tags)).toEqual(["attack.execution", "attack.t1059.001"]);
    for (const word of ["Alpha Rule", "attack.t1059.001", ID_A, "process_creation", "CommandLine", "alpha-rule"]) expect(a.searchText).toContain(word);
    const hits = await queryRows<{ id: string }>(db.url, `SELECT r."id" FROM "RuleFts" JOIN "Rule" r ON r.rowid = "RuleFts".rowid WHERE "RuleFts" MATCH '"alpha-rule"'`);
    expect(hits).toEqual([{ id: ID_A }]);
  });

  it("writes nothing but the SyncRun when nothing changed", async () => {
    const before = await catalogDigest(db.url);
    const s = await sync();
    expect(s).toMatchObject({ newCount: 0, updatedCount: 0, unchangedCount: 3, removedCount: 0 });
    expect(await catalogDigest(db.url)).toBe(before);
  });

  it("updates a changed rule and keeps the others", async () => {
    writeFileSync(path.join(root, "windows/a.yml"), rule(ID_A, "Alpha Rule Renamed", "modified: 2025-03-04\n"));
    const s = await sync();
    expect(s).toMatchObject({ newCount: 0, updatedCount: 1, unchangedCount: 2 });
    const [a] = await queryRows<{ title: string; sortDate: string }>(db.url, `SELECT "title", "sortDate" FROM "Rule" WHERE "id" = ?`, [ID_A]);
    expect(a).toEqual({ title: "Alpha Rule Renamed", sortDate: "2025-03-04" });
    const hits = await queryRows(db.url, `SELECT rowid FROM "RuleFts" WHERE "RuleFts" MATCH 'renamed'`);
    expect(hits).toHaveLength(1);
  });

  it("follows a moved file and keeps its old path in RulePath", async () => {
    mkdirSync(path.join(root, "moved"));
    renameSync(path.join(root, "windows/b.yml"), path.join(root, "moved/b.yml"));
    const s = await sync();
    expect(s).toMatchObject({ updatedCount: 1, removedCount: 0 });
    const paths = await queryRows<{ path: string }>(db.url, `SELECT "path" FROM "RulePath" WHERE "ruleId" = ? ORDER BY "path"`, [ID_B]);
    expect(paths.map((p) => p.path)).toEqual(["moved/b.yml", "windows/b.yml"]);
  });

  it("marks a deleted rule removed (never deletes it) and un-removes it when it comes back", async () => {
    const text = rule(ID_C, "Charlie Rule");
    rmSync(path.join(root, "windows/c.yml"));
    const gone = await sync();
    expect(gone).toMatchObject({ removedCount: 1, newCount: 0 });
    const [c] = await queryRows<{ removedAt: string | null }>(db.url, `SELECT "removedAt" FROM "Rule" WHERE "id" = ?`, [ID_C]);
    expect(c.removedAt).not.toBeNull();
    writeFileSync(path.join(root, "windows/c.yml"), text);
    const back = await sync();
    expect(back).toMatchObject({ removedCount: 0, newCount: 0, updatedCount: 1 });
    expect(await queryRows(db.url, `SELECT "removedAt" FROM "Rule" WHERE "id" = ?`, [ID_C])).toEqual([{ removedAt: null }]);
  });

  it("stores resolved ATT&CK tags and the release", async () => {
    const rows = await queryRows<{ tag: string; kind: string; attackId: string }>(db.url, `SELECT "tag", "kind", "attackId" FROM "RuleAttack" WHERE "ruleId" = ? ORDER BY "tag"`, [ID_A]);
    expect(rows).toEqual([
      { tag: "attack.execution", kind: "tactic", attackId: "TA0002" },
      { tag: "attack.t1059.001", kind: "technique", attackId: "T1059.001" },
    ]);
    expect(await queryRows(db.url, `SELECT count(*) AS n FROM "AttackRelease"`)).toEqual([{ n: 1 }]);
  });

  it("stores one conversion per target, made by the current converter", async () => {
    const rows = await queryRows<{ target: string; status: string; converterVersion: string; query: string | null }>(db.url, `SELECT "target", "status", "converterVersion", "query" FROM "Conversion" WHERE "ruleId" = ? ORDER BY "target"`, [ID_A]);
    expect(rows.map((r) => r.target)).toEqual([...TARGET_IDS].sort());
    for (const r of rows) {
      expect(r.converterVersion).toBe(CONVERTER_VERSION);
      if (r.status === "converted") expect(r.query).toMatch(/alpha-rule-renamed/);
    }
  });

  it("re-converts every rule when the stored conversions come from another converter version, refreshing outdated derived columns", async () => {
    const client = createClient({ url: db.url });
    await client.execute(`UPDATE "Conversion" SET "converterVersion" = '0.0.0-old'`);
    // As if an older lib/sigma had derived a different search text for one rule.
    await client.execute({ sql: `UPDATE "Rule" SET "searchText" = 'stale' WHERE "id" = ?`, args: [ID_B] });
    client.close();
    const [{ lastChangedAt }] = await queryRows<{ lastChangedAt: string }>(db.url, `SELECT "lastChangedAt" FROM "Rule" WHERE "id" = ?`, [ID_B]);
    const s = await sync();
    expect(s).toMatchObject({ newCount: 0, updatedCount: 0, unchangedCount: 3, convertedCount: 3 });
    expect(await queryRows(db.url, `SELECT DISTINCT "converterVersion" FROM "Conversion"`)).toEqual([{ converterVersion: CONVERTER_VERSION }]);
    const [b] = await queryRows<{ searchText: string; lastChangedAt: string }>(db.url, `SELECT "searchText", "lastChangedAt" FROM "Rule" WHERE "id" = ?`, [ID_B]);
    expect(b.searchText).toContain("Bravo Rule");
    expect(b.lastChangedAt).toBe(lastChangedAt);
    const before = await catalogDigest(db.url);
    expect((await sync()).convertedCount).toBe(0);
    expect(await catalogDigest(db.url)).toBe(before);
  });

  it("reads a source named twice only once", async () => {
    const s = await runSync({ sources: [root, `${root}/`, path.relative(process.cwd(), root)], attack: MINI_ATTACK_BUNDLE });
    expect(s).toMatchObject({ filesSeen: 3, invalidCount: 0, unchangedCount: 3 });
    expect(s.sources).toHaveLength(1);
  });

  it("keeps the problem lists of the newest runs only", async () => {
    writeFileSync(path.join(root, "broken.yml"), "title: [unclosed\n");
    const runs: number[] = [];
    for (let i = 0; i < PROBLEM_HISTORY_RUNS + 2; i++) runs.push((await runSync({ sources: [root], attack: false, convert: false })).runId);
    rmSync(path.join(root, "broken.yml"));
    const withProblems = await queryRows<{ syncRunId: number }>(db.url, `SELECT DISTINCT "syncRunId" FROM "SyncProblem" ORDER BY "syncRunId"`);
    expect(withProblems.map((r) => Number(r.syncRunId))).toEqual(runs.slice(-PROBLEM_HISTORY_RUNS));
    await sync(); // back to the folder without the broken file
  });

  it("records every run with its counts", async () => {
    const runs = await queryRows<{ status: string; newCount: number; removedCount: number }>(db.url, `SELECT "status", "newCount", "removedCount" FROM "SyncRun" ORDER BY "id"`);
    expect(runs.map((r) => r.status)).toEqual(Array(runs.length).fill("succeeded"));
    expect(runs).toHaveLength(9 + PROBLEM_HISTORY_RUNS + 3);
    expect(runs.slice(0, 9).map((r) => Number(r.newCount))).toEqual([3, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(runs.slice(0, 9).map((r) => Number(r.removedCount))).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
  });
});
