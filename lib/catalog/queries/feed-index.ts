/**
 * The feed index: every rule's facet data held in memory (a few hundred bytes per rule), rebuilt when the
 * catalog fingerprint changes. Faceting 4,000 rules in JavaScript takes a few milliseconds, far less than the
 * dozen GROUP BY queries it replaces.
 */
import { TARGET_IDS, type TargetId } from "../../kql/target";
import type { CatalogClient } from "../db";
import type { ConversionState } from "../types";
import { sortNewestFirst, type FeedLabels, type FeedRow } from "../views/feed";
import { getCatalogVersion } from "./catalog-version";
import { iso } from "./json";
import { targetLabel } from "./targets";

/** The index and the labels its facet values need. */
export interface FeedIndex {
  version: string;
  rows: FeedRow[];
  byId: Map<string, FeedRow>;
  labels: FeedLabels;
}

const cache = globalThis as unknown as { detectoryFeedIndex?: { key: string; index: Promise<FeedIndex> } };

/** The tactic shortname a tag names when ATT&CK is not imported (attack.defense_evasion → defense-evasion). */
export function tacticFromTag(tag: string): string {
  return tag.replace(/^attack\./, "").replace(/_/g, "-");
}

async function buildIndex(prisma: CatalogClient, version: string): Promise<FeedIndex> {
  const [rules, attacks, conversions, techniques, tactics, sources] = await Promise.all([
    prisma.rule.findMany({
      select: {
        id: true, title: true, description: true, level: true, status: true, product: true, category: true, service: true,
        author: true, date: true, modified: true, sortDate: true, removedAt: true, source: { select: { key: true, label: true } },
      },
    }),
    prisma.ruleAttack.findMany({ select: { ruleId: true, tag: true, kind: true, attackId: true } }),
    prisma.conversion.findMany({ select: { ruleId: true, target: true, status: true, reason: true } }),
    prisma.technique.findMany({ select: { id: true, name: true } }),
    prisma.tactic.findMany({ select: { id: true, shortname: true, name: true } }),
    prisma.source.findMany({ select: { key: true, label: true } }),
  ]);
  const techniqueName = new Map(techniques.map((t) => [t.id, t.name]));
  const tacticById = new Map(tactics.map((t) => [t.id, t]));
  const rows: FeedRow[] = rules.map((r) => ({
    id: r.id, title: r.title, description: r.description, level: r.level, status: r.status,
    sourceKey: r.source.key, sourceLabel: r.source.label, product: r.product, category: r.category, service: r.service,
    author: r.author, date: r.date, modified: r.modified, sortDate: r.sortDate, removedAt: iso(r.removedAt),
    techniques: [], tactics: [],
    readiness: Object.fromEntries(TARGET_IDS.map((t) => [t, null])) as Record<TargetId, ConversionState | null>,
    reasons: Object.fromEntries(TARGET_IDS.map((t) => [t, null])) as Record<TargetId, string | null>,
  }));
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const a of attacks) {
    const row = byId.get(a.ruleId);
    if (!row) continue;
    if (a.kind === "technique") {
      const id = a.attackId ?? a.tag.replace(/^attack\./, "").toUpperCase();
      if (!row.techniques.some((t) => t.id === id)) row.techniques.push({ id, name: techniqueName.get(id) ?? null });
    } else if (a.kind === "tactic") {
      const shortname = (a.attackId && tacticById.get(a.attackId)?.shortname) || tacticFromTag(a.tag);
      if (!row.tactics.includes(shortname)) row.tactics.push(shortname);
    }
  }
  for (const row of rows) row.techniques.sort((a, b) => a.id.localeCompare(b.id));
  // Held newest first, so the feed's default order needs no per-request sort.
  sortNewestFirst(rows);
  for (const c of conversions) {
    const row = byId.get(c.ruleId);
    if (!row || !TARGET_IDS.includes(c.target as TargetId)) continue;
    row.readiness[c.target as TargetId] = c.status as ConversionState;
    row.reasons[c.target as TargetId] = c.status === "converted" ? null : c.reason;
  }
  const labels: FeedLabels = {
    tactic: new Map(tactics.map((t) => [t.shortname, t.name])),
    technique: techniqueName,
    source: new Map(sources.map((s) => [s.key, s.label])),
    target: new Map(TARGET_IDS.map((t) => [t, targetLabel(t)])),
  };
  return { version, rows, byId, labels };
}

/** The current index (rebuilt at most once per catalog change; concurrent requests share one build). */
export async function getFeedIndex(prisma: CatalogClient, databaseUrl: string): Promise<FeedIndex> {
  const version = await getCatalogVersion(prisma);
  const key = `${databaseUrl}|${version}`;
  if (cache.detectoryFeedIndex?.key !== key) {
    const index = buildIndex(prisma, version);
    cache.detectoryFeedIndex = { key, index };
    index.catch(() => {
      if (cache.detectoryFeedIndex?.index === index) cache.detectoryFeedIndex = undefined;
    });
  }
  return cache.detectoryFeedIndex.index;
}
