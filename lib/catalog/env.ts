/**
 * Environment of the catalog (app, CLIs, tests), validated once with zod. Prisma 7 reads no `.env`, so every
 * setting has a default that works from the repository root.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/detectory.db")
    .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), "must start with file: (SQLite) or postgres(ql):// (PostgreSQL)"),
  /** Comma-separated rule sources (folders, zips, zip URLs, git URLs); empty means the default list. */
  DETECTORY_SOURCES: z.string().optional(),
  /** ATT&CK STIX bundle (path or URL, plain or .gz); empty means MITRE's enterprise bundle on GitHub. */
  DETECTORY_ATTACK: z.string().optional(),
  DETECTORY_CACHE_DIR: z.string().default(".cache"),
  DETECTORY_SHARED: z.string().optional(),
});

/** The validated catalog settings. */
export interface CatalogEnv {
  databaseUrl: string;
  dialect: "sqlite" | "postgresql";
  /** Explicit sources from DETECTORY_SOURCES, or null for the default list. */
  sources: string[] | null;
  attack: string | null;
  /** Absolute path of the download / git cache folder. */
  cacheDir: string;
  /** Absolute path of the shared data folder (`../shared` by default). */
  sharedDir: string;
}

/** Tells which database a URL selects. */
export function dialectOf(url: string): "sqlite" | "postgresql" {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

/** The absolute file path of a `file:` URL (relative paths resolve from the working directory, as Prisma does). */
export function sqlitePathOf(url: string): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), url.slice("file:".length).split("?")[0]);
}

const KEYS = ["DATABASE_URL", "DETECTORY_SOURCES", "DETECTORY_ATTACK", "DETECTORY_CACHE_DIR", "DETECTORY_SHARED"] as const;
let memo: { key: string; value: CatalogEnv } | null = null;

/**
 * Reads and validates the environment, once per distinct set of values (tests switch DATABASE_URL per file, so
 * the result is keyed on the variables rather than computed once per process). Creates the SQLite file's folder.
 */
export function readCatalogEnv(env: NodeJS.ProcessEnv = process.env): CatalogEnv {
  const key = JSON.stringify([process.cwd(), ...KEYS.map((k) => env[k] ?? null)]);
  if (memo?.key !== key) memo = { key, value: parseCatalogEnv(env) };
  return memo.value;
}

function parseCatalogEnv(env: NodeJS.ProcessEnv): CatalogEnv {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid environment: ${detail}`);
  }
  const e = parsed.data;
  const dialect = dialectOf(e.DATABASE_URL);
  if (dialect === "sqlite") mkdirSync(path.dirname(sqlitePathOf(e.DATABASE_URL)), { recursive: true });
  const list = (e.DETECTORY_SOURCES ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    databaseUrl: e.DATABASE_URL,
    dialect,
    sources: list.length ? list : null,
    attack: e.DETECTORY_ATTACK?.trim() || null,
    cacheDir: path.resolve(/* turbopackIgnore: true */ process.cwd(), e.DETECTORY_CACHE_DIR),
    sharedDir: path.resolve(/* turbopackIgnore: true */ process.cwd(), e.DETECTORY_SHARED ?? "../shared"),
  };
}
