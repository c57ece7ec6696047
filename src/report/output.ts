import { closeSync, constants, fchmodSync, fsyncSync, lstatSync, mkdtempSync, openSync, readlinkSync, readSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { InputError, problem } from "../read/diagnostics.js";
import { temporaries } from "./temporaries.js";

export { removeTemporaries, temporaries } from "./temporaries.js";

/**
 * Where an `--out` path is written:
 * - `atomic`: a regular file or a new path — a temporary file in the target's
 *   folder, renamed over it once complete (a symlink is followed: its target
 *   is replaced, the link is kept);
 * - `through`: anything else — a FIFO, a terminal, `/dev/null`, `/dev/full`,
 *   `/dev/stdout` and the other `/dev/fd/N`, `/proc/…` aliases — is opened
 *   and written into, never replaced (a FIFO's reader gets the report; a
 *   device stays a device).
 */
export function outTarget(outPath: string): { mode: "atomic" | "through"; path: string } {
  let path = outPath;
  for (let hops = 0; hops < 40; hops++) {
    let link;
    try {
      link = lstatSync(path);
    } catch {
      return { mode: "atomic", path }; // a new file (or a dangling link's missing target)
    }
    if (link.isSymbolicLink()) {
      // /dev/stdout, /dev/fd/1, /proc/self/fd/1 name a file this process has open (perhaps a pipe): write into it
      const absolute = resolve(path);
      if (absolute.startsWith("/dev/") || absolute.startsWith("/proc/")) return { mode: "through", path };
      try {
        const real = realpathSync(path);
        return statSync(real).isFile() ? { mode: "atomic", path: real } : { mode: "through", path: real };
      } catch {
        // a dangling link: its target is created, through the chain of links
        path = resolve(dirname(path), readlinkSync(path));
        continue;
      }
    }
    return link.isFile() ? { mode: "atomic", path } : { mode: "through", path };
  }
  return { mode: "through", path: outPath }; // a loop of links: opening it reports ELOOP
}

function writeProblem(outPath: string, error: unknown): InputError {
  const e = error as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENOSPC: "ENOSPC: no space left on the device",
    EISDIR: "EISDIR: it is a folder",
    ENOENT: `ENOENT: the folder ${dirname(outPath) === "." ? "" : `${dirname(outPath)} `}does not exist`,
    ENOTDIR: "ENOTDIR: a part of the path is a file, not a folder",
    EACCES: "EACCES: permission denied",
  };
  const reason = (e.code === undefined ? undefined : reasons[e.code]) ?? e.code ?? e.message;
  return new InputError([problem("IO_WRITE", `cannot write ${outPath} (${reason}): expected a writable path`, { file: outPath })]);
}

/**
 * Open a file to write through it. A FIFO's open waits for a reader: while it
 * waits the process keeps the default signal actions, so that Ctrl-C still
 * stops it (nothing is written yet, nothing to remove).
 */
function openThrough(path: string): number {
  let fifo = false;
  try {
    fifo = statSync(path).isFIFO();
  } catch {
    // opened below, which reports the problem
  }
  if (!fifo) return openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, 0o666);
  const signals = ["SIGINT", "SIGTERM"] as const;
  const saved = signals.map((s) => [s, process.listeners(s)] as const);
  for (const s of signals) process.removeAllListeners(s);
  try {
    return openSync(path, constants.O_WRONLY);
  } finally {
    for (const [s, listeners] of saved) for (const l of listeners) process.on(s, l);
  }
}

/**
 * Write all of `bytes` to a file descriptor, at its current position
 * (`writeSync` may write only part of them, on a pipe or a full disk).
 * @throws the file system's error (ENOSPC…) as `writeSync` throws it
 */
export function writeAllSync(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Write all of `text` (UTF-8) to a file descriptor. */
function writeAll(fd: number, text: string): void {
  writeAllSync(fd, Buffer.from(text, "utf8"));
}

/** The temporary file a report is written to before it is renamed over `path`: in the same folder (a rename never crosses file systems). */
export function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** Give the file open at `fd` the mode of the file at `path` it is to replace (nothing when there is none: a new file keeps the default mode). */
export function keepMode(fd: number, path: string): void {
  try {
    fchmodSync(fd, statSync(path).mode & 0o7777);
  } catch {
    // a new file: the default mode
  }
}

/** What to throw for an error met while writing `outPath`: our own diagnostics and bugs as they are, a file-system error as IO_WRITE. */
export function writeFailure(outPath: string, error: unknown): unknown {
  if (error instanceof InputError || !(error as NodeJS.ErrnoException).code) return error;
  return writeProblem(outPath, error);
}

/**
 * Write a report whole or not at all: to `--out FILE` through a temporary
 * file in the same folder renamed over the target (see {@link outTarget}
 * for FIFOs, devices and symlinks, written through), or to stdout.
 * @throws InputError IO_WRITE when the file cannot be written
 */
export function writeReport(text: string, outPath: string | undefined, stdout: { write(s: string): unknown }): void {
  streamReport(outPath, stdout, (write) => write(text));
}

/**
 * A report written piece by piece, whole or not at all: to `--out FILE`
 * through a temporary file in the same folder renamed over the target
 * (written through for FIFOs and devices, see {@link outTarget}), or
 * straight to stdout. The temporary file is registered in
 * {@link temporaries} until it is renamed, so that a signal removes it.
 * @throws InputError IO_WRITE when the file cannot be written (the temporary file is removed)
 */
export function streamReport(outPath: string | undefined, stdout: { write(s: string): unknown }, produce: (write: (text: string) => void) => void): void {
  if (outPath === undefined || outPath === "-") {
    produce((text) => stdout.write(text));
    return;
  }
  const target = outTarget(outPath);
  if (target.mode === "through") {
    let fd: number | undefined;
    try {
      fd = openThrough(target.path);
      const out = fd;
      produce((text) => writeAll(out, text));
      closeSync(fd);
      fd = undefined;
      temporaries.written.push(outPath);
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      throw writeFailure(outPath, error);
    }
    return;
  }
  const temp = tempBeside(target.path);
  let fd: number | undefined;
  try {
    temporaries.files.add(temp);
    fd = openSync(temp, "w");
    keepMode(fd, target.path);
    const out = fd;
    produce((text) => writeAll(out, text));
    fsyncSync(fd); // on disk before it replaces the old file
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target.path);
    temporaries.files.delete(temp);
    temporaries.written.push(outPath);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // the temporary file was never created
    }
    temporaries.files.delete(temp);
    throw writeFailure(outPath, error);
  }
}

/** Where a binary report may go without `--out`: anywhere but a terminal. */
export interface BinaryStdout {
  /** Takes bytes (`process.stdout` does; the CLI's interface names strings only). */
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/**
 * Refuse to write a binary report (`--format xlsx`) to a terminal: without
 * `--out` (or with `--out -`) it must go to a pipe or a file.
 * @throws InputError USAGE_BAD_OPTION when stdout is a terminal
 */
export function refuseBinaryOnTerminal(format: string, outPath: string | undefined, stdout: BinaryStdout): void {
  if ((outPath === undefined || outPath === "-") && stdout.isTTY === true) {
    throw new InputError([
      problem("USAGE_BAD_OPTION", `--format ${format} writes a binary file, not text for a terminal: expected --out FILE.${format} (or stdout redirected to a file or a pipe)`, { field: "--format", value: format }),
    ]);
  }
}

/** Copy a whole file to a file descriptor or a stream of bytes, 1 MiB at a time. */
function copyFile(from: number, to: (bytes: Buffer) => void): void {
  const buffer = Buffer.alloc(1 << 20);
  let position = 0;
  for (;;) {
    const n = readSync(from, buffer, 0, buffer.length, position);
    if (n === 0) return;
    to(Buffer.from(buffer.subarray(0, n)));
    position += n;
  }
}

/**
 * A binary report (an xlsx workbook), whole or not at all. `produce` writes
 * it into a regular file open for reading and writing (it may go back and
 * patch bytes, as a zip writer does); then:
 * - `--out FILE` (a regular file or a new path): that file is a temporary
 *   file in FILE's folder, renamed over FILE once complete and on disk (the
 *   mode of a file replaced is kept; a symlink's target is replaced);
 * - `--out` a FIFO or a device (see {@link outTarget}), or no `--out` (a
 *   pipe; a terminal is refused by {@link refuseBinaryOnTerminal}): the
 *   file is made in a temporary folder and copied there, then removed.
 * Temporary files are registered in {@link temporaries} while they exist, so
 * that a signal removes them.
 * @throws InputError IO_WRITE when a file cannot be written (ENOSPC, EISDIR, a missing folder…): no partial file is left
 */
export async function writeBinaryReport(outPath: string | undefined, stdout: BinaryStdout, produce: (fd: number) => Promise<void>): Promise<void> {
  const target = outPath === undefined || outPath === "-" ? undefined : outTarget(outPath);
  const label = outPath === undefined || outPath === "-" ? "standard output" : outPath;
  let dir: string | undefined;
  let temp: string;
  try {
    if (target?.mode === "atomic") temp = tempBeside(target.path);
    else {
      dir = mkdtempSync(join(tmpdir(), "ccplan-binary-stage-"));
      temporaries.dirs.add(dir);
      temp = join(dir, "report");
    }
  } catch (error) {
    throw writeProblem(label, error);
  }
  let fd: number | undefined;
  try {
    temporaries.files.add(temp);
    fd = openSync(temp, "w+");
    await produce(fd);
    if (target?.mode === "atomic") {
      keepMode(fd, target.path);
      fsyncSync(fd); // on disk before it replaces the old file
      closeSync(fd);
      fd = undefined;
      renameSync(temp, target.path);
      temporaries.files.delete(temp);
    } else if (target !== undefined) {
      const out = openThrough(target.path);
      try {
        const from = fd;
        copyFile(from, (bytes) => writeAllSync(out, bytes));
      } finally {
        closeSync(out);
      }
    } else {
      // process.stdout takes bytes; a pipe on Linux is written synchronously
      const from = fd;
      copyFile(from, (bytes) => stdout.write(bytes as unknown as string));
    }
    if (outPath !== undefined && outPath !== "-") temporaries.written.push(outPath);
  } catch (error) {
    throw writeFailure(label, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
    if (temporaries.files.delete(temp)) {
      try {
        unlinkSync(temp);
      } catch {
        // never created
      }
    }
    if (dir !== undefined) {
      rmSync(dir, { recursive: true, force: true });
      temporaries.dirs.delete(dir);
    }
  }
}
