import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { listMigrations, migrateDatabase, SQLITE_SEARCH_OBJECTS } from "@/lib/catalog/migrate";
import { createTempCatalog, queryRows } from "./helpers";

const MODEL_TABLES = ["Source", "SyncRun", "SyncProblem", "Rule", "RulePath", "RuleAttack", "Conversion", "AttackRelease", "Tactic", "Technique", "TechniqueTactic", "AttackGroup", "AttackSoftware"];

describe("SQLite migration", async () => {
  const db = await createTempCatalog("detectory-migrate-");
  afterAll(() => db.cleanup());

  it("creates every model table, the migrations record and the FTS objects", async () => {
    const names = (await queryRows<{ name: string }>(db.url, "SELECT name FROM sqlite_master")).map((r) => r.name);
    for (const table of [...MODEL_TABLES, "_prisma_migrations", ...SQLITE_SEARCH_OBJECTS]) expect(names).toContain(table);
  });

  it("records each migration as Prisma does, with the file's SHA-256 as checksum", async () => {
    const files = listMigrations(path.resolve("prisma/migrations"));
    const rows = await queryRows<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: string | null }>(db.url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      const bytes = readFileSync(path.resolve("prisma/migrations", row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.checksum).toBe(files[i].checksum);
      expect(row.finished_at).not.toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
  });

  it("is a no-op the second time", async () => {
    const result = await migrateDatabase(db.url);
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBeGreaterThan(0);
    expect(result.searchRebuilt).toBe(false);
  });

  it("uses WAL journaling", async () => {
    const [row] = await queryRows<{ journal_mode: string }>(db.url, "PRAGMA journal_mode");
    expect(row.journal_mode).toBe("wal");
  });

  it("restores dropped FTS triggers and rebuilds the index so search finds existing rules", async () => {
    const client = createClient({ url: db.url });
    await client.executeMultiple(`
      DROP TRIGGER "Rule_fts_ai"; DROP TRIGGER "Rule_fts_au";
      INSERT INTO "Source" ("key", "kind", "location", "label") VALUES ('folder:x', 'folder', 'x', 'x');
      INSERT INTO "Rule" ("id", "title", "yaml", "contentHash", "sourceId", "path", "searchText")
        VALUES ('r1', 'Suspicious Certutil Download', 'y', 'h', 1, 'a.yml', 'urlcache split');`);
    client.close();
    const before = await queryRows(db.url, `SELECT rowid FROM "RuleFts" WHERE "RuleFts" MATCH 'certutil'`);
    expect(before).toHaveLength(0); // the trigger was gone, so the index missed the insert
    const result = await migrateDatabase(db.url);
    expect(result.searchRebuilt).toBe(true);
    const hits = await queryRows<{ id: string; snip: string }>(db.url, `SELECT r.id, snippet("RuleFts", 1, '[', ']', '…', 4) AS snip FROM "RuleFts" JOIN "Rule" r ON r.rowid = "RuleFts".rowid WHERE "RuleFts" MATCH 'urlcache'`);
    expect(hits).toEqual([{ id: "r1", snip: "[urlcache] split" }]);
    const names = (await queryRows<{ name: string }>(db.url, "SELECT name FROM sqlite_master WHERE type = 'trigger'")).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["Rule_fts_ai", "Rule_fts_ad", "Rule_fts_au"]));
  });

  const prisma = (...args: string[]) =>
    execFileSync(process.execPath, ["node_modules/prisma/build/index.js", ...args], {
      env: { ...process.env, DATABASE_URL: db.url, PRISMA_SCHEMA_ENGINE_BINARY: path.resolve("tools/schema-engine-shim.mjs"), CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });

  it("leaves a database that Prisma's own CLI reports as up to date", () => {
    expect(prisma("migrate", "status")).toMatch(/Database schema is up to date/);
  });

  it("matches prisma/schema.prisma exactly (a schema edit without a migration fails here)", () => {
    // --exit-code: 0 = no difference, 2 = the schema wants changes the migrations do not make.
    expect(() => prisma("migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code")).not.toThrow();
  });

  it("has a PostgreSQL schema generated from the current SQLite schema", () => {
    expect(() => execFileSync(process.execPath, ["scripts/gen-pg-schema.mjs", "--check"], { stdio: "pipe" })).not.toThrow();
  });
});

const pgStart = path.resolve("scripts/pg-start.sh");
const pgInstalled = existsSync("/usr/lib/postgresql") && execFileSync("sh", ["-c", "ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null || true"], { encoding: "utf8" }).trim() !== "";
if (!pgInstalled) console.warn("PostgreSQL is not installed (no pg_ctl): skipping the PostgreSQL migration test");

describe.skipIf(!pgInstalled)("PostgreSQL migration", () => {
  it("creates every model table, the migrations record and the search index in a fresh database", async () => {
    const base = execFileSync("sh", [pgStart], { encoding: "utf8" }).trim().split("\n").pop()!;
    const dbName = `detectory_test_${process.pid}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.query(`CREATE DATABASE ${dbName}`);
    const url = base.replace(/\/[^/]+$/, `/${dbName}`);
    try {
      const first = await migrateDatabase(url);
      expect(first.applied.length).toBeGreaterThan(0);
      expect((await migrateDatabase(url)).applied).toEqual([]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const tables = (await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).rows.map((r) => r.table_name);
      const indexes = (await client.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'Rule'`)).rows.map((r) => r.indexname);
      const migrations = (await client.query(`SELECT migration_name, checksum FROM _prisma_migrations`)).rows;
      await client.end();
      for (const table of [...MODEL_TABLES, "_prisma_migrations"]) expect(tables).toContain(table);
      expect(indexes).toContain("Rule_search_idx");
      expect(migrations.map((m) => m.checksum)).toEqual(listMigrations(path.resolve("prisma-pg/migrations")).map((f) => f.checksum));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  });
});
