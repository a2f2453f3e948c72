import { readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSync } from "@/lib/catalog/sync/run-sync";
import { DEFAULT_SOURCES, SIGMAHQ_LATEST_ZIP_URL } from "@/lib/catalog/sync/sources/read-source";
import { countRows, createTempCatalog, MINI_ATTACK_BUNDLE, queryRows } from "./helpers";

/** The project's own rules (rules/**.yml), zipped in the layout of a SigmaHQ release asset. */
function zipOwnRules(): { zip: Uint8Array; paths: string[] } {
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const abs = path.join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (/\.ya?ml$/.test(name)) files[path.relative(process.cwd(), abs).split(path.sep).join("/")] = readFileSync(abs);
    }
  };
  walk(path.resolve("rules"));
  return { zip: zipSync(files), paths: Object.keys(files).sort() };
}

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe("sync from a zip URL served over http://127.0.0.1", async () => {
  const db = await createTempCatalog("detectory-url-");
  const { zip, paths } = zipOwnRules();
  let server: Server;
  let base = "";
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/SigmaHQ/sigma/releases/download/r2099-01-31/sigma_all_rules.zip") res.writeHead(200, { "content-type": "application/zip" }).end(Buffer.from(zip));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    db.cleanup();
  });

  it("stores every rule of the zip under its path, with the release tag as revision", async () => {
    expect(paths.length).toBeGreaterThan(0);
    const s = await runSync({ sources: [`${base}/SigmaHQ/sigma/releases/download/r2099-01-31/sigma_all_rules.zip`], attack: MINI_ATTACK_BUNDLE, databaseUrl: db.url });
    expect(s.filesSeen).toBe(paths.length);
    const stored = await queryRows<{ path: string }>(db.url, `SELECT DISTINCT "path" FROM "Rule"`);
    const invalid = new Set(s.problems.filter((p) => p.severity === "error").map((p) => p.path));
    // Every file of the zip is either stored or reported invalid with a reason.
    expect(new Set([...stored.map((r) => r.path), ...invalid])).toEqual(new Set(paths));
    const [source] = await queryRows(db.url, `SELECT "kind", "revision" FROM "Source"`);
    expect(source).toEqual({ kind: "url", revision: "r2099-01-31" });
    const [run] = await queryRows<{ sources: string }>(db.url, `SELECT "sources" FROM "SyncRun" WHERE "id" = ?`, [s.runId]);
    expect(JSON.parse(run.sources)).toEqual([
      { key: `url:${base}/SigmaHQ/sigma/releases/download/r2099-01-31/sigma_all_rules.zip`, kind: "url", location: `${base}/SigmaHQ/sigma/releases/download/r2099-01-31/sigma_all_rules.zip`, label: "sigma_all_rules.zip", revision: "r2099-01-31", files: paths.length },
    ]);
  });
});

describe("default sources offline", async () => {
  const db = await createTempCatalog("detectory-offline-");
  afterAll(() => db.cleanup());

  it("are the project's rules plus SigmaHQ's latest release zip", () => {
    expect(DEFAULT_SOURCES).toEqual(["rules", SIGMAHQ_LATEST_ZIP_URL]);
  });

  it("sync the readable sources and record ONE warning for the unreachable download", async () => {
    const unreachable = `http://127.0.0.1:${await closedPort()}/sigma_all_rules.zip`;
    process.env.DETECTORY_SOURCES = `rules, ${unreachable}`;
    try {
      const s = await runSync({ attack: MINI_ATTACK_BUNDLE, databaseUrl: db.url });
      expect(s.status).toBe("succeeded");
      expect(s.warnings).toHaveLength(1 + s.warnings.filter((w) => w.startsWith("ATT&CK bundle:")).length);
      expect(s.warnings[0]).toMatch(new RegExp(`^source ${unreachable.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} skipped: download failed: ECONNREFUSED`));
      expect(await countRows(db.url, "Rule")).toBeGreaterThan(0);
      const [run] = await queryRows<{ warnings: string; status: string }>(db.url, `SELECT "warnings", "status" FROM "SyncRun" WHERE "id" = ?`, [s.runId]);
      expect(run.status).toBe("succeeded");
      expect(JSON.parse(run.warnings)[0]).toBe(s.warnings[0]);
    } finally {
      delete process.env.DETECTORY_SOURCES;
    }
  });

  it("fail (non-zero) only when no source at all can be read", async () => {
    await expect(runSync({ sources: ["does-not-exist"], attack: false, databaseUrl: db.url })).rejects.toThrow(/no source could be read \(source does-not-exist skipped: folder does-not-exist does not exist\)/);
    const [run] = await queryRows<{ status: string }>(db.url, `SELECT "status" FROM "SyncRun" ORDER BY "id" DESC LIMIT 1`);
    expect(run.status).toBe("failed");
  });
});
