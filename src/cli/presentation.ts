import { Option } from "commander";
import { InputError, problem } from "../read/diagnostics.js";
import type { ReportSettings } from "../report/settings.js";
import type { CliIo } from "./cli-io.js";

/** Narrowest `--width` a table is fitted to: below it the first column and one figure no longer fit. */
export const MIN_WIDTH = 40;

/** `--locale`, `--width`, `--wide`: how every command's report is presented (declared once, added to each command). */
export function presentationOptions(): Option[] {
  return [
    new Option("--locale <locale>", "labels and CSV style: en (default) or fr (CSV with ';', decimal comma and a BOM for French Excel; French labels). Also CCPLAN_LOCALE").choices(["en", "fr"]),
    new Option("--width <n>", "fit tables to N columns (default: the terminal's width, or COLUMNS; no limit in a pipe)"),
    new Option("--wide", "never drop or abbreviate table columns, whatever the width"),
  ];
}

/**
 * The run's presentation from the command's options and the environment:
 * locale from `--locale`, else `CCPLAN_LOCALE`; width from `--width`, else
 * `COLUMNS`, else the terminal's width when stdout is one.
 * A `CCPLAN_LOCALE` that is neither is told to `warn` and English is used.
 * @throws InputError USAGE_BAD_OPTION for a `--width` that is not one
 */
export function presentationSettings(opts: { locale?: string; width?: string; wide?: boolean }, io: Pick<CliIo, "env" | "stdout">, warn?: (message: string) => void): Partial<ReportSettings> {
  const envLocale = io.env.CCPLAN_LOCALE?.trim().toLowerCase();
  let locale: ReportSettings["locale"] = "en";
  if (opts.locale !== undefined) locale = opts.locale as ReportSettings["locale"];
  else if (envLocale !== undefined && envLocale !== "") {
    const short = envLocale.slice(0, 2);
    // a wrong variable in the environment (fr_FR.UTF-8 reads as fr) does not stop every command: English, and a warning
    if (short === "en" || short === "fr") locale = short;
    else warn?.(`ccplan: warning CCPLAN_LOCALE: got ${JSON.stringify(io.env.CCPLAN_LOCALE)}, expected en or fr (English used)`);
  }
  let width: number | undefined;
  if (opts.width !== undefined) {
    width = Number(opts.width);
    if (!/^\s*\d+\s*$/.test(opts.width) || width < MIN_WIDTH) {
      throw new InputError([problem("USAGE_BAD_OPTION", `--width: got ${JSON.stringify(opts.width)}, expected a whole number of columns >= ${MIN_WIDTH}`, { field: "--width" })]);
    }
  } else {
    const columns = Number(io.env.COLUMNS);
    if (io.env.COLUMNS !== undefined && /^\d+$/.test(io.env.COLUMNS.trim()) && columns >= MIN_WIDTH) width = columns;
    else if (io.stdout.isTTY === true && typeof io.stdout.columns === "number" && io.stdout.columns > 0) width = Math.max(MIN_WIDTH, io.stdout.columns);
  }
  return { locale, width, wide: opts.wide === true };
}
