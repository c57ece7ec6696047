import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monthsOf } from "../../src/plan/months.js";
import type { WeekPlan } from "../../src/plan/plan.js";

const DAY = 1440;
/** 2026-11-23 (a Monday), minutes since the epoch. */
const MONDAY = Date.UTC(2026, 10, 23) / 60_000;

function week(k: number, over: Partial<WeekPlan> = {}): WeekPlan {
  return {
    startMin: MONDAY + 7 * k * DAY,
    partial: false,
    intervals: 100,
    volume: 1000 + k,
    workloadHours: 50 + k,
    peakAgents: 10 + k,
    agentHours: 70 + k,
    scheduledHours: 100 + k,
    fte: (100 + k) / 35,
    headcount: 0,
    serviceLevel: 0.8,
    asaSec: 10,
    abandonRate: null,
    missedIntervals: k % 2,
    endBacklogItems: null,
    endBacklogHours: null,
    ...over,
  };
}

describe("monthsOf(weekly, contractFraction)", () => {
  it("puts a week in the month of its middle day: Monday 30 November 2026 belongs to December", () => {
    const months = monthsOf([week(0), week(1), week(5)], 0.9);
    expect(months.map((m) => [m.month, m.weeks])).toEqual([
      ["2026-11", 1],
      ["2026-12", 2],
    ]);
  });

  it("adds volumes and hours over a month's weeks, takes the mean of their FTE and rounds people up once from it", () => {
    const [dec] = monthsOf([week(1), week(2, { serviceLevel: 0.9, volume: 3000 }), week(3, { partial: true })], 0.9);
    expect(dec!.volume).toBe(1001 + 3000 + 1003);
    expect(dec!.scheduledHours).toBe(101 + 102 + 103);
    expect(dec!.fte).toBeCloseTo((101 + 102 + 103) / 35 / 3, 12);
    expect(dec!.headcount).toBe(Math.ceil(dec!.fte / 0.9));
    expect(dec!.peakAgents).toBe(13);
    expect(dec!.partialWeeks).toBe(1);
    expect(dec!.serviceLevel).toBeCloseTo((1001 * 0.8 + 3000 * 0.9 + 1003 * 0.8) / (1001 + 3000 + 1003), 12);
  });

  it("counts every week once: the months' volumes and hours add up to the weeks' (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 200 }), (n, offset) => {
        const weeks = Array.from({ length: n }, (_, k) => week(k + offset));
        const months = monthsOf(weeks, 0.9);
        expect(months.reduce((s, m) => s + m.weeks, 0)).toBe(n);
        expect(months.reduce((s, m) => s + m.volume, 0)).toBe(weeks.reduce((s, w) => s + w.volume, 0));
        expect(months.reduce((s, m) => s + m.missedIntervals, 0)).toBe(weeks.reduce((s, w) => s + w.missedIntervals, 0));
        for (const m of months) expect(m.weeks).toBeGreaterThanOrEqual(4 - (m === months[0] || m === months[months.length - 1] ? 4 : 0));
      }),
    );
  });
});
