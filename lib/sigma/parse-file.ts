/**
 * Entry points for Sigma text: every YAML document of a file → typed documents (rule, correlation, filter)
 * with their problems. Never throws: an unexpected exception becomes an `internal-error` problem.
 */
import type { ParsedDocument, ParsedFile, SigmaIssue, SigmaRule } from "./model";
import { DocContext } from "./doc-context";
import { makeIssue } from "./issues";
import { parseDetection } from "./detection";
import { parseCommon, parseLogSource } from "./parse-common";
import { parseCorrelation, parseFilter } from "./parse-meta";
import { childPos, LineIndex, loadYamlDocuments, type YamlDocument } from "./yaml-positions";

const RULE_KEYS = new Set(["logsource", "detection"]);
const CORRELATION_KEYS = new Set(["correlation", "generate"]);
const FILTER_KEYS = new Set(["logsource", "filter"]);

/** Parses all YAML documents of a Sigma file (detection rules, correlations, filters). */
export function parseSigmaFile(text: string): ParsedFile {
  const lines = new LineIndex(text);
  const file: ParsedFile = { documents: [], issues: [] };
  let docs: YamlDocument[];
  try {
    docs = loadYamlDocuments(text);
  } catch (error) {
    file.issues.push(makeIssue("internal-error", `YAML loading failed unexpectedly: ${String(error)}`, { line: 1, col: 1 }));
    return file;
  }
  if (docs.length === 0 || docs.every((d) => d.value === null && !d.error)) {
    file.issues.push(makeIssue("empty-file", "the file holds no YAML document", { line: 1, col: 1 }));
    return file;
  }
  docs.forEach((doc, index) => {
    if (doc.value === null && !doc.error && docs.length > 1) return; // an empty document between `---` lines
    const parsed = parseDocument(doc, index, lines);
    parsed.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
    file.documents.push(parsed);
  });
  return file;
}

function parseDocument(doc: YamlDocument, index: number, lines: LineIndex): ParsedDocument {
  const ctx = new DocContext(lines);
  if (doc.error) {
    ctx.report("yaml-syntax", `invalid YAML: ${doc.error.message}`, doc.error.offset);
    return { document: null, issues: ctx.issues, index };
  }
  try {
    const value = doc.value;
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      ctx.report("not-a-mapping", "a Sigma document must be a mapping of attributes", doc.offset);
      return { document: null, issues: ctx.issues, index };
    }
    const map = value as Record<string, unknown>;
    const line = ctx.line(doc.offset);
    if ("correlation" in map) {
      const common = parseCommon(map, doc.pos, ctx, CORRELATION_KEYS, line);
      return { document: parseCorrelation(map, doc.pos, ctx, common), issues: ctx.issues, index };
    }
    if ("filter" in map && !("detection" in map)) {
      const common = parseCommon(map, doc.pos, ctx, FILTER_KEYS, line);
      return { document: parseFilter(map, doc.pos, ctx, common), issues: ctx.issues, index };
    }
    if (!("detection" in map)) {
      const what = "logsource" in map ? "'detection' is missing" : "the document has no 'detection', 'correlation' or 'filter' section";
      ctx.report("logsource" in map ? "missing-attribute" : "unknown-document-kind", what, doc.offset, "detection");
      return { document: null, issues: ctx.issues, index };
    }
    // The shared attributes object becomes the rule (no copy: this runs once per document).
    const rule = parseCommon(map, doc.pos, ctx, RULE_KEYS, line) as SigmaRule;
    rule.kind = "rule";
    rule.logsource = parseLogSource(map.logsource, doc.pos, ctx, true);
    rule.detection = parseDetection(map.detection, childPos(doc.pos, "detection"), ctx);
    return { document: rule, issues: ctx.issues, index };
  } catch (error) {
    const message = error instanceof Error ? `${error.message}` : String(error);
    ctx.report("internal-error", `unexpected failure while reading the document: ${message}`, doc.offset);
    return { document: null, issues: ctx.issues, index };
  }
}

/**
 * The first detection rule of a file and all problems of the file (file-level and that document's).
 * `rule` is null when the file holds no usable detection rule. A rule with error-severity issues is still
 * returned (the catalog shows it) but must not be converted.
 */
export function parseRule(text: string): { rule: SigmaRule | null; issues: SigmaIssue[] } {
  const file = parseSigmaFile(text);
  const doc = file.documents.find((d) => d.document?.kind === "rule");
  if (doc) return { rule: doc.document as SigmaRule, issues: [...file.issues, ...doc.issues] };
  return { rule: null, issues: [...file.issues, ...file.documents.flatMap((d) => d.issues)] };
}
