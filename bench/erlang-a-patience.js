// Erlang A at any patience: requiredAgents on bench/run.js's realistic Erlang A
// mix (patience 30–600 s), then single evaluations and solves at extreme
// patience (10,000 Erlangs at 10⁶ × AHT). CPU time per call (process.cpuUsage),
// which the other processes on the machine disturb less than wall time.
// Runnable alone: node bench/erlang-a-patience.js (needs npm run build).
import { pathToFileURL } from "node:url";
import { erlangAMetrics, requiredAgents } from "../dist/index.js";
import { mix } from "./mix.js";

/** CPU µs per call of f over `calls` calls (after a warm-up), repeated for at least minMs of CPU. */
function cpuMicros(f, calls, minMs) {
  for (let i = 0; i < Math.min(calls, 2000); i++) f(i);
  let total = 0;
  let done = 0;
  const start = process.cpuUsage();
  do {
    for (let i = 0; i < calls; i++) f(i);
    done += calls;
    const used = process.cpuUsage(start);
    total = used.user + used.system;
  } while (total < minMs * 1000);
  return total / done;
}

/** The figures, as { what, figure } lines. */
export async function benchErlangAPatience() {
  const lines = [];
  const cases = mix(20_000, true, 2);
  let sink = 0;
  const us = cpuMicros((i) => (sink += requiredAgents(cases[i].queue, cases[i].targets).agents), cases.length, 3000);
  lines.push({ what: "Erlang A requiredAgents, realistic mix (patience 30–600 s), CPU per solve", figure: `${us.toFixed(2)} µs` });
  for (const n of [9_900, 10_000, 10_100]) {
    const one = cpuMicros(() => (sink += erlangAMetrics(n, 10_000, 180, 180e6, 20).probWait), 200, 300);
    lines.push({ what: `erlangAMetrics(N ${n.toLocaleString("en-US")}, 10,000 Erlangs, patience 10⁶ × AHT), CPU per call`, figure: `${one.toFixed(1)} µs` });
  }
  for (const [k, label] of [[1e3, "10³"], [1e6, "10⁶"], [1e12, "10¹²"]]) {
    const queue = { volume: 100_000, ahtSec: 180, intervalMin: 30, patienceSec: 180 * k };
    const targets = { serviceLevel: 0.8, answerWithinSec: 20, maxAbandonRate: 0.05 };
    const solve = cpuMicros(() => (sink += requiredAgents(queue, targets).agents), 20, 300);
    lines.push({ what: `requiredAgents(10,000 Erlangs, patience ${label} × AHT, SL 80/20, abandonment ≤ 5%), CPU per solve`, figure: `${(solve / 1000).toFixed(2)} ms` });
  }
  if (sink < 0) lines.push({ what: "sink", figure: String(sink) });
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const { what, figure } of await benchErlangAPatience()) console.log(`${what}: ${figure}`);
}
