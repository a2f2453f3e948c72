/**
 * Coverage of the SigmaHQ snapshot per target, as a committed summary (testdata/coverage-summary.txt) so that a
 * change in what converts shows in review.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TARGET_IDS } from "./target";
import { corpusAvailable, SIGMA_DIR } from "./testing/corpus";
import { corpusConversions } from "./testing/corpus-conversions";

/**
 * The exact-conversion ceiling: documents whose logsource no route of any target accepts (Okta, GitHub, zeek,
 * auditd, …). No target can convert them without a table that holds their events.
 */
function ceilingLines(): string[] {
  const perTarget = TARGET_IDS.map((t) => corpusConversions(t));
  const total = perTarget[0].length;
  let noTable = 0;
  for (let i = 0; i < total; i++) {
    if (perTarget.every((results) => results[i].result.issues[0]?.code === "no-table-for-logsource")) noTable++;
  }
  const ceiling = ((100 * (total - noTable)) / total).toFixed(1);
  return [
    `# ${noTable} of ${total} documents name a logsource that no table of any target holds, so at most ${total - noTable} (${ceiling}%) can convert exactly.`,
    `# The per-target share "of the rules this target has a table for" leaves out that target's no-table-for-logsource rules.`,
    "",
  ];
}

function summary(): string {
  const lines: string[] = ["# Non-deprecated SigmaHQ snapshot: conversion status per target (unsupported/invalid by first issue code)", ...ceilingLines()];
  for (const target of TARGET_IDS) {
    const results = corpusConversions(target);
    const by = { converted: 0, unsupported: 0, invalid: 0 };
    const reasons = new Map<string, number>();
    // Conversions that fell back to a native Sentinel table (route ids `<target>/native/…` or `<target>/sentinel/…`).
    let viaFallback = 0;
    for (const { result } of results) {
      by[result.status]++;
      if (result.status === "converted" && result.trace.some((step) => /^route:[a-z-]+\/(?:native|sentinel)\//.test(step))) viaFallback++;
      if (result.status !== "converted") {
        const code = `${result.status}: ${result.issues[0]?.code ?? "(none)"}`;
        reasons.set(code, (reasons.get(code) ?? 0) + 1);
      }
    }
    const pct = ((100 * by.converted) / results.length).toFixed(1);
    const noTable = reasons.get("unsupported: no-table-for-logsource") ?? 0;
    const ofConvertible = ((100 * by.converted) / (results.length - noTable)).toFixed(1);
    lines.push(`${target}: ${by.converted} of ${results.length} converted (${pct}%; ${ofConvertible}% of the rules this target has a table for), ${by.unsupported} unsupported, ${by.invalid} invalid`);
    if (viaFallback > 0) {
      const own = by.converted - viaFallback;
      lines.push(`  ${String(own).padStart(5)}  converted on the target's own tables (${((100 * own) / results.length).toFixed(1)}%)`);
      lines.push(`  ${String(viaFallback).padStart(5)}  converted via the native Sentinel table fallback`);
    }
    for (const [code, n] of [...reasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) lines.push(`  ${String(n).padStart(5)}  ${code}`);
    lines.push("");
  }
  return lines.join("\n");
}

describe.skipIf(!corpusAvailable())(`corpus coverage (needs ${SIGMA_DIR})`, () => {
  it("matches the committed summary", async () => {
    await expect(summary()).toMatchFileSnapshot(path.join(import.meta.dirname, "testdata", "coverage-summary.txt"));
  }, 300_000);
});
