import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env; DATABASE_URL selects the database for the app, the CLIs and the tests alike.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/detectory.db" },
  experimental: { externalTables: true },
  // FTS5 tables are created by hand-written migration SQL, not by Prisma.
  tables: { external: ["RuleFts", "RuleFts_data", "RuleFts_idx", "RuleFts_docsize", "RuleFts_config", "RuleFts_content"] },
});
