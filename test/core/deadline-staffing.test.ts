import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deadlineStaffing } from "../../src/core/deadline-staffing.js";
import { expectRelative } from "../helpers/relative.js";

describe("deadlineStaffing", () => {
  it("deadlineStaffing spreads 10 items × 6 min arriving through the first hour, due 4 h later, over 5 hours: 0.2 agents each (hand-worked)", () => {
    // arriving evenly through 00:00–01:00, due evenly through 04:00–05:00: all done by the end of slot 4
    const s = deadlineStaffing({ intervalMin: 60, open: Array(8).fill(true), items: [10, 0, 0, 0, 0, 0, 0, 0], ahtSec: 360, deadlineSec: 4 * 3600 });
    s.agents.slice(0, 5).forEach((a) => expectRelative(a, 0.2, 1e-12));
    expect(s.agents.slice(5)).toEqual([0, 0, 0]);
    expectRelative(s.backlogItems[0]!, 8, 1e-12);
    expect(s.oldestAgeMin.slice(0, 5)).toEqual([60, 120, 180, 240, 0]);
    expect(s.backlogItems[4]!).toBeLessThan(1e-9);
    expect(s.endBacklogItems).toBe(0);
  });

  it("deadlineStaffing works items that arrive while closed at the next opening (business-time deadline)", () => {
    // open, open, closed, closed, open, open; 4 items of 15 min arrive while closed; 1 h deadline
    const s = deadlineStaffing({ intervalMin: 60, open: [true, true, false, false, true, true], items: [0, 0, 4, 0, 0, 0], ahtSec: 900, deadlineSec: 3600 });
    expect(s.agents).toEqual([0, 0, 0, 0, 1, 0]);
    expect(s.backlogItems).toEqual([0, 0, 4, 4, 0, 0]);
    expect(s.oldestAgeMin).toEqual([0, 0, 60, 120, 0, 0]);
  });

  it("deadlineStaffing is level over a day when everything is due at its end, and divides by the occupancy", () => {
    // 12 open hours, 120 items of 5 min arriving in the first hour, due within 12 h of open time
    const items = [120, ...Array(11).fill(0)];
    const s = deadlineStaffing({ intervalMin: 60, open: Array(12).fill(true), items, ahtSec: 300, deadlineSec: 13 * 3600, maxOccupancy: 0.8 });
    // due by the end of slot 0 + 13 → beyond the horizon: only what is due is done (nothing), all 120 left at the end
    expect(s.agents.every((a) => a === 0)).toBe(true);
    expectRelative(s.endBacklogItems, 120, 1e-12);
    expect(s.carriedOut).toEqual([{ items: 120, ahtSec: 300, dueSlot: 1, arrivedMin: -720 }]);
    const t = deadlineStaffing({ intervalMin: 60, open: Array(12).fill(true), items, ahtSec: 300, deadlineSec: 11 * 3600, maxOccupancy: 0.8 });
    // due by the end of slot 11, the last: 10 agent-hours over 12 hours at 80 % occupancy
    t.agents.forEach((a) => expectRelative(a, 10 / 12 / 0.8, 1e-12));
  });

  it("no item is ever late and work never precedes arrival (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 30 })), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom(15, 30, 60),
        (slots, deadlineIntervals, intervalMin) => {
          const open = slots.map(([o]) => o);
          const items = slots.map(([, i]) => i);
          const ahtSec = 240;
          const s = deadlineStaffing({ intervalMin, open, items, ahtSec, deadlineSec: deadlineIntervals * intervalMin * 60 });
          // open-time positions of each interval; an item arriving at t is due within deadlineIntervals open intervals
          let doneItems = 0;
          let arrivedItems = 0;
          const openIndex: number[] = [];
          let o = 0;
          for (const isOpen of open) openIndex.push(isOpen ? o++ : o);
          for (let t = 0; t < items.length; t++) {
            arrivedItems += items[t]!;
            doneItems += s.workSec[t]! / ahtSec;
            expect(doneItems).toBeLessThanOrEqual(arrivedItems + 1e-6);
            if (!open[t]) expect(s.agents[t]).toBe(0);
            // due: what arrived while open deadlineIntervals open intervals before, or waited for an opening deadlineIntervals − 1 before
            let dueItems = 0;
            for (let a = 0; a <= t; a++) {
              const firstOpen = openIndex[a]!;
              const lag = open[a] ? deadlineIntervals : deadlineIntervals - 1;
              if (open[t] && openIndex[t]! - firstOpen >= lag) dueItems += items[a]!;
            }
            if (open[t]) expect(doneItems).toBeGreaterThanOrEqual(dueItems - 1e-6);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("deadlineStaffing over a repeating week", () => {
  const week = () => {
    const open: boolean[] = [];
    const items: number[] = [];
    for (let h = 0; h < 168; h++) {
      const day = Math.floor(h / 24);
      const hour = h % 24;
      open.push(day < 5 && hour >= 8 && hour < 20);
      items.push(10); // around the clock, weekends included
    }
    return { open, items };
  };

  it("deadlineStaffing(repeats) does exactly one week's work: 1,680 items × 6 min = 168 h", () => {
    const { open, items } = week();
    const s = deadlineStaffing({ intervalMin: 60, open, items, ahtSec: 360, deadlineSec: 24 * 3600, repeats: true });
    expectRelative(s.workSec.reduce((a, b) => a + b, 0) / 3600, 168, 1e-12);
  });

  it("deadlineStaffing(repeats) leaves at the end the backlog it starts with (steady state)", () => {
    const { open, items } = week();
    const s = deadlineStaffing({ intervalMin: 60, open, items, ahtSec: 360, deadlineSec: 24 * 3600, repeats: true });
    // what waits at the end (the items carried into the next week, after-hours arrivals included) is what waited at the start
    expectRelative(s.backlogItems[167]!, s.endBacklogItems, 1e-9);
    expect(s.endBacklogItems).toBeGreaterThan(0);
    // the same week worked as an open run from that backlog does the same week's work again and ends with it
    const again = deadlineStaffing({ intervalMin: 60, open, items, ahtSec: 360, deadlineSec: 24 * 3600, carriedIn: s.carriedOut });
    for (let t = 0; t < 168; t++) expect(again.backlogItems[t]! >= -1e-9).toBe(true);
    expect(Math.max(...again.agents)).toBeLessThanOrEqual(Math.max(...s.agents) * (1 + 1e-9));
    // no carried item is older than the deadline allows when the week starts: Monday's first hours clear the weekend first
    expect(s.oldestAgeMin[7]!).toBeGreaterThan(s.oldestAgeMin[9]!);
  });

  it("deadlineStaffing(repeats) carries every after-hours arrival into the next week, oldest first, due by the deadline's last open hour", () => {
    const { open, items } = week();
    const s = deadlineStaffing({ intervalMin: 60, open, items, ahtSec: 360, deadlineSec: 24 * 3600, repeats: true });
    // Friday 20:00 → Sunday 24:00 = 52 hours × 10 items wait for Monday 08:00
    const afterHours = s.carriedOut.filter((c) => c.arrivedMin >= -52 * 60);
    expectRelative(afterHours.reduce((n, c) => n + c.items, 0), 520, 1e-9);
    expect(afterHours.every((c) => c.dueSlot === 23)).toBe(true);
    const arrivals = s.carriedOut.map((c) => c.arrivedMin);
    expect([...arrivals].sort((a, b) => a - b)).toEqual(arrivals);
  });

  it("an open run that starts from a week's steady-state backlog and leaves it again is that steady state (leaveWorkSec)", () => {
    const { open, items } = week();
    const steady = deadlineStaffing({ intervalMin: 60, open, items, ahtSec: 360, deadlineSec: 24 * 3600, repeats: true });
    const run = deadlineStaffing({ intervalMin: 60, open, items, ahtSec: 360, deadlineSec: 24 * 3600, carriedIn: steady.carriedOut, leaveWorkSec: steady.endBacklogWorkSec });
    for (let t = 0; t < 168; t++) expectRelative(run.agents[t]!, steady.agents[t]!, 1e-9, `hour ${t}`);
    expectRelative(run.endBacklogWorkSec, steady.endBacklogWorkSec, 1e-9);
  });

  it("without repeats the same week starts empty and ends with only what is due done", () => {
    const { open, items } = week();
    const s = deadlineStaffing({ intervalMin: 60, open, items, ahtSec: 360, deadlineSec: 24 * 3600 });
    expect(s.workSec.reduce((a, b) => a + b, 0) / 3600).toBeLessThan(168);
  });
});
