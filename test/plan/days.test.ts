import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { FULL_TIME_DAYS_PER_WEEK, planForecast } from "../../src/plan/plan.js";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/plan/scenario.js";
import { forecastRow, MONDAY } from "../helpers/forecast-row.js";
import { expectRelative } from "../helpers/relative.js";

const DAY = 1440;
const scenario = (over: Partial<Scenario> = {}): Scenario => ({ ...DEFAULT_SCENARIO, name: "test", ...over });

describe("plan days: FTE and people at work each day", () => {
  it("a day's FTE is its scheduled hours ÷ (contract hours ÷ 5); people = ⌈FTE ÷ mean contract⌉", () => {
    // 10 hourly intervals on Monday of 120 calls of 300 s: each interval needs the same agents
    const rows = Array.from({ length: 10 }, (_, h) => forecastRow({ startMin: MONDAY + (8 + h) * 60, intervalMin: 60, volume: 120, ahtSec: 300 }));
    const plan = planForecast(rows, scenario({ contractHours: 35, contractFraction: 0.8 }));
    expect(plan.days).toHaveLength(1);
    const d = plan.days[0]!;
    expect(d.scheduledHours).toBeGreaterThan(0);
    expectRelative(d.fte, d.scheduledHours / 7, 1e-12);
    expect(d.people).toBe(Math.ceil(d.scheduledHours / 7 / 0.8 - 1e-9));
  });

  it("a week's days add up to 5 × its FTE, for any volumes over the seven days", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 7, maxLength: 7 }), fc.constantFrom(35, 39, 40), (volumes, contractHours) => {
        const rows = volumes.flatMap((v, day) => Array.from({ length: 8 }, (_, h) => forecastRow({ startMin: MONDAY + day * DAY + (9 + h) * 60, intervalMin: 60, volume: v, ahtSec: 240 })));
        const plan = planForecast(rows, scenario({ contractHours }));
        const sum = plan.days.reduce((s, d) => s + d.fte, 0);
        if (plan.totals.fte === 0) expect(sum).toBe(0);
        else expectRelative(sum, FULL_TIME_DAYS_PER_WEEK * plan.totals.fte, 1e-9);
        for (const d of plan.days) expect(d.people).toBe(d.fte === 0 ? 0 : Math.ceil(d.fte / scenario().contractFraction - 1e-9));
      }),
      { numRuns: 40 },
    );
  });
});
