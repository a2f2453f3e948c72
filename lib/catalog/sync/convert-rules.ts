/**
 * KQL conversion at sync time: one Conversion row per (rule, target) for every target, for the rules that
 * were created, updated or re-parsed. Correlations are converted from the base rules they name, found among
 * this run's documents or read back from the catalog.
 */
import { CONVERTER_VERSION, convertParsed, TARGET_IDS, type ConversionResult } from "@/lib/kql";
import { parseSigmaFile, type SigmaRule } from "@/lib/sigma";
import type { CatalogClient } from "../db";
import type { PlannedRule } from "./plan";
import type { ConversionRow } from "./write";

/** Maps one converter result to its stored row. */
export function toConversionRow(result: ConversionResult): ConversionRow {
  return {
    target: result.target,
    status: result.status,
    tableName: result.table,
    query: result.query,
    columns: JSON.stringify(result.columns),
    issues: JSON.stringify(result.issues),
    trace: JSON.stringify(result.trace),
    reason: result.status === "converted" ? null : (result.issues[0]?.code ?? null),
    converterVersion: CONVERTER_VERSION,
  };
}

/** True when stored conversions were made by another converter version, or live rules lack them. */
export async function conversionsAreStale(prisma: CatalogClient): Promise<boolean> {
  const [otherVersion, missing] = await Promise.all([
    prisma.conversion.findFirst({ where: { converterVersion: { not: CONVERTER_VERSION } }, select: { id: true } }),
    prisma.rule.findFirst({ where: { removedAt: null, conversions: { none: {} } }, select: { id: true } }),
  ]);
  return otherVersion !== null || missing !== null;
}

/** Options of {@link convertRules}. */
export interface ConvertOptions {
  onProgress?: (done: number, total: number) => void;
}

/**
 * Converts `rules` for every target. Stored correlations are re-converted too whenever any rule changed,
 * because their query is built from the rules they name.
 */
export async function convertRules(prisma: CatalogClient, rules: PlannedRule[], options: ConvertOptions = {}): Promise<Map<string, ConversionRow[]>> {
  const out = new Map<string, ConversionRow[]>();
  if (!rules.length) return out;
  const byRef = new Map<string, SigmaRule>();
  const remember = (doc: unknown) => {
    const d = doc as SigmaRule;
    if (d?.kind !== "rule") return;
    if (d.id) byRef.set(d.id.toLowerCase(), d);
    if (d.name) byRef.set(d.name, d);
  };
  for (const { doc } of rules) remember(doc.sigma.document);
  const planned = new Set(rules.map((r) => r.row.id));
  const storedCorrelations = await prisma.rule.findMany({ where: { kind: "correlation", removedAt: null }, select: { id: true, yaml: true } });
  const extra: { id: string; parsed: ReturnType<typeof parseSigmaFile>["documents"][number] }[] = [];
  for (const c of storedCorrelations) {
    if (planned.has(c.id)) continue;
    const parsed = parseSigmaFile(c.yaml).documents.find((d) => d.document?.id?.toLowerCase() === c.id);
    if (parsed) extra.push({ id: c.id, parsed });
  }
  const correlations = [...rules.filter((r) => r.doc.kind === "correlation").map((r) => r.doc.sigma), ...extra.map((e) => e.parsed)];
  const refs = new Set(correlations.flatMap((p) => (p.document?.kind === "correlation" ? p.document.rules : [])).filter((ref) => !byRef.has(ref.toLowerCase()) && !byRef.has(ref)));
  if (refs.size) {
    const list = [...refs];
    const stored = await prisma.rule.findMany({ where: { removedAt: null, OR: [{ id: { in: list.map((r) => r.toLowerCase()) } }, { name: { in: list } }] }, select: { yaml: true } });
    for (const s of stored) for (const d of parseSigmaFile(s.yaml).documents) remember(d.document);
  }
  const resolveRule = (ref: string) => byRef.get(ref.toLowerCase()) ?? byRef.get(ref);
  const jobs = [...rules.map((r) => ({ id: r.row.id, parsed: r.doc.sigma })), ...extra];
  for (const [i, job] of jobs.entries()) {
    out.set(job.id, TARGET_IDS.map((target) => toConversionRow(convertParsed(job.parsed, target, { resolveRule }))));
    if (i % 100 === 0) options.onProgress?.(i, jobs.length);
  }
  options.onProgress?.(jobs.length, jobs.length);
  return out;
}
