/**
 * The `detection` section: search identifiers (maps, lists of maps, keyword lists) → MatchExpr, and the
 * condition(s) parsed against them. Problems are reported with the YAML location of the key or value.
 */
import type { ConditionNode, MatchExpr, SigmaDetection } from "./model";
import { buildItemExpr, type ItemContext } from "./field-values";
import type { IssueCode } from "./issues";
import { parseCondition } from "./condition/parser";
import { andOf, collectRefs, orOf } from "./match-expr";
import type { DocContext } from "./doc-context";
import { childPos, keyOffset, type PosNode } from "./yaml-positions";

/** Detection keys that are not search identifiers (v1 `timeframe` belonged to aggregations). */
const NON_SEARCH_KEYS = new Set(["condition", "timeframe"]);

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Reads a detection mapping. Returns an empty detection (and reports) when the value is not usable. */
export function parseDetection(value: unknown, pos: PosNode, ctx: DocContext, path = "detection"): SigmaDetection {
  // A null-prototype map: a search identifier may be called anything, `__proto__` included.
  const searches = Object.create(null) as SigmaDetection["searches"];
  const detection: SigmaDetection = { searches, conditions: [], conditionText: [] };
  if (!isMap(value)) {
    ctx.report("invalid-attribute-type", `'${path}' must be a mapping of search identifiers and a condition`, pos.offset, path);
    return detection;
  }
  for (const name of Object.keys(value)) {
    if (NON_SEARCH_KEYS.has(name)) continue;
    const at = childPos(pos, name);
    const line = ctx.line(keyOffset(pos, name));
    const expr = buildSearch(name, value[name], at, line, ctx, `${path}.${name}`);
    const keywords = isKeywordSearch(value[name]);
    detection.searches[name] = { name, expr, keywords, line };
  }
  const names = Object.keys(detection.searches);
  if (names.length === 0) ctx.report("empty-detection", `'${path}' has no search identifier`, pos.offset, path);
  readConditions(value.condition, pos, names, detection, ctx, path);
  if (detection.conditions.length > 0) reportUnused(detection, pos, ctx, path);
  return detection;
}

function readConditions(
  raw: unknown, pos: PosNode, names: string[], detection: SigmaDetection, ctx: DocContext, path: string,
): void {
  if (raw === undefined || raw === null) {
    ctx.report("missing-attribute", `'${path}.condition' is missing`, pos.offset, `${path}.condition`);
    return;
  }
  const list = Array.isArray(raw) ? raw : [raw];
  const at = childPos(pos, "condition");
  list.forEach((item, index) => {
    const itemPos = Array.isArray(raw) ? childPos(at, index) : at;
    if (typeof item !== "string") {
      ctx.report("invalid-attribute-type", "a condition must be a string", itemPos.offset, `${path}.condition`);
      return;
    }
    detection.conditionText.push(item);
    const parsed = parseCondition(item, names);
    const base = ctx.lines.at(itemPos.offset);
    for (const issue of parsed.issues) {
      // Condition issues carry a column inside the condition text; place them in the file when it is one line.
      const inText = (issue.col ?? 1) - 1;
      issue.line = base.line;
      const quote = ctx.lines.quotedAt(itemPos.offset) ? 1 : 0;
      issue.col = item.includes("\n") ? base.col : base.col + quote + inText;
      issue.path = `${path}.condition`;
      ctx.issues.push(issue);
    }
    if (parsed.node) detection.conditions.push(parsed.node);
  });
}

function reportUnused(detection: SigmaDetection, pos: PosNode, ctx: DocContext, path: string): void {
  const used = new Set<string>();
  for (const c of detection.conditions) collectRefs(c, used);
  for (const name of Object.keys(detection.searches)) {
    if (!used.has(name)) ctx.report("unused-search", `search identifier '${name}' is not used by the condition`, keyOffset(pos, name), `${path}.${name}`);
  }
}

/** A search is a keyword search when it is a list of plain values or a map of field-less keys (`'|all':`). */
function isKeywordSearch(v: unknown): boolean {
  if (Array.isArray(v)) return !v.some(isMap);
  if (isMap(v)) return Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith("|"));
  return v !== null && v !== undefined;
}

/** Builds one search identifier: a map (items ANDed), a list of maps (ORed) or a list of keywords (ORed). */
function buildSearch(name: string, value: unknown, pos: PosNode, line: number, ctx: DocContext, path: string): MatchExpr {
  if (isMap(value)) return buildMap(name, value, pos, ctx, path);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      ctx.report("empty-value-list", `search '${name}' is an empty list (never matches)`, pos.offset, path);
      return { kind: "const", value: false };
    }
    const maps = value.filter(isMap).length;
    if (maps === value.length) {
      const items = value.map((m, i) => buildMap(name, m as Record<string, unknown>, childPos(pos, i), ctx, `${path}[${i}]`));
      return orOf(items);
    }
    if (maps > 0 || value.some(Array.isArray)) {
      ctx.report("invalid-search", `search '${name}' mixes maps and plain values`, pos.offset, path);
      return { kind: "const", value: false };
    }
    return buildItem(name, "", value, pos, line, ctx, path);
  }
  if (value === null || value === undefined) {
    ctx.report("invalid-search", `search '${name}' is empty`, pos.offset, path);
    return { kind: "const", value: false };
  }
  return buildItem(name, "", value, pos, line, ctx, path);
}

function buildMap(name: string, map: Record<string, unknown>, pos: PosNode, ctx: DocContext, path: string): MatchExpr {
  const keys = Object.keys(map);
  if (keys.length === 0) {
    ctx.report("invalid-search", `search '${name}' has an empty map`, pos.offset, path);
    return { kind: "const", value: false };
  }
  const items: MatchExpr[] = [];
  for (const key of keys) {
    const keyAt = keyOffset(pos, key);
    items.push(buildItem(name, key, map[key], childPos(pos, key), ctx.line(keyAt), ctx, `${path}.${key}`, keyAt));
  }
  return andOf(items);
}

function buildItem(
  search: string, key: string, value: unknown, valuePos: PosNode, line: number, ctx: DocContext, path: string, keyAt?: number,
): MatchExpr {
  return buildItemExpr(value, new ItemReporter(search, key, line, value, valuePos, ctx, path, keyAt));
}

/** The ItemContext of one detection item: puts problems at the value (list items) or at the key. */
class ItemReporter implements ItemContext {
  constructor(
    readonly search: string,
    readonly key: string,
    readonly line: number,
    private readonly value: unknown,
    private readonly valuePos: PosNode,
    private readonly ctx: DocContext,
    private readonly path: string,
    private readonly keyAt: number | undefined,
  ) {}

  report(code: IssueCode, message: string, valueIndex?: number): void {
    const at = valueIndex !== undefined && Array.isArray(this.value) ? childPos(this.valuePos, valueIndex).offset : this.keyAt ?? this.valuePos.offset;
    this.ctx.report(code, `search '${this.search}': ${message}`, at, this.path);
  }
}

/** All search identifiers a condition refers to (directly or through `x of` patterns). */
export function conditionRefs(node: ConditionNode): string[] {
  const out = new Set<string>();
  collectRefs(node, out);
  return [...out];
}

