/**
 * Applies the committed Prisma migrations without the Prisma CLI (which needs a schema engine that cannot be
 * downloaded air-gapped). Pending `prisma/migrations/<name>/migration.sql` files (or `prisma-pg/…` for
 * PostgreSQL) run in name order inside one transaction and are recorded in `_prisma_migrations` exactly as
 * Prisma records them, so `prisma migrate deploy` / `status` keep working wherever the engine exists.
 * Afterwards the search objects (SQLite FTS5 table + triggers, PostgreSQL GIN index) are ensured idempotently.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createClient, type Client as LibsqlClient } from "@libsql/client";
import pg from "pg";
import { SQLITE_BUSY_TIMEOUT_MS } from "./db";
import { dialectOf, readCatalogEnv } from "./env";

/** One committed migration: folder name, SQL text and Prisma's checksum (SHA-256 hex of the file). */
export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** What a migration run did. */
export interface MigrateResult {
  dialect: "sqlite" | "postgresql";
  applied: string[];
  alreadyApplied: number;
  /** True when the FTS index was (re)built from the Rule table. */
  searchRebuilt: boolean;
}

/** Options of {@link migrateDatabase}. */
export interface MigrateOptions {
  /** Folder holding `<name>/migration.sql`; defaults to prisma/migrations or prisma-pg/migrations under the cwd. */
  migrationsDir?: string;
  /** Rebuild the FTS5 index even when it looks intact (after a VACUUM, which may renumber Rule rowids). */
  rebuildSearch?: boolean;
}

/** Reads the committed migrations of a folder in the order Prisma applies them (by folder name). */
export function listMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) throw new Error(`migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const PG_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * SQLite full-text search over rules: FTS5 with external content. FTS5 reads content columns by name, so the
 * view `RuleFtsContent` exposes `Rule.searchText` as `body`. Query with
 * `… FROM RuleFts JOIN "Rule" r ON r.rowid = RuleFts.rowid WHERE RuleFts MATCH ?`.
 */
export const SQLITE_SEARCH_SQL = `
CREATE VIEW IF NOT EXISTS "RuleFtsContent" AS SELECT "Rule".rowid AS "rid", "title", "searchText" AS "body" FROM "Rule";
CREATE VIRTUAL TABLE IF NOT EXISTS "RuleFts" USING fts5(title, body, content='RuleFtsContent', content_rowid='rid', tokenize='unicode61');
CREATE TRIGGER IF NOT EXISTS "Rule_fts_ai" AFTER INSERT ON "Rule" BEGIN
  INSERT INTO "RuleFts"(rowid, title, body) VALUES (new.rowid, new."title", new."searchText");
END;
CREATE TRIGGER IF NOT EXISTS "Rule_fts_ad" AFTER DELETE ON "Rule" BEGIN
  INSERT INTO "RuleFts"("RuleFts", rowid, title, body) VALUES ('delete', old.rowid, old."title", old."searchText");
END;
CREATE TRIGGER IF NOT EXISTS "Rule_fts_au" AFTER UPDATE OF "title", "searchText" ON "Rule" BEGIN
  INSERT INTO "RuleFts"("RuleFts", rowid, title, body) VALUES ('delete', old.rowid, old."title", old."searchText");
  INSERT INTO "RuleFts"(rowid, title, body) VALUES (new.rowid, new."title", new."searchText");
END;`;

/** Names of the SQLite search objects a healthy catalog has (checked by tests and the migrator). */
export const SQLITE_SEARCH_OBJECTS = ["RuleFtsContent", "RuleFts", "Rule_fts_ai", "Rule_fts_ad", "Rule_fts_au"];

/** PostgreSQL search: a GIN expression index; queries must use the same expression to hit it. */
export const PG_SEARCH_SQL = `CREATE INDEX IF NOT EXISTS "Rule_search_idx" ON "Rule" USING GIN (to_tsvector('simple', "title" || ' ' || "searchText"))`;

/** Applies pending migrations to the database DATABASE_URL (or `url`) names, then ensures the search objects. */
export async function migrateDatabase(url = readCatalogEnv().databaseUrl, options: MigrateOptions = {}): Promise<MigrateResult> {
  const dialect = dialectOf(url);
  const dir = options.migrationsDir ?? path.resolve(process.cwd(), dialect === "sqlite" ? "prisma/migrations" : "prisma-pg/migrations");
  const migrations = listMigrations(dir);
  return dialect === "sqlite" ? migrateSqlite(url, migrations, options) : migratePostgres(url, migrations);
}

/** Fails like `prisma migrate deploy` does on a history it cannot continue from (failed or edited migrations). */
function checkHistory(rows: { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown }[], files: MigrationFile[]): Set<string> {
  const done = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new Error(`migration ${row.migration_name} failed earlier and was not resolved; fix the database, then run \`prisma migrate resolve\``);
    }
    const file = files.find((f) => f.name === row.migration_name);
    if (file && file.checksum !== row.checksum) {
      console.warn(`warning: migration ${row.migration_name} was modified after it was applied (checksum differs)`);
    }
    done.add(row.migration_name);
  }
  return done;
}

async function migrateSqlite(url: string, files: MigrationFile[], options: MigrateOptions): Promise<MigrateResult> {
  const client = createClient({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute(SQLITE_MIGRATIONS_TABLE);
    const tx = await client.transaction("write");
    const applied: string[] = [];
    let alreadyApplied = 0;
    try {
      const rows = (await tx.execute(`SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`)).rows;
      const done = checkHistory(rows as never, files);
      alreadyApplied = done.size;
      for (const file of files.filter((f) => !done.has(f.name))) {
        const startedAt = new Date().toISOString();
        await tx.executeMultiple(file.sql);
        await tx.execute({
          sql: `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count") VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
          args: [randomUUID(), file.checksum, new Date().toISOString(), file.name, startedAt],
        });
        applied.push(file.name);
      }
      await tx.commit();
    } finally {
      tx.close();
    }
    const searchRebuilt = await ensureSqliteSearch(client, options.rebuildSearch ?? false);
    return { dialect: "sqlite", applied, alreadyApplied, searchRebuilt };
  } finally {
    client.close();
  }
}

/** Creates missing FTS objects; rebuilds the index when any was missing (its content would be stale) or asked to. */
async function ensureSqliteSearch(client: LibsqlClient, force: boolean): Promise<boolean> {
  const names = SQLITE_SEARCH_OBJECTS.map(() => "?").join(", ");
  const present = await client.execute({ sql: `SELECT count(*) AS n FROM sqlite_master WHERE name IN (${names})`, args: SQLITE_SEARCH_OBJECTS });
  const intact = Number(present.rows[0].n) === SQLITE_SEARCH_OBJECTS.length;
  await client.executeMultiple(SQLITE_SEARCH_SQL);
  if (intact && !force) return false;
  await client.execute(`INSERT INTO "RuleFts"("RuleFts") VALUES ('rebuild')`);
  return true;
}

async function migratePostgres(url: string, files: MigrationFile[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const applied: string[] = [];
    let alreadyApplied = 0;
    await client.query("BEGIN");
    try {
      // Serialises concurrent migrators (app start + CLI); released at COMMIT/ROLLBACK.
      await client.query("SELECT pg_advisory_xact_lock(727073690)");
      await client.query(PG_MIGRATIONS_TABLE);
      const { rows } = await client.query(`SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`);
      const done = checkHistory(rows, files);
      alreadyApplied = done.size;
      for (const file of files.filter((f) => !done.has(f.name))) {
        const startedAt = new Date();
        await client.query(file.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), file.checksum, file.name, startedAt],
        );
        applied.push(file.name);
      }
      await client.query(PG_SEARCH_SQL);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
    return { dialect: "postgresql", applied, alreadyApplied, searchRebuilt: false };
  } finally {
    await client.end();
  }
}
