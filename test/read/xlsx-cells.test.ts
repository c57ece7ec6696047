import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDuration } from "../../src/read/values.js";
import { cellText, cellValueOf, durationText } from "../../src/read/xlsx-cells.js";

/** The serial Excel stores for a wall clock (days since 1899-12-30, as a double). */
const serialOf = (ms: number) => ms / 86_400_000 + 25_569;
/** `yyyy-mm-dd hh:mm` of a UTC instant, by Date's own formatting (the oracle). */
const wallClock = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

const dt = (n: number) => ({ number: n, format: "datetime" as const });

describe("cellText", () => {
  it("cellText(serial, datetime) is the wall clock of the serial, its float noise rounded away (45984.354166666664 is 08:30)", () => {
    expect(cellText(dt(45984.354166666664), "datetime", false)).toBe("2025-11-23 08:30");
    expect(cellText(dt(46349.35416666667), "datetime", false)).toBe("2026-11-23 08:30");
    expect(cellText(dt(46349 + (8.5 * 3600 - 1) / 86_400), "datetime", false)).toBe("2026-11-23 08:29:59"); // a second off is kept, and refused by the reader
    expect(cellText(dt(46349), "datetime", false)).toBe("2026-11-23 00:00");
  });

  it("cellText(serial, datetime) equals Date's own wall clock for every minute of 2020–2040, as Excel or exceljs stores it, give or take 1e-9 day", () => {
    const start = Date.UTC(2020, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 21 * 366 * 1440 }), fc.integer({ min: -1000, max: 1000 }), (minute, noise) => {
        const ms = start + minute * 60_000;
        const days = Math.floor(minute / 1440);
        const excel = Math.floor(serialOf(start)) + days + (minute % 1440) / 1440; // day + fraction, as typed in Excel
        const exceljs = serialOf(ms); // 25569 + ms / 86 400 000, as exceljs writes a Date
        const noisy = exceljs + noise * 1e-12;
        return [excel, exceljs, noisy].every((s) => cellText(dt(s), "datetime", false) === wallClock(ms));
      }),
    );
  });

  it("cellText takes the 1904 date system into account (old Mac workbooks count from 1904-01-01)", () => {
    expect(cellText(dt(46349.354166666664 - 1462), "datetime", true)).toBe("2026-11-23 08:30");
    expect(cellText({ number: 0.003125, format: "elapsed" }, "plain", true)).toBe("0:04:30");
  });

  it("cellText(date cell) in a date-time column is its midnight, in a date column its date; a General number there is a serial", () => {
    expect(cellText({ number: 46349, format: "date" }, "datetime", false)).toBe("2026-11-23 00:00");
    expect(cellText({ number: 46349, format: "date" }, "date", false)).toBe("2026-11-23");
    expect(cellText(46349, "date", false)).toBe("2026-11-23");
    expect(cellText(46349.5, "datetime", false)).toBe("2026-11-23 12:00");
    expect(cellText(dt(46349.5), "date", false)).toBe("2026-11-23 12:00"); // shown with its time: the reader asks for a date
  });

  it("cellText of a serial outside Excel's dates stays a number (the reader refuses it as a date)", () => {
    expect(cellText(20261123, "date", false)).toBe("20261123");
    expect(cellText(0.5, "date", false)).toBe("0.5");
    expect(cellText(-3, "datetime", false)).toBe("-3");
  });

  it("cellText(time fraction, time) is the time of day; with a date part shown by a time format, the time Excel shows", () => {
    expect(cellText({ number: 0.354166666666667, format: "time" }, "time", false)).toBe("08:30");
    expect(cellText(0.354166666666667, "time", false)).toBe("08:30");
    expect(cellText({ number: 46349.354166666664, format: "time" }, "time", false)).toBe("08:30");
    expect(cellText({ number: 1.5, format: "elapsed" }, "time", false)).toBe("36:00"); // refused by the reader, not wrapped
    expect(cellText(8.5, "time", false)).toBe("8.5");
  });

  it("cellText(time in a date-time column) keeps its date part when it has one, else is a time alone", () => {
    expect(cellText({ number: 46349.354166666664, format: "time" }, "datetime", false)).toBe("2026-11-23 08:30");
    expect(cellText({ number: 0.354166666666667, format: "time" }, "datetime", false)).toBe("08:30");
  });

  it("cellText(time or elapsed cell) elsewhere is a duration h:mm:ss rounded to the second (0.003125 → 0:04:30, 270 s)", () => {
    expect(cellText({ number: 0.003125, format: "elapsed" }, "plain", false)).toBe("0:04:30");
    expect(cellText({ number: 0.003125, format: "time" }, "plain", false)).toBe("0:04:30");
    expect(cellText({ number: 1, format: "elapsed" }, "plain", false)).toBe("24:00:00");
    expect(cellText({ number: 3, format: "time" }, "plain", false)).toBe("72:00:00"); // the stored duration, not the clock Excel shows
  });

  it("durationText(s / 86 400) reads back as s seconds for every whole duration up to 10 days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 864_000 }), fc.integer({ min: -50, max: 50 }), (seconds, noise) => {
        const parsed = parseDuration(durationText(seconds / 86_400 + noise * 1e-13), { field: "aht" });
        return parsed.ok && parsed.value === seconds;
      }),
    );
  });

  it("cellText of a General number is its shortest exact decimal, of a percentage ×100 with %", () => {
    expect(cellText(270, "plain", false)).toBe("270");
    expect(cellText(1.5, "plain", false)).toBe("1.5");
    expect(cellText(0.30000000000000004, "plain", false)).toBe("0.30000000000000004");
    expect(cellText(-0, "plain", false)).toBe("0");
    expect(cellText({ number: 0.8, format: "percent" }, "plain", false)).toBe("80%");
    expect(cellText({ number: 0.035, format: "percent" }, "plain", false)).toBe("3.5%");
  });

  it("cellText of text is the text, of a boolean TRUE or FALSE", () => {
    expect(cellText("23/11/2026 08:30", "datetime", false)).toBe("23/11/2026 08:30");
    expect(cellText("4:30", "plain", false)).toBe("4:30");
    expect(cellText(true, "plain", false)).toBe("TRUE");
    expect(cellText(undefined, "plain", false)).toBe("");
  });
});

describe("cellValueOf", () => {
  it("cellValueOf turns exceljs's values into stored values: a Date back to its serial, rich text to text, a formula to its result", () => {
    expect(cellValueOf(new Date(Date.UTC(2026, 10, 23, 8, 30)), "dd/mm/yyyy hh:mm", false)).toEqual({ number: serialOf(Date.UTC(2026, 10, 23, 8, 30)), format: "datetime" });
    expect(cellValueOf(new Date(Date.UTC(1899, 11, 30, 0, 4, 30)), "[h]:mm:ss", false)).toMatchObject({ format: "elapsed" });
    expect(cellValueOf({ richText: [{ text: "Fidé" }, { font: { bold: true }, text: "lisation" }] }, undefined, false)).toBe("Fidélisation");
    expect(cellValueOf({ formula: "D2*2", result: 24 }, undefined, false)).toBe(24);
    expect(cellValueOf({ formula: "A2+1/96", result: 46349.354166666664 }, "dd/mm/yyyy hh:mm", false)).toEqual({ number: 46349.354166666664, format: "datetime" });
    expect(cellValueOf({ formula: "D3*2" }, undefined, false)).toEqual({ formula: "D3*2" });
    expect(cellValueOf({ formula: "1/0", result: NaN }, undefined, false)).toEqual({ error: "" }); // an error result, whose text exceljs does not keep
    expect(cellValueOf({ error: "#N/A" }, undefined, false)).toEqual({ error: "#N/A" });
    expect(cellValueOf({ text: "link", hyperlink: "https://example.org" }, undefined, false)).toBe("link");
    expect(cellValueOf(0.8, "0%", false)).toEqual({ number: 0.8, format: "percent" });
    expect(cellValueOf(12, "0.00", false)).toBe(12);
    expect(cellValueOf("", undefined, false)).toBeUndefined();
  });

  it("cellValueOf gives back the exact serial of a 1904 workbook's date (exceljs shifted it by 1462 days)", () => {
    const d = new Date(Date.UTC(2026, 10, 23));
    const v = cellValueOf(d, "dd/mm/yyyy", true) as { number: number };
    expect(v.number).toBe(46349 - 1462);
  });
});
