import { isUtf8 } from "node:buffer";
import { parse, type Parser } from "csv-parse";
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
  let decode: ((bytes: Uint8Array) => string) | undefined;
  let encoding: CsvHeaderInfo["encoding"] = "utf-8";
  let pending = "";
  let parser: Parser | undefined;
  let parseError: unknown;
  let onRow: CsvRowHandler | undefined;
  let records = 0;
  let extraLines = 0; // newlines inside quoted fields so far
  let quotesSeen = false;
  let line = 1; // byte-level line counter, for the long-line check
  let lineBytes = 0;
  let sawBytes = false;

  const handle = (record: string[]) => {
    const start = 1 + records + extraLines;
    records++;
    if (quotesSeen) for (const field of record) extraLines += countNewlines(field);
    if (onRow === undefined) {
      const header = record.map((h) => h.trim());
      const delimiter = options.delimiter ?? detectedDelimiter;
      onRow = onHeader({ file, header, delimiter, decimalComma: delimiter === ";", encoding });
      return;
    }
    if (record.length === 1 && record[0]!.trim() === "") return; // blank line
    if (record.every((c) => c.trim() === "")) return;
    onRow(record, start);
  };
  const drain = () => {
    let record: string[] | null;
    while ((record = parser!.read() as string[] | null) !== null) handle(record);
    if (parseError !== undefined) throw new InputError([syntaxProblem(parseError, file)]);
  };
  let detectedDelimiter = ",";
  const start = (text: string) => {
    detectedDelimiter = detectDelimiter(text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n")));
    parser = parse({
      delimiter: options.delimiter ?? detectedDelimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    });
    parser.on("error", (e) => {
      parseError = e;
    });
  };

  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    if (!sawBytes) {
      sawBytes = true;
      const head = chunk.subarray(0, 8192);
      if (head.includes(0)) throw new InputError([problem("CSV_BINARY", "the file is not text (it holds NUL bytes): expected a CSV export", { file })]);
      const bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      encoding = bom || isUtf8(trimIncompleteUtf8(chunk)) ? "utf-8" : "windows-1252";
      if (encoding === "utf-8") {
        const decoder = new TextDecoder("utf-8");
        decode = (bytes) => decoder.decode(bytes, { stream: true });
      } else {
        // Node's TextDecoder("windows-1252") is Latin-1 (0x80 is not €): iconv-lite, loaded only for such files.
        const iconv = (await import("iconv-lite")).default;
        decode = (bytes) => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "win1252");
      }
    }
    // Long lines are refused on the bytes, before any decoding.
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
    const text = decode!(chunk);
    if (!quotesSeen && text.includes('"')) quotesSeen = true;
    if (parser === undefined) {
      pending += text;
      if (!pending.includes("\n")) continue;
      start(pending);
      parser!.write(pending);
      pending = "";
    } else {
      parser.write(text);
    }
    drain();
  }
  if (!sawBytes || (parser === undefined && pending.trim() === "")) {
    throw new InputError([problem("CSV_EMPTY", "the file is empty: expected a header line and data rows", { file, line: 1 })]);
  }
  if (parser === undefined) {
    start(pending);
    parser!.write(pending);
  }
  const tail = decode!(new Uint8Array(0));
  if (tail) parser!.write(tail);
  parser!.end();
  try {
    for await (const record of parser!) handle(record as string[]);
  } catch (error) {
    throw error instanceof InputError ? error : new InputError([syntaxProblem(error, file)]);
  }
  if (parseError !== undefined) throw new InputError([syntaxProblem(parseError, file)]);
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

function syntaxProblem(error: unknown, file: string) {
  const e = error as { message?: string; lines?: number };
  const detail = (e.message ?? String(error)).replace(/^Invalid [^:]*: /, "");
  return problem("CSV_SYNTAX", `CSV syntax: ${detail}`, { file, ...(e.lines !== undefined ? { line: e.lines } : {}) });
}
