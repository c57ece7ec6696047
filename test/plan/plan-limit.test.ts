import { describe, expect, it } from "vitest";
import { queueBeyondLimits } from "../../src/core/required-agents.js";
import { levelFactors, PlanLimitError, planLimitMessage, RowLimits } from "../../src/plan/plan-limit.js";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/plan/scenario.js";
import { SourcingPlanner } from "../../src/plan/sourcing.js";
import { DEFAULT_TIER_RULES, Escalator } from "../../src/plan/tiers.js";
import { forecastRow, MONDAY } from "../helpers/forecast-row.js";
import { expectRelative } from "../helpers/relative.js";

/** The PlanLimitError `fn` throws (fails if it throws nothing, rethrows anything else). */
function limitOf(fn: () => unknown): PlanLimitError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PlanLimitError) return e;
    throw e;
  }
  throw new Error("expected a PlanLimitError");
}

// 100,000 Erlangs in a 30-minute interval of 180-s contacts: 1,000,000 contacts.
const AT_LIMIT = 1_000_000;

describe("queueBeyondLimits", () => {
  it("queueBeyondLimits(queue) is undefined up to 100,000 Erlangs inclusive, at any patience", () => {
    expect(queueBeyondLimits({ volume: AT_LIMIT, ahtSec: 180, intervalMin: 30, patienceSec: 18_000 })).toBeUndefined();
    expect(queueBeyondLimits({ volume: AT_LIMIT + 1, ahtSec: 180, intervalMin: 30 })).toBe("load");
    expect(queueBeyondLimits({ volume: 10, ahtSec: 180, intervalMin: 30, patienceSec: 18_001 })).toBeUndefined();
    expect(queueBeyondLimits({ volume: AT_LIMIT, ahtSec: 180, intervalMin: 30, patienceSec: 180e6 })).toBeUndefined();
    expect(queueBeyondLimits({ volume: 10, ahtSec: 180, intervalMin: 30, patienceSec: Infinity })).toBeUndefined();
    expect(queueBeyondLimits({ volume: 10, ahtSec: 180, intervalMin: 30, concurrency: 1001 })).toBe("concurrency");
  });

  it("queueBeyondLimits(queue) reports a load that overflows to Infinity or NaN", () => {
    expect(queueBeyondLimits({ volume: 1e300, ahtSec: 1e300, intervalMin: 30 })).toBe("load");
    expect(queueBeyondLimits({ volume: NaN, ahtSec: 180, intervalMin: 30 })).toBe("load");
  });
});

describe("RowLimits", () => {
  it("check(row) passes a row within the limits and names the queue, interval, line, load and factors of one past them", () => {
    const limits = new RowLimits(DEFAULT_SCENARIO, () => ["--volume-factor 2"]);
    limits.check(forecastRow({ volume: AT_LIMIT }));
    const e = limitOf(() => limits.check(forecastRow({ volume: 2 * AT_LIMIT, line: 7 })));
    expect(e.limit).toMatchObject({ limit: "load", value: 200_000, max: 100_000, line: 7, startMin: MONDAY + 540, factors: ["--volume-factor 2"] });
    expect(e.message).toBe(
      'queue "information" (phone, inbound, level 1) at 2026-11-23T09:00 (forecast line 7): the load volume × aht / interval reaches 200,000 Erlangs after --volume-factor 2, expected at most 100,000: lower this factor, or split the queue into smaller ones',
    );
  });

  it("check(row) checks deferred rows by their load", () => {
    const limits = new RowLimits(DEFAULT_SCENARIO, () => []);
    expect(limitOf(() => limits.check(forecastRow({ channel: "email", channelClass: "async", volume: 2 * AT_LIMIT }))).limit.limit).toBe("load");
  });

  it("check(row) passes any patience: a scenario's day of patience on a 60-s queue (1,440 × the aht) is computed", () => {
    const scenario: Scenario = { ...DEFAULT_SCENARIO, targets: { ...DEFAULT_SCENARIO.targets, sync: { ...DEFAULT_SCENARIO.targets.sync, patienceSec: 86_400 } } };
    new RowLimits(scenario, () => []).check(forecastRow({ ahtSec: 60 }));
    new RowLimits(scenario, () => []).check(forecastRow({ ahtSec: 60, patienceSec: 60e6 }));
  });

  it("check(row) adds a shared provider's pool to a live row's load", () => {
    const shared: Scenario = { ...DEFAULT_SCENARIO, sharedPoolErlangs: 10_000 };
    const e = limitOf(() => new RowLimits(shared, () => []).check(forecastRow({ volume: 0.95 * AT_LIMIT })));
    expect(e.limit).toMatchObject({ limit: "load", factors: ["the provider's shared pool of 10,000 Erlangs"] });
    expectRelative(e.limit.value, 105_000, 1e-12, "pool + own load"); // sums of floats: rounding only
  });
});

describe("levelFactors", () => {
  it("levelFactors(escalator, row) gives the level's AHT rule, none at level 1", () => {
    const escalator = new Escalator({ ...DEFAULT_TIER_RULES, level3: { ...DEFAULT_TIER_RULES.level3, ahtSec: 2400 } }, (t) => t);
    expect(levelFactors(escalator, forecastRow())).toEqual([]);
    expect(levelFactors(escalator, forecastRow({ tier: 2 }))).toEqual(["level 2 aht_factor 2 (tiers)"]);
    expect(levelFactors(escalator, forecastRow({ tier: 3 }))).toEqual(["level 3 aht 2,400 s (tiers)"]);
    expect(levelFactors(undefined, forecastRow({ tier: 2 }))).toEqual([]);
  });
});

describe("SourcingPlanner and pooled teams", () => {
  it("SourcingPlanner.add(row) throws PlanLimitError after the what-if factors, naming them", () => {
    const planner = new SourcingPlanner(DEFAULT_SCENARIO, { volumeFactor: 3, ahtFactor: 1.5 });
    const e = limitOf(() => planner.add(forecastRow({ volume: AT_LIMIT / 4 })));
    expect(e.limit).toMatchObject({ limit: "load", value: 112_500, factors: ["--volume-factor 3", "--aht-factor 1.5"] });
  });

  it("a polyvalent team whose live queues add up past 100,000 Erlangs throws PlanLimitError naming the team", () => {
    const polyvalent: Scenario = { ...DEFAULT_SCENARIO, organisation: { ...DEFAULT_SCENARIO.organisation, model: "polyvalent" } };
    const planner = new SourcingPlanner(polyvalent);
    planner.add(forecastRow({ typology: "a", volume: 0.6 * AT_LIMIT }));
    planner.add(forecastRow({ typology: "b", volume: 0.6 * AT_LIMIT }));
    const e = limitOf(() => planner.finish());
    expect(e.limit).toMatchObject({ limit: "load", subject: 'team "level 1" (level 1, 2 queues pooled)', line: undefined, factors: ["pooling its live queues"] });
    expectRelative(e.limit.value, 120_000, 1e-12, "pooled load");
    expect(planLimitMessage(e.limit)).toBe(e.message);
  });
});
