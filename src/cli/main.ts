import { createReadStream, readFile, readFileSync, statSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { diagnosticsJson, formatDiagnostics, InputError, problem, type Diagnostic, type DiagnosticCode } from "../read/diagnostics.js";
import { escaped } from "../read/printable.js";
import { removeTemporaries, temporaries } from "../report/temporaries.js";
import { setReportSettings } from "../report/settings.js";
import { colorFor, colorOn, NO_COLOR, type CliIo } from "./cli-io.js";
import { COMMANDS } from "./commands.js";
import type { CommandContext } from "./context.js";
import { progressBar } from "./progress.js";
import { presentationOptions, presentationSettings } from "./presentation.js";
import { sheetOptions } from "./sheet-option.js";

/** Exit codes (SPEC §6); `interrupted` after SIGINT or SIGTERM (128 + 2, as shells report Ctrl-C). */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2, internal: 70, interrupted: 130 } as const;


/**
 * The command `argv` runs, when commander would surely dispatch to it: the
 * first word that is not a global option (none of which takes a value), when
 * it names a command and no help is asked for. Undefined otherwise (no
 * command, `help`, `--help`/`-h` before the command, an unknown or misspelt
 * name, `--`): then every command is registered, for the help and the
 * "did you mean" of today.
 */
export function commandToLoad(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((a) => !a.startsWith("-"));
  if (at < 0) return undefined;
  if (argv.slice(0, at).some((a) => a === "--" || a === "--help" || /^-[^-]*h/.test(a))) return undefined;
  const name = argv[at];
  return COMMANDS.some(([n]) => n === name) ? name : undefined;
}

/** The package's version, from package.json (one small read at start-up). */
function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

const EXAMPLES = `
Examples:
  $ ccplan plan fixtures/forecast-week.csv --scenario fixtures/scenarios/in-house.yaml
  $ ccplan plan fixtures/forecast-week-fr.csv --report intervals --format csv --out intervals.csv
  $ ccplan compare fixtures/forecast-week.csv --scenario fixtures/scenarios/sourcing-in-house.yaml --scenario fixtures/scenarios/sourcing-hybrid.yaml
  $ ccplan gaps fixtures/forecast-week.csv --roster fixtures/roster.csv --scenario fixtures/scenarios/gaps-two-sites.yaml
  $ ccplan plan fixtures/forecast-week.csv --report heatmap
  $ ccplan init my-plan
  $ ccplan validate fixtures/forecast-week.csv fixtures/scenarios/in-house.yaml
  $ ccplan erlang --volume 100 --aht 3:00 --interval 30 --sl 80/20
  $ ccplan erlang --input fixtures/erlang-cases.csv --format json
`;

/**
 * Run the CLI on `argv` (without node and script) and return the exit code.
 * Only this function decides how to exit; commands return codes or throw
 * InputError (exit 2); a plan that its own factors take past a limit of the
 * models throws PlanLimitError (exit 2, `PLAN_LIMIT`); anything else is a
 * bug (exit 70).
 */
export async function run(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  /** The message of a command-line error commander found (written as a USAGE_ diagnostic). */
  let usageError = "";
  const global = { quiet: false, debug: false, noColor: false, format: "table" };
  setReportSettings({});
  /** chalk, loaded only when stdout gets colour (a pipe or a file never does). */
  let chalk: typeof import("chalk") | undefined;
  const program = new Command("ccplan")
    .description("Contact-center workforce planning: forecasts to agents, FTE and headcount, with exact Erlang C / Erlang A.")
    .version(version(), "-V, --version")
    .option("--no-color", "no colours (also NO_COLOR=1; FORCE_COLOR=1 forces them)")
    .option("-q, --quiet", "no progress, warnings or 'wrote FILE' messages on stderr")
    .option("--debug", "show stack traces of internal errors")
    .addHelpText("before", EXAMPLES)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // commander's own errors are kept and written in ccplan's form when the error reaches the top (below)
      outputError: (s) => {
        usageError = s;
      },
    })
    .hook("preAction", async (cmd, action) => {
      const o = cmd.optsWithGlobals() as { quiet?: boolean; debug?: boolean; color?: boolean };
      global.quiet = o.quiet === true;
      global.debug = o.debug === true;
      global.noColor = o.color === false;
      if (colorOn(io.stdout, io.env, global.noColor)) chalk ??= await import("chalk");
      setReportSettings(presentationSettings(action.opts(), io, (m) => (global.quiet ? undefined : io.stderr.write(m + "\n"))));
    });

  const ctx: CommandContext = {
    io,
    color: (outPath) => (outPath === undefined || outPath === "-" ? colorFor(io.stdout, io.env, global.noColor, chalk) : NO_COLOR),
    readInput: (path) => readInput(io, path),
    streamInput: (path) => streamInput(io, path),
    info: (m) => {
      if (!global.quiet) io.stderr.write(m + "\n");
    },
    warn: (m) => {
      if (!global.quiet) io.stderr.write(m + "\n");
    },
    setExit: (code) => {
      exitCode = code;
    },
    setFormat: (format) => {
      global.format = format;
    },
    progress: (total, label) => progressBar(io.stderr, !global.quiet && global.format !== "json", total, label),
    inputSize: (path) => {
      if (path === "-") return undefined;
      try {
        return statSync(path).size;
      } catch {
        return undefined;
      }
    },
  };

  const only = commandToLoad(argv);
  const makers: ((ctx: CommandContext) => Command)[] = [];
  for (const [name, load] of COMMANDS) if (only === undefined || name === only) makers.push(await load());
  for (const cmd of makers.map((make) => make(ctx))) {
    cmd.exitOverride().configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s) => {
        usageError = s;
      },
    });
    if (cmd.name() !== "init") for (const option of [...sheetOptions(cmd.name()), ...presentationOptions()]) cmd.addOption(option);
    program.addCommand(cmd);
  }

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return EXIT.ok;
      io.stderr.write(formatDiagnostics([problem(usageCode(error.code), usageMessage(usageError || error.message))]));
      io.stderr.write("(run ccplan --help, or ccplan COMMAND --help, for usage)\n");
      return EXIT.usage;
    }
    removeTemporaries(); // whatever a failed command left (its own cleanup normally has)
    // loaded only on this path: start-up stays light
    const { PlanLimitError } = await import("../plan/plan-limit.js");
    if (error instanceof InputError || error instanceof PlanLimitError) {
      const diagnostics: Diagnostic[] = error instanceof InputError ? error.diagnostics : [problem("PLAN_LIMIT", error.message)];
      io.stderr.write(formatDiagnostics(diagnostics));
      if (global.format === "json") io.stdout.write(diagnosticsJson(diagnostics));
      return EXIT.usage;
    }
    const e = error as Error;
    io.stderr.write(`ccplan: internal error, please report: ${escaped(e?.message ?? String(error))}\n`);
    if (global.debug && e?.stack) io.stderr.write(e.stack + "\n");
    return EXIT.internal;
  }
}

/**
 * SIGINT and SIGTERM during a run: remove the `--out` temporary file and the
 * spool folders, say so in one line on stderr, exit 130 (for both: the
 * run was interrupted, whatever sent the signal). A signal is handled
 * between two steps of the event loop: while reading (a stream) at once,
 * during a long synchronous step at its end. For the real process only
 * (bin/ccplan.js); in-process runs keep their host's handlers.
 */
export function handleSignals(): void {
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemporaries();
    const done = temporaries.written.length === 0 ? "no output file written" : `${temporaries.written.join(", ")} complete before the signal`;
    process.stderr.write(`ccplan: error IO_INTERRUPTED interrupted by ${signal}: temporary files removed, ${done}\n`);
    process.exit(EXIT.interrupted);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

async function readInput(io: CliIo, path: string): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (error) {
    throw readProblem(error, path);
  }
}

async function* streamInput(io: CliIo, path: string): AsyncIterable<Uint8Array> {
  try {
    yield* io.openStream(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw readProblem(error, path);
  }
}

function readProblem(error: unknown, path: string): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : (code ?? (error as Error).message);
  return new InputError([problem("IO_READ", `cannot read ${path} (${why}): expected a readable file`, { file: path })]);
}

/**
 * The real process's io. A reader that closes the pipe early (`| head`) ends
 * the run quietly instead of with an EPIPE stack trace.
 */
export function processIo(): CliIo {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    // stdin is read as a stream: readFileSync(0) fails with EAGAIN on a non-blocking pipe.
    // node:fs's callback form: node:fs/promises loads readline and streams at start-up
    readFile: (path) => (path === "-" ? readStream(process.stdin) : new Promise((resolve, reject) => readFile(path, (e, data) => (e === null ? resolve(data) : reject(e))))),
    // 64 KB chunks die young: 1 MB ones outlive a scavenge and pile up until a full GC (+35 MB of RSS at 1 M batch rows)
    openStream: (path) => (path === "-" ? process.stdin : createReadStream(path, { highWaterMark: 1 << 16 })),
    ...(process.argv[1] !== undefined ? { script: process.argv[1] } : {}),
  };
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** The USAGE_ code of a commander error. */
function usageCode(code: string): DiagnosticCode {
  switch (code) {
    case "commander.unknownCommand":
      return "USAGE_UNKNOWN_COMMAND";
    case "commander.unknownOption":
      return "USAGE_UNKNOWN_OPTION";
    case "commander.missingArgument":
      return "USAGE_MISSING_ARGUMENT";
    case "commander.excessArguments":
      return "USAGE_EXTRA_ARGUMENT";
    case "commander.optionMissingArgument":
    case "commander.missingMandatoryOptionValue":
      return "USAGE_MISSING_OPTION";
    default:
      return "USAGE_BAD_OPTION";
  }
}

/** "error: unknown command 'pln'\n(Did you mean plan?)" → "unknown command 'pln': did you mean plan?" */
function usageMessage(text: string): string {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const head = (lines[0] ?? "").replace(/^error:\s*/, "");
  const hint = lines.slice(1).map((l) => l.replace(/^\((.*)\)$/, "$1").replace(/^Did you mean/, "did you mean"));
  return [head, ...hint].join(": ");
}
