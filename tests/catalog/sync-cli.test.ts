import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTempCatalog } from "./helpers";

/** Runs a catalog CLI in one process (`node --import tsx`), without a TTY, and returns its output and exit code. */
function cli(script: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", `lib/catalog/cli/${script}`, ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run sync / db:migrate", async () => {
  const db = await createTempCatalog("detectory-cli-");
  const empty = mkdtempSync(path.join(tmpdir(), "detectory-cli-empty-"));
  afterAll(() => {
    db.cleanup();
    rmSync(empty, { recursive: true, force: true });
  });

  it("prints each invalid file as path:line: code: message and a one-line summary, exit 0", () => {
    const r = cli("sync-cli.ts", ["--source", "tests/fixtures/bad-rules", "--no-attack"], { DATABASE_URL: db.url });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^bad-rules: yaml-syntax\.yml:7: yaml-syntax: invalid YAML: /m);
    expect(r.stdout).toMatch(/^bad-rules: duplicate-id-b\.yml:1: duplicate-id: id 5f0c5c4e-1a3b-4c1d-9e1f-000000000011 is already used by bad-rules duplicate-id-a\.yml$/m);
    expect(r.stdout).toMatch(/^synced 23 files from 1 source: 4 new, 0 updated, 0 unchanged, 0 removed, 19 invalid; no ATT&CK data · \d+\.\d s \(\d+ rule warnings: .*\)$/m);
    expect(r.stderr).toBe("");
  });

  it("migrates a new database file and says when nothing is pending", () => {
    const url = `file:${path.join(empty, "new.db")}`;
    expect(cli("migrate-cli.ts", [], { DATABASE_URL: url }).stdout).toMatch(/applied 20\d{12}_init \(0 already applied\)/);
    expect(cli("migrate-cli.ts", [], { DATABASE_URL: url }).stdout).toMatch(/no pending migrations \(1 already applied\)/);
  });

  it("exits 1 with one line when the database is not usable (not migrated)", () => {
    const r = cli("sync-cli.ts", ["--source", "tests/fixtures/bad-rules", "--no-attack"], { DATABASE_URL: `file:${path.join(empty, "unmigrated.db")}` });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^sync failed: .*no such table: main.SyncRun.* \(run `npm run db:migrate` first\)$/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 1 when no source can be read", () => {
    const r = cli("sync-cli.ts", ["--source", "no/such/folder", "--no-attack"], { DATABASE_URL: db.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sync failed: no source could be read \(source no\/such\/folder skipped: folder no\/such\/folder does not exist\)/);
  });
});
