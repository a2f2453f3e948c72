/**
 * The catalog's Prisma client, chosen by DATABASE_URL: the SQLite client (libSQL adapter) for `file:` URLs,
 * the PostgreSQL client (pg adapter) for `postgres(ql)://`. Both generated clients have identical models, so
 * callers use one type. No "server-only" import here: the CLIs, tsx and vitest load this module in plain Node,
 * where that package throws; the web read side (queries/) carries the marker instead.
 */
import { PrismaLibSql } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/generated/prisma-pg/client";
import { readCatalogEnv } from "./env";

/** The catalog client type (the SQLite client's; the PostgreSQL client has the same models and methods). */
export type CatalogClient = PrismaClient;

/** How long a SQLite connection waits for another writer before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** Builds a new client for a database URL (callers own it and must `$disconnect()`). */
export function createPrisma(url: string): CatalogClient {
  if (url.startsWith("file:")) {
    return new PrismaClient({ adapter: new PrismaLibSql({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
  }
  // The PostgreSQL client is structurally the same API; the cast keeps one client type for all callers.
  return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as CatalogClient;
}

const cache = globalThis as unknown as { detectoryPrisma?: { url: string; client: CatalogClient } };

/**
 * The process-wide client for DATABASE_URL. Kept on globalThis so Next's dev reloads reuse one connection pool;
 * rebuilt when DATABASE_URL changes (tests switch databases per file).
 */
export function getPrisma(): CatalogClient {
  const { databaseUrl } = readCatalogEnv();
  if (cache.detectoryPrisma?.url !== databaseUrl) {
    void cache.detectoryPrisma?.client.$disconnect();
    cache.detectoryPrisma = { url: databaseUrl, client: createPrisma(databaseUrl) };
  }
  return cache.detectoryPrisma.client;
}
