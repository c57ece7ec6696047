import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Tour } from "../../../src/plan/shifts/schedule-types.js";
import { tourCoverage } from "../../../src/plan/shifts/tour-coverage.js";
import { expectRelative } from "../../helpers/relative.js";
import { bruteCoverage } from "../../helpers/shift-plan.js";

const tour = (days: Tour["days"], people = 1, template = "t"): Tour => ({ template, days, people, paidHours: 0, cost: 0 });

describe("tourCoverage(tours, gridMin)", () => {
  it("counts a 15-minute break in a 30-minute interval as half a person off the floor", () => {
    const c = tourCoverage([tour([{ day: 0, startMin: 540, endMin: 1020, breaks: [{ startMin: 600, endMin: 615, paid: true }] }], 2)], 30);
    expect([c[17], c[18], c[19], c[20], c[21], c[33], c[34]]).toEqual([0, 2, 2, 1, 2, 2, 0]);
  });

  it("counts a shift edge inside an interval by its share, and wraps a shift past the week's end to its start", () => {
    // Sunday 22:10 to Monday 06:10 of the next week: Monday 00:00–06:10 of this week
    const c = tourCoverage([tour([{ day: 6, startMin: 6 * 1440 + 1330, endMin: 6 * 1440 + 1810, breaks: [] }])], 60);
    expect(c[6 * 24 + 22]).toBe(50 / 60);
    expect(c[6 * 24 + 23]).toBe(1);
    expect([c[0], c[5], c[6], c[7]]).toEqual([1, 1, 10 / 60, 0]);
  });

  it("equals the minute-by-minute count for any tours, and the templates' own coverages add up to it", () => {
    const day = fc.record({ day: fc.integer({ min: 0, max: 6 }), start: fc.integer({ min: 0, max: 1439 }), length: fc.integer({ min: 60, max: 720 }), breakAt: fc.integer({ min: 0, max: 50 }), breakLength: fc.integer({ min: 0, max: 60 }) });
    const tours = fc.array(fc.record({ days: fc.array(day, { minLength: 1, maxLength: 7 }), people: fc.integer({ min: 1, max: 9 }), template: fc.constantFrom("a", "b") }), { maxLength: 6 });
    fc.assert(
      fc.property(tours, fc.constantFrom(15, 30, 60), (spec, grid) => {
        const ts = spec.map((t) =>
          tour(
            t.days.map((d) => {
              const startMin = d.day * 1440 + d.start;
              const b = startMin + Math.min(d.breakAt, d.length - d.breakLength);
              return { day: d.day, startMin, endMin: startMin + d.length, breaks: d.breakLength === 0 ? [] : [{ startMin: b, endMin: b + d.breakLength, paid: false }] };
            }),
            t.people,
            t.template,
          ),
        );
        const fast = tourCoverage(ts, grid);
        const slow = bruteCoverage(ts, grid);
        const parts = ["a", "b"].map((name) => tourCoverage(ts.filter((t) => t.template === name), grid));
        for (let k = 0; k < slow.length; k++) {
          expectRelative(fast[k]!, slow[k]!, 1e-12, `interval ${k}`);
          expectRelative(parts.reduce((s, p) => s + p[k]!, 0), slow[k]!, 1e-12, `templates at ${k}`);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("throws a RangeError for an interval length that does not divide the week", () => {
    expect(() => tourCoverage([], 11)).toThrow(RangeError);
    expect(() => tourCoverage([], 0)).toThrow(RangeError);
  });
});
