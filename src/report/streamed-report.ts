import { appendFileSync, closeSync, fsyncSync, mkdtempSync, openSync, readSync, renameSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { keepMode, outTarget, streamReport, tempBeside, writeAllSync, writeFailure } from "./output.js";
import { temporaries } from "./temporaries.js";

/** Bytes of a report to stdout held in memory before the rest goes to a spool file. */
const SPOOL_MEMORY_BYTES = 8 << 20;

/**
 * A text report written while it is made — a batch of a million rows never
 * held whole — and still whole or not at all:
 *
 * - `--out FILE` (a regular file or a new path): written as it comes into
 *   the temporary file beside FILE that {@link streamReport} uses, renamed
 *   over FILE by {@link finish} once complete and on disk; {@link discard}
 *   removes it, so that a run that fails late (a bad row near the end)
 *   leaves no file and the old FILE as it was.
 * - no `--out` (stdout), or `--out` a FIFO or a device: held in memory up to
 *   8 MB, then spooled to a temporary file, and written out by
 *   {@link finish}: stdout gets nothing from a run that fails — not the
 *   first rows of a report followed by an error (with `--format json`,
 *   stdout then holds the diagnostics document alone).
 *
 * A file-system error while writing (ENOSPC…) is kept and thrown by
 * {@link finish} as IO_WRITE: the caller reads its input to the end first,
 * so that bad input is reported before a full disk, as a whole-file report
 * would. Temporary files are registered in {@link temporaries} while they
 * exist, so that a signal removes them.
 */
export class StreamedReport {
  /** The first write error, thrown by finish(). */
  private failure: { path: string; error: unknown } | undefined;
  /** `--out` a regular file: the temporary file beside it, and its descriptor. */
  private readonly atomic: { target: string; temp: string; fd: number | undefined } | undefined;
  /** Otherwise: text held in memory, then the spool file. */
  private held: Buffer[] = [];
  private heldBytes = 0;
  private spool: { dir: string; file: string } | undefined;
  private done = false;

  constructor(
    private readonly outPath: string | undefined,
    private readonly stdout: { write(s: string): unknown },
  ) {
    if (outPath === undefined || outPath === "-") return;
    const target = outTarget(outPath);
    if (target.mode !== "atomic") return;
    const temp = tempBeside(target.path);
    this.atomic = { target: target.path, temp, fd: undefined };
    try {
      temporaries.files.add(temp);
      this.atomic.fd = openSync(temp, "w");
      keepMode(this.atomic.fd, target.path);
    } catch (error) {
      this.failure = { path: outPath, error };
    }
  }

  /** The next piece of the report, as text. */
  write(text: string): void {
    if (text.length > 0) this.writeBytes(Buffer.from(text, "utf8"));
  }

  /** The next piece of the report, as UTF-8 bytes (written or copied before this returns: the caller may reuse them). */
  writeBytes(bytes: Buffer): void {
    if (bytes.length === 0 || this.failure !== undefined) return; // a failure is said by finish(); the input is still read to the end
    if (this.atomic !== undefined) {
      try {
        writeAllSync(this.atomic.fd!, bytes);
      } catch (error) {
        this.failure = { path: this.outPath!, error };
      }
      return;
    }
    if (this.spool === undefined && this.heldBytes + bytes.length <= SPOOL_MEMORY_BYTES) {
      this.held.push(Buffer.from(bytes));
      this.heldBytes += bytes.length;
      return;
    }
    let file = "";
    try {
      if (this.spool === undefined) {
        const dir = mkdtempSync(join(tmpdir(), "ccplan-report-"));
        temporaries.dirs.add(dir); // removed on a signal too
        this.spool = { dir, file: join(dir, "report") };
      }
      file = this.spool.file;
      for (const part of this.held) appendFileSync(file, part);
      appendFileSync(file, bytes);
      this.held = [];
      this.heldBytes = 0;
    } catch (error) {
      this.failure = { path: file || tmpdir(), error };
    }
  }

  /**
   * The report is complete: renamed over `--out`, or written to stdout (or
   * the FIFO or device of `--out`).
   * @throws InputError IO_WRITE when it could not be written (nothing is left behind)
   */
  finish(): void {
    if (this.failure !== undefined) {
      const { path, error } = this.failure;
      this.discard();
      throw writeFailure(path, error);
    }
    if (this.atomic !== undefined) {
      const a = this.atomic;
      try {
        fsyncSync(a.fd!); // on disk before it replaces the old file
        closeSync(a.fd!);
        a.fd = undefined;
        renameSync(a.temp, a.target);
        temporaries.files.delete(a.temp);
        temporaries.written.push(this.outPath!);
      } catch (error) {
        this.discard();
        throw writeFailure(this.outPath!, error);
      }
      this.done = true;
      return;
    }
    try {
      streamReport(this.outPath, this.stdout, (write) => {
        const text = new LineText(write);
        if (this.spool !== undefined) copySpool(this.spool.file, text);
        for (const part of this.held) text.push(part);
        text.end();
      });
    } finally {
      this.discard();
      this.done = true;
    }
  }

  /** Drop the report (the run failed): its temporary files are removed, `--out` is left as it was. Never throws. */
  discard(): void {
    this.held = [];
    this.heldBytes = 0;
    const a = this.atomic;
    if (a !== undefined && !this.done) {
      if (a.fd !== undefined) {
        try {
          closeSync(a.fd);
        } catch {
          // already closed
        }
        a.fd = undefined;
      }
      try {
        unlinkSync(a.temp);
      } catch {
        // never created
      }
      temporaries.files.delete(a.temp);
    }
    if (this.spool !== undefined) {
      rmSync(this.spool.dir, { recursive: true, force: true });
      temporaries.dirs.delete(this.spool.dir);
      this.spool = undefined;
    }
  }
}

/** UTF-8 bytes handed on as text, cut after a newline (so that no character is cut in two). */
class LineText {
  private carry: Buffer = Buffer.alloc(0);

  constructor(private readonly write: (text: string) => void) {}

  push(part: Buffer): void {
    const bytes = this.carry.length === 0 ? part : Buffer.concat([this.carry, part]);
    const cut = bytes.lastIndexOf(10) + 1;
    if (cut > 0) this.write(bytes.toString("utf8", 0, cut));
    this.carry = Buffer.from(bytes.subarray(cut));
  }

  end(): void {
    if (this.carry.length > 0) this.write(this.carry.toString("utf8"));
    this.carry = Buffer.alloc(0);
  }
}

/** A spool file's bytes, a megabyte at a time. */
function copySpool(file: string, text: LineText): void {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      text.push(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}
