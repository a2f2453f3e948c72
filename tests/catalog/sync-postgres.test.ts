import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freshPostgresDatabase, postgresInstalled } from "@/tests/helpers/postgres";
import { runSync } from "@/lib/catalog/sync/run-sync";
import { MINI_ATTACK_BUNDLE } from "./helpers";

if (!postgresInstalled) console.warn("PostgreSQL is not installed (no pg_ctl): skipping the PostgreSQL sync test");

describe.skipIf(!postgresInstalled)("sync into PostgreSQL", async () => {
  const db = postgresInstalled ? await freshPostgresDatabase("detectory_sync") : null;
  const url = db?.url ?? "";
  afterAll(async () => {
    await db?.drop();
  });
  const query = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  };

  it("stores rules, tags, conversions and problems, and a re-sync changes nothing", async () => {
    const first = await runSync({ sources: ["tests/fixtures/bad-rules"], attack: MINI_ATTACK_BUNDLE, databaseUrl: url });
    expect(first).toMatchObject({ status: "succeeded", newCount: 4, invalidCount: 19 });
    expect(await query(`SELECT count(*)::int AS n FROM "Conversion"`)).toEqual([{ n: 12 }]);
    expect(await query(`SELECT count(*)::int AS n FROM "Tactic"`)).toEqual([{ n: 3 }]);
    const snapshot = JSON.stringify(await query(`SELECT "id", "contentHash", "lastChangedAt", "removedAt" FROM "Rule" ORDER BY "id"`));
    const again = await runSync({ sources: ["tests/fixtures/bad-rules"], attack: MINI_ATTACK_BUNDLE, databaseUrl: url });
    expect(again).toMatchObject({ newCount: 0, updatedCount: 0, unchangedCount: 4, invalidCount: 19 });
    expect(JSON.stringify(await query(`SELECT "id", "contentHash", "lastChangedAt", "removedAt" FROM "Rule" ORDER BY "id"`))).toBe(snapshot);
    const hits = await query(`SELECT "path" FROM "Rule" WHERE to_tsvector('simple', "title" || ' ' || "searchText") @@ plainto_tsquery('simple', 'whoami.exe')`);
    expect(hits.length).toBeGreaterThan(0);
  });
});
