import type { CsvTable } from "./csv-read.js";
import { readCsv, type CsvReadOptions } from "./csv-read.js";
import { streamCsv, type CsvHeaderInfo, type CsvRowHandler, type CsvStreamOptions, type CsvStreamResult } from "./csv-stream.js";
import { InputError, problem, warning, type Diagnostic } from "./diagnostics.js";
import { normalizeHeader } from "./names.js";
import { quoted } from "./printable.js";
import { cellText, isBlankCell, isFault, type CellValue, type ColumnKind, type ColumnKinds } from "./xlsx-cells.js";
import type { SheetRow } from "./xlsx-workbook.js";
import { isOle, isZip } from "./xlsx-zip.js";

/**
 * Workbooks where ccplan reads CSV: a sheet's rows turned into the very
 * cell texts a CSV export of it would hand the readers (see {@link cellText}),
 * each with its sheet row as its "line" and its column number as its
 * "column", and the sheet stamped on every diagnostic so that it prints as
 * `forecast.xlsx:Prévisions!B14`. A file is a workbook by its content (the
 * zip signature), whatever its name.
 */

/** Which sheet to read, and how to name the option that chose it. */
export interface SheetChoice {
  /** Sheet name; default: the first visible sheet. */
  sheet?: string | undefined;
  /** The option that gave `sheet`, for messages (default `--sheet`). */
  sheetOption?: string | undefined;
  /** Where the warning of a sheet named for a CSV file goes. */
  onWarning?: ((d: Diagnostic) => void) | undefined;
}

/** A sheet read whole (small files: rosters, batches, requirements), its cells as Excel stores them. */
export interface SheetData {
  file: string;
  sheet: string;
  date1904: boolean;
  rows: SheetRow[];
}

/**
 * The diagnostics of one file read from a workbook: cell faults found while
 * rows are turned into text (an Excel error, a formula without its value)
 * are kept here, merged with the reader's own problems in row order, and the
 * sheet is stamped on every diagnostic of the file.
 */
export class SheetScope {
  /** The sheet read, once known (undefined: a CSV file). */
  sheet: string | undefined;
  /** Cell faults found so far. */
  readonly problems: Diagnostic[] = [];

  constructor(
    readonly file: string,
    private readonly maxProblems = Infinity,
  ) {}

  /** A cell fault: kept, and the read stops once there are `maxProblems`. */
  fault(d: Diagnostic): void {
    this.problems.push(this.stamp(d));
    if (this.problems.length >= this.maxProblems) throw new InputError([...this.problems]);
  }

  /** `d` with the sheet, when it is about this file and read from a workbook (the same object). */
  stamp<T extends Diagnostic>(d: T): T {
    if (this.sheet !== undefined && d.file === this.file && d.sheet === undefined) d.sheet = this.sheet;
    return d;
  }

  /** Run a reader: its problems and the cell faults as one InputError, its warnings stamped. */
  async run<T>(read: () => Promise<T>, warningsOf: (result: T) => Diagnostic[] = () => []): Promise<T> {
    let result: T;
    try {
      result = await read();
    } catch (error) {
      throw this.merged(error);
    }
    return this.finish(result, warningsOf);
  }

  /** {@link run} for a synchronous reader. */
  runSync<T>(read: () => T, warningsOf: (result: T) => Diagnostic[] = () => []): T {
    let result: T;
    try {
      result = read();
    } catch (error) {
      throw this.merged(error);
    }
    return this.finish(result, warningsOf);
  }

  private finish<T>(result: T, warningsOf: (result: T) => Diagnostic[]): T {
    if (this.problems.length > 0) throw new InputError(this.problems);
    for (const w of warningsOf(result)) this.stamp(w);
    return result;
  }

  private merged(error: unknown): unknown {
    if (!(error instanceof InputError)) return error;
    if (this.problems.length === 0) {
      for (const d of error.diagnostics) this.stamp(d);
      return error;
    }
    const all = [...new Set([...this.problems, ...error.diagnostics])].map((d) => this.stamp(d));
    return new InputError(all.map((d, i) => ({ d, i })).sort((a, b) => (a.d.line ?? 0) - (b.d.line ?? 0) || (a.d.column ?? 0) - (b.d.column ?? 0) || a.i - b.i).map((x) => x.d));
  }
}

/** What {@link streamTable} reads: CSV options, the sheet, and how cells read. */
export interface TableStreamOptions extends CsvStreamOptions, SheetChoice {
  /** Columns whose cells are dates or times (by normalized header). */
  kinds?: ColumnKinds | undefined;
  /** Where cell faults go, and the sheet is noted. */
  scope: SheetScope;
}

/**
 * {@link streamCsv} for a CSV file or a workbook: a workbook's sheet is read
 * as a stream of rows, the first non-blank row the header, blank rows
 * skipped, each data row handed over as the header's number of cell texts
 * with its sheet row (cells right of the header's last name are not read).
 * `CsvHeaderInfo.sheet` names the sheet; its delimiter is "" and it has no
 * decimal comma (a workbook stores numbers, not text).
 *
 * @throws InputError as streamCsv, and for a workbook CSV_BINARY (damaged,
 *   encrypted, .xls, .ods), USAGE_BAD_OPTION (an unknown sheet), CSV_EMPTY
 *   (an empty sheet), CSV_NO_DATA (a header and no rows)
 */
export async function streamTable(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  file: string,
  options: TableStreamOptions,
  onHeader: (info: CsvHeaderInfo) => CsvRowHandler,
): Promise<CsvStreamResult & { sheet?: string }> {
  const { head, rest } = await peek(chunks, 8);
  if (isOle(head)) throw oleProblem(file);
  if (!isZip(head)) {
    if (options.sheet !== undefined) options.onWarning?.(csvSheetWarning(file, options));
    return streamCsv(rest, file, options, onHeader);
  }
  const bytes = await collect(rest);
  const { XlsxWorkbook } = await import("./xlsx-workbook.js");
  const workbook = await XlsxWorkbook.open(bytes, file);
  const sheet = workbook.sheet(options.sheet, options.sheetOption);
  options.scope.sheet = sheet.name;
  const records = new SheetRecords(file, workbook.date1904, options.kinds ?? {}, options.scope);
  let onRow: CsvRowHandler | undefined;
  let rows = 0;
  for await (const row of workbook.rows(sheet)) {
    const record = records.push(row);
    if (record === undefined) continue;
    if (record === "header") {
      onRow = onHeader({ file, header: records.header!, delimiter: "", decimalComma: false, encoding: "utf-8", headerLine: records.headerRow, sheet: sheet.name });
      continue;
    }
    rows++;
    onRow!(record, row.row);
  }
  if (onRow === undefined) throw emptySheet(file, sheet.name);
  if ((options.requireRows ?? true) && rows === 0) throw noRows(file, sheet.name, records.headerRow);
  return { encoding: "utf-8", rows, sheet: sheet.name };
}

/**
 * A file's bytes as the sync readers take them: a workbook's sheet read
 * whole (as stored, turned into text by {@link tableOf} with the reader's
 * column kinds), or the bytes of a CSV file as they are.
 *
 * @throws InputError as {@link streamTable} for a workbook
 */
export async function loadSheet(bytes: Uint8Array, file: string, choice: SheetChoice = {}): Promise<Uint8Array | SheetData> {
  if (isOle(bytes)) throw oleProblem(file);
  if (!isZip(bytes)) {
    if (choice.sheet !== undefined) choice.onWarning?.(csvSheetWarning(file, choice));
    return bytes;
  }
  const { XlsxWorkbook } = await import("./xlsx-workbook.js");
  const workbook = await XlsxWorkbook.open(bytes, file);
  const sheet = workbook.sheet(choice.sheet, choice.sheetOption);
  const rows: SheetRow[] = [];
  for await (const row of workbook.rows(sheet)) rows.push(row);
  return { file, sheet: sheet.name, date1904: workbook.date1904, rows };
}

/**
 * The header of a workbook's sheet (its first non-blank row, as text), for
 * telling the file's kind; only the rows up to it are read.
 *
 * @throws InputError as {@link streamTable}
 */
export async function sheetHeader(bytes: Uint8Array, file: string, choice: SheetChoice = {}): Promise<{ sheet: string; header: string[] }> {
  const { XlsxWorkbook } = await import("./xlsx-workbook.js");
  const workbook = await XlsxWorkbook.open(bytes, file);
  const sheet = workbook.sheet(choice.sheet, choice.sheetOption);
  const records = new SheetRecords(file, workbook.date1904, {}, new SheetScope(file));
  for await (const row of workbook.rows(sheet)) if (records.push(row) === "header") return { sheet: sheet.name, header: records.header! };
  return { sheet: sheet.name, header: [] };
}

/** How {@link tableOf} reads a workbook's cells. */
export interface SheetTableOptions {
  /** Columns whose cells are dates or times. */
  kinds?: ColumnKinds;
  /** Columns the reader uses (by header as written): faults elsewhere are not reported; default every named column. */
  used?: (header: string) => boolean;
}

/**
 * A file as a {@link CsvTable}, with the scope its reader runs in: a CSV
 * file parsed by readCsv, or a sheet's rows turned into text. Run the reader
 * in `scope.runSync` so that its diagnostics name the sheet.
 *
 * @throws InputError as readCsv; CSV_EMPTY for an empty sheet
 */
export function tableOf(source: Uint8Array | SheetData, file: string, options: CsvReadOptions, sheetOptions: SheetTableOptions = {}): { table: CsvTable; scope: SheetScope } {
  const scope = new SheetScope(file);
  if (source instanceof Uint8Array) return { table: readCsv(source, file, options), scope };
  scope.sheet = source.sheet;
  const records = new SheetRecords(file, source.date1904, sheetOptions.kinds ?? {}, scope, sheetOptions.used);
  const rows: CsvTable["rows"] = [];
  for (const row of source.rows) {
    const record = records.push(row);
    if (record !== undefined && record !== "header") rows.push({ line: row.row, cells: record });
  }
  if (records.header === undefined) throw emptySheet(file, source.sheet);
  return { table: { file, header: records.header, headerLine: records.headerRow, rows, delimiter: "", decimalComma: false }, scope };
}

/**
 * Rows of a sheet to records: the first non-blank row is the header (its
 * width, up to its last named cell, is every record's), blank rows are
 * skipped, a cell fault in a used column is reported to the scope and its
 * row skipped, and every other cell becomes the text of its column's kind.
 */
class SheetRecords {
  header: string[] | undefined;
  headerRow = 1;
  private kinds: ColumnKind[] = [];
  private usedColumns: boolean[] = [];

  constructor(
    private readonly file: string,
    private readonly date1904: boolean,
    private readonly columnKinds: ColumnKinds,
    private readonly scope: SheetScope,
    private readonly used: (header: string) => boolean = () => true,
  ) {}

  /** The row's cell texts, "header" for the header row, undefined for a row skipped. */
  push(row: SheetRow): string[] | "header" | undefined {
    const cells = row.cells;
    if (this.header === undefined) {
      if (cells.every(isBlankCell)) return undefined;
      const texts = Array.from(cells, (c) => headerText(c));
      let width = texts.length;
      while (width > 0 && texts[width - 1] === "") width--;
      this.header = texts.slice(0, width);
      this.headerRow = row.row;
      this.kinds = this.header.map((h) => kindOf(normalizeHeader(h), this.columnKinds));
      this.usedColumns = this.header.map((h) => h !== "" && this.used(h));
      return "header";
    }
    const width = this.header.length;
    let blank = true;
    let fault = false;
    for (let i = 0; i < width; i++) {
      const cell = cells[i];
      if (isBlankCell(cell)) continue;
      blank = false;
      if (isFault(cell) && this.usedColumns[i]) {
        fault = true;
        this.scope.fault(faultProblem(cell, { file: this.file, line: row.row, column: i + 1, field: this.header[i]! }));
      }
    }
    if (blank || fault) return undefined;
    const out = new Array<string>(width);
    for (let i = 0; i < width; i++) out[i] = cellText(cells[i], this.kinds[i]!, this.date1904);
    return out;
  }
}

function kindOf(header: string, kinds: ColumnKinds): ColumnKind {
  if (kinds.datetime?.includes(header)) return "datetime";
  if (kinds.date?.includes(header)) return "date";
  if (kinds.time?.includes(header)) return "time";
  return "plain";
}

/** A header cell's text: trimmed, a fault as Excel shows it (the reader then names the column as it is). */
function headerText(cell: CellValue): string {
  if (isFault(cell)) return "error" in cell ? cell.error || "#ERROR" : `=${cell.formula}`;
  return cellText(cell, "plain", false).trim();
}

function faultProblem(cell: { error: string } | { formula: string }, where: { file: string; line: number; column: number; field: string }): Diagnostic {
  if ("error" in cell) {
    const what = cell.error === "" ? "an Excel error (#N/A, #DIV/0!…)" : `the Excel error ${cell.error}`;
    return problem("INPUT_EXCEL_ERROR", `${where.field}: got ${what}: expected a value — correct the formula or the cells it uses`, { ...where, value: cell.error === "" ? "#ERROR" : cell.error });
  }
  const formula = `=${cell.formula}`;
  return problem(
    "INPUT_UNCOMPUTED_FORMULA",
    `${where.field}: ${cell.formula === "" ? "a formula (shared with the cells above)" : `the formula ${quoted(formula)}`} was saved without its value (by a program that does not compute formulas): expected a computed value — open the workbook in Excel or LibreOffice and save it again, or paste the values`,
    { ...where, value: formula },
  );
}

function emptySheet(file: string, sheet: string): InputError {
  return new InputError([problem("CSV_EMPTY", `the sheet ${JSON.stringify(sheet)} is empty: expected a header row and data rows`, { file, sheet })]);
}

function noRows(file: string, sheet: string, headerRow: number): InputError {
  return new InputError([problem("CSV_NO_DATA", `no data rows: the header on row ${headerRow} is followed by nothing but blank rows, expected at least one row`, { file, line: headerRow, sheet })]);
}

function oleProblem(file: string): InputError {
  return new InputError([
    problem("CSV_BINARY", "the file is an Excel 97–2003 workbook (.xls) or a workbook protected by a password: expected an .xlsx workbook without a password, or a CSV file — save it as one of them from Excel", { file }),
  ]);
}

function csvSheetWarning(file: string, choice: SheetChoice): Diagnostic {
  const option = choice.sheetOption ?? "--sheet";
  return warning("USAGE_BAD_OPTION", `${option} ${JSON.stringify(choice.sheet)} is not used: the file is CSV, not a workbook`, { file, field: option, value: choice.sheet! });
}

/** The first `n` bytes of a stream (fewer if it is shorter), and the whole stream again. */
async function peek(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, n: number): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const iterator = (Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : (chunks as Iterable<Uint8Array>)[Symbol.iterator]()) as AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
  const seen: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    size += next.value.length;
  }
  async function* replay(): AsyncIterable<Uint8Array> {
    yield* seen;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head: Buffer.concat(seen).subarray(0, n), rest: replay() };
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}
