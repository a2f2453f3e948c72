import { afterAll, describe, expect, it } from "vitest";
import { TARGET_IDS } from "@/lib/kql";
import { runSync } from "@/lib/catalog/sync/run-sync";
import { countRows, createTempCatalog, queryRows } from "./helpers";

describe("conversion at sync time", async () => {
  const db = await createTempCatalog("detectory-convert-");
  afterAll(() => db.cleanup());
  const source = "tests/fixtures/bad-rules";

  it("writes no Conversion rows with convert: false", async () => {
    const s = await runSync({ sources: [source], attack: false, convert: false });
    expect(s.newCount).toBeGreaterThan(0);
    expect(s.convertedCount).toBe(0);
    expect(await countRows(db.url, "Conversion")).toBe(0);
  });

  it("converts the stored rules on the next sync that converts, without counting them as updated", async () => {
    const s = await runSync({ sources: [source], attack: false });
    const rules = await countRows(db.url, "Rule");
    expect(s).toMatchObject({ newCount: 0, updatedCount: 0, convertedCount: rules });
    expect(await countRows(db.url, "Conversion")).toBe(rules * TARGET_IDS.length);
    const reasons = await queryRows<{ status: string; reason: string | null }>(db.url, `SELECT DISTINCT "status", "reason" FROM "Conversion" WHERE "status" <> 'converted'`);
    for (const r of reasons) expect(r.reason).toMatch(/^[a-z0-9-]+$/);
  });
});
