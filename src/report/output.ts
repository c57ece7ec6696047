import writeFileAtomic from "write-file-atomic";
import { InputError, problem } from "../read/diagnostics.js";

/**
 * Write a report whole or not at all: to `--out FILE` through a temporary
 * file in the same folder renamed over the target, or to stdout.
 */
export function writeReport(text: string, outPath: string | undefined, stdout: { write(s: string): unknown }): void {
  if (outPath === undefined || outPath === "-") {
    stdout.write(text);
    return;
  }
  try {
    writeFileAtomic.sync(outPath, text, { encoding: "utf8" });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InputError([problem("IO_WRITE", `cannot write ${outPath} (${reason}): expected a writable path`, { file: outPath })]);
  }
}
