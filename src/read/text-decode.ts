import { isAscii, isUtf8 } from "node:buffer";
import { createRequire } from "node:module";
import { detectDelimiter } from "./csv-delimiter.js";
import { InputError, problem } from "./diagnostics.js";

/**
 * Bytes → text as spreadsheets export it: UTF-8 with or without BOM,
 * Windows-1252 (the "ANSI" of French Excel), or UTF-16 ("Unicode text").
 *
 * The choice between UTF-8 and Windows-1252 is made on the whole file, as it
 * streams, in constant memory: bytes are UTF-8 while they are valid; at the
 * first non-ASCII byte that does not start a valid UTF-8 character, the file
 * is Windows-1252 from its first byte (everything before was ASCII, which
 * both encodings read the same). Once UTF-8 text has been seen, an invalid
 * byte is a file that mixes encodings: an error naming its line, never a
 * `�` in a queue name. The other way round, UTF-8 text after Windows-1252
 * bytes (`Ã©` for `é`, `â€™` for `’`) is the same error.
 *
 * UTF-16 is told by its byte-order mark (FF FE, FE FF) or, without one, by a
 * NUL in every other byte of the file's start.
 */
export type TextEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

/** A whole text and how it was decoded. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Options of {@link StreamDecoder}. */
export interface DecoderOptions {
  /** Refuse a file whose first 8 KiB look binary (a zip, OLE or PDF signature, or NULs beyond a stray one or two; not UTF-16) as CSV_BINARY. Default true. */
  refuseBinary?: boolean;
}

type IconvLite = typeof import("iconv-lite");
type Utf16Decoder = ReturnType<IconvLite["getDecoder"]>;
let iconvModule: IconvLite | undefined;
/** iconv-lite, loaded only for the files that need it (~10 ms): Node's TextDecoder("windows-1252") is Latin-1 (0x80 is not €). */
function iconv(): IconvLite {
  iconvModule ??= createRequire(import.meta.url)("iconv-lite") as IconvLite;
  return iconvModule;
}

/** Bytes held before deciding UTF-16 or not (a BOM, or NULs every other byte). */
const START_BYTES = 64;
/** Bytes looked at for NULs (binary files and BOM-less UTF-16). */
const SNIFF_BYTES = 8192;
const EMPTY = new Uint8Array(0);

/**
 * Decode a file chunk by chunk into UTF-8 bytes (see {@link TextEncoding} for
 * the rules). UTF-8 and ASCII chunks come back as they are (no copy), so
 * newline positions, and thus line numbers, are the file's; Windows-1252 and
 * UTF-16 chunks come back re-encoded.
 *
 * `line` given with each chunk is the file's line at the first byte the
 * decoder has not given back yet (the caller counts newlines in what it got);
 * messages use it, and no newline is counted unless there is an error.
 *
 * @throws InputError with CSV_ENCODING (mixed encodings) or CSV_BINARY
 */
export class StreamDecoder {
  private mode: "start" | "ascii" | "utf-8" | "windows-1252" | "utf-16le" | "utf-16be" = "start";
  /** Bytes not given back yet (the file's start; an undecided non-ASCII character cut by the chunk's end). */
  private held: Uint8Array | undefined;
  /** UTF-8 mode: the start of a character cut by the chunk's end (already given back; kept to validate it). */
  private tail: Uint8Array | undefined;
  /** Where the decision was made: the line holding the first UTF-8 text or Windows-1252 byte, and why. */
  private decidedAt: { line: number; why: string } | undefined;
  private utf16: Utf16Decoder | undefined;
  private highSurrogate = "";
  /** The last data decoded, with its line and its offset in the file: where to place an error. */
  private last: { data: Uint8Array; line: number; start: number } = { data: EMPTY, line: 1, start: 0 };
  /** Bytes handed in so far. */
  private consumed = 0;
  private readonly refuseBinary: boolean;
  /** The delimiter once known: errors then name the column. */
  delimiter: string | undefined;

  constructor(
    private readonly file: string | undefined,
    options: DecoderOptions = {},
  ) {
    this.refuseBinary = options.refuseBinary ?? true;
  }

  /** The encoding decided so far ("utf-8" while the file is ASCII). */
  get encoding(): TextEncoding {
    return this.mode === "windows-1252" || this.mode === "utf-16le" || this.mode === "utf-16be" ? this.mode : "utf-8";
  }

  /** Decode the next chunk; `line` is the file's line at the first byte not given back yet. */
  write(chunk: Uint8Array, line: number): Uint8Array {
    let data = chunk;
    const start = this.consumed - (this.held?.length ?? 0);
    this.consumed += chunk.length;
    if (this.held !== undefined) {
      data = Buffer.concat([this.held, chunk]);
      this.held = undefined;
    }
    if (data.length === 0) return EMPTY;
    this.last = { data, line, start };
    if (this.mode === "start") {
      if (data.length < START_BYTES) {
        this.held = data.slice();
        return EMPTY;
      }
      this.begin(data, line);
    }
    return this.decode(data, line);
  }

  /** The end of the file: what is still held, decoded. */
  end(): Uint8Array {
    const { data, line } = this.last;
    if (this.mode === "start") {
      const held = this.held;
      this.held = undefined;
      if (held === undefined) return EMPTY;
      this.begin(held, line);
      return Buffer.concat([this.decode(held, line, true), this.end()]);
    }
    if (this.mode === "utf-16le" || this.mode === "utf-16be") {
      const out = this.fromUtf16(this.utf16!.end() ?? "");
      const lone = this.highSurrogate; // a high surrogate that ends the file: U+FFFD
      this.highSurrogate = "";
      return lone === "" ? out : Buffer.concat([out, Buffer.from(lone, "utf8")]);
    }
    if (this.mode === "ascii" && this.held !== undefined) {
      // A non-ASCII byte at the very end that never became a UTF-8 character: Windows-1252.
      const held = this.held;
      this.held = undefined;
      const heldLine = line + newlinesBefore(data, data.length - held.length);
      this.last = { data: held, line: heldLine, start: this.consumed - held.length };
      this.toWindows1252(heldLine, held[0]!);
      return this.decode(held, heldLine);
    }
    if (this.mode === "utf-8" && this.tail !== undefined) {
      const at = data.length - this.tail.length;
      throw this.mixed(data, Math.max(0, at), line, this.tail[0]!, `the file ends inside a UTF-8 character (byte 0x${hex(this.tail[0]!)})`);
    }
    return EMPTY;
  }

  /** Decide UTF-16, UTF-8 with BOM, binary, or "ASCII so far" from the file's first bytes. */
  private begin(data: Uint8Array, line: number): void {
    if (data[0] === 0xff && data[1] === 0xfe) this.startUtf16("utf-16le");
    else if (data[0] === 0xfe && data[1] === 0xff) this.startUtf16("utf-16be");
    else if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
      this.mode = "utf-8";
      this.decidedAt = { line, why: "starts with a UTF-8 byte-order mark" };
    } else {
      const nuls = utf16Nuls(data.subarray(0, SNIFF_BYTES));
      if (nuls !== undefined) this.startUtf16(nuls);
      else if (this.refuseBinary && binarySample(data.subarray(0, SNIFF_BYTES))) {
        throw new InputError([
          problem("CSV_BINARY", "the file is not text (it holds NUL bytes): expected a text file (a CSV export; a forecast, roster, batch or requirement may also be an .xlsx workbook)", {
            ...(this.file === undefined ? {} : { file: this.file }),
          }),
        ]);
      } else this.mode = "ascii";
    }
  }

  /**
   * UTF-16 text as UTF-8 bytes. A high surrogate at the end waits for its
   * low half: Node's decoder gives it out alone when a chunk ends one byte
   * into the low half.
   */
  private fromUtf16(text: string): Uint8Array {
    let all = this.highSurrogate + text;
    this.highSurrogate = "";
    const last = all.charCodeAt(all.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.highSurrogate = all.slice(-1);
      all = all.slice(0, -1);
    }
    return Buffer.from(all, "utf8");
  }

  private startUtf16(encoding: "utf-16le" | "utf-16be"): void {
    this.mode = encoding;
    this.utf16 = iconv().getDecoder(encoding); // strips the BOM
  }

  private decode(data: Uint8Array, line: number, final = false): Uint8Array {
    switch (this.mode) {
      case "ascii":
        return this.decodeAscii(data, line, final);
      case "utf-8":
        return this.validateUtf8(data, line);
      case "windows-1252":
        return this.decodeWindows1252(data, line);
      case "utf-16le":
      case "utf-16be":
        return this.fromUtf16(this.utf16!.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength)));
      default:
        return EMPTY;
    }
  }

  /** ASCII so far: pass ASCII through; the first non-ASCII character decides UTF-8 or Windows-1252. */
  private decodeAscii(data: Uint8Array, line: number, final: boolean): Uint8Array {
    if (isAscii(data)) return data;
    let at = 0;
    while (data[at]! < 0x80) at++;
    const length = utf8SequenceAt(data, at);
    if (length === 0 && !final) {
      // A character cut by the chunk's end: decide with the next chunk.
      this.held = data.slice(at);
      return data.subarray(0, at);
    }
    const where = line + newlinesBefore(data, at);
    if (length > 0) {
      this.mode = "utf-8";
      this.decidedAt = { line: where, why: `holds UTF-8 text (${shownChar(new TextDecoder().decode(data.subarray(at, at + length)))})` };
      return this.validateUtf8(data, line, at + length);
    }
    this.toWindows1252(where, data[at]!);
    return this.decodeWindows1252(data, line);
  }

  private toWindows1252(line: number, byte: number): void {
    this.mode = "windows-1252";
    this.decidedAt = { line, why: `holds byte 0x${hex(byte)} (${shownChar(windows1252(Uint8Array.of(byte)))} in Windows-1252), which is not UTF-8` };
  }

  /** UTF-8 mode: every byte must be valid UTF-8; the chunk is given back as it is. */
  private validateUtf8(data: Uint8Array, line: number, from = 0): Uint8Array {
    let start = from;
    if (this.tail !== undefined) {
      // The rest of a character begun at the end of the previous chunk.
      const tail = this.tail;
      const need = utf8Length(tail[0]!) - tail.length;
      this.tail = undefined;
      if (data.length < need) {
        this.tail = Buffer.concat([tail, data]);
        if (utf8SequenceAt(this.tail, 0) < 0) throw this.mixed(data, 0, line, tail[0]!);
        return data;
      }
      if (utf8SequenceAt(Buffer.concat([tail, data.subarray(0, need)]), 0) <= 0) throw this.mixed(data, 0, line, tail[0]!);
      start = need;
    }
    const end = completeUtf8End(data, start);
    if (!isUtf8(data.subarray(start, end))) {
      const at = firstInvalidUtf8(data, start);
      throw this.mixed(data, at, line, data[at]!);
    }
    if (end < data.length) this.tail = data.slice(end);
    return data;
  }

  /** Windows-1252 mode: re-encode as UTF-8; UTF-8 text showing through (`Ã©`, `â€™`) is a mixed file. */
  private decodeWindows1252(data: Uint8Array, line: number): Uint8Array {
    const at = utf8LookingSequence(data);
    if (at >= 0) {
      const length = utf8SequenceAt(data, at);
      const asUtf8 = new TextDecoder().decode(data.subarray(at, at + length));
      const asWindows = windows1252(data.subarray(at, at + length));
      throw this.error(data, at, line, `got UTF-8 text (${shownChar(asUtf8)}, which Windows-1252 reads ${shownChar(asWindows)}), but line ${this.decidedAt!.line} ${this.decidedAt!.why}`);
    }
    return Buffer.from(windows1252(data), "utf8");
  }

  private mixed(data: Uint8Array, at: number, line: number, byte: number, what?: string): InputError {
    const got = what ?? `got byte 0x${hex(byte)} (${shownChar(windows1252(Uint8Array.of(byte)))} in Windows-1252), which is not UTF-8`;
    return this.error(data, at, line, `${got}, but line ${this.decidedAt!.line} ${this.decidedAt!.why}`);
  }

  private error(data: Uint8Array, at: number, line: number, what: string): InputError {
    const where = line + newlinesBefore(data, at);
    const fileStart = this.last.start === 0;
    const delimiter = this.delimiter ?? (fileStart ? detectDelimiter(firstLine(data)) : undefined);
    const column = delimiter === undefined ? undefined : columnAt(data, at, delimiter, fileStart);
    return new InputError([
      problem("CSV_ENCODING", `mixed text encodings: ${what}: expected one encoding for the whole file (save it again as "CSV UTF-8")`, {
        ...(this.file === undefined ? {} : { file: this.file }),
        line: where,
        ...(column === undefined ? {} : { column }),
      }),
    ]);
  }
}

/**
 * Decode a whole file's bytes with the rules of {@link StreamDecoder}; the
 * BOM is removed. Binary content is not refused here (the reader of the text
 * says what it expected).
 *
 * @throws InputError with CSV_ENCODING when the file mixes encodings
 */
export function decodeText(bytes: Uint8Array, file?: string): DecodedText {
  const decoder = new StreamDecoder(file, { refuseBinary: false });
  const head = decoder.write(bytes, 1);
  const rest = decoder.end();
  const utf8 = rest.length === 0 ? head : Buffer.concat([head, rest]);
  let text = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength).toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding: decoder.encoding };
}

/**
 * The start of a file as text, for sniffing its kind: what its first bytes
 * decode to (a character cut at the end is left out), or "binary".
 */
export function decodeHead(bytes: Uint8Array): { text: string; encoding: TextEncoding } | "binary" {
  const decoder = new StreamDecoder(undefined);
  try {
    const utf8 = Buffer.concat([decoder.write(bytes, 1), decoder.end()]);
    return { text: utf8.toString("utf8").replace(/^\uFEFF/, ""), encoding: decoder.encoding };
  } catch (error) {
    if (error instanceof InputError && error.diagnostics[0]?.code === "CSV_BINARY") return "binary";
    // A character cut at the end of the head, or a mixed file: the reader will say so.
    return { text: new TextDecoder().decode(bytes).replace(/^\uFEFF/, ""), encoding: "utf-8" };
  }
}

/** True when the bytes look binary (see {@link binarySample}; not UTF-16). */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  return binarySample(head) && utf16Nuls(head) === undefined;
}

/**
 * A file's first bytes are binary: a zip (xlsx, ods), OLE (xls) or PDF
 * signature, or NUL bytes beyond a stray one or two (a text export with one
 * NUL in a cell is text: that cell is refused on its line by the reader).
 */
function binarySample(head: Uint8Array): boolean {
  const starts = (...magic: number[]) => magic.every((b, k) => head[k] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0) || starts(0x25, 0x50, 0x44, 0x46)) return true;
  let nuls = 0;
  for (const b of head) if (b === 0) nuls++;
  return nuls > Math.max(2, head.length / 200);
}

/** UTF-16 without a BOM: a NUL in one byte of (nearly) every pair, never in the other. */
function utf16Nuls(head: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const pairs = head.length >> 1;
  if (pairs < 2) return undefined;
  let le = 0;
  let be = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    const a = head[i]!;
    const b = head[i + 1]!;
    if (a !== 0 && b === 0) le++;
    else if (a === 0 && b !== 0) be++;
  }
  if (le >= 0.9 * pairs) return "utf-16le";
  if (be >= 0.9 * pairs) return "utf-16be";
  return undefined;
}

/** Bytes a UTF-8 character takes, from its first byte (0: not a first byte). */
function utf8Length(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * The length of the valid UTF-8 character at `at`; 0 when it is cut by the
 * end of `bytes` (valid so far); -1 when it is not valid UTF-8.
 */
function utf8SequenceAt(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  const length = utf8Length(lead);
  if (length === 0) return -1;
  for (let k = 1; k < length; k++) {
    if (at + k >= bytes.length) return 0;
    const b = bytes[at + k]!;
    let low = 0x80;
    let high = 0xbf;
    if (k === 1) {
      if (lead === 0xe0) low = 0xa0;
      else if (lead === 0xed) high = 0x9f;
      else if (lead === 0xf0) low = 0x90;
      else if (lead === 0xf4) high = 0x8f;
    }
    if (b < low || b > high) return -1;
  }
  return length;
}

/** The end of `bytes` without a character cut at its very end (so that validity is judged fairly). */
function completeUtf8End(bytes: Uint8Array, from: number): number {
  const end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= from; back++) {
    const byte = bytes[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte
    return utf8Length(byte) > back ? end - back : end;
  }
  return end;
}

/** The first byte of the first invalid UTF-8 sequence at or after `from` (`bytes.length` when there is none). */
function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceAt(bytes, i);
    if (length <= 0) return i;
    i += length;
  }
  return bytes.length;
}

/**
 * In Windows-1252 bytes, the first UTF-8 character of the kinds that exports
 * hold (accented letters, no-break space, « », °, €, ’ “ ” – — …), which
 * Windows-1252 would read as `Ã©`, `Â°`, `â€™`; -1 when there is none.
 * Nothing else is looked for: `ß“` in German is also valid UTF-8.
 */
function utf8LookingSequence(bytes: Uint8Array): number {
  let best = -1;
  const consider = (lead: number, ok: (at: number) => boolean) => {
    for (let at = bytes.indexOf(lead); at !== -1 && (best === -1 || at < best); at = bytes.indexOf(lead, at + 1)) {
      if (ok(at)) {
        best = at;
        return;
      }
    }
  };
  const b = (i: number) => bytes[i] ?? 0;
  consider(0xc3, (at) => b(at + 1) >= 0x80 && b(at + 1) <= 0xbf);
  consider(0xc2, (at) => b(at + 1) >= 0xa0 && b(at + 1) <= 0xbf);
  consider(0xe2, (at) => (b(at + 1) === 0x80 && b(at + 2) >= 0x80 && b(at + 2) <= 0xbf) || (b(at + 1) === 0x82 && b(at + 2) === 0xac));
  return best;
}

/** The first non-blank line of `bytes` (UTF-8), for the delimiter. */
function firstLine(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 65_536)).toString("utf8");
  return text.split("\n").find((l) => l.trim() !== "") ?? "";
}

/** Newlines in `bytes` before `end`. */
function newlinesBefore(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1 && i < end; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/** The 1-based field of the byte at `at`, when its line starts in `bytes` (quotes respected); else undefined. */
function columnAt(bytes: Uint8Array, at: number, delimiter: string, fileStart: boolean): number | undefined {
  const lineStart = at === 0 ? 0 : bytes.lastIndexOf(10, at - 1) + 1;
  if (lineStart === 0 && !fileStart) return undefined; // the line began in an earlier chunk
  const delim = Buffer.from(delimiter, "utf8");
  let column = 1;
  let quoted = false;
  for (let i = lineStart; i < at; i++) {
    const c = bytes[i]!;
    if (c === 34) quoted = !quoted;
    else if (!quoted && c === delim[0] && (delim.length === 1 || Buffer.from(bytes.buffer, bytes.byteOffset + i, delim.length).equals(delim))) column++;
  }
  return column;
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, "0");
}

function windows1252(bytes: Uint8Array): string {
  return iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "win1252");
}

function shownChar(text: string): string {
  return JSON.stringify(text);
}
