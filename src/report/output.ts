import { closeSync, constants, fchmodSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
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
  const reason = e.code === "ENOSPC" ? "ENOSPC: no space left on the device" : e.code === "EISDIR" ? "EISDIR: it is a folder" : (e.code ?? e.message);
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

/** Write all of `text` to a file descriptor (writeSync may write part of it on a pipe). */
function writeAll(fd: number, text: string): void {
  let buffer = Buffer.from(text, "utf8");
  while (buffer.length > 0) {
    const n = writeSync(fd, buffer);
    buffer = buffer.subarray(n);
  }
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
      if (error instanceof InputError || !(error as NodeJS.ErrnoException).code) throw error;
      throw writeProblem(outPath, error);
    }
    return;
  }
  const temp = join(dirname(target.path), `.${basename(target.path)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    temporaries.files.add(temp);
    fd = openSync(temp, "w");
    try {
      fchmodSync(fd, statSync(target.path).mode & 0o7777); // keep the mode of the file replaced
    } catch {
      // a new file: the default mode
    }
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
    if (error instanceof InputError || !(error as NodeJS.ErrnoException).code) throw error;
    throw writeProblem(outPath, error);
  }
}
