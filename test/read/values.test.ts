import { describe, expect, it } from "vitest";
import { parseDuration, parseFraction, parseIntervalMinutes, parseNumber, parseServiceLevelPair } from "../../src/read/values.js";

const src = { file: "f.csv", line: 3, column: 2, field: "aht" };

describe("value parsing", () => {
  it("parseDuration accepts seconds, mm:ss and hh:mm:ss", () => {
    expect(parseDuration("270", src)).toEqual({ ok: true, value: 270 });
    expect(parseDuration("4:30", src)).toEqual({ ok: true, value: 270 });
    expect(parseDuration("1:04:30", src)).toEqual({ ok: true, value: 3870 });
    expect(parseDuration("4:30,5", src, true)).toEqual({ ok: true, value: 270.5 });
  });

  it("parseDuration rejects 3:75 with INPUT_BAD_DURATION at the cell's line and column", () => {
    const r = parseDuration("3:75", src);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostic).toMatchObject({ code: "INPUT_BAD_DURATION", line: 3, column: 2, value: "3:75" });
    expect(r.diagnostic.message).toBe('aht: got "3:75", expected seconds, mm:ss, hh:mm:ss or a number with s/min/h/d');
  });

  it("parseDuration(0, positive) is INPUT_NOT_POSITIVE", () => {
    const r = parseDuration("0", src, false, true);
    expect(r.ok ? "" : r.diagnostic.code).toBe("INPUT_NOT_POSITIVE");
  });

  it("parseNumber reads a decimal comma only when asked", () => {
    expect(parseNumber("3,5", src, true)).toEqual({ ok: true, value: 3.5 });
    expect(parseNumber("3,5", src, false).ok).toBe(false);
    expect(parseNumber("1e3", src)).toEqual({ ok: true, value: 1000 });
    expect(parseNumber("lots", src).ok).toBe(false);
  });

  it("parseFraction reads 0.8, 80% and 80 as 0.8 and refuses 120%", () => {
    for (const t of ["0.8", "80%", "80", " 80 % ".trim()]) expect(parseFraction(t, src)).toEqual({ ok: true, value: 0.8 });
    const r = parseFraction("120%", src);
    expect(r.ok ? "" : r.diagnostic.code).toBe("INPUT_OUT_OF_RANGE");
  });

  it("parseServiceLevelPair reads 80/20 and 90%/0:15", () => {
    expect(parseServiceLevelPair("80/20", src)).toEqual({ ok: true, value: { share: 0.8, withinSec: 20 } });
    expect(parseServiceLevelPair("90%/0:15", src)).toEqual({ ok: true, value: { share: 0.9, withinSec: 15 } });
    const r = parseServiceLevelPair("80-20", src);
    expect(r.ok ? "" : r.diagnostic.code).toBe("INPUT_BAD_SERVICE_LEVEL");
  });
});

describe("durations with units (deadlines)", () => {
  it("parseDuration reads 90s, 15min, 24h, 2d and 2j", () => {
    expect(parseDuration("90s", src)).toEqual({ ok: true, value: 90 });
    expect(parseDuration("15 min", src)).toEqual({ ok: true, value: 900 });
    expect(parseDuration("24h", src)).toEqual({ ok: true, value: 86_400 });
    expect(parseDuration("2d", src)).toEqual({ ok: true, value: 172_800 });
    expect(parseDuration("1,5j", src, true)).toEqual({ ok: true, value: 129_600 });
    expect(parseDuration("2 weeks", src).ok).toBe(false);
  });
});

describe("parseDuration's whole-seconds fast path", () => {
  it("gives what the general path gives", () => {
    const src = { field: "aht" };
    for (const t of ["0", "7", "270", " 270 ", "000270", "123456789012345"]) {
      expect(parseDuration(t, src)).toEqual({ ok: true, value: Number(t) });
      expect(parseDuration(t.trim() + ".0", src)).toEqual({ ok: true, value: Number(t) });
    }
    expect(parseDuration("0", src, false, true).ok).toBe(false);
    expect(parseDuration("-5", src).ok).toBe(false);
  });
});

describe("numbers in a decimal-comma file", () => {
  it("parseNumber reads 1.234 and 1.234,5 as thousands-grouped, and refuses 1.23, 12.5 and 0.500", () => {
    expect(parseNumber("1.234", src, true)).toEqual({ ok: true, value: 1234 });
    expect(parseNumber("1.234,5", src, true)).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber("12.345.678", src, true)).toEqual({ ok: true, value: 12_345_678 });
    for (const t of ["1.23", "12.5", "0.500", "1.2345", "1,234.5"]) {
      const r = parseNumber(t, src, true);
      expect(r.ok ? "" : [r.diagnostic.code, r.diagnostic.line, r.diagnostic.column], t).toEqual(["INPUT_NOT_A_NUMBER", 3, 2]);
    }
    const r = parseNumber("12.5", src, true);
    expect(r.ok ? "" : r.diagnostic.message).toBe(
      'aht: got "12.5", expected a number with a decimal comma: in a ;-separated file the decimal mark is the comma (12,5) and a point only groups thousands by three (1.234 = 1234)',
    );
  });

  it("parseNumber keeps the decimal point in a ,-file", () => {
    expect(parseNumber("1.234", src)).toEqual({ ok: true, value: 1.234 });
  });
});

describe("clock durations by column", () => {
  it("parseDuration reads 24:00 as 24 h with clock hh:mm (deadlines), as 24 min otherwise; three parts are always h:mm:ss", () => {
    expect(parseDuration("24:00", src, false, true, "hh:mm")).toEqual({ ok: true, value: 86_400 });
    expect(parseDuration("24:00", src)).toEqual({ ok: true, value: 1440 });
    expect(parseDuration("6:07", src)).toEqual({ ok: true, value: 367 });
    expect(parseDuration("1:04:30", src, false, true, "hh:mm")).toEqual({ ok: true, value: 3870 });
  });
});

describe("parseIntervalMinutes", () => {
  it("accepts a whole number of minutes that divides a day and refuses 7, 7.5, 0 and 100", () => {
    expect(parseIntervalMinutes("15", src)).toEqual({ ok: true, value: 15 });
    expect(parseIntervalMinutes("1440", src)).toEqual({ ok: true, value: 1440 });
    for (const [t, code] of [["7", "INPUT_OUT_OF_RANGE"], ["7.5", "INPUT_OUT_OF_RANGE"], ["0", "INPUT_NOT_POSITIVE"], ["100", "INPUT_OUT_OF_RANGE"], ["x", "INPUT_NOT_A_NUMBER"]] as const) {
      const r = parseIntervalMinutes(t, { field: "--interval" });
      expect(r.ok ? "" : r.diagnostic.code, t).toBe(code);
    }
  });
});
