// Writes the expected outputs of test/cli/compare-threads.test.ts with a build
// of ccplan from before compare used threads (the outputs to keep byte for byte):
//   node test/cli/expected/compare-threads/generate.mjs /tmp/ccplan-base/bin/ccplan.js
// (run from the repository root; e6508b0 made the files checked in).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const bin = process.argv[2];
if (bin === undefined) throw new Error("usage: node generate.mjs PATH/TO/bin/ccplan.js");
const cases = JSON.parse(readFileSync(join(here, "cases.json"), "utf8"));
const env = { ...process.env };
delete env.COLUMNS;
delete env.CCPLAN_LOCALE;
for (const c of cases) {
  const out = join(here, c.name);
  const args = ["compare", "fixtures/forecast-week.csv", ...c.scenarios.flatMap((s) => ["--scenario", `fixtures/scenarios/${s}.yaml`]), ...c.args];
  const r = spawnSync(process.execPath, [bin, ...args, ...(c.name.endsWith(".xlsx") ? ["--out", out] : [])], { env, maxBuffer: 1 << 28 });
  if (r.status !== (c.status ?? 0)) throw new Error(`${c.name}: exit ${r.status}\n${r.stderr}`);
  if (!c.name.endsWith(".xlsx")) writeFileSync(out, r.stdout);
  writeFileSync(`${out}.stderr`, r.stderr.toString().replace(/^wrote .*\n/m, ""));
  console.log(c.name);
}
