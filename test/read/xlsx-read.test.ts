import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ForecastRow } from "../../src/plan/forecast.js";
import type { Diagnostic } from "../../src/read/diagnostics.js";
import { readErlangCases } from "../../src/read/erlang-cases.js";
import { readForecast, type ForecastReadOptions, type ForecastSummary } from "../../src/read/forecast-read.js";
import { readRequirement } from "../../src/read/requirement-read.js";
import { readRoster } from "../../src/read/roster-read.js";
import { loadSheet } from "../../src/read/xlsx-table.js";
import { chunksOf } from "../helpers/chunks.js";
import { diagnosticsOfAsync } from "../helpers/diagnostics.js";
import { dateCell, durationCell, forecastSheetFromCsv, plainCell, sheetFromCsv, workbookBytes, type TestCell, type TestSheet } from "../helpers/workbook.js";

async function forecastOf(bytes: Uint8Array, file: string, options: ForecastReadOptions = {}): Promise<{ rows: ForecastRow[]; summary: ForecastSummary; warnings: Diagnostic[] }> {
  const rows: ForecastRow[] = [];
  const warnings: Diagnostic[] = [];
  const summary = await readForecast(chunksOf(bytes, 4096), file, { ...options, onWarning: (d) => warnings.push(d) }, (r) => rows.push(r));
  return { rows, summary, warnings };
}

/** forecast-week.csv as Excel stores it: date cells, AHT, patience and deadlines as durations, numbers as numbers. */
const forecastWeekSheet = (name: string): TestSheet => forecastSheetFromCsv(name, readFileSync("fixtures/forecast-week.csv", "utf8"), "yyyy-mm-dd hh:mm");

/** Writing 6,000 rows with exceljs takes seconds: the workbook twin is written once for the file. */
let weekWorkbook: Promise<Buffer> | undefined;
const weekBytes = () => (weekWorkbook ??= workbookBytes([{ name: "Notes", rows: [["hello"]] }, forecastWeekSheet("Prévisions")]));

describe("readForecast on a workbook", { timeout: 120_000 }, () => {
  it("gives the very rows of its CSV twin (a workbook written by exceljs: date cells, durations as time cells)", async () => {
    const csv = await forecastOf(readFileSync("fixtures/forecast-week.csv"), "week.csv");
    const xlsx = await forecastOf(await weekBytes(), "week.xlsx", { sheet: "Prévisions" });
    expect(xlsx.rows.length).toBe(6034);
    expect(xlsx.rows).toEqual(csv.rows);
    expect(xlsx.summary).toMatchObject({ sheet: "Prévisions", delimiter: "", rows: csv.summary.rows, queues: csv.summary.queues, intervalMin: csv.summary.intervalMin });
  });

  it("gives the rows of the French CSV export for the French fixture workbook (sheet Prévisions, French headers, dd/mm/yyyy hh:mm cells)", async () => {
    const csv = await forecastOf(readFileSync("fixtures/forecast-week-fr.csv"), "fr.csv");
    const xlsx = await forecastOf(readFileSync("fixtures/forecast-week-fr.xlsx"), "fr.xlsx");
    expect(xlsx.rows).toEqual(csv.rows);
    expect(xlsx.summary.sheet).toBe("Prévisions");
    expect(xlsx.summary.dateFormat).toBeUndefined(); // date cells need no dd/mm vs mm/dd decision
  });

  it("reads text dates and text durations typed in cells as the CSV reader does (dd/mm decided from the data, 4:30 as mm:ss)", async () => {
    const header = ["Date", "Heure", "Motif", "Canal", "Appels", "DMT", "Délai"];
    const rows: TestCell[][] = [
      ["23/11/2026", "08:00", "réclamation", "Téléphone", "12", "4:30", null],
      ["23/11/2026", "08:30", "réclamation", "Téléphone", 14, 270, null],
      ["24/11/2026", { value: 8 / 24, numFmt: "hh:mm" }, "réclamation", "Courriel", 3.5, durationCell(270, "mm:ss"), durationCell(86_400)],
    ];
    const { rows: read } = await forecastOf(await workbookBytes([{ name: "S", rows: [header, ...rows] }]), "t.xlsx", { intervalMin: 30 });
    const day = Date.UTC(2026, 10, 23) / 60_000;
    expect(read.map((r) => [r.line, r.startMin - day, r.volume, r.ahtSec, r.deadlineSec])).toEqual([
      [2, 8 * 60, 12, 270, undefined],
      [3, 8.5 * 60, 14, 270, undefined],
      [4, 1440 + 8 * 60, 3.5, 270, 86_400],
    ]);
  });

  it("skips blank rows and reads a table that starts lower and to the right; blank and merged header cells are nameless columns, cells right of the header are not read", async () => {
    const rows: (TestCell[] | null)[] = [
      null,
      null,
      [null, "interval_start", "typology", null, "channel", "volume", "aht"],
      [null, dateCell("2026-11-23T08:00"), "billing", "note", "phone", 10, 240, "stray"],
      null,
      [null, dateCell("2026-11-23T08:30"), "billing", null, "phone", 12, 250],
    ];
    const { rows: read, summary } = await forecastOf(await workbookBytes([{ name: "S", rows }]), "t.xlsx");
    expect(read.map((r) => [r.line, r.volume, r.ahtSec])).toEqual([
      [4, 10, 240],
      [6, 12, 250],
    ]);
    expect(summary.rows).toBe(2);
  });

  it("reports a bad cell with its sheet, row and column, and the code the CSV reader gives", async () => {
    const rows: TestCell[][] = [["interval_start", "typology", "channel", "volume", "aht"]];
    for (let i = 0; i < 6; i++) rows.push([dateCell(`2026-11-23T0${i}:00`), "billing", "phone", i === 5 ? "twelve" : 10, i === 3 ? -5 : 240]);
    const bytes = await workbookBytes([{ name: "Week 48", rows }]);
    const d = await diagnosticsOfAsync(() => forecastOf(bytes, "t.xlsx"));
    expect(d.map((x) => [x.code, x.sheet, x.line, x.column])).toEqual([
      ["INPUT_NOT_POSITIVE", "Week 48", 5, 5],
      ["INPUT_NOT_A_NUMBER", "Week 48", 7, 4],
    ]);
    expect(d[1]!.message).toBe('volume: got "twelve", expected a number');
  });

  it("refuses an Excel error and a formula saved without its value in a used column, with the reader's problems in row order", async () => {
    const rows: TestCell[][] = [
      ["interval_start", "typology", "channel", "volume", "aht"],
      [dateCell("2026-11-23T08:00"), "billing", "phone", { value: { error: "#DIV/0!" } as never }, 240],
      [dateCell("2026-11-23T08:30"), "billing", "phone", "x", 240],
      [dateCell("2026-11-23T09:00"), "billing", "phone", { value: { formula: "D2+D3" } as never }, 240],
      [dateCell("2026-11-23T09:30"), "billing", "phone", { value: { formula: "D2-D2", result: 0 } as never }, 240],
    ];
    const d = await diagnosticsOfAsync(async () => forecastOf(await workbookBytes([{ name: "S", rows }]), "t.xlsx"));
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([
      ["INPUT_EXCEL_ERROR", 2, 4],
      ["INPUT_NOT_A_NUMBER", 3, 4],
      ["INPUT_UNCOMPUTED_FORMULA", 4, 4],
    ]);
    expect(d[0]!.message).toBe("volume: got the Excel error #DIV/0!: expected a value — correct the formula or the cells it uses");
    expect(d[2]!.value).toBe("=D2+D3");
  });

  it("reads the sheet --sheet names, says which sheets there are for an unknown one, and warns that a CSV file has no sheets", async () => {
    const bytes = await weekBytes();
    const notes = await diagnosticsOfAsync(() => forecastOf(bytes, "t.xlsx")); // the first sheet, Notes, is no forecast
    expect(notes.map((x) => [x.code, x.sheet])).toContainEqual(["CSV_MISSING_COLUMN", "Notes"]);
    const d = await diagnosticsOfAsync(() => forecastOf(bytes, "t.xlsx", { sheet: "Forecast" }));
    expect(d[0]).toMatchObject({ code: "USAGE_BAD_OPTION", field: "--sheet" });
    expect(d[0]!.message).toContain('"Notes", "Prévisions"');
    const csv = await forecastOf(readFileSync("fixtures/forecast-week.csv"), "week.csv", { sheet: "Prévisions" });
    expect(csv.warnings.map((w) => [w.code, w.severity, w.message])).toEqual([["USAGE_BAD_OPTION", "warning", '--sheet "Prévisions" is not used: the file is CSV, not a workbook']]);
  });

  it("refuses an empty sheet (CSV_EMPTY) and a header without rows (CSV_NO_DATA), naming the sheet", async () => {
    const empty = await diagnosticsOfAsync(async () => forecastOf(await workbookBytes([{ name: "Vide", rows: [] }]), "t.xlsx"));
    expect(empty[0]).toMatchObject({ code: "CSV_EMPTY", sheet: "Vide" });
    const header = await diagnosticsOfAsync(async () => forecastOf(await workbookBytes([{ name: "S", rows: [null, ["interval_start", "typology", "channel", "volume", "aht"]] }]), "t.xlsx"));
    expect(header[0]).toMatchObject({ code: "CSV_NO_DATA", sheet: "S", line: 2 });
  });

  it("names the sheet on warnings too (an implausible AHT typed as hours:minutes)", async () => {
    const rows: TestCell[][] = [
      ["interval_start", "typology", "channel", "volume", "aht"],
      [dateCell("2026-11-23T08:00"), "billing", "phone", 10, 5],
    ];
    const { warnings } = await forecastOf(await workbookBytes([{ name: "S", rows }]), "t.xlsx");
    expect(warnings.map((w) => [w.code, w.sheet, w.line, w.column])).toEqual([["INPUT_IMPLAUSIBLE", "S", 2, 5]]);
  });
});

/** A planner's week as Excel keeps it: French headers, date and time cells, handle times as h:mm:ss cells; one row per half hour from 08:00. */
function plannerRows(count: number): TestCell[][] {
  const rows: TestCell[][] = [["Date", "Heure", "Motif", "Canal", "Volume", "DMT"]];
  for (let i = 0; i < count; i++) {
    rows.push([dateCell("2026-11-23T00:00", "dd/mm/yyyy"), { value: (8 * 60 + 30 * i) / 1440, numFmt: "hh:mm" }, "réclamation", "Téléphone", 10 + i, durationCell(270, "h:mm:ss")]);
  }
  return rows;
}

describe("a workbook whose header is not its first row", { timeout: 60_000 }, () => {
  it("finds the header below a title and a blank row, warns once at Sheet!A3 naming the title, and reads the rows of the table without it", async () => {
    const table = plannerRows(4);
    const plain = await forecastOf(await workbookBytes([{ name: "Prévisions S48", rows: table }]), "p.xlsx");
    const titled = await forecastOf(await workbookBytes([{ name: "Prévisions S48", rows: [["Prévisions semaine 48 – service clients"], null, ...table] }]), "t.xlsx");
    expect(plain.rows).toHaveLength(4);
    expect(titled.rows).toEqual(plain.rows.map((r) => ({ ...r, line: r.line + 2 })));
    expect(plain.warnings).toEqual([]);
    expect(titled.warnings.map((w) => [w.code, w.severity, w.sheet, w.line, w.column, w.message])).toEqual([
      ["INPUT_HEADER_ROW", "warning", "Prévisions S48", 3, 1, 'the header is on row 3; rows 1–2 above it are ignored ("Prévisions semaine 48 – service clients")'],
    ]);
  });

  it("looks for the header among the first 20 non-blank rows: the 20th is found, the 21st is not and the first row is taken, the error saying so", async () => {
    const notes = (n: number): TestCell[][] => Array.from({ length: n }, (_, i) => [`note ${i + 1}`, i === 0 ? "export WFM" : null]);
    const found = await forecastOf(await workbookBytes([{ name: "S", rows: [...notes(19), ...plannerRows(2)] }]), "t.xlsx");
    expect(found.rows.map((r) => r.line)).toEqual([21, 22]);
    expect(found.warnings[0]!.message).toBe('the header is on row 20; rows 1–19 above it are ignored ("note 1 export WFM", "note 2", …)');
    const d = await diagnosticsOfAsync(async () => forecastOf(await workbookBytes([{ name: "S", rows: [...notes(20), ...plannerRows(2)] }]), "t.xlsx"));
    const missing = d.filter((x) => x.code === "CSV_MISSING_COLUMN");
    expect(missing.map((x) => x.line)).toEqual([1, 1, 1, 1, 1]);
    expect(missing[0]!.message).toMatch(/\(row 1 was taken as the header: no row among the first 20 names every required column\)$/);
    expect(missing.slice(1).every((x) => !x.message.includes("taken as the header"))).toBe(true);
  });

  it("takes the row naming the most known columns when none has them all: a missing column is reported on the table's header, not on the title", async () => {
    const table = plannerRows(3).map((r) => r.slice(0, 5));
    const d = await diagnosticsOfAsync(async () => forecastOf(await workbookBytes([{ name: "S", rows: [["Prévisions semaine 48"], null, ...table] }]), "t.xlsx"));
    expect(d.map((x) => [x.code, x.sheet, x.line])).toEqual([["CSV_MISSING_COLUMN", "S", 3]]);
    expect(d[0]!.message).toBe(
      "missing column aht (or aht_s, aht_sec, handle_time, dmt, aht_seconds, dmt_s…): expected a header with typology, channel, volume, aht (row 3 was taken as the header: no row among the first 20 names every required column)",
    );
  });

  it("says that a roster below a title is a roster when it is given as a forecast (its header, not the title, taken)", async () => {
    const rows: TestCell[][] = [["Effectifs au 20/11/2026"], ["agent_id", "site", "tier", "contract_hours", "réclamation:phone"], ["A1", "Lyon", 1, 35, 2]];
    const d = await diagnosticsOfAsync(async () => forecastOf(await workbookBytes([{ name: "Équipe", rows }]), "t.xlsx"));
    expect(d.map((x) => [x.code, x.sheet, x.line])).toEqual([["CSV_WRONG_KIND", "Équipe", 2]]);
  });

  it("finds a roster's, a batch's and a requirement's header below a title too, warning through loadSheet's onWarning", async () => {
    const titled = (sheet: TestSheet): TestSheet => ({ ...sheet, rows: [[`${sheet.name} au 20/11/2026`], ...sheet.rows] });
    const twins = async (sheet: TestSheet) => {
      const warnings: Diagnostic[] = [];
      const plain = await loadSheet(await workbookBytes([sheet]), "p.xlsx");
      const title = await loadSheet(await workbookBytes([titled(sheet)]), "t.xlsx", { onWarning: (w) => warnings.push(w) });
      return { plain, title, warnings };
    };
    const roster = await twins(sheetFromCsv("Équipe", readFileSync("fixtures/roster.csv", "utf8")));
    expect(readRoster(roster.title, "t.xlsx", () => 35).people).toEqual(readRoster(roster.plain, "p.xlsx", () => 35).people);
    const batch = await twins(sheetFromCsv("Files", readFileSync("fixtures/erlang-cases.csv", "utf8")));
    expect(readErlangCases(batch.title, "t.xlsx", { intervalMin: 30 })).toEqual(readErlangCases(batch.plain, "p.xlsx", { intervalMin: 30 }).map((c) => ({ ...c, line: c.line + 1 })));
    const need = await twins(sheetFromCsv("Besoin", readFileSync("fixtures/requirement-week.csv", "utf8"), (text, column) => (column === "interval_start" ? dateCell(text) : plainCell(text))));
    expect(readRequirement(need.title, "t.xlsx")).toEqual(readRequirement(need.plain, "p.xlsx"));
    for (const [warnings, sheet] of [[roster.warnings, "Équipe"], [batch.warnings, "Files"], [need.warnings, "Besoin"]] as const) {
      expect(warnings.map((w) => [w.code, w.sheet, w.line, w.message])).toEqual([["INPUT_HEADER_ROW", sheet, 2, `the header is on row 2; row 1 above it is ignored ("${sheet} au 20/11/2026")`]]);
    }
  });
});

describe("blank cells in a workbook", { timeout: 60_000 }, () => {
  it("names the column as the file writes it (Heure, Motif), and says when the blank cell is part of a merged cell", async () => {
    const rows = plannerRows(4);
    rows[2]![2] = null; // Motif of row 3: merged with the cell above
    rows[3]![1] = null; // Heure of row 4
    const bytes = await workbookBytes([{ name: "Prévisions S48", rows, merges: ["C2:C3"] }]);
    for (const maxProblems of [undefined, 1]) {
      // with maxProblems 1 the read stops at row 3, before the merged ranges (written after the rows): they are read on their own
      const d = await diagnosticsOfAsync(() => forecastOf(bytes, "t.xlsx", { maxProblems }));
      expect(d.map((x) => [x.code, x.sheet, x.line, x.column, x.field, x.message])).toEqual(
        [
          ["INPUT_MISSING_VALUE", "Prévisions S48", 3, 3, "Motif", "Motif is blank: expected a value (C3 is part of the merged cell C2:C3: unmerge and fill each row)"],
          ["INPUT_MISSING_VALUE", "Prévisions S48", 4, 2, "Heure", "Heure is blank: expected a value"],
        ].slice(0, maxProblems ?? 2),
      );
    }
  });

  it("names a roster's blank cell by its header, with the merged cell it is part of", async () => {
    const rows: TestCell[][] = [
      ["Matricule", "Site", "Niveau", "Heures", "réclamation:phone"],
      ["A1", "Lyon", 1, 35, 2],
      ["A2", null, 2, 35, 1],
      [null, "Paris", 1, 35, 1],
    ];
    const sheet = await loadSheet(await workbookBytes([{ name: "Équipe", rows, merges: ["B2:B3"] }]), "r.xlsx");
    const d = await diagnosticsOfAsync(() => readRoster(sheet, "r.xlsx", () => 35));
    expect(d.map((x) => [x.sheet, x.line, x.column, x.message])).toEqual([
      ["Équipe", 3, 2, "Site is blank: expected the person's site (B3 is part of the merged cell B2:B3: unmerge and fill each row)"],
      ["Équipe", 4, 1, "Matricule is blank: expected an identifier"],
    ]);
  });
});

describe("rosters, erlang batches and requirements from a workbook", { timeout: 60_000 }, () => {
  it("readRoster reads the fixture roster workbook as its CSV twin", async () => {
    const full = () => 35;
    const csv = readRoster(readFileSync("fixtures/roster.csv"), "roster.csv", full);
    const xlsx = readRoster(await loadSheet(readFileSync("fixtures/roster.xlsx"), "roster.xlsx"), "roster.xlsx", full);
    expect(xlsx.people).toEqual(csv.people);
    expect([...xlsx.skills.keys()]).toEqual([...csv.skills.keys()]);
    expect(xlsx.summary).toMatchObject({ people: csv.summary.people, sites: csv.summary.sites, sheet: "Effectifs" });
  });

  it("readRoster reports a bad cell on its sheet and cell, and ignores an Excel error in a column it does not read", async () => {
    const rows: TestCell[][] = [
      ["agent_id", "site", "tier", "contract_hours", "billing:phone", "manager"],
      ["A1", "Lyon", "L1", 35, 2, { value: { error: "#REF!" } as never }],
      ["A2", "Lyon", "L4", 35, 1, "Ann"],
    ];
    const sheet = await loadSheet(await workbookBytes([{ name: "Équipe", rows }]), "r.xlsx");
    const d = await diagnosticsOfAsync(() => readRoster(sheet, "r.xlsx", () => 35));
    expect(d.map((x) => [x.code, x.sheet, x.line, x.column])).toEqual([["INPUT_OUT_OF_RANGE", "Équipe", 3, 3]]);
  });

  it("readErlangCases reads the fixture batch workbook as its CSV twin (handle times as mm:ss cells, targets as percentages)", async () => {
    const csv = readErlangCases(readFileSync("fixtures/erlang-cases.csv"), "cases.csv", { intervalMin: 30 });
    const xlsx = readErlangCases(await loadSheet(readFileSync("fixtures/erlang-cases.xlsx"), "cases.xlsx"), "cases.xlsx", { intervalMin: 30 });
    expect(xlsx).toEqual(csv);
  });

  it("readRequirement reads a workbook twin of the fixture requirement (date cells, fractional agents)", async () => {
    const csv = readRequirement(readFileSync("fixtures/requirement-week.csv"), "req.csv");
    const sheet = sheetFromCsv("Besoin", readFileSync("fixtures/requirement-week.csv", "utf8"), (text, column) => (column === "interval_start" ? dateCell(text) : plainCell(text)));
    const xlsx = readRequirement(await loadSheet(await workbookBytes([sheet]), "req.xlsx"), "req.xlsx");
    expect(xlsx).toEqual(csv);
  });
});
