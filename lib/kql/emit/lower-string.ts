/**
 * Lowers Sigma string values to KQL string predicates. Each value becomes the cheapest exact operator: `=~`,
 * `startswith`, `endswith`, `contains` (or their `_cs` forms for `|cased`), `in~` for several whole values, and
 * `matches regex` only when a wildcard sits inside the value.
 */
import type { SigmaString, StringOp } from "../../sigma";
import { kqlString } from "./escape";
import type { ColumnRef, KqlText } from "./ir";
import { wildcardToRe2 } from "./regex";

/** A problem found while lowering, reported by code. */
export interface LowerProblem {
  code: string;
  message: string;
}

/** One Sigma string value reduced to what KQL needs: anchoring and the remaining parts. */
export interface ShapedValue {
  anchorStart: boolean;
  anchorEnd: boolean;
  /** Parts between the anchors; leading/trailing `*` removed. */
  parts: SigmaString;
  /** The parts are plain text only (no inner wildcard). */
  plain: boolean;
  /** Concatenated text when `plain`. */
  text: string;
}

/** Normalises a value under a string operator: modifier-implied and written edge `*` become unanchored ends. */
export function shapeValue(value: SigmaString, op: StringOp): ShapedValue {
  if (value.length === 1 && value[0].kind === "text") {
    // The common case: one plain text part, anchored by the operator alone.
    const anchorStart = op === "eq" || op === "startswith";
    const anchorEnd = op === "eq" || op === "endswith";
    return { anchorStart, anchorEnd, parts: value, plain: true, text: value[0].value };
  }
  const parts: SigmaString = [];
  for (const p of value) {
    const last = parts[parts.length - 1];
    if (p.kind === "text" && last?.kind === "text") parts[parts.length - 1] = { kind: "text", value: last.value + p.value };
    else if (p.kind === "text" && p.value === "") continue;
    else if (p.kind === "anyChars" && last?.kind === "anyChars") continue;
    else parts.push(p);
  }
  let anchorStart = op === "eq" || op === "startswith";
  let anchorEnd = op === "eq" || op === "endswith";
  while (parts[0]?.kind === "anyChars") { parts.shift(); anchorStart = false; }
  while (parts[parts.length - 1]?.kind === "anyChars") { parts.pop(); anchorEnd = false; }
  const plain = parts.every((p) => p.kind === "text");
  const text = plain ? parts.map((p) => (p.kind === "text" ? p.value : "")).join("") : "";
  return { anchorStart, anchorEnd, parts, plain, text };
}

const OPS = {
  eq: ["=~", "=="],
  startswith: ["startswith", "startswith_cs"],
  endswith: ["endswith", "endswith_cs"],
  contains: ["contains", "contains_cs"],
} as const;

function stringExpr(col: ColumnRef): string {
  return col.type === "string" ? col.expr : `tostring(${col.expr})`;
}

/** A single value's predicate on a column. `problems` receives unresolved placeholders. */
export function lowerStringValue(col: ColumnRef, value: SigmaString, op: StringOp, cased: boolean, problems: LowerProblem[], shaped?: ShapedValue): KqlText {
  const placeholder = value.find((p) => p.kind === "placeholder");
  if (placeholder && placeholder.kind === "placeholder") {
    problems.push({ code: "placeholder-unresolved", message: `placeholder %${placeholder.name}% has no value in this target` });
  }
  const s = shaped ?? shapeValue(value, op);
  const e = stringExpr(col);
  const c = cased ? 1 : 0;
  if (!s.plain) {
    const pattern = wildcardToRe2(s.parts, { anchorStart: s.anchorStart, anchorEnd: s.anchorEnd, cased });
    return { kind: "atom", text: `${e} matches regex ${kqlString(pattern)}` };
  }
  if (s.text === "") {
    // `*` alone, `contains ''` …: any value; `''` exactly: the empty value.
    if (s.anchorStart && s.anchorEnd) return { kind: "atom", text: `isempty(${e})` };
    return { kind: "atom", text: `isnotempty(${e})` };
  }
  const kind: StringOp = s.anchorStart ? (s.anchorEnd ? "eq" : "startswith") : s.anchorEnd ? "endswith" : "contains";
  if (isNumericType(col.type)) {
    if (kind === "eq" && /^-?\d+(\.\d+)?$/.test(s.text)) return { kind: "atom", text: `${col.expr} == ${s.text}` };
    // No number's text holds other characters: the test could never be true on this column.
    if (/[^0-9.+\-eE]/.test(s.text)) problems.push({ code: "type-mismatch", message: `${JSON.stringify(s.text)} can never be the text of the number in ${col.expr}` });
  }
  return { kind: "atom", text: `${e} ${OPS[kind][c]} ${kqlString(s.text)}` };
}

/** True for Kusto numeric types. */
export function isNumericType(t: string): boolean {
  return t === "int" || t === "long" || t === "real";
}

/**
 * All values of a string leaf on one column, ORed. Two or more whole-value (`eq`, no wildcard) values share one
 * `in~` / `in` list at the position of the first of them.
 */
export function lowerStringValues(col: ColumnRef, values: SigmaString[], op: StringOp, cased: boolean, problems: LowerProblem[]): KqlText {
  const shapes = values.map((v) => shapeValue(v, op));
  const isWhole = values.map((v, i) => {
    const s = shapes[i];
    return s.plain && s.anchorStart && s.anchorEnd && s.text !== "" && col.type === "string" && !v.some((p) => p.kind === "placeholder");
  });
  const wholeCount = isWhole.filter(Boolean).length;
  const items: KqlText[] = [];
  let listPlaced = false;
  values.forEach((v, i) => {
    if (wholeCount >= 2 && isWhole[i]) {
      if (!listPlaced) {
        const unique = [...new Set(shapes.filter((_, j) => isWhole[j]).map((s) => s.text))];
        const head = `${col.expr} ${cased ? "in" : "in~"} `;
        const literals = unique.map(kqlString);
        items.push({ kind: "atom", text: `${head}(${literals.join(", ")})`, list: { head, items: literals } });
        listPlaced = true;
      }
      return;
    }
    items.push(lowerStringValue(col, v, op, cased, problems, shapes[i]));
  });
  return items.length === 1 ? items[0] : { kind: "or", items };
}
