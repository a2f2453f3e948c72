/**
 * Steps `map-fields` and `transform-values`: binds every Sigma leaf of a rule to the route's columns, applying
 * the value transforms the field mappings name. Anything that cannot be bound exactly is a problem, never a guess.
 */
import type { MatchExpr, MatchLeaf } from "../../sigma";
import type { ColumnRef, KqlCond, KqlType } from "../emit/ir";
import { combine, negate } from "../emit/ir";
import { kqlIdentifier } from "../emit/escape";
import type { FieldMapping, TableRoute } from "../target";
import { evaluateImplied } from "./implied";
import { applyHashes } from "./transforms/hashes";
import { applyTransform } from "./transforms";
import { bindWatchlistLeaf, hasPlaceholder } from "./watchlist";

/** A reason a rule cannot be converted on a route. */
export interface BindProblem {
  code: string;
  message: string;
}

/** What binding needs: the route, its table's columns and a sink for problems. */
export interface BindContext {
  route: TableRoute;
  /** Column → Kusto type of the route's table. */
  columns: Record<string, string>;
  problems: BindProblem[];
  /** Step ids that did something, for the trace. */
  used: Set<string>;
  /** Route filters: a field that is a real column is that column, before any mapping of the same name. */
  preferColumns?: boolean;
  /** Placeholders resolve to Microsoft Sentinel watchlists of the same name (see watchlist.ts). */
  watchlists?: boolean;
}

const fieldIndexCache = new WeakMap<TableRoute, Map<string, FieldMapping>>();
const columnIndexCache = new WeakMap<Record<string, string>, Map<string, string>>();

/** A route's field map keyed by lower-case field name (memoised per route). */
export function fieldIndex(route: TableRoute): Map<string, FieldMapping> {
  let idx = fieldIndexCache.get(route);
  if (!idx) {
    idx = new Map(Object.entries(route.fields).map(([k, v]) => [k.toLowerCase(), v]));
    fieldIndexCache.set(route, idx);
  }
  return idx;
}

function columnIndex(columns: Record<string, string>): Map<string, string> {
  let idx = columnIndexCache.get(columns);
  if (!idx) {
    idx = new Map(Object.keys(columns).map((c) => [c.toLowerCase(), c]));
    columnIndexCache.set(columns, idx);
  }
  return idx;
}

/** The mapping of a Sigma field on a route: listed mappings first, then a same-named real column. */
export function lookupField(field: string, ctx: BindContext): FieldMapping | null {
  if (ctx.preferColumns && field in ctx.columns) return { column: field };
  if (Object.prototype.hasOwnProperty.call(ctx.route.fields, field)) return ctx.route.fields[field];
  const listed = fieldIndex(ctx.route).get(field.toLowerCase());
  if (listed) return listed;
  const real = columnIndex(ctx.columns).get(field.toLowerCase());
  return real ? { column: real } : null;
}

/** A reference to a real column of the table, or a problem when the target data names a missing column. */
export function columnRef(name: string, ctx: BindContext): ColumnRef | null {
  const type = ctx.columns[name];
  if (type === undefined) {
    ctx.problems.push({ code: "unknown-column", message: `target data maps to ${name}, which ${ctx.route.table} does not have` });
    return null;
  }
  return { expr: kqlIdentifier(name), type: type as KqlType, columns: [name] };
}

function exprRef(m: { expr: string; columns: string[]; type?: string; as?: string }, ctx: BindContext): ColumnRef | null {
  for (const c of m.columns) if (!(c in ctx.columns)) return columnRef(c, ctx);
  const type = (m.type ?? "string") as KqlType;
  if (m.as) return { expr: kqlIdentifier(m.as), type, columns: m.columns, extend: { name: kqlIdentifier(m.as), definition: m.expr } };
  return { expr: m.expr, type, columns: m.columns };
}

function propertyRef(m: { column: string; property: string; type?: "string" | "number" }, ctx: BindContext): ColumnRef | null {
  const base = columnRef(m.column, ctx);
  if (!base) return null;
  const access = /^[A-Za-z_][A-Za-z0-9_]*$/.test(m.property) ? `${base.expr}.${m.property}` : `${base.expr}[${JSON.stringify(m.property)}]`;
  return m.type === "number"
    ? { expr: `tolong(${access})`, type: "long", columns: base.columns }
    : { expr: `tostring(${access})`, type: "string", columns: base.columns };
}

/** A leaf bound to a column, as a condition node. */
export function boundTest(leaf: MatchLeaf, col: ColumnRef): KqlCond {
  return { kind: "bound", test: { kind: "test", leaf, col } };
}

const FALSE: KqlCond = { kind: "const", value: false };

/** Resolves a field to the column refs a plain (untransformed) test may use, for fieldref operands. */
function plainRefs(field: string, ctx: BindContext): ColumnRef[] | null {
  const m = lookupField(field, ctx);
  if (!m) {
    ctx.problems.push({ code: "unmapped-field", message: `field ${field} has no column in ${ctx.route.table}` });
    return null;
  }
  if ("column" in m && !("transform" in m) && !("property" in m)) { const r = columnRef(m.column, ctx); return r ? [r] : null; }
  if ("anyOf" in m) { const refs = m.anyOf.map((c) => columnRef(c, ctx)); return refs.every(Boolean) ? (refs as ColumnRef[]) : null; }
  if ("property" in m) { const r = propertyRef(m, ctx); return r ? [r] : null; }
  if ("expr" in m && !m.transform) { const r = exprRef(m, ctx); return r ? [r] : null; }
  ctx.problems.push({ code: "unsupported-modifier", message: `fieldref on ${field} needs its values rewritten, which a column comparison cannot do` });
  return null;
}

function bindFieldref(leaf: MatchLeaf & { kind: "fieldref" }, ctx: BindContext): KqlCond {
  const left = plainRefs(leaf.field, ctx);
  const alternatives: KqlCond[] = [];
  for (const other of leaf.values) {
    const right = plainRefs(other, ctx);
    if (!left || !right) return FALSE;
    for (const l of left) for (const r of right) alternatives.push({ kind: "bound", test: { kind: "fieldref", leaf, col: l, other: r } });
  }
  return combine("or", alternatives);
}

function bindKeywords(leaf: MatchLeaf, ctx: BindContext): KqlCond {
  const names = ctx.route.keywordColumns ?? [];
  const fields = ctx.route.keywordFields ?? [];
  if (names.length === 0 && fields.length === 0) {
    ctx.problems.push({ code: "keywords-unsupported", message: `keyword search (values without a field) has no columns to search in ${ctx.route.table}` });
    return FALSE;
  }
  const cols = names.map((n) => columnRef(n, ctx)).filter((c): c is ColumnRef => c !== null);
  const inColumns: KqlCond[] = cols.length ? [{ kind: "bound", test: { kind: "keywords", leaf, cols } }] : [];
  // A keyword is a value anywhere in the event: also test it as a value of each keyword field.
  const inFields = fields.map((field) => bindLeaf({ ...leaf, field } as MatchLeaf, ctx));
  return combine("or", [...inColumns, ...inFields]);
}

/** `boundTest`, except that placeholders become watchlist tests on targets that have watchlists. */
function plainTest(leaf: MatchLeaf, ref: ColumnRef, ctx: BindContext): KqlCond {
  if (ctx.watchlists && leaf.kind === "string" && hasPlaceholder(leaf)) return bindWatchlistLeaf(leaf, ref, ctx, (l) => boundTest(l, ref));
  return boundTest(leaf, ref);
}

function bindLeaf(leaf: MatchLeaf, ctx: BindContext): KqlCond {
  if (leaf.field === null) return bindKeywords(leaf, ctx);
  if (leaf.kind === "fieldref") return bindFieldref(leaf, ctx);
  const m = lookupField(leaf.field, ctx);
  if (!m) {
    ctx.problems.push({ code: "unmapped-field", message: `field ${leaf.field} has no column in ${ctx.route.table}` });
    return FALSE;
  }
  if ("unsupported" in m) {
    ctx.problems.push({ code: "unmapped-field", message: `field ${leaf.field}: ${m.unsupported}` });
    return FALSE;
  }
  if ("impliedBy" in m) {
    ctx.used.add("implied-fields");
    return evaluateImplied(leaf, m.values, ctx);
  }
  if ("hashes" in m) {
    ctx.used.add("transform-values");
    return applyHashes(leaf, m.hashes, ctx);
  }
  if ("anyOf" in m) {
    const refs = m.anyOf.map((c) => columnRef(c, ctx));
    if (!refs.every(Boolean)) return FALSE;
    return combine("or", (refs as ColumnRef[]).map((r) => plainTest(leaf, r, ctx)));
  }
  if ("property" in m) {
    const r = propertyRef(m, ctx);
    return r ? plainTest(leaf, r, ctx) : FALSE;
  }
  const ref = "expr" in m ? exprRef(m, ctx) : columnRef(m.column, ctx);
  if (!ref) return FALSE;
  const transform = "transform" in m ? m.transform : undefined;
  if (!transform) return plainTest(leaf, ref, ctx);
  ctx.used.add("transform-values");
  return applyTransform(transform, leaf, ref, ctx);
}

/** Binds a rule's match expression to a route: a KQL condition tree plus problems in `ctx`. */
export function bindExpr(expr: MatchExpr, ctx: BindContext): KqlCond {
  switch (expr.kind) {
    case "and":
    case "or":
      return combine(expr.kind, expr.items.map((i) => bindExpr(i, ctx)));
    case "not":
      return negate(bindExpr(expr.item, ctx));
    case "const":
      return expr;
    case "leaf":
      return bindLeaf(expr.leaf, ctx);
  }
}
