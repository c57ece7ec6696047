import { numberFormatClass, type NumberFormat } from "./xlsx-format.js";

/**
 * Cells of a worksheet as Excel stores them, and the text each one stands
 * for in a column of a given kind, so that the CSV readers' rules (aliases,
 * French headers, date orders, durations, plausibility) apply unchanged.
 */

/** A number with the class of its format (a plain `number` is a General one). */
export interface FormattedNumber {
  number: number;
  format: NumberFormat;
}

/**
 * One cell: empty (undefined), text (rich text joined), a boolean, a number
 * (plain or formatted: dates and durations are numbers in Excel), an Excel
 * error (`#N/A`, `#DIV/0!`…; "" when only its being an error is known, as
 * for a formula's error result), or a formula saved without its result.
 */
export type CellValue = undefined | string | boolean | number | FormattedNumber | { error: string } | { formula: string };

/** What a column holds, for the cells whose meaning depends on it. */
export type ColumnKind = "datetime" | "date" | "time" | "plain";

/** Normalized header names (see normalizeHeader) of the columns that are not plain. */
export interface ColumnKinds {
  datetime?: readonly string[];
  date?: readonly string[];
  time?: readonly string[];
}

/** Days from Excel's day 0 (1899-12-30 in the 1900 system) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;
/** Days from 1899-12-30 to 1904-01-01 (Mac workbooks count from there). */
const DAYS_1904 = 1_462;
/** Serial of 10000-01-01: Excel's last date is 9999-12-31. */
const LAST_SERIAL = 2_958_466;

/**
 * A value as exceljs's streaming reader gives it (`cell.value`, with the
 * cell's format code `numFmt`) to a {@link CellValue}: a `Date` (exceljs
 * turns date-formatted numbers into UTC dates) back to the serial stored;
 * a formula to its cached result (or `{ formula }` when there is none;
 * `{ error }` when the result is an error); rich text and hyperlinks to
 * their text.
 */
export function cellValueOf(value: unknown, numFmt: string | undefined, date1904: boolean): CellValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return numberCell(value, numFmt);
  if (value instanceof Date) {
    const serial = value.getTime() / 86_400_000 + EXCEL_EPOCH_DAYS - (date1904 ? DAYS_1904 : 0);
    const format = numberFormatClass(numFmt);
    // exceljs saw a date format where the class says otherwise (a rare code): a date-time is what it meant
    return { number: serial, format: format === "general" || format === "percent" ? "datetime" : format };
  }
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("formula" in v || "sharedFormula" in v) {
      const result = v.result;
      if (result === undefined || result === null) return { formula: String(v.formula ?? v.sharedFormula ?? "") };
      if (typeof result === "number" && Number.isNaN(result)) return { error: "" }; // an error result: exceljs's reader keeps NaN, not the error's text
      if (typeof result === "object" && result !== null && "error" in result) return { error: String((result as { error: unknown }).error) };
      return cellValueOf(result, numFmt, date1904);
    }
    if ("error" in v) return { error: String(v.error) };
    if (Array.isArray(v.richText)) return joinText((v.richText as { text?: unknown }[]).map((r) => (typeof r.text === "string" ? r.text : "")).join(""));
    if ("text" in v) return cellValueOf(v.text, numFmt, date1904);
  }
  return String(value);
}

function joinText(text: string): CellValue {
  return text === "" ? undefined : text;
}

function numberCell(value: number, numFmt: string | undefined): CellValue {
  const format = numberFormatClass(numFmt);
  return format === "general" ? value : { number: value, format };
}

/** True for an Excel error or a formula without its result: cells that stand for no value. */
export function isFault(cell: CellValue): cell is { error: string } | { formula: string } {
  return typeof cell === "object" && ("error" in cell || "formula" in cell);
}

/** True for an empty cell, or text of blanks only. */
export function isBlankCell(cell: CellValue): boolean {
  return cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/**
 * The text a cell stands for in a column of `kind` (faults excluded: see
 * {@link isFault}):
 * - text as it is; `TRUE`/`FALSE`;
 * - a General number as its shortest exact decimal (`12.5`, `0.1`), except
 *   in a date-time or date column, where it is a serial date, and in a time
 *   column, where a fraction of a day below 1 is a time of day;
 * - a percentage ×100 with `%` (`0.8` → `80%`);
 * - a date or date-time as wall-clock text `yyyy-mm-dd hh:mm` read from the
 *   serial itself, with no time-zone shift; rounded to the second, so that
 *   the float noise of serials (`45984.354166666664`) falls on its minute,
 *   and the seconds written only when they are not 0 (the reader then says a
 *   start must fall on a minute);
 * - a time of day `hh:mm` in a time column; elsewhere a time or elapsed cell
 *   is a duration `h:mm:ss`, rounded to the second (`0.003125` → `0:04:30`,
 *   270 s), hours past 24 kept.
 *
 * In a date-time column, a date cell gives its midnight; a time cell with a
 * date part gives the whole date-time (the format hides the date, the cell
 * has it), one without gives the time alone (and the reader asks for a
 * date). In a date column a date-time format shows, and gives, the time too.
 */
export function cellText(cell: CellValue, kind: ColumnKind, date1904: boolean): string {
  if (cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (isFault(cell)) return "";
  const n = typeof cell === "number" ? cell : cell.number;
  const format: NumberFormat = typeof cell === "number" ? "general" : cell.format;
  switch (format) {
    case "general":
      if (kind === "datetime") return dateText(n, date1904, "auto");
      if (kind === "date") return dateText(n, date1904, "auto");
      if (kind === "time" && n >= 0 && n < 1) return clockText(n, false);
      return numberText(n);
    case "percent":
      return `${numberText(Number((n * 100).toPrecision(15)))}%`;
    case "date":
      return kind === "time" ? dateText(n, date1904, "date") : dateText(n, date1904, kind === "datetime" ? "datetime" : "date");
    case "datetime":
      if (kind === "time" && n >= 0 && n < 1) return clockText(n, false);
      return dateText(n, date1904, "datetime");
    case "time":
    case "elapsed":
      if (kind === "datetime" || kind === "date") return n >= 1 ? dateText(n, date1904, "datetime") : clockText(n, false);
      if (kind === "time") return clockText(format === "time" ? n - Math.floor(n) : n, format === "elapsed");
      return durationText(n);
  }
}

/** The shortest decimal that reads back as `n` (`-0` as `0`). */
function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

/**
 * A serial as `yyyy-mm-dd` (`date`), `yyyy-mm-dd hh:mm[:ss]` (`datetime`),
 * or the latter only when the time is not midnight (`auto`). A serial
 * outside Excel's dates (below 1, from 10000-01-01 on) stays a number, which
 * the reader refuses as a date.
 */
function dateText(serial: number, date1904: boolean, shape: "date" | "datetime" | "auto"): string {
  if (!(serial >= 1 && serial < LAST_SERIAL)) return numberText(serial);
  const seconds = Math.round(serial * 86_400);
  const day = Math.floor(seconds / 86_400);
  const secondOfDay = seconds - day * 86_400;
  const d = new Date((day - EXCEL_EPOCH_DAYS + (date1904 ? DAYS_1904 : 0)) * 86_400_000);
  const date = `${String(d.getUTCFullYear()).padStart(4, "0")}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (shape === "date" || (shape === "auto" && secondOfDay === 0)) return date;
  return `${date} ${clockOf(secondOfDay)}`;
}

/** A fraction of a day as `hh:mm` (`hh:mm:ss` when the seconds are not 0); hours past 24 kept when `elapsed`, else taken modulo 24. */
function clockText(days: number, elapsed: boolean): string {
  if (days < 0) return numberText(days);
  let seconds = Math.round(days * 86_400);
  if (!elapsed) seconds %= 86_400;
  return clockOf(seconds);
}

function clockOf(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return s === 0 ? `${pad(h)}:${pad(m)}` : `${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** A duration in days as `h:mm:ss`, rounded to the second (`0.003125` → `0:04:30`); a negative one as its number. */
export function durationText(days: number): string {
  if (!(days >= 0)) return numberText(days);
  const seconds = Math.round(days * 86_400);
  return `${Math.floor(seconds / 3600)}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
