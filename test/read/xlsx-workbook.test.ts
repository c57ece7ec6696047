import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closestSheet, sheetXml, XlsxWorkbook, type SheetRow } from "../../src/read/xlsx-workbook.js";
import type { CellRange } from "../../src/read/xlsx-reference.js";
import { loadSheet } from "../../src/read/xlsx-table.js";
import { zipEntries } from "../../src/read/xlsx-zip.js";
import { diagnosticsOfAsync } from "../helpers/diagnostics.js";
import { dateCell, rawWorkbook, stylesWith, workbookBytes, zipOf } from "../helpers/workbook.js";

/** The first diagnostic of the InputError that `run` throws or rejects with. */
const problemOf = async (run: () => unknown) => (await diagnosticsOfAsync(run))[0]!;

async function rowsOf(bytes: Buffer, sheet?: string): Promise<SheetRow[]> {
  const wb = await XlsxWorkbook.open(bytes, "t.xlsx");
  const rows: SheetRow[] = [];
  for await (const r of wb.rows(wb.sheet(sheet))) rows.push(r);
  return rows;
}

describe("XlsxWorkbook", () => {
  it("lists the sheets in tab order and reads the first visible one by default", async () => {
    const bytes = await workbookBytes([
      { name: "Hidden", rows: [["x"]] },
      { name: "Prévisions", rows: [["a"], [1]] },
      { name: "Notes", rows: [["n"]] },
    ]);
    const wb = await XlsxWorkbook.open(bytes, "t.xlsx");
    expect(wb.sheets.map((s) => s.name)).toEqual(["Hidden", "Prévisions", "Notes"]);
    expect(wb.sheet(undefined).name).toBe("Hidden");
    // a hidden first sheet is skipped
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Secret", { state: "hidden" }).addRow(["s"]);
    book.addWorksheet("Visible").addRow(["v"]);
    const hidden = await XlsxWorkbook.open(Buffer.from(await book.xlsx.writeBuffer()), "h.xlsx");
    expect(hidden.sheet(undefined).name).toBe("Visible");
  });

  it("sheet(name) takes the exact name, else the one equal but for case and accents; an unknown name lists the sheets with the closest", async () => {
    const wb = await XlsxWorkbook.open(await workbookBytes([{ name: "Prévisions", rows: [["a"]] }, { name: "Notes", rows: [["n"]] }]), "f.xlsx");
    expect(wb.sheet("Notes").name).toBe("Notes");
    expect(wb.sheet("previsions").name).toBe("Prévisions");
    const d = await problemOf(async () => wb.sheet("Prevision", "--sheet"));
    expect(d).toMatchObject({ code: "USAGE_BAD_OPTION", file: "f.xlsx", field: "--sheet", value: "Prevision" });
    expect(d.message).toBe('--sheet: got "Prevision", expected one of the sheets of f.xlsx: "Prévisions", "Notes" — did you mean "Prévisions"?');
  });

  it("an unknown sheet suggests the sheet whose name starts with it or contains it, case and accents ignored, else the closest spelling", async () => {
    const sheets = ["Notes", "Prévisions S48", "Export WFM (brut)"];
    expect(closestSheet("Prevision", sheets)).toBe("Prévisions S48");
    expect(closestSheet("s48", sheets)).toBe("Prévisions S48");
    expect(closestSheet("wfm", sheets)).toBe("Export WFM (brut)");
    expect(closestSheet("Nope", sheets)).toBe("Notes");
    expect(closestSheet("Planning", sheets)).toBeUndefined();
    const wb = await XlsxWorkbook.open(await workbookBytes([{ name: "Prévisions S48", rows: [["a"]] }, { name: "Notes", rows: [["n"]] }]), "f.xlsx");
    const d = await problemOf(async () => wb.sheet("Prevision", "--sheet"));
    expect(d.message).toBe('--sheet: got "Prevision", expected one of the sheets of f.xlsx: "Prévisions S48", "Notes" — did you mean "Prévisions S48"?');
  });

  it("reads rows with their sheet row numbers and cells by column; rows Excel did not store are absent", async () => {
    const rows = await rowsOf(await workbookBytes([{ name: "S", rows: [null, [null, "a", "b"], null, [null, 1, { value: 0.5, numFmt: "0%" }]] }]));
    expect(rows).toEqual([
      { row: 2, cells: [undefined, "a", "b"] },
      { row: 4, cells: [undefined, 1, { number: 0.5, format: "percent" }] },
    ]);
  });

  it("reads a workbook whose styles, shared strings and workbook part come after the sheet (the order LibreOffice writes): dates stay dates", async () => {
    const bytes = rawWorkbook({
      sheetData: `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="1"><v>46349.354166666664</v></c><c r="B2" s="2"><v>0.003125</v></c></row>`,
      sharedStrings: ["start"],
      styles: stylesWith(["dd/mm/yyyy hh:mm", "[h]:mm:ss"]),
      order: ["xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml"],
    });
    expect(zipEntries(bytes, "t").keys().next().value).toBe("xl/worksheets/sheet1.xml");
    const [start, aht] = (await rowsOf(bytes))[1]!.cells as { number: number; format: string }[];
    // exceljs makes a Date of a date-formatted number, to the millisecond: the serial comes back within half a millisecond
    const HALF_MS_IN_DAYS = 0.5 / 86_400_000;
    expect([start!.format, aht!.format]).toEqual(["datetime", "elapsed"]);
    expect(Math.abs(start!.number - 46349.354166666664)).toBeLessThanOrEqual(HALF_MS_IN_DAYS);
    expect(Math.abs(aht!.number - 0.003125)).toBeLessThanOrEqual(HALF_MS_IN_DAYS);
  });

  it("reads inline strings whose accented letters are cut between two inflated chunks, and a workbook without shared strings", async () => {
    const long = "é".repeat(70_000) + "ï"; // 140 KB of two-byte characters: cut by the 64 KiB chunks
    const bytes = rawWorkbook({ sheetData: `<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c><c r="B1"><v>3</v></c></row>` });
    const rows = await rowsOf(bytes);
    expect(rows[0]!.cells).toEqual([long, 3]);
  });

  it("reads the 1904 date system and built-in date formats written without their code (East Asian ids)", async () => {
    const bytes = rawWorkbook({
      sheetData: `<row r="1"><c r="A1" s="1"><v>${46349 - 1462}</v></c><c r="B1" s="2"><v>46349</v></c></row>`,
      styles: stylesWith(["dd/mm/yyyy", 31]),
      date1904: true,
    });
    const wb = await XlsxWorkbook.open(bytes, "t.xlsx");
    expect(wb.date1904).toBe(true);
    const rows = await rowsOf(bytes);
    expect(rows[0]!.cells).toEqual([
      { number: 46349 - 1462, format: "date" },
      { number: 46349, format: "date" },
    ]);
  });

  it("reads formulas as their cached result, and tells a formula without one and an error result", async () => {
    const bytes = rawWorkbook({
      sheetData: `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>A1*2</f></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="F1"><f>A1-A1</f><v>0</v></c><c r="G1"><f t="shared" ref="G1:G2" si="0">A1*3</f><v>6</v></c></row><row r="2"><c r="G2"><f t="shared" si="0"/><v>0</v></c></row>`,
    });
    const rows = await rowsOf(bytes);
    expect(rows[0]!.cells).toEqual([2, { formula: "A1*2" }, { error: "" }, { error: "#N/A" }, "ab", 0, 6]);
    expect(rows[1]!.cells).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, 0]); // a shared formula's result of 0
  });

  it("tells a formula saved with an empty value (openpyxl's <v></v>) or none from an error result; an empty text result stays empty text", async () => {
    const bytes = rawWorkbook({
      sheetData: `<row r="1"><c r="A1"><f>4*60+30</f><v></v></c><c r="B1" s="0"><f>A1*2</f><v/></c><c r="C1" t="n"><f>1+1</f><v> </v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1" t="str"><f>""&amp;""</f><v></v></c><c r="F1"><f>1+2</f></c></row>`,
    });
    const rows = await rowsOf(bytes);
    expect(rows[0]!.cells).toEqual([{ formula: "4*60+30" }, { formula: "A1*2" }, { formula: "1+1" }, { error: "" }, undefined, { formula: "1+2" }]);
  });

  it("sheetXml gives the same text however the XML is cut into chunks, and collects the merged ranges", async () => {
    const xml = `<worksheet><cols><col min="1" max="2"/></cols><sheetData><row r="1"><c r="A1"><f>1+1</f><v></v></c><c r="B1" t="str"><f>""</f><v></v></c><c r="C1"><v>3</v></c><c r="D1" t="inlineStr"><is><t>a &gt; b</t></is></c></row></sheetData><mergeCells count="2"><mergeCell ref="C2:C3"/><mergeCell ref='A5:B5'/></mergeCells></worksheet>`;
    const whole = async (chunks: string[]) => {
      const merges: string[] = [];
      let text = "";
      for await (const part of sheetXml((async function* () { yield* chunks; })(), (ref) => merges.push(ref))) text += part;
      return { text, merges };
    };
    const expected = await whole([xml]);
    expect(expected.text).toBe(xml.replace('<f>1+1</f><v></v>', "<f>1+1</f>"));
    expect(expected.merges).toEqual(["C2:C3", "A5:B5"]);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: xml.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), xml.length];
        expect(await whole(at.slice(1).map((end, i) => xml.slice(at[i], end)))).toEqual(expected);
      }),
    );
  });

  it("reads a sheet's merged ranges, after its rows or on their own", async () => {
    const bytes = await workbookBytes([{ name: "S", rows: [["a", "b"], ["x", "y"], [null, null]], merges: ["A2:A3", "B2:B3"] }]);
    const wb = await XlsxWorkbook.open(bytes, "t.xlsx");
    const merges: CellRange[] = [];
    for await (const _ of wb.rows(wb.sheet(undefined), merges));
    const ranges = [
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 2 },
    ];
    expect(merges).toEqual(ranges);
    expect(await wb.merges(wb.sheet(undefined))).toEqual(ranges);
  });
});

describe("damaged and foreign files", () => {
  it("refuses a truncated workbook, an encrypted part, a zip that is no workbook, an .ods and an .xls as CSV_BINARY saying what they are", async () => {
    const good = await workbookBytes([{ name: "S", rows: [["a"], [dateCell("2026-11-23T08:30")]] }]);
    const cases: [Buffer, RegExp][] = [
      [good.subarray(0, good.length - 100), /truncated or damaged/],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), /directory is missing/],
      [zipOf([{ name: "_rels/.rels", data: "<Relationships/>" }, { name: "xl/workbook.xml", data: "<workbook/>", encrypted: true }]), /encrypted/],
      [zipOf([{ name: "notes.txt", data: "hello" }]), /a zip archive with no workbook in it/],
      [zipOf([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", store: true }, { name: "content.xml", data: "<x/>" }]), /OpenDocument spreadsheet \(\.ods\)/],
      [zipOf([{ name: "word/document.xml", data: "<w/>" }]), /a Word document/],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /Excel 97–2003 workbook \(\.xls\)/],
    ];
    for (const [bytes, message] of cases) {
      const d = await problemOf(() => loadSheet(bytes, "book.xlsx"));
      expect(d.code).toBe("CSV_BINARY");
      expect(d.file).toBe("book.xlsx");
      expect(d.message).toMatch(message);
    }
  });
});
