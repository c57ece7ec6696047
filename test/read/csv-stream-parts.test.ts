import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvRecordReader, eachUnquotedParts, splitUnquoted } from "../../src/read/csv-stream.js";
import { isoMinutesAt, parseDateTime } from "../../src/read/datetime.js";

// Texts of cells, delimiters and every kind of line ending, without quotes.
const piece = fc.constantFrom("a", "b", "12", "é", "€", ",", ";", "\n", "\r\n", "\r", " ", "", "\uFEFF");
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(""));

describe("eachUnquotedParts", () => {
  it("gives a batch given in two parts (the first ending at a newline) the records, or the refusal, of the batch in one piece", () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), fc.constantFrom(",", ";"), (a, b, fileStart, delimiter) => {
        const head = Buffer.from(a + "\n");
        const body = Buffer.from(b);
        const whole = splitUnquoted(Buffer.concat([head, body]), delimiter, fileStart);
        const records: string[][] = [];
        const ok = eachUnquotedParts([head, body], delimiter, fileStart, (r) => records.push(r));
        expect(ok ? records : undefined).toEqual(whole);
      }),
      { numRuns: 2000 },
    );
  });

  it("cuts a long batch into runs of lines without changing a record", () => {
    const lines = Array.from({ length: 5000 }, (_, k) => `2027-01-04T00:00,t${k},phone,inbound,${k / 7},180,é€`);
    const bytes = Buffer.from(lines.join("\r\n") + "\r\n");
    const records: string[][] = [];
    expect(eachUnquotedParts([bytes.subarray(0, 0), bytes], ",", false, (r) => records.push(r))).toBe(true);
    expect(records).toEqual(lines.map((l) => l.split(",")));
  });
});

describe("CsvRecordReader with a handler that reads unsplit lines", () => {
  it("hands each row once, to `unsplit` or split, with the same lines, whatever the chunks", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("1,2", "3,4", "", "x,y", " , ", "5,6,7"), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom("\n", "\r\n"), (rows, size, eol) => {
        const bytes = Buffer.from(["a,b", ...rows].join(eol) + eol);
        const run = (withUnsplit: boolean) => {
          const seen: string[] = [];
          const reader = new CsvRecordReader("f.csv", { requireRows: false }, () => {
            const handler = Object.assign((cells: string[], line: number) => void seen.push(`${line}:${cells.join("|")}`), {
              unsplit: withUnsplit
                ? (t: string, from: number, to: number, line: number) => {
                    const s = t.slice(from, to);
                    if (!s.startsWith("1") && !s.startsWith("3")) return false; // declines some
                    seen.push(`${line}:${s.split(",").join("|")}`);
                    return true;
                  }
                : undefined,
            });
            return handler;
          });
          for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
          return { seen, rows: reader.end().rows };
        };
        expect(run(true)).toEqual(run(false));
      }),
      { numRuns: 500 },
    );
  });
});

describe("isoMinutesAt", () => {
  it("reads 16 characters as parseDateTime reads them as a cell, or says NaN where parseDateTime has no answer or is not in that form", () => {
    const d = (n: number, w: number) => String(n).padStart(w, "0");
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom("T", " ", "x"), fc.string({ maxLength: 3 }), (y, mo, day, hh, mm, sep, prefix) => {
        const cell = `${d(y, 4)}-${d(mo, 2)}-${d(day, 2)}${sep}${d(hh, 2)}:${d(mm, 2)}`;
        const at = isoMinutesAt(prefix + cell + ",", prefix.length);
        const expected = sep === "x" ? undefined : parseDateTime(cell);
        expect(Number.isNaN(at) ? undefined : at).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
