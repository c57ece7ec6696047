import { describe, expect, it } from "vitest";
import { planForecast } from "../../src/plan/plan.js";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/plan/scenario.js";
import { forecastRow, MONDAY } from "../helpers/forecast-row.js";
import { expectRelative } from "../helpers/relative.js";

const row = forecastRow;

const scenario = (over: Partial<Scenario> = {}): Scenario => ({
  ...DEFAULT_SCENARIO,
  shrinkage: { all: 0.3 },
  contractHours: 35,
  contractFraction: 1,
  ...over,
});

describe("planForecast", () => {
  it("staffs a sync interval with Erlang C: 100 calls / 30 min, AHT 180 s, 80/20 → 14 agents, 20 scheduled at 30 % shrinkage", () => {
    const p = planForecast([row({})], scenario());
    const i = p.intervals[0]!;
    expect(i.agents).toBe(14);
    expectRelative(i.scheduled, 20, 1e-12);
    expectRelative(i.serviceLevel!, 0.88835, 5e-5);
    // one row is one calendar week: 7 agent-hours, 10 scheduled hours → 10 / 35 h = 0.2857 FTE, 1 person at 90 % contracts
    expectRelative(p.totals.agentHours, 7, 1e-12);
    expectRelative(p.totals.scheduledHours, 10, 1e-12);
    expect(p.weeks).toBe(1);
    expectRelative(p.totals.fte, 10 / 35, 1e-12);
    expect(p.totals.headcount).toBe(1);
  });

  it("uses Erlang A when the row gives a patience, with the scenario's abandonment cap", () => {
    const s = scenario();
    s.targets = { ...s.targets, sync: { serviceLevel: 0.8, answerWithinSec: 20, maxAbandonRate: 0.05 } };
    const i = planForecast([row({ patienceSec: 300 })], s).intervals[0]!;
    expect(i.agents).toBe(13); // DOMAIN: Erlang A, patience 300 s, abandonment ≤ 5 %
    expectRelative(i.abandonRate!, 0.02496, 5e-4);
  });

  it("a row's own target overrides the scenario's", () => {
    const i = planForecast([row({ targets: { maxOccupancy: 0.5 } })], scenario()).intervals[0]!;
    expect(i.agents).toBe(20); // occupancy 10 / 20 = 50 %
  });

  it("an interval whose targets no staffing meets is staffed at the stability floor and counted as missed", () => {
    const p = planForecast([row({ targets: { serviceLevel: 1, answerWithinSec: 0 } })], scenario());
    expect(p.intervals[0]!.agents).toBe(11);
    expect(p.intervals[0]!.targetMet).toBe(false);
    expect(p.intervals[0]!.note).toMatch(/100%/);
    expect(p.totals.missedIntervals).toBe(1);
  });

  it("staffs outbound by workload: 40 attempts × 30 s + 14 contacts × 300 s over 30 min at 85 % → 3.53 agents", () => {
    const i = planForecast(
      [row({ direction: "outbound", channelClass: "outbound", volume: 14, ahtSec: 300, attempts: 40, dialTimeSec: 30 })],
      scenario(),
    ).intervals[0]!;
    expectRelative(i.agents, 5400 / (1800 * 0.85), 1e-12);
  });

  it("staffs an email queue by its deadline in opening hours, and does one period's work", () => {
    // 12 emails of 10 min arrive at 09:00 on Monday; 2 h deadline in opening hours; hourly rows 08:00–20:00
    const rows = Array.from({ length: 12 }, (_, h) =>
      row({ startMin: MONDAY + (8 + h) * 60, intervalMin: 60, channel: "email", channelClass: "async", volume: h === 1 ? 12 : 0, ahtSec: 600, deadlineSec: 7200 }),
    );
    const p = planForecast(rows, scenario());
    const agents = p.intervals.map((i) => i.agents);
    // arriving through 09:00–10:00, due through 11:00–12:00: 2 h of work over 3 hours, 2/3 agent each at 90 % occupancy
    expectRelative(agents[1]!, 2 / 3 / 0.9, 1e-12);
    expectRelative(agents[2]!, 2 / 3 / 0.9, 1e-12);
    expectRelative(agents[3]!, 2 / 3 / 0.9, 1e-12);
    expect(agents.filter((_, k) => k < 1 || k > 3).every((a) => a === 0)).toBe(true);
    expectRelative(p.intervals[1]!.backlog!, 8, 1e-9);
    expect(p.intervals[1]!.oldestAgeMin).toBe(60);
  });

  it("weights the service level by volume and takes the total peak over all queues at once", () => {
    const p = planForecast(
      [row({ volume: 100 }), row({ startMin: MONDAY + 9.5 * 60, volume: 300 }), row({ typology: "complaint", volume: 100 })],
      scenario(),
    );
    const info = p.queues.find((q) => q.queue!.typology === "information")!;
    const [a, b] = p.intervals.filter((i) => i.typology === "information");
    expectRelative(info.serviceLevel!, (100 * a!.serviceLevel! + 300 * b!.serviceLevel!) / 400, 1e-12);
    // 09:00 has information (14) and complaint (14) together; 09:30 information alone
    expect(p.totals.peakAgents).toBe(Math.max(28, b!.agents));
  });

  it("rounds headcount once: two queues of 0.3 FTE are 1 person each, but 1 person in total", () => {
    // 1 agent for 30 min in one week at 0 % shrinkage: 0.5 h / 35 h = 1/70 FTE per queue
    const s = scenario({ shrinkage: {} });
    const small = (typology: string) => row({ typology, volume: 1, ahtSec: 60 });
    const p = planForecast([small("a"), small("b")], s);
    expect(p.queues.map((q) => q.headcount)).toEqual([1, 1]);
    expectRelative(p.totals.fte, 1 / 35, 1e-12);
    expect(p.totals.headcount).toBe(1);
  });
});
