/**
 * Test helpers for the catalog write side: a fresh migrated SQLite file per test, a digest of the catalog's
 * tables (everything except the SyncRun bookkeeping) and the shared-data location.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { migrateDatabase } from "@/lib/catalog/migrate";

/** A migrated temp database; `cleanup()` removes its folder. */
export interface TempCatalog {
  dir: string;
  url: string;
  cleanup: () => void;
}

/** Creates a folder with a migrated SQLite catalog and points DATABASE_URL and the cache at it. */
export async function createTempCatalog(prefix = "detectory-catalog-"): Promise<TempCatalog> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const url = `file:${path.join(dir, "catalog.db")}`;
  process.env.DATABASE_URL = url;
  process.env.DETECTORY_CACHE_DIR = path.join(dir, "cache");
  await migrateDatabase(url);
  return { dir, url, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Tables left out of the digest: they record each run by design. */
const RUN_TABLES = new Set(["SyncRun", "SyncProblem"]);

/** SHA-256 over every row of every table (FTS shadow tables included) except SyncRun/SyncProblem. */
export async function catalogDigest(url: string): Promise<string> {
  const client = createClient({ url });
  try {
    const tables = (await client.execute(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`)).rows.map((r) => String(r.name));
    const hash = createHash("sha256");
    for (const table of tables.filter((t) => !RUN_TABLES.has(t))) {
      const rows = (await client.execute(`SELECT * FROM "${table}"`)).rows.map((r) => JSON.stringify(Object.values(r), (_k, v) => (v instanceof ArrayBuffer ? Buffer.from(v).toString("hex") : typeof v === "bigint" ? String(v) : v)));
      hash.update(`${table}\n${rows.sort().join("\n")}\n`);
    }
    return hash.digest("hex");
  } finally {
    client.close();
  }
}

/** Counts rows of a table (or a WHERE-filtered subset). */
export async function countRows(url: string, table: string, where = "1=1", args: (string | number)[] = []): Promise<number> {
  const client = createClient({ url });
  try {
    return Number((await client.execute({ sql: `SELECT count(*) AS n FROM "${table}" WHERE ${where}`, args })).rows[0].n);
  } finally {
    client.close();
  }
}

/** Runs a query on a catalog file and returns plain rows. */
export async function queryRows<T = Record<string, unknown>>(url: string, sql: string, args: (string | number)[] = []): Promise<T[]> {
  const client = createClient({ url });
  try {
    return (await client.execute({ sql, args })).rows.map((r) => ({ ...r }) as T);
  } finally {
    client.close();
  }
}

/** The shared data folder (`../shared` unless DETECTORY_SHARED says otherwise) and whether it is there. */
export const SHARED_DIR = path.resolve(process.cwd(), process.env.DETECTORY_SHARED ?? "../shared");
export const SHARED_SIGMA = path.join(SHARED_DIR, "sigma");
export const SHARED_ATTACK = path.join(SHARED_DIR, "attack", "enterprise-attack.stix.json.gz");
export const HAS_SHARED = existsSync(SHARED_SIGMA) && existsSync(SHARED_ATTACK);
export const MINI_ATTACK_BUNDLE = path.resolve(process.cwd(), "lib/attack/testdata/mini-bundle.json");
