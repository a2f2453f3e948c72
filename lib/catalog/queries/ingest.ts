/**
 * The ingest report: recent sync runs with their counts and warnings, and the problem files of the latest run.
 */
import { getPrisma } from "../db";
import type { IngestReport, SyncRunView } from "../types";
import { iso, readObjectList, readStringList } from "./json";

/** How many runs the report lists. */
export const RUN_LIMIT = 20;

type StoredSource = { key?: string; kind?: string; location?: string; revision?: string | null; files?: number | null; warning?: string | null };

/** Reads the report. */
export async function getIngestReport(): Promise<IngestReport> {
  const prisma = getPrisma();
  const runs = await prisma.syncRun.findMany({ orderBy: { id: "desc" }, take: RUN_LIMIT });
  const latest = runs[0];
  const problems = latest
    ? await prisma.syncProblem.findMany({
        where: { syncRunId: latest.id },
        orderBy: [{ path: "asc" }, { line: "asc" }],
        include: { source: { select: { key: true } } },
      })
    : [];
  return {
    runs: runs.map(
      (r): SyncRunView => ({
        id: r.id,
        startedAt: iso(r.startedAt)!,
        finishedAt: iso(r.finishedAt),
        durationMs: r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
        status: r.status,
        sources: readObjectList<StoredSource>(r.sources).map((s) => ({
          key: s.key ?? "?",
          kind: s.kind ?? "?",
          location: s.location ?? "",
          revision: s.revision ?? null,
          files: typeof s.files === "number" ? s.files : null,
          warning: s.warning ?? null,
        })),
        attackVersion: r.attackVersion,
        counts: { seen: r.filesSeen, new: r.newCount, updated: r.updatedCount, unchanged: r.unchangedCount, removed: r.removedCount, invalid: r.invalidCount },
        warnings: readStringList(r.warnings),
        message: r.message,
      }),
    ),
    latestProblems: problems.map((p) => ({
      path: p.path,
      sourceKey: p.source?.key ?? null,
      line: p.line,
      col: p.col,
      code: p.code,
      severity: p.severity,
      message: p.message,
    })),
  };
}
