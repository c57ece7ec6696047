import { createRequire } from "node:module";
import type { SingleBar as Bar } from "cli-progress";
import type { CommandContext } from "./context.js";

/** cli-progress, loaded only when a bar is drawn (start-up stays light). */
function singleBar(): typeof Bar {
  return (createRequire(import.meta.url)("cli-progress") as { SingleBar: typeof Bar }).SingleBar;
}

/** A progress display: `tick` some units done, `stop` at the end (or on failure). */
export interface Progress {
  tick(units: number): void;
  stop(): void;
}

const SILENT: Progress = { tick: () => {}, stop: () => {} };

/**
 * A progress bar on stderr for long runs — only when stderr is a terminal,
 * messages are on (no `--quiet`) and the report is not JSON (whose
 * diagnostics share the streams); silent otherwise, so pipes and CI logs
 * stay clean.
 */
export function progressBar(stderr: { write(s: string): unknown; isTTY?: boolean }, enabled: boolean, total: number, label: string): Progress {
  if (!enabled || stderr.isTTY !== true || !(total > 0)) return SILENT;
  const SingleBar = singleBar();
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}%`,
    barCompleteChar: "█",
    barIncompleteChar: "░",
    hideCursor: true,
    clearOnComplete: true,
    stream: stderr as NodeJS.WriteStream,
    fps: 10,
  });
  bar.start(total, 0);
  let done = 0;
  return {
    tick(units) {
      done += units;
      bar.update(Math.min(done, total));
    },
    stop() {
      bar.stop();
    },
  };
}

/** A byte stream that moves a progress bar by the bytes it yields, and stops it at the end. */
export async function* counted(source: AsyncIterable<Uint8Array>, p: Progress): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of source) {
      p.tick(chunk.length);
      yield chunk;
    }
  } finally {
    p.stop();
  }
}

/** The forecast's bytes, with a progress bar when the file is large enough to wait for (over 20 MB). */
export function readingWithProgress(ctx: CommandContext, path: string): AsyncIterable<Uint8Array> {
  const size = ctx.inputSize(path);
  const source = ctx.streamInput(path);
  return size !== undefined && size > 20 << 20 ? counted(source, ctx.progress(size, `reading ${path}`)) : source;
}
