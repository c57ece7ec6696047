import { describe, expect, it } from "vitest";
import type { ForecastRow } from "../../src/plan/forecast.js";
import { planForecast } from "../../src/plan/plan.js";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/plan/scenario.js";
import { forecastRow, MONDAY } from "../helpers/forecast-row.js";
import { expectRelative } from "../helpers/relative.js";

const DAY = 1440;
const WEEK = 7 * DAY;
const scenario = (over: Partial<Scenario> = {}): Scenario => ({ ...DEFAULT_SCENARIO, name: "test", ...over });

/** Hourly phone rows 08:00–20:00 on the given days (0 = Monday 2026-11-23), `volume(day, hour)` contacts of 180 s. */
function phoneDays(days: number[], volume: (day: number, hour: number) => number = () => 60): ForecastRow[] {
  return days.flatMap((d) => Array.from({ length: 12 }, (_, h) => forecastRow({ startMin: MONDAY + d * DAY + (8 + h) * 60, intervalMin: 60, volume: volume(d, h) })));
}

/** Hourly email rows around the clock on the given days. */
function emailDays(days: number[], volume: (day: number, hour: number) => number): ForecastRow[] {
  return days.flatMap((d) =>
    Array.from({ length: 24 }, (_, h) =>
      forecastRow({ startMin: MONDAY + d * DAY + h * 60, intervalMin: 60, channel: "email", channelClass: "async", volume: volume(d, h), ahtSec: 360, deadlineSec: 24 * 3600 }),
    ),
  );
}

describe("FTE per calendar week", () => {
  it("a Monday–Friday forecast is one week: the same FTE as the same work in a seven-day file", () => {
    const weekdays = planForecast(phoneDays([0, 1, 2, 3, 4]), scenario());
    const sevenDays = planForecast(phoneDays([0, 1, 2, 3, 4, 5, 6], (d) => (d >= 5 ? 0 : 60)), scenario());
    expect(weekdays.weeks).toBe(1);
    expect(sevenDays.weeks).toBe(1);
    expectRelative(weekdays.totals.fte, sevenDays.totals.fte, 1e-12);
    expect(weekdays.totals.headcount).toBe(sevenDays.totals.headcount);
    // FTE = the week's scheduled hours ÷ 35 h
    expectRelative(weekdays.totals.fte, weekdays.totals.scheduledHours / 35, 1e-12);
  });

  it("a Monday–Saturday forecast is one week too", () => {
    const monSat = planForecast(phoneDays([0, 1, 2, 3, 4, 5]), scenario());
    const sevenDays = planForecast(phoneDays([0, 1, 2, 3, 4, 5, 6], (d) => (d === 6 ? 0 : 60)), scenario());
    expect(monSat.weeks).toBe(1);
    expectRelative(monSat.totals.fte, sevenDays.totals.fte, 1e-12);
  });

  it("a trailing zero-volume row at the next Monday 00:00 (an inclusive end) opens no week", () => {
    const rows = phoneDays([0, 1, 2, 3, 4, 5, 6]);
    const inclusive = [...rows, forecastRow({ startMin: MONDAY + WEEK, intervalMin: 60, volume: 0 })];
    const p = planForecast(inclusive, scenario());
    expect(p.weeks).toBe(1);
    expectRelative(p.totals.fte, planForecast(rows, scenario()).totals.fte, 1e-12);
    expect(p.notes).toEqual([]);
    // the same row with contacts is work: a second week
    expect(planForecast([...rows, forecastRow({ startMin: MONDAY + WEEK, intervalMin: 60, volume: 5 })], scenario()).weeks).toBe(2);
  });

  it("weeks start on the scenario's week_start: a Sunday–Saturday file is one week when weeks start on Sunday", () => {
    const rows = phoneDays([-1, 0, 1, 2, 3, 4, 5]);
    expect(planForecast(rows, scenario()).weeks).toBe(2);
    const sunday = planForecast(rows, scenario({ weekStart: 6 }));
    expect(sunday.weeks).toBe(1);
    expect(sunday.horizon!.windowStartMin).toBe(MONDAY - DAY);
  });

  it("several weeks: one line per calendar week, FTE of the mean week, and the peak week", () => {
    const rows = phoneDays([0, 1, 2, 3, 4, 7, 8, 9, 10, 11], (d) => (d >= 7 ? 120 : 60));
    const p = planForecast(rows, scenario());
    expect(p.weeks).toBe(2);
    expect(p.weekly.map((w) => w.startMin)).toEqual([MONDAY, MONDAY + WEEK]);
    expectRelative(p.totals.fte, (p.weekly[0]!.fte + p.weekly[1]!.fte) / 2, 1e-12);
    expect(p.weekly[1]!.fte).toBeGreaterThan(p.weekly[0]!.fte);
    expect(p.peakWeek).toEqual({ startMin: MONDAY + WEEK, fte: p.weekly[1]!.fte, headcount: p.weekly[1]!.headcount });
    expectRelative(p.weekly[0]!.scheduledHours + p.weekly[1]!.scheduledHours, p.totals.scheduledHours, 1e-12);
    expect(p.weekly.every((w) => !w.partial)).toBe(true);
    expect(p.notes).toEqual([]);
  });

  it("flags a first or last week that the forecast covers only partly, naming its dates", () => {
    // Wednesday 25 November to Tuesday 1 December: two calendar weeks, both partial
    const p = planForecast(phoneDays([2, 3, 4, 5, 6, 7, 8]), scenario());
    expect(p.weeks).toBe(2);
    expect(p.weekly.map((w) => w.partial)).toEqual([true, true]);
    expect(p.notes.map((n) => n.code)).toEqual(["PLAN_PARTIAL_WEEK", "PLAN_PARTIAL_WEEK"]);
    expect(p.notes[0]!.message).toContain("the first week (from 2026-11-23) has rows only 2026-11-25 to 2026-11-29");
    expect(p.notes[1]!.message).toContain("the last week (from 2026-11-30) has rows only 2026-11-30 to 2026-12-01");
    expect(p.notes[0]!.message).toContain("--weeks N");
  });

  it("with the weeks given (--weeks, scenario horizon) FTE are the hours ÷ those weeks, without a partial-week warning", () => {
    const rows = phoneDays([2, 3, 4, 5, 6, 7, 8]);
    const oneWeek = planForecast(rows, scenario({ horizonWeeks: 1 }));
    expect(oneWeek.weeks).toBe(1);
    expect(oneWeek.notes).toEqual([]);
    expectRelative(oneWeek.totals.fte, oneWeek.totals.scheduledHours / 35, 1e-12);
    // a rolling week given as one week is planned as its own 7 days, from Wednesday
    expect(oneWeek.horizon!.windowStartMin).toBe(MONDAY + 2 * DAY);
    expect(oneWeek.horizon!.windowEndMin).toBe(MONDAY + 9 * DAY);
    // a week of rows said to stand for 4 weeks: hours ÷ 4
    const four = planForecast(phoneDays([0, 1, 2, 3, 4]), scenario({ horizonWeeks: 4 }));
    expectRelative(four.totals.fte, four.totals.scheduledHours / 4 / 35, 1e-12);
  });

  it("flags a last week that holds a single day (a date typed a week off), though that day is a Sunday", () => {
    const p = planForecast([...phoneDays([0, 1, 2, 3, 4, 5, 6]), ...phoneDays([13], () => 1).slice(0, 1)], scenario());
    expect(p.weeks).toBe(2);
    expect(p.notes.map((n) => n.code)).toEqual(["PLAN_PARTIAL_WEEK"]);
    expect(p.notes[0]!.message).toContain("the last week (from 2026-11-30) has rows only 2026-12-06");
  });

  it("flags a week inside the horizon that has no row at all", () => {
    const p = planForecast(phoneDays([0, 1, 2, 3, 4, 14, 15, 16, 17, 18]), scenario());
    expect(p.weeks).toBe(3);
    expect(p.notes.map((n) => n.message)).toEqual([expect.stringContaining("the week from 2026-11-30 has no rows: FTE are averaged over 3 weeks, this empty one included")]);
  });

  it("says so when the weeks given are more than the calendar weeks the rows touch, and keeps the deferred plan of those weeks", () => {
    const rows = emailDays([0, 1, 2, 3, 4, 5, 6], () => 3);
    const one = planForecast(rows, scenario());
    const four = planForecast(rows, scenario({ horizonWeeks: 4 }));
    expect(four.notes.map((n) => n.code)).toEqual(["PLAN_WEEKS_GIVEN"]);
    expect(four.notes[0]!.message).toContain("the rows touch 1 calendar week but the horizon given is 4");
    expectRelative(four.totals.agentHours, one.totals.agentHours, 1e-12);
    expectRelative(four.totals.fte, one.totals.fte / 4, 1e-12);
  });

  it("says so when the weeks given are fewer than the calendar weeks the rows touch", () => {
    const p = planForecast(phoneDays([0, 7, 14]), scenario({ horizonWeeks: 1 }));
    expect(p.notes.map((n) => n.code)).toEqual(["PLAN_WEEKS_GIVEN"]);
    expect(p.notes[0]!.message).toContain("the rows touch 3 calendar weeks but the horizon given is 1");
  });
});

describe("deferred work over the calendar weeks", () => {
  it("plans a deferred queue over its weeks and opening hours, not only the span of its rows", () => {
    // mail arriving Monday 09:00 to Friday 11:00 only (hourly rows), 72 h deadline in opening hours
    const rows = emailDays([0, 1, 2, 3, 4], () => 0)
      .filter((r) => r.startMin >= MONDAY + 9 * 60 && r.startMin <= MONDAY + 4 * DAY + 11 * 60)
      .map((r) => ({ ...r, channel: "mail", volume: 10, deadlineSec: 72 * 3600 }));
    const p = planForecast(rows, scenario());
    const after = p.intervals.filter((i) => i.startMin >= MONDAY + 4 * DAY + 12 * 60 && i.agents > 0);
    // staffed on Friday afternoon and Saturday (the default opening hours), where the channel is open
    expect(after.some((i) => i.startMin >= MONDAY + 5 * DAY)).toBe(true);
    // and the week's work is done exactly once (steady state)
    const work = p.intervals.reduce((n, i) => n + i.agents * 0.9 * 3600, 0);
    expectRelative(work, rows.reduce((n, r) => n + r.volume * r.ahtSec, 0), 1e-9);
  });

  it("does not wrap the last week's backlog into the first: week 1 of a growing month needs what it needs alone", () => {
    const volume = (d: number, h: number) => (h >= 8 && h < 18 ? 12 : 3) * 1.2 ** Math.floor(d / 7);
    const days = Array.from({ length: 28 }, (_, d) => d);
    const month = planForecast(emailDays(days, volume), scenario());
    const alone = planForecast(emailDays([0, 1, 2, 3, 4, 5, 6], volume), scenario());
    const week1 = month.weekly[0]!.agentHours;
    expectRelative(week1, alone.totals.agentHours, 0.02);
    expect(month.weeks).toBe(4);
    // the backlog left at the end is reported: the last week's own steady state
    expect(month.totals.endBacklogItems).toBeGreaterThan(0);
    expect(alone.totals.endBacklogItems).toBeGreaterThan(0);
  });

  it("starts the horizon from the scenario's opening backlog when one is given", () => {
    const rows = emailDays([0, 1, 2, 3, 4, 5, 6], () => 2);
    const without = planForecast(rows, scenario());
    const withBacklog = planForecast(rows, scenario({ openingBacklog: [{ typology: "Information", channel: "email", items: 500, ageMin: 0 }] }));
    // both end with the week's own steady-state backlog; one starts with it, the other with 500 items × 6 min = 50 h
    expectRelative(withBacklog.totals.endBacklogHours!, without.totals.endBacklogHours!, 1e-9);
    expectRelative(withBacklog.totals.agentHours - without.totals.agentHours, (50 - without.totals.endBacklogHours!) / 0.9, 1e-9);
  });

  it("counts deferred work in a queue that is never open as missed, and says so (never dropped)", () => {
    const closed: Scenario = scenario({ openingHours: { default: DEFAULT_SCENARIO.openingHours.default, channels: { email: [[], [], [], [], [], [], []] } } });
    const p = planForecast(emailDays([0], () => 5), closed);
    expect(p.totals.agentHours).toBe(0);
    expect(p.totals.missedIntervals).toBe(24);
    expect(p.notes.map((n) => n.code)).toEqual(["PLAN_NEVER_OPEN"]);
    expect(p.notes[0]!.message).toContain("information / email / inbound / level 1 (120 items)");
  });

  it("names an outbound campaign whose calling hours never open where its rows are (staffed where it is, counted as missed)", () => {
    const s = scenario({ outbound: { ...DEFAULT_SCENARIO.outbound, callingHours: [[], [], [], [], [], [], []] } });
    const rows = [forecastRow({ typology: "recovery", direction: "outbound", channelClass: "outbound", volume: 20, ahtSec: 300 })];
    const p = planForecast(rows, s);
    expect(p.totals.missedIntervals).toBe(1);
    expect(p.totals.agentHours).toBeGreaterThan(0);
    expect(p.notes.map((n) => n.code)).toEqual(["PLAN_NEVER_OPEN"]);
    expect(p.notes[0]!.message).toContain("recovery / phone / outbound / level 1");
  });
});
