/**
 * Test helper shared by the per-target corpus validity tests: every query converted from the corpus must parse
 * and analyse with Microsoft's Kusto parser against the target's schema with 0 errors, and list only columns of
 * its table.
 */
import { expect } from "vitest";
import { TARGETS } from "../targets";
import type { TargetId } from "../target";
import { corpusConversions } from "./corpus-conversions";
import { KustoValidator } from "./kusto-validator";

/** Checks every converted corpus query of `target`; failures are reported with the rule path and diagnostics. */
export function checkCorpusValidity(target: TargetId): void {
  const schema = TARGETS[target].schema;
  const validator = new KustoValidator(schema);
  const failures: string[] = [];
  const queries: { rel: string; query: string }[] = [];
  for (const { file, result } of corpusConversions(target)) {
    if (result.status !== "converted" || !result.query || !result.table) continue;
    const columns = schema[result.table] ?? {};
    const unknown = result.columns.filter((c) => !(c in columns));
    if (unknown.length) failures.push(`${file.rel}: columns not in ${result.table}: ${unknown.join(", ")}`);
    queries.push({ rel: file.rel, query: result.query });
  }
  // Analysing queries in batches (`q1;\nq2;…`, one statement each) halves the parser's per-call overhead;
  // diagnostics are mapped back to their query by offset.
  const BATCH = 50;
  for (let i = 0; i < queries.length; i += BATCH) {
    const batch = queries.slice(i, i + BATCH);
    const starts: number[] = [];
    let text = "";
    for (const q of batch) {
      starts.push(text.length);
      text += `${q.query};\n`;
    }
    for (const e of validator.errors(text)) {
      let k = starts.length - 1;
      while (k > 0 && starts[k] > e.start) k--;
      failures.push(`${batch[k].rel}: ${e.code} ${e.message}`);
    }
  }
  expect(queries.length).toBeGreaterThan(0);
  expect(failures.slice(0, 20)).toEqual([]);
}
