/**
 * RuleDoc → the Rule row the catalog stores: ids for documents without one, the search text, sort date and
 * JSON-encoded list columns.
 */
import { createHash } from "node:crypto";
import type { RuleDoc } from "./rule-doc";

/** The columns of a Rule row the sync writes (timestamps are added by the writer). */
export interface RuleRow {
  id: string;
  idGenerated: boolean;
  kind: string;
  name: string | null;
  title: string;
  status: string | null;
  level: string | null;
  description: string | null;
  author: string | null;
  date: string | null;
  modified: string | null;
  product: string | null;
  category: string | null;
  service: string | null;
  tags: string;
  references: string;
  falsepositives: string;
  related: string;
  logsource: string;
  issues: string;
  yaml: string;
  contentHash: string;
  sourceKey: string;
  path: string;
  sourceRevision: string | null;
  sortDate: string | null;
  searchText: string;
}

/** Longest searchText stored per rule; detection values beyond it are dropped (the title etc. come first). */
export const MAX_SEARCH_TEXT = 8000;

/**
 * A stable UUID for a document without `id`, derived from where it lives (source key, path, document index),
 * so re-syncs find the same rule. Formatted as a version-5-style UUID.
 */
export function derivedRuleId(sourceKey: string, path: string, index: number): string {
  const h = createHash("sha256").update(`${sourceKey}\n${path}\n${index}`).digest("hex");
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The text full-text search indexes: title, description, tags, ids, logsource values and detection values. */
export function buildSearchText(doc: RuleDoc, id: string): string {
  const parts = [
    doc.title,
    doc.name ?? "",
    doc.description ?? "",
    doc.tags.join(" "),
    id,
    doc.related.map((r) => r.id).join(" "),
    Object.values(doc.logsource).join(" "),
    doc.author ?? "",
  ];
  let text = parts.filter(Boolean).join("\n");
  for (const word of new Set(doc.detectionWords)) {
    if (text.length + word.length + 1 > MAX_SEARCH_TEXT) break;
    text += ` ${word}`;
  }
  return text.slice(0, MAX_SEARCH_TEXT);
}

/** Builds the row of one document. `yaml` is the whole file text (documents of one file share it). */
export function toRuleRow(doc: RuleDoc, id: string, ctx: { sourceKey: string; path: string; revision: string | null; yaml: string; contentHash: string }): RuleRow {
  return {
    id,
    idGenerated: doc.id === null,
    kind: doc.kind,
    name: doc.name,
    title: doc.title,
    status: doc.status,
    level: doc.level,
    description: doc.description,
    author: doc.author,
    date: doc.date,
    modified: doc.modified,
    product: doc.logsource.product ?? null,
    category: doc.logsource.category ?? null,
    service: doc.logsource.service ?? null,
    tags: JSON.stringify(doc.tags),
    references: JSON.stringify(doc.references),
    falsepositives: JSON.stringify(doc.falsepositives),
    related: JSON.stringify(doc.related),
    logsource: JSON.stringify(doc.logsource),
    issues: JSON.stringify(doc.issues),
    yaml: ctx.yaml,
    contentHash: ctx.contentHash,
    sourceKey: ctx.sourceKey,
    path: ctx.path,
    sourceRevision: ctx.revision,
    sortDate: doc.modified ?? doc.date,
    searchText: buildSearchText(doc, id),
  };
}
