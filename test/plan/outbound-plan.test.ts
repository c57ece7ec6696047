import { describe, expect, it } from "vitest";
import type { ForecastRow } from "../../src/plan/forecast.js";
import { planForecast } from "../../src/plan/plan.js";
import { DEFAULT_SCENARIO, type OutboundRules, type Scenario, type WeekHours } from "../../src/plan/scenario.js";
import { expectRelative } from "../helpers/relative.js";

const MONDAY = Date.UTC(2026, 10, 23) / 60_000; // minutes, 2026-11-23T00:00 (a Monday)
const H = 60;

function outbound(over: Partial<ForecastRow>): ForecastRow {
  return {
    line: 2,
    startMin: MONDAY + 10 * H,
    intervalMin: 30,
    typology: "collections",
    channel: "phone",
    direction: "outbound",
    tier: 1,
    channelClass: "outbound",
    volume: 100,
    ahtSec: 180,
    targets: {},
    ...over,
  };
}

function inbound(over: Partial<ForecastRow>): ForecastRow {
  return { ...outbound({}), typology: "information", direction: "inbound", channelClass: "sync", ...over };
}

/** Monday 10:00–12:00 only. */
const MONDAY_10_12: WeekHours = [[[600, 720]], [], [], [], [], [], []];

const scenario = (o: Partial<OutboundRules>): Scenario => ({
  ...DEFAULT_SCENARIO,
  shrinkage: { all: 0 },
  outbound: { ...DEFAULT_SCENARIO.outbound, ...o },
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("outbound campaigns (SPEC 5.3)", () => {
  it("spreads a day's work over its calling hours: 1,000 contacts × 180 s, Monday 10:00–12:00 → 4 × 250 contacts, 25 Erlangs, 29.41 agents at 85 %", () => {
    const p = planForecast([outbound({ startMin: MONDAY, volume: 1000 })], scenario({ callingHours: MONDAY_10_12, spread: "day" }));
    expect(p.intervals.map((i) => i.startMin - MONDAY)).toEqual([600, 630, 660, 690]);
    for (const i of p.intervals) {
      expectRelative(i.volume, 250, 1e-12);
      expectRelative(i.trafficErlangs, 25, 1e-12); // 250 × 180 s ÷ 1,800 s
      expectRelative(i.agents, 25 / 0.85, 1e-12);
      expect(i.targetMet).toBe(true);
      expect(i.blendedErlangs).toBeNull();
    }
    expectRelative(p.queues[0]!.workloadHours, 50, 1e-12); // 180,000 s, conserved
  });

  it("spreads over the whole campaign with spread: horizon, dial time included", () => {
    const hours: WeekHours = [[[600, 660]], [[600, 660]], [], [], [], [], []]; // Mon and Tue 10:00–11:00
    const rows = [
      outbound({ startMin: MONDAY + 9 * H, volume: 30, ahtSec: 300, attempts: 100, dialTimeSec: 30 }), // 3,000 + 9,000 s
      outbound({ startMin: MONDAY + 1440 + 15 * H, volume: 10, ahtSec: 300 }), // 3,000 s
    ];
    const p = planForecast(rows, scenario({ callingHours: hours, spread: "horizon" }));
    expect(p.intervals.map((i) => i.startMin - MONDAY)).toEqual([600, 630, 1440 + 600, 1440 + 630]);
    for (const i of p.intervals) {
      expectRelative(i.trafficErlangs, 15_000 / 4 / 1800, 1e-12);
      expectRelative(i.volume, 10, 1e-12);
      expectRelative(i.ahtSec, 300, 1e-12);
    }
  });

  it("flags work outside the calling hours where it is (as-given), and a day without calling hours (day)", () => {
    const given = planForecast([outbound({ startMin: MONDAY + 13 * H })], scenario({ callingHours: MONDAY_10_12 }));
    expect(given.intervals[0]!.targetMet).toBe(false);
    expect(given.intervals[0]!.note).toMatch(/outside calling hours/);
    expectRelative(given.intervals[0]!.agents, (100 * 180) / 1800 / 0.85, 1e-12);

    const tuesday = planForecast([outbound({ startMin: MONDAY + 1440 + 10 * H })], scenario({ callingHours: MONDAY_10_12, spread: "day" }));
    expect(tuesday.intervals).toHaveLength(1);
    expect(tuesday.intervals[0]!.note).toMatch(/no calling hours that day/);
    expect(tuesday.totals.missedIntervals).toBe(1);
  });

  it("applies a campaign's own rules over the scenario's", () => {
    const s = scenario({ callingHours: MONDAY_10_12, spread: "as-given", campaigns: { collections: { spread: "day" } } });
    const p = planForecast([outbound({ startMin: MONDAY, typology: "Collections " }), outbound({ startMin: MONDAY + 10 * H, typology: "retention" })], s);
    expect(p.queues.find((q) => q.queue!.typology === "Collections ")!.intervals).toBe(4);
    expect(p.queues.find((q) => q.queue!.typology === "retention")!.intervals).toBe(1);
  });
});

describe("blending (outbound fills inbound agents' idle time)", () => {
  it("gives outbound work to inbound agents up to the blend occupancy, the rest to dedicated agents", () => {
    const s = scenario({ blending: true, blendOccupancy: 0.85, blendWith: "channel" });
    const alone = planForecast([inbound({})], s).intervals[0]!;
    const idleSec = alone.agents * (0.85 - alone.occupancy!) * 1800;
    expect(idleSec).toBeGreaterThan(0);

    // Much more work than idle time: idle time is filled, the rest staffed at 85 %.
    const big = planForecast([inbound({}), outbound({ volume: 200, ahtSec: 300 })], s);
    const o = big.intervals.find((i) => i.channelClass === "outbound")!;
    expectRelative(o.blendedErlangs!, idleSec / 1800, 1e-12);
    expectRelative(o.agents, (60_000 - idleSec) / 1800 / 0.85, 1e-12);
    expect(big.intervals.find((i) => i.channelClass === "sync")!.agents).toBe(alone.agents); // inbound staffing unchanged

    // Less work than idle time: no dedicated agent at all.
    const small = planForecast([inbound({}), outbound({ volume: 2, ahtSec: 300 })], s);
    const so = small.intervals.find((i) => i.channelClass === "outbound")!;
    expect(so.agents).toBe(0);
    expectRelative(so.blendedErlangs!, 600 / 1800, 1e-12);
  });

  it("by default blends only into the inbound agents of the campaign's own typology", () => {
    const s = scenario({ blending: true });
    const p = planForecast([inbound({}), outbound({ volume: 2, ahtSec: 300 }), outbound({ typology: "Information", volume: 2, ahtSec: 300 })], s);
    const out = p.intervals.filter((i) => i.channelClass === "outbound");
    expect(out.find((i) => i.typology === "collections")!.blendedErlangs).toBe(0);
    expectRelative(out.find((i) => i.typology === "Information")!.blendedErlangs!, 600 / 1800, 1e-12);
  });

  it("blends only into the same channel, and two campaigns share the idle time without counting it twice", () => {
    const s = scenario({ blending: true, blendOccupancy: 0.85, blendWith: "channel" });
    const alone = planForecast([inbound({})], s).intervals[0]!;
    const idleSec = alone.agents * (0.85 - alone.occupancy!) * 1800;
    const p = planForecast(
      [inbound({}), outbound({ volume: 200, ahtSec: 300 }), outbound({ typology: "retention", volume: 200, ahtSec: 300 }), outbound({ channel: "sms", typology: "x" })],
      s,
    );
    const out = p.intervals.filter((i) => i.channelClass === "outbound");
    const phone = out.filter((i) => i.channel === "phone");
    expectRelative(sum(phone.map((i) => i.blendedErlangs!)) * 1800, idleSec, 1e-12);
    expect(out.find((i) => i.channel === "sms")!.blendedErlangs).toBe(0);
  });

  it("spreads a day's work into the idle time first, in proportion to it, then evenly", () => {
    const s = scenario({ blending: true, blendOccupancy: 0.85, blendWith: "channel", callingHours: MONDAY_10_12, spread: "day" });
    const inboundRows = [inbound({ startMin: MONDAY + 10 * H }), inbound({ startMin: MONDAY + 11 * H, volume: 40 })];
    const idle = planForecast(inboundRows, s).intervals.map((i) => i.agents * (0.85 - i.occupancy!) * 1800);
    const work = 3 * (idle[0]! + idle[1]!); // more than the idle time
    const p = planForecast([...inboundRows, outbound({ startMin: MONDAY, volume: work / 180 })], s);
    const out = p.intervals.filter((i) => i.channelClass === "outbound");
    expect(out.map((i) => i.startMin - MONDAY)).toEqual([600, 630, 660, 690]);
    expectRelative(out[0]!.blendedErlangs! * 1800, idle[0]!, 1e-12);
    expectRelative(out[2]!.blendedErlangs! * 1800, idle[1]!, 1e-12);
    expect(out[1]!.blendedErlangs).toBe(0);
    const even = (work - idle[0]! - idle[1]!) / 4;
    for (const i of out) expectRelative(i.agents * 0.85 * 1800, even, 1e-12);
    expectRelative(sum(out.map((i) => i.trafficErlangs * 1800)), work, 1e-12); // work conserved
    expectRelative(sum(out.map((i) => i.volume)), work / 180, 1e-12); // contacts conserved
  });
});
