import { Chalk, type ChalkInstance } from "chalk";

/** A stream the CLI writes to. */
export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** The terminal's width in columns, when the stream is one. */
  columns?: number;
}

/** Everything the CLI touches of the outside world, so tests can run it in-process. */
export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  /** Read a file's bytes (`-` = standard input). */
  readFile(path: string): Promise<Uint8Array>;
  /** Read a file as a stream of chunks (`-` = standard input), for files of any size. */
  openStream(path: string): AsyncIterable<Uint8Array>;
  /** The script the shell ran (`process.argv[1]`): tells an installed ccplan from a clone's, for hints. */
  script?: string;
}

/**
 * Colour for one stream, decided once: `--no-color`, `NO_COLOR` and
 * `TERM=dumb` turn it off; `FORCE_COLOR` turns it on; otherwise only a TTY
 * gets colour. chalk's global instance ignores NO_COLOR, hence a fresh one.
 */
export function colorFor(stream: OutStream, env: CliIo["env"], noColorFlag: boolean): ChalkInstance {
  let on: boolean;
  if (noColorFlag) on = false;
  else if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") on = false;
  else if (env.FORCE_COLOR !== undefined) on = env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  else if (env.TERM === "dumb") on = false;
  else on = stream.isTTY === true;
  return new Chalk({ level: on ? 1 : 0 });
}
