import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectDelimiter, mapColumns, MAX_LINE_CHARS, normalizeHeader, readCsv } from "../../src/read/csv-read.js";
import { FORECAST_COLUMNS } from "../../src/read/forecast-read.js";
import { diagnosticsOf } from "../helpers/diagnostics.js";

const bytes = (s: string) => new TextEncoder().encode(s);


describe("readCsv", () => {
  it("detects ; and tab delimiters from the header line and sets the decimal comma for ;", () => {
    expect(detectDelimiter("a;b;c")).toBe(";");
    expect(detectDelimiter("a\tb")).toBe("\t");
    expect(detectDelimiter("a,b")).toBe(",");
    const t = readCsv(bytes("volume;aht\r\n3,5;180\r\n"), "f.csv");
    expect(t.delimiter).toBe(";");
    expect(t.decimalComma).toBe(true);
    expect(t.rows).toEqual([{ line: 2, cells: ["3,5", "180"] }]);
  });

  it("strips a UTF-8 BOM and decodes Windows-1252 bytes (é, €, ’ intact)", () => {
    const bom = readCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("id,volume\nx,1\n")]), "f.csv");
    expect(bom.header).toEqual(["id", "volume"]);
    // "café 5€ l’an" in Windows-1252 (not valid UTF-8)
    const cp = readCsv(new Uint8Array([...bytes("id,volume\ncaf"), 0xe9, ...bytes(" 5"), 0x80, ...bytes(" l"), 0x92, ...bytes("an,1\n")]), "f.csv");
    expect(cp.rows[0]!.cells[0]).toBe("café 5€ l’an");
  });

  it("reports an empty file as CSV_EMPTY and a binary file as CSV_BINARY", () => {
    expect(diagnosticsOf(() => readCsv(new Uint8Array(), "e.csv"))[0]).toMatchObject({ code: "CSV_EMPTY", file: "e.csv", line: 1 });
    expect(diagnosticsOf(() => readCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), "b.xlsx"))[0]).toMatchObject({ code: "CSV_BINARY" });
  });

  it("refuses a line longer than MAX_LINE_CHARS with its line number", () => {
    const huge = "volume,aht\n1,2\n" + "9".repeat(MAX_LINE_CHARS + 1) + ",3\n";
    expect(diagnosticsOf(() => readCsv(bytes(huge), "l.csv"))[0]).toMatchObject({ code: "CSV_LINE_TOO_LONG", line: 3 });
  });

  it("reports an unclosed quote as CSV_SYNTAX", () => {
    expect(diagnosticsOf(() => readCsv(bytes('volume,aht\n"1,2\n'), "q.csv"))[0]).toMatchObject({ code: "CSV_SYNTAX", file: "q.csv" });
  });

  it("normalizeHeader folds case, accents and punctuation", () => {
    expect(normalizeHeader(" Délai (s) ")).toBe("delai_s");
    expect(normalizeHeader("DMT")).toBe("dmt");
    expect(normalizeHeader("interval-minutes")).toBe("interval_minutes");
  });
});

describe("readCsv: lines, kinds and encodings as the streamed reader", () => {
  it("gives rows after a CRLF multi-line quoted field their file lines", () => {
    const t = readCsv(bytes('agent_id,skills\r\nA1,"information:phone\r\nclaims:email"\r\n\r\nA2,x\r\n'), "r.csv");
    expect(t.rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it("names the line and field of an unclosed quote", () => {
    const d = diagnosticsOf(() => readCsv(bytes('volume,aht\n1,2\n3,4\n5,"6\n7,8\n'), "q.csv"));
    expect(d[0]).toMatchObject({ code: "CSV_SYNTAX", file: "q.csv", line: 4, column: 2 });
  });

  it("skips blank lines before the header and places header problems on its line", () => {
    const t = readCsv(bytes("\n\nvolume,aht\n1,2\n"), "b.csv");
    expect(t).toMatchObject({ header: ["volume", "aht"], headerLine: 3, rows: [{ line: 4, cells: ["1", "2"] }] });
    const { diagnostics } = mapColumns(t, { volume: ["volume"], typology: ["typology"] }, ["volume", "typology"], true);
    expect(diagnostics[0]).toMatchObject({ code: "CSV_UNKNOWN_COLUMN", line: 3, column: 2 });
  });

  it("reads UTF-16LE with BOM and tabs (Excel's Unicode text)", () => {
    const t = readCsv(Buffer.concat([Uint8Array.from([0xff, 0xfe]), Buffer.from("id\tvolume\r\nréclamation\t12\r\n", "utf16le")]), "u.csv");
    expect(t).toMatchObject({ header: ["id", "volume"], delimiter: "\t", rows: [{ line: 2, cells: ["réclamation", "12"] }] });
  });
});

describe("mapColumns", () => {
  it("says when the header is another of ccplan's files (CSV_WRONG_KIND) instead of listing its columns as unknown", () => {
    const roster = readCsv(readFileSync("fixtures/roster.csv"), "fixtures/roster.csv");
    const d = diagnosticsOf(() => mapColumns(roster, FORECAST_COLUMNS, ["typology", "channel", "volume", "aht"], true));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: "CSV_WRONG_KIND", file: "fixtures/roster.csv", line: 1 });
    expect(d[0]!.message).toBe("this looks like a roster (agent_id, site, tier, skills), not a forecast: use ccplan gaps FORECAST --roster fixtures/roster.csv");
  });

  it("keeps the usual column messages for a forecast with a column missing or misspelt", () => {
    const t = readCsv(bytes("interval_start,typologie,canal,volumes,dmtt\n2026-11-23T08:00,x,phone,1,2\n"), "f.csv");
    const { diagnostics } = mapColumns(t, FORECAST_COLUMNS, ["typology", "channel", "volume", "aht"], true);
    expect(diagnostics.map((x) => x.code)).toEqual(["CSV_UNKNOWN_COLUMN", "CSV_MISSING_COLUMN"]);
  });
});
