// Benchmark of `ccplan compare`: a synthetic forecast of 50 queues in
// 15-minute intervals (bench/forecast-gen.js; 364 days = 52 whole weeks,
// 1.75 million rows by default) × the six fixtures/scenarios/sourcing-*.yaml,
// planned on worker threads (as a run does), on one thread
// (CCPLAN_THREADS=1) and, when given, by an older build (BENCH_BASE=path of
// its checkout, e.g. /tmp/ccplan-base): wall time, CPU time and peak RSS of
// the whole process (GNU time), and whether the outputs are the same bytes.
//   node bench/compare.js            (needs `npm run build`)
//   BENCH_COMPARE_DAYS=28 BENCH_BASE=/tmp/ccplan-base node bench/compare.js
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeForecast } from "./forecast-gen.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** One run under GNU time: wall and CPU seconds, peak RSS (MB), and the output file. */
function timed(bin, args, env, out) {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", process.execPath, bin, ...args, "--out", out, "-q"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const last = r.stderr.trim().split("\n").pop() ?? "";
  const m = /^([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/.exec(last);
  if (r.status !== 0 || m === null) return { error: `exit ${r.status}: ${r.stderr.trim().split("\n").slice(-3).join(" | ")}` };
  return { wallSec: Number(m[1]), cpuSec: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024, out };
}

/**
 * Run the benchmark and return its lines ({ what, figure }, plain strings).
 * @param {{ days?: number, base?: string }} options
 */
export async function benchCompare(options = {}) {
  const days = options.days ?? Number(process.env.BENCH_COMPARE_DAYS ?? 364);
  const base = options.base ?? process.env.BENCH_BASE;
  const dir = mkdtempSync(join(tmpdir(), "ccplan-bench-compare-"));
  try {
    const forecast = join(dir, "forecast.csv");
    await writeForecast(forecast, days);
    const scenarios = readdirSync(join(ROOT, "fixtures/scenarios"))
      .filter((f) => /^sourcing-.*\.yaml$/.test(f))
      .sort()
      .flatMap((f) => ["--scenario", join("fixtures/scenarios", f)]);
    const args = ["compare", forecast, ...scenarios, "--format", "json"];
    const rows = days * 96 * 50;
    const what = `compare ${days} days × 50 queues (${rows.toLocaleString("en")} rows) × ${scenarios.length / 2} scenarios`;
    const runs = [
      ["threads (auto: " + availableParallelism() + " cores)", join(ROOT, "bin/ccplan.js"), {}],
      ["one thread (CCPLAN_THREADS=1)", join(ROOT, "bin/ccplan.js"), { CCPLAN_THREADS: "1" }],
      ...(base !== undefined && existsSync(join(base, "bin/ccplan.js")) ? [["old build (" + base + ")", join(base, "bin/ccplan.js"), {}]] : []),
    ];
    const lines = [{ what: "machine", figure: `${cpus()[0]?.model ?? "?"}, ${availableParallelism()} cores, Node ${process.version}` }];
    const results = [];
    for (const [label, bin, env] of runs) {
      const r = timed(bin, args, env, join(dir, `out-${results.length}.json`));
      results.push(r);
      lines.push({
        what: `${what}: ${label}`,
        figure: r.error ?? `${r.wallSec.toFixed(1)} s wall, ${r.cpuSec.toFixed(1)} s CPU, peak RSS ${r.rssMb.toFixed(0)} MB`,
      });
    }
    const [threads, one, old] = results;
    if (!threads.error && !one.error) lines.push({ what: `${what}: threads vs one thread`, figure: `${(one.wallSec / threads.wallSec).toFixed(2)}× faster (wall)` });
    if (old !== undefined && !old.error && !threads.error) lines.push({ what: `${what}: threads vs old build`, figure: `${(old.wallSec / threads.wallSec).toFixed(2)}× faster (wall), ${(old.rssMb / threads.rssMb).toFixed(1)}× less memory` });
    const ok = results.filter((r) => !r.error);
    if (ok.length > 1) {
      const first = readFileSync(ok[0].out);
      lines.push({ what: `${what}: outputs`, figure: ok.every((r) => readFileSync(r.out).equals(first)) ? "the same bytes" : "DIFFER" });
    }
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const { what, figure } of await benchCompare()) console.log(`${what}: ${figure}`);
}
