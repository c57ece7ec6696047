import { fstatSync, readSync, writeSync } from "node:fs";

/** 1980-01-01 00:00, the first moment a zip (MS-DOS) date can hold: date (year − 1980) << 9 | month << 5 | day, time 0. */
const ZIP_EPOCH = { date: (0 << 9) | (1 << 5) | 1, time: 0 } as const;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const ZIP64_EXTRA = 0x0001;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const MAX_END_SEARCH = 22 + 0xffff;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) throw new RangeError(`zip file ends at ${position + done}, expected ${length} bytes at ${position}`);
    done += n;
  }
  return buffer;
}

function writeAt(fd: number, position: number, bytes: Buffer): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

/** Where the central directory is and how many entries it lists (zip64 records followed when the classic fields overflow). */
function centralDirectory(fd: number, size: number): { offset: number; length: number; entries: number } {
  const tailStart = Math.max(0, size - MAX_END_SEARCH);
  const tail = readAt(fd, tailStart, size - tailStart);
  let end = -1;
  for (let k = tail.length - 22; k >= 0; k--) {
    if (tail.readUInt32LE(k) === END_OF_CENTRAL_DIRECTORY) {
      end = k;
      break;
    }
  }
  if (end < 0) throw new RangeError("not a zip file: no end of central directory record");
  let entries = tail.readUInt16LE(end + 10);
  let length = tail.readUInt32LE(end + 12);
  let offset = tail.readUInt32LE(end + 16);
  if (entries === 0xffff || length === 0xffffffff || offset === 0xffffffff) {
    const locator = readAt(fd, tailStart + end - 20, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new RangeError("zip64 sizes without a zip64 locator");
    const record = readAt(fd, Number(locator.readBigUInt64LE(8)), 56);
    if (record.readUInt32LE(0) !== ZIP64_END) throw new RangeError("zip64 locator pointing at no zip64 end record");
    entries = Number(record.readBigUInt64LE(32));
    length = Number(record.readBigUInt64LE(40));
    offset = Number(record.readBigUInt64LE(48));
  }
  return { offset, length, entries };
}

/** A central header's local header offset, from its zip64 extra field when the classic one overflows. */
function localOffset(directory: Buffer, at: number): number {
  const offset = directory.readUInt32LE(at + 42);
  if (offset !== 0xffffffff) return offset;
  const nameLength = directory.readUInt16LE(at + 28);
  const extraLength = directory.readUInt16LE(at + 30);
  let k = at + 46 + nameLength;
  const extraEnd = k + extraLength;
  while (k + 4 <= extraEnd) {
    const id = directory.readUInt16LE(k);
    const length = directory.readUInt16LE(k + 2);
    if (id === ZIP64_EXTRA) {
      // the overflowing fields, in this order: uncompressed size, compressed size, local header offset
      let field = k + 4;
      if (directory.readUInt32LE(at + 24) === 0xffffffff) field += 8;
      if (directory.readUInt32LE(at + 20) === 0xffffffff) field += 8;
      return Number(directory.readBigUInt64LE(field));
    }
    k += 4 + length;
  }
  throw new RangeError("zip64 offset without a zip64 extra field");
}

/**
 * Give every entry of a finished zip file the same modification time,
 * 1980-01-01 00:00 ({@link ZIP_EPOCH}), in its local header and in the
 * central directory, in place. A zip writer stamps each entry with the
 * clock (and the local time zone): with this, the same contents give the
 * same bytes, run after run. Only the 4 bytes of time and date of each
 * header change: sizes, CRCs and offsets stay valid.
 *
 * Reads the central directory from the end record (zip64 records followed),
 * then patches each local header it points to.
 * @param fd a file descriptor open for reading and writing, on a complete zip file
 * @throws RangeError when the file is not a zip file as written by a zip writer
 */
export function fixZipTimes(fd: number): void {
  const size = fstatSync(fd).size;
  const { offset, length, entries } = centralDirectory(fd, size);
  const directory = readAt(fd, offset, length);
  const stamp = Buffer.alloc(4);
  stamp.writeUInt16LE(ZIP_EPOCH.time, 0);
  stamp.writeUInt16LE(ZIP_EPOCH.date, 2);
  let at = 0;
  for (let n = 0; n < entries; n++) {
    if (directory.readUInt32LE(at) !== CENTRAL_HEADER) throw new RangeError(`zip central directory entry ${n + 1} has no header signature`);
    stamp.copy(directory, at + 12);
    const local = localOffset(directory, at);
    if (readAt(fd, local, 4).readUInt32LE(0) !== LOCAL_HEADER) throw new RangeError(`zip entry ${n + 1} points at no local header`);
    writeAt(fd, local + 10, stamp);
    at += 46 + directory.readUInt16LE(at + 28) + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  writeAt(fd, offset, directory);
}
