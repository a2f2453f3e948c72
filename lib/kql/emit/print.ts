/**
 * Lays out a printable KQL condition with minimal parentheses (`not` > `and` > `or`; `not(…)` is a call) and
 * line breaks only where a line would exceed the width: long `and`/`or` chains put one operand per line.
 */
import type { KqlText } from "./ir";

/** Target width of a query line. */
export const LINE_WIDTH = 110;

const PREC = { or: 1, and: 2, not: 3, atom: 4 } as const;

/** Single-line form. */
export function printFlat(node: KqlText, parentPrec = 0): string {
  switch (node.kind) {
    case "atom":
      return node.text;
    case "not":
      return `not(${printFlat(node.item)})`;
    case "and":
    case "or": {
      const text = node.items.map((i) => printFlat(i, PREC[node.kind])).join(` ${node.kind} `);
      return PREC[node.kind] <= parentPrec ? `(${text})` : text;
    }
  }
}

/**
 * Multi-line form. `indent` is the column where continuation lines start; a chain that does not fit puts each
 * operand on its own line, led by its operator.
 */
export function printCond(node: KqlText, indent: number, parentPrec = 0): string {
  const flat = printFlat(node, parentPrec);
  if (indent + 8 + flat.length <= LINE_WIDTH || node.kind === "atom") return flat;
  if (node.kind === "not") return `not(${printCond(node.item, indent + 4)})`;
  const wrap = PREC[node.kind] <= parentPrec;
  const pad = " ".repeat(indent + 4);
  const parts = node.items.map((i) => printCond(i, indent + 4, PREC[node.kind]));
  const text = parts.map((p, i) => (i === 0 ? p : `\n${pad}${node.kind} ${p}`)).join("");
  return wrap ? `(${text})` : text;
}

/** `Table` followed by one `| where` line per top-level conjunct (route filters first). */
export function printQuery(table: string, conjuncts: KqlText[], prelude: string[] = []): string {
  const lines = [table, ...prelude];
  for (const c of conjuncts) lines.push(`| where ${printCond(c, 0)}`);
  return lines.join("\n");
}
