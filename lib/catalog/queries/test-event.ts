/**
 * The event tester: does a pasted JSON event match a stored rule, and which selections matched? Runs lib/sigma's
 * evaluator on the server over the rule's stored YAML.
 */
import { matchEvent, parseRule } from "../../sigma";
import { getPrisma } from "../db";
import type { EventTestResult } from "../types";
import { parseJsonInput } from "../views/json-input";
import { searchPolarity } from "../views/selections";

/** Largest event accepted, in characters. */
export const MAX_EVENT_CHARS = 200_000;

/** Tests `eventText` against rule `ruleId`; null when the rule does not exist. */
export async function testEvent(ruleId: string, eventText: string): Promise<EventTestResult | null> {
  const rule = await getPrisma().rule.findUnique({ where: { id: ruleId }, select: { yaml: true } });
  if (!rule) return null;
  if (eventText.length > MAX_EVENT_CHARS) {
    return { kind: "not-testable", message: `The event is larger than ${MAX_EVENT_CHARS.toLocaleString("en-US")} characters.` };
  }
  const input = parseJsonInput(eventText);
  if (!input.ok) return { kind: "invalid-json", message: input.message, line: input.line, col: input.col };
  let event = input.value;
  let note: string | null = null;
  if (Array.isArray(event)) {
    if (event.length === 0 || typeof event[0] !== "object" || event[0] === null) {
      return { kind: "not-testable", message: "Paste one event as a JSON object, e.g. {\"Image\": \"C:\\\\Windows\\\\System32\\\\cmd.exe\"}." };
    }
    note = `An array of ${event.length} was given; its first element was tested.`;
    event = event[0];
  } else if (typeof event !== "object" || event === null) {
    return { kind: "not-testable", message: "Paste one event as a JSON object (field names as keys)." };
  }
  const parsed = parseRule(rule.yaml);
  if (!parsed.rule) {
    return { kind: "not-testable", message: "This document has no detection that can be evaluated (it is a correlation or filter, or it does not parse)." };
  }
  const result = matchEvent(parsed.rule, event);
  const { selections, exclusions } = searchPolarity(parsed.rule.detection);
  return {
    kind: "result",
    match: result.match,
    matched: result.matched,
    matchedSelections: result.matched.filter((m) => selections.includes(m)),
    matchedExclusions: result.matched.filter((m) => exclusions.includes(m)),
    note,
  };
}
