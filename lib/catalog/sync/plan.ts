/**
 * Compares what the sources hold now with what the catalog stores and decides, in memory, every write of the
 * sync: rules to create, update, mark removed, the files' problems and the RulePath rows. Unchanged files
 * (same SHA-256 as stored, no problems last time) are not parsed at all.
 */
import { parseRuleFile, hashBytes } from "./parse-file";
import { derivedRuleId, toRuleRow, type RuleRow } from "./rule-row";
import type { DocIssue, RuleDoc } from "./rule-doc";
import { fileKey, type CatalogState, type StoredSource } from "./state";
import type { FileProblem, SourceSnapshot } from "./types";

/** A problem with the key of the source its file belongs to. */
export type SourcedProblem = FileProblem & { sourceKey: string };

/** A rule row plus the parsed document it came from (needed to resolve tags and convert). */
export interface PlannedRule {
  row: RuleRow;
  doc: RuleDoc;
}

/** Every write the sync will make for its rules. */
export interface SyncPlan {
  sources: { snapshot: SourceSnapshot; stored: StoredSource | null }[];
  creates: PlannedRule[];
  updates: PlannedRule[];
  /** Unchanged rules parsed again only because `reparseAll` was set (their conversions are redone). */
  reparsed: PlannedRule[];
  removedIds: string[];
  unchanged: number;
  filesSeen: number;
  invalidFiles: number;
  problems: SourcedProblem[];
  /** Desired RulePath rows (`path` carries `#n` for the n-th document of a multi-document file, n > 0). */
  paths: { sourceKey: string; path: string; ruleId: string }[];
  /** Ids of all rules present in this run's sources (stored or new). */
  seenIds: Set<string>;
}

/** The counts a sync run records and reports, as the SyncRun columns name them. */
export interface SyncCounts {
  filesSeen: number;
  newCount: number;
  updatedCount: number;
  unchangedCount: number;
  removedCount: number;
  invalidCount: number;
}

/** The counts of a plan: the one place they are derived, for the stored SyncRun and the CLI summary alike. */
export function planCounts(plan: SyncPlan): SyncCounts {
  return {
    filesSeen: plan.filesSeen,
    newCount: plan.creates.length,
    updatedCount: plan.updates.length,
    unchangedCount: plan.unchanged,
    removedCount: plan.removedIds.length,
    invalidCount: plan.invalidFiles,
  };
}

/** Options of {@link planSync}. */
export interface PlanOptions {
  /** Force parsing files even when their hash is unchanged (e.g. the converter changed). */
  reparseAll?: boolean;
  onFile?: (done: number, total: number) => void;
}

/** The warnings kept with a stored rule, as this run's problems (the file was not parsed again). */
function storedWarnings(issues: string, path: string, sourceKey: string): SourcedProblem[] {
  return (JSON.parse(issues) as DocIssue[])
    .filter((i) => i.severity !== "info")
    .map((i) => ({ path, line: i.line, col: i.col, code: i.code, severity: "warning" as const, message: i.message, sourceKey }));
}

const docPath = (path: string, index: number) => (index === 0 ? path : `${path}#${index}`);

/** Builds the plan (see module doc). Pure apart from hashing and parsing; does not touch the database. */
export function planSync(snapshots: SourceSnapshot[], state: CatalogState, options: PlanOptions = {}): SyncPlan {
  const plan: SyncPlan = { sources: [], creates: [], updates: [], reparsed: [], removedIds: [], unchanged: 0, filesSeen: 0, invalidFiles: 0, problems: [], paths: [], seenIds: new Set() };
  const seen = new Map<string, string>(); // rule id → "source path" where it was first seen in this run
  const runSourceIds = new Set<number>();
  const sourceKeyById = new Map([...state.sources.values()].map((s) => [s.id, s.key]));
  const total = snapshots.reduce((n, s) => n + s.files.length, 0);
  let done = 0;
  for (const snapshot of snapshots) {
    const stored = state.sources.get(snapshot.key) ?? null;
    plan.sources.push({ snapshot, stored });
    if (stored) runSourceIds.add(stored.id);
  }
  for (const { snapshot, stored } of plan.sources) {
    for (const file of snapshot.files) {
      plan.filesSeen++;
      options.onFile?.(++done, total);
      const key = stored ? fileKey(stored.id, file.path) : null;
      const storedIds = key ? state.rulesByFile.get(key) : undefined;
      if (storedIds && file.bytes && !options.reparseAll && !state.problemFiles.has(key!)) {
        const hash = hashBytes(file.bytes);
        const rules = storedIds.map((id) => state.rules.get(id)!);
        if (rules.every((r) => r.contentHash === hash && !r.removed) && rules.every((r) => !seen.has(r.id))) {
          for (const r of rules) {
            seen.set(r.id, `${snapshot.label} ${file.path}`);
            plan.seenIds.add(r.id);
            if (r.issues !== "[]") plan.problems.push(...storedWarnings(r.issues, file.path, snapshot.key));
          }
          plan.unchanged += rules.length;
          continue;
        }
      }
      const parsed = parseRuleFile(file);
      const problems: SourcedProblem[] = parsed.problems.map((p) => ({ ...p, severity: p.severity === "error" ? "error" : "warning", path: file.path, sourceKey: snapshot.key }));
      for (const doc of parsed.docs) {
        const id = (doc.id ?? derivedRuleId(snapshot.key, file.path, doc.index)).toLowerCase();
        const where = `${snapshot.label} ${file.path}`;
        if (doc.id === null) {
          problems.push({ path: file.path, line: doc.line, code: "missing-id", severity: "warning", message: `the rule has no \`id\`; the catalog uses the derived id ${id}`, sourceKey: snapshot.key });
        }
        const other = seen.get(id);
        const storedRule = state.rules.get(id);
        const elsewhere = storedRule && !storedRule.removed && !runSourceIds.has(storedRule.sourceId) ? `${sourceKeyById.get(storedRule.sourceId)} ${storedRule.path}` : null;
        if (other || elsewhere) {
          problems.push({ path: file.path, line: doc.line, code: "duplicate-id", severity: "error", message: `id ${id} is already used by ${other ?? elsewhere}`, sourceKey: snapshot.key });
          continue;
        }
        seen.set(id, where);
        plan.seenIds.add(id);
        const row = toRuleRow(doc, id, { sourceKey: snapshot.key, path: file.path, revision: snapshot.revision, yaml: parsed.text!, contentHash: parsed.contentHash! });
        plan.paths.push({ sourceKey: snapshot.key, path: docPath(file.path, doc.index), ruleId: id });
        if (!storedRule) plan.creates.push({ row, doc });
        else if (storedRule.contentHash !== row.contentHash || storedRule.path !== file.path || storedRule.sourceId !== stored?.id || storedRule.removed) {
          plan.updates.push({ row, doc });
        } else {
          plan.unchanged++;
          if (options.reparseAll) plan.reparsed.push({ row, doc });
        }
      }
      if (problems.some((p) => p.severity === "error")) plan.invalidFiles++;
      plan.problems.push(...problems);
    }
  }
  for (const rule of state.rules.values()) {
    if (!rule.removed && runSourceIds.has(rule.sourceId) && !plan.seenIds.has(rule.id)) plan.removedIds.push(rule.id);
  }
  return plan;
}
