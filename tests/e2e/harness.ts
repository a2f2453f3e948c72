/**
 * End-to-end harness: a freshly migrated and synced SQLite catalog in a temp folder, a production build of the
 * app (`next build`), `next start` on a free loopback port, and Debian's Chromium driven by playwright-core
 * with networking features off. Everything started here is stopped by `stopAll()`.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium, type BrowserContext } from "playwright-core";

const run = promisify(execFile);

/** Repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Debian's Chromium (never a downloaded browser). */
export const CHROMIUM = "/usr/bin/chromium";
/** The shared data folder (rules snapshot, ATT&CK bundle). */
export const SHARED = path.resolve(ROOT, process.env.DETECTORY_SHARED ?? "../shared");

/** Whether the e2e suite can run here, and if not, why. */
export function e2eAvailability(): { run: boolean; reason: string | null } {
  if (existsSync(CHROMIUM)) return { run: true, reason: null };
  const reason = `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the end-to-end tests`;
  if (process.env.CI) throw new Error(`CI is set and ${reason}`);
  console.warn(`\n!!!!! SKIPPING END-TO-END TESTS: ${reason} !!!!!\n`);
  return { run: false, reason };
}

const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  ...extra,
});

/** Creates and syncs a catalog in a new temp folder; returns its DATABASE_URL. */
export async function buildCatalog(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "detectory-e2e-"));
  const url = `file:${path.join(dir, "catalog.db")}`;
  const tsx = path.join(ROOT, "node_modules/.bin/tsx");
  await run(tsx, ["lib/catalog/cli/migrate-cli.ts"], { cwd: ROOT, env: env({ DATABASE_URL: url }) });
  const args = ["lib/catalog/cli/sync-cli.ts", "--source", "rules"];
  if (existsSync(path.join(SHARED, "sigma"))) {
    args.push("--source", path.join(SHARED, "sigma"), "--attack", path.join(SHARED, "attack/enterprise-attack.stix.json.gz"));
  } else {
    console.warn(`e2e: ${SHARED} is absent, so the catalog holds only rules/ and no ATT&CK data`);
    args.push("--no-attack");
  }
  await run(tsx, args, { cwd: ROOT, env: env({ DATABASE_URL: url }), maxBuffer: 64 * 1024 * 1024 });
  return url;
}

/** `next build` of the working tree (set E2E_SKIP_BUILD=1 to reuse an existing .next). */
export async function buildApp(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === "1" && existsSync(path.join(ROOT, ".next/BUILD_ID"))) return;
  await run(path.join(ROOT, "node_modules/.bin/next"), ["build"], { cwd: ROOT, env: env({}), maxBuffer: 64 * 1024 * 1024 });
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The PID listening on a loopback port (next start forks next-server, so the spawned PID is not it). */
export function pidOnPort(port: number): number | null {
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(file)) continue;
    const hex = port.toString(16).toUpperCase().padStart(4, "0");
    const line = readFileSync(file, "utf8")
      .split("\n")
      .find((l) => {
        const cols = l.trim().split(/\s+/);
        return cols[1]?.endsWith(`:${hex}`) && cols[3] === "0A";
      });
    if (!line) continue;
    const inode = line.trim().split(/\s+/)[9];
    for (const pid of readdirNumeric("/proc")) {
      try {
        const fds = readdirNumeric(`/proc/${pid}/fd`);
        for (const fd of fds) {
          try {
            if (readLink(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return pid;
          } catch {
            // fd closed meanwhile
          }
        }
      } catch {
        // process gone or not ours
      }
    }
  }
  return null;
}

function readdirNumeric(dir: string): number[] {
  return readdirSync(dir).filter((x) => /^\d+$/.test(x)).map(Number);
}
function readLink(p: string): string {
  return readlinkSync(p);
}

/** A running app. */
export interface AppServer {
  baseUrl: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts `next start` on a free port with the given database and waits until it answers. */
export async function startApp(databaseUrl: string): Promise<AppServer> {
  const port = await freePort();
  const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: env({ DATABASE_URL: databaseUrl, NODE_ENV: "production" }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/ingest`);
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`next start did not come up on ${baseUrl}:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    port,
    async stop() {
      const pid = pidOnPort(port);
      if (pid) process.kill(pid, "SIGTERM");
      if (child.pid && child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          // already gone
        }
      }
    },
  };
}

/** Chromium with a fresh profile and networking extras off; clipboard access granted for the app's origin. */
export async function launchBrowser(baseUrl: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "detectory-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1280, height: 900 },
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where screenshots go (gitignored). */
export function screenshotDir(): string {
  const dir = path.join(ROOT, "artifacts/screenshots");
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Injects axe-core into the page and returns its serious and critical violations. */
export async function axeViolations(page: import("playwright-core").Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  await page.addScriptTag({ path: path.join(ROOT, "node_modules/axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  });
}
