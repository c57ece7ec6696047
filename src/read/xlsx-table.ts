import type { CsvTable } from "./csv-read.js";
import { readCsv, type CsvReadOptions } from "./csv-read.js";
import { collectChunks, peekChunks, streamCsv, type CsvHeaderInfo, type CsvRowHandler, type CsvStreamOptions, type CsvStreamResult } from "./csv-stream.js";
import { InputError, problem, warning, type Diagnostic } from "./diagnostics.js";
import { normalizeHeader } from "./names.js";
import { quoted } from "./printable.js";
import { cellText, isBlankCell, isFault, type CellValue, type ColumnKind, type ColumnKinds } from "./xlsx-cells.js";
import { cellReference, rangeReference, type CellRange } from "./xlsx-reference.js";
import type { SheetRow, WorkbookSheet, XlsxWorkbook } from "./xlsx-workbook.js";
import { isOle, isZip } from "./xlsx-zip.js";

/**
 * Workbooks where ccplan reads CSV: a sheet's rows turned into the very
 * cell texts a CSV export of it would hand the readers (see {@link cellText}),
 * each with its sheet row as its "line" and its column number as its
 * "column", and the sheet stamped on every diagnostic so that it prints as
 * `forecast.xlsx:Prévisions!B14`. A file is a workbook by its content (the
 * zip signature), whatever its name.
 *
 * The header is the first row, among the first {@link HEADER_REACH}
 * non-blank ones, that names every column the reader requires (a title and
 * notes above the table are passed over, with an INPUT_HEADER_ROW warning);
 * without such a row, the row naming the most of the reader's columns is
 * taken, and the reader's missing-column error says so.
 */

/** How many non-blank rows at the top of a sheet are looked at for its header. */
export const HEADER_REACH = 20;

/**
 * How a reader's header is told among a sheet's first rows: the normalized
 * names of the columns it knows (its aliases, see mapColumns in
 * csv-read.ts), and whether a row's names hold every column it requires.
 */
export interface HeaderShape {
  known: ReadonlySet<string>;
  /** True when `names` (normalized, see normalizeHeader) hold the reader's required columns. */
  complete(names: ReadonlySet<string>): boolean;
}

/**
 * The {@link HeaderShape} of a reader's alias table: every `required`
 * column present (under any of its names), and `also` (a start as
 * `interval_start` or as a date and a time…).
 */
export function headerShape<K extends string>(aliases: Record<K, readonly string[]>, required: readonly NoInfer<K>[], also: (has: (column: NoInfer<K>) => boolean) => boolean = () => true): HeaderShape {
  const known = new Set(Object.values<readonly string[]>(aliases).flat());
  return {
    known,
    complete: (names) => {
      const has = (column: K) => aliases[column].some((a) => names.has(a));
      return required.every(has) && also(has);
    },
  };
}

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
  /** Its merged ranges. */
  merges?: CellRange[];
  /** Where the warnings of reading it go (a header below a title…). */
  onWarning?: ((d: Diagnostic) => void) | undefined;
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
  /** Said on the first missing column when no row near the top named every required column (the row taken instead). */
  headerNote: string | undefined;
  /** The sheet's merged ranges, once known: a blank cell in one is said to be part of it. */
  merges: CellRange[] | undefined;
  /** Reads the merged ranges when the rows were not read to the end. */
  mergesLater: (() => Promise<CellRange[]>) | undefined;

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
      await this.learnMerges(error);
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
      this.explain(error.diagnostics);
      return error;
    }
    const all = [...new Set([...this.problems, ...error.diagnostics])].map((d) => this.stamp(d));
    this.explain(all);
    return new InputError(all.map((d, i) => ({ d, i })).sort((a, b) => (a.d.line ?? 0) - (b.d.line ?? 0) || (a.d.column ?? 0) - (b.d.column ?? 0) || a.i - b.i).map((x) => x.d));
  }

  /** The merged ranges, read again when a blank cell is reported and the rows were not read to the end. */
  private async learnMerges(error: unknown): Promise<void> {
    if (this.merges !== undefined || this.mergesLater === undefined || !(error instanceof InputError)) return;
    if (!error.diagnostics.some(isBlankProblem)) return;
    try {
      this.merges = await this.mergesLater();
    } catch {
      // the sheet was read once already: a second read that fails only loses the hint
    }
  }

  /** Says where a workbook's layout explains a problem: a blank cell of a merged range, a header row taken for want of a better one. */
  private explain(diagnostics: Diagnostic[]): void {
    if (this.sheet === undefined) return;
    const merges = this.merges ?? [];
    let noted = this.headerNote === undefined;
    for (const d of diagnostics) {
      if (d.file !== this.file) continue;
      if (!noted && d.code === "CSV_MISSING_COLUMN") {
        d.message += ` (${this.headerNote})`;
        noted = true;
      }
      if (merges.length > 0 && isBlankProblem(d)) {
        const range = merges.find((m) => d.line! >= m.top && d.line! <= m.bottom && d.column! >= m.left && d.column! <= m.right && (d.line !== m.top || d.column !== m.left));
        if (range !== undefined) d.message += ` (${cellReference(d.line!, d.column)} is part of the merged cell ${rangeReference(range)}: unmerge and fill each row)`;
      }
    }
  }
}

/** A blank cell's problem, at its cell. */
function isBlankProblem(d: Diagnostic): boolean {
  return d.code === "INPUT_MISSING_VALUE" && d.line !== undefined && d.column !== undefined;
}

/** What {@link streamTable} reads: CSV options, the sheet, and how cells read. */
export interface TableStreamOptions extends CsvStreamOptions, SheetChoice {
  /** Columns whose cells are dates or times (by normalized header). */
  kinds?: ColumnKinds | undefined;
  /** The reader's header, to find it below a title; default: the first non-blank row. */
  header?: HeaderShape | undefined;
  /** Where cell faults go, and the sheet is noted. */
  scope: SheetScope;
}

/**
 * {@link streamCsv} for a CSV file or a workbook: a workbook's sheet is read
 * as a stream of rows, the header found as `options.header` says (else the
 * first non-blank row; warnings to `options.onWarning`), blank rows
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
  const peeked = await peekChunks(chunks, (size) => size >= 8);
  const head = Buffer.concat(peeked.head).subarray(0, 8);
  if (isOle(head)) throw new InputError([xlsProblem(file)]);
  if (!isZip(head)) {
    if (options.sheet !== undefined) options.onWarning?.(csvSheetWarning(file, options));
    return streamCsv(peeked.rest, file, options, onHeader);
  }
  const { workbook, sheet } = await openSheet(await collectChunks(peeked.rest), file, options);
  const scope = options.scope;
  scope.sheet = sheet.name;
  scope.mergesLater = () => workbook.merges(sheet);
  let onRow: CsvRowHandler | undefined;
  let rows = 0;
  const records = new SheetRecords(file, workbook.date1904, options.kinds ?? {}, scope, {
    header: () => {
      onRow = onHeader({ file, header: records.header!, delimiter: "", decimalComma: false, encoding: "utf-8", headerLine: records.headerRow, sheet: sheet.name });
    },
    record: (cells, row) => {
      rows++;
      onRow!(cells, row);
    },
    warn: (d) => options.onWarning?.(scope.stamp(d)),
    shape: options.header,
  });
  const merges: CellRange[] = [];
  for await (const row of workbook.rows(sheet, merges)) records.push(row);
  records.end();
  scope.merges = merges;
  if (onRow === undefined) throw emptySheet(file, sheet.name);
  if ((options.requireRows ?? true) && rows === 0) throw noRows(file, sheet.name, records.headerRow);
  return { encoding: "utf-8", rows, sheet: sheet.name };
}

/**
 * A file's bytes as the sync readers take them: a workbook's sheet read
 * whole (as stored, turned into text by {@link tableOf} with the reader's
 * column kinds), with its merged ranges, its warnings going to
 * `choice.onWarning`; or the bytes of a CSV file as they are.
 *
 * @throws InputError as {@link streamTable} for a workbook
 */
export async function loadSheet(bytes: Uint8Array, file: string, choice: SheetChoice = {}): Promise<Uint8Array | SheetData> {
  if (isOle(bytes)) throw new InputError([xlsProblem(file)]);
  if (!isZip(bytes)) {
    if (choice.sheet !== undefined) choice.onWarning?.(csvSheetWarning(file, choice));
    return bytes;
  }
  const { workbook, sheet } = await openSheet(bytes, file, choice);
  const rows: SheetRow[] = [];
  const merges: CellRange[] = [];
  for await (const row of workbook.rows(sheet, merges)) rows.push(row);
  return { file, sheet: sheet.name, date1904: workbook.date1904, rows, merges, onWarning: choice.onWarning };
}

/**
 * The header of a workbook's sheet (as text) and its row, for telling the
 * file's kind: the first row that `shape` takes (default: the first
 * non-blank row); only the rows up to it are read.
 *
 * @throws InputError as {@link streamTable}
 */
export async function sheetHeader(bytes: Uint8Array, file: string, choice: SheetChoice = {}, shape?: HeaderShape): Promise<{ sheet: string; header: string[]; headerRow: number }> {
  const { workbook, sheet } = await openSheet(bytes, file, choice);
  const records = new SheetRecords(file, workbook.date1904, {}, new SheetScope(file), { header: () => {}, record: () => {}, shape });
  for await (const row of workbook.rows(sheet)) {
    records.push(row);
    if (records.header !== undefined) break;
  }
  records.end();
  return { sheet: sheet.name, header: records.header ?? [], headerRow: records.headerRow };
}

/** How {@link tableOf} reads a workbook's cells. */
export interface SheetTableOptions {
  /** Columns whose cells are dates or times. */
  kinds?: ColumnKinds;
  /** Columns the reader uses (by header as written): faults elsewhere are not reported; default every named column. */
  used?: (header: string) => boolean;
  /** The reader's header, to find it below a title; default: the first non-blank row. */
  header?: HeaderShape;
}

/**
 * A file as a {@link CsvTable}, with the scope its reader runs in: a CSV
 * file parsed by readCsv, or a sheet's rows turned into text, its header
 * found as `sheetOptions.header` says (an INPUT_HEADER_ROW warning to the
 * sheet's `onWarning`). Run the reader in `scope.runSync` so that its
 * diagnostics name the sheet (and a blank cell the merged range it is in).
 *
 * @throws InputError as readCsv; CSV_EMPTY for an empty sheet
 */
export function tableOf(source: Uint8Array | SheetData, file: string, options: CsvReadOptions, sheetOptions: SheetTableOptions = {}): { table: CsvTable; scope: SheetScope } {
  const scope = new SheetScope(file);
  if (source instanceof Uint8Array) return { table: readCsv(source, file, options), scope };
  scope.sheet = source.sheet;
  scope.merges = source.merges ?? [];
  const rows: CsvTable["rows"] = [];
  const records = new SheetRecords(file, source.date1904, sheetOptions.kinds ?? {}, scope, {
    header: () => {},
    record: (cells, line) => rows.push({ line, cells }),
    warn: (d) => source.onWarning?.(scope.stamp(d)),
    used: sheetOptions.used,
    shape: sheetOptions.header,
  });
  for (const row of source.rows) records.push(row);
  records.end();
  if (records.header === undefined) throw emptySheet(file, source.sheet);
  return { table: { file, header: records.header, headerLine: records.headerRow, rows, delimiter: "", decimalComma: false }, scope };
}

/** What {@link SheetRecords} hands over, and how it finds the header. */
interface RecordSink {
  /** The header is known (`header`, `headerRow`). */
  header(): void;
  /** A data row's cell texts, with its sheet row. */
  record(cells: string[], row: number): void;
  warn?: (d: Diagnostic) => void;
  /** Columns the reader uses (by header as written); default every named column. */
  used?: ((header: string) => boolean) | undefined;
  /** The reader's header; default: the first non-blank row. */
  shape?: HeaderShape | undefined;
}

/**
 * Rows of a sheet to records: the header is found (see the file's note; its
 * width, up to its last named cell, is every record's), blank rows are
 * skipped, a cell fault in a used column is reported to the scope and its
 * row skipped, and every other cell becomes the text of its column's kind.
 */
class SheetRecords {
  header: string[] | undefined;
  headerRow = 1;
  private kinds: ColumnKind[] = [];
  private usedColumns: boolean[] = [];
  /** Non-blank rows read while the header is looked for, with their texts. */
  private pending: { row: SheetRow; texts: string[] }[] = [];

  constructor(
    private readonly file: string,
    private readonly date1904: boolean,
    private readonly columnKinds: ColumnKinds,
    private readonly scope: SheetScope,
    private readonly sink: RecordSink,
  ) {}

  /** Read one row: the header, a data row handed over, or a row skipped (blank, faulty, above the header). */
  push(row: SheetRow): void {
    if (this.header !== undefined) return this.data(row);
    if (row.cells.every(isBlankCell)) return;
    const texts = Array.from(row.cells, (c) => headerText(c));
    const shape = this.sink.shape;
    if (shape === undefined || shape.complete(namesOf(texts))) {
      if (this.pending.length > 0) this.sink.warn?.(headerRowWarning(this.file, row.row, texts, this.pending.map((p) => p.texts)));
      this.pending = [];
      return this.take(row, texts);
    }
    this.pending.push({ row, texts });
    if (this.pending.length >= HEADER_REACH) this.fallBack();
  }

  /** The sheet has ended: a header still looked for is taken among the rows read. */
  end(): void {
    if (this.header === undefined && this.pending.length > 0) this.fallBack();
  }

  /**
   * No row named every required column: the header is the row naming the
   * most known columns, then holding the most text cells (another kind of
   * file's header, which the reader then names; not a one-cell title), the
   * first on a tie; the rows below it are data.
   */
  private fallBack(): void {
    const pending = this.pending;
    this.pending = [];
    const known = this.sink.shape!.known;
    let best = 0;
    let most: [number, number] = [-1, -1];
    pending.forEach((p, i) => {
      let n = 0;
      for (const name of namesOf(p.texts)) if (known.has(name)) n++;
      const texts = p.row.cells.filter((c) => typeof c === "string" && c.trim() !== "").length;
      if (n > most[0] || (n === most[0] && texts > most[1])) [best, most] = [i, [n, texts]];
    });
    this.scope.headerNote = `row ${pending[best]!.row.row} was taken as the header: no row among the first ${HEADER_REACH} names every required column`;
    this.take(pending[best]!.row, pending[best]!.texts);
    for (const p of pending.slice(best + 1)) this.data(p.row);
  }

  private take(row: SheetRow, texts: string[]): void {
    let width = texts.length;
    while (width > 0 && texts[width - 1] === "") width--;
    this.header = texts.slice(0, width);
    this.headerRow = row.row;
    this.kinds = this.header.map((h) => kindOf(normalizeHeader(h), this.columnKinds));
    const used = this.sink.used ?? (() => true);
    this.usedColumns = this.header.map((h) => h !== "" && used(h));
    this.sink.header();
  }

  private data(row: SheetRow): void {
    const cells = row.cells;
    const width = this.header!.length;
    let blank = true;
    let fault = false;
    for (let i = 0; i < width; i++) {
      const cell = cells[i];
      if (isBlankCell(cell)) continue;
      blank = false;
      if (isFault(cell) && this.usedColumns[i]) {
        fault = true;
        this.scope.fault(faultProblem(cell, { file: this.file, line: row.row, column: i + 1, field: this.header![i]! }));
      }
    }
    if (blank || fault) return;
    const out = new Array<string>(width);
    for (let i = 0; i < width; i++) out[i] = cellText(cells[i], this.kinds[i]!, this.date1904);
    this.sink.record(out, row.row);
  }
}

/** A row's names as a reader maps them (see normalizeHeader), blanks left out. */
function namesOf(texts: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const t of texts) {
    const n = normalizeHeader(t);
    if (n !== "") names.add(n);
  }
  return names;
}

/**
 * INPUT_HEADER_ROW: the header is on `row`, below rows that are not read
 * (a title, notes), at its first named cell; the texts of the first two of
 * those rows quoted.
 */
function headerRowWarning(file: string, row: number, header: readonly string[], above: readonly (readonly string[])[]): Diagnostic {
  const rows = row === 2 ? "row 1 above it is" : `rows 1–${row - 1} above it are`;
  const texts = above.slice(0, 2).map((t) => quoted(t.filter((x) => x !== "").join(" ")));
  if (above.length > 2) texts.push("…");
  return warning("INPUT_HEADER_ROW", `the header is on row ${row}; ${rows} ignored (${texts.join(", ")})`, { file, line: row, column: Math.max(1, header.findIndex((h) => h !== "") + 1) });
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

/**
 * CSV_BINARY for a file with the OLE signature (see {@link isOle}): an
 * Excel 97–2003 workbook, or an .xlsx protected by a password.
 */
export function xlsProblem(file: string): Diagnostic {
  return problem("CSV_BINARY", "the file is an Excel 97–2003 workbook (.xls) or a workbook protected by a password: expected an .xlsx workbook without a password, or a CSV file — save it as one of them from Excel", { file });
}

/**
 * The workbook in `bytes`, opened, and the sheet `choice` names (the first
 * visible one without a name). The workbook reader is loaded here: only
 * when a file is a workbook.
 */
async function openSheet(bytes: Uint8Array, file: string, choice: SheetChoice): Promise<{ workbook: XlsxWorkbook; sheet: WorkbookSheet }> {
  const { XlsxWorkbook } = await import("./xlsx-workbook.js");
  const workbook = await XlsxWorkbook.open(bytes, file);
  return { workbook, sheet: workbook.sheet(choice.sheet, choice.sheetOption) };
}

function csvSheetWarning(file: string, choice: SheetChoice): Diagnostic {
  const option = choice.sheetOption ?? "--sheet";
  return warning("USAGE_BAD_OPTION", `${option} ${JSON.stringify(choice.sheet)} is not used: the file is CSV, not a workbook`, { file, field: option, value: choice.sheet! });
}
