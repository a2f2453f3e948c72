import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runSync, type SyncSummary } from "@/lib/catalog/sync/run-sync";
import { MAX_RULE_FILE_BYTES } from "@/lib/catalog/sync/types";
import { createTempCatalog, queryRows } from "./helpers";

/** Every malformed file of tests/fixtures/bad-rules with the problem the sync must report for it. */
const EXPECTED: [file: string, code: string, line: number][] = [
  ["binary-nul.yml", "not-utf8", 1],
  ["comments-only.yml", "empty-file", 1],
  ["condition-syntax.yml", "condition-syntax", 8],
  ["conflicting-modifiers.yml", "conflicting-modifiers", 7],
  ["duplicate-id-b.yml", "duplicate-id", 1],
  ["empty.yml", "empty-file", 1],
  ["huge.yml", "file-too-large", 0],
  ["invalid-id.yml", "invalid-id", 2],
  ["list-at-top.yml", "not-a-mapping", 1],
  ["missing-condition.yml", "missing-condition", 6],
  ["missing-detection.yml", "missing-detection", 1],
  ["missing-logsource.yml", "missing-logsource", 1],
  ["missing-title.yml", "missing-title", 1],
  ["not-utf8.yml", "not-utf8", 1],
  ["pattern-matches-nothing.yml", "pattern-matches-nothing", 8],
  ["scalar-document.yml", "not-a-mapping", 1],
  ["tab-indent.yml", "yaml-syntax", 4],
  ["unknown-identifier.yml", "unknown-identifier", 8],
  ["unknown-modifier.yml", "unknown-modifier", 7],
  ["yaml-syntax.yml", "yaml-syntax", 7],
];
const VALID = ["deprecated-aggregation.yml", "duplicate-id-a.yml", "missing-id.yml", "valid.yml"];

describe("sync of tests/fixtures/bad-rules", async () => {
  const db = await createTempCatalog("detectory-bad-");
  // The oversized file is generated, not committed.
  const folder = mkdtempSync(path.join(tmpdir(), "detectory-bad-rules-"));
  cpSync(path.resolve("tests/fixtures/bad-rules"), folder, { recursive: true });
  writeFileSync(path.join(folder, "huge.yml"), `title: huge\n#${"x".repeat(MAX_RULE_FILE_BYTES)}\n`);
  afterAll(() => {
    db.cleanup();
    rmSync(folder, { recursive: true, force: true });
  });
  let summary: SyncSummary;

  it("runs to the end and counts every .yml file as a rule or an invalid file", async () => {
    summary = await runSync({ sources: [folder], attack: false });
    expect(summary.status).toBe("succeeded");
    expect(summary.filesSeen).toBe(EXPECTED.length + VALID.length); // README.txt is not a rule file
    expect(summary.invalidCount).toBe(EXPECTED.length);
    expect(summary.newCount).toBe(VALID.length);
    const stored = await queryRows<{ path: string }>(db.url, `SELECT "path" FROM "Rule" ORDER BY "path"`);
    expect(stored.map((r) => r.path)).toEqual(VALID);
  });

  it.each(EXPECTED)("%s → %s at line %i", async (file, code, line) => {
    const errors = summary.problems.filter((p) => p.path === file && p.severity === "error");
    expect(errors.map((p) => p.code)).toContain(code);
    const problem = errors.find((p) => p.code === code)!;
    expect(problem.line ?? 0).toBe(line);
    expect(problem.message.length).toBeGreaterThan(10);
  });

  it("names the other file in a duplicate-id problem", () => {
    const dup = summary.problems.find((p) => p.code === "duplicate-id")!;
    expect(dup.message).toMatch(/duplicate-id-a\.yml/);
  });

  it("stores a rule without id under a stable derived UUID, with a missing-id warning", async () => {
    const [row] = await queryRows<{ id: string; idGenerated: number }>(db.url, `SELECT "id", "idGenerated" FROM "Rule" WHERE "path" = 'missing-id.yml'`);
    expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number(row.idGenerated)).toBe(1);
    expect(summary.problems.find((p) => p.path === "missing-id.yml")).toMatchObject({ code: "missing-id", severity: "warning" });
    const again = await runSync({ sources: [folder], attack: false });
    expect(again.newCount).toBe(0);
    expect(await queryRows(db.url, `SELECT "id" FROM "Rule" WHERE "path" = 'missing-id.yml'`)).toEqual([{ id: row.id }]);
  });

  it("stores a v1 aggregation rule with a warning; its conversions say unsupported", async () => {
    expect(summary.problems.find((p) => p.path === "deprecated-aggregation.yml")).toMatchObject({ code: "deprecated-aggregation", severity: "warning", line: 8 });
    const rows = await queryRows<{ status: string; reason: string }>(db.url, `SELECT c."status", c."reason" FROM "Conversion" c JOIN "Rule" r ON r."id" = c."ruleId" WHERE r."path" = 'deprecated-aggregation.yml'`);
    expect(rows).toEqual(Array(3).fill({ status: "unsupported", reason: "deprecated-aggregation" }));
  });

  it("records the problems of the run as SyncProblem rows", async () => {
    const rows = await queryRows<{ path: string; code: string }>(db.url, `SELECT "path", "code" FROM "SyncProblem" WHERE "syncRunId" = ? AND "severity" = 'error' ORDER BY "path"`, [summary.runId]);
    expect(rows.map((r) => `${r.path} ${r.code}`)).toEqual(expect.arrayContaining(EXPECTED.map(([f, c]) => `${f} ${c}`)));
  });
});
