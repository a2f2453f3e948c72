/**
 * The KQL condition tree the pipeline hands to the emitter: Sigma leaves already bound to KQL columns (or column
 * expressions), combined with and/or/not. The emitter lowers each bound leaf to KQL text.
 */
import type { MatchLeaf } from "../../sigma";

/** Kusto scalar types the emitter distinguishes. */
export type KqlType = "string" | "int" | "long" | "real" | "bool" | "datetime" | "dynamic" | "guid" | "timespan";

/** A value source in a query: a plain column, or an expression over columns (strcat, tostring(Dyn.Prop), …). */
export interface ColumnRef {
  /** KQL text that yields the value: a quoted identifier or an expression. */
  expr: string;
  type: KqlType;
  /** The real table columns `expr` reads, for schema checks and "required data". */
  columns: string[];
  /** When set, `expr` is this name and the query defines it first with `| extend <name> = <definition>`. */
  extend?: { name: string; definition: string };
}

/** A Sigma leaf bound to where its values live in the table. */
export type BoundTest =
  /** A field test against one column (the leaf's own `field` is no longer used). */
  | { kind: "test"; leaf: MatchLeaf; col: ColumnRef }
  /** `fieldref`: the leaf's column compared with another column. */
  | { kind: "fieldref"; leaf: MatchLeaf & { kind: "fieldref" }; col: ColumnRef; other: ColumnRef }
  /** Keyword search: the leaf's values are looked for in each of these columns (ORed). */
  | { kind: "keywords"; leaf: MatchLeaf; cols: ColumnRef[] }
  /** Already-rendered KQL (route filters written as text); `columns` are the columns it names. */
  | { kind: "raw"; text: string; columns: string[] };

/** Condition tree over bound tests. */
export type KqlCond =
  | { kind: "and"; items: KqlCond[] }
  | { kind: "or"; items: KqlCond[] }
  | { kind: "not"; item: KqlCond }
  | { kind: "const"; value: boolean }
  | { kind: "bound"; test: BoundTest };

/** Printable tree: what lowering produces and the printer lays out. `atom` is a complete KQL predicate. */
export type KqlText =
  | { kind: "and"; items: KqlText[] }
  | { kind: "or"; items: KqlText[] }
  | { kind: "not"; item: KqlText }
  /** `list`: the atom is `<head>(<items joined by ", ">)`, so a long one can be broken one item per line. */
  | { kind: "atom"; text: string; list?: { head: string; items: string[] } };

/** Builds an n-ary node, flattening nested nodes of the same kind and dropping the unit element. */
export function combine(kind: "and" | "or", items: KqlCond[]): KqlCond {
  const flat: KqlCond[] = [];
  for (const item of items) {
    if (item.kind === kind) flat.push(...item.items);
    else if (item.kind === "const") {
      if (item.value === (kind === "or")) return item; // true absorbs or, false absorbs and
    } else flat.push(item);
  }
  if (flat.length === 0) return { kind: "const", value: kind === "and" };
  return flat.length === 1 ? flat[0] : { kind, items: flat };
}

/** Negation with constant folding and double-negation removal. */
export function negate(item: KqlCond): KqlCond {
  if (item.kind === "const") return { kind: "const", value: !item.value };
  if (item.kind === "not") return item.item;
  return { kind: "not", item };
}
