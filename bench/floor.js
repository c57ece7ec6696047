// The floor of `ccplan plan`: what reading a forecast and solving its live
// intervals costs with nothing else — a plain script that splits the file
// line by line and calls requiredAgents for every sync row — next to
// `ccplan plan` on the same file (the command bench/run.js times, JSON
// summary), for a week, a quarter and a year × 50 queues (bench/forecast-gen.js).
//
//   node bench/floor.js            all three horizons
//   node bench/floor.js --reader F one floor run on F (a child of the bench, so that its peak RSS is its own)
//
// Each figure is one process timed from outside: wall time, CPU time (user +
// system) and peak RSS from /usr/bin/time when present. The ratio plan/floor
// is taken on CPU time (steadier than wall time on a shared machine).
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { writeForecast } from "./forecast-gen.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");

/**
 * The minimal reader: split lines and cells, keep the sync rows (phone, chat…
 * inbound), and solve each with requiredAgents under the default scenario's
 * targets for its channel — the same solves `plan` makes. Prints its figures
 * as JSON: rows read, sync rows solved, Σ agents × interval (hours), ms.
 */
async function floorReader(file) {
  const { requiredAgents } = await import("../dist/index.js");
  const { DEFAULT_SCENARIO, targetsFor } = await import("../dist/plan/scenario.js");
  const { CHANNELS } = await import("../dist/read/channels.js");
  const t0 = performance.now();
  const targetsOf = new Map();
  const staffing = (channel) => {
    let s = targetsOf.get(channel);
    if (s === undefined) {
      const t = targetsFor(DEFAULT_SCENARIO, "sync", channel);
      s = {
        concurrency: t.concurrency ?? 1,
        patience: t.patienceSec,
        targets: { serviceLevel: t.serviceLevel, answerWithinSec: t.serviceLevel === undefined ? undefined : (t.answerWithinSec ?? 20), maxAsaSec: t.maxAsaSec, maxOccupancy: t.maxOccupancy, maxAbandonRate: t.maxAbandonRate },
      };
      targetsOf.set(channel, s);
    }
    return s;
  };
  let rows = 0;
  let solved = 0;
  let agentHours = 0;
  let carry = "";
  let header = true;
  const line = (text) => {
    if (header) {
      header = false;
      return;
    }
    if (text === "") return;
    rows++;
    const c = text.split(",");
    const channel = c[2];
    if (c[3] !== "inbound" || CHANNELS[channel]?.channelClass !== "sync") return;
    const s = staffing(channel);
    const patienceSec = c[6] === "" ? s.patience : Number(c[6]);
    const queue = { volume: Number(c[4]), ahtSec: Number(c[5]), intervalMin: 15, patienceSec, concurrency: s.concurrency };
    let r = requiredAgents(queue, { ...s.targets, maxAbandonRate: patienceSec === undefined ? undefined : s.targets.maxAbandonRate });
    if (!r.feasible) r = requiredAgents(queue, { answerWithinSec: s.targets.answerWithinSec });
    agentHours += (r.agents * 15) / 60;
    solved++;
  };
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    const text = carry + chunk;
    let from = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", from)) {
      line(text.slice(from, nl));
      from = nl + 1;
    }
    carry = text.slice(from);
  }
  if (carry !== "") line(carry);
  console.log(JSON.stringify({ rows, solved, agentHours, ms: performance.now() - t0 }));
}

/** One process, timed from outside: wall ms, CPU s (user + system), peak RSS MB (null without /usr/bin/time), its stdout. */
function timed(args) {
  const withTime = existsSync("/usr/bin/time");
  const t0 = performance.now();
  const r = withTime
    ? spawnSync("/usr/bin/time", ["-f", "TIME %U %S %M", process.execPath, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  let cpuSec = null;
  let rssMb = null;
  const m = withTime ? /TIME ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr) : null;
  if (m) {
    cpuSec = Number(m[1]) + Number(m[2]);
    rssMb = Number(m[3]) / 1024;
  }
  return { wallMs, cpuSec, rssMb, stdout: r.stdout };
}

const HORIZONS = [
  ["week", 7, "33,600 rows"],
  ["quarter", 91, "436,800 rows"],
  ["year", 364, "1,747,200 rows"],
];

/**
 * The floor benchmark: for a week, a quarter and a year × 50 queues, the
 * floor reader and `ccplan plan … --format json` each as its own process,
 * with time, CPU time and peak RSS, and the ratio plan ÷ floor.
 * @returns one `{ what, figure }` line per measure (plain strings)
 */
export async function floorBench() {
  const lines = [];
  const dir = mkdtempSync(join(tmpdir(), "ccplan-floor-"));
  const fmt = (t) => `${(t.wallMs / 1000).toFixed(2)} s wall` + (t.cpuSec === null ? "" : `, ${t.cpuSec.toFixed(2)} s CPU`) + (t.rssMb === null ? "" : `, peak RSS ${t.rssMb.toFixed(0)} MB`);
  try {
    const rss = {};
    for (const [name, days, rows] of HORIZONS) {
      const file = join(dir, `${name}.csv`);
      await writeForecast(file, days);
      const floor = timed([join(here, "floor.js"), "--reader", file]);
      const figures = JSON.parse(floor.stdout);
      const plan = timed(["bin/ccplan.js", "plan", file, "--format", "json", "--out", join(dir, "plan.json"), "--quiet"]);
      rmSync(file);
      rss[name] = plan.rssMb;
      lines.push({ what: `floor, a ${name} × 50 queues (${rows}, ${figures.solved.toLocaleString("en-US")} sync rows solved)`, figure: fmt(floor) });
      lines.push({ what: `ccplan plan, the same ${name}`, figure: fmt(plan) });
      const ratio = plan.cpuSec !== null && floor.cpuSec !== null ? `${(plan.cpuSec / floor.cpuSec).toFixed(2)}× on CPU time, ` : "";
      lines.push({ what: `plan ÷ floor, ${name}`, figure: `${ratio}${(plan.wallMs / floor.wallMs).toFixed(2)}× on wall time` });
    }
    if (rss.year !== null && rss.quarter !== null) lines.push({ what: "plan peak RSS, year ÷ quarter", figure: `${(rss.year / rss.quarter).toFixed(2)}×` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const k = process.argv.indexOf("--reader");
  if (k !== -1) await floorReader(process.argv[k + 1]);
  else for (const { what, figure } of await floorBench()) console.log(`${what}: ${figure}`);
}
