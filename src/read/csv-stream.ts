import { isUtf8 } from "node:buffer";
import { parse, type Options } from "csv-parse/sync";
import { detectDelimiter, MAX_LINE_CHARS } from "./csv-read.js";
import { InputError, problem } from "./diagnostics.js";

/** What a streamed CSV file says of itself once its header is read. */
export interface CsvHeaderInfo {
  file: string;
  header: string[];
  delimiter: string;
  decimalComma: boolean;
  encoding: "utf-8" | "windows-1252";
}

/** Called for each data row: its cells and the line it starts on. */
export type CsvRowHandler = (cells: string[], line: number) => void;

/**
 * Read CSV chunks as a stream, in constant memory whatever the file's size:
 * the same rules as {@link readCsv} (delimiter from the header line, UTF-8
 * with or without BOM or Windows-1252 decided on the first chunk, CRLF or LF,
 * decimal comma with `;`), blank lines skipped, each row handed over with the
 * line it starts on. `onHeader` sees the header and returns the row handler.
 *
 * @throws InputError with CSV_EMPTY, CSV_BINARY, CSV_LINE_TOO_LONG or CSV_SYNTAX
 */
export async function streamCsv(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  file: string,
  options: { delimiter?: string },
  onHeader: (info: CsvHeaderInfo) => CsvRowHandler,
): Promise<void> {
  // The bytes are cut into batches of whole records (at a newline outside
  // quotes) and each batch goes to csv-parse's synchronous parser: UTF-8 bytes
  // as they are (it decodes each field once), Windows-1252 re-encoded first.
  // No stream machinery per record: this is the hot path of `plan`.
  let toUtf8: ((bytes: Uint8Array) => Uint8Array) | undefined;
  let encoding: CsvHeaderInfo["encoding"] = "utf-8";
  let carry: Uint8Array[] = []; // bytes after the last record boundary
  let carryBytes = 0;
  let inQuotes = false; // quote parity at the end of the carry
  let parseOptions: Options | undefined;
  let onRow: CsvRowHandler | undefined;
  let records = 0;
  let extraLines = 0; // newlines inside quoted fields so far
  let quotesSeen = false;
  let line = 1; // byte-level line counter, for the long-line check
  let lineBytes = 0;
  let sawBytes = false;
  let detectedDelimiter = ",";

  const handle = (record: string[]) => {
    const start = 1 + records + extraLines;
    records++;
    if (quotesSeen) for (const field of record) extraLines += countNewlines(field);
    if (onRow === undefined) {
      if (isBlank(record)) return; // blank lines before the header
      const header = record.map((h) => h.trim());
      const delimiter = options.delimiter ?? detectedDelimiter;
      onRow = onHeader({ file, header, delimiter, decimalComma: delimiter === ";", encoding });
      return;
    }
    if (isBlank(record)) return;
    onRow(record, start);
  };
  const parseBatch = (bytes: Buffer) => {
    if (parseOptions === undefined) {
      const firstLine = bytes.subarray(0, bytes.indexOf(10) === -1 ? bytes.length : bytes.indexOf(10)).toString("utf8").replace(/^\uFEFF/, "");
      detectedDelimiter = detectDelimiter(firstLine);
      parseOptions = { delimiter: options.delimiter ?? detectedDelimiter, bom: true, relax_column_count: true, skip_empty_lines: false, trim: false };
    }
    const fast = splitUnquoted(bytes, parseOptions.delimiter as string, records === 0);
    if (fast !== undefined) {
      for (const record of fast) handle(record);
      return;
    }
    let batch: string[][];
    try {
      batch = parse(bytes, parseOptions) as string[][];
    } catch (error) {
      throw new InputError([syntaxProblem(error, file, 1 + records + extraLines - 1)]);
    }
    for (const record of batch) handle(record);
  };
  const take = (bytes: Uint8Array) => {
    // The last newline outside quotes ends the batch; quotes toggle the
    // parity ("" inside a quoted field toggles it twice).
    let cut = -1;
    if (!quotesSeen) {
      cut = bytes.lastIndexOf(10);
    } else {
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i]!;
        if (b === 34) inQuotes = !inQuotes;
        else if (b === 10 && !inQuotes) cut = i;
      }
    }
    if (cut === -1 && carryBytes + bytes.length <= MAX_CARRY_BYTES) {
      carry.push(bytes);
      carryBytes += bytes.length;
      return;
    }
    if (cut === -1) cut = bytes.length - 1; // an unclosed quote: let csv-parse say so
    const batch = Buffer.concat([...carry, bytes.subarray(0, cut + 1)]);
    const rest = bytes.subarray(cut + 1);
    carry = rest.length > 0 ? [rest] : [];
    carryBytes = rest.length;
    if (quotesSeen) {
      inQuotes = false;
      for (const b of rest) if (b === 34) inQuotes = !inQuotes;
    }
    parseBatch(batch);
  };

  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    if (!sawBytes) {
      sawBytes = true;
      const head = chunk.subarray(0, 8192);
      if (head.includes(0)) throw new InputError([problem("CSV_BINARY", "the file is not text (it holds NUL bytes): expected a CSV export", { file })]);
      const bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      encoding = bom || isUtf8(trimIncompleteUtf8(chunk)) ? "utf-8" : "windows-1252";
      if (encoding === "windows-1252") {
        // Node's TextDecoder("windows-1252") is Latin-1 (0x80 is not €): iconv-lite, loaded only for such files.
        const iconv = (await import("iconv-lite")).default;
        toUtf8 = (bytes) => Buffer.from(iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "win1252"), "utf8");
      }
    }
    // Long lines are refused on the bytes, before any parsing.
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(10, from);
      const end = nl === -1 ? chunk.length : nl;
      lineBytes += end - from;
      if (lineBytes > MAX_LINE_CHARS) {
        throw new InputError([
          problem("CSV_LINE_TOO_LONG", `line ${line} is longer than ${MAX_LINE_CHARS} bytes: expected CSV rows`, { file, line }),
        ]);
      }
      if (nl === -1) break;
      line++;
      lineBytes = 0;
      from = nl + 1;
    }
    if (!quotesSeen && chunk.includes(34)) {
      quotesSeen = true;
      inQuotes = false;
      for (const part of carry) for (const b of part) if (b === 34) inQuotes = !inQuotes;
    }
    take(toUtf8 === undefined ? chunk : toUtf8(chunk));
  }
  const rest = Buffer.concat(carry);
  carry = [];
  if (!sawBytes || (parseOptions === undefined && rest.toString("utf8").replace(/^\uFEFF/, "").trim() === "")) {
    throw new InputError([problem("CSV_EMPTY", "the file is empty: expected a header line and data rows", { file, line: 1 })]);
  }
  if (rest.length > 0) parseBatch(rest);
  if (onRow === undefined) throw new InputError([problem("CSV_EMPTY", "the file holds only blank lines: expected a header line and data rows", { file, line: 1 })]);
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
  if (bytes.includes(34)) return undefined;
  let text = bytes.toString("utf8");
  if (fileStart && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return [];
  // One line ending throughout, as csv-parse detects it from the first one.
  const firstNewline = text.indexOf("\n");
  const crlf = firstNewline > 0 && text.charCodeAt(firstNewline - 1) === 13;
  const lines = text.split(crlf ? "\r\n" : "\n");
  if (lines[lines.length - 1] === "") lines.pop(); // after the final newline
  const out: string[][] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes("\r") || (crlf && line.includes("\n"))) return undefined;
    out[i] = line.split(delimiter);
  }
  return out;
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

/** The chunk without a UTF-8 sequence cut at its end (so that validity is judged fairly). */
function trimIncompleteUtf8(chunk: Uint8Array): Uint8Array {
  let end = chunk.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = chunk[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (need > back) end -= back;
    break;
  }
  return chunk.subarray(0, end);
}

/** A csv-parse error as a diagnostic; `linesBefore` = lines of the file before the batch it came from. */
function syntaxProblem(error: unknown, file: string, linesBefore: number) {
  const e = error as { message?: string; lines?: number };
  const line = e.lines === undefined ? undefined : e.lines + linesBefore;
  const detail = (e.message ?? String(error)).replace(/^Invalid [^:]*: /, "").replace(/ on line \d+/, line === undefined ? "" : ` on line ${line}`);
  return problem("CSV_SYNTAX", `CSV syntax: ${detail}`, { file, ...(line !== undefined ? { line } : {}) });
}
