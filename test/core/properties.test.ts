import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangAMetrics, erlangB, erlangCMetrics, meetsTargets, requiredAgents } from "../../src/core/index.js";
import { expectRelative } from "../helpers/relative.js";

const load = fc.double({ min: 0.0001, max: 3000, noNaN: true });
const aht = fc.integer({ min: 20, max: 900 });
const within = fc.constantFrom(0, 10, 20, 30, 60);
const patience = fc.integer({ min: 10, max: 1800 });
const slTarget = fc.constantFrom(0.5, 0.7, 0.8, 0.9, 0.95, 0.99);

const inUnit = (x: number) => x >= 0 && x <= 1;

describe("core invariants (property tests)", () => {
  it("erlangB(N, A) and the Erlang C / Erlang A probabilities lie in [0, 1]", () => {
    fc.assert(
      fc.property(load, fc.integer({ min: 1, max: 200 }), aht, within, patience, (a, extra, h, t, p) => {
        const n = Math.floor(a) + extra;
        const c = erlangCMetrics(n, a, h, t);
        const e = erlangAMetrics(Math.max(1, n - 2 * extra), a, h, p, t);
        return (
          inUnit(erlangB(n, a)) &&
          [c.probWait, c.serviceLevel, c.occupancy].every(inUnit) &&
          [e.probWait, e.serviceLevel, e.occupancy, e.abandonRate].every(inUnit) &&
          c.asaSec >= 0 &&
          e.asaSec >= 0
        );
      }),
      { numRuns: 300 },
    );
  });

  it("serviceLevel is non-decreasing and ASA non-increasing in N (Erlang C and Erlang A)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 500, noNaN: true }), aht, within, patience, (a, h, t, p) => {
        let prevC = erlangCMetrics(Math.floor(a) + 1, a, h, t);
        let prevA = erlangAMetrics(1, a, h, p, t);
        for (let n = 2; n <= Math.floor(a) + 40; n++) {
          const m = erlangAMetrics(n, a, h, p, t);
          if (m.serviceLevel < prevA.serviceLevel - 1e-12 || m.asaSec > prevA.asaSec + 1e-9 || m.abandonRate > prevA.abandonRate + 1e-15) return false;
          prevA = m;
          if (n > Math.floor(a) + 1) {
            const c = erlangCMetrics(n, a, h, t);
            if (c.serviceLevel < prevC.serviceLevel - 1e-12 || c.asaSec > prevC.asaSec + 1e-9) return false;
            prevC = c;
          }
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it("requiredAgents is minimal: N meets every target and N − 1 does not", () => {
    const targets = fc.record({
      serviceLevel: fc.option(slTarget, { nil: undefined }),
      answerWithinSec: within,
      maxAsaSec: fc.option(fc.constantFrom(5, 15, 30, 60), { nil: undefined }),
      maxOccupancy: fc.option(fc.constantFrom(0.75, 0.85, 0.9), { nil: undefined }),
      maxAbandonRate: fc.option(fc.constantFrom(0.02, 0.05, 0.1), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 5000, noNaN: true }),
        aht,
        fc.constantFrom(15, 30, 60),
        fc.option(patience, { nil: undefined }),
        fc.constantFrom(1, 1, 1, 2, 3),
        targets,
        (volume, h, interval, p, k, t) => {
          const r = requiredAgents({ volume, ahtSec: h, intervalMin: interval, patienceSec: p, concurrency: k }, t);
          expect(r.feasible).toBe(true);
          const erlangA = p !== undefined;
          const at = (agents: number) =>
            erlangA ? erlangAMetrics(agents * k, r.trafficErlangs, h, p, t.answerWithinSec) : erlangCMetrics(agents * k, r.trafficErlangs, h, t.answerWithinSec);
          expect(meetsTargets(at(r.agents), t, erlangA)).toBe(true);
          if (r.agents > 1) {
            const fewer = (r.agents - 1) * k;
            const stableFewer = erlangA || fewer > r.trafficErlangs;
            if (stableFewer) expect(meetsTargets(at(r.agents - 1), t, erlangA)).toBe(false);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("Erlang A tends to Erlang C as patience grows", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 1000, noNaN: true }), fc.integer({ min: 1, max: 30 }), aht, within, (a, extra, h, t) => {
        // at least half an agent spare: right at N = A the O(θ·E[Lq²]) gap is real, not numerical
        const n = Math.ceil(a + 0.5) + extra - 1;
        const c = erlangCMetrics(n, a, h, t);
        const e = erlangAMetrics(n, a, h, h * 1e15, t);
        expectRelative(e.probWait, c.probWait, 1e-6, "probWait");
        expectRelative(e.serviceLevel, c.serviceLevel, 1e-6, "serviceLevel");
        expectRelative(e.asaSec, c.asaSec, 1e-5, "asaSec");
        expect(e.abandonRate).toBeLessThan(1e-6);
      }),
      { numRuns: 200 },
    );
  });

  it("Erlang A conserves contacts: answered + abandoned = offered", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 2000, noNaN: true }), fc.double({ min: 0.3, max: 1.5, noNaN: true }), aht, patience, within, (a, f, h, p, t) => {
        const n = Math.max(1, Math.round(a * f));
        const m = erlangAMetrics(n, a, h, p, t);
        // occupancy × N = carried load = A × (1 − abandonRate): both sides of Little's law
        expectRelative(m.occupancy * n, a * (1 - m.abandonRate), 1e-12);
        expect(m.serviceLevel).toBeLessThanOrEqual(1 - m.abandonRate + 1e-12);
      }),
      { numRuns: 200 },
    );
  });
});

describe("requiredAgents edge cases", () => {
  it("requiredAgents(volume 0) is 0 agents", () => {
    const r = requiredAgents({ volume: 0, ahtSec: 180, intervalMin: 30 }, { serviceLevel: 0.8, answerWithinSec: 20 });
    expect(r.agents).toBe(0);
    expect(r.feasible).toBe(true);
  });

  it("requiredAgents(SL 100% within 0 s) is infeasible with a reason, for Erlang C and Erlang A", () => {
    for (const patienceSec of [undefined, 120]) {
      const r = requiredAgents({ volume: 100, ahtSec: 180, intervalMin: 30, patienceSec }, { serviceLevel: 1, answerWithinSec: 0 });
      expect(r.feasible).toBe(false);
      expect(r.binding).toBe("service-level");
      expect(r.reason).toMatch(/100%/);
    }
  });

  it("requiredAgents(ASA 0, occupancy 0, abandonment 0) are infeasible", () => {
    const q = { volume: 100, ahtSec: 180, intervalMin: 30, patienceSec: 100 };
    expect(requiredAgents(q, { maxAsaSec: 0 }).feasible).toBe(false);
    expect(requiredAgents(q, { maxOccupancy: 0 }).feasible).toBe(false);
    expect(requiredAgents(q, { maxAbandonRate: 0 }).feasible).toBe(false);
  });

  it("requiredAgents with no target gives the stability floor ⌊A⌋ + 1 (Erlang C)", () => {
    const r = requiredAgents({ volume: 100, ahtSec: 180, intervalMin: 30 }, {});
    expect(r.agents).toBe(11);
    expect(r.binding).toBe("stability");
  });

  it("requiredAgents at 0.0001 and 10,000 Erlangs stays finite and exact", () => {
    const tiny = requiredAgents({ volume: 0.0001, ahtSec: 1800, intervalMin: 30 }, { serviceLevel: 0.8, answerWithinSec: 20 });
    expectRelative(tiny.trafficErlangs, 0.0001, 1e-12);
    expect(tiny.agents).toBe(1);
    const huge = requiredAgents({ volume: 200_000, ahtSec: 180, intervalMin: 60 }, { serviceLevel: 0.8, answerWithinSec: 20 });
    expect(huge.trafficErlangs).toBe(10_000);
    expect(Number.isFinite(huge.metrics.serviceLevel)).toBe(true);
    expect(huge.agents).toBeGreaterThan(10_000);
    expect(huge.agents).toBeLessThan(10_100);
  });

  it("requiredAgents throws RangeError for a broken precondition (negative volume)", () => {
    expect(() => requiredAgents({ volume: -1, ahtSec: 180, intervalMin: 30 }, {})).toThrow(RangeError);
    expect(() => requiredAgents({ volume: -1, ahtSec: 180, intervalMin: 30 }, {})).toThrow(/volume >= 0, got -1/);
  });
});

describe("requiredAgents never loops or overflows on extreme but valid requests", () => {
  it("requiredAgents with an occupancy cap of 1e-9 is infeasible, not a 1e11-step loop", () => {
    const r = requiredAgents({ volume: 100, ahtSec: 180, intervalMin: 30 }, { maxOccupancy: 1e-9 });
    expect(r.feasible).toBe(false);
    expect(r.reason).toMatch(/maximum occupancy of 1e-9 would need more than/);
  });

  it("trafficErlangs above MAX_TRAFFIC_ERLANGS is a RangeError, not an endless search", () => {
    expect(() => requiredAgents({ volume: 1e17, ahtSec: 180, intervalMin: 30 }, {})).toThrow(/load <= 100000 Erlangs/);
  });

  it("erlangB(10^6, 1) underflows to 0 at once instead of running the recursion to the end", () => {
    expect(erlangB(1_000_000, 1)).toBe(0);
  });

  it("requiredAgents at a service level of 1 − 1.4e-8 is still minimal (rounding of 1 − C·decay)", () => {
    const t = { serviceLevel: 0.9999999860500066, answerWithinSec: 20 };
    const r = requiredAgents({ volume: 50, ahtSec: 180, intervalMin: 30 }, t);
    expect(meetsTargets(erlangCMetrics(r.agents, 5, 180, 20), t, false)).toBe(true);
    expect(meetsTargets(erlangCMetrics(r.agents - 1, 5, 180, 20), t, false)).toBe(false);
    expect(r.binding).toBe("service-level");
  });

  it("requiredAgents(Erlang A, 30,000 Erlangs, patience 100 × AHT) finishes fast: the search stays above (1 − w)·A", () => {
    const start = performance.now();
    const r = requiredAgents({ volume: 10_000, ahtSec: 180, intervalMin: 1, patienceSec: 18_000 }, { maxAbandonRate: 0.05 });
    expect(r.agents).toBeGreaterThanOrEqual(28_500);
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
