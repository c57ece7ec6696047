// npm run bench: solves per second of requiredAgents (Erlang C, Erlang A) on a
// realistic mix, `ccplan erlang --input` end to end on 100,000 rows, and the
// CLI's start-up time. A benchmark, not a test: it prints figures for the README.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { requiredAgents } from "../dist/index.js";
import { writeForecast, writeWorkbookTwin } from "./forecast-gen.js";
import { random } from "../scripts/random.mjs";
import { mix } from "./mix.js";


function solvesPerSecond(cases, minMs) {
  let sink = 0;
  for (const c of cases.slice(0, 2000)) sink += requiredAgents(c.queue, c.targets).agents; // warm-up
  let solves = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const c of cases) sink += requiredAgents(c.queue, c.targets).agents;
    solves += cases.length;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  if (sink < 0) console.log(sink);
  return { perSecond: (solves / elapsed) * 1000, usPerSolve: (elapsed * 1000) / solves, solves };
}

function timeCommand(args, runs) {
  const times = [];
  let status = 0;
  let stderr = "";
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 30 });
    times.push(performance.now() - t0);
    status = r.status;
    stderr = r.stderr;
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], minMs: times[0], status, stderr };
}

function peakRssMb(args) {
  const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.error) return null;
  const kb = Number(r.stderr.trim().split("\n").pop());
  return Number.isFinite(kb) ? kb / 1024 : null;
}

// BENCH_ONLY=core,batch100k,plan,week-compare,shifts,batch,floor,compare,erlang-a,chat,startup runs only those parts.
const only = process.env.BENCH_ONLY?.split(",");
const want = (name) => only === undefined || only.includes(name);
const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`machine: ${cpus().length} × ${cpu}, Node ${process.version}`);

if (want("core")) {
const erlangC = solvesPerSecond(mix(100_000, false, 1), 3000);
console.log(`Erlang C requiredAgents: ${Math.round(erlangC.perSecond).toLocaleString("en-US")} solves/s (${erlangC.usPerSolve.toFixed(3)} µs per solve)`);
const erlangA = solvesPerSecond(mix(20_000, true, 2), 3000);
console.log(`Erlang A requiredAgents: ${Math.round(erlangA.perSecond).toLocaleString("en-US")} solves/s (${erlangA.usPerSolve.toFixed(2)} µs per solve)`);

}

// Batch: 100,000 rows (one in five Erlang A), CSV in → JSON out, CLI process included.
if (want("batch100k")) {
const dir = mkdtempSync(join(tmpdir(), "ccplan-bench-"));
try {
  const file = join(dir, "cases.csv");
  const rnd = random(3);
  const lines = ["id,volume,aht,interval_minutes,sl_target,sl_seconds,max_occupancy,patience,max_abandon"];
  const rows = mix(100_000, false, 4);
  rows.forEach((c, i) => {
    const erlangA = rnd() < 0.2;
    lines.push(
      [
        `q${i}`,
        c.queue.volume.toFixed(2),
        c.queue.ahtSec,
        c.queue.intervalMin,
        c.targets.serviceLevel,
        c.targets.answerWithinSec,
        c.targets.maxOccupancy ?? "",
        erlangA ? 120 : "",
        erlangA ? 0.05 : "",
      ].join(","),
    );
  });
  writeFileSync(file, lines.join("\n") + "\n");
  const args = ["bin/ccplan.js", "erlang", "--input", file, "--format", "json", "--out", join(dir, "out.json"), "--quiet"];
  const batch = timeCommand(args, 3);
  if (batch.status !== 0) throw new Error(`batch failed: ${batch.stderr}`);
  const rss = peakRssMb(args);
  console.log(
    `ccplan erlang --input (100,000 rows, CSV → JSON): ${(batch.medianMs / 1000).toFixed(2)} s wall (median of 3)` +
      (rss === null ? "" : `, peak RSS ${rss.toFixed(0)} MB`),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
}

// ccplan plan: a week of 15-minute intervals × 50 queues (33,600 rows), end to end.
if (want("plan")) {
  const dir = mkdtempSync(join(tmpdir(), "ccplan-bench-"));
  try {
    const file = join(dir, "week.csv");
    await writeForecast(file, 7);
    const args = ["bin/ccplan.js", "plan", file, "--format", "json", "--out", join(dir, "plan.json"), "--quiet"];
    const week = timeCommand(args, 5);
    if (week.status !== 0) throw new Error(`plan failed: ${week.stderr}`);
    const rss = peakRssMb(args);
    console.log(`ccplan plan, a week × 50 queues at 15 min (33,600 rows): ${(week.medianMs / 1000).toFixed(2)} s wall (median of 5)` + (rss === null ? "" : `, peak RSS ${rss.toFixed(0)} MB`));
    // The same week with levels 1–3 (escalated back-office work) and teams pooled under the polyvalent model.
    const tiersArgs = ["bin/ccplan.js", "plan", file, "--scenario", "fixtures/scenarios/org-polyvalent.yaml", "--by", "tier", "--format", "json", "--out", join(dir, "tiers.json"), "--quiet"];
    const tiers = timeCommand(tiersArgs, 5);
    if (tiers.status !== 0) throw new Error(`plan failed: ${tiers.stderr}`);
    const tiersRss = peakRssMb(tiersArgs);
    console.log(`ccplan plan --scenario org-polyvalent.yaml --by tier, the same week: ${(tiers.medianMs / 1000).toFixed(2)} s wall (median of 5)` + (tiersRss === null ? "" : `, peak RSS ${tiersRss.toFixed(0)} MB`));
    // Spreadsheets: the week written as a workbook (every sheet, 33,600 interval rows), and read from its .xlsx twin.
    const xlsxArgs = ["bin/ccplan.js", "plan", file, "--format", "xlsx", "--out", join(dir, "plan.xlsx"), "--quiet"];
    const xlsxOut = timeCommand(xlsxArgs, 3);
    if (xlsxOut.status !== 0) throw new Error(`plan --format xlsx failed: ${xlsxOut.stderr}`);
    const xlsxOutRss = peakRssMb(xlsxArgs);
    console.log(`ccplan plan --format xlsx, the same week (7 sheets, 33,600 interval rows): ${(xlsxOut.medianMs / 1000).toFixed(2)} s wall (median of 3)` + (xlsxOutRss === null ? "" : `, peak RSS ${xlsxOutRss.toFixed(0)} MB`));
    const book = join(dir, "week.xlsx");
    await writeWorkbookTwin(file, book);
    const xlsxInArgs = ["bin/ccplan.js", "plan", book, "--format", "json", "--out", join(dir, "plan-xlsx.json"), "--quiet"];
    const xlsxIn = timeCommand(xlsxInArgs, 3);
    if (xlsxIn.status !== 0) throw new Error(`plan of an .xlsx failed: ${xlsxIn.stderr}`);
    const xlsxInRss = peakRssMb(xlsxInArgs);
    console.log(`ccplan plan of the same week as .xlsx (real dates, numbers): ${(xlsxIn.medianMs / 1000).toFixed(2)} s wall (median of 3)` + (xlsxInRss === null ? "" : `, peak RSS ${xlsxInRss.toFixed(0)} MB`));
    // A quarter and a year, streamed: time and peak memory (flat memory is the goal).
    for (const [label, days] of [["a quarter (436,800 rows)", 91], ["a year (1,747,200 rows)", 364]]) {
      const big = join(dir, `${days}.csv`);
      await writeForecast(big, days);
      const bigArgs = ["bin/ccplan.js", "plan", big, "--format", "json", "--out", join(dir, "big.json"), "--quiet"];
      const t = timeCommand(bigArgs, 1);
      if (t.status !== 0) throw new Error(`plan failed: ${t.stderr}`);
      const bigRss = peakRssMb(bigArgs);
      console.log(`ccplan plan, ${label}: ${(t.medianMs / 1000).toFixed(1)} s wall` + (bigRss === null ? "" : `, peak RSS ${bigRss.toFixed(0)} MB`));
      if (days === 91) {
        // The intervals report of the quarter, CSV, streamed through the spool.
        const iArgs = ["bin/ccplan.js", "plan", big, "--report", "intervals", "--format", "csv", "--out", join(dir, "intervals.csv"), "--quiet"];
        const ti = timeCommand(iArgs, 1);
        if (ti.status !== 0) throw new Error(`plan failed: ${ti.stderr}`);
        const iRss = peakRssMb(iArgs);
        console.log(`ccplan plan --report intervals --format csv, ${label}: ${(ti.medianMs / 1000).toFixed(1)} s wall` + (iRss === null ? "" : `, peak RSS ${iRss.toFixed(0)} MB`));
      } else {
        // What the planner keeps: heap in use after a full GC at each quarter of the year.
        const heap = spawnSync(process.execPath, ["--expose-gc", "bench/live-heap.js", big], { encoding: "utf8" });
        if (heap.status !== 0) throw new Error(`live-heap failed: ${heap.stderr}`);
        const marks = JSON.parse(heap.stdout);
        console.log(`live heap after GC while streaming ${label}: ` + marks.map(([n, mb]) => `${(n / 1e6).toFixed(2)} M rows ${mb.toFixed(1)} MB`).join(", "));
        const yArgs = ["bin/ccplan.js", "plan", big, "--scenario", "fixtures/scenarios/org-polyvalent.yaml", "--by", "tier", "--format", "json", "--out", join(dir, "tiers.json"), "--quiet"];
        const ty = timeCommand(yArgs, 1);
        if (ty.status !== 0) throw new Error(`plan failed: ${ty.stderr}`);
        const tyRss = peakRssMb(yArgs);
        console.log(`ccplan plan --scenario org-polyvalent.yaml --by tier, ${label}: ${(ty.medianMs / 1000).toFixed(1)} s wall` + (tyRss === null ? "" : `, peak RSS ${tyRss.toFixed(0)} MB`));
      }
      rmSync(big);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// compare (six sourcing scenarios) and gaps (the fixture roster) on the fixture week, process included.
if (want("week-compare")) {
  const S = "fixtures/scenarios";
  const compareArgs = ["bin/ccplan.js", "compare", "fixtures/forecast-week.csv", "--format", "json", "--quiet",
    ...["in-house", "nearshore", "offshore-shared", "hybrid", "homeshoring", "split"].flatMap((n) => ["--scenario", `${S}/sourcing-${n}.yaml`])];
  const compare = timeCommand(compareArgs, 3);
  if (compare.status !== 0) throw new Error(`compare failed: ${compare.stderr}`);
  console.log(`ccplan compare, six sourcing scenarios on the fixture week: ${(compare.medianMs / 1000).toFixed(2)} s wall (median of 3)`);
  const gapsArgs = ["bin/ccplan.js", "gaps", "fixtures/forecast-week.csv", "--roster", "fixtures/roster.csv", "--scenario", `${S}/gaps-two-sites.yaml`, "--format", "json", "--quiet"];
  const gaps = timeCommand(gapsArgs, 3);
  if (gaps.status !== 0) throw new Error(`gaps failed: ${gaps.stderr}`);
  console.log(`ccplan gaps, the fixture roster (149 people) on the fixture week: ${(gaps.medianMs / 1000).toFixed(2)} s wall (median of 3)`);
}

// ccplan shifts: the fixture week's team scheduled (HiGHS, to the default 1 % gap), and 13 weeks of it week by week.
if (want("shifts")) {
  const args = ["bin/ccplan.js", "shifts", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/in-house-shifts.yaml", "--format", "json", "--quiet"];
  const week = timeCommand(args, 3);
  if (week.status !== 0) throw new Error(`shifts failed: ${week.stderr}`);
  const one = JSON.parse(spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 30 }).stdout);
  const rss = peakRssMb(args.slice(0));
  console.log(
    `ccplan shifts, the fixture week (${one.totals.people} people, ${one.teams.length} team): ${(week.medianMs / 1000).toFixed(2)} s wall (median of 3), status ${one.totals.status}, proven gap ${(one.totals.mipGap * 100).toFixed(2)} %` +
      (rss === null ? "" : `, peak RSS ${rss.toFixed(0)} MB`),
  );
  // 13 weeks: the fixture week repeated with a seasonal ±10 % on volumes
  const dir = mkdtempSync(join(tmpdir(), "ccplan-shifts-bench-"));
  try {
    const [head, ...rows] = readFileSync("fixtures/forecast-week.csv", "utf8").trim().split("\n");
    const out = [head];
    for (let k = 0; k < 13; k++) {
      const factor = 1 + 0.1 * Math.sin((2 * Math.PI * k) / 13);
      for (const line of rows) {
        const cells = line.split(",");
        const t = new Date(`${cells[0]}:00Z`);
        t.setUTCDate(t.getUTCDate() + 7 * k);
        cells[0] = t.toISOString().slice(0, 16);
        cells[4] = String(Math.round(Number(cells[4]) * factor * 100) / 100);
        out.push(cells.join(","));
      }
    }
    const file = join(dir, "forecast-13-weeks.csv");
    writeFileSync(file, out.join("\n") + "\n");
    const quarter = timeCommand(["bin/ccplan.js", "shifts", file, "--scenario", "fixtures/scenarios/in-house-shifts.yaml", "--format", "json", "--quiet"], 1);
    if (quarter.status !== 0) throw new Error(`shifts (13 weeks) failed: ${quarter.stderr}`);
    console.log(`ccplan shifts, 13 weeks of the fixture (±10 % seasonal), week by week: ${(quarter.medianMs / 1000).toFixed(1)} s wall`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Issue 15's parts, each its own module (runnable alone: node bench/<part>.js):
// batches of 50 k and 1 M rows, plan against the floor, compare on both cores,
// Erlang A at extreme patience, the chat chain, start-up.
const print = (lines) => { for (const { what, figure } of lines) console.log(`${what}: ${figure}`); };
for (const [name, load] of [
  ["batch", async () => (await import("./batch.js")).batchBench()],
  ["floor", async () => (await import("./floor.js")).floorBench()],
  ["compare", async () => (await import("./compare.js")).benchCompare()],
  ["erlang-a", async () => (await import("./erlang-a-patience.js")).benchErlangAPatience()],
  ["chat", async () => (await import("./chat.js")).chatBench()],
  ["startup", async () => (await import("./startup.js")).startupBench()],
]) {
  if (want(name)) print(await load());
}
