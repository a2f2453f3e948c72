/**
 * lib/sigma's parse result → the catalog's RuleDoc facts and file problems. Documents with an error issue are
 * not stored (they become problems); warnings stay with the stored rule and are listed on the SyncRun.
 */
import { hasErrors, parseSigmaFile, sigmaStringText, type MatchExpr, type ParsedDocument, type SigmaDocument, type SigmaIssue } from "@/lib/sigma";
import { UUID_PATTERN, type DocIssue, type ParsedRuleFile, type RuleDoc } from "./rule-doc";

/**
 * lib/sigma reports every missing required attribute as `missing-attribute`; the catalog names the attribute
 * in the code (missing-title, missing-logsource, missing-detection, missing-condition) so problem lists read
 * at a glance.
 */
function catalogIssue(issue: SigmaIssue): DocIssue {
  let code = issue.code;
  if (code === "missing-attribute") {
    const attr = (issue.path ?? "").split(".").pop() ?? "";
    if (["title", "logsource", "detection", "condition", "correlation", "filter"].includes(attr)) code = `missing-${attr}`;
  }
  if (code === "unknown-document-kind") code = "missing-detection";
  // An id is the rule's identity in URLs and across sources: one that is not a UUID makes the document unusable.
  const severity = code === "invalid-id" ? "error" : issue.severity;
  return { ...issue, code, severity };
}

/** Parses a file's text with lib/sigma and maps the result (see module doc). */
export function parseWithSigma(text: string): ParsedRuleFile {
  const file = parseSigmaFile(text);
  const problems: DocIssue[] = file.issues.map(catalogIssue);
  const docs: RuleDoc[] = [];
  for (const parsed of file.documents) {
    const issues = parsed.issues.map(catalogIssue);
    // The v1 pipe aggregation is obsolete but valid Sigma: the rule is stored (its conversions say unsupported).
    const blocking = issues.filter((i) => i.code !== "deprecated-aggregation");
    if (!parsed.document || hasErrors(blocking as SigmaIssue[])) {
      problems.push(...issues.filter((i) => i.severity !== "info"));
      continue;
    }
    const doc = parsed.document;
    if (doc.id !== undefined && !UUID_PATTERN.test(doc.id)) {
      problems.push({ code: "invalid-id", severity: "error", message: `\`id\` ${JSON.stringify(doc.id)} is not a UUID`, line: doc.line });
      continue;
    }
    problems.push(...issues.filter((i) => i.severity !== "info").map((i) => ({ ...i, severity: "warning" as const })));
    docs.push(toRuleDoc(doc, parsed, issues));
  }
  return { docs, problems };
}

function toRuleDoc(doc: SigmaDocument, parsed: ParsedDocument, issues: DocIssue[]): RuleDoc {
  const logsource = doc.kind === "correlation" ? {} : logsourceRecord(doc.logsource);
  const words: string[] = [];
  if (doc.kind === "correlation") words.push(doc.type, ...doc.rules, ...doc.groupBy);
  else for (const search of Object.values(doc.detection.searches)) collectWords(search.expr, words);
  return {
    index: parsed.index,
    line: doc.line,
    id: doc.id ?? null,
    kind: doc.kind,
    name: doc.name ?? null,
    title: doc.title,
    status: doc.status ?? null,
    level: doc.level ?? null,
    description: doc.description ?? null,
    author: doc.author ?? null,
    date: doc.date ?? null,
    modified: doc.modified ?? null,
    logsource,
    tags: doc.tags,
    references: doc.references,
    falsepositives: doc.falsepositives,
    related: doc.related.map((r) => ({ id: r.id, type: String(r.type) })),
    detectionWords: words,
    issues,
    sigma: parsed,
  };
}

function logsourceRecord(ls: { product?: string; category?: string; service?: string; definition?: string; custom: Record<string, string> }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["product", "category", "service", "definition"] as const) if (ls[key] !== undefined) out[key] = ls[key]!;
  return { ...out, ...ls.custom };
}

/** Field names and values of a match tree, bounded (searchText is capped anyway). */
function collectWords(expr: MatchExpr, out: string[]): void {
  if (out.length > 400) return;
  switch (expr.kind) {
    case "and":
    case "or":
      for (const item of expr.items) collectWords(item, out);
      return;
    case "not":
      collectWords(expr.item, out);
      return;
    case "const":
      return;
    case "leaf": {
      const leaf = expr.leaf;
      if (leaf.field) out.push(leaf.field);
      switch (leaf.kind) {
        case "string":
          for (const v of leaf.values) out.push(sigmaStringText(v));
          break;
        case "regex":
        case "fieldref":
          out.push(...leaf.values);
          break;
        case "number":
        case "timepart":
        case "bool":
          out.push(...leaf.values.map(String));
          break;
        case "cidr":
          out.push(...leaf.values.map((v) => v.text));
          break;
        case "null":
        case "exists":
          break;
      }
    }
  }
}
