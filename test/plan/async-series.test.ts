import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AsyncSeries, NumberBlocks } from "../../src/plan/async-series.js";
import { forecastRow } from "../helpers/forecast-row.js";

const anyNumber = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double(), fc.constantFrom(-0, 0, NaN, Infinity, 0.1, 1e300));

/** Rows of one queue as a forecast gives them: mostly one interval after the other at one AHT, with gaps, jumps back, repeats and odd values. */
const seriesArb = fc
  .record({
    first: fc.integer({ min: 28_000_000, max: 29_000_000 }),
    intervalMin: fc.constantFrom(15, 30, 60, 0),
    steps: fc.array(
      fc.record({
        start: fc.oneof({ weight: 6, arbitrary: fc.constant("next" as const) }, fc.constantFrom("same" as const, "gap" as const, "back" as const), anyNumber),
        aht: fc.oneof({ weight: 4, arbitrary: fc.constant("same" as const) }, anyNumber),
        volume: anyNumber,
        deadlineSec: fc.option(fc.constantFrom(3600, 86_400, 0.5), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3000 },
    ),
  })
  .map(({ first, intervalMin, steps }) => {
    let start = first;
    let aht = 300;
    return steps.map((s, k) => {
      if (k > 0) start = s.start === "next" ? start + intervalMin : s.start === "same" ? start : s.start === "gap" ? start + 7 * intervalMin : s.start === "back" ? start - intervalMin : s.start;
      if (s.aht !== "same") aht = s.aht;
      return forecastRow({ startMin: start, intervalMin, channel: "email", channelClass: "async", volume: s.volume, ahtSec: aht, deadlineSec: s.deadlineSec });
    });
  });

describe("NumberBlocks", () => {
  it("gives back every number pushed, the same doubles in the same order, by forEach and by reader", () => {
    fc.assert(
      fc.property(fc.array(anyNumber, { maxLength: 40_000 }), (values) => {
        const b = new NumberBlocks();
        for (const v of values) b.push(v);
        const seen: number[] = [];
        b.forEach((v) => seen.push(v));
        const next = b.reader();
        const read = values.map(() => next());
        expect(b.length).toBe(values.length);
        values.forEach((v, k) => {
          expect(Object.is(seen[k], v)).toBe(true);
          expect(Object.is(read[k], v)).toBe(true);
        });
        expect(seen).toHaveLength(values.length);
      }),
      { numRuns: 30 },
    );
  });
});

describe("AsyncSeries", () => {
  it("gives back each row's start, volume and AHT exactly (−0, NaN and jumps too), in the order added, and the shortest deadline", () => {
    fc.assert(
      fc.property(seriesArb, (rows) => {
        const s = new AsyncSeries(rows[0]!);
        for (const r of rows) s.add(r);
        const back: [number, number, number][] = [];
        s.each((startMin, volume, ahtSec) => back.push([startMin, volume, ahtSec]));
        expect(back).toHaveLength(rows.length);
        rows.forEach((r, k) => {
          const [startMin, volume, ahtSec] = back[k]!;
          expect([Object.is(startMin, r.startMin), Object.is(volume, r.volume), Object.is(ahtSec, r.ahtSec)]).toEqual([true, true, true]);
        });
        expect(s.rows).toBe(rows.length);
        expect(s.firstStart).toBe(rows[0]!.startMin);
        const deadlines = rows.flatMap((r) => (r.deadlineSec === undefined ? [] : [r.deadlineSec]));
        expect(s.deadlineSec).toBe(deadlines.length === 0 ? Infinity : Math.min(...deadlines));
      }),
      { numRuns: 100 },
    );
  });

  it("takes 8 bytes a row for a queue's year of regular intervals at one AHT (its start and AHT are not kept per row)", () => {
    const rows = 35_000;
    const s = new AsyncSeries(forecastRow({ startMin: 0, intervalMin: 15, channelClass: "async" }));
    for (let k = 0; k < rows; k++) s.add(forecastRow({ startMin: k * 15, intervalMin: 15, channelClass: "async", volume: k / 7 }));
    // what the series holds: its blocks of doubles (volumes; no start or AHT given apart)
    const held = (s as unknown as { volumes: { blocks: Float64Array[] }; starts: NumberBlocks; ahts: NumberBlocks }).volumes.blocks.reduce((n, b) => n + b.byteLength, 0);
    expect(held).toBeLessThan(rows * 8 * 1.25);
    expect((s as unknown as { starts: NumberBlocks }).starts.length + (s as unknown as { ahts: NumberBlocks }).ahts.length).toBe(0);
  });
});
