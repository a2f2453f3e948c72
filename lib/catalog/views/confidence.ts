/**
 * Confidence in deploying a rule as is, from three signals: its Sigma status (maturity), its level (how
 * specific the author judged it) and how exactly it converted to KQL (all targets, with or without warnings).
 */
import type { Confidence, ConversionState } from "../types";

/** What confidence is computed from. */
export interface ConfidenceInput {
  status: string | null;
  level: string | null;
  /** One entry per target: its state and how many warning issues the conversion carries. */
  conversions: { state: ConversionState | "missing"; warnings: number }[];
}

const STATUS_SCORE: Record<string, number> = { stable: 2, test: 1, experimental: 0, deprecated: -3, unsupported: -3 };
const LEVEL_SCORE: Record<string, number> = { critical: 1, high: 1, medium: 0, low: -1, informational: -1 };

/** Scores the signals and explains the result in one sentence. */
export function computeConfidence(input: ConfidenceInput): Confidence {
  const total = input.conversions.length;
  const converted = input.conversions.filter((c) => c.state === "converted");
  const exact = converted.filter((c) => c.warnings === 0).length;
  let conversionScore: number;
  let conversionText: string;
  if (total > 0 && exact === total) {
    conversionScore = 2;
    conversionText = `converts to all ${total} KQL targets without warnings`;
  } else if (total > 0 && converted.length === total) {
    conversionScore = 1;
    conversionText = `converts to all ${total} KQL targets, ${total - exact} with warnings`;
  } else if (converted.length > 0) {
    conversionScore = 1;
    conversionText = `converts to ${converted.length} of ${total} KQL targets`;
  } else {
    conversionScore = -1;
    conversionText = "does not convert to any KQL target";
  }
  const status = input.status ?? "unspecified";
  const level = input.level ?? "unspecified";
  const score = (STATUS_SCORE[status] ?? 0) + (LEVEL_SCORE[level] ?? 0) + conversionScore;
  // Deprecated/unsupported rules are never more than low, whatever else is true.
  const retired = status === "deprecated" || status === "unsupported";
  const result: Confidence["level"] = retired ? "low" : score >= 4 ? "high" : score >= 2 ? "medium" : "low";
  return { level: result, reason: `Status ${status}, level ${level}; ${conversionText}.` };
}
