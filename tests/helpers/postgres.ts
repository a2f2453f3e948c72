/**
 * A fresh, migrated PostgreSQL database for a test file, on the throwaway server scripts/pg-start.sh runs
 * (port 5433, trust auth). Tests skip with a message when PostgreSQL is not installed; `npm test` installs it.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "@/lib/catalog/migrate";

/** True when a PostgreSQL server binary (pg_ctl) is installed. */
export const postgresInstalled =
  existsSync("/usr/lib/postgresql") &&
  execFileSync("sh", ["-c", "ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null || true"], { encoding: "utf8" }).trim() !== "";

/** A migrated database for one test file; `drop()` removes it (call it in afterAll). */
export interface TestPostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Starts the server if needed and creates `<prefix>_<pid>` from scratch, migrated to the committed schema. */
export async function freshPostgresDatabase(prefix: string): Promise<TestPostgresDatabase> {
  const base = execFileSync("sh", [path.resolve("scripts/pg-start.sh")], { encoding: "utf8" }).trim().split("\n").pop()!;
  const dbName = `${prefix}_${process.pid}`;
  const url = base.replace(/\/[^/]+$/, `/${dbName}`);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await migrateDatabase(url);
  return {
    url,
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    },
  };
}
