/**
 * The catalog read side against a real database: our own rules/ synced into a fresh SQLite file (plus ATT&CK
 * when ../shared is present), then the feed, full-text search, technique search and the event tester.
 * The PostgreSQL search implementation runs too when PostgreSQL is installed.
 */
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshPostgresDatabase, postgresInstalled } from "@/tests/helpers/postgres";
import { createPrisma } from "@/lib/catalog/db";
import { getTechnique, searchTechniques } from "@/lib/catalog/queries/attack";
import { getFeed } from "@/lib/catalog/queries/get-feed";
import { testEvent } from "@/lib/catalog/queries/test-event";
import { createRuleSearch } from "@/lib/catalog/search";
import { runSync } from "@/lib/catalog/sync/run-sync";
import { parseFeedQuery } from "@/lib/catalog/views/feed-params";
import { createTempCatalog, HAS_SHARED, SHARED_ATTACK, type TempCatalog } from "../catalog/helpers";

const MIMIKATZ = "8d265e1b-a244-4b42-9682-374c3fce40a5";
if (!HAS_SHARED) console.warn("../shared is absent: the read-side test runs without ATT&CK data");

describe("catalog read side (SQLite)", () => {
  let catalog: TempCatalog;
  beforeAll(async () => {
    catalog = await createTempCatalog("detectory-read-");
    await runSync({ sources: ["rules"], attack: HAS_SHARED ? SHARED_ATTACK : false, databaseUrl: catalog.url });
  }, 300_000);
  afterAll(() => catalog?.cleanup());

  it.each([
    ["technique id with sub-technique", "t1003.001", true],
    ["rule UUID", MIMIKATZ, true],
    ["prefix of a word", "sekurl", true],
    ["title words in any order", "syntax mimikatz", true],
    ["a word no rule has", "zzqqxxnotaword", false],
  ])("full-text search: %s (%s)", async (_name, q, found) => {
    const ids = await createRuleSearch(createPrisma(catalog.url), "sqlite").findRuleIds(q);
    expect(ids?.includes(MIMIKATZ)).toBe(found);
  });

  it("ignores a query with nothing searchable", async () => {
    const page = await getFeed(parseFeedQuery({ q: "-- ::" }));
    expect(page.queryIgnored).toBe(true);
  });

  it("facet counts add up to the filtered total", async () => {
    const all = await getFeed(parseFeedQuery({}));
    // Every rule has exactly one source (a level may be missing), so the source facet sums to the total.
    const source = all.facets.find((f) => f.key === "source")!;
    expect(source.values.reduce((n, v) => n + v.count, 0)).toBe(all.total);
    const level = all.facets.find((f) => f.key === "level")!;
    const high = await getFeed(parseFeedQuery({ level: "high" }));
    expect(high.total).toBe(level.values.find((v) => v.value === "high")!.count);
    expect(high.items.every((r) => r.level === "high")).toBe(true);
  });

  it("a technique filter includes its sub-techniques", async () => {
    const parent = await getFeed(parseFeedQuery({ technique: "T1003" }));
    const sub = await getFeed(parseFeedQuery({ technique: "T1003.001" }));
    expect(sub.items.map((r) => r.id)).toContain(MIMIKATZ);
    expect(parent.total).toBeGreaterThanOrEqual(sub.total);
  });

  it.each([
    ["match", '{"CommandLine": "x.exe sekurlsa::logonpasswords"}', { kind: "result", match: true, matchedSelections: ["selection"] }],
    ["no match", '{"CommandLine": "notepad.exe"}', { kind: "result", match: false, matchedSelections: [] }],
    ["invalid JSON", '{\n  "CommandLine": \n}', { kind: "invalid-json", line: 3, col: 1 }],
    ["not an object", "42", { kind: "not-testable" }],
  ])("event tester: %s", async (_name, text, expected) => {
    expect(await testEvent(MIMIKATZ, text)).toMatchObject(expected);
  });

  it.skipIf(!HAS_SHARED)("technique search finds by id with or without sub-technique, by name and by tactic", async () => {
    expect((await searchTechniques("t1003")).results[0].id).toBe("T1003");
    expect((await searchTechniques("T1003.001")).results[0].id).toBe("T1003.001");
    expect((await searchTechniques("LSASS Memory")).results[0].id).toBe("T1003.001");
    expect((await searchTechniques("credential access")).results.length).toBeGreaterThan(5);
  });

  it.skipIf(!HAS_SHARED)("a revoked technique id redirects to its replacement; an unknown one is null", async () => {
    expect(await getTechnique("t1086")).toEqual({ kind: "redirect", to: "T1059.001" });
    expect(await getTechnique("T9999")).toBeNull();
    const found = await getTechnique("T1003");
    expect(found?.kind === "found" && found.technique.subtechniques.map((s) => s.id)).toContain("T1003.001");
  });
});

if (!postgresInstalled) console.warn("PostgreSQL is not installed (no pg_ctl): skipping the PostgreSQL search test");

describe.skipIf(!postgresInstalled)("full-text search (PostgreSQL)", async () => {
  const db = postgresInstalled ? await freshPostgresDatabase("detectory_search") : null;
  const url = db?.url ?? "";
  if (db) await runSync({ sources: ["rules"], attack: false, databaseUrl: url, convert: false });
  afterAll(async () => {
    await db?.drop();
  });

  it.each([
    ["t1003.001", true],
    [MIMIKATZ, true],
    ["sekurl", true],
    ["zzqqxxnotaword", false],
  ])("finds %s: %s", async (q, found) => {
    const prisma = createPrisma(url);
    try {
      const ids = await createRuleSearch(prisma, "postgresql").findRuleIds(q);
      expect(ids?.includes(MIMIKATZ)).toBe(found);
    } finally {
      await prisma.$disconnect();
    }
  });
});

describe("removed rules", () => {
  let catalog: TempCatalog;
  let folder: string;
  beforeAll(async () => {
    catalog = await createTempCatalog("detectory-removed-");
    folder = path.join(catalog.dir, "rules");
    mkdirSync(path.join(folder, "x"), { recursive: true });
    copyFileSync("rules/examples/example_contains_mimikatz_module_on_cmdline.yml", path.join(folder, "x/mimikatz.yml"));
    copyFileSync("rules/examples/example_keywords_root_ssh_login.yml", path.join(folder, "x/ssh.yml"));
    await runSync({ sources: [folder], attack: false, databaseUrl: catalog.url, convert: false });
    rmSync(path.join(folder, "x/mimikatz.yml"));
    await runSync({ sources: [folder], attack: false, databaseUrl: catalog.url, convert: false });
  }, 300_000);
  afterAll(() => catalog?.cleanup());

  it("are hidden from the feed by default and shown, flagged, on request", async () => {
    const live = await getFeed(parseFeedQuery({}));
    expect(live.items.map((r) => r.id)).not.toContain(MIMIKATZ);
    const all = await getFeed(parseFeedQuery({ removed: "1" }));
    expect(all.items.find((r) => r.id === MIMIKATZ)?.removedAt).toEqual(expect.any(String));
  });
});
