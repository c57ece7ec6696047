/**
 * The environment for a spawned `bin/ccplan.js`: the test runner's, without
 * the variables that change how a report looks — `COLUMNS` (the width tables
 * are fitted to) and `CCPLAN_LOCALE` (labels and CSV style) — so that a CI
 * that exports them cannot change the output the tests compare; then
 * `extra`, which a test sets on purpose.
 */
export function binEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.COLUMNS;
  delete env.CCPLAN_LOCALE;
  return { ...env, ...extra };
}
