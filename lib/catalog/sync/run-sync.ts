/**
 * The catalog sync: read every source, parse and resolve in memory what changed, then write it all in one
 * transaction (see write.ts). Bad files and unreachable sources become problems and warnings on the SyncRun;
 * only a sync that cannot run at all (database unreachable, no source readable) fails.
 */
import { hostname } from "node:os";
import { createPrisma, type CatalogClient } from "../db";
import { dialectOf, readCatalogEnv } from "../env";
import { DEFAULT_ATTACK_URL } from "./attack-load";
import { planRuleAttacks, prepareAttack } from "./attack-sync";
import { conversionsAreStale, convertRules } from "./convert-rules";
import { planCounts, planSync } from "./plan";
import { findOutdatedRows } from "./refresh";
import { DEFAULT_SOURCES, identifySource, readSource } from "./sources/read-source";
import { loadCatalogState } from "./state";
import type { SourceSnapshot } from "./types";
import { writeSync } from "./write";

/** Stages reported to a progress callback. */
export type SyncPhase = "read" | "plan" | "convert" | "attack" | "write";

/** Options of {@link runSync}; unset values come from the environment (DETECTORY_SOURCES, DETECTORY_ATTACK…). */
export interface SyncOptions {
  sources?: string[];
  /** ATT&CK bundle path or URL; `false` skips ATT&CK entirely. */
  attack?: string | false;
  databaseUrl?: string;
  cacheDir?: string;
  onProgress?: (phase: SyncPhase, done: number, total: number, label?: string) => void;
  /** Milliseconds to wait for a download's first response (default 15 s). */
  headersTimeoutMs?: number;
  /** Convert rules to KQL (default true). Without it no Conversion rows are written; a later sync adds them. */
  convert?: boolean;
}

/** What a sync did, as printed by the CLI and stored on the SyncRun. */
export interface SyncSummary {
  runId: number;
  status: "succeeded" | "failed";
  /** Per source, as stored in SyncRun.sources: {key, kind, location, label, revision, files, warning?}. */
  sources: { key: string; kind: string; location: string; label: string; revision: string | null; files: number; warning?: string }[];
  filesSeen: number;
  newCount: number;
  updatedCount: number;
  unchangedCount: number;
  removedCount: number;
  invalidCount: number;
  attackVersion: string | null;
  warnings: string[];
  problems: { sourceKey: string; path: string; line?: number; col?: number; code: string; severity: string; message: string }[];
  durationMs: number;
  /** Wall time of each stage in milliseconds. */
  timings: Record<SyncPhase, number>;
  /** Rules converted to KQL in this run (×3 targets). */
  convertedCount: number;
}

/** Thrown when the sync could not run at all; the CLI exits non-zero. */
export class SyncFailedError extends Error {}

/** The readable line of an error message (Prisma's start with "Invalid `…` invocation" and end with the reason). */
export function oneLine(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).split("\n").map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return String(error);
  return /^Invalid `/.test(lines[0]) ? lines[lines.length - 1] : lines[0];
}

/** Marks runs left "running" by a process that no longer exists (killed syncs) as failed. */
async function closeInterruptedRuns(prisma: CatalogClient): Promise<void> {
  const running = await prisma.syncRun.findMany({ where: { status: "running" }, select: { id: true, message: true } });
  for (const run of running) {
    const owner = /^pid (\d+) on (.+)$/.exec(run.message ?? "");
    const alive = owner && owner[2] === hostname() && isAlive(Number(owner[1]));
    if (!alive) await prisma.syncRun.update({ where: { id: run.id }, data: { status: "failed", message: "interrupted (the sync process ended before it finished)" } });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs one sync (see module doc). */
export async function runSync(options: SyncOptions = {}): Promise<SyncSummary> {
  const started = performance.now();
  const env = readCatalogEnv();
  const prisma = createPrisma(options.databaseUrl ?? env.databaseUrl);
  const progress = options.onProgress ?? (() => undefined);
  try {
    await closeInterruptedRuns(prisma);
    const run = await prisma.syncRun.create({ data: { status: "running", message: `pid ${process.pid} on ${hostname()}` } });
    const warnings: string[] = [];
    try {
      return await syncInto(prisma, run.id, options, env, warnings, progress, started);
    } catch (error) {
      const message = oneLine(error);
      await prisma.syncRun.update({ where: { id: run.id }, data: { status: "failed", finishedAt: new Date(), message, warnings: JSON.stringify(warnings) } }).catch(() => undefined);
      throw error instanceof SyncFailedError ? error : new SyncFailedError(message, { cause: error });
    }
  } finally {
    await prisma.$disconnect();
  }
}

async function syncInto(
  prisma: CatalogClient,
  runId: number,
  options: SyncOptions,
  env: ReturnType<typeof readCatalogEnv>,
  warnings: string[],
  progress: NonNullable<SyncOptions["onProgress"]>,
  started: number,
): Promise<SyncSummary> {
  const cacheDir = options.cacheDir ?? env.cacheDir;
  const timings: Record<SyncPhase, number> = { read: 0, plan: 0, convert: 0, attack: 0, write: 0 };
  let mark = performance.now();
  const lap = (phase: SyncPhase) => {
    const now = performance.now();
    timings[phase] += now - mark;
    mark = now;
  };
  const requested = options.sources?.length ? options.sources : (env.sources ?? DEFAULT_SOURCES);
  // The same source named twice (`rules` and `./rules`) is read once; otherwise every rule would be its own duplicate.
  const specs = [...new Map(requested.map((spec) => [identifySource(spec).key, spec])).values()];
  const snapshots: SourceSnapshot[] = [];
  const sourceInfo: SyncSummary["sources"] = [];
  for (const [i, spec] of specs.entries()) {
    progress("read", i, specs.length, spec);
    try {
      const snapshot = await readSource(spec, { cacheDir, headersTimeoutMs: options.headersTimeoutMs });
      snapshots.push(snapshot);
      warnings.push(...snapshot.warnings);
      sourceInfo.push({ key: snapshot.key, kind: snapshot.kind, location: snapshot.location, label: snapshot.label, revision: snapshot.revision, files: snapshot.files.length, ...(snapshot.warnings[0] ? { warning: snapshot.warnings[0] } : {}) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      warnings.push(`source ${spec} skipped: ${reason}`);
      const id = identifySource(spec);
      sourceInfo.push({ key: id.key, kind: id.kind, location: id.location, label: id.label, revision: null, files: 0, warning: reason });
    }
  }
  if (!snapshots.length) throw new SyncFailedError(`no source could be read (${warnings.join("; ")})`);
  lap("read");

  const convert = options.convert ?? true;
  const state = await loadCatalogState(prisma);
  const stale = convert && state.rules.size > 0 && (await conversionsAreStale(prisma));
  progress("plan", 0, 1);
  const plan = planSync(snapshots, state, { reparseAll: stale, onFile: (done, total) => done % 200 === 0 && progress("plan", done, total) });
  lap("plan");

  const toConvert = [...plan.creates, ...plan.updates, ...plan.reparsed];
  const refreshed = plan.reparsed.length ? await findOutdatedRows(prisma, plan.reparsed) : [];
  const conversions = convert ? await convertRules(prisma, toConvert, { onProgress: (done, total) => progress("convert", done, total) }) : new Map();
  lap("convert");

  progress("attack", 0, 1);
  const attackLocation = options.attack === false ? null : (options.attack ?? env.attack ?? DEFAULT_ATTACK_URL);
  const attack = await prepareAttack(attackLocation, cacheDir, state.attackDigest, plan, warnings);
  const ruleAttacks = await planRuleAttacks(prisma, state, plan, attack.resolver, attack.reresolveAll);
  lap("attack");

  progress("write", 0, 1, `${plan.creates.length + plan.updates.length} rules`);
  const holdMs = Number(process.env.DETECTORY_SYNC_TEST_HOLD_MS ?? "0") || undefined;
  const attackVersion = attack.import?.release.version ?? state.attackVersion;
  await writeSync(prisma, dialectOf(options.databaseUrl ?? env.databaseUrl), {
    plan,
    ruleAttacks,
    conversions,
    refreshed,
    attack: attack.import,
    existingPaths: state.rulePaths,
    run: { id: runId, sources: JSON.stringify(sourceInfo), attackVersion, warnings, problems: plan.problems },
    holdMs,
  });
  progress("write", 1, 1);
  lap("write");
  return {
    runId,
    status: "succeeded",
    sources: sourceInfo,
    ...planCounts(plan),
    attackVersion,
    warnings,
    problems: plan.problems,
    durationMs: performance.now() - started,
    timings,
    convertedCount: conversions.size,
  };
}
