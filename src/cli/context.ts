import type { ChalkInstance } from "chalk";
import type { CliIo } from "./cli-io.js";

/** What a command needs from the top level: io, colour, messages, exit code. */
export interface CommandContext {
  io: CliIo;
  /** The chalk instance for the report: stdout's, or none when writing to a file. */
  color(outPath: string | undefined): ChalkInstance;
  /** Read an input file or stdin, with IO_READ diagnostics. */
  readInput(path: string): Promise<Uint8Array>;
  /** Stream an input file or stdin; read errors become IO_READ diagnostics. */
  streamInput(path: string): AsyncIterable<Uint8Array>;
  /** A message on stderr unless --quiet. */
  info(message: string): void;
  /** A warning on stderr unless --quiet. */
  warn(message: string): void;
  setExit(code: number): void;
  /** The report's format, once the command knows it: with "json", diagnostics go to stdout as JSON too. */
  setFormat(format: string): void;
  /** A progress bar on stderr for `total` units (silent unless stderr is a terminal, without --quiet, for a non-JSON report). */
  progress(total: number, label: string): import("./progress.js").Progress;
  /** Size of an input file in bytes (undefined for stdin or when unknown). */
  inputSize(path: string): number | undefined;
}
