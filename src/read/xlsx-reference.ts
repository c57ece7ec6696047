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
 * The reference of a place of a sheet: a cell (`Prévisions!B14`), a whole
 * row when there is no column (`Prévisions!14:14`), or the sheet alone.
 */
export function sheetPlace(sheet: string, row: number | undefined, column: number | undefined): string {
  const name = sheetReference(sheet);
  if (row === undefined) return name;
  return column === undefined ? `${name}!${row}:${row}` : `${name}!${columnLetters(column)}${row}`;
}
