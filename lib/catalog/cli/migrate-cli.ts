/**
 * `npm run db:migrate [-- --rebuild-search]`: applies the committed migrations to DATABASE_URL (SQLite by
 * default, PostgreSQL for postgres:// URLs) without the Prisma CLI, then ensures the full-text search objects.
 */
import { readCatalogEnv } from "../env";
import { migrateDatabase } from "../migrate";

async function main(): Promise<number> {
  const env = readCatalogEnv();
  const started = performance.now();
  const result = await migrateDatabase(env.databaseUrl, { rebuildSearch: process.argv.includes("--rebuild-search") });
  const where = env.dialect === "sqlite" ? env.databaseUrl : env.databaseUrl.replace(/\/\/[^@/]*@/, "//…@");
  const applied = result.applied.length ? `applied ${result.applied.join(", ")}` : "no pending migrations";
  const search = result.searchRebuilt ? "; search index rebuilt" : "";
  console.log(`${where}: ${applied} (${result.alreadyApplied} already applied)${search} · ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
