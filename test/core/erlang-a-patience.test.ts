import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangAMetrics, erlangCMetrics, requiredAgents, type QueueMetrics } from "../../src/core/index.js";
import { erlangAMetricsIntegrated } from "../../src/core/erlang-a.js";
import { expectRelative } from "../helpers/relative.js";

// Erlang A at any patience: as the patience grows, the metrics converge to
// Erlang C's, and they do so monotonically — each metric's distance to
// Erlang C never grows. That holds over the whole range for P(wait), ASA,
// occupancy and abandonment. The service level is different: from a short
// patience it rises (abandonment shortens the queue), crosses Erlang C's,
// peaks above it and only then comes down to it; the peak lies at a patience
// of about (Erlang C's queue length)² / N AHTs, so the property for it starts
// at 1,000 × AHT with at least ½√A + 1 spare agents. Required agents likewise
// converge monotonically from 10 × AHT (below, an abandonment cap can need
// more agents than Erlang C, and a short patience fewer).

const aht = fc.integer({ min: 20, max: 900 });
const within = fc.constantFrom(0, 10, 20, 30, 60, 300);
/** Patience grid, in AHTs: 10^(from + k/4) for k = 0..steps. */
const grid = (from: number, steps: number) => Array.from({ length: steps + 1 }, (_, k) => 10 ** (from + k / 4));
/** Rounding slack when comparing two distances. */
const nonIncreasing = (before: number, after: number) => after <= before * (1 + 1e-9) + 1e-15;

function distances(m: QueueMetrics, c: QueueMetrics): Record<"probWait" | "serviceLevel" | "asaSec" | "occupancy" | "abandonRate", number> {
  return {
    probWait: Math.abs(m.probWait - c.probWait),
    serviceLevel: Math.abs(m.serviceLevel - c.serviceLevel),
    asaSec: Math.abs(m.asaSec - c.asaSec),
    occupancy: Math.abs(m.occupancy - c.occupancy),
    abandonRate: m.abandonRate,
  };
}

describe("Erlang A converges monotonically to Erlang C as patience grows", () => {
  it("P(wait), ASA, occupancy and abandonment move toward Erlang C's at every step from 0.1 to 10⁸ × AHT", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 10_000, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), aht, within, (a, spare, h, t) => {
        const n = Math.floor(a) + 1 + Math.floor(spare * Math.sqrt(a));
        const c = erlangCMetrics(n, a, h, t);
        let before = distances(erlangAMetrics(n, a, h, 0.1 * h, t), c);
        for (const k of grid(-0.75, 35)) {
          const now = distances(erlangAMetrics(n, a, h, k * h, t), c);
          for (const key of ["probWait", "asaSec", "occupancy", "abandonRate"] as const) {
            if (!nonIncreasing(before[key], now[key])) return false;
          }
          before = now;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it("the service level moves toward Erlang C's at every step from 1,000 × AHT on (N ≥ A + ½√A + 1)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 10_000, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), aht, within, (a, spare, h, t) => {
        const n = Math.ceil(a + 0.5 * Math.sqrt(a) + 1) + Math.floor(spare * Math.sqrt(a));
        const c = erlangCMetrics(n, a, h, t);
        let before = Infinity;
        for (const k of grid(3, 24)) {
          const now = Math.abs(erlangAMetrics(n, a, h, k * h, t).serviceLevel - c.serviceLevel);
          if (!nonIncreasing(before, now)) return false;
          before = now;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it("required agents move toward Erlang C's at every step from 10 × AHT on, and reach them", () => {
    const targets = fc.constantFrom(
      { serviceLevel: 0.8, answerWithinSec: 20 },
      { serviceLevel: 0.9, answerWithinSec: 15, maxAbandonRate: 0.05 },
      { maxAsaSec: 30 },
      { serviceLevel: 0.8, answerWithinSec: 60, maxOccupancy: 0.9 },
      { serviceLevel: 0.7, answerWithinSec: 30, maxAbandonRate: 0.03 },
    );
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 5000, noNaN: true }), aht, targets, (a, h, tg) => {
        const queue = { volume: (a * 1800) / h, ahtSec: h, intervalMin: 30 };
        const c = requiredAgents(queue, tg).agents;
        let before = Infinity;
        for (const k of [...grid(1, 24), Infinity]) {
          const now = Math.abs(requiredAgents({ ...queue, patienceSec: k * h }, tg).agents - c);
          if (now > before) return false;
          before = now;
        }
        return before === 0;
      }),
      { numRuns: 40 },
    );
  });
});

describe("Erlang A at extreme patience", () => {
  it("patience Infinity is Erlang C when N > A, and the limit (all wait, abandonment 1 − N/A) when N ≤ A", () => {
    expect(erlangAMetrics(14, 10, 180, Infinity, 20)).toEqual(erlangCMetrics(14, 10, 180, 20));
    expect(erlangAMetrics(9, 10, 180, Infinity, 20)).toEqual({ probWait: 1, serviceLevel: 0, asaSec: Infinity, occupancy: 1, abandonRate: 1 - 9 / 10 });
  });

  it("patience 10¹⁵ × AHT equals Erlang C to 1e-12, and its abandonment is θ·E[queue]/λ to first order", () => {
    const c = erlangCMetrics(10_100, 10_000, 180, 20);
    const m = erlangAMetrics(10_100, 10_000, 180, 180e15, 20);
    for (const k of ["probWait", "serviceLevel", "asaSec", "occupancy"] as const) expectRelative(m[k], c[k], 1e-12, k);
    // Erlang C: E[queue] = C·A/(N − A); abandonment = E[queue]·θ/λ = E[queue]·(AHT/patience)/A
    expectRelative(m.abandonRate, ((c.probWait * 10_000) / 100) * 1e-15 / 10_000, 1e-9, "abandonRate");
  });

  it("the chain and the integral agree where both apply (patience 0.1 to 300 × AHT, loads 0.1 to 1,000): 1e-11, the service level 1e-8", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 1000, noNaN: true }), fc.double({ min: 0.5, max: 1.5, noNaN: true }), aht, within, fc.double({ min: -1, max: 2.5, noNaN: true }), (a, f, h, t, e) => {
        const n = Math.max(1, Math.round(a * f));
        const p = h * 10 ** e;
        const chain = erlangAMetrics(n, a, h, p, t);
        const integral = erlangAMetricsIntegrated(n, a, h, p, t);
        for (const k of ["probWait", "abandonRate", "asaSec", "occupancy"] as const) expectRelative(integral[k], chain[k], 1e-11, k);
        // the chain's service level is held to 1e-9 only where 1 − cdf cancels (deep overload)
        if (chain.serviceLevel > 1e-290) expectRelative(integral.serviceLevel, chain.serviceLevel, 1e-8, "serviceLevel");
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it("a 10,000-Erlang queue at patience 10⁶ × AHT solves in milliseconds, below and above the load", () => {
    const start = process.cpuUsage();
    for (const n of [5000, 9900, 9999, 10_000, 10_001, 10_100, 10_300]) {
      const m = erlangAMetrics(n, 10_000, 180, 180e6, 20);
      expect([m.probWait, m.serviceLevel, m.occupancy, m.abandonRate].every((x) => x >= 0 && x <= 1)).toBe(true);
    }
    const r = requiredAgents({ volume: 100_000, ahtSec: 180, intervalMin: 30, patienceSec: 180e6 }, { serviceLevel: 0.8, answerWithinSec: 20, maxAbandonRate: 0.05 });
    expect(r.agents).toBe(requiredAgents({ volume: 100_000, ahtSec: 180, intervalMin: 30 }, { serviceLevel: 0.8, answerWithinSec: 20 }).agents);
    const used = process.cpuUsage(start);
    expect((used.user + used.system) / 1000).toBeLessThan(200);
  });
});
