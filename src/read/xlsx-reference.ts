/**
 * Places in a workbook written as Excel writes them, so that a planner can
 * paste them into the Name Box: `Prévisions!B14`, `'Semaine 48'!C7`, a
 * whole row `Prévisions!14:14`.
 */

/**
 * Excel's letters for a 1-based column number.
 *
 * @example columnLetters(1) // "A"
 * @example columnLetters(28) // "AB"
 */
export function columnLetters(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * A sheet name as a reference writes it: bare when it is letters, digits,
 * `_` and `.` not starting with a digit, else in single quotes with a quote
 * doubled (`'Semaine 48'`, `'Prévisions (v2)'`).
 */
export function sheetReference(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * A cell's reference within its sheet (`B14`), or a whole row's when there
 * is no column (`14:14`).
 *
 * @example cellReference(14, 2) // "B14"
 * @example cellReference(14, undefined) // "14:14"
 */
export function cellReference(row: number, column: number | undefined): string {
  return column === undefined ? `${row}:${row}` : `${columnLetters(column)}${row}`;
}

/**
 * The reference of a place of a sheet: a cell (`Prévisions!B14`), a whole
 * row when there is no column (`Prévisions!14:14`), or the sheet alone.
 */
export function sheetPlace(sheet: string, row: number | undefined, column: number | undefined): string {
  const name = sheetReference(sheet);
  return row === undefined ? name : `${name}!${cellReference(row, column)}`;
}

/** A rectangle of cells: rows and columns 1-based, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A range as a sheet's XML writes it (`C2:C3`, `$A$1:$B$2`; a single cell
 * `B4`), or undefined for anything else.
 *
 * @example cellRange("C2:D3") // { top: 2, left: 3, bottom: 3, right: 4 }
 */
export function cellRange(ref: string): CellRange | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (m === null) return undefined;
  const a = { row: Number(m[2]), column: columnNumber(m[1]!) };
  const b = m[3] === undefined ? a : { row: Number(m[4]), column: columnNumber(m[3]) };
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}

/** A range's reference (`C2:C3`). */
export function rangeReference(range: CellRange): string {
  return `${cellReference(range.top, range.left)}:${cellReference(range.bottom, range.right)}`;
}

/** The column number of Excel's letters (`A` 1, `AB` 28), case ignored. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}
