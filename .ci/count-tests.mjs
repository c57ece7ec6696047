// Prints "N passed, N failed" from vitest's JSON report; exits 1 when no test ran.
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? ".vitest-report.json";
let report;
try {
  report = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  console.log("0 passed, 0 failed");
  console.error(`no vitest JSON report at ${file}: ${error.message}`);
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
if (passed + failed === 0) {
  console.error("no test ran");
  process.exit(1);
}
process.exit(failed > 0 || report.success === false ? 1 : 0);
