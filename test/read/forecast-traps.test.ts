import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError, type Diagnostic } from "../../src/read/diagnostics.js";
import { readForecast, type ForecastReadOptions, type ForecastSummary } from "../../src/read/forecast-read.js";
import type { ForecastRow } from "../../src/plan/forecast.js";

const T = "fixtures/traps/";
const enc = (s: string) => new TextEncoder().encode(s);

async function read(source: string | Uint8Array, options: ForecastReadOptions = {}, file = "f.csv"): Promise<{ rows: ForecastRow[]; summary: ForecastSummary }> {
  const rows: ForecastRow[] = [];
  const summary = await readForecast([typeof source === "string" ? enc(source) : source], file, options, (r) => rows.push(r));
  return { rows, summary };
}

async function readFixture(name: string, options: ForecastReadOptions = {}) {
  return read(readFileSync(T + name), options, T + name);
}

async function problemsOf(source: string | Uint8Array, options: ForecastReadOptions = {}, file = "f.csv"): Promise<Diagnostic[]> {
  try {
    await read(source, options, file);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics;
    throw e;
  }
  throw new Error("expected an InputError");
}

const fixtureProblems = (name: string, options: ForecastReadOptions = {}) => problemsOf(readFileSync(T + name), options, T + name);
const where = (d: Diagnostic[]) => d.map((x) => [x.code, x.line, x.column]);

const HEADER = "interval_start,typology,channel,direction,volume,aht\n";

describe("dates far from the rest of the file", () => {
  it("a year typed 2062 in a week is INPUT_DATE_OUTLIER on its line, unless allowGaps", async () => {
    const d = await fixtureProblems("forecast-date-outlier.csv");
    expect(where(d)).toEqual([["INPUT_DATE_OUTLIER", 170, 1]]);
    expect(d[0]!.message).toBe(
      "interval_start: got a row on 2062-11-25 (1 row that day, the first here), 13,145 days after the other dates of the file (2026-11-23 to 2026-11-29): expected dates close to the others — a mistyped year or month? Give --allow-gaps if the gap is meant",
    );
    const { summary } = await readFixture("forecast-date-outlier.csv", { allowGaps: true });
    expect(summary.rows).toBe(472);
  });

  it("one row a month off in a week file is an outlier", async () => {
    expect(where(await fixtureProblems("forecast-date-month-off.csv"))).toEqual([["INPUT_DATE_OUTLIER", 261, 1]]);
  });

  it("a week with a missing day, weekdays only, or a two-week closure in a quarter is no outlier", async () => {
    const day = (d: string, q = "a") => `${d}T08:00,${q},phone,inbound,10,180\n${d}T08:30,${q},phone,inbound,10,180\n`;
    const week = ["2026-11-23", "2026-11-24", "2026-11-26", "2026-11-27"].map((d) => day(d)).join("");
    expect((await read(HEADER + week)).summary.rows).toBe(8);
    const days: string[] = [];
    for (let k = 0; k < 91; k++) if (k < 40 || k >= 54) days.push(new Date(Date.UTC(2027, 0, 4 + k)).toISOString().slice(0, 10));
    expect((await read(HEADER + days.map((d) => day(d)).join(""))).summary.rows).toBe(2 * 77);
  });

  it("a file of two dates far apart names the later one", async () => {
    const d = await problemsOf(HEADER + day2("2026-11-23") + day2("2026-11-23", "b") + "2062-11-23T08:00,a,phone,inbound,10,180\n");
    expect(where(d)).toEqual([["INPUT_DATE_OUTLIER", 6, 1]]);
  });
});

function day2(d: string, q = "a"): string {
  return `${d}T08:00,${q},phone,inbound,10,180\n${d}T08:30,${q},phone,inbound,10,180\n`;
}

describe("dd/mm or mm/dd, decided from the data", () => {
  it("a US week (11/23/2026) is read month first: the same rows as the ISO week", async () => {
    const us = await readFixture("forecast-us-dates.csv");
    expect(us.summary).toMatchObject({ rows: 472, dateFormat: "mdy", dateFormatFrom: "values", firstStartMin: Date.UTC(2026, 10, 23) / 60_000 });
    expect(us.summary.lastStartMin! - us.summary.firstStartMin!).toBe(7 * 1440 - 30);
  });

  it("a US week whose days are all 12 or less is decided by the spacing of consecutive rows", async () => {
    const us = await readFixture("forecast-us-dates-early.csv");
    expect(us.summary).toMatchObject({ rows: 472, dateFormat: "mdy", dateFormatFrom: "spacing", firstStartMin: Date.UTC(2026, 10, 2) / 60_000 });
    expect(us.rows.map((r) => r.line)).toEqual(us.rows.map((_, i) => i + 2)); // file order kept
  });

  it("a French day 05/11/2026 alone cannot tell: INPUT_AMBIGUOUS_DATE naming both readings and --date-format", async () => {
    const d = await fixtureProblems("forecast-date-one-day.csv");
    expect(where(d)).toEqual([["INPUT_AMBIGUOUS_DATE", 2, 1]]);
    expect(d[0]!.message).toMatch(/read as 11 May 2026 \(dd\/mm, 2026-05-11\) or 5 November 2026 \(mm\/dd, 2026-11-05\).*expected --date-format dmy or --date-format mdy/);
    const { summary } = await readFixture("forecast-date-one-day.csv", { dateFormat: "mdy" });
    expect(summary.firstStartMin).toBe(Date.UTC(2026, 10, 5) / 60_000);
  });

  it("a file that mixes 23/11 and 11/24 is INPUT_AMBIGUOUS_DATE at the row that contradicts", async () => {
    const d = await fixtureProblems("forecast-date-mixed.csv");
    expect(where(d)).toEqual([["INPUT_AMBIGUOUS_DATE", 94, 1]]);
    expect(d[0]!.message).toBe(
      'interval_start: got "11/24/2026 09:00", which reads only as mm/dd, but line 2 has "23/11/2026 00:00", which reads only as dd/mm: expected one date format in a file — fix the rows, or give --date-format dmy or mdy',
    );
  });

  it("a date column in US order with a time column", async () => {
    const text = "date,time,typology,channel,volume,aht\n11/02/2026,08:00,a,phone,10,180\n11/02/2026,08:30,a,phone,10,180\n11/03/2026,08:00,a,phone,10,180\n11/04/2026,08:00,a,phone,10,180\n";
    const { rows, summary } = await read(text);
    expect(summary.dateFormat).toBe("mdy");
    expect(rows[3]!.startMin).toBe(Date.UTC(2026, 10, 4, 8) / 60_000);
  });
});

describe("implausible units", () => {
  it("an AHT written in minutes with a decimal comma is one warning naming line, column and the reading", async () => {
    const warnings: Diagnostic[] = [];
    const { summary } = await readFixture("forecast-aht-minutes.csv", { onWarning: (w) => warnings.push(w) });
    expect(summary.warnings.map((w) => [w.code, w.severity, w.line, w.column])).toEqual([["INPUT_IMPLAUSIBLE", "warning", 18, 6]]);
    expect(summary.warnings[0]!.message).toBe('DMT: got "4,0", read as 4 s: an AHT under 10 s is unusual — if it is minutes, write 4:00 or 240 (and 135 more rows like it)');
    expect(warnings).toEqual(summary.warnings);
  });

  it("an AHT over 4 h, a patience over a day and a deadline shorter than the AHT are warnings", async () => {
    const head = "interval_start,typology,channel,volume,aht,patience,deadline\n";
    const { summary } = await read(head + "2026-11-23T08:00,a,phone,10,20000,90,\n2026-11-23T08:00,b,phone,10,1000,90000,\n2026-11-23T08:00,c,email,10,600,,300\n", { intervalMin: 30 });
    expect(summary.warnings.map((w) => [w.code, w.line, w.column])).toEqual([
      ["INPUT_IMPLAUSIBLE", 2, 5],
      ["INPUT_IMPLAUSIBLE", 3, 6],
      ["INPUT_IMPLAUSIBLE", 4, 7],
    ]);
    expect(summary.warnings[2]!.message).toMatch(/^deadline: got "300", read as 300 s, shorter than the row's AHT \(600 s\)/);
  });

  it("in a deadline column 24:00 is 24 hours; in aht 6:07 stays minutes:seconds; 1:04:30 is h:mm:ss everywhere", async () => {
    const hhmm = await readFixture("forecast-deadline-hhmm.csv");
    const email = hhmm.rows.filter((r) => r.channel === "email");
    expect(email.every((r) => r.deadlineSec === 86_400)).toBe(true);
    expect(email[0]!.ahtSec).toBe(11 * 60 + 45);
    const head = "interval_start,typology,channel,volume,aht,deadline\n";
    const { rows } = await read(head + "2026-11-23T08:00,a,email,10,6:07,1:04:30\n2026-11-23T08:00,b,email,10,1:04:30,2:00\n", { intervalMin: 30 });
    expect(rows.map((r) => [r.ahtSec, r.deadlineSec])).toEqual([
      [367, 3870],
      [3870, 7200],
    ]);
  });
});

describe("numbers in a decimal-comma file", () => {
  it("1.490 is 1,490 contacts (points group thousands by three)", async () => {
    const { rows } = await readFixture("forecast-thousands.csv");
    const phone = rows.filter((r) => r.channel === "phone");
    expect(phone[0]).toMatchObject({ line: 18, volume: 1490 }); // 14,9 × 100 written 1.490
    expect(Math.min(...phone.map((r) => r.volume))).toBeGreaterThanOrEqual(100);
  });

  it("38.6 in a ;-file is INPUT_NOT_A_NUMBER at its line and column, never 38.6 or 386 contacts", async () => {
    const d = await fixtureProblems("forecast-decimal-point.csv");
    expect(where(d)).toEqual([["INPUT_NOT_A_NUMBER", 98, 5]]);
    expect(d[0]!.message).toBe('Appels: got "38.6", expected a number with a decimal comma: in a ;-separated file the decimal mark is the comma (38,6) and a point only groups thousands by three (1.234 = 1234)');
  });

  it("a ,-file keeps the decimal point", async () => {
    const { rows } = await read(HEADER + "2026-11-23T08:00,a,phone,inbound,1.234,180\n", { intervalMin: 30 });
    expect(rows[0]!.volume).toBe(1.234);
  });
});

describe("queues: one typology whatever its case, accents or apostrophes", () => {
  it("Fidelisation and fidélisation are one queue: their rows collide, reported with both lines", async () => {
    const d = await fixtureProblems("forecast-typology-variants.csv");
    expect(d.map((x) => [x.code, x.line])).toEqual([26, 27, 28, 29, 30, 31].map((l) => ["INPUT_DUPLICATE_ROW", l]));
    expect(d[0]!.message).toBe(
      'a second row for fidélisation / phone / inbound at 2026-11-23T08:00, after line 2 ("fidélisation" and "Fidelisation" are one typology: case, accents and apostrophes do not count): expected one row per interval and queue',
    );
  });

  it("shows a typology with the first spelling seen, for every spelling", async () => {
    const { rows, summary } = await read(HEADER + "2026-11-23T08:00,demande d’information,phone,inbound,1,180\n2026-11-23T08:30,Demande d'information,phone,inbound,1,180\n");
    expect(summary.queues).toBe(1);
    expect(rows.map((r) => r.typology)).toEqual(["demande d’information", "demande d’information"]);
  });

  it("a control character inside a typology is INPUT_BAD_NAME on its line, escaped in the message", async () => {
    const d = await fixtureProblems("forecast-control-char.csv");
    expect(where(d)).toEqual([["INPUT_BAD_NAME", 7, 2]]);
    expect(d[0]!.message).toBe(
      'typology: got "récla\\u{1b}[2Jmation", with an invisible character (U+001B) at position 6: expected visible characters only — remove it (a name that prints the same as another would make a second queue)',
    );
    expect(d[0]!.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it("NUL, C1 controls and zero-width or bidi characters in typology, channel or direction are INPUT_BAD_NAME", async () => {
    // (a NUL in the first 8 KiB makes the whole file CSV_BINARY: this one comes later)
    const padding = Array.from({ length: 300 }, (_, k) => `2026-11-23T08:00,padding ${k},phone,inbound,1,180\n`).join("");
    const d = await problemsOf(
      HEADER +
        padding +
        "2026-11-23T08:00,a\u0000b,phone,inbound,1,180\n" +
        "2026-11-23T08:00,a\u200bb,phone,inbound,1,180\n" +
        "2026-11-23T08:00,a\u202eb,phone,inbound,1,180\n" +
        "2026-11-23T08:00,a,pho\u009bne,inbound,1,180\n" +
        "2026-11-23T08:00,a,phone,in\u0007bound,1,180\n",
    );
    expect(where(d)).toEqual([
      ["INPUT_BAD_NAME", 302, 2],
      ["INPUT_BAD_NAME", 303, 2],
      ["INPUT_BAD_NAME", 304, 2],
      ["INPUT_BAD_NAME", 305, 3],
      ["INPUT_BAD_NAME", 306, 4],
    ]);
    for (const x of d) expect(x.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b\u202e]/);
  });
});

describe("time: overlaps, intervals per queue, the grid, daylight saving", () => {
  it("a 60-minute row at 08:00 and a 30-minute row at 08:30 of one queue are INPUT_OVERLAP naming both lines", async () => {
    const d = await fixtureProblems("forecast-overlap.csv");
    expect(where(d)).toEqual([["INPUT_OVERLAP", 3, 1]]);
    expect(d[0]!.message).toBe(
      "the 30-minute row for réclamation / phone / inbound at 2026-11-23T08:30 overlaps the row of line 2: expected intervals of one queue that do not overlap (check interval_minutes)",
    );
  });

  it("a 30-minute row at 08:30 then a 60-minute row at 08:00 overlap too", async () => {
    const head = "interval_start,typology,channel,volume,aht,interval_minutes\n";
    const d = await problemsOf(head + "2026-11-23T08:30,a,phone,10,180,30\n2026-11-23T08:00,a,phone,10,180,60\n2026-11-23T09:00,a,phone,10,180,15\n2026-11-23T09:05,a,phone,10,180,5\n");
    expect(where(d)).toEqual([
      ["INPUT_OVERLAP", 3, 1],
      ["INPUT_OVERLAP", 5, 1],
    ]);
    expect(d[1]!.message).toMatch(/overlaps the row of line 4/);
  });

  it("without interval_minutes, a 30-minute queue in a file of 15-minute queues stays 30 minutes", async () => {
    const { rows, summary } = await readFixture("forecast-mixed-intervals.csv");
    const byQueue = new Map(rows.map((r) => [r.channel, r.intervalMin]));
    expect(Object.fromEntries(byQueue)).toEqual({ phone: 30, chat: 15 });
    expect(summary).toMatchObject({ intervalMin: 15, intervalFrom: "inferred", rows: 72 });
    expect(rows.map((r) => r.line)).toEqual(rows.map((_, i) => i + 2)); // file order kept
  });

  it("a sparse queue that the others cannot settle is INPUT_AMBIGUOUS_INTERVAL on its first line", async () => {
    const d = await fixtureProblems("forecast-ambiguous-interval.csv");
    expect(where(d)).toEqual([["INPUT_AMBIGUOUS_INTERVAL", 10, 1]]);
    expect(d[0]!.message).toBe(
      "the interval of réclamation / mail / inbound cannot be told: its rows start on a 60-minute grid but no two are 60 minutes apart, and the file's other queues use 15 and 30 minutes: expected an interval_minutes column or --interval",
    );
    expect((await readFixture("forecast-ambiguous-interval.csv", { intervalMin: 15 })).rows.every((r) => r.intervalMin === 15)).toBe(true);
  });

  it("a sparse queue on the hour in a 30-minute file is a 30-minute queue", async () => {
    const rows = [day2("2026-11-23"), "2026-11-23T09:00,b,email,inbound,3,500\n", "2026-11-23T13:00,b,email,inbound,3,500\n"].join("");
    const r = await read(HEADER + rows);
    expect(r.rows.map((x) => x.intervalMin)).toEqual([30, 30, 30, 30]);
  });

  it("one start at 08:37 among quarter hours is INPUT_OFF_GRID on its line, not a 1-minute grid", async () => {
    const d = await fixtureProblems("forecast-off-grid.csv");
    expect(where(d)).toEqual([["INPUT_OFF_GRID", 4, 1]]);
    expect(d[0]!.message).toMatch(/^interval start 2026-11-23T08:37 is on no grid of 5 minutes or more/);
    const few = await problemsOf(HEADER + ["08:00", "08:15", "08:37", "08:45"].map((t) => `2026-11-23T${t},a,phone,inbound,1,180\n`).join(""));
    expect(where(few)).toEqual([["INPUT_OFF_GRID", 4, 1]]);
  });

  it("the repeated hour of the autumn change is INPUT_DAYLIGHT_SAVING naming both lines and what to do", async () => {
    const d = await fixtureProblems("forecast-daylight-saving.csv");
    expect(where(d)).toEqual([
      ["INPUT_DAYLIGHT_SAVING", 56, 1],
      ["INPUT_DAYLIGHT_SAVING", 57, 1],
    ]);
    expect(d[0]!.message).toBe(
      "a second row for réclamation / email / inbound at 2026-10-25T02:00 (the first is line 54): on 2026-10-25 clocks go back at 03:00 (end of daylight saving in Europe), so 02:00–03:00 happens twice: expected one row per interval — merge the two rows of each repeated interval (add the volumes) or export the times in UTC",
    );
  });

  it("a blank interval_minutes cell names interval_minutes, or takes --interval", async () => {
    const d = await fixtureProblems("forecast-blank-interval.csv");
    expect(where(d)).toEqual([["INPUT_MISSING_VALUE", 5, 13]]);
    expect(d[0]!.message).toBe("interval_minutes is blank: expected the interval length in minutes (15, 30, 60…), or --interval for blank cells");
    const { rows } = await readFixture("forecast-blank-interval.csv", { intervalMin: 30 });
    expect(rows[3]).toMatchObject({ line: 5, intervalMin: 30 });
  });

  it("interval_minutes accepts what --interval accepts: a whole number of minutes dividing a day", async () => {
    const head = "interval_start,typology,channel,volume,aht,interval_minutes\n";
    const d = await problemsOf(head + "2026-11-23T08:00,a,phone,10,180,7\n2026-11-23T09:00,a,phone,10,180,7.5\n");
    expect(where(d)).toEqual([
      ["INPUT_OUT_OF_RANGE", 2, 6],
      ["INPUT_OUT_OF_RANGE", 3, 6],
    ]);
  });
});
