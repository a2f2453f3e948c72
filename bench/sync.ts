/**
 * Sync benchmark: wall time, CPU time and peak memory (RSS high-water mark) of
 *   1. a first sync of ../shared/sigma + the ATT&CK bundle into a fresh SQLite file, without KQL conversion,
 *   2. the same with conversion (another fresh file),
 *   3. an unchanged re-sync of (2).
 * Each run happens in its own child process so the peaks are separate. Usage: `npx tsx bench/sync.ts`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";

const shared = path.resolve(process.env.DETECTORY_SHARED ?? "../shared");
const sigma = path.join(shared, "sigma");
const attack = path.join(shared, "attack", "enterprise-attack.stix.json.gz");

interface ChildResult {
  wallMs: number;
  /** User + system CPU time of the child: comparable across runs even when other processes load the machine. */
  cpuMs: number;
  maxRssMb: number;
  summary: string;
  timings: Record<string, number>;
}

async function child(convert: boolean): Promise<void> {
  const { migrateDatabase } = await import("../lib/catalog/migrate");
  const { runSync } = await import("../lib/catalog/sync/run-sync");
  await migrateDatabase(process.env.DATABASE_URL!);
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const s = await runSync({ sources: [sigma], attack, convert });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const result: ChildResult = {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    summary: `${s.filesSeen} files: ${s.newCount} new, ${s.updatedCount} updated, ${s.unchangedCount} unchanged, ${s.invalidCount} invalid, ${s.convertedCount} converted`,
    timings: s.timings,
  };
  process.stdout.write(JSON.stringify(result));
}

function run(label: string, dbUrl: string, convert: boolean): void {
  const out = execFileSync(process.execPath, ["--import", "tsx", path.resolve("bench/sync.ts"), "--child", convert ? "convert" : "no-convert"], {
    env: { ...process.env, DATABASE_URL: dbUrl },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  const r = JSON.parse(out) as ChildResult;
  const phases = Object.entries(r.timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}`).join(", ");
  console.log(`${label.padEnd(34)} ${(r.wallMs / 1000).toFixed(2).padStart(6)} s wall  ${(r.cpuMs / 1000).toFixed(2).padStart(6)} s CPU  peak RSS ${r.maxRssMb.toFixed(0).padStart(4)} MB  (${r.summary}; s per phase: ${phases})`);
}

if (process.argv[2] === "--child") {
  await child(process.argv[3] === "convert");
} else {
  if (!existsSync(sigma) || !existsSync(attack)) {
    console.error(`bench/sync: ${sigma} or ${attack} is missing`);
    process.exit(1);
  }
  const dir = mkdtempSync(path.join(tmpdir(), "detectory-bench-"));
  try {
    console.log(`node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    run("first sync, no conversion", `file:${path.join(dir, "a.db")}`, false);
    run("first sync, with KQL conversion", `file:${path.join(dir, "b.db")}`, true);
    run("unchanged re-sync", `file:${path.join(dir, "b.db")}`, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
