import { describe, expect, it } from "vitest";
import { parseDuration, parseFraction, parseNumber, parseServiceLevelPair } from "../../src/read/values.js";

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
