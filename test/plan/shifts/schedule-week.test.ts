import { beforeAll, describe, expect, it } from "vitest";
import type { MipSolver } from "../../../src/plan/shifts/mip.js";
import { scheduleWeek } from "../../../src/plan/shifts/schedule-week.js";
import { tourCoverage } from "../../../src/plan/shifts/tour-coverage.js";
import { highsSolver } from "../../../src/solve/highs-solver.js";
import { requirement, rules, template, WEEKDAYS } from "../../helpers/shift-builders.js";

let solve: MipSolver;
beforeAll(async () => {
  solve = await highsSolver();
});
const exact = { relGap: 0, timeLimitSec: 60 };

function solved(...args: Parameters<typeof scheduleWeek> extends [infer R, infer G, infer U, ...unknown[]] ? [R, G, U] : never) {
  const r = scheduleWeek(args[0], args[1], args[2], solve, exact);
  if (!r.ok) throw new Error(`no schedule: ${JSON.stringify(r.failure)}`);
  return r.week;
}

describe("scheduleWeek(required, gridMin, rules, solve, limits)", () => {
  it("a flat 10 agents 09:00–17:00 five days with one 8-hour template takes 10 people, 100 % efficient", () => {
    const w = solved(requirement(30, [{ days: WEEKDAYS, fromMin: 540, toMin: 1020, agents: 10 }]), 30, rules([template()]));
    expect(w.people).toBe(10);
    expect(w.paidHours).toBe(400);
    expect(w.cost).toBe(400);
    expect(w.efficiency).toBeCloseTo(1, 12);
    expect(w.overHours).toBe(0);
    expect(w.underHours).toBe(0);
    expect(w.status).toBe("optimal");
  });

  it("two part-timers beat a full-timer on a two-peak day (08–10 and 16–18)", () => {
    const need = requirement(30, [
      { days: WEEKDAYS, fromMin: 480, toMin: 600, agents: 1 },
      { days: WEEKDAYS, fromMin: 960, toMin: 1080, agents: 1 },
    ]);
    const full = template({ firstStartMin: 480, lastStartMin: 600 });
    const part = template({ name: "part-time", lengthMin: 240, paidHours: 4, firstStartMin: 480, lastStartMin: 840 });
    const w = solved(need, 30, rules([full, part]));
    expect(w.byTemplate).toEqual([
      { template: "full-time", people: 0, paidHours: 0, cost: 0 },
      { template: "part-time", people: 2, paidHours: 40, cost: 40 },
    ]);
    const alone = solved(need, 30, rules([full]));
    expect(alone.people).toBe(2);
    expect(alone.cost).toBe(80);
  });

  it("at equal cost the schedule with fewer people wins (peaks 09–11 and 15–17: two full-timers, not four part-timers)", () => {
    const need = requirement(30, [
      { days: WEEKDAYS, fromMin: 540, toMin: 660, agents: 2 },
      { days: WEEKDAYS, fromMin: 900, toMin: 1020, agents: 2 },
    ]);
    const full = template();
    const part = template({ name: "part-time", lengthMin: 240, paidHours: 4, firstStartMin: 540, lastStartMin: 900 });
    const w = solved(need, 30, rules([full, part]));
    expect(w.cost).toBe(80);
    expect(w.people).toBe(2);
  });

  it("consecutive days off force a third person where any days off need two", () => {
    // needed Mon, Wed, Fri, Sat, Sun (2 agents 09–17): with Tue and Thu off two people work the five days,
    // but any two consecutive days off include a needed day, so each person works at most 4 of them
    const need = requirement(30, [{ days: [0, 2, 4, 5, 6], fromMin: 540, toMin: 1020, agents: 2 }]);
    const any = solved(need, 30, rules([template({ daysOff: { kind: "any" } })]));
    const consecutive = solved(need, 30, rules([template({ daysOff: { kind: "consecutive" } })]));
    expect(any.people).toBe(2);
    expect(consecutive.people).toBe(3);
    expect(consecutive.tours.every((t) => t.days.length === 5)).toBe(true);
  });

  it("places breaks inside their windows and covers the requirement with the breaks taken", () => {
    const need = requirement(15, [{ days: WEEKDAYS, fromMin: 480, toMin: 1020, agents: 3 }]);
    const t = template({
      lengthMin: 540,
      paidHours: 8,
      firstStartMin: 420,
      lastStartMin: 540,
      startBandMin: 60,
      breaks: [
        { lengthMin: 60, paid: false, afterMin: 180, beforeMin: 360, stepMin: 15 },
        { lengthMin: 15, paid: true, afterMin: 390, beforeMin: 480, stepMin: 15 },
      ],
    });
    const w = solved(need, 15, rules([t]));
    const cover = tourCoverage(w.tours, 15);
    for (let i = 0; i < need.length; i++) expect(cover[i]!).toBeGreaterThanOrEqual(need[i]! - 1e-9);
    for (const tour of w.tours) {
      const starts = new Set(tour.days.map((d) => d.startMin % 1440));
      expect(Math.max(...starts) - Math.min(...starts)).toBeLessThanOrEqual(60);
      for (const d of tour.days) {
        expect(d.breaks[0]!.startMin - d.startMin).toBeGreaterThanOrEqual(180);
        expect(d.breaks[0]!.endMin - d.startMin).toBeLessThanOrEqual(360);
        expect(d.breaks[1]!.startMin - d.startMin).toBeGreaterThanOrEqual(390);
        expect(d.breaks[1]!.endMin - d.startMin).toBeLessThanOrEqual(480);
      }
    }
    expect(w.cost).toBe(w.tours.reduce((n, t) => n + t.people * t.cost, 0));
  });

  it("prices understaffing when asked: a lone 1-hour peak is left short when an agent-hour short costs less than a shift", () => {
    const need = requirement(30, [{ days: [0], fromMin: 600, toMin: 660, agents: 1 }]);
    const cheap = scheduleWeek(need, 30, rules([template({ daysPerWeek: 1, daysOff: { kind: "any" } })], { understaffingCost: 2 }), solve, exact);
    expect(cheap.ok && cheap.week.people).toBe(0);
    expect(cheap.ok && cheap.week.underHours).toBe(1);
    const dear = scheduleWeek(need, 30, rules([template({ daysPerWeek: 1, daysOff: { kind: "any" } })], { understaffingCost: 20 }), solve, exact);
    expect(dear.ok && dear.week.people).toBe(1);
  });

  it("names the intervals no template can reach when understaffing has no cost", () => {
    const need = requirement(30, [{ days: [6], fromMin: 1200, toMin: 1260, agents: 1 }]);
    const r = scheduleWeek(need, 30, rules([template()]), solve, exact);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.failure.kind).toBe("uncoverable");
  });

  it("keeps a template within its max share of the team's people", () => {
    const need = requirement(30, [{ days: WEEKDAYS, fromMin: 540, toMin: 780, agents: 10 }]);
    const full = template({ name: "a-full" });
    const part = template({ name: "b-part", lengthMin: 240, paidHours: 4, maxShare: 0.3 });
    const w = solved(need, 30, rules([full, part]));
    const partPeople = w.byTemplate.find((u) => u.template === "b-part")!.people;
    expect(partPeople / w.people).toBeLessThanOrEqual(0.3 + 1e-12);
    expect(w.people).toBe(10);
    expect(partPeople).toBe(3);
  });
});
