/**
 * The rule page: one rule with its stored conversions, ATT&CK context and every generated section, reshaped
 * into RuleDetail. Also resolves a rule's old path (RulePath) to its id.
 */
import { parseRule } from "../../sigma";
import { TARGET_IDS, type TargetId } from "../../kql/target";
import { highlightCode } from "../../highlight";
import { createLru } from "../../utils";
import { getPrisma, type CatalogClient } from "../db";
import { readCatalogEnv } from "../env";
import type { ConversionState, ConversionView, RuleDetail } from "../types";
import { computeConfidence } from "../views/confidence";
import { buildDataSources } from "../views/data-sources";
import { exprFields } from "../views/describe-match";
import { buildFpGuidance } from "../views/fp-guidance";
import { buildHypothesis } from "../views/hypothesis";
import { buildOrigin, buildRelated, toReference } from "../views/references";
import { getCatalogVersion } from "./catalog-version";
import { iso, readObject, readObjectList, readStringList } from "./json";
import { loadRuleAttack } from "./rule-attack";
import { targetLabel, targetRoutes } from "./targets";

type StoredIssue = ConversionView["issues"][number];

// Parsing a rule costs a few ms; a stored rule's YAML only changes with its content hash.
const parsedByHash = createLru<string, ReturnType<typeof parseRule>>(3000);

function parseStored(contentHash: string, yaml: string): ReturnType<typeof parseRule> {
  const hit = parsedByHash.get(contentHash);
  if (hit) return hit;
  const parsed = parseRule(yaml);
  parsedByHash.set(contentHash, parsed);
  return parsed;
}

const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);

// Whole rule pages per catalog version: a page is a pure function of the stored catalog.
const details = createLru<string, RuleDetail>(500);

/** The rule page for a Sigma id, or null when no such rule is stored (removed rules are returned, flagged). */
export async function getRule(id: string): Promise<RuleDetail | null> {
  const prisma = getPrisma();
  const key = `${readCatalogEnv().databaseUrl}|${await getCatalogVersion(prisma)}|${id}`;
  const cached = details.get(key);
  if (cached) return cached;
  const detail = await loadRule(prisma, id);
  if (detail) details.set(key, detail);
  return detail;
}

async function loadRule(prisma: CatalogClient, id: string): Promise<RuleDetail | null> {
  const rule = await prisma.rule.findUnique({
    where: { id },
    include: { source: true, attack: { select: { tag: true, kind: true, attackId: true } }, conversions: true },
  });
  if (!rule) return null;

  const parsed = parseStored(`${rule.id}:${rule.contentHash}`, rule.yaml);
  const detection = parsed.rule?.detection ?? null;
  const ls = readObject(rule.logsource);
  const logsource = {
    product: rule.product ?? str(ls.product),
    category: rule.category ?? str(ls.category),
    service: rule.service ?? str(ls.service),
    definition: str(ls.definition),
  };
  const related = readObjectList<{ id: string; type: string }>(rule.related).filter((r) => typeof r.id === "string");
  const [attack, relatedRows, yamlHtml] = await Promise.all([
    loadRuleAttack(prisma, rule.attack),
    related.length ? prisma.rule.findMany({ where: { id: { in: related.map((r) => r.id) } }, select: { id: true, title: true } }) : [],
    highlightCode(rule.yaml, "yaml"),
  ]);

  const byTarget = new Map(rule.conversions.map((c) => [c.target, c]));
  const conversions: ConversionView[] = await Promise.all(
    TARGET_IDS.filter((t) => byTarget.has(t)).map(async (target) => {
      const c = byTarget.get(target)!;
      const state = c.status as ConversionState;
      return {
        target,
        targetLabel: targetLabel(target),
        state,
        table: c.tableName,
        query: c.query,
        queryHtml: state === "converted" && c.query ? await highlightCode(c.query, "kusto") : null,
        columns: readStringList(c.columns),
        issues: readObjectList<StoredIssue>(c.issues),
        trace: readStringList(c.trace),
      };
    }),
  );

  const dataSources = buildDataSources(
    targetRoutes(),
    conversions.map((c) => ({ target: c.target as TargetId, state: c.state, table: c.table, columns: c.columns, trace: c.trace })),
  );
  const confidence = computeConfidence({
    status: rule.status,
    level: rule.level,
    conversions: TARGET_IDS.map((t) => {
      const c = conversions.find((x) => x.target === t);
      return { state: c?.state ?? "missing", warnings: c ? c.issues.filter((i) => i.severity === "warning").length : 0 };
    }),
  });

  return {
    id: rule.id,
    title: rule.title,
    description: rule.description,
    kind: rule.kind,
    level: rule.level,
    status: rule.status,
    author: rule.author,
    date: rule.date,
    modified: rule.modified,
    logsource,
    techniques: attack.techniques,
    removedAt: iso(rule.removedAt),
    origin: buildOrigin({
      sourceKey: rule.source.key,
      sourceLabel: rule.source.label,
      repoUrl: rule.source.repoUrl,
      defaultBranch: rule.source.defaultBranch,
      revision: rule.sourceRevision ?? rule.source.revision,
      path: rule.path,
      retrievedAt: iso(rule.source.lastSyncedAt),
    }),
    confidence,
    hypothesis: buildHypothesis({
      title: rule.title,
      techniques: attack.techniques,
      tactics: attack.tacticNames.map((name) => ({ name })),
      logsource,
      detection,
    }),
    yaml: rule.yaml,
    yamlHtml,
    conversions,
    dataSources,
    fp: buildFpGuidance({ falsePositives: readStringList(rule.falsepositives), detection, level: rule.level, logsource }),
    attack: attack.context,
    references: readStringList(rule.references).map(toReference),
    related: buildRelated(related, new Map(relatedRows.map((r) => [r.id, r.title]))),
    detectionFields: detection
      ? [...new Set(Object.values(detection.searches).flatMap((s) => exprFields(s.expr).map((f) => f.field)))].filter((f) => f !== "(keywords)")
      : [],
    issues: readObjectList<{ code: string; message: string; line?: number }>(rule.issues),
  };
}

/** The id of the rule that has (or had) `path` in the source `sourceKey`, or null. */
export async function resolveRulePath(sourceKey: string, path: string): Promise<string | null> {
  const prisma = getPrisma();
  const source = await prisma.source.findUnique({ where: { key: sourceKey }, select: { id: true } });
  if (!source) return null;
  const hit = await prisma.rulePath.findUnique({ where: { sourceId_path: { sourceId: source.id, path } }, select: { ruleId: true } });
  if (hit) return hit.ruleId;
  const current = await prisma.rule.findFirst({ where: { sourceId: source.id, path }, select: { id: true } });
  return current?.id ?? null;
}
