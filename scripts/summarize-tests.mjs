// Prints one closing line, "N passed, N failed", over the unit and end-to-end reports,
// so a reader (or CI) sees the whole run's count at a glance.
import { existsSync, readFileSync } from 'node:fs';

const [unitPath, e2ePath] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

if (unitPath && existsSync(unitPath)) {
  const unit = JSON.parse(readFileSync(unitPath, 'utf8'));
  passed += unit.numPassedTests ?? 0;
  const failedTests = unit.numFailedTests ?? 0;
  // A file that fails to load fails no test but must still count.
  failed += failedTests > 0 ? failedTests : (unit.numFailedTestSuites ?? 0);
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
} else {
  failed += 1;
  console.error('The unit test report is missing: the unit tests did not run to the end.');
}

if (e2ePath && existsSync(e2ePath)) {
  const e2e = JSON.parse(readFileSync(e2ePath, 'utf8'));
  passed += e2e.stats?.expected ?? 0;
  failed += e2e.stats?.unexpected ?? 0;
  passed += e2e.stats?.flaky ?? 0;
  skipped += e2e.stats?.skipped ?? 0;
} else {
  failed += 1;
  console.error('The end-to-end report is missing: the end-to-end tests did not run to the end.');
}

console.log(`${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 ? 1 : 0);
