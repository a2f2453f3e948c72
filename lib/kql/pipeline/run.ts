/**
 * The target pipeline: `select-route` → `map-fields` → `transform-values` → `check-columns` → `emit`, or
 * `fail-unsupported` with the reasons collected from every route that was tried.
 */
import type { LogSource, MatchExpr } from "../../sigma";
import type { ColumnRef, KqlCond, KqlText } from "../emit/ir";
import { lowerCond } from "../emit/lower";
import type { LowerProblem } from "../emit/lower-string";
import { printQuery } from "../emit/print";
import type { KqlTarget, TableRoute } from "../target";
import { bindExpr, type BindContext, type BindProblem } from "./bind";
import { candidateRoutes, describeLogSource } from "./select-route";
import { impliedVerdict } from "./implied";

/** A converted rule: the route taken, its table and the query text. */
export interface PipelineSuccess {
  ok: true;
  route: TableRoute;
  query: string;
  columns: string[];
  trace: string[];
  /** The route filter's and the rule's `| where` conjuncts, for callers that build larger queries. */
  filter: KqlText[];
  extends: Map<string, string>;
  condition: KqlText[];
}

/** A rule no route can carry: the reasons, each tagged with the route that gave it. */
export interface PipelineFailure {
  ok: false;
  problems: (BindProblem & { route?: string })[];
  trace: string[];
}

/** What the emitter needs from a bound route: the filter and rule predicates, and the columns they read. */
export interface BoundRoute {
  route: TableRoute;
  filter: KqlText[];
  cond: KqlCond;
  columns: string[];
  /** `| extend` definitions the condition reads, name → expression. */
  extends: Map<string, string>;
}

function collectColumns(cond: KqlCond, out: Set<string>, extends_?: Map<string, string>): void {
  const add = (c: ColumnRef) => {
    c.columns.forEach((x) => out.add(x));
    if (c.extend && extends_) extends_.set(c.extend.name, c.extend.definition);
  };
  switch (cond.kind) {
    case "and":
    case "or":
      cond.items.forEach((i) => collectColumns(i, out, extends_));
      return;
    case "not":
      collectColumns(cond.item, out, extends_);
      return;
    case "const":
      return;
    case "bound": {
      const t = cond.test;
      if (t.kind === "test") add(t.col);
      else if (t.kind === "fieldref") { add(t.col); add(t.other); }
      else if (t.kind === "keywords") t.cols.forEach(add);
      else t.columns.forEach((x) => out.add(x));
    }
  }
}

/** Lower-case names of every field the expression tests. */
function testedFields(expr: MatchExpr, out = new Set<string>()): Set<string> {
  if (expr.kind === "leaf") { if (expr.leaf.field) out.add(expr.leaf.field.toLowerCase()); }
  else if (expr.kind === "and" || expr.kind === "or") expr.items.forEach((i) => testedFields(i, out));
  else if (expr.kind === "not") testedFields(expr.item, out);
  return out;
}

/** Splits a lowered condition into `| where` conjuncts. */
function conjuncts(text: KqlText): KqlText[] {
  if (text.kind === "atom" && text.text === "true") return [];
  return text.kind === "and" ? text.items : [text];
}

/**
 * Binds a match expression to one route: the rule's condition and the route's filter, over that route's table.
 * Problems go to `problems`; `used` collects the step ids that applied.
 */
export function bindToRoute(expr: MatchExpr, route: TableRoute, target: KqlTarget, problems: BindProblem[], used: Set<string>): BoundRoute | null {
  const columns = target.schema[route.table];
  if (!columns) {
    problems.push({ code: "unknown-table", message: `target data routes to ${route.table}, which is not in the schema` });
    return null;
  }
  const ctx: BindContext = { route, columns, problems, used, watchlists: target.watchlists };
  const cond = bindExpr(expr, ctx);
  const filterCtx: BindContext = { route, columns, problems, used: new Set(), preferColumns: true };
  const filterCond = route.filter ? bindExpr(route.filter, filterCtx) : ({ kind: "const", value: true } as KqlCond);
  if (problems.length) return null;
  if (cond.kind === "const" && !cond.value) {
    problems.push({ code: "never-matches", message: `on ${route.table} the rule's condition can never be true` });
    return null;
  }
  const lowerProblems: LowerProblem[] = [];
  const filter = conjuncts(lowerCond(filterCond, lowerProblems));
  problems.push(...lowerProblems);
  const cols = new Set<string>();
  const extendsUsed = new Map<string, string>();
  collectColumns(filterCond, cols);
  collectColumns(cond, cols, extendsUsed);
  return problems.length ? null : { route, filter, cond, columns: [...cols], extends: extendsUsed };
}

/** Runs the pipeline for one rule expression and logsource on a target. */
export function runPipeline(expr: MatchExpr, logsource: LogSource, target: KqlTarget): PipelineSuccess | PipelineFailure {
  const trace = ["select-route"];
  const routes = candidateRoutes(target, logsource);
  if (routes.length === 0) {
    trace.push("fail-unsupported");
    return {
      ok: false,
      trace,
      problems: [{ code: "no-table-for-logsource", message: `${target.label} has no table for ${describeLogSource(logsource)}` }],
    };
  }
  const all: PipelineFailure["problems"] = [];
  const tested = testedFields(expr);
  for (const route of routes) {
    const problems: BindProblem[] = [];
    const missing = (route.requiredFields ?? []).filter((f) => !tested.has(f.toLowerCase()));
    if (missing.length) {
      trace.push(`tried:${route.id}`);
      all.push({ code: "route-needs-field", route: route.id, message: `${route.table} holds only some events of this log; the rule must select them with ${missing.join(", ")}` });
      continue;
    }
    const used = new Set<string>();
    if (impliedVerdict(expr, route) === false) {
      trace.push(`tried:${route.id}`);
      all.push({ code: "no-table-for-event", route: route.id, message: `${route.table} holds only ${route.note ?? `the events of route ${route.id}`}, which the rule does not select` });
      continue;
    }
    const bound = bindToRoute(expr, route, target, problems, used);
    if (bound) {
      const lowerProblems: LowerProblem[] = [];
      const text = lowerCond(bound.cond, lowerProblems);
      if (lowerProblems.length === 0) {
        trace.push(`route:${route.id}`, "map-fields", ...[...used].sort(), "check-columns", "emit");
        const query = printQuery(route.table, bound.filter, [...bound.extends].map(([n, d]) => `| extend ${n} = ${d}`), conjuncts(text));
        return { ok: true, route, query, columns: bound.columns, trace, filter: bound.filter, extends: bound.extends, condition: conjuncts(text) };
      }
      problems.push(...lowerProblems);
    }
    trace.push(`tried:${route.id}`);
    for (const p of problems) all.push({ ...p, route: route.id });
  }
  trace.push("fail-unsupported");
  return { ok: false, trace, problems: all };
}
