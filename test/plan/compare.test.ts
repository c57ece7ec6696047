import { describe, expect, it } from "vitest";
import { compareScenarios } from "../../src/plan/compare.js";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/plan/scenario.js";
import { IMPLICIT_SITE, type InternalCost } from "../../src/plan/sites.js";
import { SourcingPlanner } from "../../src/plan/sourcing.js";
import { forecastRow } from "../helpers/forecast-row.js";
import { INTERNAL_COST, sitesScenario } from "../helpers/site-scenario.js";

const cost = (rate: number): InternalCost => ({ ...INTERNAL_COST, agentHour: { 1: rate, 2: rate, 3: rate } });

function planned(name: string, rate: number, over: Partial<Scenario> = {}) {
  const s = sitesScenario([{ ...IMPLICIT_SITE, name: "A", cost: cost(rate) }], [{ match: {}, to: [["A", 1]] }], { name, ...over });
  const p = new SourcingPlanner(s);
  p.add(forecastRow({ volume: 200 }));
  return p.finish();
}

describe("compareScenarios(plans, years, baseline)", () => {
  const a = planned("a", 30);
  const b = planned("b", 20);
  const c = planned("c", 40);

  it("gives deltas (this − baseline) and savings (baseline − this, over the years) against the baseline; none for the baseline itself", () => {
    const cmp = compareScenarios([a, b, c], 3, 2);
    expect(cmp.baseline).toBe(2);
    expect(cmp.scenarios[2]!.delta).toBeNull();
    expect(cmp.scenarios[2]!.saving).toBe(0);
    const over = (p: typeof a) => 3 * p.totals.annualCost! + p.totals.oneOffCost!;
    for (const [k, p] of [[0, a], [1, b]] as const) {
      const s = cmp.scenarios[k]!;
      expect(s.delta!.weeklyCost).toBe(p.totals.weeklyCost! - c.totals.weeklyCost!);
      expect(s.delta!.costPerContact).toBe(p.totals.costPerContact! - c.totals.costPerContact!);
      expect(s.delta!.serviceLevel).toBe(p.totals.serviceLevel! - c.totals.serviceLevel!);
      expect(s.saving).toBeCloseTo(over(c) - over(p), 6);
      expect(s.saving!).toBeGreaterThan(0); // cheaper rates than the baseline's 40
    }
  });

  it("names the same cheapest whichever scenario is the baseline (same targets)", () => {
    for (const baseline of [0, 1, 2]) expect(compareScenarios([a, b, c], 3, baseline).cheapest).toBe(1);
  });

  it("equal service means the baseline's targets: a scenario with other targets is left out of the cheapest", () => {
    const loose = planned("loose", 10, { targets: { ...DEFAULT_SCENARIO.targets, sync: { serviceLevel: 0.5, answerWithinSec: 60 } } });
    expect(compareScenarios([a, loose], 3, 0).cheapest).toBe(0);
    expect(compareScenarios([a, loose], 3, 1).cheapest).toBe(1);
  });

  it("throws a RangeError for a baseline outside the scenarios", () => {
    expect(() => compareScenarios([a, b], 3, 2)).toThrow(/baseline index in 0\.\.1, got 2/);
    expect(() => compareScenarios([a, b], 3, -1)).toThrow(RangeError);
  });
});
