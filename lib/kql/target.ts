/**
 * What a KQL target is: data (routes from logsource to table, field → column maps, fixed filters, the columns
 * that exist) plus a short list of pipeline step ids. The emitter is shared by every target.
 */
import type { MatchExpr, SigmaIssue } from "../sigma";

/** The targets Detectory converts to. */
export type TargetId = "sentinel-asim" | "defender-xdr" | "azure-monitor";

/** Every target id, in display order. */
export const TARGET_IDS: readonly TargetId[] = ["sentinel-asim", "defender-xdr", "azure-monitor"];

/** A logsource selector: every key given must equal the rule's (one of the listed values); absent keys match anything. */
export interface LogSourceSelector {
  product?: string | string[];
  category?: string | string[];
  service?: string | string[];
}

/**
 * How one Sigma field maps to a table. Value-rewriting transforms either keep Sigma's meaning exactly or make
 * the conversion `unsupported` with a reason; they never approximate.
 */
export type FieldMapping =
  /** The field is this column. */
  | { column: string }
  /** The field's value is in any of these columns (the test is ORed over them). */
  | { anyOf: string[] }
  /**
   * The field is a KQL expression over columns (e.g. `strcat(RegistryKey, @"\", RegistryValueName)`), optionally
   * followed by a value transform. `columns` are the real columns it reads; `type` defaults to string. With `as`,
   * the query computes it once (`| extend <as> = <expr>`) and tests read `<as>`.
   */
  | { expr: string; columns: string[]; type?: string; transform?: string; as?: string }
  /**
   * Sysmon's `Hashes` (`SHA1=…,MD5=…`): each `ALGO=value` test goes to the column named for ALGO; an algorithm
   * mapped to null (or absent) makes the rule unsupported here rather than silently dropping that value.
   */
  | { hashes: Record<string, string | null> }
  /** The field maps to a column after a named value transform (see the target pipeline for the ids). */
  | { column: string; transform: string }
  /** The field is a property of a dynamic column, e.g. `EventData.CommandLine` in WindowsEvent (emitted with tostring()/tolong()). */
  | { column: string; property: string; type?: "string" | "number" }
  /** The field is already implied by the route (e.g. `EventID: 1` on a Sysmon process route); the test is true when its values are within `values`. */
  | { impliedBy: "route"; values: (string | number)[] }
  /** The table has no equivalent: rules using this field are unsupported here, with this reason. */
  | { unsupported: string };

/** Where rules of one logsource go in a target. */
export interface TableRoute {
  /** Stable id, e.g. `defender-xdr/process_creation`. */
  id: string;
  when: LogSourceSelector;
  table: string;
  /** Predicates every query on this route carries (EventID/Channel/ActionType filters), over column names. */
  filter?: MatchExpr;
  /** Sigma field name → mapping, looked up case-insensitively. Fields not listed that are real columns pass through. */
  fields: Record<string, FieldMapping>;
  /** Sentinel / Defender data connectors that fill this table, for the "Required data sources" section. */
  connectors: string[];
  /** Human note shown beside the table (e.g. which Sysmon event ids the route reads). */
  note?: string;
  /**
   * Columns a keyword search (a detection of plain values, no field) looks in; each keyword becomes an OR of
   * per-column tests. Without it, keyword rules are unsupported on this route.
   */
  keywordColumns?: string[];
  /**
   * Fields of this route's map a keyword is also tested against (as a `contains` on that field, through its
   * mapping and transform), ORed with the keyword columns: e.g. every data item of the Event table's XML.
   */
  keywordFields?: string[];
  /**
   * Fields the rule must test for this route to apply (e.g. `EventID` on a route that holds one Windows event
   * id): a rule that does not narrow the events that way is not about this route's events.
   */
  requiredFields?: string[];
}

/**
 * A KQL target: a list of routes tried in order, and the schema of its tables. The pipeline takes the first route
 * whose selector matches the rule's logsource AND that maps every field the rule uses; when a selector matches
 * but a field does not map, the next matching route is tried (e.g. SecurityEvent 4688, then Sysmon event 1), and
 * if none maps everything the result is `unsupported` with the reasons collected along the way.
 */
export interface KqlTarget {
  id: TargetId;
  label: string;
  /** Routes tried in order (see above). */
  routes: TableRoute[];
  /** Table → column → type, for every table a route names (generated from ../shared/kql-schemas). */
  schema: Record<string, Record<string, string>>;
  /**
   * Whole-value placeholders (`%name%`) resolve to the Microsoft Sentinel watchlist `name`
   * (`_GetWatchlist`), which only Sentinel workspaces have. Without it placeholders are unsupported.
   */
  watchlists?: boolean;
}

/** The outcome of converting one rule for one target. */
export type ConversionStatus = "converted" | "unsupported" | "invalid";

/** A conversion problem: the Sigma issue shape with a kebab-case reason code. */
export type ConversionIssue = SigmaIssue;

/** The result of `convertToKql`: data, never an exception. */
export interface ConversionResult {
  target: TargetId;
  status: ConversionStatus;
  /** The table queried, when a route was found. */
  table: string | null;
  /** The full query (`Table\n| where …`), only when `status === "converted"`. */
  query: string | null;
  /** Every column the query names (for "Required data sources"). */
  columns: string[];
  issues: ConversionIssue[];
  /** Ids of the steps and routes that applied, in order. */
  trace: string[];
}
