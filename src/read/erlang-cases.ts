import type { ErlangCase } from "../plan/erlang-case.js";
import { mapColumns, type CsvReadOptions, type CsvTable } from "./csv-read.js";
import type { CsvHeaderInfo } from "./csv-stream.js";
import { InputError, problem, type Diagnostic } from "./diagnostics.js";
import { ERLANG_COLUMNS, parseErlangFields, type ErlangCaseDefaults, type ErlangColumn, type ErlangFields, type ErlangFieldsContext } from "./erlang-fields.js";
import { exceedsLimits } from "./queue-limits.js";
import { headerShape, SheetScope, streamTable, tableOf, type SheetChoice, type SheetData } from "./xlsx-table.js";

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
  const rows = new ErlangRows({ file, header: table.header, headerLine: table.headerLine ?? 1, decimalComma: table.decimalComma }, defaults);
  if (table.rows.length === 0) throw noDataRows(file, table.headerLine ?? 1, table.delimiter === "");
  const cases: ErlangCase[] = [];
  for (const { line, cells } of table.rows) {
    const c = rows.read(cells, line);
    if (c === undefined) continue;
    if (visit === undefined) cases.push(c);
    else if (rows.problems.length === 0) visit(c);
  }
  if (rows.problems.length > 0) throw new InputError(rows.problems);
  return cases;
}

/** What {@link streamErlangCases} reads: the CSV delimiter, and a workbook's sheet. */
export interface ErlangStreamOptions extends SheetChoice {
  /** Force the delimiter of a CSV file instead of detecting it. */
  delimiter?: string | undefined;
}

/**
 * {@link readErlangCases} for a file of any size: a CSV file is read as a
 * stream (see streamCsv), each good case handed to `visit` as soon as its
 * row is read, while no row so far was bad — memory does not grow with the
 * file. A workbook is read whole (see streamTable), its rows then handed
 * over one by one. The file is read to the end, and every diagnostic is
 * the one {@link readErlangCases} gives for the same bytes: a fault of the
 * file itself (CSV syntax, encoding…) wins over bad rows, a bad header over
 * everything but such faults, then every bad cell of every row.
 *
 * @returns the data rows read, and the sheet for a workbook
 * @throws InputError with every diagnostic found; CSV_NO_DATA for a header without rows
 */
export async function streamErlangCases(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  file: string,
  defaults: ErlangCaseDefaults,
  options: ErlangStreamOptions,
  visit: (c: ErlangCase) => void,
): Promise<{ rows: number; sheet?: string }> {
  const scope = new SheetScope(file);
  return scope.run(async () => {
    let rows: ErlangRows | undefined;
    let headerProblem: unknown;
    let head: CsvHeaderInfo | undefined;
    let count = 0;
    const read = await streamTable(chunks, file, { ...options, requireRows: false, header: ERLANG_HEADER, scope }, (info) => {
      head = info;
      try {
        rows = new ErlangRows(info, defaults);
      } catch (error) {
        // said once the file is read: a fault further down (CSV syntax, encoding) is what a whole-file read says first
        headerProblem = error;
        return () => count++;
      }
      const batch = rows;
      return (cells, line) => {
        count++;
        const c = batch.read(cells, line);
        if (c !== undefined && batch.problems.length === 0) visit(c);
      };
    });
    if (headerProblem !== undefined) throw headerProblem;
    if (count === 0) throw noDataRows(file, head!.headerLine, head!.delimiter === "");
    if (rows!.problems.length > 0) throw new InputError(rows!.problems);
    return read.sheet === undefined ? { rows: count } : { rows: count, sheet: read.sheet };
  });
}

function noDataRows(file: string, line: number, workbook: boolean): InputError {
  const where = workbook ? `row ${line}` : `line ${line}`; // a workbook has rows
  return new InputError([problem("CSV_NO_DATA", `no data rows: the header on ${where} is followed by nothing but blank ${workbook ? "rows" : "lines"}, expected one row per queue`, { file, line })]);
}

/** The columns {@link ErlangRows.fast} reads itself; a batch with any other column goes through parseErlangFields only. */
const FAST_COLUMNS: ReadonlySet<string> = new Set<Column>(["id", "volume", "aht", "interval_minutes", "sl_target", "sl_seconds", "asa_max", "max_occupancy", "patience", "max_abandon", "concurrency"]);

/** 10^k, k ≤ 15: a decimal m / 10^k with m < 2^53 is then the double nearest to it (one correctly rounded division). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A cell written as plain digits with at most one point between digits
 * (`180`, `0.8`, `12.25`), at most 15 digits: its value, exactly as
 * `Number(text)` reads it; NaN for any other text (blanks, signs, units,
 * `4:30`, `80%`, exponents, commas) — those take the full parser.
 */
export function plainDecimal(text: string): number {
  const n = text.length;
  if (n === 0 || n > 16) return NaN;
  let m = 0;
  let point = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) m = m * 10 + (c - 48);
    else if (c === 46 && point === -1 && i > 0 && i < n - 1) point = i;
    else return NaN;
  }
  if (point === -1) return n > 15 ? NaN : m;
  return m / POW10[n - 1 - point]!;
}

/**
 * The rows of one batch file, read one by one: the header mapped once (its
 * problems thrown), then {@link read} for each row. Rows whose cells are
 * plain numbers and blanks — what programs write, and nearly every row of
 * a large batch — are read by a fast path that gives exactly the case
 * parseErlangFields gives for them (a property test holds the two equal);
 * every other row, and every row with a problem, goes through
 * parseErlangFields, which reports it.
 */
export class ErlangRows {
  /** Every problem of the rows read so far. */
  readonly problems: Diagnostic[] = [];
  private readonly index: Partial<Record<Column, number>>;
  private readonly width: number;
  private readonly columns: Column[];
  private readonly context: ErlangFieldsContext;
  /** Column positions for the fast path (-1: absent), or undefined when it does not apply. */
  private readonly at: Record<Column, number> | undefined;

  /**
   * @param fastPath - false: every row through parseErlangFields (for the test that holds the two equal)
   * @throws InputError with the header's problems (unknown, duplicate, missing columns; another kind of file)
   */
  constructor(
    private readonly info: Pick<CsvHeaderInfo, "file" | "header" | "headerLine" | "decimalComma">,
    defaults: ErlangCaseDefaults,
    fastPath = true,
  ) {
    const { file, header } = info;
    const table: CsvTable = { file, header, headerLine: info.headerLine, rows: [], delimiter: "", decimalComma: info.decimalComma };
    const { index, diagnostics } = mapColumns<Column>(table, ERLANG_COLUMNS, ["volume", "aht"], true);
    if (diagnostics.length > 0) throw new InputError(diagnostics);
    this.index = index;
    this.width = header.length;
    this.columns = (Object.keys(ERLANG_COLUMNS) as Column[]).filter((c) => index[c] !== undefined);
    this.context = {
      decimalComma: info.decimalComma,
      defaults,
      names: CSV_NAMES,
      missing: (col, line) =>
        // named as the file writes the column (`Appels is blank`)
        problem("INPUT_MISSING_VALUE", `${index[col] === undefined ? col : header[index[col]!]} is blank: expected a value`, {
          file,
          line,
          ...(index[col] === undefined ? { field: col } : { field: header[index[col]!]!, column: index[col]! + 1 }),
        }),
      noTarget: (line) =>
        problem("INPUT_NO_TARGET", "no target on this row: expected at least one of sl_target, asa_max, max_occupancy, max_abandon", { file, line }),
    };
    const fast = fastPath && !info.decimalComma && this.columns.every((c) => FAST_COLUMNS.has(c));
    if (fast) {
      const at = {} as Record<Column, number>;
      for (const c of Object.keys(ERLANG_COLUMNS) as Column[]) at[c] = index[c] ?? -1;
      this.at = at;
    }
  }

  /** One row's case, or undefined when the row is bad (its problems added to {@link problems}). */
  read(cells: string[], line: number): ErlangCase | undefined {
    if (cells.length !== this.width) {
      this.problems.push(problem("CSV_FIELD_COUNT", `row has ${cells.length} fields: expected ${this.width} like the header`, { file: this.info.file, line }));
      return undefined;
    }
    if (this.at !== undefined) {
      const c = this.fast(cells, line, this.at);
      if (c !== undefined) return c;
    }
    const { file, header } = this.info;
    const given: ErlangFields = {};
    for (const col of this.columns) {
      const i = this.index[col]!;
      const text = cells[i]!;
      if (text.trim() !== "") given[col] = { text, src: { file, line, column: i + 1, field: header[i]! } };
    }
    const parsed = parseErlangFields(given, line, this.context);
    if (!parsed.ok) {
      this.problems.push(...parsed.problems);
      return undefined;
    }
    return parsed.case;
  }

  /**
   * The case of a row of plain numbers and blanks that parseErlangFields
   * would accept, read without it; undefined for any other row (the full
   * parser then reads it, and reports what is wrong).
   */
  private fast(cells: string[], line: number, at: Record<Column, number>): ErlangCase | undefined {
    // each value as parseErlangFields reads a plain decimal: NaN means "not plain" (or out of its range), undefined "blank"
    const volume = number(cells, at.volume);
    const ahtSec = number(cells, at.aht);
    if (!(volume! >= 0) || !(ahtSec! > 0)) return undefined; // blank, not plain, or a problem
    const interval = number(cells, at.interval_minutes);
    const patienceSec = number(cells, at.patience);
    const concurrency = number(cells, at.concurrency);
    const slTarget = share(number(cells, at.sl_target));
    const answerWithinSec = number(cells, at.sl_seconds);
    const maxAsaSec = number(cells, at.asa_max);
    const maxOccupancy = share(number(cells, at.max_occupancy));
    const maxAbandonRate = share(number(cells, at.max_abandon));
    if (interval !== undefined && !(interval > 0)) return undefined;
    if (patienceSec !== undefined && !(patienceSec > 0)) return undefined;
    if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) return undefined;
    if (answerWithinSec !== undefined && answerWithinSec !== answerWithinSec) return undefined;
    if (maxAsaSec !== undefined && maxAsaSec !== maxAsaSec) return undefined;
    if (slTarget !== undefined && (slTarget !== slTarget || answerWithinSec === undefined)) return undefined; // a share without its threshold: reported
    if (maxOccupancy !== undefined && maxOccupancy !== maxOccupancy) return undefined;
    if (maxAbandonRate !== undefined && (maxAbandonRate !== maxAbandonRate || patienceSec === undefined)) return undefined;
    if (slTarget === undefined && maxAsaSec === undefined && maxOccupancy === undefined && maxAbandonRate === undefined) return undefined; // no target: reported
    const queue = { volume: volume!, ahtSec: ahtSec!, intervalMin: interval ?? this.context.defaults.intervalMin, patienceSec, concurrency };
    if (exceedsLimits(queue)) return undefined;
    let id: string | undefined;
    if (at.id !== -1) {
      const text = cells[at.id]!.trim();
      if (text !== "") id = text;
    }
    return { line, id, queue, targets: { serviceLevel: slTarget, answerWithinSec, maxAsaSec, maxOccupancy, maxAbandonRate } };
  }
}

/** The plain decimal in column `i` (see {@link plainDecimal}): undefined for an empty cell or an absent column, NaN for any other text. */
function number(cells: readonly string[], i: number): number | undefined {
  if (i === -1) return undefined;
  const text = cells[i]!;
  return text.length === 0 ? undefined : plainDecimal(text);
}

/** A plain decimal as parseFraction reads it: 0.8 as is, 80 as 80 %; NaN past 100 %. */
function share(x: number | undefined): number | undefined {
  if (x === undefined || x !== x) return x;
  const value = x > 1 ? x / 100 : x;
  return value <= 1 ? value : NaN;
}
