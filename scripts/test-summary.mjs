#!/usr/bin/env node
// Prints the plain `N passed, N failed[, N skipped]` line CI reads, from vitest's JSON report plus the
// type check, and exits non-zero when anything failed or vitest crashed before reporting.
import { readFileSync } from "node:fs";

const [file, typecheckPassed, typecheckFailed, vitestRc] = process.argv.slice(2);
let passed = Number(typecheckPassed) || 0;
let failed = Number(typecheckFailed) || 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A test file that fails to load has no failed tests but a failed suite: count it.
  for (const suite of report.testResults ?? []) {
    if (suite.status === "failed" && (suite.assertionResults ?? []).length === 0) failed += 1;
  }
} catch (err) {
  console.error(`could not read the vitest report ${file}: ${err.message}`);
  failed += 1;
}
if (Number(vitestRc) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
