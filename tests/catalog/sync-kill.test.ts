import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runSync } from "@/lib/catalog/sync/run-sync";
import { catalogDigest, createTempCatalog, queryRows } from "./helpers";

const rule = (n: number, title: string) => `title: ${title} ${n}
id: 55555555-5555-4555-8555-${String(n).padStart(12, "0")}
logsource:
    product: windows
    category: process_creation
detection:
    selection:
        CommandLine|contains: 'kill-test-${n}'
    condition: selection
level: low
`;

/** Runs the sync CLI in a child process and kills it with SIGKILL once it reports that its transaction is open. */
function killMidTransaction(env: NodeJS.ProcessEnv, args: string[]): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    // `node --import tsx` keeps the sync in this one process (the tsx CLI forks a child that SIGKILL would miss).
    const child = spawn(process.execPath, ["--import", "tsx", "lib/catalog/cli/sync-cli.ts", ...args], {
      env: { ...env, DETECTORY_SYNC_TEST_HOLD_MS: "120000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes("transaction open")) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => resolve({ signal, stderr }));
  });
}

describe("a sync killed inside its transaction", async () => {
  const db = await createTempCatalog("detectory-kill-");
  const rules = mkdtempSync(path.join(tmpdir(), "detectory-kill-rules-"));
  afterAll(() => {
    db.cleanup();
    rmSync(rules, { recursive: true, force: true });
  });

  it("leaves the catalog byte-for-byte as it was, and the next sync closes the run as interrupted", async () => {
    for (let n = 1; n <= 20; n++) writeFileSync(path.join(rules, `r${n}.yml`), rule(n, "Original"));
    await runSync({ sources: [rules], attack: false });
    const before = await catalogDigest(db.url);

    // The killed sync would update 10 rules, add 20 and remove 5.
    for (let n = 1; n <= 10; n++) writeFileSync(path.join(rules, `r${n}.yml`), rule(n, "Changed"));
    for (let n = 16; n <= 20; n++) rmSync(path.join(rules, `r${n}.yml`));
    for (let n = 21; n <= 40; n++) writeFileSync(path.join(rules, `r${n}.yml`), rule(n, "Added"));
    const killed = await killMidTransaction({ ...process.env, DATABASE_URL: db.url }, ["--source", rules, "--no-attack", "--quiet"]);
    expect(killed.signal).toBe("SIGKILL");

    expect(await catalogDigest(db.url)).toBe(before);
    const [running] = await queryRows<{ status: string }>(db.url, `SELECT "status" FROM "SyncRun" ORDER BY "id" DESC LIMIT 1`);
    expect(running.status).toBe("running");

    const next = await runSync({ sources: [rules], attack: false });
    expect(next).toMatchObject({ newCount: 20, updatedCount: 10, removedCount: 5 });
    const runs = await queryRows<{ status: string; message: string | null }>(db.url, `SELECT "status", "message" FROM "SyncRun" ORDER BY "id"`);
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "failed", "succeeded"]);
    expect(runs[1].message).toMatch(/interrupted/);
  });
});
