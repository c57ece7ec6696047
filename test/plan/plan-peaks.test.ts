import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ForecastRow } from "../../src/plan/forecast.js";
import { planForecast } from "../../src/plan/plan.js";
import { DEFAULT_SCENARIO } from "../../src/plan/scenario.js";

const MONDAY = Date.UTC(2027, 0, 4) / 60_000;

function row(line: number, typology: string, startMin: number, intervalMin: number, volume: number): ForecastRow {
  return {
    line, startMin, intervalMin, typology, channel: "phone", direction: "inbound", tier: 1, channelClass: "sync", volume, ahtSec: 240,
    patienceSec: undefined, concurrency: undefined, deadlineSec: undefined, attempts: undefined, contactRate: undefined, dialTimeSec: undefined,
    targets: { serviceLevel: undefined, answerWithinSec: undefined, maxAsaSec: undefined, maxOccupancy: undefined, maxAbandonRate: undefined },
  };
}

describe("plan peaks", () => {
  it("are the largest sum of agents at one interval start, per day, per week and in all, whatever grid the starts are on", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 * 24 * 12 - 1 }), fc.constantFrom(5, 10, 15, 30), fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 40 }),
        (spec) => {
          // one queue per row (no duplicates), starts on a 5-minute grid over nine days
          const rows = spec.map(([slot, len, v], k) => row(k + 2, `q${k}`, MONDAY + Math.floor((slot * 5) / len) * len, len, v / 10));
          const plan = planForecast(rows, DEFAULT_SCENARIO);
          const at = new Map<number, number>();
          for (const i of plan.intervals) at.set(i.startMin, (at.get(i.startMin) ?? 0) + i.agents);
          const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);
          for (const d of plan.days) expect(d.peakAgents).toBe(max([...at].filter(([s]) => Math.floor(s / 1440) === d.dayIndex).map(([, a]) => a)));
          for (const w of plan.weekly) expect(w.peakAgents).toBe(max([...at].filter(([s]) => s >= w.startMin && s < w.startMin + 7 * 1440).map(([, a]) => a)));
          expect(plan.totals.peakAgents).toBe(max([...at.values()]));
        },
      ),
      { numRuns: 200 },
    );
  });
});
