/**
 * Meta-rules of Sigma v2: correlation rules (`correlation:` section) and filter rules (`filter:` section).
 * They point at other rules by id or name; {@link linkMetaRules} in link.ts resolves those references.
 */
import type { CorrelationCondition, CorrelationType, SigmaCommon, SigmaCorrelation, SigmaFilter } from "./model";
import type { DocContext } from "./doc-context";
import { parseDetection } from "./detection";
import { dict, parseLogSource } from "./parse-common";
import { childPos, keyOffset, type PosNode } from "./yaml-positions";

const CORRELATION_TYPES: readonly CorrelationType[] = [
  "event_count", "value_count", "temporal", "temporal_ordered", "value_sum", "value_avg", "value_percentile", "value_median",
];
const NEEDS_CONDITION = new Set<CorrelationType>(["event_count", "value_count", "value_sum", "value_avg", "value_percentile", "value_median"]);
const NEEDS_FIELD = new Set<CorrelationType>(["value_count", "value_sum", "value_avg", "value_percentile", "value_median"]);
const COMPARISONS = ["gt", "gte", "lt", "lte", "eq", "neq"] as const;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, M: 2592000, y: 31536000 };

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Reads a `rules:` list (ids or names; a single string is accepted). */
function readRuleRefs(v: unknown, pos: PosNode, ctx: DocContext, path: string, allowAny: boolean): string[] {
  if (v === undefined || v === null) {
    ctx.report("missing-attribute", `'${path}' is missing`, pos.offset, path);
    return [];
  }
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  list.forEach((item, i) => {
    if (typeof item === "string") out.push(item);
    else ctx.report("invalid-attribute-type", `'${path}' items must be rule ids or names`, childPos(pos, i).offset, path);
  });
  if (!allowAny && out.includes("any")) ctx.report("invalid-attribute-type", `'any' is only allowed in filter rules`, pos.offset, path);
  return out;
}

/** Reads a correlation document. `common` holds the shared attributes already read. */
export function parseCorrelation(doc: Record<string, unknown>, pos: PosNode, ctx: DocContext, common: SigmaCommon): SigmaCorrelation {
  const c = isMap(doc.correlation) ? doc.correlation : {};
  const at = childPos(pos, "correlation");
  if (!isMap(doc.correlation)) ctx.report("invalid-attribute-type", "'correlation' must be a mapping", at.offset, "correlation");
  const typeText = typeof c.type === "string" ? c.type : "";
  const type = (CORRELATION_TYPES as readonly string[]).includes(typeText) ? (typeText as CorrelationType) : "event_count";
  if (typeText !== type) {
    ctx.report("invalid-correlation-type", `correlation type ${JSON.stringify(c.type ?? null)} is not one of ${CORRELATION_TYPES.join(", ")}`, childPos(at, "type").offset, "correlation.type");
  }
  const rules = readRuleRefs(c.rules, childPos(at, "rules"), ctx, "correlation.rules", false);
  const groupBy = c["group-by"] === undefined || c["group-by"] === null ? [] : (Array.isArray(c["group-by"]) ? c["group-by"] : [c["group-by"]]).map(String);
  const timespan = readTimespan(c.timespan, childPos(at, "timespan"), ctx);
  const condition = readCorrelationCondition(c.condition, type, childPos(at, "condition"), ctx);
  const aliases = dict<Record<string, string>>();
  if (isMap(c.aliases)) {
    for (const [alias, map] of Object.entries(c.aliases)) {
      if (!isMap(map)) {
        ctx.report("invalid-attribute-type", `alias '${alias}' must map rule names to field names`, childPos(childPos(at, "aliases"), alias).offset, "correlation.aliases");
        continue;
      }
      const fields = dict<string>();
      for (const [rule, field] of Object.entries(map)) fields[rule] = String(field);
      aliases[alias] = fields;
    }
  }
  const generateRaw = c.generate ?? doc.generate;
  if (generateRaw !== undefined && typeof generateRaw !== "boolean") {
    ctx.report("invalid-attribute-type", "'generate' must be true or false", childPos(at, "generate").offset, "correlation.generate");
  }
  return { ...common, kind: "correlation", type, rules, groupBy, timespan, condition, aliases, generate: generateRaw === true };
}

function readTimespan(v: unknown, pos: PosNode, ctx: DocContext): SigmaCorrelation["timespan"] {
  const text = typeof v === "string" || typeof v === "number" ? String(v) : "";
  const m = /^(\d+)([smhdwMy])$/.exec(text);
  if (!m) {
    ctx.report("invalid-timespan", `timespan ${JSON.stringify(v ?? null)} must be a number followed by s, m, h or d (e.g. 5m)`, pos.offset, "correlation.timespan");
    return { text, seconds: 0 };
  }
  return { text, seconds: Number(m[1]) * UNIT_SECONDS[m[2]] };
}

function readCorrelationCondition(v: unknown, type: CorrelationType, pos: PosNode, ctx: DocContext): CorrelationCondition | null {
  const fail = (message: string) => ctx.report("invalid-correlation-condition", message, pos.offset, "correlation.condition");
  if (v === undefined || v === null) {
    if (NEEDS_CONDITION.has(type)) fail(`a ${type} correlation needs a condition (e.g. gte: 10)`);
    return null;
  }
  if (!isMap(v)) {
    fail("'condition' must be a mapping such as {gte: 10}");
    return null;
  }
  const out: CorrelationCondition = {};
  let comparisons = 0;
  for (const [key, value] of Object.entries(v)) {
    if ((COMPARISONS as readonly string[]).includes(key)) {
      if (typeof value !== "number") fail(`'${key}' must be a number`);
      else {
        out[key as (typeof COMPARISONS)[number]] = value;
        comparisons++;
      }
    } else if (key === "field") {
      if (typeof value === "string") out.field = value;
      else fail("'field' must be a field name");
    } else if (key === "percentile") {
      if (typeof value === "number") out.percentile = value;
      else fail("'percentile' must be a number");
    } else {
      fail(`unknown condition key '${key}'`);
    }
  }
  if (comparisons === 0) fail("the condition has no comparison (gt, gte, lt, lte, eq, neq)");
  if (NEEDS_FIELD.has(type) && out.field === undefined) fail(`a ${type} correlation needs 'field' in its condition`);
  if (type === "value_percentile" && out.percentile === undefined) fail("a value_percentile correlation needs 'percentile'");
  return out;
}

/** Reads a filter document: `filter: { rules, <selections>, condition }` plus a logsource. */
export function parseFilter(doc: Record<string, unknown>, pos: PosNode, ctx: DocContext, common: SigmaCommon): SigmaFilter {
  const at = childPos(pos, "filter");
  const f = isMap(doc.filter) ? doc.filter : {};
  if (!isMap(doc.filter)) ctx.report("invalid-attribute-type", "'filter' must be a mapping", at.offset, "filter");
  const rules = readRuleRefs(f.rules, childPos(at, "rules"), ctx, "filter.rules", true);
  const detectionPart: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (k !== "rules") detectionPart[k] = v;
  const detection = parseDetection(detectionPart, at, ctx, "filter");
  const logsource = parseLogSource(doc.logsource, pos, ctx, true);
  for (const key of ["level", "status"]) {
    if (key in doc) ctx.report("ignored-attribute", `a filter has no '${key}' (it tunes other rules)`, keyOffset(pos, key), key);
  }
  return { ...common, kind: "filter", logsource, rules, detection };
}
