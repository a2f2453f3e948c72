/** Canonical, fully parenthesised text of a condition AST (used by tests and for display). */
import type { ConditionNode } from "../model";

/**
 * Prints a condition with every `and`/`or`/`not` group in parentheses: `a or b and not c` →
 * `(a or (b and (not c)))`. `1 of x`/`any of x` both print as `1 of x`.
 */
export function printCondition(node: ConditionNode): string {
  switch (node.kind) {
    case "ref":
      return node.name;
    case "of":
      return `${node.quantifier === "all" ? "all" : "1"} of ${node.pattern}`;
    case "not":
      return `(not ${printCondition(node.item)})`;
    case "and":
    case "or":
      return `(${node.items.map(printCondition).join(` ${node.kind} `)})`;
    default:
      return assertNever(node);
  }
}

/** Exhaustiveness guard for switches over closed unions. */
export function assertNever(value: never): never {
  throw new Error(`unexpected node ${JSON.stringify(value)}`);
}
