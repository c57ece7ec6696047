import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvDecimal, jsonDecimal } from "../../src/report/fixed-decimal.js";
import { csvNumber } from "../../src/report/number-format.js";

/** The CSV formatting every earlier version used, written out here: toFixed(6), trailing zeros and a bare point off, -0 as 0. */
function toFixedTrimmed(x: number): string {
  if (Number.isNaN(x)) return "";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const fixed = x.toFixed(6);
  const trimmed = fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
  return trimmed === "-0" ? "0" : trimmed;
}

/** Numbers where rounding to 6 decimals is hardest: exact ties (k / 2·10⁶ that are doubles), and one ulp either side of a half. */
const nearHalves = fc.tuple(fc.integer({ min: -2e9, max: 2e9 }), fc.integer({ min: -2, max: 2 })).map(([k, ulps]) => {
  let x = (k + 0.5) / 1e6;
  for (let i = 0; i < Math.abs(ulps); i++) x = ulps > 0 ? next(x) : prev(x);
  return x;
});
/** Powers of two below one, and their multiples: the ties that are doubles (2⁻⁷ = 0.0078125 ends in 5 at the 7th decimal). */
const binaryTies = fc.tuple(fc.integer({ min: 1, max: 1 << 20 }), fc.integer({ min: 7, max: 40 })).map(([k, e]) => k / 2 ** e);
const everyDouble = fc.double({ noNaN: false });
const metricLike = fc.oneof(fc.double({ min: 0, max: 1 }), fc.double({ min: 0, max: 10_000 }), fc.double({ min: -1e10, max: 1e10 }), fc.double({ min: 0, max: 1e-5 }));
const decimalsWritten = fc.tuple(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 12 })).map(([m, k]) => m / 10 ** k);

function next(x: number): number {
  const b = new Float64Array([x]);
  const i = new BigInt64Array(b.buffer);
  i[0] = x >= 0 ? i[0]! + 1n : i[0]! - 1n;
  return b[0]!;
}
function prev(x: number): number {
  return -next(-x);
}

describe("csvDecimal (the batch's fast fixed-decimal formatter)", () => {
  for (const [name, numbers] of [
    ["every double", everyDouble],
    ["metrics, loads and small numbers", metricLike],
    ["decimals as files write them (m / 10^k)", decimalsWritten],
    ["halves of the 6th decimal and one ulp either side", nearHalves],
    ["binary ties (k / 2^e)", binaryTies],
  ] as const) {
    it(`writes the same digits as toFixed(6) trimmed, and as csvNumber: ${name}`, () => {
      fc.assert(
        fc.property(numbers, (x) => {
          const expected = toFixedTrimmed(x);
          expect(csvDecimal(x)).toBe(expected);
          expect(csvDecimal(x)).toBe(csvNumber(x));
          expect(csvDecimal(x, ",")).toBe(expected.replace(".", ","));
        }),
        { numRuns: 20_000 },
      );
    });
  }

  it("rounds ties up in magnitude like toFixed, and knows the cases that trip a naive x × 10⁶", () => {
    for (const x of [0.0078125, -0.0078125, 1.0000005, 0.0000005, 1e-7, 5e-7, 4.35, 1.005, 0.1 + 0.2, 999_999_999.9999995, 2 ** -20, 123.4565]) {
      expect(csvDecimal(x)).toBe(toFixedTrimmed(x));
    }
  });

  it("writes nothing for NaN, null and undefined, inf for infinities, 0 for -0 and for negatives that round to zero", () => {
    expect(csvDecimal(Number.NaN)).toBe("");
    expect(csvDecimal(null)).toBe("");
    expect(csvDecimal(undefined)).toBe("");
    expect(csvDecimal(Infinity)).toBe("inf");
    expect(csvDecimal(-Infinity)).toBe("-inf");
    expect(csvDecimal(-0)).toBe("0");
    expect(csvDecimal(-1e-9)).toBe("0");
    expect(csvDecimal(5e-324)).toBe("0");
  });
});

describe("jsonDecimal (numbers of the batch's JSON rows)", () => {
  it("writes what JSON.stringify writes, for every finite double and for the short decimals files hold", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), decimalsWritten, metricLike, nearHalves, binaryTies, fc.integer().map((n) => n / 1e6)), (x) => {
        expect(jsonDecimal(x)).toBe(JSON.stringify(x));
      }),
      { numRuns: 50_000 },
    );
  });
});
