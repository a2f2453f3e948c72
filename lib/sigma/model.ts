/**
 * The Sigma rule model: what `lib/sigma` produces from YAML text and what `lib/kql`, `lib/catalog` and the
 * evaluator consume. Pure data; no behaviour lives here.
 *
 * Shape of a detection, from the outside in:
 *   SigmaRule.detection → SigmaDetection { searches (by identifier), conditions (ConditionNode[], ORed) }
 *   SearchIdentifier.expr → MatchExpr (and / or / not over MatchLeaf)
 *   MatchLeaf → one field (or keywords), one operator, a list of values that are ORed.
 * Modifiers are already applied when a leaf exists: `|all` became an `and` node, `|neq` a `not` node,
 * base64/wide/windash became the exact value variants, `contains` etc. became the leaf's `op`.
 */

/** How bad a problem is. `error` makes the document unusable; `warning` breaks the spec but the rule still works. */
export type Severity = "error" | "warning" | "info";

/**
 * A problem found while reading a rule, as a value (never thrown). `code` is a stable kebab-case identifier
 * (see issues.ts for the closed list); `line`/`col` are 1-based positions in the YAML text when known;
 * `path` is the YAML path, e.g. `detection.selection.CommandLine|contains`.
 */
export interface SigmaIssue {
  code: string;
  message: string;
  severity: Severity;
  line?: number;
  col?: number;
  path?: string;
}

/** One piece of a Sigma string value after escape processing. */
export type StringPart =
  | { kind: "text"; value: string }
  /** `*`: any run of characters, including none. */
  | { kind: "anyChars" }
  /** `?`: exactly one character. */
  | { kind: "oneChar" }
  /** `%name%` under the `expand` modifier: a placeholder a pipeline must resolve. */
  | { kind: "placeholder"; name: string };

/** A Sigma string as parts. Literal `*`/`?` written `\*`/`\?` are inside `text` parts. */
export type SigmaString = StringPart[];

/** Regular-expression flags set by the `i`, `m` and `s` modifiers. */
export interface RegexFlags {
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
}

/** Time-part modifiers of Sigma v2.1. */
export type TimePart = "minute" | "hour" | "day" | "week" | "month" | "year";

/** The string operators a leaf can carry; modifier-added wildcards are expressed here, not in the value. */
export type StringOp = "eq" | "contains" | "startswith" | "endswith";

/** Numeric comparison operators (`lt` … `gte` modifiers; plain numbers use `eq`). */
export type NumberOp = "eq" | "lt" | "lte" | "gt" | "gte";

/**
 * A single test against one field (or, with `field: null`, against any value of the event: a keyword search).
 * Values of one leaf are ORed. Every leaf records the search identifier it came from, so tools can say which
 * selection matched and which selections are filters.
 */
export type MatchLeaf =
  | {
      kind: "string";
      field: string | null;
      op: StringOp;
      /** Each value is a Sigma string; wildcards still inside are real wildcards. */
      values: SigmaString[];
      /** `|cased`: case-sensitive. Default Sigma string matching is case-insensitive. */
      cased: boolean;
      source: LeafSource;
    }
  | {
      kind: "regex";
      field: string | null;
      /** Patterns in the PCRE subset Sigma allows, exactly as written (after `contains` etc. added `.*`). */
      values: string[];
      flags: RegexFlags;
      source: LeafSource;
    }
  | { kind: "number"; field: string | null; op: NumberOp; values: number[]; source: LeafSource }
  | { kind: "bool"; field: string; values: boolean[]; source: LeafSource }
  /** `Field: null`: the field is absent or null in the event. */
  | { kind: "null"; field: string; source: LeafSource }
  /** `Field|exists: true|false`. */
  | { kind: "exists"; field: string; exists: boolean; source: LeafSource }
  /** `Field|cidr: [...]`: the field holds an IP inside one of the networks. */
  | { kind: "cidr"; field: string; values: CidrNetwork[]; source: LeafSource }
  /** `Field|fieldref: Other`: compare the field's value with another field's value. */
  | { kind: "fieldref"; field: string; op: StringOp; values: string[]; cased: boolean; source: LeafSource }
  /** `Field|hour: 3` etc.: a part of a date-time field compared with a number. */
  | {
      kind: "timepart";
      field: string;
      part: TimePart;
      values: number[];
      /** Set when a comparison modifier follows the time part (`|hour|gte: 20`); absent means equality. */
      op?: NumberOp;
      source: LeafSource;
    };

/** Where a leaf came from in the YAML: the search identifier and the key as written. */
export interface LeafSource {
  /** The search identifier (detection key), e.g. `selection_img`. */
  search: string;
  /** The key as written, e.g. `Image|endswith`, or `` for keyword lists. */
  key: string;
  line?: number;
}

/** A parsed `cidr` value. */
export interface CidrNetwork {
  /** The network as written, e.g. `10.0.0.0/8`. */
  text: string;
  version: 4 | 6;
}

/** A boolean expression over leaves; `and`/`or` are n-ary. `const` is the value of an empty `and`/`or`. */
export type MatchExpr =
  | { kind: "and"; items: MatchExpr[] }
  | { kind: "or"; items: MatchExpr[] }
  | { kind: "not"; item: MatchExpr }
  | { kind: "const"; value: boolean }
  | { kind: "leaf"; leaf: MatchLeaf };

/** The modifiers of one detection key, normalised into a record (order validated at parse time). */
export interface Modifiers {
  contains: boolean;
  startswith: boolean;
  endswith: boolean;
  all: boolean;
  base64: boolean;
  base64offset: boolean;
  /** `wide`/`utf16le`, `utf16be` or `utf16` (with BOM). */
  utf16: "le" | "be" | "bom" | null;
  windash: boolean;
  re: boolean;
  reFlags: RegexFlags;
  cidr: boolean;
  compare: "lt" | "lte" | "gt" | "gte" | null;
  exists: boolean;
  fieldref: boolean;
  cased: boolean;
  expand: boolean;
  neq: boolean;
  timePart: TimePart | null;
  /** The modifier names as written, in order, for display. */
  written: string[];
}

/** A search identifier (a key of `detection` other than `condition`). */
export interface SearchIdentifier {
  name: string;
  expr: MatchExpr;
  /** True when the identifier is a list of plain values (keywords) rather than field matches. */
  keywords: boolean;
  line?: number;
}

/** The condition as an AST over search identifiers, with references already resolved. */
export type ConditionNode =
  | { kind: "and"; items: ConditionNode[] }
  | { kind: "or"; items: ConditionNode[] }
  | { kind: "not"; item: ConditionNode }
  | { kind: "ref"; name: string }
  /** `1 of P` / `any of P` (quantifier `any`) or `all of P`; `names` are the identifiers the pattern matched. */
  | { kind: "of"; quantifier: "any" | "all"; pattern: string; names: string[] };

/** A rule's detection section. */
export interface SigmaDetection {
  searches: Record<string, SearchIdentifier>;
  /** One entry per condition; several conditions are ORed. */
  conditions: ConditionNode[];
  /** The condition strings as written. */
  conditionText: string[];
}

/** `logsource`: which log the rule reads. Extra keys are kept in `custom`. */
export interface LogSource {
  product?: string;
  category?: string;
  service?: string;
  definition?: string;
  custom: Record<string, string>;
}

/** The relation kinds of `related`. */
export type RelatedType = "derived" | "obsolete" | "merged" | "renamed" | "similar";

/** Sigma rule status values. */
export type RuleStatus = "stable" | "test" | "experimental" | "deprecated" | "unsupported";

/** Sigma rule level values. */
export type RuleLevel = "informational" | "low" | "medium" | "high" | "critical";

/** Attributes every Sigma document kind shares. */
export interface SigmaCommon {
  title: string;
  id?: string;
  name?: string;
  related: { id: string; type: RelatedType | string }[];
  taxonomy?: string;
  status?: RuleStatus;
  description?: string;
  license?: string;
  author?: string;
  references: string[];
  /** ISO `YYYY-MM-DD` (the old `YYYY/MM/DD` form is normalised). */
  date?: string;
  modified?: string;
  falsepositives: string[];
  level?: RuleLevel;
  tags: string[];
  scope: string[];
  fields: string[];
  /** Any attribute the spec does not define, kept as parsed YAML. */
  custom: Record<string, unknown>;
  /** 1-based line of the document's first line in the file (several documents may share a file). */
  line: number;
}

/** A detection rule. */
export interface SigmaRule extends SigmaCommon {
  kind: "rule";
  logsource: LogSource;
  detection: SigmaDetection;
}

/** Correlation types of Sigma v2 / v2.1. */
export type CorrelationType =
  | "event_count"
  | "value_count"
  | "temporal"
  | "temporal_ordered"
  | "value_sum"
  | "value_avg"
  | "value_percentile"
  | "value_median";

/** A correlation condition: the comparisons are ANDed. */
export interface CorrelationCondition {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  eq?: number;
  neq?: number;
  /** For value_* types: the field whose values are counted or aggregated. */
  field?: string;
  /** For value_percentile. */
  percentile?: number;
}

/** A correlation meta-rule. `rules` are ids or names; `resolved` holds the ids found in the same parse. */
export interface SigmaCorrelation extends SigmaCommon {
  kind: "correlation";
  type: CorrelationType;
  rules: string[];
  groupBy: string[];
  /** Timespan as written (`5m`) and in seconds. */
  timespan: { text: string; seconds: number };
  condition: CorrelationCondition | null;
  aliases: Record<string, Record<string, string>>;
  generate: boolean;
  /** Set by `linkMetaRules`: the referenced documents' ids (or names when they have no id), in `rules` order. */
  resolved?: string[];
}

/** A filter meta-rule: environment tuning applied to the rules it names. */
export interface SigmaFilter extends SigmaCommon {
  kind: "filter";
  logsource: LogSource;
  /** Ids or names of the rules it applies to (`any` allowed). */
  rules: string[];
  detection: SigmaDetection;
  /** Set by `linkMetaRules`: the ids (or names) of the rules the filter applies to (`any` expanded). */
  resolved?: string[];
}

/** Any Sigma document. */
export type SigmaDocument = SigmaRule | SigmaCorrelation | SigmaFilter;

/** One YAML document of a file: the parsed document (null when unusable) and its problems. */
export interface ParsedDocument {
  document: SigmaDocument | null;
  issues: SigmaIssue[];
  /** 0-based index of the YAML document in the file. */
  index: number;
}

/** The result of parsing one file's text: its documents and any problems not tied to one document. */
export interface ParsedFile {
  documents: ParsedDocument[];
  issues: SigmaIssue[];
}
