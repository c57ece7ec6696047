// The realistic mix of the solver benchmarks (bench/run.js, bench/erlang-a-patience.js).
import { random } from "../scripts/random.mjs";

const TARGETS = [
  { serviceLevel: 0.8, answerWithinSec: 20 },
  { serviceLevel: 0.9, answerWithinSec: 15 },
  { serviceLevel: 0.8, answerWithinSec: 60 },
  { serviceLevel: 0.8, answerWithinSec: 20, maxOccupancy: 0.88 },
  { serviceLevel: 0.7, answerWithinSec: 30, maxAsaSec: 30 },
];

/**
 * `count` queues from `seed`: loads log-uniform in 0.1–2,000 Erlangs, AHT
 * 30–900 s, 15/30/60-min intervals, one of five target sets; with patience,
 * 30–600 s and an abandonment cap of 5 % on half of them. The same seed
 * gives the same queues.
 */
export function mix(count, withPatience, seed) {
  const rnd = random(seed);
  const cases = [];
  for (let i = 0; i < count; i++) {
    const load = 0.1 * Math.pow(20000, rnd());
    const ahtSec = Math.round(30 + 870 * rnd());
    const intervalMin = [15, 30, 60][Math.floor(rnd() * 3)];
    const volume = (load * intervalMin * 60) / ahtSec;
    const targets = { ...TARGETS[Math.floor(rnd() * TARGETS.length)] };
    const queue = { volume, ahtSec, intervalMin };
    if (withPatience) {
      queue.patienceSec = Math.round(30 + 570 * rnd());
      if (rnd() < 0.5) targets.maxAbandonRate = 0.05;
    }
    cases.push({ queue, targets });
  }
  return cases;
}
