/**
 * The Sigma evaluator: does an event (parsed JSON) match a rule? (Leaf tests live in evaluate-leaf.ts.) Exact Sigma semantics: strings
 * case-insensitive unless `cased`, wildcards, every modifier, null = absent or null, keywords over all values,
 * regex case-sensitive unless `i`, numbers also against numeric strings, time parts in UTC.
 */
import type { ConditionNode, MatchExpr, SigmaDetection, SigmaRule } from "./model";
import { assertNever } from "./condition/print";
import { viewOf, type EventView } from "./event-fields";
import { evalLeaf } from "./evaluate-leaf";

/** The verdict for one event and the search identifiers whose expression is true. */
export interface MatchResult {
  match: boolean;
  matched: string[];
}

/**
 * Evaluates a detection rule (or a filter's detection) against one event. Never throws. Events and rules are
 * treated as immutable: per-event caches (field lookups, lower-cased values) and per-detection plans are kept
 * in WeakMaps keyed by the objects, so pass new objects rather than mutating them between calls.
 */
export function matchEvent(rule: Pick<SigmaRule, "detection">, event: unknown): MatchResult {
  return matchDetection(rule.detection, event);
}

/** Evaluates a detection against one event. */
export function matchDetection(detection: SigmaDetection, event: unknown): MatchResult {
  const state = viewOf(event);
  const plan = planOf(detection);
  const truths = new Uint8Array(plan.names.length);
  const matched: string[] = [];
  for (let i = 0; i < plan.names.length; i++) {
    if (evalExpr(plan.exprs[i], state)) {
      truths[i] = 1;
      matched.push(plan.names[i]);
    }
  }
  let match = false;
  for (const c of plan.conditions) {
    if (conditionTruth(c, truths)) {
      match = true;
      break;
    }
  }
  return { match, matched };
}

/** A condition with identifiers replaced by their index in the detection (-1: unknown, always false). */
type IndexedCondition =
  | { kind: "and" | "or"; items: IndexedCondition[] }
  | { kind: "not"; item: IndexedCondition }
  | { kind: "ref"; index: number }
  | { kind: "of"; all: boolean; indexes: number[] };

interface DetectionPlan {
  names: string[];
  exprs: MatchExpr[];
  conditions: IndexedCondition[];
}

const plans = new WeakMap<SigmaDetection, DetectionPlan>();

/** The detection in array form, computed once per detection object. */
function planOf(detection: SigmaDetection): DetectionPlan {
  let plan = plans.get(detection);
  if (plan) return plan;
  const names = Object.keys(detection.searches);
  const index = new Map(names.map((n, i) => [n, i]));
  const at = (name: string) => index.get(name) ?? -1;
  const convert = (node: ConditionNode): IndexedCondition => {
    switch (node.kind) {
      case "ref":
        return { kind: "ref", index: at(node.name) };
      case "of":
        return { kind: "of", all: node.quantifier === "all", indexes: node.names.map(at) };
      case "not":
        return { kind: "not", item: convert(node.item) };
      case "and":
      case "or":
        return { kind: node.kind, items: node.items.map(convert) };
      default:
        return assertNever(node);
    }
  };
  plan = { names, exprs: names.map((n) => detection.searches[n].expr), conditions: detection.conditions.map(convert) };
  plans.set(detection, plan);
  return plan;
}

/** Truth of a condition given the truth of each search identifier (unknown identifiers are false). */
function conditionTruth(node: IndexedCondition, truths: Uint8Array): boolean {
  switch (node.kind) {
    case "ref":
      return node.index >= 0 && truths[node.index] === 1;
    case "of":
      if (node.all) {
        for (const i of node.indexes) if (i < 0 || truths[i] !== 1) return false;
        return true;
      }
      for (const i of node.indexes) if (i >= 0 && truths[i] === 1) return true;
      return false;
    case "not":
      return !conditionTruth(node.item, truths);
    case "and":
      for (const i of node.items) if (!conditionTruth(i, truths)) return false;
      return true;
    case "or":
      for (const i of node.items) if (conditionTruth(i, truths)) return true;
      return false;
  }
}

/** Evaluates any MatchExpr (e.g. the output of buildMatchExpr) against an event. */
export function evaluateExpr(expr: MatchExpr, event: unknown): boolean {
  return evalExpr(expr, viewOf(event));
}

type EvalState = EventView;

function evalExpr(expr: MatchExpr, state: EvalState): boolean {
  switch (expr.kind) {
    case "and":
      for (const e of expr.items) if (!evalExpr(e, state)) return false;
      return true;
    case "or":
      for (const e of expr.items) if (evalExpr(e, state)) return true;
      return false;
    case "not":
      return !evalExpr(expr.item, state);
    case "const":
      return expr.value;
    case "leaf":
      return evalLeaf(expr.leaf, state);
    default:
      return assertNever(expr);
  }
}
