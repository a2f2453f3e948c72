/**
 * What the catalog holds before a sync, read in a few queries so the planner can compare content hashes and
 * skip parsing unchanged files.
 */
import type { CatalogClient } from "../db";

/** A stored rule, reduced to what the planner compares. */
export interface StoredRule {
  id: string;
  sourceId: number;
  path: string;
  contentHash: string;
  removed: boolean;
  tags: string;
  /** JSON DocIssue[] stored with the rule (its warnings are re-listed on every run without re-parsing). */
  issues: string;
}

/** A stored source row. */
export interface StoredSource {
  id: number;
  key: string;
  kind: string;
  location: string;
  label: string;
  repoUrl: string | null;
  revision: string | null;
  defaultBranch: string | null;
}

/** The catalog before the sync. */
export interface CatalogState {
  sources: Map<string, StoredSource>;
  rules: Map<string, StoredRule>;
  /** `${sourceId}\t${path}` → ids of the rules stored from that file. */
  rulesByFile: Map<string, string[]>;
  /** `${sourceId}\t${path}` → rule id of every RulePath row. */
  rulePaths: Map<string, string>;
  /** `${sourceId}\t${path}` of files with errors in the last finished run (re-parsed: a multi-document file may hold a bad document next to stored ones). */
  problemFiles: Set<string>;
  /** Digest of the current ATT&CK release, if any. */
  attackDigest: string | null;
  attackVersion: string | null;
}

/** The planner's key for a file of a source. */
export const fileKey = (sourceId: number, path: string) => `${sourceId}\t${path}`;

/** Reads the state (see module doc). */
export async function loadCatalogState(prisma: CatalogClient): Promise<CatalogState> {
  const [sources, rules, paths, lastRun, release] = await Promise.all([
    prisma.source.findMany(),
    prisma.rule.findMany({ select: { id: true, sourceId: true, path: true, contentHash: true, removedAt: true, tags: true, issues: true } }),
    prisma.rulePath.findMany({ select: { sourceId: true, path: true, ruleId: true } }),
    prisma.syncRun.findFirst({ where: { status: "succeeded" }, orderBy: { id: "desc" }, select: { id: true } }),
    prisma.attackRelease.findFirst({ orderBy: { id: "desc" }, select: { digest: true, version: true } }),
  ]);
  const problems = lastRun
    ? await prisma.syncProblem.findMany({ where: { syncRunId: lastRun.id, severity: "error" }, select: { sourceId: true, path: true } })
    : [];
  const rulesByFile = new Map<string, string[]>();
  const ruleMap = new Map<string, StoredRule>();
  for (const r of rules) {
    ruleMap.set(r.id, { id: r.id, sourceId: r.sourceId, path: r.path, contentHash: r.contentHash, removed: r.removedAt !== null, tags: r.tags, issues: r.issues });
    const key = fileKey(r.sourceId, r.path);
    rulesByFile.set(key, [...(rulesByFile.get(key) ?? []), r.id]);
  }
  return {
    sources: new Map(sources.map((s) => [s.key, s])),
    rules: ruleMap,
    rulesByFile,
    rulePaths: new Map(paths.map((p) => [fileKey(p.sourceId, p.path), p.ruleId])),
    problemFiles: new Set(problems.filter((p) => p.sourceId !== null).map((p) => fileKey(p.sourceId!, p.path.replace(/#\d+$/, "")))),
    attackDigest: release?.digest ?? null,
    attackVersion: release?.version ?? null,
  };
}
