/**
 * The closed list of problem codes `lib/sigma` reports, with their default severity and a one-line meaning.
 * Codes are stable: the catalog stores them and the coverage view counts them.
 */
import type { Severity, SigmaIssue } from "./model";

interface IssueCodeInfo {
  severity: Severity;
  description: string;
}

/** Every problem code, with its default severity and a one-line description. */
export const ISSUE_CODES = {
  // YAML and document structure
  "yaml-syntax": { severity: "error", description: "The text is not valid YAML." },
  "empty-file": { severity: "error", description: "The file holds no YAML document." },
  "not-a-mapping": { severity: "error", description: "A YAML document is not a mapping of attributes." },
  "unknown-document-kind": { severity: "error", description: "A document is neither a rule (detection), a correlation nor a filter." },
  "unreadable-file": { severity: "error", description: "The file could not be read (missing, a directory, no permission, not UTF-8 text)." },
  "internal-error": { severity: "error", description: "The parser hit an unexpected state (a bug in lib/sigma); the document was skipped." },
  // Attributes
  "missing-attribute": { severity: "error", description: "A required attribute (title, logsource, detection, condition…) is missing." },
  "invalid-attribute-type": { severity: "error", description: "An attribute has the wrong YAML type (e.g. a map where a string is expected)." },
  "invalid-id": { severity: "warning", description: "`id` (or a related id) is not a UUID." },
  "invalid-status": { severity: "warning", description: "`status` is not one of stable, test, experimental, deprecated, unsupported." },
  "invalid-level": { severity: "warning", description: "`level` is not one of informational, low, medium, high, critical." },
  "invalid-related-type": { severity: "warning", description: "A `related` entry's type is not derived, obsolete, merged, renamed or similar." },
  "invalid-tag": { severity: "warning", description: "A tag does not match `namespace.value` in lower case." },
  "invalid-date": { severity: "warning", description: "`date`/`modified` is not a valid YYYY-MM-DD date." },
  "legacy-date-format": { severity: "warning", description: "`date`/`modified` uses the v1 YYYY/MM/DD form (normalised to ISO)." },
  "attribute-too-long": { severity: "warning", description: "`title`/`name` is longer than 256 characters." },
  "invalid-logsource": { severity: "warning", description: "A logsource value is not a string." },
  "duplicate-list-item": { severity: "warning", description: "A list that must hold unique items (references, tags) repeats one." },
  // Detection
  "empty-detection": { severity: "error", description: "`detection` has no search identifier." },
  "invalid-search": { severity: "error", description: "A search identifier is not a map, a list of maps or a list of values." },
  "invalid-value-type": { severity: "error", description: "A value's type does not fit its modifiers (e.g. a string under `gt`)." },
  "empty-value-list": { severity: "warning", description: "A field has an empty list of values (never matches)." },
  "null-in-list": { severity: "warning", description: "`null` appears inside a list of values; the spec wants it in its own selection." },
  "all-single-value": { severity: "warning", description: "`|all` on a single value; the spec forbids it." },
  "literal-wildcard": { severity: "info", description: "`C:\\Temp\\*.exe`: an escaped, literal `*` right after a path segment, probably meant as a backslash and a wildcard (`\\\\*`)." },
  // Modifiers
  "unknown-modifier": { severity: "error", description: "A modifier name Sigma does not define." },
  "duplicate-modifier": { severity: "warning", description: "A modifier appears twice on one key." },
  "conflicting-modifiers": { severity: "error", description: "Two modifiers that cannot be combined (e.g. contains and startswith, re and cidr)." },
  "modifier-order": { severity: "error", description: "Modifiers in an order Sigma does not allow (e.g. contains before base64)." },
  "re-not-first": { severity: "error", description: "`re` must be the first modifier (only contains/startswith/endswith/all may follow)." },
  "regex-flag-without-re": { severity: "error", description: "`i`, `m` or `s` used without `re`." },
  "utf16-without-base64": { severity: "error", description: "`wide`/`utf16*` must be followed by `base64` or `base64offset`." },
  "exists-not-standalone": { severity: "error", description: "`exists` cannot be combined with other modifiers." },
  "wildcard-in-encoded-value": { severity: "error", description: "A value under base64/base64offset/utf16 contains a wildcard." },
  "invalid-regex": { severity: "error", description: "A `re` value is not a valid regular expression." },
  "unsupported-regex-feature": { severity: "warning", description: "A `re` value uses metacharacters outside Sigma's PCRE subset." },
  "invalid-cidr": { severity: "error", description: "A `cidr` value is not an IPv4 or IPv6 network." },
  "too-many-variants": { severity: "error", description: "`windash` would produce more value variants than the limit." },
  "missing-field": { severity: "error", description: "A modifier that needs a field (exists, cidr, fieldref, time parts) is used on keywords." },
  // Condition
  "condition-syntax": { severity: "error", description: "The condition cannot be parsed (unexpected token, missing parenthesis…)." },
  "unknown-identifier": { severity: "error", description: "The condition names a search identifier that does not exist." },
  "pattern-matches-nothing": { severity: "error", description: "A `1 of`/`all of` pattern matches no search identifier." },
  "deprecated-aggregation": { severity: "error", description: "The v1 pipe aggregation (`| count() by …`, `near`); replaced by correlation rules." },
  "unused-search": { severity: "info", description: "A search identifier is never referenced by the condition." },
  // Meta-rules
  "invalid-correlation-type": { severity: "error", description: "`correlation.type` is not a known correlation type." },
  "invalid-timespan": { severity: "error", description: "`timespan` is not a number followed by s, m, h or d." },
  "invalid-correlation-condition": { severity: "error", description: "`correlation.condition` is missing or has invalid comparisons." },
  "ignored-attribute": { severity: "warning", description: "An attribute the document kind does not use (e.g. `level` or `status` on a filter)." },
  "unresolved-rule-reference": { severity: "warning", description: "A correlation/filter names a rule (id or name) not found among the documents given." },
} as const satisfies Record<string, IssueCodeInfo>;

/** A problem code from {@link ISSUE_CODES}. */
export type IssueCode = keyof typeof ISSUE_CODES;

/** Something that accepts problems of one place (a value, an item) and adds the location itself. */
export interface IssueSink {
  report(code: IssueCode, message: string): void;
}

/** Where a problem is: 1-based line/col and the YAML path. */
export interface IssueLocation {
  line?: number;
  col?: number;
  path?: string;
}

/** Builds a problem value with the code's default severity (or an explicit one). */
export function makeIssue(code: IssueCode, message: string, at?: IssueLocation, severity?: Severity): SigmaIssue {
  const issue: SigmaIssue = { code, message, severity: severity ?? ISSUE_CODES[code].severity };
  if (at?.line !== undefined) issue.line = at.line;
  if (at?.col !== undefined) issue.col = at.col;
  if (at?.path !== undefined) issue.path = at.path;
  return issue;
}

/** True when any problem is an error (the document must not be converted). */
export function hasErrors(issues: readonly SigmaIssue[]): boolean {
  return issues.some((i) => i.severity === "error");
}
