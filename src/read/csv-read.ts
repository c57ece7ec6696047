import { parse } from "csv-parse/sync";
import { InputError, problem, shown, type Diagnostic } from "./diagnostics.js";
import { normalizeHeader } from "./names.js";
import { decodeText, looksBinary } from "./text-decode.js";

export { normalizeHeader };

/** Longest line accepted, in bytes (a 1 GB line is refused, not parsed). */
export const MAX_LINE_CHARS = 1 << 20;
/** Largest file read whole (JavaScript strings stop at about 512 MiB). */
export const MAX_TEXT_BYTES = 400 * (1 << 20);

/** A CSV file as rows of text cells, with where each row came from. */
export interface CsvTable {
  file: string;
  /** Header names as written. */
  header: string[];
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
 * Read CSV bytes as exported by spreadsheets: delimiter `,` `;` or tab
 * detected from the header line, UTF-8 (BOM or not) or Windows-1252, CRLF or
 * LF, blank lines skipped, decimal comma when the delimiter is `;`.
 *
 * @throws InputError with CSV_* diagnostics (empty, binary, syntax, too-long line)
 */
export function readCsv(bytes: Uint8Array, file: string, options: CsvReadOptions = {}): CsvTable {
  if (bytes.length === 0) throw new InputError([problem("CSV_EMPTY", "the file is empty: expected a header line and data rows", { file, line: 1 })]);
  if (looksBinary(bytes)) {
    throw new InputError([problem("CSV_BINARY", "the file is not text (it holds NUL bytes): expected a CSV export", { file })]);
  }
  // Checked on the bytes, before any decoding: a 1 GB line is refused at once.
  const long = findLongLine(bytes);
  if (long !== undefined) {
    throw new InputError([
      problem("CSV_LINE_TOO_LONG", `line ${long} is longer than ${MAX_LINE_CHARS} bytes: expected CSV rows`, { file, line: long }),
    ]);
  }
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new InputError([
      problem("CSV_TOO_LARGE", `the file has ${bytes.length} bytes: expected at most ${MAX_TEXT_BYTES} (split it)`, { file }),
    ]);
  }
  const { text } = decodeText(bytes);
  const firstLine = text.slice(0, firstLineEnd(text));
  if (firstLine.trim() === "") {
    throw new InputError([problem("CSV_EMPTY", "the first line is empty: expected a header line", { file, line: 1 })]);
  }
  const delimiter = options.delimiter ?? detectDelimiter(firstLine);
  let records: { record: string[]; line: number }[];
  try {
    records = parseRecords(text, delimiter);
  } catch (error) {
    throw new InputError([csvSyntax(error, file)]);
  }
  const head = records[0];
  if (head === undefined) throw new InputError([problem("CSV_EMPTY", "the file has no lines: expected a header line", { file, line: 1 })]);
  const rows = [];
  for (let i = 1; i < records.length; i++) {
    const r = records[i]!;
    if (r.record.every((cell) => cell.trim() === "")) continue;
    rows.push({ line: r.line, cells: r.record });
  }
  return { file, header: head.record.map((h) => h.trim()), rows, delimiter, decimalComma: delimiter === ";" };
}

/**
 * Records with the line each starts on. Without any quote character a record
 * is exactly one line, so line numbers come from the record's position and
 * csv-parse's (costly) `info` is not needed; with quotes, a record may span
 * lines: it starts on the line after the previous record's last line.
 * Blank lines stay as records here (skipped by the caller) so that this holds.
 */
function parseRecords(text: string, delimiter: string): { record: string[]; line: number }[] {
  const common = { delimiter, bom: true, relax_column_count: true, trim: false, skip_empty_lines: false } as const;
  if (!text.includes('"')) {
    const records = parse(text, common) as string[][];
    return records.map((record, i) => ({ record, line: i + 1 }));
  }
  const records = parse(text, { ...common, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  let previousEnd = 0;
  return records.map((r) => {
    const line = previousEnd + 1;
    previousEnd = r.info.lines;
    return { record: r.record, line };
  });
}

/** The delimiter that splits the header line most: `;`, tab or `,`. */
export function detectDelimiter(headerLine: string): string {
  const count = (c: string) => headerLine.split(c).length - 1;
  const candidates: [string, number][] = [
    [",", count(",")],
    [";", count(";")],
    ["\t", count("\t")],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ",";
}

function firstLineEnd(text: string): number {
  const nl = text.indexOf("\n");
  return nl === -1 ? text.length : nl;
}

function findLongLine(bytes: Uint8Array): number | undefined {
  if (bytes.length <= MAX_LINE_CHARS) return undefined;
  let start = 0;
  let line = 1;
  while (start < bytes.length) {
    const nl = bytes.indexOf(10, start);
    const end = nl === -1 ? bytes.length : nl;
    if (end - start > MAX_LINE_CHARS) return line;
    start = end + 1;
    line++;
  }
  return undefined;
}

function csvSyntax(error: unknown, file: string): Diagnostic {
  const e = error as { message?: string; lines?: number; code?: string };
  const detail = (e.message ?? String(error)).replace(/^Invalid [^:]*: /, "");
  return problem("CSV_SYNTAX", `CSV syntax: ${detail}`, { file, ...(e.lines !== undefined ? { line: e.lines } : {}) });
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
    const where = { file: table.file, line: 1, column: i + 1, field: raw, value: raw };
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
        problem("CSV_MISSING_COLUMN", `missing column ${k}: expected a header with ${required.join(", ")}`, {
          file: table.file,
          line: 1,
          field: k,
        }),
      );
    }
  }
  return { index, diagnostics };
}
