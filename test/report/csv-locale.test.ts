import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_STYLE_EN, CSV_STYLE_FR, csvCell, csvDocument, csvLine, csvStyle, type Cell } from "../../src/report/csv-cell.js";
import { csvNumber } from "../../src/report/number-format.js";
import { withReportSettings } from "../../src/report/settings.js";

/** The CSV cell every version before the locale wrote (kept here as the reference English output must equal). */
function legacyCell(v: Cell): string {
  if (v === null) return "";
  if (typeof v === "number") return csvNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Text cells with what CSV must quote (both delimiters, quotes, line breaks), accents, and date-times. */
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "é", " ", ",", ";", '"', "\n", "\r", "1", ".", "-") }),
  fc.constantFrom("2026-11-23T08:30", "2026-11-23", "demande d’information", "a;b", "x,y", ""),
);
const number = fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom(0, 0.5, -3.25, 1e-7, 1234567.891));
const cell: fc.Arbitrary<Cell> = fc.oneof(text, number, fc.boolean(), fc.constant(null));
const rows = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 });

/** A French CSV read back as French Excel would: `;`, BOM stripped, decimal comma. */
const readFrench = (doc: string): string[][] => parse(doc, { delimiter: ";", bom: true, relax_quotes: false });

describe("CSV style", () => {
  it("csvStyle() follows the run's locale: English unless --locale fr", () => {
    expect(csvStyle()).toBe(CSV_STYLE_EN);
    expect(withReportSettings({ locale: "fr" }, csvStyle)).toBe(CSV_STYLE_FR);
    expect(withReportSettings({ locale: "en" }, csvStyle)).toBe(CSV_STYLE_EN);
  });

  it("csvLine(cells, en) is byte for byte the line every earlier version wrote", () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 6 }), (cells) => {
        expect(csvLine(cells, CSV_STYLE_EN)).toBe(cells.map(legacyCell).join(","));
        expect(csvLine(cells)).toBe(cells.map(legacyCell).join(","));
      }),
    );
  });

  it("csvDocument(names, rows, en): header, LF after every record, no BOM", () => {
    expect(csvDocument(["a", "b"], [[1.5, "x,y"], [null, true]], CSV_STYLE_EN)).toBe('a,b\n1.5,"x,y"\n,true\n');
    expect(csvDocument(["a"], [], CSV_STYLE_EN)).toBe("a\n");
  });

  it("csvCell(x, fr) writes numbers with a decimal comma and quotes text holding ';'", () => {
    expect(csvCell(3.5, CSV_STYLE_FR)).toBe("3,5");
    expect(csvCell(-0.000123, CSV_STYLE_FR)).toBe("-0,000123");
    expect(csvCell(1234567.891, CSV_STYLE_FR)).toBe("1234567,891");
    expect(csvCell(14, CSV_STYLE_FR)).toBe("14");
    expect(csvCell(Infinity, CSV_STYLE_FR)).toBe("inf");
    expect(csvCell("a;b", CSV_STYLE_FR)).toBe('"a;b"');
    expect(csvCell("x,y", CSV_STYLE_FR)).toBe("x,y");
    expect(csvCell('say "hi"', CSV_STYLE_FR)).toBe('"say ""hi"""');
    expect(csvCell("2026-11-23T08:30", CSV_STYLE_FR)).toBe("2026-11-23 08:30");
    expect(csvCell("2026-11-23", CSV_STYLE_FR)).toBe("2026-11-23");
    expect(csvCell(true, CSV_STYLE_FR)).toBe("true");
  });

  it("csvDocument(names, rows, fr): one BOM at the start, ';' between cells, CRLF after every record", () => {
    const doc = csvDocument(["volume", "note"], [[3.5, "a;b"], [12, "line\nbreak"]], CSV_STYLE_FR);
    expect(doc).toBe('\uFEFFvolume;note\r\n3,5;"a;b"\r\n12;"line\nbreak"\r\n');
    expect(doc.split("\uFEFF")).toHaveLength(2);
  });

  it("a French CSV read back with ';' and the BOM stripped gives the same text and, comma for point, the same numbers", () => {
    fc.assert(
      fc.property(rows, (table) => {
        const back = readFrench(csvDocument(["a", "b", "c"], table, CSV_STYLE_FR));
        expect(back[0]).toEqual(["a", "b", "c"]);
        expect(back).toHaveLength(table.length + 1);
        table.forEach((row, r) =>
          row.forEach((v, c) => {
            const got = back[r + 1]![c]!;
            if (typeof v === "number") expect(Number(got.replace(",", "."))).toBe(Number(csvNumber(v)));
            else if (typeof v === "string") expect(got).toBe(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? v.replace("T", " ") : v);
            else expect(got).toBe(v === null ? "" : String(v));
          }),
        );
      }),
    );
  });
});
