import { describe, expect, it } from "vitest";
import { detectDelimiter, MAX_LINE_CHARS, normalizeHeader, readCsv } from "../../src/read/csv-read.js";
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
