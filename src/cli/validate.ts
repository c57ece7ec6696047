import { Command } from "commander";
import type { CsvKind } from "../read/csv-kind.js";
import type { Diagnostic } from "../read/diagnostics.js";
import type { ForecastRow } from "../plan/forecast.js";
import type { CommandContext } from "./context.js";
import { formatOption, type OutputFormat } from "./options.js";

const EXAMPLES = `
Examples:
  $ ccplan validate fixtures/forecast-week.csv
  $ ccplan validate fixtures/forecast-week-fr.csv fixtures/scenarios/in-house.yaml
  $ ccplan validate fixtures/bad/forecast-bad.csv --format json
`;

interface ValidateOptions {
  format: OutputFormat;
  interval?: string;
  dateFormat?: string;
  allowGaps?: boolean;
  delimiter?: string;
  sheet?: string;
}

/** `ccplan validate FILE…`: every problem of every file, nothing computed. */
export function validateCommand(ctx: CommandContext): Command {
  return new Command("validate")
    .summary("check forecast and batch files, listing every problem with file, line and column")
    .description(
      "Check input files without computing anything. Scenario files are .yaml, .yml\n" +
        "or .json. The kind of each CSV or .xlsx workbook (its first sheet, or --sheet) is told by\n" +
        "its header: a forecast (interval_start, or date and time, typology, channel,\n" +
        "volume, aht) or an `ccplan erlang --input` batch (volume, aht, targets).\n" +
        "Every problem is listed on stderr as file:line:column; a summary of each file\n" +
        "goes to stdout. Exit 0 when every file is clean, 2 otherwise.",
    )
    .argument("<files...>", "files to check ('-' for stdin)")
    .addHelpText("before", EXAMPLES)
    .option("--interval <minutes>", "interval length of forecasts without an interval_minutes column (default: inferred)")
    .option("--date-format <order>", "how a/b/yyyy dates read: dmy (23/11/2026) or mdy (11/23/2026) (default: decided from the data)")
    .option("--allow-gaps", "dates far from the rest of the forecast are meant (no INPUT_DATE_OUTLIER)")
    .option("--delimiter <char>", "CSV delimiter (default: detected)")
    .addOption(formatOption())
    .action(async (files: string[], opts: ValidateOptions) => {
      ctx.setFormat(opts.format);
      ctx.setExit(await runValidate(files, opts, ctx));
    });
}

/** The outcome of checking one file. */
interface FileReport {
  file: string;
  kind: CsvKind | "scenario";
  ok: boolean;
  summary: Record<string, string | number | null>;
  diagnostics: Diagnostic[];
}

async function runValidate(files: string[], opts: ValidateOptions, ctx: CommandContext): Promise<number> {
  const { InputError, formatDiagnostics, problem } = await import("../read/diagnostics.js");
  const { sniffCsvKind } = await import("../read/csv-kind.js");
  const { collectChunks } = await import("../read/csv-stream.js");
  const delimiter = (await import("../read/csv-delimiter.js")).delimiterOption(opts.delimiter);
  const forecastOptions = (await import("../read/forecast-options.js")).forecastReadOptions(opts);
  const intervalMin = forecastOptions.intervalMin;

  const reports: FileReport[] = [];
  /** Scenarios and forecasts read cleanly: a scenario's rules are checked against every forecast given with it. */
  const scenarios: { report: FileReport; scenario: import("../plan/scenario.js").Scenario; text: string }[] = [];
  const forecasts: { file: string; rows: ForecastRow[] }[] = [];
  for (const file of files) {
    const report: FileReport = { file, kind: "unknown", ok: false, summary: {}, diagnostics: [] };
    reports.push(report);
    try {
      if (/\.(ya?ml|json)$/i.test(file)) {
        report.kind = "scenario";
        const { readScenario } = await import("../read/scenario-read.js");
        const { decodeText } = await import("../read/text-decode.js");
        const text = decodeText(await ctx.readInput(file), file).text;
        const s = readScenario(text, file, { onWarning: (w) => report.diagnostics.push(w) });
        scenarios.push({ report, scenario: s, text });
        // the name last: it may hold commas
        report.summary = {
          levels: s.tiers === null ? 1 : 3,
          organisation: s.organisation.model,
          sites: s.sites.length === 0 ? "in-house" : s.sites.map((x) => `${x.name} (${x.kind})`).join(" "),
          name: s.name,
        };
        report.ok = true;
        continue;
      }
      const { kind, chunks, problem: binary, sheet, headerRow } = await sniffCsvKind(ctx.streamInput(file), file, { sheet: opts.sheet });
      report.kind = kind;
      // a roster, batch or requirement workbook: its sheet read whole (a CSV file stays bytes)
      const { loadSheet, HEADER_REACH } = await import("../read/xlsx-table.js");
      const tableInput = async () => loadSheet(await collectChunks(chunks), file, { sheet: opts.sheet, onWarning: (d) => report.diagnostics.push(d) });
      if (kind === "forecast") {
        const { readForecast } = await import("../read/forecast-read.js");
        const { formatDateTime } = await import("../plan/calendar.js");
        const { queueId } = await import("../plan/forecast.js");
        const queues = new Map<string, ForecastRow>();
        const s = await readForecast(chunks, file, { ...forecastOptions, delimiter, onWarning: (d) => report.diagnostics.push(d) }, (row) => {
          const id = queueId(row);
          if (!queues.has(id)) queues.set(id, row);
        });
        forecasts.push({ file, rows: [...queues.values()] });
        report.summary = {
          rows: s.rows,
          queues: s.queues,
          intervalMin: s.intervalMin,
          intervalFrom: s.intervalFrom,
          first: s.firstStartMin === undefined ? null : formatDateTime(s.firstStartMin),
          last: s.lastStartMin === undefined ? null : formatDateTime(s.lastStartMin),
          ...sourceFacts(s.sheet, { encoding: s.encoding, delimiter: delimiterName(s.delimiter) }),
        };
      } else if (kind === "erlang-cases") {
        const { readErlangCases } = await import("../read/erlang-cases.js");
        const bytes = await tableInput();
        let rows = 0;
        readErlangCases(bytes, file, { intervalMin: intervalMin ?? 30 }, delimiter === undefined ? {} : { delimiter }, () => rows++);
        report.summary = { rows, ...sourceFacts(sheetOf(bytes)) };
      } else if (kind === "roster") {
        const { readRoster } = await import("../read/roster-read.js");
        const r = readRoster(await tableInput(), file, () => 35, delimiter === undefined ? {} : { delimiter });
        report.diagnostics.push(...r.warnings);
        report.summary = { people: r.summary.people, sites: r.summary.sites.join(" "), skills: r.summary.skills, ...sourceFacts(r.summary.sheet, { delimiter: delimiterName(r.summary.delimiter) }) };
      } else if (kind === "requirement") {
        const { readRequirement } = await import("../read/requirement-read.js");
        const input = await tableInput();
        const r = readRequirement(input, file, { delimiter, dateFormat: forecastOptions.dateFormat, intervalMin });
        report.summary = { teams: r.teams.map((t) => t.team).join(", "), rows: r.teams.reduce((n, t) => n + t.rows.length, 0), intervalMin: r.gridMin, ...sourceFacts(sheetOf(input)) };
      } else if (kind === "empty") {
        throw new InputError([problem("CSV_EMPTY", "the file is empty: expected a header line and data rows", { file, line: 1 })]);
      } else if (kind === "binary") {
        throw new InputError([binary ?? problem("CSV_BINARY", "the file is not text (it holds NUL bytes): expected a CSV export or an .xlsx workbook", { file })]);
      } else {
        // a workbook: the sheet and the row taken as its header
        const taken = sheet === undefined ? "" : ` (row ${headerRow ?? 1} taken as the header: no row among the first ${HEADER_REACH} names the columns of one)`;
        throw new InputError([
          problem("CSV_MISSING_COLUMN", `not a file ccplan knows${taken}: expected a forecast (interval_start, typology, channel, volume, aht), an erlang batch (volume, aht), a roster (agent_id, site, tier) or a requirement (interval_start, agents)`, {
            file,
            line: headerRow ?? 1,
            ...(sheet === undefined ? {} : { sheet }),
          }),
        ]);
      }
      report.ok = true;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // errors and the warnings found before them, in file order
      report.diagnostics = [...error.diagnostics, ...report.diagnostics].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    }
  }

  if (forecasts.length > 0 && scenarios.length > 0) {
    // rules that match nothing in a forecast given beside the scenario (PLAN_UNUSED_RULE), at their lines
    const { plannedQueues, unusedRulesOf } = await import("../plan/unused-rules.js");
    const { unusedRuleWarnings } = await import("../read/scenario-rule-lines.js");
    for (const { report, scenario, text } of scenarios) {
      for (const f of forecasts) report.diagnostics.push(...unusedRuleWarnings(text, report.file, unusedRulesOf(scenario, plannedQueues(scenario, f.rows)), f.file, f.rows.map((r) => r.typology)));
    }
  }

  if (opts.format === "json") {
    // a workbook's diagnostics name their cell too, as every command's JSON diagnostics do
    const { cellOf } = await import("../read/diagnostics.js");
    const files = reports.map((r) => ({ ...r, diagnostics: r.diagnostics.map((d) => (d.sheet === undefined ? d : { ...d, cell: cellOf(d) })) }));
    ctx.io.stdout.write(JSON.stringify({ schemaVersion: 1, files }, null, 1) + "\n");
  } else {
    const lines = reports.map((r) => {
      const facts = Object.entries(r.summary)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ");
      // a failed file's errors counted apart from its warnings
      const errors = r.diagnostics.filter((d) => d.severity === "error").length;
      const warnings = r.diagnostics.length - errors;
      const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
      const verdict = r.ok ? (warnings > 0 ? `ok, ${counted(warnings, "warning")}` : "ok") : `${counted(errors, "problem")}${warnings > 0 ? `, ${counted(warnings, "warning")}` : ""}`;
      return `${r.file}: ${verdict} (${r.kind}${facts ? `; ${facts}` : ""})`;
    });
    ctx.io.stdout.write(lines.join("\n") + "\n");
  }
  for (const r of reports) if (r.diagnostics.length > 0) ctx.io.stderr.write(formatDiagnostics(r.diagnostics, Infinity));
  return reports.every((r) => r.ok) ? 0 : 2;
}

/** Where a file's rows came from, for its summary: the workbook's sheet, else what `csv` says of the CSV file. */
function sourceFacts(sheet: string | undefined, csv: Record<string, string> = {}): Record<string, string> {
  return sheet !== undefined ? { sheet } : csv;
}

/** The sheet a table was read from; undefined for the bytes of a CSV file. */
function sheetOf(input: Uint8Array | { sheet: string }): string | undefined {
  return input instanceof Uint8Array ? undefined : input.sheet;
}

/** A delimiter as the summary names it (a tab as "tab"). */
function delimiterName(delimiter: string): string {
  return delimiter === "\t" ? "tab" : delimiter;
}
