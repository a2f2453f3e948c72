/**
 * Lowers a bound condition tree (Sigma leaves on KQL columns) to printable KQL predicates. Every leaf kind has
 * one exact KQL form; when a leaf cannot be expressed, a problem is recorded and the conversion fails.
 */
import type { CidrNetwork, MatchLeaf, NumberOp, TimePart } from "../../sigma";
import { kqlNumber, kqlString } from "./escape";
import type { BoundTest, ColumnRef, KqlCond, KqlText } from "./ir";
import { pcreToRe2 } from "./regex";
import { isNumericType, lowerStringValues, type LowerProblem } from "./lower-string";
import { cidrOverlapsIpv4Mapped } from "./cidr";

const NUMBER_OPS: Record<NumberOp, string> = { eq: "==", lt: "<", lte: "<=", gt: ">", gte: ">=" };

const TIME_PARTS: Record<TimePart, string> = {
  minute: "minute", hour: "hour", day: "day", week: "week_of_year", month: "month", year: "year",
};

function orOf(items: KqlText[]): KqlText {
  const flat = items.flatMap((i) => (i.kind === "or" ? i.items : [i]));
  return flat.length === 1 ? flat[0] : { kind: "or", items: flat };
}

function atom(text: string): KqlText {
  return { kind: "atom", text };
}

function lowerNumbers(col: ColumnRef, op: NumberOp, values: number[], problems: LowerProblem[]): KqlText {
  if (isNumericType(col.type)) {
    if (op === "eq" && values.length > 1) return atom(`${col.expr} in (${values.map(kqlNumber).join(", ")})`);
    return orOf(values.map((v) => atom(`${col.expr} ${NUMBER_OPS[op]} ${kqlNumber(v)}`)));
  }
  if (col.type === "string") {
    // A number on a text column: equality compares the decimal text; ordering compares the parsed number.
    if (op === "eq") {
      if (values.length > 1) return atom(`${col.expr} in (${values.map((v) => kqlString(String(v))).join(", ")})`);
      return atom(`${col.expr} == ${kqlString(String(values[0]))}`);
    }
    return orOf(values.map((v) => atom(`toreal(${col.expr}) ${NUMBER_OPS[op]} ${kqlNumber(v)}`)));
  }
  problems.push({ code: "type-mismatch", message: `a number cannot be compared with ${col.expr} (${col.type})` });
  return atom("false");
}

function lowerCidr(col: ColumnRef, nets: CidrNetwork[], problems: LowerProblem[]): KqlText {
  const out: KqlText[] = [];
  for (const version of [4, 6] as const) {
    const group = nets.filter((n) => n.version === version).map((n) => n.text);
    if (group.length === 0) continue;
    if (version === 6) {
      const bad = group.find(cidrOverlapsIpv4Mapped);
      if (bad) problems.push({ code: "cidr-ipv4-mapped", message: `IPv6 network ${bad} overlaps ::ffff:0:0/96, where KQL would also match IPv4 addresses` });
    }
    const fn = `ipv${version}_is_in${group.length > 1 ? "_any" : ""}_range`;
    out.push(atom(`${fn}(${col.expr}, ${group.map(kqlString).join(", ")})`));
  }
  return orOf(out);
}

function lowerRegex(col: ColumnRef, leaf: MatchLeaf & { kind: "regex" }, problems: LowerProblem[]): KqlText {
  const e = col.type === "string" ? col.expr : `tostring(${col.expr})`;
  return orOf(
    leaf.values.map((source) => {
      const t = pcreToRe2(source, leaf.flags);
      if (!t.ok) {
        problems.push({ code: "regex-not-re2", message: `regex ${JSON.stringify(source)}: ${t.reason}` });
        return atom("false");
      }
      return atom(`${e} matches regex ${kqlString(t.pattern)}`);
    }),
  );
}

/** Lowers one leaf against one column. */
export function lowerLeaf(leaf: MatchLeaf, col: ColumnRef, problems: LowerProblem[]): KqlText {
  const empty = col.type === "string" ? "isempty" : "isnull";
  switch (leaf.kind) {
    case "string":
      return lowerStringValues(col, leaf.values, leaf.op, leaf.cased, problems);
    case "regex":
      return lowerRegex(col, leaf, problems);
    case "number":
      return lowerNumbers(col, leaf.op, leaf.values, problems);
    case "bool":
      if (col.type === "bool") return orOf(leaf.values.map((v) => atom(`${col.expr} == ${v}`)));
      if (col.type === "string") return orOf(leaf.values.map((v) => atom(`${col.expr} =~ "${v}"`)));
      problems.push({ code: "type-mismatch", message: `a boolean cannot be compared with ${col.expr} (${col.type})` });
      return atom("false");
    case "null":
      return atom(`${empty}(${col.expr})`);
    case "exists":
      return atom(leaf.exists ? `${col.type === "string" ? "isnotempty" : "isnotnull"}(${col.expr})` : `${empty}(${col.expr})`);
    case "cidr":
      return lowerCidr(col, leaf.values, problems);
    case "timepart": {
      const dt = col.type === "datetime" ? col.expr : `todatetime(${col.expr})`;
      const part = `datetime_part(${kqlString(TIME_PARTS[leaf.part])}, ${dt})`;
      // `|hour|gte: 20` compares the part; the values of one leaf are ORed like any other leaf's.
      if (leaf.op && leaf.op !== "eq") return orOf(leaf.values.map((v) => atom(`${part} ${NUMBER_OPS[leaf.op!]} ${v}`)));
      return leaf.values.length > 1 ? atom(`${part} in (${leaf.values.join(", ")})`) : atom(`${part} == ${leaf.values[0]}`);
    }
    case "fieldref":
      problems.push({ code: "internal-error", message: "fieldref leaf reached the single-column lowering" });
      return atom("false");
  }
}

const FIELDREF_OPS = {
  eq: ["=~", "=="],
  contains: ["contains", "contains_cs"],
  startswith: ["startswith", "startswith_cs"],
  endswith: ["endswith", "endswith_cs"],
} as const;

function lowerBound(test: BoundTest, problems: LowerProblem[]): KqlText {
  switch (test.kind) {
    case "raw":
      return atom(test.text);
    case "test":
      return lowerLeaf(test.leaf, test.col, problems);
    case "fieldref": {
      const str = (c: ColumnRef) => (c.type === "string" ? c.expr : `tostring(${c.expr})`);
      // KQL has no absent strings (they read as ""), while Sigma's fieldref needs both fields: require a value.
      const guard = test.leaf.op === "eq" ? test.col : test.other;
      const cmp = atom(`${str(test.col)} ${FIELDREF_OPS[test.leaf.op][test.leaf.cased ? 1 : 0]} ${str(test.other)}`);
      return { kind: "and", items: [atom(`${guard.type === "string" ? "isnotempty" : "isnotnull"}(${guard.expr})`), cmp] };
    }
    case "keywords":
      return orOf(test.cols.map((c) => lowerLeaf(test.leaf, c, problems)));
  }
}

/** Lowers a whole condition tree. Constants become `true`/`false` atoms (the pipeline folds them first). */
export function lowerCond(cond: KqlCond, problems: LowerProblem[]): KqlText {
  switch (cond.kind) {
    case "and":
    case "or": {
      const items = cond.items.map((i) => lowerCond(i, problems));
      const flat: KqlText[] = [];
      for (const i of items) if (i.kind === cond.kind) flat.push(...i.items); else flat.push(i);
      return { kind: cond.kind, items: flat };
    }
    case "not":
      return { kind: "not", item: lowerCond(cond.item, problems) };
    case "const":
      return atom(String(cond.value));
    case "bound":
      return lowerBound(cond.test, problems);
  }
}
