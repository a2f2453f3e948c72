/**
 * Which search identifiers of a rule look for activity (selections) and which exclude it (filters), read from
 * the condition's polarity: a search under an odd number of `not`s excludes. Also puts the positive part of
 * the condition into words.
 */
import type { ConditionNode, SigmaDetection } from "../../sigma/model";
import { describeExpr } from "./describe-match";

/** How many alternatives of a condition a sentence names before saying "N more". */
export const MAX_ALTERNATIVES = 3;

/** Search identifiers split by what the condition does with them. */
export interface SearchPolarity {
  /** Used positively (what the rule looks for), in condition order. */
  selections: string[];
  /** Used under `not` (what the rule excludes), in condition order. */
  exclusions: string[];
}

/** Splits the searches a condition references into selections and exclusions. */
export function searchPolarity(detection: SigmaDetection): SearchPolarity {
  const selections: string[] = [];
  const exclusions: string[] = [];
  const add = (name: string, negated: boolean) => {
    const list = negated ? exclusions : selections;
    if (!list.includes(name)) list.push(name);
  };
  const walk = (node: ConditionNode, negated: boolean): void => {
    switch (node.kind) {
      case "ref":
        add(node.name, negated);
        return;
      case "of":
        node.names.forEach((n) => add(n, negated));
        return;
      case "not":
        walk(node.item, !negated);
        return;
      case "and":
      case "or":
        node.items.forEach((i) => walk(i, negated));
        return;
    }
  };
  detection.conditions.forEach((c) => walk(c, false));
  return { selections, exclusions };
}

function joinAlternatives(parts: string[], word: "and" | "or"): string {
  if (parts.length <= MAX_ALTERNATIVES) return parts.join(`; ${word} `);
  const rest = parts.length - MAX_ALTERNATIVES;
  return `${parts.slice(0, MAX_ALTERNATIVES).join(`; ${word} `)}; ${word} ${rest} more selection${rest === 1 ? "" : "s"}`;
}

/**
 * The positive part of a condition in words (negated parts are left out; they are described as exclusions).
 * Returns null when nothing positive remains (e.g. `not filter`).
 */
export function describeCondition(node: ConditionNode, detection: SigmaDetection): string | null {
  const search = (name: string): string | null => {
    const s = detection.searches[name];
    return s ? describeExpr(s.expr) : null;
  };
  switch (node.kind) {
    case "ref":
      return search(node.name);
    case "not":
      return null;
    case "of": {
      const parts = node.names.map(search).filter((p): p is string => p !== null);
      if (parts.length === 0) return null;
      return joinAlternatives(parts, node.quantifier === "all" ? "and" : "or");
    }
    case "and":
    case "or": {
      const parts = node.items.map((i) => describeCondition(i, detection)).filter((p): p is string => p !== null);
      if (parts.length === 0) return null;
      return joinAlternatives(parts, node.kind);
    }
  }
}

/** The whole detection's positive part (several conditions are alternatives). */
export function describeDetection(detection: SigmaDetection): string | null {
  const parts = detection.conditions.map((c) => describeCondition(c, detection)).filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return joinAlternatives(parts, "or");
}
