import { parse, type Options } from "csv-parse/sync";
import { detectDelimiter } from "./csv-delimiter.js";
import { InputError, problem, shown, type Diagnostic } from "./diagnostics.js";
import { StreamDecoder, type TextEncoding } from "./text-decode.js";

/** Longest line accepted, in bytes (a 1 GB line is refused, not parsed). */
export const MAX_LINE_CHARS = 1 << 20;

/** What a CSV file says of itself once its header is read. */
export interface CsvHeaderInfo {
  file: string;
  header: string[];
  delimiter: string;
  decimalComma: boolean;
  /** The encoding decided so far: a file that is ASCII up to its header says "utf-8" even if a Windows-1252 byte comes later. */
  encoding: TextEncoding;
  /** The header's line (1 unless blank lines come first). */
  headerLine: number;
  /** A workbook's sheet, whose rows the lines are (see streamTable in xlsx-table.ts); absent for a CSV file. */
  sheet?: string;
}

/**
 * Called for each data row: its cells and the line it starts on. It may
 * also read a row from its unsplit text (`unsplit`): a line of a batch
 * without quotes, `text` from `from` to `to` (line ending excluded, never
 * empty); true when it took the row as a data row, false to have it split
 * and handed over as usual (blank rows skipped), as if `unsplit` had not
 * been called — so it must decline a line of blanks and delimiters.
 */
export type CsvRowHandler = ((cells: string[], line: number) => void) & {
  unsplit?: ((text: string, from: number, to: number, line: number) => boolean) | undefined;
};

/** Options of {@link streamCsv} and {@link CsvRecordReader}. */
export interface CsvStreamOptions {
  /** Force the delimiter instead of detecting it from the header line. */
  delimiter?: string | undefined;
  /** A header without data rows is an error (CSV_NO_DATA); default true. */
  requireRows?: boolean | undefined;
}

/** What was read, once the whole file is. */
export interface CsvStreamResult {
  /** The encoding of the whole file. */
  encoding: TextEncoding;
  /** Data rows (blank lines not counted). */
  rows: number;
}

/**
 * Read CSV chunks as a stream, in constant memory whatever the file's size:
 * delimiter detected from the header line (or forced), UTF-8 with or without
 * BOM, Windows-1252 or UTF-16 decided on the whole file (see
 * {@link StreamDecoder}), CRLF or LF, decimal comma with `;`, blank lines
 * skipped, each row handed over with the file line it starts on (1-based,
 * the header's line included). `onHeader` sees the header and returns the
 * row handler.
 *
 * @throws InputError with CSV_EMPTY, CSV_BINARY, CSV_ENCODING, CSV_LINE_TOO_LONG,
 *   CSV_SYNTAX (line and column of the bad quote), CSV_WRONG_KIND (a scenario
 *   file) or CSV_NO_DATA (a header and no rows)
 */
export async function streamCsv(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  file: string,
  options: CsvStreamOptions,
  onHeader: (info: CsvHeaderInfo) => CsvRowHandler,
): Promise<CsvStreamResult> {
  const reader = new CsvRecordReader(file, options, onHeader);
  for await (const chunk of chunks) reader.push(chunk);
  return reader.end();
}

/**
 * The synchronous core of {@link streamCsv}, shared with `readCsv`: push
 * chunks, then `end()`. The bytes are decoded, then cut into batches of whole
 * records (at a newline outside quotes) and each batch goes to csv-parse's
 * synchronous parser, or to {@link splitUnquoted} when it holds no quote. No
 * stream machinery per record: this is the hot path of `plan`.
 */
export class CsvRecordReader {
  private readonly decoder: StreamDecoder;
  private carry: Uint8Array[] = []; // bytes after the last record boundary
  private carryBytes = 0;
  private inQuotes = false; // quote parity at the end of the carry
  private quotesSeen = false;
  private parseOptions: Options | undefined;
  private delimiter = ",";
  private onRow: CsvRowHandler | undefined;
  private records = 0; // records handed over or skipped so far, header and blank lines included
  private extraLines = 0; // newlines inside quoted fields so far
  private line = 1; // byte-level line counter of the decoded bytes, for the long-line check
  private lineBytes = 0;
  private sawBytes = false;
  private headerLine = 0;
  private dataRows = 0;
  private readonly requireRows: boolean;

  constructor(
    private readonly file: string,
    private readonly options: CsvStreamOptions,
    private readonly onHeader: (info: CsvHeaderInfo) => CsvRowHandler,
  ) {
    this.decoder = new StreamDecoder(file);
    this.decoder.delimiter = options.delimiter;
    this.requireRows = options.requireRows ?? true;
  }

  /** The next bytes of the file. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.sawBytes = true;
    const text = this.decoder.write(chunk, this.line);
    if (text.length > 0) this.consume(text);
  }

  /** The end of the file: the last record, and the checks on the whole file. */
  end(): CsvStreamResult {
    const text = this.decoder.end();
    if (text.length > 0) this.consume(text);
    const rest = Buffer.concat(this.carry);
    this.carry = [];
    const file = this.file;
    if (!this.sawBytes || (this.parseOptions === undefined && rest.toString("utf8").replace(/^\uFEFF/, "").trim() === "")) {
      throw new InputError([problem("CSV_EMPTY", "the file is empty: expected a header line and data rows", { file, line: 1 })]);
    }
    if (rest.length > 0) this.parseBatch(rest);
    if (this.onRow === undefined) throw new InputError([problem("CSV_EMPTY", "the file holds only blank lines: expected a header line and data rows", { file, line: 1 })]);
    if (this.requireRows && this.dataRows === 0) {
      throw new InputError([
        problem("CSV_NO_DATA", `no data rows: the header on line ${this.headerLine} is followed by nothing but blank lines, expected at least one row`, {
          file,
          line: this.headerLine,
        }),
      ]);
    }
    return { encoding: this.decoder.encoding, rows: this.dataRows };
  }

  private consume(decoded: Uint8Array): void {
    const chunk = Buffer.isBuffer(decoded) ? decoded : Buffer.from(decoded.buffer, decoded.byteOffset, decoded.byteLength);
    // Long lines are refused on the bytes, before any parsing.
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(10, from);
      const end = nl === -1 ? chunk.length : nl;
      this.lineBytes += end - from;
      if (this.lineBytes > MAX_LINE_CHARS) {
        throw new InputError([
          problem("CSV_LINE_TOO_LONG", `line ${this.line} is longer than ${MAX_LINE_CHARS} bytes: expected CSV rows`, { file: this.file, line: this.line }),
        ]);
      }
      if (nl === -1) break;
      this.line++;
      this.lineBytes = 0;
      from = nl + 1;
    }
    if (!this.quotesSeen && chunk.includes(34)) {
      this.quotesSeen = true;
      this.inQuotes = false;
      for (const part of this.carry) for (const b of part) if (b === 34) this.inQuotes = !this.inQuotes;
    }
    this.take(chunk);
  }

  private take(bytes: Buffer): void {
    // The last newline outside quotes ends the batch; quotes toggle the
    // parity ("" inside a quoted field toggles it twice).
    let cut = -1;
    if (!this.quotesSeen) {
      cut = bytes.lastIndexOf(10);
    } else {
      let inQuotes = this.inQuotes;
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i]!;
        if (b === 34) inQuotes = !inQuotes;
        else if (b === 10 && !inQuotes) cut = i;
      }
      this.inQuotes = inQuotes;
    }
    if (cut === -1 && this.carryBytes + bytes.length <= MAX_CARRY_BYTES) {
      this.carry.push(bytes);
      this.carryBytes += bytes.length;
      return;
    }
    if (cut === -1) cut = bytes.length - 1; // an unclosed quote: let csv-parse say so
    const carry = this.carry;
    const rest = bytes.subarray(cut + 1);
    this.carry = rest.length > 0 ? [rest] : [];
    this.carryBytes = rest.length;
    if (this.quotesSeen) {
      this.inQuotes = false;
      for (const b of rest) if (b === 34) this.inQuotes = !this.inQuotes;
    }
    const nl = this.quotesSeen || this.parseOptions === undefined ? -1 : bytes.indexOf(10);
    if (nl !== -1 && nl <= cut) {
      // The usual batch: the carry and the chunk's first line joined (a few bytes), the rest of the chunk as it is — no copy of the chunk.
      const head = carry.length === 0 ? bytes.subarray(0, nl + 1) : Buffer.concat([...carry, bytes.subarray(0, nl + 1)]);
      const body = bytes.subarray(nl + 1, cut + 1);
      if (!eachUnquotedLine([head, body], this.records === 0, this.handleLine)) this.parseBatch(Buffer.concat([head, body]));
      return;
    }
    this.parseBatch(carry.length === 0 ? bytes.subarray(0, cut + 1) : Buffer.concat([...carry, bytes.subarray(0, cut + 1)]));
  }

  private parseBatch(bytes: Buffer): void {
    if (this.parseOptions === undefined) {
      const first = firstTextLine(bytes);
      if (looksLikeScenario(bytes.subarray(0, 65_536).toString("utf8"), this.file)) {
        throw new InputError([
          problem("CSV_WRONG_KIND", "this looks like a scenario (YAML or JSON), not a CSV file: use it with --scenario, and give a CSV here", {
            file: this.file,
            line: first.line,
          }),
        ]);
      }
      this.delimiter = this.options.delimiter ?? detectDelimiter(first.text);
      this.decoder.delimiter = this.delimiter;
      this.parseOptions = { delimiter: this.delimiter, bom: true, relax_column_count: true, skip_empty_lines: false, trim: false };
    }
    // Record by record, so that a batch's cells die young (a batch of arrays
    // would outlive a scavenge and be promoted: a year's file would grow the heap).
    if (eachUnquotedLine([bytes], this.records === 0, this.handleLine)) return;
    let batch: string[][];
    try {
      batch = parse(bytes, this.parseOptions) as string[][];
    } catch (error) {
      throw new InputError([syntaxProblem(error, bytes, 1 + this.records + this.extraLines, this.delimiter, this.file)]);
    }
    for (const record of batch) this.handle(record);
  }

  /** A line of a batch without quotes: to the handler's `unsplit` when it has one, else (or when it declines) split. */
  private readonly handleLine = (text: string, from: number, to: number): void => {
    const unsplit = this.onRow?.unsplit;
    if (unsplit !== undefined && from < to && unsplit(text, from, to, 1 + this.records + this.extraLines)) {
      this.records++;
      this.dataRows++;
      return;
    }
    this.handle(text.slice(from, to).split(this.delimiter));
  };

  private handle(record: string[]): void {
    const start = 1 + this.records + this.extraLines;
    this.records++;
    if (this.quotesSeen) for (const field of record) this.extraLines += countNewlines(field);
    if (this.onRow === undefined) {
      if (isBlank(record)) return; // blank lines before the header
      const header = record.map((h) => h.trim());
      this.headerLine = start;
      this.onRow = this.onHeader({
        file: this.file,
        header,
        delimiter: this.delimiter,
        decimalComma: this.delimiter === ";",
        encoding: this.decoder.encoding,
        headerLine: start,
      });
      return;
    }
    if (isBlank(record)) return;
    this.dataRows++;
    this.onRow(record, start);
  }
}

/**
 * The first chunks of a stream, read until `enough(size, last)` holds
 * (`size` the bytes read so far, `last` the chunk just read) or the stream
 * ends, and the whole stream again: those chunks replayed, then the rest as
 * it comes. For telling a file's kind from its first bytes and still reading
 * it from its first byte.
 */
export async function peekChunks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  enough: (size: number, last: Uint8Array) => boolean,
): Promise<{ head: Uint8Array[]; rest: AsyncIterable<Uint8Array> }> {
  const iterator = (Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : (chunks as Iterable<Uint8Array>)[Symbol.iterator]()) as AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
  const head: Uint8Array[] = [];
  let size = 0;
  let done = false;
  for (;;) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
    if (enough(size, next.value)) break;
  }
  async function* replay(): AsyncIterable<Uint8Array> {
    yield* head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, rest: replay() };
}

/** A stream's chunks as one buffer. */
export async function collectChunks(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

/** Bytes held while looking for the end of a record (a quoted field spanning lines). */
const MAX_CARRY_BYTES = 16 * MAX_LINE_CHARS;

/**
 * The records of a batch holding no quote and no bare carriage return, split
 * on newlines and the delimiter — exactly what csv-parse gives for such bytes
 * (a property test holds them equal), five times faster. `undefined` when the
 * batch needs the real parser.
 */
export function splitUnquoted(bytes: Buffer, delimiter: string, fileStart: boolean): string[][] | undefined {
  const out: string[][] = [];
  return eachUnquoted(bytes, delimiter, fileStart, (record) => out.push(record)) ? out : undefined;
}

/**
 * {@link splitUnquoted} record by record: each record handed to `onRecord`
 * as it is split, nothing kept. False, before any record is handed over,
 * when the batch needs the real parser (a quote, or line endings other than
 * the first line's throughout).
 */
export function eachUnquoted(bytes: Buffer, delimiter: string, fileStart: boolean, onRecord: (record: string[]) => void): boolean {
  return eachUnquotedParts([bytes], delimiter, fileStart, onRecord);
}

/** Bytes decoded at once: lines are cut from strings of at most this size, which V8 makes in its young generation (a 1 MB string is a large object, on fresh pages each time). */
const DECODE_BYTES = 32_768;

/**
 * {@link eachUnquoted} on a batch given in parts (their concatenation; each
 * part but the last ends with a newline, or is empty): the same records,
 * without copying the parts into one buffer.
 */
export function eachUnquotedParts(parts: readonly Buffer[], delimiter: string, fileStart: boolean, onRecord: (record: string[]) => void): boolean {
  return eachUnquotedLine(parts, fileStart, (text, from, to) => onRecord(text.slice(from, to).split(delimiter)));
}

/** {@link eachUnquotedParts} line by line: each record's text is `text` from `from` to `to` (its line ending excluded). */
function eachUnquotedLine(parts: readonly Buffer[], fileStart: boolean, onLine: (text: string, from: number, to: number) => void): boolean {
  for (const p of parts) if (p.includes(34)) return false;
  const p0 = parts[0]!;
  const skip = fileStart && p0.length >= 3 && p0[0] === 0xef && p0[1] === 0xbb && p0[2] === 0xbf ? 3 : 0; // the BOM
  // One line ending throughout, as csv-parse detects it from the first one.
  let crlf = false;
  let before = -1; // the byte before the part looked at
  let offset = 0;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    const nl = p.indexOf(10, k === 0 ? skip : 0);
    if (nl !== -1) {
      crlf = offset + nl > skip && (nl > 0 ? p[nl - 1] : before) === 13;
      break;
    }
    if (p.length > 0) before = p[p.length - 1]!;
    offset += p.length;
  }
  if (crlf) {
    // every \n after a \r, and no other \r
    let newlines = 0;
    let returns = 0;
    before = -1;
    for (const p of parts) {
      for (let i = p.indexOf(10); i !== -1; i = p.indexOf(10, i + 1)) {
        if ((i > 0 ? p[i - 1] : before) !== 13) return false;
        newlines++;
      }
      for (let i = p.indexOf(13); i !== -1; i = p.indexOf(13, i + 1)) returns++;
      if (p.length > 0) before = p[p.length - 1]!;
    }
    if (returns !== newlines) return false;
  } else {
    for (const p of parts) if (p.includes(13)) return false;
  }
  const ending = crlf ? 2 : 1;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    let from = k === 0 ? skip : 0;
    while (from < p.length) {
      // a run of whole lines (the part's last may lack its newline)
      let end = p.length;
      if (end - from > DECODE_BYTES) {
        const nl = p.lastIndexOf(10, from + DECODE_BYTES);
        if (nl >= from) end = nl + 1;
        else {
          const next = p.indexOf(10, from + DECODE_BYTES);
          if (next !== -1) end = next + 1;
        }
      }
      const text = p.toString("utf8", from, end);
      let at = 0;
      for (;;) {
        const nl = text.indexOf("\n", at);
        if (nl === -1) {
          if (at < text.length) onLine(text, at, text.length); // no final newline
          break;
        }
        onLine(text, at, nl + 1 - ending);
        at = nl + 1;
      }
      from = end;
    }
  }
  return true;
}

function isBlank(record: readonly string[]): boolean {
  for (const cell of record) if (cell.length > 0 && cell.trim() !== "") return false;
  return true;
}

function countNewlines(field: string): number {
  let n = 0;
  for (let i = field.indexOf("\n"); i !== -1; i = field.indexOf("\n", i + 1)) n++;
  return n;
}

/** The first non-blank line of the file's first batch (BOM removed), and its line. */
function firstTextLine(bytes: Buffer): { text: string; line: number } {
  let from = 0;
  for (let line = 1; from < bytes.length; line++) {
    const nl = bytes.indexOf(10, from);
    const text = bytes.subarray(from, nl === -1 ? bytes.length : nl).toString("utf8").replace(/^\uFEFF/, "");
    if (text.trim() !== "") return { text, line };
    if (nl === -1) break;
    from = nl + 1;
  }
  return { text: "", line: 1 };
}

/**
 * A scenario given where a CSV is expected: a `.yaml`/`.yml`/`.json` name,
 * or a first line past `#` comments that only YAML or JSON starts with
 * (`{`, `---`, `%YAML`, `key: value`, `key:`). `head` is the file's start.
 */
export function looksLikeScenario(head: string, file: string): boolean {
  if (/\.(ya?ml|json)$/i.test(file)) return true;
  const lines = head.replace(/^\uFEFF/, "").split("\n", 50);
  const first = lines.map((l) => l.trim()).find((l) => l !== "" && !l.startsWith("#"));
  if (first === undefined) return lines.some((l) => l.trim() !== "") && lines.length < 50; // comments only
  return first === "---" || first.startsWith("%YAML") || first.startsWith("{") || /^[A-Za-z_][\w-]*:(\s|$)/.test(first);
}

/**
 * A csv-parse error as a diagnostic on the file's line and column.
 * csv-parse counts lines within the batch (and a CRLF inside a quoted field
 * as two), so the place is found again from `records` (records complete
 * before the bad one) and `column` (the bad field, 0-based): the bad record
 * starts on the line after them; an unclosed quote is where its field
 * starts, text after a closing quote where that quote is.
 */
function syntaxProblem(error: unknown, bytes: Buffer, batchLine: number, delimiter: string, file: string): Diagnostic {
  const e = error as { message?: string; code?: string; records?: number; column?: number };
  const detail = (e.message ?? String(error)).replace(/^Invalid [^:]*: /, "").replace(/ at line \d+/, "").replace(/ on line \d+/, "");
  if (typeof e.records !== "number") return problem("CSV_SYNTAX", `CSV syntax: ${detail}`, { file });
  const field = typeof e.column === "number" ? e.column : 0;
  const at = locate(bytes.toString("utf8"), e.records, field, delimiter, e.code === "CSV_INVALID_CLOSING_QUOTE");
  const column = field + 1;
  const where = { file, line: batchLine + at.line, column, value: at.value };
  switch (e.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return problem("CSV_SYNTAX", `CSV syntax: the quote that opens field ${column} is never closed: got ${shown(at.value)}, expected a closing " (a quote inside a quoted field is written "")`, where);
    case "INVALID_OPENING_QUOTE":
      return problem("CSV_SYNTAX", `CSV syntax: a quote inside unquoted field ${column}: got ${shown(at.value)}, expected the whole field in quotes with the quote doubled ("12"" screen")`, where);
    case "CSV_INVALID_CLOSING_QUOTE":
      return problem("CSV_SYNTAX", `CSV syntax: text after the closing quote of field ${column}: got ${shown(at.value)}, expected the delimiter or the end of the line after it`, where);
    default:
      return problem("CSV_SYNTAX", `CSV syntax: ${detail}`, where);
  }
}

/**
 * Where the bad field of a batch is: skip `records` records (newlines outside
 * quotes), then `field` fields of the next; the line is counted from the
 * batch's first (0), and with `closingQuote` it is the line of the quote that
 * closes the field. The value is the field's text on that line.
 */
function locate(text: string, records: number, field: number, delimiter: string, closingQuote: boolean): { line: number; value: string } {
  let i = 0;
  let line = 0;
  let quoted = false;
  for (let done = 0; done < records && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10) {
      line++;
      if (!quoted) done++;
    }
  }
  quoted = false;
  for (let f = 0; f < field && i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10) line++;
    else if (!quoted && text.startsWith(delimiter, i)) {
      f++;
      i += delimiter.length;
      continue;
    }
    i++;
  }
  const start = i;
  if (closingQuote && text.charCodeAt(i) === 34) {
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        if (text.charCodeAt(i + 1) !== 34) break;
        i++;
      } else if (c === 10) line++;
    }
  }
  // The field's text on the line of the problem (for a closing quote, that quote's line).
  const from = closingQuote ? Math.max(start, text.lastIndexOf("\n", i) + 1) : start;
  let end = text.indexOf("\n", from);
  if (end === -1) end = text.length;
  const value = text.slice(from, Math.min(end, from + 200)).replace(/\r$/, "");
  return { line, value: closingQuote ? value : cutAtDelimiter(value, delimiter) };
}

/** An unquoted field's text: up to its delimiter (a quoted one keeps the rest of the line, to show where it runs). */
function cutAtDelimiter(value: string, delimiter: string): string {
  if (value.startsWith('"')) return value;
  const d = value.indexOf(delimiter);
  return d === -1 ? value : value.slice(0, d);
}
