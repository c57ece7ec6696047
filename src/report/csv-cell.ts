import { csvNumber } from "./number-format.js";
import { reportSettings } from "./settings.js";

/** A cell of a CSV or JSON report: text, number, boolean or nothing. */
export type Cell = string | number | boolean | null;

/**
 * How a CSV report is written: the one place that knows the delimiter, the
 * decimal mark, the byte order mark and the line ending of a run.
 *
 * - `en` (the default): `,` between cells, decimal point, no BOM, LF — the
 *   bytes every earlier version wrote.
 * - `fr`: what French Excel opens in columns on a double click: `;` between
 *   cells (the list separator of the French regional settings), decimal
 *   comma (`3,5`), a UTF-8 BOM (without it Excel reads the bytes in the
 *   Windows code page and "é" comes out as "Ã©"), CRLF at the end of each
 *   record (RFC 4180's and Excel's own line ending: a line break inside a
 *   quoted cell stays a break in the cell), and date-times written
 *   `2026-11-23 08:30` (a space, not ISO's `T`: Excel reads year-month-day
 *   dates in every locale but takes `2026-11-23T08:30` for text).
 *
 * Headers are the same snake_case names in both: they are keys for
 * programs, not labels.
 */
export interface CsvStyle {
  /** Between cells. */
  readonly delimiter: "," | ";";
  /** Numbers with a decimal comma (`3,5`) rather than a point. */
  readonly decimalComma: boolean;
  /** Written once, at the start of the document: "" or the UTF-8 byte order mark. */
  readonly bom: "" | "\uFEFF";
  /** Ends every record, the last one too. */
  readonly newline: "\n" | "\r\n";
  /** Between the date and the time of a date-time cell: ISO's `T`, or a space for Excel. */
  readonly dateTimeSeparator: "T" | " ";
}

/** The English style: `,`, decimal point, no BOM, LF. */
export const CSV_STYLE_EN: CsvStyle = Object.freeze({ delimiter: ",", decimalComma: false, bom: "", newline: "\n", dateTimeSeparator: "T" });

/** The French style: `;`, decimal comma, UTF-8 BOM, CRLF. */
export const CSV_STYLE_FR: CsvStyle = Object.freeze({ delimiter: ";", decimalComma: true, bom: "\uFEFF", newline: "\r\n", dateTimeSeparator: " " });

/** The style of the current run, from `--locale`/`CCPLAN_LOCALE` (see {@link reportSettings}). */
export function csvStyle(): CsvStyle {
  return reportSettings().locale === "fr" ? CSV_STYLE_FR : CSV_STYLE_EN;
}

/** `2026-11-23T08:30`: a date-time as the reports write it. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Text that must be quoted: a quote, a line break or the delimiter in it. */
const QUOTED_COMMA = /[",\n\r]/;
const QUOTED_SEMICOLON = /[";\n\r]/;

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * One CSV cell: numbers to at most 6 decimals, booleans as `true`/`false`,
 * nothing as empty, text quoted when it holds a quote, a line break or the
 * style's delimiter. In the French style numbers take a decimal comma and
 * date-times a space for the `T`.
 * @example csvCell(3.5) // "3.5"; csvCell(3.5, CSV_STYLE_FR) // "3,5"
 */
export function csvCell(v: Cell, style: CsvStyle = csvStyle()): string {
  if (v === null) return "";
  if (typeof v === "number") return style.decimalComma ? csvNumber(v).replace(".", ",") : csvNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  const text = style.dateTimeSeparator === "T" || v.length !== 16 || !DATE_TIME.test(v) ? v : v.slice(0, 10) + style.dateTimeSeparator + v.slice(11);
  return (style.delimiter === "," ? QUOTED_COMMA : QUOTED_SEMICOLON).test(text) ? quote(text) : text;
}

/** One record, its cells joined by the style's delimiter (no line ending). */
export function csvLine(cells: readonly Cell[], style: CsvStyle = csvStyle()): string {
  let line = "";
  for (let k = 0; k < cells.length; k++) line += (k === 0 ? "" : style.delimiter) + csvCell(cells[k]!, style);
  return line;
}

/** The header record (names as they are: snake_case keys, never quoted) with its line ending, after the BOM: how every CSV document starts. */
export function csvStart(names: readonly string[], style: CsvStyle = csvStyle()): string {
  return style.bom + names.join(style.delimiter) + style.newline;
}

/** Records already made by {@link csvLine}, each with the style's line ending. */
export function csvRecords(lines: readonly string[], style: CsvStyle = csvStyle()): string {
  return lines.length === 0 ? "" : lines.join(style.newline) + style.newline;
}

/** A whole CSV document: BOM (French style), header, one record per row. */
export function csvDocument(names: readonly string[], rows: readonly (readonly Cell[])[], style: CsvStyle = csvStyle()): string {
  return csvStart(names, style) + csvRecords(rows.map((r) => csvLine(r, style)), style);
}
