import { wrongKindProblem } from "./csv-kind.js";
import { CsvRecordReader, MAX_LINE_CHARS } from "./csv-stream.js";
import { InputError, problem, shown, type Diagnostic } from "./diagnostics.js";
import { normalizeHeader } from "./names.js";

export { normalizeHeader, MAX_LINE_CHARS };
export { detectDelimiter } from "./csv-delimiter.js";

/** Largest file read whole (JavaScript strings stop at about 512 MiB). */
export const MAX_TEXT_BYTES = 400 * (1 << 20);

/** A CSV file as rows of text cells, with where each row came from. */
export interface CsvTable {
  file: string;
  /** Header names as written. */
  header: string[];
  /** The header's line (1 unless blank lines come first; absent means 1). */
  headerLine?: number;
  /** Data rows: 1-based line number of the row's first line, and its cells. */
  rows: { line: number; cells: string[] }[];
  delimiter: string;
  /** True when numbers use a decimal comma (`;`-delimited files). */
  decimalComma: boolean;
}

/** Options of {@link readCsv}. */
export interface CsvReadOptions {
  /** Force the delimiter instead of detecting it from the header line. */
  delimiter?: string;
}

/**
 * Read CSV bytes as exported by spreadsheets, with exactly the rules of the
 * streamed reader ({@link CsvRecordReader}): delimiter `,` `;` or tab
 * detected from the header line, UTF-8 (BOM or not), Windows-1252 or UTF-16,
 * CRLF or LF, blank lines skipped, decimal comma when the delimiter is `;`,
 * each row with the file line it starts on. A header without rows gives no
 * rows (the caller decides whether that is an error).
 *
 * @throws InputError with CSV_* diagnostics (empty, binary, encoding, syntax, too-long line, too large, a scenario file)
 */
export function readCsv(bytes: Uint8Array, file: string, options: CsvReadOptions = {}): CsvTable {
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new InputError([
      problem("CSV_TOO_LARGE", `the file has ${bytes.length} bytes: expected at most ${MAX_TEXT_BYTES} (split it)`, { file }),
    ]);
  }
  let table: CsvTable | undefined;
  const reader = new CsvRecordReader(file, { delimiter: options.delimiter, requireRows: false }, (info) => {
    const rows: CsvTable["rows"] = [];
    table = { file, header: info.header, headerLine: info.headerLine, rows, delimiter: info.delimiter, decimalComma: info.decimalComma };
    return (cells, line) => rows.push({ line, cells });
  });
  reader.push(bytes);
  reader.end();
  return table!;
}

/** Column positions by canonical name, with diagnostics for unknown, duplicate and missing columns. */
export interface ColumnMap<K extends string> {
  index: Partial<Record<K, number>>;
  diagnostics: Diagnostic[];
}

/**
 * Map header names to canonical columns through an alias table.
 *
 * @param aliases - canonical name → accepted normalized names (the canonical one included)
 * @param required - canonical names that must be present
 * @param rejectUnknown - unknown columns are errors (true) or ignored (false)
 * @throws InputError with CSV_WRONG_KIND when columns are missing and the
 *   header is plainly another of ccplan's files (see {@link wrongKindProblem})
 */
export function mapColumns<K extends string>(
  table: CsvTable,
  aliases: Record<K, readonly string[]>,
  required: readonly K[],
  rejectUnknown: boolean,
): ColumnMap<K> {
  const lookup = new Map<string, K>();
  for (const [canonical, names] of Object.entries(aliases) as [K, readonly string[]][]) {
    for (const n of names) lookup.set(n, canonical);
  }
  const index: Partial<Record<K, number>> = {};
  const diagnostics: Diagnostic[] = [];
  table.header.forEach((raw, i) => {
    const normalized = normalizeHeader(raw);
    if (normalized === "") return; // a nameless column (a trailing delimiter in spreadsheet exports) is ignored
    const key = lookup.get(normalized);
    const where = { file: table.file, line: table.headerLine ?? 1, column: i + 1, field: raw, value: raw };
    if (key === undefined) {
      if (rejectUnknown) {
        const known = Object.keys(aliases).join(", ");
        diagnostics.push(problem("CSV_UNKNOWN_COLUMN", `unknown column ${shown(raw)}: expected one of ${known}`, where));
      }
      return;
    }
    if (index[key] !== undefined) {
      diagnostics.push(
        problem("CSV_DUPLICATE_COLUMN", `column ${shown(raw)} repeats column ${index[key]! + 1} (${key}): expected each column once`, where),
      );
      return;
    }
    index[key] = i;
  });
  for (const k of required) {
    if (index[k] === undefined) {
      diagnostics.push(
        problem("CSV_MISSING_COLUMN", `missing column ${k}${alsoNamed(k, aliases[k])}: expected a header with ${required.join(", ")}`, {
          file: table.file,
          line: table.headerLine ?? 1,
          field: k,
        }),
      );
    }
  }
  if (diagnostics.length > 0) {
    // Not this kind of file at all (a roster given as a forecast…): one message that says so.
    const wrong = wrongKindProblem(table, Object.keys(aliases));
    if (wrong !== undefined) throw new InputError([wrong]);
  }
  return { index, diagnostics };
}

/**
 * The other names a column is accepted under, for a message: ` (or dmt,
 * handle_time, aht_s…)`, at most `max` of them; "" when it has none.
 */
export function alsoNamed(canonical: string, names: readonly string[], max = 6): string {
  const others = names.filter((n) => n !== canonical);
  if (others.length === 0) return "";
  return ` (or ${others.slice(0, max).join(", ")}${others.length > max ? "…" : ""})`;
}

/**
 * CSV_MISSING_COLUMN for a forecast or requirement header without a start:
 * neither `interval_start` nor a date and a time column, each with the
 * names it is accepted under.
 */
export function missingStartProblem(file: string, line: number | undefined, columns: Record<"interval_start" | "date" | "time", readonly string[]>): Diagnostic {
  const list = (names: readonly string[]) => names.slice(0, 4).join(", ") + (names.length > 4 ? "…" : "");
  return problem(
    "CSV_MISSING_COLUMN",
    `missing column interval_start${alsoNamed("interval_start", columns.interval_start)}: expected interval_start, or a date column (${list(columns.date)}) and a time column (${list(columns.time)})`,
    { file, line: line ?? 1, field: "interval_start" },
  );
}
