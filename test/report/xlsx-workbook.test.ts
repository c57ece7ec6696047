import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { columnKind } from "../../src/report/xlsx-kinds.js";
import { cellValue, columnLetter, summarySheet, writeWorkbook, type XlsxSheet } from "../../src/report/xlsx-workbook.js";
import { fixZipTimes } from "../../src/report/xlsx-zip-times.js";
import { diagnosticsOfAsync } from "../helpers/diagnostics.js";
import { readSheets, sheet, zipTimes } from "../helpers/xlsx-sheets.js";

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ccplan-xlsx-test-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

/** 1980-01-01 00:00 as a zip entry's [time, date] (MS-DOS: time 0; date (year − 1980) << 9 | month << 5 | day). */
const DOS_1980: [number, number] = [0, (0 << 9) | (1 << 5) | 1];

/** Write sheets to a new file; its path and bytes. */
async function written(sheets: XlsxSheet[]): Promise<{ path: string; bytes: Buffer; counts: number[] }> {
  const path = join(dir, `book${++n}.xlsx`);
  const fd = openSync(path, "w+");
  let counts: number[];
  try {
    counts = await writeWorkbook(sheets, fd);
  } finally {
    closeSync(fd);
  }
  return { path, bytes: readFileSync(path), counts };
}

const TABLE: XlsxSheet = {
  name: "Queues",
  columns: [
    { header: "interval_start", kind: "date-time" },
    { header: "week_start", kind: "date" },
    { header: "typology", kind: "text" },
    { header: "headcount", kind: "integer" },
    { header: "fte", kind: "fte" },
    { header: "service_level", kind: "percent" },
    { header: "asa_sec", kind: "seconds" },
    { header: "scheduled_hours", kind: "hours" },
    { header: "target_met", kind: "boolean" },
  ],
  rows: [
    ["2027-01-04T08:30", "2027-01-04", "billing", 12, 10.123456789, 0.8123456789, 12.345, 1234.56789, true],
    ["2027-01-04T08:45", "2027-01-04", "claims, with a comma", 0, 0, null, Infinity, NaN, false],
  ],
};

describe("writeWorkbook", () => {
  it("keeps every finite number exactly as given (no rounding: the format only rounds what Excel shows)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 40 }), async (xs) => {
        const { path } = await written([{ name: "N", columns: [{ header: "x", kind: "decimal2" }], rows: xs.map((x) => [x]) }]);
        const back = sheet(await readSheets(path), "N").rows.map((r) => r[0]);
        // -0 is written as 0, as JSON.stringify writes it
        expect(back).toEqual(xs.map((x) => (Object.is(x, -0) ? 0 : x)));
      }),
      { numRuns: 15 },
    );
  });

  it("writes numbers as numbers, ISO text of date columns as Excel dates on the file's clock, Infinity and NaN as empty cells", async () => {
    const { path, counts } = await written([TABLE]);
    expect(counts).toEqual([2]);
    const s = sheet(await readSheets(path), "Queues");
    expect(s.header).toEqual(TABLE.columns.map((c) => c.header));
    const [a, b] = s.rows;
    expect(a![0]).toEqual(new Date(Date.UTC(2027, 0, 4, 8, 30)));
    expect(a![1]).toEqual(new Date(Date.UTC(2027, 0, 4)));
    expect(a!.slice(2)).toEqual(["billing", 12, 10.123456789, 0.8123456789, 12.345, 1234.56789, true]);
    expect(b!.slice(2)).toEqual(["claims, with a comma", 0, 0, null, null, null, false]);
  });

  it("gives each column its kind's number format, a bold frozen header, an autofilter over the table and widths from the content", async () => {
    const { path } = await written([TABLE]);
    const s = sheet(await readSheets(path), "Queues");
    expect(s.formats[0]).toEqual([
      "yyyy-mm-dd hh:mm",
      "yyyy-mm-dd",
      undefined,
      "#,##0",
      "#,##0.00",
      "0.0%",
      "0.0",
      "#,##0.0",
      undefined,
    ]);
    expect(s.headerBold.every(Boolean)).toBe(true);
    expect(s.frozen).toEqual({ state: "frozen", ySplit: 1 });
    expect(s.autoFilter).toBe("A1:I3");
    // "claims, with a comma" (20 characters) is wider than its header; a date-time takes 16
    expect(s.widths[2]).toBeGreaterThanOrEqual(20);
    expect(s.widths[0]).toBeGreaterThanOrEqual(16);
    for (const w of s.widths) expect(w).toBeLessThanOrEqual(61);
  });

  it("gives a summary's values each their own format", async () => {
    const { path } = await written([
      summarySheet("Summary", [
        ["shrinkage", 0.3, "percent"],
        ["contract_hours", 35, "hours", "a full-timer"],
        ["scenario", "in-house"],
      ]),
    ]);
    const s = sheet(await readSheets(path), "Summary");
    expect(s.header).toEqual(["item", "value", "note"]);
    expect(s.rows).toEqual([
      ["shrinkage", 0.3, null],
      ["contract_hours", 35, "a full-timer"],
      ["scenario", "in-house", null],
    ]);
    expect(s.formats.map((f) => f[1])).toEqual(["0.0%", "#,##0.0", undefined]);
  });

  it("writes sheets of rows made as they are written (a generator), in order, and an empty sheet with its header", async () => {
    function* many() {
      for (let k = 0; k < 3000; k++) yield [k, k / 7];
    }
    const { path, counts } = await written([
      { name: "Many", columns: [{ header: "line", kind: "integer" }, { header: "x", kind: "decimal3" }], rows: many() },
      { name: "Empty", columns: [{ header: "a", kind: "text" }], rows: [] },
    ]);
    expect(counts).toEqual([3000, 0]);
    const sheets = await readSheets(path);
    expect(sheets.map((s) => s.name)).toEqual(["Many", "Empty"]);
    const many3 = sheet(sheets, "Many").rows;
    expect(many3).toHaveLength(3000);
    expect(many3[2999]).toEqual([2999, 2999 / 7]);
    expect(sheet(sheets, "Empty").header).toEqual(["a"]);
  });

  it("same sheets, same bytes, whatever the clock says when they are written", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-07-14T13:37:11Z"));
    const a = await written([TABLE]);
    vi.setSystemTime(new Date("2027-02-03T04:05:07Z"));
    const b = await written([TABLE]);
    expect(b.bytes.equals(a.bytes)).toBe(true);
    const times = zipTimes(a.bytes);
    expect(times.central.length).toBeGreaterThan(5);
    for (const t of [...times.central, ...times.local]) expect(t).toEqual(DOS_1980);
  });
});

describe("fixZipTimes", () => {
  it("sets every entry's time to 1980-01-01 00:00 in a zip64 archive too, which still reads", async () => {
    const path = join(dir, "zip64.xlsx");
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, zip: { forceZip64: true } } as never);
    const ws = book.addWorksheet("A");
    ws.addRow([1.5, "x"]).commit();
    ws.commit();
    await book.commit();
    expect(zipTimes(readFileSync(path)).local.some(([t, d]) => t !== DOS_1980[0] || d !== DOS_1980[1])).toBe(true);
    const fd = openSync(path, "r+");
    try {
      fixZipTimes(fd);
    } finally {
      closeSync(fd);
    }
    const times = zipTimes(readFileSync(path));
    for (const t of [...times.central, ...times.local]) expect(t).toEqual(DOS_1980);
    expect(sheet(await readSheets(path), "A").header).toEqual(["1.5", "x"]);
  });

  it("refuses a file that is not a zip (RangeError)", () => {
    const path = join(dir, "not-a-zip");
    const fd = openSync(path, "w+");
    try {
      expect(() => fixZipTimes(fd)).toThrow(/not a zip file/);
    } finally {
      closeSync(fd);
    }
  });
});

describe("cellValue and columnLetter", () => {
  it("cellValue leaves text that is not an ISO date as text, even in a date column", () => {
    expect(cellValue("2027-01", "date")).toBe("2027-01");
    expect(cellValue("08:30", "date-time")).toBe("08:30");
    expect(cellValue("2027-01-04T08:30", "text")).toBe("2027-01-04T08:30");
    expect(cellValue("2027-01-04T08:30", "date-time")).toEqual(new Date(Date.UTC(2027, 0, 4, 8, 30)));
  });

  it("columnLetter(n) is Excel's column name: 1 → A, 26 → Z, 27 → AA, 702 → ZZ, 703 → AAA", () => {
    expect([1, 26, 27, 52, 702, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
  });
});

describe("columnKind", () => {
  it("reads the unit in a column's name", () => {
    const cases: [string, string][] = [
      ["asa_sec", "seconds"],
      ["ahtSec", "seconds"],
      ["scheduled_hours", "hours"],
      ["paid_hours_per_person", "hours"],
      ["fte", "fte"],
      ["gap_after_training_fte", "fte"],
      ["headcount", "integer"],
      ["level_1_headcount", "integer"],
      ["headcount_vs_plan", "integer"],
      ["weekly_cost", "money"],
      ["cost_per_contact", "decimal2"],
      ["delta_cost_per_contact", "decimal2"],
      ["delta_service_level", "percent"],
      ["abandon_rate", "percent"],
      ["slTarget", "percent"],
      ["interval_start", "date-time"],
      ["week_start", "date"],
      ["month", "text"],
    ];
    expect(cases.map(([name]) => [name, columnKind(name)])).toEqual(cases);
  });
});

describe("writeWorkbook and Excel's row limit", () => {
  it("refuses a sheet longer than a sheet holds with USAGE_BAD_OPTION (not a stack trace), saying to use CSV", async () => {
    const path = join(dir, "too-long.xlsx");
    const fd = openSync(path, "w+");
    const [d] = await diagnosticsOfAsync(async () => {
      try {
        await writeWorkbook([{ name: "Erlang", columns: [{ header: "line", kind: "integer" }], rows: [[1], [2], [3]] }], fd, { maxRows: 2 });
      } finally {
        closeSync(fd);
      }
    });
    expect([d!.code, d!.field]).toEqual(["USAGE_BAD_OPTION", "--format"]);
    expect(d!.message).toMatch(/the Erlang sheet would have more than 2 rows, the most a sheet holds: expected --format csv/);
  });
});
