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
  let checked = 0;
  for (const { file, result } of corpusConversions(target)) {
    if (result.status !== "converted" || !result.query || !result.table) continue;
    checked++;
    const columns = schema[result.table] ?? {};
    const unknown = result.columns.filter((c) => !(c in columns));
    if (unknown.length) failures.push(`${file.rel}: columns not in ${result.table}: ${unknown.join(", ")}`);
    const errors = validator.errors(result.query);
    if (errors.length) failures.push(`${file.rel}: ${errors.map((e) => `${e.code} ${e.message}`).join("; ")}`);
  }
  expect(checked).toBeGreaterThan(0);
  expect(failures.slice(0, 20)).toEqual([]);
}
