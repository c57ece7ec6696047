import { Option } from "commander";
import type { CommandContext } from "./context.js";

/**
 * Which sheet of an `.xlsx` input a command reads: `--sheet NAME` for the
 * main input (the forecast, `erlang --input`, `shifts --requirement`, each
 * file of `validate`), `--roster-sheet NAME` for the roster of `gaps` and
 * `compare`. Without them, the first visible sheet. A CSV file has no
 * sheets: the option is then not used, and a warning says so.
 */

/** The flags as commander gives them. */
interface SheetFlags {
  sheet?: string | undefined;
  rosterSheet?: string | undefined;
}

/** Commands whose roster may be a workbook too. */
const WITH_ROSTER = new Set(["gaps", "compare"]);

/** The sheet options of a command (none for `init`). */
export function sheetOptions(command: string): Option[] {
  if (command === "init") return [];
  const input = command === "erlang" ? "the --input workbook" : command === "validate" ? "each .xlsx workbook" : command === "shifts" ? "an .xlsx forecast or --requirement" : "an .xlsx forecast";
  const options = [new Option("--sheet <name>", `the sheet of ${input} to read (default: the first sheet)`)];
  if (WITH_ROSTER.has(command)) options.push(new Option("--roster-sheet <name>", "the sheet of an .xlsx --roster to read (default: the first sheet)"));
  return options;
}

/**
 * A data file that the sync readers take (a roster, a batch, a
 * requirement): its bytes when it is CSV, its sheet read whole when it is a
 * workbook (`which` says which flag of the command's `opts` names the sheet). A sheet named for a
 * CSV file is a warning on stderr.
 *
 * @throws InputError IO_READ, and the workbook's problems (CSV_BINARY, USAGE_BAD_OPTION for an unknown sheet…)
 */
export async function sheetInput(ctx: CommandContext, path: string, opts: object, which: "input" | "roster"): Promise<Uint8Array | import("../read/xlsx-table.js").SheetData> {
  const { loadSheet } = await import("../read/xlsx-table.js");
  const { formatDiagnostics } = await import("../read/diagnostics.js");
  const flags = opts as SheetFlags; // the command's options, with the flags sheetOptions added
  const sheet = which === "roster" ? flags.rosterSheet : flags.sheet;
  return loadSheet(await ctx.readInput(path), path, {
    sheet,
    sheetOption: which === "roster" ? "--roster-sheet" : "--sheet",
    onWarning: (d) => ctx.warn(formatDiagnostics([d]).trimEnd()),
  });
}
