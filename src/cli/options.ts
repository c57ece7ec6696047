import { Option, type Command } from "commander";
import type { CommandContext } from "./context.js";

export type OutputFormat = "table" | "csv" | "json" | "html" | "xlsx";

/**
 * `--format table|csv|json` (default table, whatever stdout is), `html` for
 * the commands that draw reports, `xlsx` for those whose tables make a
 * workbook (see {@link formatFor}: `--out FILE.xlsx` alone picks it).
 */
export function formatOption(html = false, xlsx = false): Option {
  const help = [html ? "html: one self-contained page with charts" : "", xlsx ? "xlsx: a workbook, a sheet per table; --out FILE.xlsx alone picks it" : ""].filter((s) => s !== "").join("; ");
  return new Option("--format <format>", help === "" ? "output format" : `output format (${help})`)
    .choices(["table", "csv", "json", ...(html ? ["html"] : []), ...(xlsx ? ["xlsx"] : [])])
    .default("table");
}

/** The format each `--out` file extension stands for. */
const EXTENSION_FORMATS: Readonly<Record<string, OutputFormat>> = { csv: "csv", json: "json", html: "html", htm: "html", xlsx: "xlsx" };

/**
 * The format a command writes: `--format` as given; without it, the format
 * `--out`'s extension names (`.csv`, `.json`, `.html`, `.xlsx`) when the
 * command writes it (a terminal table in a file named .csv, or in a .xlsx
 * Excel refuses, is never what was meant), else the default. `warn` is told
 * when `--format` and the extension disagree (the flag wins).
 */
export function formatFor(command: Command, opts: { format: OutputFormat; out?: string | undefined }, warn?: (message: string) => void): OutputFormat {
  const extension = opts.out === undefined ? undefined : /\.([a-z]+)$/i.exec(opts.out)?.[1]?.toLowerCase();
  const named = extension === undefined ? undefined : EXTENSION_FORMATS[extension];
  const choices = command.options.find((o) => o.long === "--format")?.argChoices ?? [];
  if (named === undefined || !choices.includes(named)) return opts.format;
  if (command.getOptionValueSource("format") === "default") return named;
  if (named !== opts.format && warn !== undefined) warn(`ccplan: warning --format ${opts.format} writes ${opts.format === "table" ? "a terminal table" : opts.format.toUpperCase()} into ${opts.out}, a .${extension} name (--format wins)`);
  return opts.format;
}

/**
 * Settle a command's format once it is parsed (see {@link formatFor}), tell
 * the top level (JSON diagnostics), and refuse a workbook on a terminal.
 * @throws InputError USAGE_BAD_OPTION for xlsx written to a terminal
 */
export async function settleFormat(command: Command, opts: { format: OutputFormat; out?: string | undefined }, ctx: Pick<CommandContext, "warn" | "setFormat" | "io">): Promise<OutputFormat> {
  const format = formatFor(command, opts, (m) => ctx.warn(m));
  ctx.setFormat(format);
  if (format === "xlsx") (await import("../report/output.js")).refuseBinaryOnTerminal(format, opts.out, ctx.io.stdout);
  return format;
}

/** `--out FILE`: write the report atomically to FILE instead of stdout. */
export function outOption(): Option {
  return new Option("--out <file>", "write the report to this file (atomically) instead of stdout");
}
