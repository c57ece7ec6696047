import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ErlangRows, plainDecimal, readErlangCases, streamErlangCases } from "../../src/read/erlang-cases.js";
import type { ErlangCase } from "../../src/plan/erlang-case.js";
import { InputError } from "../../src/read/diagnostics.js";

const defaults = { intervalMin: 30 };

/** Cells as files write them: plain numbers (the fast path), and everything it must hand to the full parser. */
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(fc.nat({ max: 5000 }).map(String), fc.tuple(fc.nat({ max: 2000 }), fc.nat({ max: 999 })).map(([a, b]) => `${a}.${b}`)) },
  { weight: 3, arbitrary: fc.constant("") },
  {
    weight: 3,
    arbitrary: fc.constantFrom("0", "0.0", "1", "100", "101", "0.8", "80", "80%", "80/20", "3:00", "0:03:00", "3min", "1e2", " 100 ", "  ", "-5", "+5", "5.", ".5", "1,5", "abc", "00", "9999999999999999", "1234567890123456", "0.000001", "2", "3", "101", "150"),
  },
);
const COLUMNS = ["id", "volume", "aht", "interval_minutes", "sl_target", "sl_seconds", "asa_max", "max_occupancy", "patience", "max_abandon", "concurrency"];
const header = fc.shuffledSubarray(COLUMNS, { minLength: 1 }).map((cols) => [...cols, ...["volume", "aht"].filter((c) => !cols.includes(c))]);

describe("ErlangRows: the fast path for plain numbers", () => {
  it("gives exactly the case and the problems of the full parser, on every row", () => {
    fc.assert(
      fc.property(header, fc.array(fc.array(cell, { minLength: 11, maxLength: 11 }), { minLength: 1, maxLength: 20 }), (head, rows) => {
        const info = { file: "b.csv", header: head, headerLine: 1, decimalComma: false };
        const fast = new ErlangRows(info, defaults);
        const full = new ErlangRows(info, defaults, false);
        rows.forEach((r, k) => {
          const cells = head.map((c, i) => (c === "id" ? `id ${k}` : r[i]!));
          expect(fast.read(cells, k + 2)).toStrictEqual(full.read(cells, k + 2));
        });
        expect(fast.problems).toStrictEqual(full.problems);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads plain decimals exactly as Number does, and nothing else", () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 9 })), ([a, b, k]) => {
        const text = k === 0 ? String(a) : `${a}.${String(b).padStart(k, "0").slice(0, k)}`;
        expect(plainDecimal(text)).toBe(text.replace(/\D/g, "").length > 15 ? NaN : Number(text));
      }),
    );
    for (const text of ["", " 1", "1 ", "+1", "-1", "1.", ".5", "1.2.3", "1e2", "1,5", "80%", "3:00", "１"]) expect(plainDecimal(text)).toBeNaN();
  });
});

/** Everything readErlangCases says of some bytes: the cases, or the diagnostics. */
function whole(bytes: Uint8Array): ErlangCase[] | unknown[] {
  try {
    return readErlangCases(bytes, "b.csv", defaults);
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw error;
  }
}

async function streamed(chunks: Uint8Array[]): Promise<ErlangCase[] | unknown[]> {
  const cases: ErlangCase[] = [];
  try {
    await streamErlangCases(chunks, "b.csv", defaults, {}, (c) => cases.push(c));
    return cases;
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw error;
  }
}

/** `bytes` cut at the given places. */
function cut(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const points = [...new Set(at.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  return out;
}

describe("streamErlangCases", () => {
  const files = [
    "fixtures/erlang-cases.csv",
    "fixtures/erlang-cases-fr.csv",
    "fixtures/bad/erlang-bad.csv",
    "fixtures/traps/batch-header-only.csv",
    "fixtures/traps/batch-unclosed-quote.csv",
    "fixtures/traps/batch-unicode-text-utf16le.csv",
    "fixtures/forecast-week.csv",
    "fixtures/roster.csv",
    "test/cli/erlang-batch/mixed.csv",
  ];
  for (const file of files) {
    it(`hands over the cases, or says the diagnostics, that readErlangCases gives for ${file}, however the bytes are cut`, async () => {
      const bytes = readFileSync(file);
      const want = whole(bytes);
      expect(await streamed([bytes])).toStrictEqual(want);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.nat(), { maxLength: 6 }), async (at) => {
          expect(await streamed(cut(bytes, at))).toStrictEqual(want);
        }),
        { numRuns: 20 },
      );
    });
  }

  it("reads the file to the end before saying anything: a bad header then a CSV syntax error further down is the syntax error, as a whole-file read says", async () => {
    const bytes = new TextEncoder().encode('volume,aht,nonsense\n1,2,3\n4,"5,6\n');
    const want = whole(bytes);
    expect(want).toMatchObject([{ code: "CSV_SYNTAX" }]);
    expect(await streamed([bytes.subarray(0, 22), bytes.subarray(22)])).toStrictEqual(want);
  });

  it("stops handing over cases once a row is bad, and reports every bad row to the end", async () => {
    const bytes = new TextEncoder().encode("volume,aht,sl_target,sl_seconds\n100,180,0.8,20\n-5,180,0.8,20\n100,180,0.8,20\n100,0,0.8,20\n");
    const seen: number[] = [];
    await expect(streamErlangCases([bytes], "b.csv", defaults, {}, (c) => seen.push(c.line))).rejects.toMatchObject({
      diagnostics: [{ code: "INPUT_NEGATIVE", line: 3 }, { code: "INPUT_NOT_POSITIVE", line: 5 }],
    });
    expect(seen).toEqual([2]);
  });
});
