/**
 * `convertToKql`: one Sigma document → one KQL query for one target, as data. Detection rules go through the
 * target pipeline; correlation rules are built from their base rules' conversions; filters are not detections.
 */
import { buildMatchExpr, type ParsedDocument, type SigmaDocument, type SigmaIssue, type SigmaRule } from "../sigma";
import { convertCorrelation } from "./correlation";
import { runPipeline } from "./pipeline/run";
import type { ConversionResult, KqlTarget, TargetId } from "./target";
import { TARGETS } from "./targets";

/** Optional context: how a correlation finds the rules it names (by id or name). */
export interface ConvertContext {
  resolveRule?: (ref: string) => SigmaRule | undefined;
}

/** A conversion issue with `error` severity. */
export function conversionIssue(code: string, message: string): SigmaIssue {
  return { code, message, severity: "error" };
}

/** Result constructor for failures. */
export function failed(target: TargetId, status: "unsupported" | "invalid", issues: SigmaIssue[], trace: string[], table: string | null = null): ConversionResult {
  return { target, status, table, query: null, columns: [], issues, trace };
}

/** Converts a detection rule on a target object (used by correlations and tests with custom targets). */
export function convertRuleOn(rule: SigmaRule, target: KqlTarget): ConversionResult {
  if (rule.detection.conditions.length === 0) {
    return failed(target.id, "invalid", [conversionIssue("missing-condition", "the rule has no usable condition")], []);
  }
  const expr = buildMatchExpr(rule.detection);
  const result = runPipeline(expr, rule.logsource, target);
  if (result.ok) {
    return { target: target.id, status: "converted", table: result.route.table, query: result.query, columns: result.columns, issues: [], trace: result.trace };
  }
  const seen = new Set<string>();
  const issues: SigmaIssue[] = [];
  for (const p of result.problems) {
    const key = `${p.code}\u0000${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(conversionIssue(p.code, p.message));
  }
  return failed(target.id, "unsupported", issues, result.trace);
}

/** Converts one Sigma document for one target. Never throws: unexpected failures become an `internal-error` issue. */
export function convertToKql(doc: SigmaDocument, target: TargetId, ctx: ConvertContext = {}): ConversionResult {
  const t = TARGETS[target];
  try {
    if (doc.kind === "filter") {
      return failed(target, "unsupported", [conversionIssue("filter-rule", "a filter is tuning applied to other rules, not a detection of its own")], []);
    }
    if (doc.kind === "correlation") return convertCorrelation(doc, t, ctx.resolveRule);
    return convertRuleOn(doc, t);
  } catch (e) {
    return failed(target, "invalid", [conversionIssue("internal-error", `converter failed: ${e instanceof Error ? e.message : String(e)}`)], []);
  }
}

/**
 * Converts a parsed document, honouring its parse problems: a document with an error is `invalid`, except the
 * v1 pipe aggregation, which is valid-but-obsolete Sigma and reported as `unsupported` (deprecated-aggregation).
 */
export function convertParsed(parsed: ParsedDocument, target: TargetId, ctx: ConvertContext = {}): ConversionResult {
  const errors = parsed.issues.filter((i) => i.severity === "error");
  if (errors.length > 0 || !parsed.document) {
    const agg = errors.find((i) => i.code === "deprecated-aggregation");
    if (agg && parsed.document) return failed(target, "unsupported", [agg], []);
    return failed(target, "invalid", errors.length ? errors : [conversionIssue("invalid-document", "the document could not be read")], []);
  }
  return convertToKql(parsed.document, target, ctx);
}
