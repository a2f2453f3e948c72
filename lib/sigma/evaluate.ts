/**
 * The Sigma evaluator: does an event (parsed JSON) match a rule? Exact Sigma semantics: strings
 * case-insensitive unless `cased`, wildcards, every modifier, null = absent or null, keywords over all values,
 * regex case-sensitive unless `i`, numbers also against numeric strings, time parts in UTC.
 */
import type { ConditionNode, MatchExpr, MatchLeaf, SigmaDetection, SigmaRule, SigmaString, StringOp } from "./model";
import { assertNever } from "./condition/print";
import { eventStrings, lookupField } from "./event-fields";
import { cidrContains } from "./special-values";
import { hasPlaceholders, hasWildcards, regexToJs, sigmaStringText, sigmaStringToRegex } from "./values";
import { timePartOf } from "./time-parts";

/** The verdict for one event and the search identifiers whose expression is true. */
export interface MatchResult {
  match: boolean;
  matched: string[];
}

/** Evaluates a detection rule (or a filter's detection) against one event. Never throws. */
export function matchEvent(rule: Pick<SigmaRule, "detection">, event: unknown): MatchResult {
  return matchDetection(rule.detection, event);
}

/** Evaluates a detection against one event. */
export function matchDetection(detection: SigmaDetection, event: unknown): MatchResult {
  const state = new EvalState(event);
  const results = new Map<string, boolean>();
  for (const [name, search] of Object.entries(detection.searches)) results.set(name, evalExpr(search.expr, state));
  const truth = (node: ConditionNode): boolean => {
    switch (node.kind) {
      case "ref":
        return results.get(node.name) ?? false;
      case "of":
        return node.quantifier === "all"
          ? node.names.every((n) => results.get(n) ?? false)
          : node.names.some((n) => results.get(n) ?? false);
      case "not":
        return !truth(node.item);
      case "and":
        return node.items.every(truth);
      case "or":
        return node.items.some(truth);
      default:
        return assertNever(node);
    }
  };
  const match = detection.conditions.some(truth);
  return { match, matched: [...results].filter(([, v]) => v).map(([k]) => k) };
}

/** Evaluates any MatchExpr (e.g. the output of buildMatchExpr) against an event. */
export function evaluateExpr(expr: MatchExpr, event: unknown): boolean {
  return evalExpr(expr, new EvalState(event));
}

class EvalState {
  private strings: string[] | null = null;
  constructor(readonly event: unknown) {}
  allStrings(): string[] {
    if (this.strings === null) this.strings = eventStrings(this.event);
    return this.strings;
  }
}

function evalExpr(expr: MatchExpr, state: EvalState): boolean {
  switch (expr.kind) {
    case "and":
      return expr.items.every((e) => evalExpr(e, state));
    case "or":
      return expr.items.some((e) => evalExpr(e, state));
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

/** Candidate values of a field: each element of a list value, or the value itself. */
function candidates(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function evalLeaf(leaf: MatchLeaf, state: EvalState): boolean {
  if (leaf.kind === "null") {
    const f = lookupField(state.event, leaf.field);
    return !f.found || f.value === null || f.value === undefined;
  }
  if (leaf.kind === "exists") return lookupField(state.event, leaf.field).found === leaf.exists;
  let values: unknown[];
  if (leaf.field === null) values = state.allStrings();
  else {
    const f = lookupField(state.event, leaf.field);
    if (!f.found) return false;
    values = candidates(f.value);
  }
  return values.some((v) => leafMatchesValue(leaf, v, state));
}

const asText = (v: unknown): string | null =>
  typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : null;

function leafMatchesValue(leaf: MatchLeaf, v: unknown, state: EvalState): boolean {
  switch (leaf.kind) {
    case "string": {
      const text = asText(v);
      return text !== null && leaf.values.some((p) => stringMatches(p, leaf.op, leaf.cased, text));
    }
    case "regex": {
      const text = asText(v);
      return text !== null && leaf.values.some((p) => compiledRegex(p, leaf.flags).test(text));
    }
    case "number": {
      const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
      return !Number.isNaN(n) && leaf.values.some((x) => compare(n, leaf.op, x));
    }
    case "bool":
      return leaf.values.some((b) => v === b || (typeof v === "string" && v.toLowerCase() === String(b)));
    case "cidr":
      return typeof v === "string" && leaf.values.some((net) => cidrContains(net, v));
    case "fieldref": {
      const text = asText(v);
      if (text === null) return false;
      return leaf.values.some((ref) => {
        const other = lookupField(state.event, ref);
        if (!other.found) return false;
        return candidates(other.value).some((o) => {
          const otherText = asText(o);
          return otherText !== null && plainMatches(otherText, leaf.op, leaf.cased, text);
        });
      });
    }
    case "timepart": {
      const part = timePartOf(v, leaf.part);
      return part !== null && leaf.values.some((x) => compare(part, leaf.op ?? "eq", x));
    }
    case "null":
    case "exists":
      return false;
    default:
      return assertNever(leaf);
  }
}

function compare(actual: number, op: "eq" | "lt" | "lte" | "gt" | "gte", expected: number): boolean {
  switch (op) {
    case "eq": return actual === expected;
    case "lt": return actual < expected;
    case "lte": return actual <= expected;
    case "gt": return actual > expected;
    case "gte": return actual >= expected;
  }
}

/** Plain (wildcard-free) matching of `needle` in `text` with a string operator. */
function plainMatches(needle: string, op: StringOp, cased: boolean, text: string): boolean {
  const t = cased ? text : text.toLowerCase();
  const n = cased ? needle : needle.toLowerCase();
  switch (op) {
    case "eq": return t === n;
    case "contains": return t.includes(n);
    case "startswith": return t.startsWith(n);
    case "endswith": return t.endsWith(n);
  }
}

const wildcardCache = new WeakMap<SigmaString, Map<string, RegExp>>();

function stringMatches(parts: SigmaString, op: StringOp, cased: boolean, text: string): boolean {
  if (!hasWildcards(parts) && !hasPlaceholders(parts)) return plainMatches(sigmaStringText(parts), op, cased, text);
  let byMode = wildcardCache.get(parts);
  if (!byMode) wildcardCache.set(parts, (byMode = new Map()));
  const mode = `${op}:${cased}`;
  let re = byMode.get(mode);
  if (!re) byMode.set(mode, (re = regexToJs(sigmaStringToRegex(parts, { op, cased }))));
  return re.test(text);
}

const regexCache = new Map<string, RegExp>();

function compiledRegex(pattern: string, flags: { ignoreCase: boolean; multiline: boolean; dotAll: boolean }): RegExp {
  const f = `${flags.ignoreCase ? "i" : ""}${flags.multiline ? "m" : ""}${flags.dotAll ? "s" : ""}`;
  const key = `${f}/${pattern}`;
  let re = regexCache.get(key);
  if (!re) {
    try {
      re = regexToJs(pattern, f);
    } catch {
      re = /(?!)/; // invalid patterns were reported at parse time; they never match
    }
    if (regexCache.size > 10000) regexCache.clear();
    regexCache.set(key, re);
  }
  return re;
}
