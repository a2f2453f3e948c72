/**
 * Sigma correlation rules as `summarize … by bin(<time>, <timespan>)` queries over the table their base rules
 * convert to. Base rules must all land on the same table; otherwise (or for types whose KQL form would be
 * approximate) the correlation is unsupported with a reason.
 */
import type { SigmaCorrelation, SigmaIssue, SigmaRule } from "../sigma";
import { kqlIdentifier, kqlNumber } from "./emit/escape";
import type { KqlText } from "./emit/ir";
import { printFlat } from "./emit/print";
import { lookupField, type BindContext } from "./pipeline/bind";
import { runPipeline, type PipelineSuccess } from "./pipeline/run";
import type { ConversionResult, KqlTarget } from "./target";
import { buildMatchExpr } from "../sigma";

function issue(code: string, message: string): SigmaIssue {
  return { code, message, severity: "error" };
}

function fail(target: KqlTarget, issues: SigmaIssue[], trace: string[]): ConversionResult {
  return { target: target.id, status: "unsupported", table: null, query: null, columns: [], issues, trace };
}

/** A Sigma timespan (`5m`, `1h`, `2d`, `30s`) as a KQL timespan literal. */
export function kqlTimespan(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

function andText(items: KqlText[]): KqlText {
  return items.length === 1 ? items[0] : { kind: "and", items };
}

const COMPARE: [keyof NonNullable<SigmaCorrelation["condition"]>, string][] = [
  ["gt", ">"], ["gte", ">="], ["lt", "<"], ["lte", "<="], ["eq", "=="], ["neq", "!="],
];

/** Converts a correlation rule; `resolveRule` finds base rules by id or name. */
export function convertCorrelation(doc: SigmaCorrelation, target: KqlTarget, resolveRule?: (ref: string) => SigmaRule | undefined): ConversionResult {
  const trace = ["correlation"];
  const agg: Record<string, string> = { event_count: "count()", value_count: "count_distinct", value_sum: "sum", value_avg: "avg" };
  if (doc.type === "temporal_ordered" || doc.type === "value_percentile" || doc.type === "value_median") {
    return fail(target, [issue("correlation-type-unsupported", `correlation type ${doc.type} has no exact KQL form here`)], trace);
  }
  if (Object.keys(doc.aliases).length > 0) {
    return fail(target, [issue("correlation-aliases-unsupported", "field aliases across base rules are not converted")], trace);
  }
  const bases: PipelineSuccess[] = [];
  for (const ref of doc.rules) {
    const rule = resolveRule?.(ref);
    if (!rule) return fail(target, [issue("correlation-rule-unresolved", `base rule ${ref} was not found`)], trace);
    const r = runPipeline(buildMatchExpr(rule.detection), rule.logsource, target);
    if (!r.ok) {
      return fail(target, [issue("correlation-base-unsupported", `base rule ${ref} does not convert: ${r.problems.map((p) => p.code).join(", ")}`)], trace);
    }
    bases.push(r);
  }
  if (bases.length === 0) return fail(target, [issue("correlation-rule-unresolved", "the correlation names no rules")], trace);
  const route = bases[0].route;
  if (bases.some((b) => b.route.table !== route.table || JSON.stringify(b.filter) !== JSON.stringify(bases[0].filter))) {
    return fail(target, [issue("correlation-mixed-tables", "the base rules convert to different tables or routes")], trace);
  }
  const columns = target.schema[route.table];
  const timeColumn = "Timestamp" in columns ? "Timestamp" : "TimeGenerated";
  const ctx: BindContext = { route, columns, problems: [], used: new Set() };
  const columnOf = (field: string): string | null => {
    const m = lookupField(field, ctx);
    return m && "column" in m && !("transform" in m) && !("property" in m) && m.column in columns ? m.column : null;
  };
  const groupBy: string[] = [];
  for (const f of doc.groupBy) {
    const c = columnOf(f);
    if (!c) return fail(target, [issue("unmapped-field", `group-by field ${f} has no plain column in ${route.table}`)], trace);
    groupBy.push(kqlIdentifier(c));
  }
  const conds = bases.map((b) => andText(b.condition.length ? b.condition : [{ kind: "atom", text: "true" }]));
  const by = [`bin(${timeColumn}, ${kqlTimespan(doc.timespan.seconds)})`, ...groupBy].join(", ");
  const lines = [route.table, ...bases[0].filter.map((f) => `| where ${printFlat(f)}`)];
  const extendsUsed = new Map(bases.flatMap((b) => [...b.extends]));
  lines.push(...[...extendsUsed].map(([n, d]) => `| extend ${n} = ${d}`));
  const cond = doc.condition ?? {};
  const tests = (name: string) => COMPARE.filter(([k]) => cond[k] !== undefined).map(([k, op]) => `${name} ${op} ${kqlNumber(cond[k] as number)}`);
  if (doc.type === "temporal") {
    lines.push(`| where ${printFlat(conds.length === 1 ? conds[0] : { kind: "or", items: conds })}`);
    const names = bases.map((_, i) => `Rule${i + 1}`);
    lines.push(`| summarize ${names.map((n, i) => `${n} = countif(${printFlat(conds[i])})`).join(", ")} by ${by}`);
    lines.push(`| where ${names.map((n) => `${n} > 0`).join(" and ")}`);
  } else {
    lines.push(`| where ${printFlat(conds.length === 1 ? conds[0] : { kind: "or", items: conds })}`);
    let expr = agg[doc.type];
    if (doc.type !== "event_count") {
      const field = cond.field ? columnOf(cond.field) : null;
      if (!field) return fail(target, [issue("unmapped-field", `correlation field ${cond.field ?? "(none)"} has no plain column in ${route.table}`)], trace);
      expr = `${expr}(${kqlIdentifier(field)})`;
    }
    const name = doc.type === "event_count" ? "EventCount" : doc.type === "value_count" ? "ValueCount" : doc.type === "value_sum" ? "ValueSum" : "ValueAvg";
    lines.push(`| summarize ${name} = ${expr} by ${by}`);
    const t = tests(name);
    if (t.length === 0) return fail(target, [issue("invalid-correlation-condition", "the correlation has no comparison")], trace);
    lines.push(`| where ${t.join(" and ")}`);
  }
  const cols = new Set<string>([timeColumn, ...bases.flatMap((b) => b.columns)]);
  for (const g of doc.groupBy) { const c = columnOf(g); if (c) cols.add(c); }
  return { target: target.id, status: "converted", table: route.table, query: lines.join("\n"), columns: [...cols], issues: [], trace: [...trace, `route:${route.id}`, "emit"] };
}
