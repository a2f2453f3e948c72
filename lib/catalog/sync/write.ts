/**
 * Applies a sync plan in ONE database transaction, together with the SyncRun's final status and problems: a
 * sync that fails or is killed leaves the catalog exactly as it was. Bulk rows go through raw multi-row
 * statements (bulk.ts).
 */
import type { CatalogClient } from "../db";
import type { AttackRows, TagRow } from "./attack-rows";
import { planCounts, type SyncPlan, type SourcedProblem } from "./plan";
import type { RuleRow } from "./rule-row";
import { deleteWhereIn, insertRows, updateRow, type Dialect, type Tx } from "./bulk";

/** A stored conversion of one rule for one target (without the rule id). */
export interface ConversionRow {
  target: string;
  status: string;
  tableName: string | null;
  query: string | null;
  columns: string;
  issues: string;
  trace: string;
  reason: string | null;
  converterVersion: string;
}

/** An ATT&CK import to write: the release record and its rows. */
export interface AttackImport {
  release: { domain: string; version: string; modified: string | null; source: string; digest: string };
  rows: AttackRows;
}

/** Everything the final transaction writes. */
export interface SyncWrite {
  plan: SyncPlan;
  /** Unchanged rules whose derived columns are re-written (see refresh.ts). */
  refreshed: RuleRow[];
  /** Rules whose RuleAttack rows are replaced by these (missing ids: left alone). */
  ruleAttacks: Map<string, TagRow[]>;
  /** Rules whose Conversion rows are replaced by these. */
  conversions: Map<string, ConversionRow[]>;
  attack: AttackImport | null;
  /** `${sourceId}\t${path}` → rule id of the RulePath rows stored before the sync. */
  existingPaths: Map<string, string>;
  run: {
    id: number;
    sources: string;
    attackVersion: string | null;
    warnings: string[];
    problems: SourcedProblem[];
  };
  /** Test hook: wait this long inside the open transaction (to prove a kill leaves nothing behind). */
  holdMs?: number;
}

const CHUNK = 500;

/** How many of the newest runs keep their SyncProblem rows (SyncRun rows themselves are all kept). */
export const PROBLEM_HISTORY_RUNS = 20;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Writes everything (see module doc); returns the source ids by key. */
export async function writeSync(prisma: CatalogClient, dialect: Dialect, w: SyncWrite): Promise<Map<string, number>> {
  return prisma.$transaction(
    async (tx) => {
      const now = new Date();
      const sourceIds = await writeSources(tx, w, now);
      const ruleData = (row: RuleRow) => {
        const { sourceKey, ...rest } = row;
        return { ...rest, sourceId: sourceIds.get(sourceKey)! };
      };
      await insertRows(tx, dialect, "Rule", w.plan.creates.map((p) => ({ ...ruleData(p.row), firstSeenAt: now, lastChangedAt: now })));
      for (const { row } of w.plan.updates) {
        const { id, ...values } = ruleData(row);
        await updateRow(tx, dialect, "Rule", { column: "id", value: id }, { ...values, lastChangedAt: now, removedAt: null });
      }
      for (const row of w.refreshed) {
        const { id, sourceKey: _sourceKey, yaml: _yaml, contentHash: _hash, path: _path, sourceRevision: _revision, ...derived } = row;
        await updateRow(tx, dialect, "Rule", { column: "id", value: id }, derived);
      }
      for (const ids of chunks(w.plan.removedIds)) {
        await tx.rule.updateMany({ where: { id: { in: ids } }, data: { removedAt: now } });
      }
      if (w.holdMs) {
        process.stderr.write("sync: transaction open (test hold)\n");
        await new Promise((resolve) => setTimeout(resolve, w.holdMs));
      }
      await writeRulePaths(tx, dialect, w, sourceIds);
      await replaceChildren(tx, dialect, "RuleAttack", w.ruleAttacks);
      await replaceChildren(tx, dialect, "Conversion", w.conversions);
      if (w.attack) await writeAttack(tx, dialect, w.attack, now);
      await insertRows(
        tx,
        dialect,
        "SyncProblem",
        w.run.problems.map(({ sourceKey, ...p }) => ({ syncRunId: w.run.id, sourceId: sourceIds.get(sourceKey) ?? null, path: p.path, line: p.line ?? null, col: p.col ?? null, code: p.code, severity: p.severity, message: p.message })),
      );
      // Problem lists of old runs are history nobody reads; keep the newest runs' lists only.
      const keep = await tx.syncRun.findMany({ orderBy: { id: "desc" }, take: PROBLEM_HISTORY_RUNS, select: { id: true } });
      if (keep.length === PROBLEM_HISTORY_RUNS) await tx.syncProblem.deleteMany({ where: { syncRunId: { lt: keep[keep.length - 1].id } } });
      const plan = w.plan;
      await tx.syncRun.update({
        where: { id: w.run.id },
        data: {
          status: "succeeded",
          finishedAt: new Date(),
          sources: w.run.sources,
          attackVersion: w.run.attackVersion,
          ...planCounts(plan),
          warnings: JSON.stringify(w.run.warnings),
          message: null,
        },
      });
      return sourceIds;
    },
    { timeout: 30 * 60_000, maxWait: 5 * 60_000 },
  );
}

/** Creates new sources; updates a stored one only when something about it changed (so a no-op sync writes nothing). */
async function writeSources(tx: Tx, w: SyncWrite, now: Date): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const touched = new Set([...w.plan.creates, ...w.plan.updates].map((p) => p.row.sourceKey));
  for (const { snapshot: s, stored } of w.plan.sources) {
    const fields = { kind: s.kind, location: s.location, label: s.label, repoUrl: s.repoUrl, revision: s.revision, defaultBranch: s.defaultBranch };
    if (!stored) {
      ids.set(s.key, (await tx.source.create({ data: { key: s.key, ...fields, lastSyncedAt: now } })).id);
      continue;
    }
    ids.set(s.key, stored.id);
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((k) => stored[k] !== fields[k]);
    if (changed || touched.has(s.key)) await tx.source.update({ where: { id: stored.id }, data: { ...fields, lastSyncedAt: now } });
  }
  return ids;
}

async function writeRulePaths(tx: Tx, dialect: Dialect, w: SyncWrite, sourceIds: Map<string, number>): Promise<void> {
  const wanted = w.plan.paths.map((p) => ({ sourceId: sourceIds.get(p.sourceKey)!, path: p.path, ruleId: p.ruleId }));
  // Stored paths were read with the catalog state before the transaction; new sources have none.
  const existing = w.existingPaths;
  await insertRows(tx, dialect, "RulePath", wanted.filter((p) => !existing.has(`${p.sourceId}\t${p.path}`)));
  for (const p of wanted) {
    const current = existing.get(`${p.sourceId}\t${p.path}`);
    if (current !== undefined && current !== p.ruleId) {
      await tx.rulePath.update({ where: { sourceId_path: { sourceId: p.sourceId, path: p.path } }, data: { ruleId: p.ruleId } });
    }
  }
}

/** Replaces the child rows (RuleAttack or Conversion) of the rules named in `rows`. */
async function replaceChildren(tx: Tx, dialect: Dialect, table: "RuleAttack" | "Conversion", rows: Map<string, object[]>): Promise<void> {
  if (!rows.size) return;
  await deleteWhereIn(tx, dialect, table, "ruleId", [...rows.keys()]);
  await insertRows(tx, dialect, table, [...rows].flatMap(([ruleId, list]) => list.map((r) => ({ ruleId, ...r }))));
}

async function writeAttack(tx: Tx, dialect: Dialect, attack: AttackImport, now: Date): Promise<void> {
  await tx.techniqueTactic.deleteMany();
  await tx.technique.deleteMany();
  await tx.tactic.deleteMany();
  await tx.attackGroup.deleteMany();
  await tx.attackSoftware.deleteMany();
  const { rows } = attack;
  await insertRows(tx, dialect, "Tactic", rows.tactics);
  await insertRows(tx, dialect, "Technique", rows.techniques);
  await insertRows(tx, dialect, "TechniqueTactic", rows.techniqueTactics);
  await insertRows(tx, dialect, "AttackGroup", rows.groups);
  await insertRows(tx, dialect, "AttackSoftware", rows.software);
  await tx.attackRelease.create({ data: { ...attack.release, importedAt: now } });
}
