import type { ChalkInstance } from "chalk";

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
 * Whether one stream gets colour, decided once: `--no-color`, `NO_COLOR` and
 * `TERM=dumb` turn it off; `FORCE_COLOR` turns it on; otherwise only a TTY
 * gets colour.
 */
export function colorOn(stream: OutStream, env: CliIo["env"], noColorFlag: boolean): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

/** chalk's style names (its modifierNames, foregroundColorNames and backgroundColorNames; a test holds the list to chalk's). */
export const CHALK_STYLES: readonly string[] = [
  ...["reset", "bold", "dim", "italic", "underline", "overline", "inverse", "hidden", "strikethrough"],
  ...["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", "gray", "grey"].flatMap((c) => [c, `bg${c[0]!.toUpperCase()}${c.slice(1)}`]),
  ...["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"].flatMap((c) => [`${c}Bright`, `bg${c[0]!.toUpperCase()}${c.slice(1)}Bright`]),
];

/**
 * A chalk without colour, as `new Chalk({ level: 0 })` answers, built without
 * loading chalk (most runs write to a pipe or a file): the instance itself
 * joins its arguments with spaces; a style gives its one argument as text
 * (several joined); after `visible`, nothing.
 */
function plainChalk(kind: "root" | "style" | "empty"): ChalkInstance {
  const apply =
    kind === "root" ? (...texts: unknown[]) => texts.join(" ") : kind === "style" ? (...texts: unknown[]) => (texts.length === 1 ? "" + texts[0] : texts.join(" ")) : () => "";
  const builder = apply as unknown as Record<string, unknown>;
  // getters, as chalk's: a style of a style is the same style (no colour to add), of `visible` still nothing
  const styled = () => (kind === "empty" ? builder : (PLAIN_STYLE ??= plainChalk("style")));
  const props: PropertyDescriptorMap = { level: { value: 0, writable: true }, visible: { get: () => (EMPTY_STYLE ??= plainChalk("empty")) } };
  for (const name of CHALK_STYLES) props[name] = { get: styled };
  for (const name of ["rgb", "hex", "ansi256", "bgRgb", "bgHex", "bgAnsi256"]) props[name] = { value: styled };
  Object.defineProperties(builder, props);
  return builder as unknown as ChalkInstance;
}
let PLAIN_STYLE: ChalkInstance | undefined;
let EMPTY_STYLE: ChalkInstance | undefined;

/** No colour: every style gives its text back as it is (and `visible` nothing), as chalk at level 0. */
export const NO_COLOR: ChalkInstance = plainChalk("root");

/**
 * Colour for one stream (see {@link colorOn}): chalk at level 1 when on,
 * given the chalk module (loaded only then: see main.ts), else
 * {@link NO_COLOR}. chalk's global instance ignores NO_COLOR, hence a fresh one.
 */
export function colorFor(stream: OutStream, env: CliIo["env"], noColorFlag: boolean, chalk: typeof import("chalk") | undefined): ChalkInstance {
  return colorOn(stream, env, noColorFlag) && chalk !== undefined ? new chalk.Chalk({ level: 1 }) : NO_COLOR;
}
