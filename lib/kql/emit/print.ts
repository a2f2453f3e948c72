/**
 * Lays out a printable KQL condition with minimal parentheses (`not` > `and` > `or`; `not(…)` is a call) and
 * line breaks only where a line would exceed the width: long `and`/`or` chains put one operand per line.
 */
import type { KqlText } from "./ir";

/** Target width of a query line. */
export const LINE_WIDTH = 110;

const PREC = { or: 1, and: 2, not: 3, atom: 4 } as const;

/** Longest and/or chain printed flat; longer chains are grouped so the parse tree stays shallow (Kusto KS245). */
export const MAX_CHAIN = 64;

function grouped(node: KqlText): KqlText {
  if ((node.kind !== "and" && node.kind !== "or") || node.items.length <= MAX_CHAIN) return node;
  const groups: KqlText[] = [];
  for (let i = 0; i < node.items.length; i += MAX_CHAIN) {
    const chunk = node.items.slice(i, i + MAX_CHAIN);
    groups.push(chunk.length === 1 ? chunk[0] : { kind: node.kind, items: chunk });
  }
  return grouped({ kind: node.kind, items: groups });
}

/** Single-line form. */
export function printFlat(input: KqlText, parentPrec = 0): string {
  const node = grouped(input);
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
export function printCond(input: KqlText, indent: number, parentPrec = 0): string {
  const node = grouped(input);
  const flat = printFlat(node, parentPrec);
  if (indent + 8 + flat.length <= LINE_WIDTH) return flat;
  if (node.kind === "atom") {
    if (!node.list) return flat;
    // A long value list: one literal per line, packed up to the width.
    const pad = " ".repeat(indent + 4);
    const lines: string[] = [];
    let line = "";
    for (const item of node.list.items) {
      if (line && pad.length + line.length + item.length + 2 > LINE_WIDTH) {
        lines.push(line);
        line = "";
      }
      line += line ? ` ${item},` : `${item},`;
    }
    lines.push(line.replace(/,$/, ""));
    return `${node.list.head}(\n${lines.map((l) => pad + l).join("\n")}\n${" ".repeat(indent)})`;
  }
  if (node.kind === "not") return `not(${printCond(node.item, indent + 4)})`;
  const wrap = PREC[node.kind] <= parentPrec;
  const pad = " ".repeat(indent + 4);
  const parts = node.items.map((i) => printCond(i, indent + 4, PREC[node.kind]));
  const text = parts.map((p, i) => (i === 0 ? p : `\n${pad}${node.kind} ${p}`)).join("");
  return wrap ? `(${text})` : text;
}

/**
 * `Table`, then one `| where` line per route-filter conjunct, the `| extend` lines that define computed
 * columns, and one `| where` line per conjunct of the rule.
 */
export function printQuery(table: string, filter: KqlText[], extend: string[], conjuncts: KqlText[]): string {
  const lines = [table];
  for (const c of filter) lines.push(`| where ${printCond(c, 0)}`);
  lines.push(...extend);
  for (const c of conjuncts) lines.push(`| where ${printCond(c, 0)}`);
  return lines.join("\n");
}
