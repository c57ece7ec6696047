import { describe, expect, it } from "vitest";
import { DateOrderVote } from "../../src/read/date-order.js";
import { DaySpan } from "../../src/read/date-outliers.js";
import { repeatedHour } from "../../src/read/daylight-saving.js";

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

function span(days: number[], rowsPerDay = 10): DaySpan {
  const s = new DaySpan();
  let line = 2;
  for (const d of days) for (let k = 0; k < rowsPerDay; k++) s.add(d, line++);
  return s;
}

describe("DaySpan.outliers", () => {
  it("finds a year typo in a week with the first line of its day, and nothing in a clean week", () => {
    const week = [0, 1, 2, 3, 4, 5, 6].map((k) => day(2026, 11, 23) + k);
    expect(span(week).outliers()).toEqual([]);
    const s = span([...week.slice(0, 3), day(2062, 11, 26), ...week.slice(4)]);
    expect(s.outliers()).toEqual([{ day: day(2062, 11, 26), line: 32, rows: 10, gapDays: day(2062, 11, 26) - day(2026, 11, 29), mainFirstDay: week[0], mainLastDay: week[6] }]);
  });

  it("leaves weekends, a missing day, Monday-only files with a missing week, and a closure shorter than what follows", () => {
    const weekdays = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11].map((k) => day(2026, 11, 23) + k);
    expect(span(weekdays).outliers()).toEqual([]);
    const mondays = [0, 7, 14, 28, 35, 42].map((k) => day(2026, 11, 23) + k);
    expect(span(mondays).outliers()).toEqual([]);
    const closure = [...Array.from({ length: 60 }, (_, k) => k), ...Array.from({ length: 20 }, (_, k) => 75 + k)].map((k) => day(2027, 1, 4) + k);
    expect(span(closure).outliers()).toEqual([]);
  });

  it("counts the rows of a day and keeps the first line when rows of days interleave", () => {
    const s = new DaySpan();
    const [a, b] = [day(2026, 11, 23), day(2026, 11, 24)];
    [a, b, a, b, a].forEach((d, i) => s.add(d, i + 2));
    s.add(day(2027, 11, 23), 7);
    expect(s.outliers()).toMatchObject([{ line: 7, rows: 1 }]);
  });
});

describe("DateOrderVote", () => {
  it("decides mm/dd when consecutive dates are a day apart read month first", () => {
    const v = new DateOrderVote();
    // 11/02, 11/03, 11/04 (mm/dd): Nov 2, 3, 4 — or Feb 11, Mar 11, Apr 11
    v.add(day(2026, 2, 11), day(2026, 11, 2));
    expect(v.verdict(false)).toBeUndefined();
    v.add(day(2026, 3, 11), day(2026, 11, 3));
    v.add(day(2026, 4, 11), day(2026, 11, 4));
    expect(v.verdict(false)).toBe("mdy");
  });

  it("cannot tell a file of one date, even at its end", () => {
    const v = new DateOrderVote();
    for (let k = 0; k < 5; k++) v.add(day(2026, 5, 11), day(2026, 11, 5));
    expect(v.verdict(true)).toBeUndefined();
  });
});

describe("repeatedHour", () => {
  it("knows the repeated hour of the EU (last Sunday of October, 02:00) and US (first Sunday of November, 01:00) changes", () => {
    const at = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h, min) / 60_000;
    expect(repeatedHour(at(2026, 10, 25, 2, 30))).toEqual({ where: "Europe", from: "02:00", to: "03:00" });
    expect(repeatedHour(at(2026, 11, 1, 1))).toEqual({ where: "North America", from: "01:00", to: "02:00" });
    for (const m of [at(2026, 10, 25, 3), at(2026, 10, 18, 2), at(2026, 11, 8, 1), at(2026, 3, 29, 2)]) expect(repeatedHour(m)).toBeUndefined();
  });
});
