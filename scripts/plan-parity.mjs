// Same bytes as before: runs `ccplan plan`, `validate`, `compare` and `gaps`
// with two builds — a reference checkout (default /tmp/ccplan-base, built
// with `npm ci && npm run build`) and this one — on every forecast fixture
// (fixtures/*.csv|xlsx, fixtures/bad/, fixtures/traps/), with and without
// scenarios, summary / intervals / days / months reports in JSON and CSV, and
// on the benchmark's week (and quarter with --big), and compares exit code,
// stdout, stderr and the --out file byte for byte.
//
//   node scripts/plan-parity.mjs [--base DIR] [--big] [--jobs N] [filter]
//
// Exit 0 when every run matches, 1 otherwise (the differing runs listed).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeForecast } from "../bench/forecast-gen.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const k = args.indexOf(name);
  if (k === -1) return fallback;
  const v = args[k + 1];
  args.splice(k, 2);
  return v;
};
const base = opt("--base", "/tmp/ccplan-base");
const jobs = Number(opt("--jobs", "2"));
const big = args.includes("--big");
const filter = args.filter((a) => !a.startsWith("--"))[0];
if (!existsSync(join(base, "bin/ccplan.js"))) {
  console.error(`no reference build at ${base}: git worktree add ${base} <commit> && (cd ${base} && npm ci && npm run build)`);
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), "ccplan-parity-"));
const list = (dir, re) => readdirSync(join(root, dir)).filter((f) => re.test(f)).sort().map((f) => `${dir}/${f}`);
const forecasts = [...list("fixtures", /\.(csv|xlsx)$/), ...list("fixtures/bad", /\.(csv|xlsx)$/), ...list("fixtures/traps", /\.(csv|xlsx)$/)];
const week = join(tmp, "bench-week.csv");
await writeForecast(week, 7);
const goodOnes = ["fixtures/forecast-week.csv", "fixtures/forecast-week-fr.csv", "fixtures/forecast-week-fr.xlsx", week];
const scenarios = list("fixtures/scenarios", /\.yaml$/);

/** One case: the arguments after `ccplan`, the --out file's extension (or none). */
const cases = [];
const add = (argv, out) => cases.push({ argv, out });
for (const f of [...forecasts, week]) {
  add(["validate", f, "--format", "json"]);
  add(["plan", f, "--report", "intervals", "--format", "csv"], "csv");
  add(["plan", f, "--format", "json", "--allow-gaps", "--date-format", "mdy", "--interval", "15"], "json");
}
for (const f of goodOnes) {
  add(["plan", f, "--format", "json"], "json");
  add(["plan", f, "--report", "days", "--format", "json"], "json");
  add(["plan", f, "--report", "months", "--format", "csv"], "csv");
}
for (const f of goodOnes) {
  for (const s of scenarios) add(["plan", f, "--scenario", s, "--report", "intervals", "--format", "csv"], "csv");
  add(["plan", f, "--scenario", "fixtures/scenarios/org-polyvalent.yaml", "--by", "tier", "--format", "json"], "json");
  add(["plan", f, "--scenario", "fixtures/scenarios/sourcing-hybrid.yaml", "--format", "json"], "json");
  add(["plan", f, "--scenario", "fixtures/scenarios/sourcing-split.yaml", "--site", "Lisbon", "--format", "json"], "json");
  add(["plan", f, "--volume-factor", "1.1", "--sl", "90/20", "--report", "intervals", "--format", "csv"], "csv");
  add(["compare", f, ...["in-house", "nearshore", "hybrid"].flatMap((n) => ["--scenario", `fixtures/scenarios/sourcing-${n}.yaml`]), "--format", "json"]);
  add(["gaps", f, "--roster", "fixtures/roster.csv", "--scenario", "fixtures/scenarios/gaps-two-sites.yaml", "--format", "json"]);
}
add(["plan", "-", "--format", "json"], "json"); // stdin: the fixture week piped
if (big) {
  const quarter = join(tmp, "bench-quarter.csv");
  await writeForecast(quarter, 91);
  add(["plan", quarter, "--format", "json"], "json");
  add(["plan", quarter, "--report", "intervals", "--format", "csv"], "csv");
  add(["plan", quarter, "--scenario", "fixtures/scenarios/org-polyvalent.yaml", "--by", "tier", "--format", "json"], "json");
}

function run(dir, argv, out, tag) {
  return new Promise((resolve) => {
    const outFile = out === undefined ? undefined : join(tmp, `${tag}.${out}`);
    const full = [join(dir, "bin/ccplan.js"), ...argv, ...(outFile ? ["--out", outFile] : [])];
    const child = spawn(process.execPath, full, { cwd: root, env: { ...process.env, COLUMNS: "100", NO_COLOR: "1" } });
    const stdout = [];
    const stderr = [];
    child.stdout.on("data", (d) => stdout.push(d));
    child.stderr.on("data", (d) => stderr.push(d));
    if (argv.includes("-")) child.stdin.end(readFileSync(join(root, "fixtures/forecast-week.csv")));
    else child.stdin.end();
    child.on("close", (code) => {
      const file = outFile !== undefined && existsSync(outFile) ? readFileSync(outFile) : undefined;
      if (outFile !== undefined) rmSync(outFile, { force: true });
      resolve({ code, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr), file });
    });
  });
}

const selected = cases.filter((c) => filter === undefined || c.argv.join(" ").includes(filter));
const failures = [];
let next = 0;
let done = 0;
async function worker(w) {
  while (next < selected.length) {
    const k = next++;
    const c = selected[k];
    const [a, b] = [await run(base, c.argv, c.out, `out-${k}`), await run(root, c.argv, c.out, `out-${k}`)];
    const same = a.code === b.code && a.stdout.equals(b.stdout) && a.stderr.equals(b.stderr) && (a.file === undefined ? b.file === undefined : b.file !== undefined && a.file.equals(b.file));
    if (!same) failures.push({ c, a, b });
    if (++done % 50 === 0) console.error(`${done}/${selected.length}`);
  }
}
await Promise.all(Array.from({ length: jobs }, (_, w) => worker(w)));
rmSync(tmp, { recursive: true, force: true });
for (const { c, a, b } of failures) {
  console.log(`DIFFERS: ccplan ${c.argv.join(" ")}`);
  console.log(`  exit ${a.code} vs ${b.code}; stdout ${a.stdout.equals(b.stdout) ? "same" : "differs"}; stderr ${a.stderr.equals(b.stderr) ? "same" : "differs"}; out file ${a.file?.equals(b.file ?? Buffer.alloc(0)) ? "same" : "differs"}`);
  if (!a.stderr.equals(b.stderr)) console.log(`  base stderr: ${a.stderr.toString().slice(0, 400)}\n  new stderr:  ${b.stderr.toString().slice(0, 400)}`);
}
console.log(`${selected.length - failures.length} of ${selected.length} runs give the same bytes (exit code, stdout, stderr, --out file) as ${base}`);
process.exit(failures.length === 0 ? 0 : 1);
