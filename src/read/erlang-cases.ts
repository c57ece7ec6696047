import type { ErlangCase } from "../plan/erlang-case.js";
import { mapColumns, type CsvReadOptions, type CsvTable } from "./csv-read.js";
import { InputError, problem, type Diagnostic } from "./diagnostics.js";
import { ERLANG_COLUMNS, parseErlangFields, type ErlangCaseDefaults, type ErlangColumn, type ErlangFields, type ErlangFieldsContext } from "./erlang-fields.js";
import { headerShape, tableOf, type SheetData } from "./xlsx-table.js";

type Column = ErlangColumn;
const CSV_NAMES = { sl_seconds: "sl_seconds" };

/** A batch's header: volume and AHT, so that a workbook's header is found below a title. */
const ERLANG_HEADER = headerShape(ERLANG_COLUMNS, ["volume", "aht"]);

/**
 * Read a batch file of `ccplan erlang --input`: one queue per row, blank
 * cells meaning "no such target". Every bad cell is reported.
 *
 * With `visit`, each good case is handed over as soon as it is read and the
 * returned list is empty: a 100,000-row batch then never holds every case at
 * once. The file is still read to the end, so that every problem is found.
 *
 * `bytes` may be a workbook's sheet read by loadSheet (xlsx-table.ts): its
 * cells read as Excel stores them, its diagnostics name the sheet and cell.
 *
 * @throws InputError with every diagnostic found (capped when printed);
 *   CSV_NO_DATA for a header without rows

 */
export function readErlangCases(
  bytes: Uint8Array | SheetData,
  file: string,
  defaults: ErlangCaseDefaults,
  options: CsvReadOptions = {},
  visit?: (c: ErlangCase) => void,
): ErlangCase[] {
  const { table, scope } = tableOf(bytes, file, options, { header: ERLANG_HEADER });
  return scope.runSync(() => casesOf(table, file, defaults, visit));
}

function casesOf(table: CsvTable, file: string, defaults: ErlangCaseDefaults, visit: ((c: ErlangCase) => void) | undefined): ErlangCase[] {
  const { index, diagnostics } = mapColumns<Column>(table, ERLANG_COLUMNS, ["volume", "aht"], true);
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  if (table.rows.length === 0) {
    const line = table.headerLine ?? 1;
    const where = table.delimiter === "" ? `row ${line}` : `line ${line}`; // a workbook has rows
    throw new InputError([problem("CSV_NO_DATA", `no data rows: the header on ${where} is followed by nothing but blank ${table.delimiter === "" ? "rows" : "lines"}, expected one row per queue`, { file, line })]);
  }
  const problems: Diagnostic[] = [];
  const cases: ErlangCase[] = [];
  const width = table.header.length;
  const columns = (Object.keys(ERLANG_COLUMNS) as Column[]).filter((c) => index[c] !== undefined);

  const context: ErlangFieldsContext = {
    decimalComma: table.decimalComma,
    defaults,
    names: CSV_NAMES,
    missing: (col, line) =>
      // named as the file writes the column (`Appels is blank`)
      problem("INPUT_MISSING_VALUE", `${index[col] === undefined ? col : table.header[index[col]!]} is blank: expected a value`, {
        file,
        line,
        ...(index[col] === undefined ? { field: col } : { field: table.header[index[col]!]!, column: index[col]! + 1 }),
      }),
    noTarget: (line) =>
      problem("INPUT_NO_TARGET", "no target on this row: expected at least one of sl_target, asa_max, max_occupancy, max_abandon", { file, line }),
  };
  for (const { line, cells } of table.rows) {
    if (cells.length !== width) {
      problems.push(
        problem("CSV_FIELD_COUNT", `row has ${cells.length} fields: expected ${width} like the header`, { file, line }),
      );
      continue;
    }
    const given: ErlangFields = {};
    for (const col of columns) {
      const i = index[col]!;
      const text = cells[i]!;
      if (text.trim() !== "") given[col] = { text, src: { file, line, column: i + 1, field: table.header[i]! } };
    }
    const parsed = parseErlangFields(given, line, context);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    if (visit === undefined) cases.push(parsed.case);
    else if (problems.length === 0) visit(parsed.case);
  }
  if (problems.length > 0) throw new InputError(problems);
  return cases;
}
