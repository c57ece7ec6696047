import { createInflateRaw, inflateRawSync } from "node:zlib";
import { Readable } from "node:stream";
import { InputError, problem } from "./diagnostics.js";

/**
 * The zip container of an `.xlsx` workbook, read from its central directory
 * (random access: the parts are read in the order the workbook needs, not
 * the order they were written in), entries stored or deflated, Zip64
 * included. Nothing is decompressed until asked for.
 */

/** One file of the archive. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header in the archive. */
  localOffset: number;
}

/** `PK\x03\x04` (a local file header: a zip that holds files) or `PK\x05\x06` (an empty zip). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06));
}

/** The OLE compound-file signature: an `.xls` workbook, or an `.xlsx` protected by a password. */
export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip archive by name.
 *
 * @throws InputError CSV_BINARY when the bytes are no readable zip (truncated, damaged)
 */
export function zipEntries(bytes: Buffer, file: string): Map<string, ZipEntry> {
  const broken = (why: string) =>
    new InputError([problem("CSV_BINARY", `the file starts like a zip archive (an .xlsx workbook) but ${why}: expected a complete .xlsx workbook — open it in Excel and save it again, or save it as CSV`, { file })]);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken("its directory is missing (the file is truncated or damaged)");
  let count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && bytes.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const at = Number(bytes.readBigUInt64LE(eocd - 20 + 8));
    if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== ZIP64_EOCD) throw broken("its Zip64 directory is damaged");
    count = Number(bytes.readBigUInt64LE(at + 32));
    offset = Number(bytes.readBigUInt64LE(at + 48));
  }
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) throw broken("its directory is damaged");
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      name: bytes.toString("utf8", p + 46, p + 46 + nameLength),
      method: bytes.readUInt16LE(p + 10),
      flags: bytes.readUInt16LE(p + 8),
      compressedSize: bytes.readUInt32LE(p + 20),
      size: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
    };
    zip64Sizes(bytes, p + 46 + nameLength, extraLength, entry);
    entries.set(entry.name.replace(/^\//, ""), entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The sizes and offset a Zip64 extra field gives for the values the central header marks 0xFFFFFFFF. */
function zip64Sizes(bytes: Buffer, from: number, length: number, entry: ZipEntry): void {
  for (let q = from; q + 4 <= from + length; ) {
    const id = bytes.readUInt16LE(q);
    const size = bytes.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = () => {
        const v = Number(bytes.readBigUInt64LE(r));
        r += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    q += 4 + size;
  }
}

/** Where an entry's compressed bytes are. */
function compressed(bytes: Buffer, entry: ZipEntry, file: string): Buffer {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) {
    throw new InputError([problem("CSV_BINARY", `the workbook's part ${entry.name} is damaged: expected a complete .xlsx workbook — open it in Excel and save it again`, { file })]);
  }
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) {
    throw new InputError([problem("CSV_BINARY", `the workbook is truncated (its part ${entry.name} ends after the file): expected a complete .xlsx workbook`, { file })]);
  }
  return bytes.subarray(start, start + entry.compressedSize);
}

function checkReadable(entry: ZipEntry, file: string): void {
  if ((entry.flags & 1) !== 0) {
    throw new InputError([problem("CSV_BINARY", `the workbook is encrypted (its part ${entry.name}): expected a workbook without a password — save a copy without one, or as CSV`, { file })]);
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new InputError([problem("CSV_BINARY", `the workbook's part ${entry.name} uses zip compression method ${entry.method}: expected a workbook as Excel saves it (deflate) — save it again from Excel`, { file })]);
  }
}

/**
 * An entry's content, whole (the workbook's small parts). `maxBytes` bounds
 * what a deflated entry may grow to (a zip bomb is refused, not inflated).
 *
 * @throws InputError CSV_BINARY for a damaged, encrypted or oversized entry
 */
export function entryBytes(bytes: Buffer, entry: ZipEntry, file: string, maxBytes: number): Buffer {
  checkReadable(entry, file);
  const data = compressed(bytes, entry, file);
  if (entry.method === 0) return data;
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (error) {
    const tooLarge = (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
    throw new InputError([
      problem("CSV_BINARY", tooLarge ? `the workbook's part ${entry.name} is larger than ${maxBytes >> 20} MiB once unpacked: expected a smaller workbook (or save it as CSV)` : `the workbook's part ${entry.name} is damaged (${(error as Error).message}): expected a complete .xlsx workbook — open it in Excel and save it again`, { file }),
    ]);
  }
}

/**
 * An entry's content as a stream of text (a worksheet, which may be hundreds
 * of megabytes unpacked): inflated and decoded from UTF-8 chunk by chunk, a
 * character cut between two chunks kept whole.
 */
export async function* entryText(bytes: Buffer, entry: ZipEntry, file: string): AsyncGenerator<string> {
  checkReadable(entry, file);
  const data = compressed(bytes, entry, file);
  const source = entry.method === 0 ? Readable.from([data]) : Readable.from([data]).pipe(createInflateRaw({ chunkSize: 32 << 10 }));
  const decoder = new TextDecoder("utf-8");
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) yield decoder.decode(chunk, { stream: true });
    const rest = decoder.decode();
    if (rest !== "") yield rest;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([problem("CSV_BINARY", `the workbook's part ${entry.name} is damaged (${(error as Error).message}): expected a complete .xlsx workbook — open it in Excel and save it again`, { file })]);
  } finally {
    source.destroy();
  }
}
