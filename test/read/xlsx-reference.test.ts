import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, problem } from "../../src/read/diagnostics.js";
import { cellRange, cellReference, columnLetters, rangeReference, sheetPlace, sheetReference } from "../../src/read/xlsx-reference.js";

/** Letters back to a column number (base 26 without a zero digit). */
const columnNumber = (letters: string) => [...letters].reduce((n, c) => n * 26 + (c.charCodeAt(0) - 64), 0);

describe("columnLetters", () => {
  it("columnLetters(n) is Excel's letters: A, Z, AA, AZ, BA, ZZ, AAA, XFD (the last column)", () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16_384].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
  });

  it("columnLetters is one-to-one: the letters read back as the column number", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16_384 }), (n) => columnNumber(columnLetters(n)) === n));
  });
});

describe("sheetReference, cellReference and sheetPlace", () => {
  it("sheetReference quotes a name as Excel does: bare letters and digits, quoted with spaces, punctuation or a cell-like name", () => {
    expect(sheetReference("Prévisions")).toBe("Prévisions");
    expect(sheetReference("Sheet_1")).toBe("Sheet_1");
    expect(sheetReference("Semaine 48")).toBe("'Semaine 48'");
    expect(sheetReference("l'équipe")).toBe("'l''équipe'");
    expect(sheetReference("2026")).toBe("'2026'");
    expect(sheetReference("AB12")).toBe("'AB12'");
  });

  it("cellReference names a cell (B14) or a whole row (14:14), as Excel's Name Box takes them", () => {
    expect(cellReference(14, 2)).toBe("B14");
    expect(cellReference(1, 16_384)).toBe("XFD1");
    expect(cellReference(14, undefined)).toBe("14:14");
  });

  it("sheetPlace names a cell, a whole row, or the sheet", () => {
    expect(sheetPlace("Prévisions", 14, 2)).toBe("Prévisions!B14");
    expect(sheetPlace("Prévisions", 14, undefined)).toBe("Prévisions!14:14");
    expect(sheetPlace("Semaine 48", undefined, undefined)).toBe("'Semaine 48'");
  });

  it("formatDiagnostic prints a workbook's place as file:Sheet!B14, and a CSV file's as before", () => {
    expect(formatDiagnostic(problem("INPUT_NOT_A_NUMBER", "volume: got \"x\", expected a number", { file: "f.xlsx", line: 14, column: 2, sheet: "Prévisions" }))).toBe(
      'f.xlsx:Prévisions!B14: error INPUT_NOT_A_NUMBER volume: got "x", expected a number',
    );
    expect(formatDiagnostic(problem("INPUT_DUPLICATE_ROW", "a second row", { file: "f.xlsx", line: 9, sheet: "Prévisions" }))).toBe("f.xlsx:Prévisions!9:9: error INPUT_DUPLICATE_ROW a second row");
    expect(formatDiagnostic(problem("INPUT_NOT_A_NUMBER", "volume", { file: "f.csv", line: 14, column: 2 }))).toBe("f.csv:14:2: error INPUT_NOT_A_NUMBER volume");
  });
});

describe("cellRange and rangeReference", () => {
  it("cellRange reads a range as a sheet's XML writes it (absolute or not, one cell, corners in any order), undefined for anything else", () => {
    expect(cellRange("C2:D3")).toEqual({ top: 2, left: 3, bottom: 3, right: 4 });
    expect(cellRange("$AB$10:$A$1")).toEqual({ top: 1, left: 1, bottom: 10, right: 28 });
    expect(cellRange("b4")).toEqual({ top: 4, left: 2, bottom: 4, right: 2 });
    expect(["", "A", "2:3", "A1:", "A1:B2:C3", "Sheet!A1"].map(cellRange)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it("rangeReference writes back what cellRange reads", () => {
    const corner = fc.record({ row: fc.integer({ min: 1, max: 1_048_576 }), column: fc.integer({ min: 1, max: 16_384 }) });
    fc.assert(
      fc.property(corner, corner, (a, b) => {
        const ref = `${columnLetters(a.column)}${a.row}:${columnLetters(b.column)}${b.row}`;
        const range = cellRange(ref)!;
        expect(range).toEqual({ top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) });
        expect(cellRange(rangeReference(range))).toEqual(range);
      }),
    );
  });
});
