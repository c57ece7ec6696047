import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AsyncSeries, NumberBlocks } from "../../src/plan/async-series.js";
import { VolumeRecipe } from "../../src/plan/volume-source.js";
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

describe("AsyncSeries with rows that say where their volume comes from", () => {
  /** A column of values (some odd), and rows that take theirs from it by a recipe — or lie about it, or have none. */
  const placedArb = fc
    .record({
      column: fc.array(anyNumber, { minLength: 1, maxLength: 400 }),
      factors: fc.array(fc.oneof(fc.double({ min: 0.01, max: 3, noNaN: true }), fc.constantFrom(1, 0.1, 0.35, -0)), { maxLength: 3 }),
      steps: fc.array(
        fc.record({
          place: fc.oneof({ weight: 8, arbitrary: fc.constant("next" as const) }, fc.constantFrom("same" as const, "back" as const, "jump" as const), fc.nat()),
          kind: fc.oneof({ weight: 60, arbitrary: fc.constant("true" as const) }, fc.constantFrom("wrong" as const, "none" as const, "other" as const)),
        }),
        { minLength: 1, maxLength: 2500 },
      ),
      stride: fc.integer({ min: 1, max: 7 }),
    })
    .map(({ column, factors, steps, stride }) => {
      let recipe = VolumeRecipe.of(column);
      for (const f of factors) recipe = recipe.times(f);
      const other = VolumeRecipe.of(column).times(2);
      let place = 0;
      return steps.map((s, k) => {
        if (k > 0) place = s.place === "next" ? place + stride : s.place === "same" ? place : s.place === "back" ? place - stride : s.place === "jump" ? place + 5 * stride : s.place;
        const index = ((place % column.length) + column.length) % column.length;
        const volume = s.kind === "wrong" ? recipe.volume(index) + 1 : s.kind === "other" ? other.volume(index) : recipe.volume(index);
        const r = forecastRow({ startMin: k * 15, intervalMin: 15, channel: "email", channelClass: "async", volume });
        return s.kind === "none" ? r : { ...r, sourceIndex: index, volumeRecipe: s.kind === "other" ? other : recipe };
      });
    });

  it("gives back every row's volume exactly, whether it is kept by its place or turned to volumes on the way (property)", () => {
    fc.assert(
      fc.property(placedArb, (rows) => {
        const s = new AsyncSeries(rows[0]!);
        for (const r of rows) s.add(r);
        const volumes: number[] = [];
        s.each((_, volume) => volumes.push(volume));
        expect(volumes).toHaveLength(rows.length);
        rows.forEach((r, k) => expect(Object.is(volumes[k], r.volume), `row ${k}: ${volumes[k]} for ${r.volume}`).toBe(true));
      }),
      { numRuns: 200 },
    );
  });

  it("keeps a year of a forecast's column, one row every 50 places, as one run: no volume", () => {
    const column = Float64Array.from({ length: 35_000 * 50 }, (_, i) => (i % 97) / 10);
    const recipe = VolumeRecipe.of(column).times(0.15).times(0.6);
    const first = forecastRow({ startMin: 0, intervalMin: 15, channelClass: "async" });
    const s = new AsyncSeries(first);
    for (let k = 0; k < 35_000; k++) {
      const i = 3 + 50 * k;
      s.add({ ...forecastRow({ startMin: k * 15, intervalMin: 15, channelClass: "async", volume: ((column[i]! * 0.15) * 0.6) }), sourceIndex: i, volumeRecipe: recipe });
    }
    const held = s as unknown as { volumes: NumberBlocks | null; runs: NumberBlocks | null };
    expect(held.volumes).toBeNull();
    expect(held.runs!.length).toBe(0); // the one run is still open
    let k = 0;
    let wrong = 0;
    s.each((startMin, volume) => {
      if (startMin !== k * 15 || !Object.is(volume, column[3 + 50 * k]! * 0.15 * 0.6)) wrong++;
      k++;
    });
    expect([k, wrong]).toEqual([35_000, 0]);
  });

  it("turns to volumes when the places are too uneven for runs to be worth it", () => {
    const column = Float64Array.from({ length: 10_000 }, (_, i) => i);
    const recipe = VolumeRecipe.of(column);
    const s = new AsyncSeries(forecastRow({ channelClass: "async" }));
    const places = Array.from({ length: 3000 }, (_, k) => (k * k * 7919) % 10_000);
    places.forEach((i, k) => s.add({ ...forecastRow({ startMin: k * 15, intervalMin: 15, channelClass: "async", volume: i }), sourceIndex: i, volumeRecipe: recipe }));
    expect((s as unknown as { runs: NumberBlocks | null }).runs).toBeNull();
    const back: number[] = [];
    s.each((_, v) => back.push(v));
    expect(back).toEqual(places);
  });
});
