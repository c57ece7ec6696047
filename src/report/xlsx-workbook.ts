import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { InputError, problem } from "../read/diagnostics.js";
import { grouped } from "./number-format.js";
import { writeAllSync } from "./output.js";
import { NUMBER_FORMATS, columnKind, type XlsxKind } from "./xlsx-kinds.js";
import { fixZipTimes } from "./xlsx-zip-times.js";

/** Rows of a worksheet, header included: Excel's limit. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** The time written in the workbook's properties (and, see {@link fixZipTimes}, its zip entries): fixed, so that the same report gives the same bytes. */
const WORKBOOK_TIME = new Date(Date.UTC(1980, 0, 1));

/** A value as a report has it: text, a number (unrounded), a flag, nothing. */
export type XlsxScalar = string | number | boolean | null;

/** A cell: a value in its column's kind, or one with its own kind (a summary's mixed column). */
export type XlsxValue = XlsxScalar | { value: XlsxScalar; kind: XlsxKind };

/** One column: its header (the CSV name) and what it holds. */
export interface XlsxColumn {
  header: string;
  kind: XlsxKind;
}

/** One worksheet: a header row, frozen, with an autofilter, then the rows. */
export interface XlsxSheet {
  /** At most 31 characters, none of `[]:*?/\`. */
  name: string;
  columns: readonly XlsxColumn[];
  /** Produced as the sheet is written: a long sheet need never be held in memory. */
  rows: Iterable<readonly XlsxValue[]> | AsyncIterable<readonly XlsxValue[]>;
}

/** Columns named as in the CSV, each of the kind its name says (see {@link columnKind}); `kinds` for names that mean something else in this table. */
export function columnsNamed(names: readonly string[], kinds: Readonly<Record<string, XlsxKind>> = {}): XlsxColumn[] {
  return names.map((header) => ({ header, kind: kinds[header] ?? columnKind(header) }));
}

/** Rows measured for the column widths before the first is written (the widths go before the rows in the file). */
const WIDTH_SAMPLE_ROWS = 1000;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
/** Rows written between two looks at the compressor's backlog. */
const ROWS_PER_CHECK = 256;
/** Bytes of sheet XML allowed to wait for the compressor before rows stop being added. */
const MAX_BACKLOG_BYTES = 1 << 20;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * A value as the cell holds it: numbers as they are (Infinity and NaN, which
 * Excel cannot hold and the JSON writes null, as an empty cell), the ISO
 * text of a date or date-time column as an Excel date (its UTC reading: the
 * file's own clock, no time zone).
 */
export function cellValue(v: XlsxScalar, kind: XlsxKind): string | number | boolean | Date | null {
  if (v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && ((kind === "date" && ISO_DATE.test(v)) || (kind === "date-time" && ISO_DATE_TIME.test(v)))) {
    return new Date(Date.parse(kind === "date" ? `${v}T00:00Z` : `${v}Z`));
  }
  return v;
}

/** Characters a value takes once formatted, for the column width. */
function shownLength(v: string | number | boolean | Date | null, kind: XlsxKind): number {
  if (v === null) return 0;
  if (typeof v === "boolean") return 5;
  if (v instanceof Date) return kind === "date" ? 10 : 16;
  if (typeof v === "string") return v.length;
  switch (kind) {
    case "percent":
      return (v * 100).toFixed(1).length + 1;
    case "integer":
    case "money":
      return grouped(v, 0).length;
    case "decimal1":
    case "hours":
      return grouped(v, 1).length;
    case "decimal2":
    case "fte":
      return grouped(v, 2).length;
    case "decimal3":
      return grouped(v, 3).length;
    case "seconds":
      return v.toFixed(1).length;
    default:
      return String(v).length;
  }
}

/**
 * Width of a column: its header (with room for the filter button) or its
 * widest value, within 6..60 characters, plus Excel's cell padding (0.7:
 * never exactly 9, exceljs's default, which it would leave out).
 */
function columnWidth(header: string, longest: number): number {
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, header.length + 3, longest + 2)) + 0.7;
}

/** `1` → `A`, `27` → `AA`. */
export function columnLetter(n: number): string {
  let out = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

/** A style object per kind, shared by every cell of that kind: exceljs looks styles up by object first, which keeps a long sheet fast. */
const STYLES = new Map<XlsxKind, Partial<ExcelJS.Style>>();
function styleOf(kind: XlsxKind): Partial<ExcelJS.Style> {
  let style = STYLES.get(kind);
  if (style === undefined) {
    const numFmt = NUMBER_FORMATS[kind];
    STYLES.set(kind, (style = numFmt === undefined ? {} : { numFmt }));
  }
  return style;
}
const HEADER_STYLE: Partial<ExcelJS.Style> = { font: { bold: true } };

async function* sampled<T>(rows: Iterable<T> | AsyncIterable<T>, count: number, sample: T[]): AsyncGenerator<T> {
  const it = Symbol.asyncIterator in rows ? (rows as AsyncIterable<T>)[Symbol.asyncIterator]() : (rows as Iterable<T>)[Symbol.iterator]();
  let done = false;
  while (!done && sample.length < count) {
    const next = await it.next();
    if (next.done) done = true;
    else sample.push(next.value);
  }
  for (const row of sample) yield row;
  while (!done) {
    const next = await it.next();
    if (next.done) return;
    yield next.value;
  }
}

/** The sheet writer's zip entry, as exceljs builds it (internals: checked at each use, with a safe default). */
interface SheetInternals {
  _stream?: { pipes?: { _writableState?: { length?: number } }[]; buffers?: unknown[] };
}

/**
 * exceljs's streaming sheet hands its XML to the zip writer without waiting
 * for it: a million rows added at once would sit in memory uncompressed.
 * Wait here while more than {@link MAX_BACKLOG_BYTES} are waiting, so that
 * memory stays flat whatever the sheet's length.
 */
async function keepUp(sheet: unknown, failed: () => Error | undefined): Promise<void> {
  for (;;) {
    const error = failed();
    if (error !== undefined) throw error;
    const stream = (sheet as SheetInternals)._stream;
    const waiting = stream?.pipes?.[0]?._writableState?.length;
    const behind = waiting !== undefined ? waiting > MAX_BACKLOG_BYTES : (stream?.buffers?.length ?? 0) > 16;
    if (!behind) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A writable stream onto a file descriptor (writes in order, errors as they come: ENOSPC and the like). */
function fdStream(fd: number): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        writeAllSync(fd, chunk);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/**
 * Write a workbook into a file open for reading and writing (a regular file:
 * its zip entries are given a fixed time once written). Sheets are written
 * one after the other, each row as it comes from its sheet's rows: a sheet
 * of a million rows does not grow the memory. Each sheet: a bold header row,
 * frozen, an autofilter over the table, column widths from the header and
 * the first 1,000 rows, a number format per column from its kind; numbers
 * unrounded. The same sheets give the same bytes (fixed creation time,
 * author and zip times).
 * @param options.maxRows rows a sheet may have below its header (Excel's 1,048,575; smaller in tests)
 * @returns the data rows written in each sheet
 * @throws InputError USAGE_BAD_OPTION when a sheet has more rows than a sheet holds (the caller removes the partial file)
 */
export async function writeWorkbook(sheets: readonly XlsxSheet[], fd: number, options: { maxRows?: number } = {}): Promise<number[]> {
  const maxRows = options.maxRows ?? EXCEL_MAX_ROWS - 1;
  const out = fdStream(fd);
  let error: Error | undefined;
  out.on("error", (e) => (error ??= e));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  workbook.creator = "ccplan";
  workbook.lastModifiedBy = "ccplan";
  workbook.created = WORKBOOK_TIME;
  workbook.modified = WORKBOOK_TIME;
  (workbook as unknown as { zip?: { on(e: "error", f: (e: Error) => void): void } }).zip?.on("error", (e) => (error ??= e));
  const failed = () => error;
  const counts: number[] = [];
  for (const sheet of sheets) {
    const sample: (readonly XlsxValue[])[] = [];
    const rows = sampled(sheet.rows, WIDTH_SAMPLE_ROWS, sample);
    const first = await rows.next();
    const longest = sheet.columns.map(() => 0);
    for (const row of sample) {
      row.forEach((v, k) => {
        const column = sheet.columns[k];
        if (column === undefined) return;
        const kind = v !== null && typeof v === "object" ? v.kind : column.kind;
        const value = cellValue(v !== null && typeof v === "object" ? v.value : v, kind);
        longest[k] = Math.max(longest[k]!, shownLength(value, kind));
      });
    }
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
    ws.columns = sheet.columns.map((c, k) => ({ header: c.header, key: `c${k}`, width: columnWidth(c.header, longest[k]!) }));
    const head = ws.getRow(1);
    for (let k = 1; k <= sheet.columns.length; k++) head.getCell(k).style = HEADER_STYLE;
    head.commit();
    let count = 0;
    const styles = sheet.columns.map((c) => styleOf(c.kind));
    const add = (values: readonly XlsxValue[]) => {
      if (++count > maxRows) {
        throw new InputError([
          problem("USAGE_BAD_OPTION", `--format xlsx: the ${sheet.name} sheet would have more than ${maxRows} rows, the most a sheet holds: expected --format csv for a table this long`, { field: "--format", value: "xlsx" }),
        ]);
      }
      const cells: (string | number | boolean | Date | null)[] = new Array(values.length);
      const own: [number, XlsxKind][] = [];
      for (let k = 0; k < values.length; k++) {
        const v = values[k]!;
        if (v !== null && typeof v === "object") {
          cells[k] = cellValue(v.value, v.kind);
          own.push([k, v.kind]);
        } else cells[k] = cellValue(v, sheet.columns[k]?.kind ?? "general");
      }
      const row = ws.addRow(cells);
      for (let k = 0; k < values.length; k++) {
        const style = styles[k];
        if (style !== undefined && cells[k] !== null) row.getCell(k + 1).style = style;
      }
      for (const [k, kind] of own) if (cells[k] !== null) row.getCell(k + 1).style = styleOf(kind);
      row.commit();
    };
    if (!first.done) {
      add(first.value);
      for await (const values of rows) {
        add(values);
        if (count % ROWS_PER_CHECK === 0) await keepUp(ws, failed);
      }
    }
    ws.autoFilter = `A1:${columnLetter(sheet.columns.length)}${count + 1}`;
    ws.commit();
    counts.push(count);
    await keepUp(ws, failed);
  }
  await workbook.commit();
  if (error !== undefined) throw error;
  fixZipTimes(fd);
  return counts;
}

/** A report's field table: CSV name, JSON name, getter (as in render-plan.ts). */
export type FieldTable<T> = readonly (readonly [string, string, (x: T) => XlsxScalar])[];

/** A sheet of a field table: one column per field (named and typed as in the CSV), one row per item, made as the sheet is written. */
export function fieldSheet<T>(name: string, fields: FieldTable<T>, items: Iterable<T>, kinds: Readonly<Record<string, XlsxKind>> = {}): XlsxSheet {
  return {
    name,
    columns: columnsNamed(
      fields.map(([csv]) => csv),
      kinds,
    ),
    rows: (function* () {
      for (const item of items) yield fields.map(([, , get]) => get(item));
    })(),
  };
}

/** One line of a summary sheet (`item`, `value`, `note`): the value in its own kind. */
export type SummaryLine = readonly [item: string, value: XlsxScalar, kind?: XlsxKind, note?: string];

/** A summary sheet: `item`, `value` (each in its own format), `note`. */
export function summarySheet(name: string, lines: readonly SummaryLine[]): XlsxSheet {
  return {
    name,
    columns: [
      { header: "item", kind: "text" },
      { header: "value", kind: "general" },
      { header: "note", kind: "text" },
    ],
    rows: lines.map(([item, value, kind, note]) => [item, { value, kind: kind ?? (typeof value === "number" ? "general" : "text") }, note ?? null]),
  };
}

/** A sheet of a table given as column names (the CSV's) and rows of values. */
export function rowsSheet(name: string, names: readonly string[], rows: Iterable<readonly XlsxScalar[]>, kinds: Readonly<Record<string, XlsxKind>> = {}): XlsxSheet {
  return { name, columns: columnsNamed(names, kinds), rows };
}
