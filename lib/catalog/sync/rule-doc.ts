/**
 * RuleDoc: the facts the catalog stores about one Sigma document, taken from lib/sigma's parse.
 */

import type { ParsedDocument } from "@/lib/sigma";

/** A stored problem of a rule or file, in the SigmaIssue shape. */
export interface DocIssue {
  code: string;
  message: string;
  severity: "error" | "warning" | "info";
  line?: number;
  col?: number;
  path?: string;
}

/** One usable Sigma document of a file. */
export interface RuleDoc {
  /** 0-based index of the YAML document in its file. */
  index: number;
  /** 1-based line where the document starts. */
  line: number;
  /** The Sigma `id` as written; null when absent (the sync derives one). */
  id: string | null;
  kind: "rule" | "correlation" | "filter";
  name: string | null;
  title: string;
  status: string | null;
  level: string | null;
  description: string | null;
  author: string | null;
  date: string | null;
  modified: string | null;
  /** Every logsource key as a string (product, category, service, definition, custom keys). */
  logsource: Record<string, string>;
  tags: string[];
  references: string[];
  falsepositives: string[];
  related: { id: string; type: string }[];
  /** Values of the detection (and correlation) section, flattened for full-text search. */
  detectionWords: string[];
  /** Warnings and notes kept with the stored rule. */
  issues: DocIssue[];
  /** lib/sigma's parse of this document (what the KQL converter takes). */
  sigma: ParsedDocument;
}

/** The outcome of reading one file's text: usable documents, plus problems (errors make a document unusable). */
export interface ParsedRuleFile {
  docs: RuleDoc[];
  problems: DocIssue[];
}

/** Sigma ids are UUIDs (any version), written in lower or upper case. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
