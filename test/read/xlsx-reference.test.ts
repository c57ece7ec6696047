import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, problem } from "../../src/read/diagnostics.js";
import { columnLetters, sheetPlace, sheetReference } from "../../src/read/xlsx-reference.js";

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

describe("sheetReference and sheetPlace", () => {
  it("sheetReference quotes a name as Excel does: bare letters and digits, quoted with spaces, punctuation or a cell-like name", () => {
    expect(sheetReference("Prévisions")).toBe("Prévisions");
    expect(sheetReference("Sheet_1")).toBe("Sheet_1");
    expect(sheetReference("Semaine 48")).toBe("'Semaine 48'");
    expect(sheetReference("l'équipe")).toBe("'l''équipe'");
    expect(sheetReference("2026")).toBe("'2026'");
    expect(sheetReference("AB12")).toBe("'AB12'");
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
