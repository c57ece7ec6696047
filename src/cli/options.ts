import { Option, type Command } from "commander";

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

/**
 * The format a command writes: `--format` as given; without it, `xlsx` when
 * `--out` names a `.xlsx` file and the command writes workbooks (a table in
 * a file named .xlsx would be a file Excel refuses), else the default.
 */
export function formatFor(command: Command, opts: { format: OutputFormat; out?: string | undefined }): OutputFormat {
  const workbooks = command.options.some((o) => o.long === "--format" && (o.argChoices ?? []).includes("xlsx"));
  if (workbooks && command.getOptionValueSource("format") === "default" && opts.out !== undefined && /\.xlsx$/i.test(opts.out)) return "xlsx";
  return opts.format;
}

/** `--out FILE`: write the report atomically to FILE instead of stdout. */
export function outOption(): Option {
  return new Option("--out <file>", "write the report to this file (atomically) instead of stdout");
}
