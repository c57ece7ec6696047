import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { columnsRow, ForecastColumnsBuilder } from "../../src/plan/forecast-columns.js";
import type { ForecastRow } from "../../src/plan/forecast.js";
import { planOnColumns } from "../../src/plan/compare.js";
import { VolumeRecipe } from "../../src/plan/volume-source.js";
import { SourcingPlanner } from "../../src/plan/sourcing.js";
import { readForecast } from "../../src/read/forecast-read.js";
import { readScenario } from "../../src/read/scenario-read.js";
import { forecastRow } from "../helpers/forecast-row.js";

/** The fields of a row in the order the forecast reader writes them. */
const READER_ORDER = ["line", "startMin", "intervalMin", "typology", "channel", "direction", "tier", "channelClass", "volume", "ahtSec", "patienceSec", "concurrency", "deadlineSec", "attempts", "contactRate", "dialTimeSec", "targets"];

const optional = (arb: fc.Arbitrary<number>) => fc.option(arb, { nil: undefined });
const anyNumber = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.double(), fc.constantFrom(-0, 0, 2 ** 31, -(2 ** 31) - 1, 1e300));
const rowArb: fc.Arbitrary<ForecastRow> = fc
  .record({
    line: fc.integer({ min: 1, max: 2 ** 32 }),
    startMin: anyNumber,
    intervalMin: fc.constantFrom(15, 30, 60, 0),
    typology: fc.constantFrom("billing", "sales", "Billing", "é"),
    channel: fc.constantFrom("phone", "chat", "email"),
    direction: fc.constantFrom("inbound" as const, "outbound" as const),
    tier: fc.constantFrom(1 as const, 2 as const, 3 as const),
    channelClass: fc.constantFrom("sync" as const, "async" as const, "outbound" as const),
    volume: anyNumber,
    ahtSec: anyNumber,
    patienceSec: optional(fc.constantFrom(60, 90, -0, 0.5)),
    concurrency: optional(fc.constantFrom(1, 2, 3)),
    deadlineSec: optional(fc.constantFrom(3600, 86_400)),
    attempts: optional(anyNumber),
    contactRate: optional(fc.constantFrom(0.3, 0.25)),
    dialTimeSec: optional(fc.constantFrom(30, 45)),
    targets: fc.oneof(
      fc.constant({}),
      fc.record({ serviceLevel: optional(fc.constantFrom(0.8, 0.9)), answerWithinSec: optional(fc.constantFrom(20, 30)), maxAsaSec: optional(fc.constant(60)), maxOccupancy: optional(fc.constant(0.85)), maxAbandonRate: optional(fc.constant(0.05)) }),
    ),
  })
  .map((r) => Object.fromEntries(READER_ORDER.map((k) => [k, k === "targets" ? { ...r.targets } : r[k as keyof typeof r]])) as unknown as ForecastRow);

describe("ForecastColumnsBuilder and columnsRow", () => {
  it("columnsRow(finish(), i) gives back row i exactly: every value (−0, NaN, 2³¹ and fractions too), every key in the reader's order, own targets with their keys", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.boolean(), fc.constantFrom("as drawn", "one a line", "one a line but one"), (drawn, shared, lines) => {
        // a file's rows one a line (no line column kept), or but one of them (kept from there), or anywhere
        const rows = lines === "as drawn" ? drawn : drawn.map((r, i) => ({ ...r, line: i === drawn.length - 1 && lines === "one a line but one" ? r.line : (drawn[0]?.line ?? 0) + i }));
        const b = new ForecastColumnsBuilder();
        for (const r of rows) b.add(r);
        const c = b.finish(shared);
        expect(c.length).toBe(rows.length);
        rows.forEach((r, i) => {
          const back = columnsRow(c, i);
          expect(back).toStrictEqual(r);
          expect(Object.keys(back)).toEqual(READER_ORDER);
          expect(Object.keys(back.targets)).toEqual(Object.keys(r.targets));
        });
      }),
    );
  });

  it("keeps each distinct profile once, and finds it again past many profiles of one typology (by key)", () => {
    const b = new ForecastColumnsBuilder();
    const rows = Array.from({ length: 200 }, (_, k) => forecastRow({ line: k + 2, startMin: k * 30, patienceSec: 60 + (k % 40), volume: k / 3 }));
    for (const r of rows) b.add(r);
    const c = b.finish();
    expect(c.profiles).toHaveLength(40);
    // the helper's rows leave out the fields they do not have: the same values (undefined) come back
    rows.forEach((r, i) => expect(columnsRow(c, i)).toEqual(r));
  });

  it("holds whole numbers in 32-bit columns and the rest as doubles, in shared memory when asked", () => {
    const b = new ForecastColumnsBuilder();
    b.add(forecastRow({ volume: 12, ahtSec: 180 }));
    b.add(forecastRow({ volume: 12.5, ahtSec: 180 }));
    const c = b.finish(true);
    expect(c.ahtSec).toBeInstanceOf(Int32Array);
    expect(c.volume).toBeInstanceOf(Float64Array);
    expect(c.attempts).toBeNull();
    for (const column of [c.profile, c.line!, c.startMin, c.volume, c.ahtSec]) expect(column.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(b.finish(false).volume.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it("keeps no line column for rows one a line, and profile numbers in a byte each up to 256 profiles, two bytes beyond", () => {
    const few = new ForecastColumnsBuilder();
    for (let k = 0; k < 1000; k++) few.add(forecastRow({ line: k + 2, startMin: k * 15, patienceSec: 60 + (k % 256) }));
    const c = few.finish(true);
    expect([c.line, c.firstLine]).toEqual([null, 2]);
    expect(c.profile).toBeInstanceOf(Uint8Array);
    expect(c.profile.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([columnsRow(c, 999).line, columnsRow(c, 999).patienceSec, c.profiles[c.profile[999]!]!.patienceSec]).toEqual([1001, 60 + (999 % 256), 60 + (999 % 256)]);
    const many = new ForecastColumnsBuilder();
    for (let k = 0; k < 1000; k++) many.add(forecastRow({ line: k === 500 ? 9999 : k + 2, patienceSec: 60 + (k % 300) }));
    const m = many.finish();
    expect(m.profile).toBeInstanceOf(Uint16Array);
    expect(m.line).toBeInstanceOf(Int32Array);
    expect([499, 500, 501].map((i) => columnsRow(m, i).line)).toEqual([501, 9999, 503]);
    expect(columnsRow(m, 999).patienceSec).toBe(60 + (999 % 300));
    expect(new ForecastColumnsBuilder().finish()).toMatchObject({ length: 0, line: null, firstLine: 0 });
  });

  it("gives a new object for each row (a planner may keep the rows it is given)", () => {
    const b = new ForecastColumnsBuilder();
    b.add(forecastRow());
    const c = b.finish();
    const [one, two] = [columnsRow(c, 0), columnsRow(c, 0)];
    expect(one).not.toBe(two);
    expect(one.targets).not.toBe(two.targets);
  });
});

describe("planOnColumns", () => {
  it("plans the fixture week under each fixture scenario exactly as adding the rows read does", async () => {
    const rows: ForecastRow[] = [];
    const b = new ForecastColumnsBuilder();
    await readForecast([readFileSync("fixtures/forecast-week.csv")], "fixtures/forecast-week.csv", {}, (r) => {
      rows.push(r);
      b.add(r);
    });
    const columns = b.finish();
    // every fixture scenario: each organisation model (teams with and without deferred work), sites, escalation
    const names = readdirSync("fixtures/scenarios").map((f) => f.replace(/\.yaml$/, "")).sort();
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const scenario = readScenario(readFileSync(`fixtures/scenarios/${name}.yaml`, "utf8"), name);
      const whatIf = { volumeFactor: 1.1, ahtFactor: 0.95 };
      const planner = new SourcingPlanner(scenario, whatIf);
      for (const r of rows) planner.add(r);
      expect(planOnColumns(columns, scenario, whatIf)).toStrictEqual(planner.finish());
    }
  }, 60_000);

  it("keeps each deferred queue's rows as places in the volume column, not volumes, under escalation, what-if factors and site shares", async () => {
    const b = new ForecastColumnsBuilder();
    await readForecast([readFileSync("fixtures/forecast-week.csv")], "fixtures/forecast-week.csv", {}, (r) => b.add(r));
    const columns = b.finish();
    const scenario = readScenario(readFileSync("fixtures/scenarios/sourcing-split.yaml", "utf8"), "sourcing-split");
    const planner = new SourcingPlanner(scenario, { volumeFactor: 1.1, ahtFactor: 0.95 }, undefined, { timeOrdered: true });
    const recipe = VolumeRecipe.of(columns.volume);
    for (let i = 0; i < columns.length; i++) planner.add(columnsRow(columns, i, recipe));
    type Held = { volumes: unknown; runs: unknown; first: ForecastRow };
    const series = (planner as unknown as { planners: { asyncRows: Map<string, Held> }[] }).planners.flatMap((p) => [...p.asyncRows.values()]);
    // level-1 email and escalated work, at both sites of the split
    expect(series.length).toBeGreaterThan(4);
    expect(new Set(series.map((s) => s.first.tier))).toEqual(new Set([1, 2, 3]));
    for (const s of series) expect([s.volumes, s.runs === null]).toEqual([null, false]);
  });
});
