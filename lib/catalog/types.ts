/**
 * The shapes pages and components see. lib/catalog/queries/* reshape database rows into these; no Prisma type
 * ever leaves lib/catalog. Dates are ISO strings so the types cross the server/client boundary unchanged.
 */
import type { TargetId } from "../kql/target";

export type { TargetId };

/** Sigma levels, most severe last (display order is reversed where useful). */
export const LEVELS = ["informational", "low", "medium", "high", "critical"] as const;
/** Sigma statuses, most mature first. */
export const STATUSES = ["stable", "test", "experimental", "deprecated", "unsupported"] as const;

/** Outcome of one stored conversion. */
export type ConversionState = "converted" | "unsupported" | "invalid";

/** A technique as a chip: id plus its name when ATT&CK is imported (null otherwise). */
export interface TechniqueRef {
  id: string;
  name: string | null;
}

/** One row of the feed. */
export interface RuleSummary {
  id: string;
  title: string;
  description: string | null;
  level: string | null;
  status: string | null;
  sourceKey: string;
  sourceLabel: string;
  product: string | null;
  category: string | null;
  service: string | null;
  author: string | null;
  date: string | null;
  modified: string | null;
  techniques: TechniqueRef[];
  /** Conversion state per target (null when the rule has no stored conversion for it). */
  readiness: Record<TargetId, ConversionState | null>;
  removedAt: string | null;
}

/** KQL readiness filter: `target:converts` or `target:not` (optionally narrowed to one reason code). */
export interface ReadinessFilter {
  target: TargetId;
  converts: boolean;
  reason?: string;
}

/** Everything the feed can be asked for; parsed from the URL by lib/catalog/views/feed-params. */
export interface FeedQuery {
  q: string;
  level: string[];
  status: string[];
  source: string[];
  product: string[];
  category: string[];
  service: string[];
  tactic: string[];
  technique: string[];
  author: string[];
  /** Inclusive YYYY-MM-DD bounds on the rule's newest date (modified, else date). */
  from: string | null;
  to: string | null;
  ready: ReadinessFilter[];
  includeRemoved: boolean;
  page: number;
}

/** The facet dimensions of the feed, in display order. */
export type FacetKey =
  | "level"
  | "status"
  | "source"
  | "product"
  | "category"
  | "service"
  | "tactic"
  | "technique"
  | "author"
  | "ready";

/** One value of a facet with how many rules it would give with the other filters kept. */
export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

/** A facet: its key, heading and values (most frequent first, except ordered scales such as level). */
export interface Facet {
  key: FacetKey;
  label: string;
  values: FacetValue[];
  /** How many values exist in total before the display cut (values beyond it are hidden unless selected). */
  total: number;
}

/** A page of the feed. */
export interface FeedPage {
  items: RuleSummary[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  facets: Facet[];
  /** The full-text query could not be used (e.g. only punctuation); the feed ignored it. */
  queryIgnored: boolean;
  /** Rules in the catalog (not removed), for the empty state. */
  catalogSize: number;
}

/** A search identifier summarised in words, for tuning guidance. */
export interface SearchSummary {
  name: string;
  /** "CommandLine contains "x" and Image ends with "\a.exe"". */
  text: string;
  fields: { field: string; values: string[] }[];
}

/** False-positive guidance. */
export interface FpGuidance {
  /** The rule's `falsepositives`, as written (minus "Unknown"). */
  falsePositives: string[];
  /** The rule only says "Unknown" (or nothing). */
  unknownOnly: boolean;
  /** Exclusions the rule already applies (filter_* / negated selections other than optional ones). */
  tuning: SearchSummary[];
  /** `filter_optional_*` selections an analyst may enable or disable. */
  optional: SearchSummary[];
  /** Deterministic advice derived from level and logsource; shown when the rule's own list is unknown. */
  generic: string[];
}

/** The generated hunt hypothesis. */
export interface HuntHypothesis {
  sentences: string[];
}

/** Confidence in deploying the rule as is. */
export interface Confidence {
  level: "high" | "medium" | "low";
  reason: string;
}

/** A data connector requirement for one target. */
export interface DataSourceRow {
  target: TargetId;
  targetLabel: string;
  state: ConversionState | "missing";
  table: string | null;
  connectors: string[];
  note: string | null;
  columns: string[];
  /** Microsoft Sentinel watchlists the query reads: the values of the rule's placeholders of the same name. */
  watchlists: string[];
}

/** One stored conversion, ready to show. */
export interface ConversionView {
  target: TargetId;
  targetLabel: string;
  state: ConversionState;
  table: string | null;
  query: string | null;
  /** Server-highlighted HTML of `query` (shiki), null when not converted. */
  queryHtml: string | null;
  columns: string[];
  issues: { code: string; message: string; severity: string; line?: number; col?: number }[];
  trace: string[];
}

/** A technique/sub-technique in the rule's ATT&CK context. */
export interface AttackTechniqueNode {
  id: string;
  name: string;
  url: string;
  summary: string | null;
  /** True when the rule's tags name this technique (false for a parent shown only for context). */
  tagged: boolean;
  subtechniques: AttackTechniqueNode[];
}

/** A tactic column of the rule's ATT&CK context. */
export interface AttackTacticNode {
  id: string;
  name: string;
  url: string;
  summary: string | null;
  techniques: AttackTechniqueNode[];
}

/** A group or software entry (name + link). */
export interface AttackEntityRef {
  id: string;
  name: string;
  url: string;
  kind: "group" | "software" | "campaign" | "datasource";
}

/** The rule's ATT&CK context. */
export interface AttackContext {
  tactics: AttackTacticNode[];
  entities: AttackEntityRef[];
  /** Tags that did not resolve (shown as written). */
  unresolved: string[];
  /** No ATT&CK release is imported, so nothing could resolve. */
  notImported: boolean;
}

/** A reference line: a link only when it is http(s). */
export interface ReferenceView {
  text: string;
  href: string | null;
}

/** A `related` entry. */
export interface RelatedView {
  id: string;
  type: string;
  /** Title when the rule is in the catalog. */
  title: string | null;
}

/** Where the rule came from and links to the original. */
export interface OriginView {
  sourceKey: string;
  sourceLabel: string;
  path: string;
  revision: string | null;
  retrievedAt: string | null;
  /** Link pinned to the source revision, when the source is a known web repository and the revision a commit or tag. */
  pinnedUrl: string | null;
  /** Link on the default branch. */
  branchUrl: string | null;
  /** Rule set link for the DRL attribution (SigmaHQ), null for our own rules. */
  ruleSetUrl: string | null;
}

/** The full rule page. */
export interface RuleDetail {
  id: string;
  title: string;
  description: string | null;
  kind: string;
  level: string | null;
  status: string | null;
  author: string | null;
  date: string | null;
  modified: string | null;
  logsource: { product: string | null; category: string | null; service: string | null; definition: string | null };
  techniques: TechniqueRef[];
  removedAt: string | null;
  origin: OriginView;
  confidence: Confidence;
  hypothesis: HuntHypothesis;
  yaml: string;
  yamlHtml: string;
  conversions: ConversionView[];
  dataSources: DataSourceRow[];
  fp: FpGuidance;
  attack: AttackContext;
  references: ReferenceView[];
  related: RelatedView[];
  /** Field names the detection reads (for the event tester's hint). */
  detectionFields: string[];
  /** Parse problems stored with the rule (warnings). */
  issues: { code: string; message: string; line?: number }[];
}

/** A technique search hit / technique card. */
export interface TechniqueSummary {
  id: string;
  name: string;
  isSubtechnique: boolean;
  tactics: { id: string; name: string }[];
  ruleCount: number;
}

/** The technique page. */
export interface TechniqueDetail {
  id: string;
  name: string;
  url: string;
  description: string;
  isSubtechnique: boolean;
  parent: { id: string; name: string } | null;
  tactics: { id: string; name: string; url: string }[];
  subtechniques: TechniqueSummary[];
  platforms: string[];
  dataComponents: string[];
  rules: RuleSummary[];
  deprecated: boolean;
}

/** One cell of the coverage matrix. */
export interface CoverageCell {
  id: string;
  name: string;
  /** Rules tagged with the technique itself or any of its sub-techniques. */
  count: number;
  subtechniques: { id: string; name: string; count: number }[];
}

/** One tactic column. */
export interface CoverageColumn {
  id: string;
  shortname: string;
  name: string;
  cells: CoverageCell[];
  /** Distinct rules in the column. */
  ruleCount: number;
}

/** The coverage matrix. */
export interface CoverageMatrix {
  columns: CoverageColumn[];
  maxCount: number;
  ruleTotal: number;
  /** Techniques with at least one rule / all techniques in the matrix. */
  covered: number;
  techniqueTotal: number;
}

/** A sync run for the ingest report. */
export interface SyncRunView {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  status: string;
  sources: { key: string; kind: string; location: string; revision: string | null; files: number | null; warning: string | null }[];
  attackVersion: string | null;
  counts: { seen: number; new: number; updated: number; unchanged: number; removed: number; invalid: number };
  warnings: string[];
  message: string | null;
}

/** A problem file of a sync run. */
export interface SyncProblemView {
  path: string;
  sourceKey: string | null;
  line: number | null;
  col: number | null;
  code: string;
  severity: string;
  message: string;
}

/** The ingest report. */
export interface IngestReport {
  runs: SyncRunView[];
  latestProblems: SyncProblemView[];
}

/** The answer of the event tester. */
export type EventTestResult =
  | { kind: "invalid-json"; message: string; line: number; col: number }
  | { kind: "not-testable"; message: string }
  | {
      kind: "result";
      match: boolean;
      /** Search identifiers whose expression is true for the event. */
      matched: string[];
      /** Matched searches the condition uses positively / as exclusions. */
      matchedSelections: string[];
      matchedExclusions: string[];
      /** Event shape notes (e.g. an array was given: its first object was tested). */
      note: string | null;
    };
