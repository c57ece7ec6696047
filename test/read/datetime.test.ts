import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDateTime, parseTimeOfDay, slashDateFields } from "../../src/read/datetime.js";
import { formatDateTime } from "../../src/plan/calendar.js";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** What a date-time means, from the calendar itself. */
function expected(y: number, mo: number, d: number, hh: number, mm: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || hh > 23 || mm > 59) return undefined;
  const ms = Date.UTC(y, mo - 1, d, hh, mm);
  const check = new Date(ms);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return undefined;
  return ms / 60_000;
}

describe("parseDateTime", () => {
  it("reads ISO, space-separated and French date-times to minutes since the epoch, and refuses impossible dates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 2100 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        (y, mo, d, hh, mm) => {
          const want = expected(y, mo, d, hh, mm);
          expect(parseDateTime(`${y}-${pad(mo)}-${pad(d)}T${pad(hh)}:${pad(mm)}`)).toBe(want);
          expect(parseDateTime(`${y}-${pad(mo)}-${pad(d)} ${pad(hh)}:${pad(mm)}`)).toBe(want);
          expect(parseDateTime(` ${y}-${mo}-${d}T${hh}:${pad(mm)}:00 `)).toBe(want);
          expect(parseDateTime(`${pad(d)}/${pad(mo)}/${y} ${pad(hh)}:${pad(mm)}`)).toBe(want);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("round-trips with formatDateTime and rejects malformed text", () => {
    expect(formatDateTime(parseDateTime("2026-11-23T08:30")!)).toBe("2026-11-23T08:30");
    for (const bad of ["2026-11-23T08:3x", "2026-1x-23T08:30", "2026-02-30T08:00", "2026-11-23T24:00", "23/11/26 08:30", "", "2026-11-23T08:30:15"]) {
      expect(parseDateTime(bad), bad).toBeUndefined();
    }
    expect(parseDateTime("2026-11-23")).toBe(Date.UTC(2026, 10, 23) / 60_000);
    expect(parseTimeOfDay("08:30")).toBe(510);
  });
});

describe("dd/mm and mm/dd", () => {
  it("parseDateTime reads a/b/yyyy day first by default and month first with mdy", () => {
    expect(parseDateTime("11/05/2026 08:30")).toBe(Date.UTC(2026, 4, 11, 8, 30) / 60_000);
    expect(parseDateTime("11/05/2026 08:30", "mdy")).toBe(Date.UTC(2026, 10, 5, 8, 30) / 60_000);
    expect(parseDateTime("11/23/2026", "mdy")).toBe(Date.UTC(2026, 10, 23) / 60_000);
    expect(parseDateTime("11/23/2026", "dmy")).toBeUndefined();
    expect(parseDateTime("2026-11-23T08:30", "mdy")).toBe(Date.UTC(2026, 10, 23, 8, 30) / 60_000);
  });

  it("slashDateFields gives the two leading fields of a/b/yyyy dates only", () => {
    expect(slashDateFields("23/11/2026 08:00")).toEqual([23, 11]);
    expect(slashDateFields(" 1/2/2026")).toEqual([1, 2]);
    for (const t of ["2026-11-23", "23/11/26", "23/11/20261", "a/b/2026"]) expect(slashDateFields(t), t).toBeUndefined();
  });
});
