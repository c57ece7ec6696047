// Erlang Chat (handle time that grows with concurrency): CPU time of one
// requiredAgents solve with the chat chain, at concurrency 2, 3 and 4, for
// queues whose answer spans a realistic range of agents, and of one
// erlangChatMetrics evaluation at N agents (the unit the search repeats).
// Runs on dist/ (npm run build first; `npm run bench` builds).
//
//   node bench/chat.js
//
// Figures are process CPU time (user + system) per call, the best of a few
// repetitions (steadier than wall time on a shared machine).
import { fileURLToPath } from "node:url";

/** Best-of-`reps` CPU milliseconds of `f()`. */
function cpuMs(f, reps) {
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t = process.cpuUsage();
    f();
    const d = process.cpuUsage(t);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

/** Runs the chat bench; returns its lines as `{ what, figure }`. */
export async function chatBench() {
  const { requiredAgents } = await import("../dist/core/required-agents.js");
  const { erlangChatMetrics, chatStateCount } = await import("../dist/core/erlang-chat.js");
  const lines = [];
  // AHT growing +25 % of the first duration per extra chat; 80 % in 60 s.
  const ahts = { 2: [300, 375], 3: [300, 375, 450], 4: [240, 300, 360, 420] };
  const volumes = { 2: [50, 200, 800, 2000], 3: [50, 200, 400, 600], 4: [50, 150, 250] };
  const targets = { serviceLevel: 0.8, answerWithinSec: 60 };
  for (const k of [2, 3, 4]) {
    const aht = ahts[k];
    for (const volume of volumes[k]) {
      const queue = { volume, ahtSec: aht[k - 1], intervalMin: 30, concurrency: k, ahtByConcurrencySec: aht };
      let r;
      requiredAgents(queue, targets); // structures built once (cached by N, k)
      const ms = cpuMs(() => (r = requiredAgents(queue, targets)), 3);
      const at = r.feasible ? `${r.agents} agents (${chatStateCount(r.agents, k)} states)` : `refused: ${r.reason}`;
      lines.push({ what: `chat requiredAgents, k = ${k}, ${volume} chats / 30 min`, figure: `${ms.toFixed(1)} ms CPU → ${at}` });
    }
  }
  for (const [k, n] of [[3, 20], [3, 40], [3, 60], [3, 82], [2, 100], [2, 300], [4, 20], [4, 36]]) {
    const aht = ahts[k];
    const lambda = (0.9 * k * n) / aht[k - 1];
    erlangChatMetrics(n, lambda * 0.99, aht, 60);
    const ms = cpuMs(() => erlangChatMetrics(n, lambda, aht, 60), n > 50 ? 2 : 5);
    lines.push({ what: `chat erlangChatMetrics, k = ${k}, N = ${n} (${chatStateCount(n, k)} states), 90 % of slots`, figure: `${ms.toFixed(2)} ms CPU` });
  }
  return lines;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const { what, figure } of await chatBench()) console.log(`${what}: ${figure}`);
}
