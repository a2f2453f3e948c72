/**
 * A light structural reading of a Sigma file with js-yaml: YAML syntax (with line), one mapping per document,
 * title / logsource / detection / condition present, id format, condition identifiers and modifier names.
 * It extracts the catalog's RuleDoc facts without lib/sigma's full model, so the catalog can be built while
 * (or where) the full parser is not available.
 */
import { loadAll } from "js-yaml";
import { UUID_PATTERN, type DocIssue, type ParsedRuleFile, type RuleDoc } from "./rule-doc";

/** Modifier names Sigma defines (spec v2.1). */
const KNOWN_MODIFIERS = new Set([
  "contains", "startswith", "endswith", "all", "base64", "base64offset", "wide", "utf16le", "utf16be", "utf16",
  "windash", "re", "i", "m", "s", "cidr", "lt", "lte", "gt", "gte", "exists", "fieldref", "cased", "expand", "neq",
  "minute", "hour", "day", "week", "month", "year",
]);
const CONDITION_WORDS = new Set(["and", "or", "not", "of", "all", "them", "any", "1"]);

const str = (v: unknown): string | null => (typeof v === "string" ? v : typeof v === "number" || v instanceof Date ? String(v instanceof Date ? v.toISOString().slice(0, 10) : v) : null);
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((s): s is string => s !== null) : typeof v === "string" ? [v] : []);

/** 1-based first line at or after `from` whose text matches, or `fallback`. */
function lineOf(lines: string[], pattern: RegExp, from: number, fallback: number): number {
  for (let i = from - 1; i < lines.length; i++) if (pattern.test(lines[i])) return i + 1;
  return fallback;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Checks one file's text (already decoded); see the module doc. */
export function checkSigmaText(text: string): ParsedRuleFile {
  let documents: unknown[];
  try {
    documents = loadAll(text) as unknown[];
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    return { docs: [], problems: [{ code: "yaml-syntax", severity: "error", message: `YAML syntax error: ${reason}`, line: mark ? mark.line + 1 : undefined, col: mark ? mark.column + 1 : undefined }] };
  }
  const lines = text.split(/\r?\n/);
  const starts = [1, ...lines.flatMap((l, i) => (/^---\s*$/.test(l) && i > 0 ? [i + 2] : []))];
  const docs: RuleDoc[] = [];
  const problems: DocIssue[] = [];
  let seen = 0;
  documents.forEach((doc, index) => {
    if (doc === null || doc === undefined) return;
    seen++;
    const line = starts[Math.min(index + (/^---\s*$/.test(lines[0] ?? "") ? 1 : 0), starts.length - 1)] ?? 1;
    const errors: DocIssue[] = [];
    const at = (code: string, message: string, where = line, severity: DocIssue["severity"] = "error") => errors.push({ code, message, severity, line: where });
    if (typeof doc !== "object" || Array.isArray(doc)) {
      at("not-a-mapping", `the document is ${Array.isArray(doc) ? "a list" : `a ${typeof doc}`}, not a mapping of Sigma attributes`);
      problems.push(...errors);
      return;
    }
    const d = doc as Record<string, unknown>;
    const isFilter = !("detection" in d) && !!d.filter && typeof d.filter === "object" && !Array.isArray(d.filter);
    const kind: RuleDoc["kind"] = "correlation" in d ? "correlation" : isFilter ? "filter" : "rule";
    const title = str(d.title);
    if (!title) at("missing-title", "the rule has no `title`");
    const id = d.id === undefined || d.id === null ? null : str(d.id);
    if (d.id !== undefined && d.id !== null && (!id || !UUID_PATTERN.test(id))) {
      at("invalid-id", `\`id\` ${JSON.stringify(d.id)} is not a UUID`, lineOf(lines, /^id\s*:/, line, line));
    }
    const detection = kind === "filter" ? (d.filter as Record<string, unknown> | undefined) : (d.detection as Record<string, unknown> | undefined);
    const logsource = d.logsource;
    if (kind !== "correlation") {
      if (logsource === undefined) at("missing-logsource", "the rule has no `logsource`");
      else if (typeof logsource !== "object" || logsource === null || Array.isArray(logsource)) at("invalid-attribute-type", "`logsource` is not a mapping", lineOf(lines, /^logsource\s*:/, line, line));
      if (detection === undefined) at("missing-detection", `the rule has no \`${kind === "filter" ? "filter" : "detection"}\``);
      else if (typeof detection !== "object" || detection === null || Array.isArray(detection)) at("invalid-attribute-type", "`detection` is not a mapping", lineOf(lines, /^detection\s*:/, line, line));
      else checkDetection(detection, lines, line, at);
    }
    const words: string[] = [];
    collectValues(kind === "correlation" ? d.correlation : detection, words);
    if (errors.length) {
      problems.push(...errors);
      return;
    }
    const ls = logsource && typeof logsource === "object" ? Object.fromEntries(Object.entries(logsource).flatMap(([k, v]) => (str(v) === null ? [] : [[k, str(v)!]]))) : {};
    docs.push({
      index,
      line,
      id,
      kind,
      name: str(d.name),
      title: title!,
      status: str(d.status),
      level: str(d.level),
      description: str(d.description),
      author: str(d.author),
      date: normaliseDate(str(d.date)),
      modified: normaliseDate(str(d.modified)),
      logsource: ls,
      tags: strList(d.tags),
      references: strList(d.references),
      falsepositives: strList(d.falsepositives),
      related: Array.isArray(d.related) ? d.related.flatMap((r) => (r && typeof r === "object" && str((r as { id?: unknown }).id) ? [{ id: str((r as { id: unknown }).id)!, type: str((r as { type?: unknown }).type) ?? "" }] : [])) : [],
      detectionWords: words,
      issues: [],
      sigma: null,
    });
  });
  if (seen === 0) problems.push({ code: "empty-file", severity: "error", message: "the file holds no YAML document", line: 1 });
  return { docs, problems };
}

function normaliseDate(value: string | null): string | null {
  return value ? value.replace(/^(\d{4})\/(\d{2})\/(\d{2})$/, "$1-$2-$3") : null;
}

type At = (code: string, message: string, where?: number) => void;

function checkDetection(detection: Record<string, unknown>, lines: string[], docLine: number, at: At): void {
  const detLine = lineOf(lines, /^detection\s*:/, docLine, docLine);
  const searches = Object.keys(detection).filter((k) => k !== "condition" && k !== "timeframe");
  for (const name of searches) {
    const value = detection[name];
    const maps = Array.isArray(value) ? value.filter((v) => v && typeof v === "object" && !Array.isArray(v)) : value && typeof value === "object" ? [value] : [];
    for (const map of maps as Record<string, unknown>[]) {
      for (const key of Object.keys(map)) {
        for (const modifier of key.split("|").slice(1)) {
          if (!KNOWN_MODIFIERS.has(modifier)) {
            at("unknown-modifier", `unknown modifier \`${modifier}\` in \`${name}.${key}\``, lineOf(lines, new RegExp(`^\\s*-?\\s*['"]?${escapeRe(key)}['"]?\\s*:`), detLine, detLine));
          }
        }
      }
    }
  }
  const condition = detection.condition;
  const conditions = strList(condition);
  if (condition === undefined || conditions.length === 0) {
    at("missing-condition", "`detection` has no `condition`", detLine);
    return;
  }
  const condLine = lineOf(lines, /^\s+condition\s*:/, detLine, detLine);
  for (const text of conditions) {
    const tokens = text.split("|")[0].replace(/[()]/g, " ").split(/\s+/).filter(Boolean);
    for (const token of tokens) {
      if (CONDITION_WORDS.has(token.toLowerCase()) || /^\d+$/.test(token)) continue;
      const known = token.includes("*")
        ? searches.some((s) => new RegExp(`^${token.split("*").map(escapeRe).join(".*")}$`).test(s))
        : searches.includes(token);
      if (!known) at(token.includes("*") ? "pattern-matches-nothing" : "unknown-identifier", `the condition names \`${token}\`, which is not a search identifier of \`detection\``, condLine);
    }
  }
}

/** Collects scalar values (and field names) of a detection-like tree, bounded to keep searchText small. */
function collectValues(node: unknown, out: string[], depth = 0): void {
  if (out.length > 400 || depth > 8 || node === null || node === undefined) return;
  if (typeof node === "string" || typeof node === "number" || typeof node === "boolean") out.push(String(node));
  else if (Array.isArray(node)) for (const item of node) collectValues(item, out, depth + 1);
  else if (typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key !== "condition") out.push(key.split("|")[0]);
      collectValues(value, out, depth + 1);
    }
  }
}
