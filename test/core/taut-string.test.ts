import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tautString, tautStringInto } from "../../src/core/taut-string.js";
import { expectRelative } from "../helpers/relative.js";

const cumulative = (xs: number[]) => xs.reduce<number[]>((acc, x) => [...acc, (acc.at(-1) ?? 0) + x], []);

describe("tautString", () => {
  it("tautString(all due at the end) is level: the back-office example (200 backlog + 80/day, 5 days) is 50 h a day", () => {
    // Work in hours: 600 items × 25 min = 250 h, all due by the end of day 5; arrivals 280 items, then 80 a day.
    const arrived = cumulative([280, 80, 80, 80, 80]).map((items) => (items * 25) / 60);
    const due = [0, 0, 0, 0, 250];
    const perDay = tautString(due, arrived, 250);
    for (const h of perDay) expectRelative(h, 50, 1e-12);
    // 50 h / 5.5 productive hours = 9.09 → 10 agents (DOMAIN worked example)
    expect(Math.ceil(perDay[0]! / 5.5)).toBe(10);
  });

  it("tautString follows the upper bound when work arrives late and is due at once", () => {
    // nothing can be done before it arrives; everything is due as soon as it arrives
    expect(tautString([0, 10, 10, 30], [0, 10, 10, 30], 30)).toEqual([0, 10, 0, 20]);
  });

  it("tautString bends down under a low upper bound then rises to a late deadline", () => {
    // 6 units available from the start, 24 more arriving at step 3, all due by the end (4 steps)
    const s = tautString([0, 0, 0, 30], [6, 6, 30, 30], 30);
    expect(s.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([3, 3, 12, 12]);
  });

  it("tautString never breaks the bounds and has the lowest possible peak (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (arrivalsWithDelay, endShare) => {
          const n = arrivalsWithDelay.length;
          const due = new Array<number>(n).fill(0);
          arrivalsWithDelay.forEach(([work, delay], i) => {
            const d = Math.min(n - 1, i + delay);
            due[d] = due[d]! + work;
          });
          const upper = cumulative(arrivalsWithDelay.map(([w]) => w));
          const lower = cumulative(due);
          const end = lower[n - 1]! + endShare * (upper[n - 1]! - lower[n - 1]!);
          const s = tautString(lower, upper, end);
          const c = cumulative(s);
          for (let j = 0; j < n; j++) {
            expect(c[j]!).toBeGreaterThanOrEqual(lower[j]! - 1e-6);
            expect(c[j]!).toBeLessThanOrEqual(upper[j]! + 1e-6);
            expect(s[j]!).toBeGreaterThanOrEqual(-1e-9);
          }
          expectRelative(c[n - 1]!, end, 1e-9);
          // lowest peak: no profile can beat max over windows of (due in window − available before)/length
          let bound = 0;
          for (let a = 0; a < n; a++) {
            for (let b = a; b < n; b++) {
              const need = (b === n - 1 ? end : lower[b]!) - (a === 0 ? 0 : upper[a - 1]!);
              bound = Math.max(bound, need / (b - a + 1));
            }
          }
          expect(Math.max(...s)).toBeLessThanOrEqual(bound + 1e-6);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("tautString throws RangeError for crossed bounds", () => {
    expect(() => tautString([5], [4], 5)).toThrow(/lower <= upper/);
  });
});

describe("tautString at scale", () => {
  it("tautString accepts an end that rounding put a hair below the lower bound (sums of millions of agent-seconds)", () => {
    const lower = [0, 1726393.1999999993];
    const upper = [2242163.399999998, 2242163.399999998];
    const slopes = tautString(lower, upper, 1726393.1999999972);
    expect(slopes[0]! + slopes[1]!).toBe(1726393.1999999993);
    expect(() => tautString(lower, upper, 1726000)).toThrow(RangeError);
  });
});

describe("tautStringInto", () => {
  /** A feasible corridor: arrivals and dues as running sums, the due a lagged share of the arrived. */
  const corridorArb = fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 80 }).map((steps) => {
    const upper: number[] = [];
    let sum = 0;
    for (const s of steps) upper.push((sum += s));
    const lower = upper.map((_, j) => (j < 2 ? 0 : upper[j - 2]!));
    return { lower, upper, end: (lower[lower.length - 1]! + upper[upper.length - 1]!) / 2 };
  });

  it("gives tautString's slopes, value for value, in scratch arrays reused and longer than needed (property)", () => {
    const lo = new Float64Array(200).fill(7);
    const hi = new Float64Array(200).fill(-7);
    const slopes = new Float64Array(200).fill(NaN);
    fc.assert(
      fc.property(corridorArb, ({ lower, upper, end }) => {
        tautStringInto(lower, upper, end, lo, hi, slopes);
        expect(Array.from(slopes.subarray(0, lower.length))).toStrictEqual(tautString(lower, upper, end));
      }),
    );
  });

  it("refuses what tautString refuses, and scratch too short", () => {
    const s = new Float64Array(4);
    expect(() => tautStringInto([0, 5], [1, 2], 2, s, s, s)).toThrow(RangeError);
    expect(() => tautStringInto([0, 0], [1, 2], 9, s, s, s)).toThrow(RangeError);
    expect(() => tautStringInto([0, 0, 0], [1, 2, 3], 1, new Float64Array(3), s, s)).toThrow(/scratch/);
  });
});
