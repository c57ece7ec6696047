// Batch benchmark: `ccplan erlang --input` end to end (CLI process included),
// CSV in → JSON out and CSV in → CSV out, at 50,000 and 1,000,000 rows: CPU
// time per row and peak RSS (flat memory: the 1 M-row run within 1.5× of the
// 50 k one). A benchmark, not a test. Run alone with `node bench/batch.js`
// (after `npm run build`), or through `npm run bench`.
//
// The rows (Erlang C, seeded): loads log-uniform in 0.1–2,000 Erlangs, AHT
// 30–900 s, 15/30/60-min intervals, a service-level target of 70–90 % in
// 15–60 s, one row in four with an occupancy cap. `writeBatchRows` is shared
// with the pyworkforce comparison (same rows, see the README).
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { random } from "../scripts/random.mjs";

const SERVICE_LEVELS = [
  [0.8, 20],
  [0.9, 15],
  [0.8, 60],
  [0.7, 30],
];

/** The batch's header. */
export const BATCH_HEADER = "id,volume,aht,interval_minutes,sl_target,sl_seconds,max_occupancy";

/**
 * Write `count` batch rows (a header, then one queue a line) to `file`, from
 * the seed: the same bytes on every run.
 */
export function writeBatchRows(file, count, seed = 7) {
  const rnd = random(seed);
  const fd = openSync(file, "w");
  try {
    let chunk = BATCH_HEADER + "\n";
    for (let i = 0; i < count; i++) {
      const load = 0.1 * Math.pow(20000, rnd());
      const ahtSec = Math.round(30 + 870 * rnd());
      const intervalMin = [15, 30, 60][Math.floor(rnd() * 3)];
      const volume = (load * intervalMin * 60) / ahtSec;
      const [sl, within] = SERVICE_LEVELS[Math.floor(rnd() * SERVICE_LEVELS.length)];
      const occupancy = rnd() < 0.25 ? "0.88" : "";
      chunk += `q${i},${volume.toFixed(2)},${ahtSec},${intervalMin},${sl},${within},${occupancy}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = "";
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** CPU seconds (user + system) and peak RSS of one run, by /usr/bin/time; the process's own exit status checked. */
function measure(bin, args) {
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S %e %M", process.execPath, bin, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.error) throw r.error;
  const last = r.stderr.trim().split("\n").pop();
  if (r.status !== 0) throw new Error(`ccplan ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  const [user, sys, wall, kb] = last.split(" ").map(Number);
  return { cpu: user + sys, wall, rssMb: kb / 1024 };
}

/**
 * Run the benchmark with the CLI at `bin` (default this checkout's
 * bin/ccplan.js): per-row CPU time and peak RSS of CSV → JSON and CSV → CSV
 * at 50 k and 1 M rows (best of `runs`). Returns the lines to print.
 */
export async function batchBench({ bin = fileURLToPath(new URL("../bin/ccplan.js", import.meta.url)), sizes = [50_000, 1_000_000], runs = 2 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "ccplan-batch-bench-"));
  const lines = [];
  try {
    const results = {};
    for (const n of sizes) {
      const file = join(dir, `rows-${n}.csv`);
      writeBatchRows(file, n);
      for (const format of ["json", "csv"]) {
        let best;
        for (let k = 0; k < runs; k++) {
          const m = measure(bin, ["erlang", "--input", file, "--format", format, "--out", join(dir, `out.${format}`), "--quiet"]);
          // the least CPU time of the runs (the others' noise), the highest peak RSS
          best = best === undefined ? m : { ...(m.cpu < best.cpu ? m : best), rssMb: Math.max(m.rssMb, best.rssMb) };
        }
        results[`${format}${n}`] = best;
        lines.push({
          what: `ccplan erlang --input, ${n.toLocaleString("en-US")} rows, CSV → ${format.toUpperCase()}`,
          figure: `${((best.cpu / n) * 1e6).toFixed(2)} µs per row (CPU, process included; ${best.wall.toFixed(2)} s wall), peak RSS ${best.rssMb.toFixed(0)} MB`,
        });
      }
      rmSync(file);
    }
    if (sizes.length > 1) {
      const [small, large] = [sizes[0], sizes[sizes.length - 1]];
      for (const format of ["json", "csv"]) {
        const ratio = results[`${format}${large}`].rssMb / results[`${format}${small}`].rssMb;
        lines.push({ what: `peak RSS, ${large.toLocaleString("en-US")} rows over ${small.toLocaleString("en-US")} (CSV → ${format.toUpperCase()})`, figure: `${ratio.toFixed(2)}×` });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0] === "--rows") {
    // node bench/batch.js --rows N FILE: only write the rows (for comparisons with other tools)
    writeBatchRows(args[2], Number(args[1]));
  } else {
    const bin = args[0] === "--bin" ? args[1] : undefined;
    for (const { what, figure } of await batchBench(bin === undefined ? {} : { bin })) console.log(`${what}: ${figure}`);
  }
}
