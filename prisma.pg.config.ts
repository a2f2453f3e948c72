import { defineConfig } from "prisma/config";

// PostgreSQL variant: `npx prisma migrate deploy --config prisma.pg.config.ts` with DATABASE_URL=postgresql://…
// The schema is generated from prisma/schema.prisma (scripts/gen-pg-schema.mjs). Full-text search on PostgreSQL is
// a GIN expression index in the init migration, so there are no external tables here.
export default defineConfig({
  schema: "prisma-pg/schema.prisma",
  migrations: { path: "prisma-pg/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5433/detectory" },
});
