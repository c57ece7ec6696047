import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ErlangAnswer } from "../../src/plan/erlang-case.js";
import { ByteWriter } from "../../src/report/byte-writer.js";
import { CSV_STYLE_EN, CSV_STYLE_FR, csvLine } from "../../src/report/csv-cell.js";
import { ERLANG_FIELDS, erlangCsvRow, erlangJsonRow, erlangRecord, writeErlangCsvRow, writeErlangJsonRow } from "../../src/report/render-erlang.js";

/** Numbers of every kind a row may hold, the awkward ones included. */
const number = fc.oneof(
  fc.double(),
  fc.double({ min: 0, max: 1 }),
  fc.nat({ max: 100_000 }),
  fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
  fc.constantFrom(0, -0, 1e-7, 5e-7, 0.0078125, 1e21, 123456789.123, Number.NaN, Infinity, -Infinity, Number.MAX_VALUE, 5e-324),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** Text as ids and reasons may be: plain, with quotes, delimiters, line breaks, accents, controls, lone surrogates, date-times. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("q1", 'say "hi"', "a,b", "a;b", "line\nbreak", "cr\rhere", "été ☎", "tab\there", "\u2028", "\ud800", "2026-11-23T08:30", "2026-11-23T08:3x", "back\\slash"),
);

const answer: fc.Arbitrary<ErlangAnswer> = fc
  .record({
    line: fc.nat({ max: 2_000_000 }),
    id: maybe(text),
    volume: number,
    ahtSec: number,
    intervalMin: number,
    patienceSec: maybe(number),
    concurrency: maybe(fc.integer({ min: 1, max: 100 })),
    serviceLevel: maybe(number),
    answerWithinSec: maybe(number),
    maxAsaSec: maybe(number),
    maxOccupancy: maybe(number),
    maxAbandonRate: maybe(number),
    agents: fc.nat({ max: 1_000_000 }),
    servers: fc.nat({ max: 1_000_000 }),
    trafficErlangs: number,
    model: fc.constantFrom("erlang-c" as const, "erlang-a" as const),
    feasible: fc.boolean(),
    binding: fc.constantFrom("service-level", "asa+occupancy", "none", "stability", "minimum", "abandonment"),
    reason: maybe(text),
    metrics: fc.record({ probWait: number, serviceLevel: number, asaSec: number, occupancy: number, abandonRate: number }),
  })
  .map((v) => ({
    case: {
      line: v.line,
      id: v.id,
      queue: { volume: v.volume, ahtSec: v.ahtSec, intervalMin: v.intervalMin, patienceSec: v.patienceSec, concurrency: v.concurrency },
      targets: { serviceLevel: v.serviceLevel, answerWithinSec: v.answerWithinSec, maxAsaSec: v.maxAsaSec, maxOccupancy: v.maxOccupancy, maxAbandonRate: v.maxAbandonRate },
    },
    result: { agents: v.agents, servers: v.servers, trafficErlangs: v.trafficErlangs, model: v.model, feasible: v.feasible, binding: v.binding, reason: v.reason, metrics: v.metrics },
  }));

describe("the batch's row templates", () => {
  it("a JSON row is JSON.stringify of the answer's record, byte for byte", () => {
    fc.assert(
      fc.property(answer, (a) => {
        expect(erlangJsonRow(a)).toBe(JSON.stringify(erlangRecord(a)));
      }),
      { numRuns: 20_000 },
    );
  });

  it("a CSV row is the record's cells as csvCell writes them, in the English and the French style (the same UTF-8 bytes)", () => {
    // compared as the bytes written: a lone surrogate in an id is U+FFFD in both (Buffer.from writes it so)
    const utf8 = (s: string) => Buffer.from(s, "utf8").toString("hex");
    fc.assert(
      fc.property(answer, (a) => {
        const rec = erlangRecord(a);
        const cells = ERLANG_FIELDS.map((k) => rec[k]);
        expect(utf8(erlangCsvRow(a, CSV_STYLE_EN))).toBe(utf8(csvLine(cells, CSV_STYLE_EN)));
        expect(utf8(erlangCsvRow(a, CSV_STYLE_FR))).toBe(utf8(csvLine(cells, CSV_STYLE_FR)));
      }),
      { numRuns: 20_000 },
    );
  });

  it("rows written one after another into one writer come out whole, across its 1 MB blocks", () => {
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 30 }), fc.nat({ max: 3 }), (answers, repeat) => {
        const parts: Buffer[] = [];
        const w = new ByteWriter((bytes) => parts.push(Buffer.from(bytes)));
        let want = "";
        // enough rows to cross a block boundary now and then
        for (let r = 0; r <= repeat * 400; r++) {
          for (const a of answers) {
            writeErlangJsonRow(w, a);
            writeErlangCsvRow(w, a, CSV_STYLE_FR);
            want += JSON.stringify(erlangRecord(a)) + csvLine(ERLANG_FIELDS.map((k) => erlangRecord(a)[k]), CSV_STYLE_FR) + "\r\n";
          }
        }
        w.flush();
        expect(Buffer.concat(parts).equals(Buffer.from(want, "utf8"))).toBe(true);
      }),
      { numRuns: 12 },
    );
  });
});
