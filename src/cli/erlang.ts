import { Command } from "commander";
import type { ErlangAnswer, ErlangCase } from "../plan/erlang-case.js";
import { formatDiagnostics, InputError, problem, warning } from "../read/diagnostics.js";
import { parseErlangFields, type ErlangColumn, type ErlangFields } from "../read/erlang-fields.js";
import { parsePositive, type Parsed } from "../read/values.js";
import type { CommandContext } from "./context.js";
import { formatOption, settleFormat, outOption, type OutputFormat } from "./options.js";

/** Default interval length, minutes, when neither --interval nor a column gives one. */
export const DEFAULT_INTERVAL_MIN = 30;
/** Default target when no target at all is given on the command line: 80 % within 20 s. */
export const DEFAULT_SERVICE_LEVEL = { share: 0.8, withinSec: 20 };

const EXAMPLES = `
Examples:
  $ ccplan erlang --volume 100 --aht 3:00 --interval 30 --sl 80/20
  $ ccplan erlang --volume 100 --aht 180 --sl 80/20 --patience 300 --max-abandon 5%
  $ ccplan erlang --volume 1000 --aht 120 --interval 60 --sl 80/20 --max-occupancy 0.85
  $ ccplan erlang --volume 60 --aht 6:00 --sl 80/60 --concurrency 2
  $ ccplan erlang --volume 200 --aht-by-concurrency 5:00,6:15,7:30 --sl 80/60
  $ ccplan erlang --input fixtures/erlang-cases.csv --format csv
`;

interface ErlangOptions {
  volume?: string;
  aht?: string;
  interval?: string;
  sl?: string;
  slSeconds?: string;
  asa?: string;
  maxOccupancy?: string;
  patience?: string;
  maxAbandon?: string;
  concurrency?: string;
  ahtByConcurrency?: string;
  input?: string;
  delimiter?: string;
  format: OutputFormat;
  out?: string;
  strict?: boolean;
}

/** `ccplan erlang`: the single-queue and batch Erlang calculator. */
export function erlangCommand(ctx: CommandContext): Command {
  return new Command("erlang")
    .summary("agents needed for one queue (or every row of a CSV), Erlang C or Erlang A")
    .description(
      "Agents needed for one queue, with the service level, ASA, P(wait), occupancy\n" +
        "and abandonment for N around the answer. Erlang C by default; Erlang A when a\n" +
        "patience is given; k sessions per agent with --concurrency. With --input, solves\n" +
        "every row of a CSV (columns: volume, aht, interval_minutes, sl_target,\n" +
        "sl_seconds, asa_max, max_occupancy, patience, max_abandon, concurrency,\n" +
        "aht_by_concurrency, id). Chats lasting longer while the agent holds more:\n" +
        "--aht-by-concurrency (the exact chat chain).\n" +
        "Without any target, 80% within 20 s is assumed.",
    )
    .addHelpText("before", EXAMPLES)
    .option("--volume <n>", "contacts offered in the interval")
    .option("--aht <duration>", "average handle time: seconds, mm:ss or hh:mm:ss")
    .option("--interval <minutes>", `interval length in minutes (default ${DEFAULT_INTERVAL_MIN})`)
    .option("--sl <target>", "service level: 80/20, or a share (0.8, 80%) with --sl-seconds")
    .option("--sl-seconds <duration>", "service-level threshold, seconds")
    .option("--asa <duration>", "maximum average speed of answer, seconds")
    .option("--max-occupancy <share>", "maximum occupancy, e.g. 0.85 or 85%")
    .option("--patience <duration>", "mean patience before abandoning, seconds (enables Erlang A)")
    .option("--max-abandon <share>", "maximum abandonment, e.g. 5% (needs --patience)")
    .option("--concurrency <k>", "sessions one agent handles at once (chat), whole number")
    .option("--aht-by-concurrency <list>", "mean chat duration while the agent holds 1, 2, … chats: 300,360,450 (replaces --aht)")
    .option("--input <file>", "solve every row of this CSV or .xlsx file ('-' for stdin)")
    .option("--delimiter <char>", "CSV delimiter of --input (default: detected)")
    .addOption(formatOption(false, true))
    .addOption(outOption())
    .option("--strict", "exit 1 when a row's targets cannot be met")
    .action(async (opts: ErlangOptions, command: Command) => {
      opts.format = await settleFormat(command, opts, ctx);
      ctx.setExit(await runErlang(opts, ctx));
    });
}

async function runErlang(opts: ErlangOptions, ctx: CommandContext): Promise<number> {
  if (opts.input !== undefined && (opts.format === "csv" || opts.format === "json")) return streamBatch(opts, opts.input, opts.format, ctx);
  const { solveErlangCase, staffingCurve } = await import("../plan/erlang-case.js");
  const render = await import("../report/render-erlang.js");
  const { writeReport } = await import("../report/output.js");

  let text = "";
  const input: { sheet?: string } = {}; // the workbook's sheet, when --input is one
  const cases = opts.input !== undefined ? await casesFromFile(opts, ctx, input) : [caseFromFlags(opts)];
  const answers = cases.map((c) => solveErlangCase(c));
  if (opts.format === "xlsx") {
    const { writeErlangWorkbook } = await import("../report/xlsx-erlang.js");
    await (await import("../report/output.js")).writeBinaryReport(opts.out, ctx.io.stdout, (fd) => writeErlangWorkbook(answers, fd));
  } else if (opts.format === "json") text = render.renderErlangJson(answers);
  else if (opts.format === "csv") text = render.renderErlangCsv(answers);
  else if (opts.input === undefined) text = render.renderErlangSingle(answers[0]!, staffingCurve(answers[0]!), ctx.color(opts.out));
  else text = render.renderErlangBatchTable(answers, ctx.color(opts.out));
  if (opts.format !== "xlsx") writeReport(text, opts.out, ctx.io.stdout);
  if (opts.out !== undefined && opts.out !== "-") ctx.info(`wrote ${opts.out}`);
  const unreachable = new Unreachable(opts.input, input);
  for (const a of answers) unreachable.note(a);
  return unreachable.report(ctx, opts.strict === true);
}

/**
 * `--input` to CSV or JSON: each row is read, solved and written as it
 * comes (see streamErlangCases and StreamedReport), so that memory stays
 * flat whatever the batch's size; `--out` gets the whole report or nothing,
 * stdout only a complete report (a bad row, even the last, leaves both
 * untouched and exits 2 with every bad row reported).
 */
async function streamBatch(opts: ErlangOptions, file: string, format: "csv" | "json", ctx: CommandContext): Promise<number> {
  const intervalMin = batchInterval(opts);
  const { solveErlangCase } = await import("../plan/erlang-case.js");
  const render = await import("../report/render-erlang.js");
  const { csvStyle } = await import("../report/csv-cell.js");
  const { StreamedReport } = await import("../report/streamed-report.js");
  const { ByteWriter } = await import("../report/byte-writer.js");
  const { streamErlangCases } = await import("../read/erlang-cases.js");
  const { readingWithProgress } = await import("./progress.js");
  const delimiter = (await import("../read/csv-delimiter.js")).delimiterOption(opts.delimiter);
  const sheetFlags = opts as { sheet?: string }; // --sheet, added to every command (see sheet-option.ts)

  const style = csvStyle();
  const json = format === "json";
  const unreachable = new Unreachable(file, {});
  const out = new StreamedReport(opts.out, ctx.io.stdout);
  const w = new ByteWriter((bytes) => out.writeBytes(bytes));
  let rows = 0;
  try {
    w.text(json ? render.ERLANG_JSON_START : render.erlangCsvStart(style));
    const read = await streamErlangCases(
      readingWithProgress(ctx, file),
      file,
      { intervalMin },
      {
        delimiter,
        sheet: sheetFlags.sheet,
        sheetOption: "--sheet",
        onWarning: (d) => ctx.warn(formatDiagnostics([d]).trimEnd()),
      },
      (c) => {
        const a = solveErlangCase(c);
        if (!a.result.feasible) unreachable.note(a);
        if (json) {
          if (rows > 0) w.text(render.ERLANG_JSON_SEPARATOR);
          render.writeErlangJsonRow(w, a);
        } else render.writeErlangCsvRow(w, a, style);
        rows++;
      },
    );
    if (read.sheet !== undefined) unreachable.input.sheet = read.sheet;
    if (json) w.text(render.ERLANG_JSON_END);
    w.flush();
  } catch (error) {
    out.discard();
    throw error;
  }
  out.finish();
  if (opts.out !== undefined && opts.out !== "-") ctx.info(`wrote ${opts.out}`);
  return unreachable.report(ctx, opts.strict === true);
}

/** How many unreachable rows are named on stderr (the rest are counted). */
const UNREACHABLE_SHOWN = 5;

/** The rows whose targets cannot be met: the first few kept, the others counted (a batch may have a million). */
class Unreachable {
  private readonly shown: ErlangAnswer[] = [];
  private count = 0;

  constructor(
    private readonly file: string | undefined,
    readonly input: { sheet?: string },
  ) {}

  note(a: ErlangAnswer): void {
    if (a.result.feasible) return;
    if (this.shown.length < UNREACHABLE_SHOWN) this.shown.push(a);
    this.count++;
  }

  /** The PLAN_TARGET_UNREACHABLE warnings on stderr; the exit code (1 with --strict when there are any). */
  report(ctx: CommandContext, strict: boolean): number {
    if (this.count === 0) return 0;
    const where = (a: ErlangAnswer) => (this.file === undefined ? {} : { file: this.file, line: a.case.line, ...this.input });
    const warnings = this.shown.map((a) => warning("PLAN_TARGET_UNREACHABLE", a.result.reason ?? "targets cannot be met", where(a)));
    const more = this.count - this.shown.length;
    ctx.warn(formatDiagnostics(warnings, UNREACHABLE_SHOWN).trimEnd() + (more > 0 ? `\n…and ${more} more` : ""));
    return strict ? 1 : 0;
  }
}

/** The interval of a batch's rows without one (--interval, else 30 min); the flags that are columns of a batch are refused. */
function batchInterval(opts: ErlangOptions): number {
  const conflicting = (["volume", "aht", "sl", "slSeconds", "asa", "maxOccupancy", "patience", "maxAbandon", "concurrency", "ahtByConcurrency"] as const).filter(
    (k) => opts[k] !== undefined,
  );
  if (conflicting.length > 0) {
    const flags = conflicting.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(", ");
    throw new InputError([
      problem("USAGE_CONFLICT", `${flags} cannot be used with --input: expected the values as columns of the file`, { field: "--input" }),
    ]);
  }
  return opts.interval === undefined ? DEFAULT_INTERVAL_MIN : flag(parsePositive(opts.interval, { field: "--interval" }));
}

/** A batch read whole (the table and xlsx reports, which need every row before the first line). */
async function casesFromFile(opts: ErlangOptions, ctx: CommandContext, input: { sheet?: string }): Promise<ErlangCase[]> {
  const intervalMin = batchInterval(opts);
  const { readErlangCases } = await import("../read/erlang-cases.js");
  const delimiter = (await import("../read/csv-delimiter.js")).delimiterOption(opts.delimiter);
  const bytes = await (await import("./sheet-option.js")).sheetInput(ctx, opts.input!, opts, "input");
  if (!(bytes instanceof Uint8Array)) input.sheet = bytes.sheet;
  const csvOptions = delimiter === undefined ? {} : { delimiter };
  return readErlangCases(bytes, opts.input!, { intervalMin }, csvOptions);
}

/** The columns of a batch file that each flag stands for. */
const FLAG_COLUMNS: readonly [keyof ErlangOptions, ErlangColumn, string][] = [
  ["volume", "volume", "--volume"],
  ["aht", "aht", "--aht"],
  ["interval", "interval_minutes", "--interval"],
  ["sl", "sl_target", "--sl"],
  ["slSeconds", "sl_seconds", "--sl-seconds"],
  ["asa", "asa_max", "--asa"],
  ["maxOccupancy", "max_occupancy", "--max-occupancy"],
  ["patience", "patience", "--patience"],
  ["maxAbandon", "max_abandon", "--max-abandon"],
  ["concurrency", "concurrency", "--concurrency"],
  ["ahtByConcurrency", "aht_by_concurrency", "--aht-by-concurrency"],
];

/**
 * The one case of the flags form: the flags are read exactly like the
 * columns of a batch row, but a missing volume or AHT is a usage error and no
 * target at all means 80 % within 20 s.
 */
function caseFromFlags(opts: ErlangOptions): ErlangCase {
  const given: ErlangFields = {};
  for (const [option, column, name] of FLAG_COLUMNS) {
    const text = opts[option];
    if (typeof text === "string") given[column] = { text, src: { field: name } };
  }
  const parsed = parseErlangFields(given, 1, {
    decimalComma: false,
    defaults: { intervalMin: DEFAULT_INTERVAL_MIN },
    names: { sl_seconds: "--sl-seconds N" },
    missing: (col) => {
      const name = col === "volume" ? "--volume" : "--aht";
      return problem("USAGE_MISSING_OPTION", `${name} is required: expected ${name} <value> (or --input FILE)`, { field: name });
    },
    noTarget: () => ({ serviceLevel: DEFAULT_SERVICE_LEVEL.share, answerWithinSec: DEFAULT_SERVICE_LEVEL.withinSec }),
  });
  if (!parsed.ok) throw new InputError(parsed.problems);
  return parsed.case;
}

function flag<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new InputError([parsed.diagnostic]);
  return parsed.value;
}

