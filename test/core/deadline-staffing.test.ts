import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deadlineStaffing } from "../../src/core/deadline-staffing.js";
import { expectRelative } from "../helpers/relative.js";

describe("deadlineStaffing", () => {
  it("deadlineStaffing spreads 10 items × 6 min due in 4 h over the 4 hours: 0.25 agents each (hand-worked)", () => {
    const s = deadlineStaffing({ intervalMin: 60, open: Array(8).fill(true), items: [10, 0, 0, 0, 0, 0, 0, 0], ahtSec: 360, deadlineSec: 4 * 3600 });
    s.agents.slice(0, 4).forEach((a) => expectRelative(a, 0.25, 1e-12));
    expect(s.agents.slice(4)).toEqual([0, 0, 0, 0]);
    expectRelative(s.backlogItems[0]!, 7.5, 1e-12);
    expect(s.oldestAgeMin.slice(0, 4)).toEqual([60, 120, 180, 0]);
    expect(s.backlogItems[3]!).toBeLessThan(1e-9);
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
    // due by the end of slot ⌊13⌋ − 1 = 12 → beyond the horizon: only what is due is done (nothing)
    expect(s.agents.every((a) => a === 0)).toBe(true);
    const t = deadlineStaffing({ intervalMin: 60, open: Array(12).fill(true), items, ahtSec: 300, deadlineSec: 12 * 3600, maxOccupancy: 0.8 });
    // 10 agent-hours over 12 hours at 80 % occupancy
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
            // everything that arrived ≥ deadlineIntervals open intervals ago (and can be worked) is done
            let dueItems = 0;
            for (let a = 0; a <= t; a++) {
              const firstOpen = openIndex[a]!;
              if (open[t] && openIndex[t]! - firstOpen >= deadlineIntervals - 1) dueItems += items[a]!;
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
    // 24 open hours = 2 working days: items from Thursday 09:00 on are due next Monday or later
    // (hand count: Thursday 09:00–24:00, Friday, Saturday, Sunday = 15 + 72 h × 10 items)
    expectRelative(s.backlogItems[167]!, 870, 1e-9);
    // the same items were waiting at the start (carried in), so the week is a fixed point
    expectRelative(s.backlogItems[0]!, 870 + 10, 1e-9);
    // Monday 08:00 clears the weekend first: the oldest item then is younger than the weekend
    expect(s.oldestAgeMin[7]!).toBeGreaterThan(s.oldestAgeMin[9]!);
  });

  it("without repeats the same week starts empty and ends with only what is due done", () => {
    const { open, items } = week();
    const s = deadlineStaffing({ intervalMin: 60, open, items, ahtSec: 360, deadlineSec: 24 * 3600 });
    expect(s.workSec.reduce((a, b) => a + b, 0) / 3600).toBeLessThan(168);
  });
});
