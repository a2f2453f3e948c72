/**
 * Attributes every Sigma document shares (title, id, status, dates, tags…): typed, validated against the
 * spec's enumerations and formats, with custom attributes kept as parsed YAML.
 */
import type { LogSource, RelatedType, RuleLevel, RuleStatus, SigmaCommon } from "./model";
import type { DocContext } from "./doc-context";
import { childPos, keyOffset, type PosNode } from "./yaml-positions";

const STATUSES: readonly RuleStatus[] = ["stable", "test", "experimental", "deprecated", "unsupported"];
const LEVELS: readonly RuleLevel[] = ["informational", "low", "medium", "high", "critical"];
const RELATED_TYPES: readonly RelatedType[] = ["derived", "obsolete", "merged", "renamed", "similar"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TAG = /^[a-z0-9_-]+\.[a-z0-9._-]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LEGACY_DATE = /^(\d{4})\/(\d{2})\/(\d{2})$/;

/** Attributes the spec defines for all document kinds; anything else is custom. */
export const COMMON_KEYS = new Set([
  "title", "id", "name", "related", "taxonomy", "status", "description", "license", "author", "references",
  "date", "modified", "falsepositives", "level", "tags", "scope", "fields",
]);

/** Reads the shared attributes of a document mapping. `known` lists the kind-specific keys (not custom). */
export function parseCommon(
  doc: Record<string, unknown>, pos: PosNode, ctx: DocContext, known: ReadonlySet<string>, line: number,
): SigmaCommon {
  const r = new AttributeReader(doc, pos, ctx);
  const title = r.string("title");
  if (doc.title === undefined || doc.title === null) r.missing("title");
  if (title !== undefined && title.length > 256) r.warn("attribute-too-long", "title", "'title' is longer than 256 characters");
  const common: SigmaCommon = {
    title: title ?? "",
    related: r.related(),
    references: r.list("references", true),
    falsepositives: r.list("falsepositives"),
    tags: r.list("tags", true),
    scope: r.list("scope"),
    fields: r.list("fields"),
    custom: dict(),
    line,
  };
  const id = r.string("id");
  if (id !== undefined) {
    common.id = id;
    if (!UUID.test(id)) r.warn("invalid-id", "id", `'id' ${JSON.stringify(id)} is not a UUID`);
  }
  setIf(common, "name", r.string("name"));
  setIf(common, "taxonomy", r.string("taxonomy"));
  setIf(common, "description", r.string("description"));
  setIf(common, "license", r.string("license"));
  setIf(common, "author", r.string("author"));
  const status = r.string("status");
  if (status !== undefined) {
    if ((STATUSES as readonly string[]).includes(status)) common.status = status as RuleStatus;
    else r.warn("invalid-status", "status", `'status' ${JSON.stringify(status)} is not one of ${STATUSES.join(", ")}`);
  }
  const level = r.string("level");
  if (level !== undefined) {
    if ((LEVELS as readonly string[]).includes(level)) common.level = level as RuleLevel;
    else r.warn("invalid-level", "level", `'level' ${JSON.stringify(level)} is not one of ${LEVELS.join(", ")}`);
  }
  setIf(common, "date", r.date("date"));
  setIf(common, "modified", r.date("modified"));
  common.tags.forEach((tag, i) => {
    if (!TAG.test(tag)) r.warnAt("invalid-tag", childPos(childPos(pos, "tags"), i).offset, "tags", `tag '${tag}' does not match namespace.value in lower case`);
  });
  for (const key of Object.keys(doc)) {
    if (!COMMON_KEYS.has(key) && !known.has(key)) common.custom[key] = doc[key];
  }
  return common;
}

/** A null-prototype record: attribute names come from the rule author (`__proto__` included). */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function setIf<K extends keyof SigmaCommon>(target: SigmaCommon, key: K, value: SigmaCommon[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** Reads the `logsource` mapping (lower-case strings; extra keys kept in `custom`). */
export function parseLogSource(value: unknown, pos: PosNode, ctx: DocContext, required: boolean): LogSource {
  const ls: LogSource = { custom: dict() };
  if (value === undefined || value === null) {
    if (required) ctx.report("missing-attribute", "'logsource' is missing", pos.offset, "logsource");
    return ls;
  }
  const at = childPos(pos, "logsource");
  if (typeof value !== "object" || Array.isArray(value)) {
    ctx.report("invalid-attribute-type", "'logsource' must be a mapping", at.offset, "logsource");
    return ls;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== "string") {
      if (v !== null) ctx.report("invalid-logsource", `logsource '${key}' must be a string`, childPos(at, key).offset, `logsource.${key}`);
      continue;
    }
    if (key === "product" || key === "category" || key === "service" || key === "definition") ls[key] = v;
    else ls.custom[key] = v;
  }
  return ls;
}

/** Typed access to the attributes of one document mapping, reporting type problems at the right place. */
export class AttributeReader {
  constructor(
    private readonly doc: Record<string, unknown>,
    private readonly pos: PosNode,
    private readonly ctx: DocContext,
  ) {}

  private at(key: string): number {
    return childPos(this.pos, key).offset;
  }

  missing(key: string): void {
    this.ctx.report("missing-attribute", `'${key}' is missing`, this.pos.offset, key);
  }

  warn(code: "attribute-too-long" | "invalid-id" | "invalid-status" | "invalid-level" | "invalid-date" | "legacy-date-format", key: string, message: string): void {
    this.ctx.report(code, message, this.at(key), key);
  }

  warnAt(code: "invalid-tag" | "invalid-related-type" | "invalid-id" | "duplicate-list-item", offset: number, key: string, message: string): void {
    this.ctx.report(code, message, offset, key);
  }

  /** A string attribute; numbers are accepted as their text (YAML `name: 1234`). */
  string(key: string): string | undefined {
    const v = this.doc[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    this.ctx.report("invalid-attribute-type", `'${key}' must be a string`, this.at(key), key);
    return undefined;
  }

  /** A list of strings; a single string is accepted as a one-item list. */
  list(key: string, unique = false): string[] {
    const v = this.doc[key];
    if (v === undefined || v === null) return [];
    const items = Array.isArray(v) ? v : [v];
    const out: string[] = [];
    items.forEach((item, i) => {
      if (typeof item === "string" || typeof item === "number") {
        const s = String(item);
        if (unique && out.includes(s)) this.warnAt("duplicate-list-item", childPos(childPos(this.pos, key), i).offset, key, `'${key}' lists '${s}' twice`);
        out.push(s);
      } else if (item !== null) {
        this.ctx.report("invalid-attribute-type", `'${key}' items must be strings`, childPos(childPos(this.pos, key), i).offset, key);
      }
    });
    return out;
  }

  /** A date in ISO form; the v1 `YYYY/MM/DD` form is normalised with a warning. */
  date(key: string): string | undefined {
    const raw = this.string(key);
    if (raw === undefined) return undefined;
    const iso = ISO_DATE.exec(raw);
    const legacy = iso ? null : LEGACY_DATE.exec(raw);
    const m = iso ?? legacy;
    if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      this.warn("invalid-date", key, `'${key}' ${JSON.stringify(raw)} is not a YYYY-MM-DD date`);
      return undefined;
    }
    if (legacy) this.warn("legacy-date-format", key, `'${key}' uses the old YYYY/MM/DD form; write ${m[1]}-${m[2]}-${m[3]}`);
    return `${m[1]}-${m[2]}-${m[3]}`;
  }

  related(): SigmaCommon["related"] {
    const v = this.doc.related;
    if (v === undefined || v === null) return [];
    const at = childPos(this.pos, "related");
    if (!Array.isArray(v)) {
      this.ctx.report("invalid-attribute-type", "'related' must be a list of {id, type}", at.offset, "related");
      return [];
    }
    const out: SigmaCommon["related"] = [];
    v.forEach((item, i) => {
      const itemAt = childPos(at, i);
      if (item === null || typeof item !== "object" || typeof (item as { id?: unknown }).id !== "string") {
        this.ctx.report("invalid-attribute-type", "'related' entries need an 'id' string and a 'type'", itemAt.offset, "related");
        return;
      }
      const { id, type } = item as { id: string; type?: unknown };
      const typeText = typeof type === "string" ? type : "";
      if (!UUID.test(id)) this.warnAt("invalid-id", childPos(itemAt, "id").offset, "related", `related id ${JSON.stringify(id)} is not a UUID`);
      if (!(RELATED_TYPES as readonly string[]).includes(typeText)) {
        this.warnAt("invalid-related-type", keyOffset(itemAt, "type"), "related", `related type ${JSON.stringify(type ?? null)} is not one of ${RELATED_TYPES.join(", ")}`);
      }
      out.push({ id, type: typeText });
    });
    return out;
  }
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}
