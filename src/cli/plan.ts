import { Command, Option } from "commander";
import type { CommandContext } from "./context.js";
import { readingWithProgress } from "./progress.js";
import { formatOption, settleFormat, outOption, type OutputFormat } from "./options.js";
import { shiftLimitOptions, shiftsOption } from "./shifts-option.js";

const EXAMPLES = `
Examples:
  $ ccplan plan fixtures/forecast-week.csv
  $ ccplan plan fixtures/forecast-week.csv --scenario fixtures/scenarios/in-house.yaml
  $ ccplan plan fixtures/forecast-week-fr.csv --report intervals --format csv --out intervals.csv
  $ ccplan plan fixtures/forecast-week.csv --report days
  $ ccplan plan fixtures/forecast-week.csv --report weeks --format csv
  $ ccplan plan fixtures/forecast-week.csv --report heatmap
  $ ccplan plan fixtures/forecast-week.csv --scenario fixtures/scenarios/org-polyvalent.yaml --out plan.xlsx
  $ ccplan plan fixtures/forecast-week.csv --aht-factor +10% --sl 90/20
  $ ccplan plan fixtures/forecast-week-fr.xlsx --locale fr --width 80
  $ ccplan plan fixtures/forecast-week.csv --scenario fixtures/scenarios/org-polyvalent.yaml --format html --out plan.html
  $ ccplan plan fixtures/forecast-week.csv --scenario fixtures/scenarios/org-polyvalent.yaml --by tier
  $ ccplan plan fixtures/forecast-week.csv --scenario fixtures/scenarios/org-separate.yaml --by group --organisation specialised-by-typology
`;

interface PlanOptions {
  scenario?: string;
  shifts?: boolean;
  gap?: string;
  timeLimit?: string;
  report?: "summary" | "queues" | "intervals" | "days" | "weeks" | "months" | "heatmap";
  weeks?: string;
  by?: "tier" | "group" | "queue";
  organisation?: string;
  site?: string;
  format: OutputFormat;
  out?: string;
  interval?: string;
  dateFormat?: string;
  allowGaps?: boolean;
  delimiter?: string;
  strict?: boolean;
  volumeFactor?: string;
  ahtFactor?: string;
  shrinkage?: string;
  occupancy?: string;
  sl?: string;
  contractHours?: string;
}

/** `ccplan plan FORECAST`: the main job. */
export function planCommand(ctx: CommandContext): Command {
  return new Command("plan")
    .summary("staff every interval of a forecast; FTE and headcount per queue")
    .description(
      "Read a forecast (one row per interval and queue) and staff every interval:\n" +
        "Erlang C / Erlang A / chat concurrency for live channels, the deadline model\n" +
        "for email, mail, forms and social, workload for outbound. Then scheduled\n" +
        "staff (shrinkage), hours, FTE and headcount per queue and in total; with\n" +
        "the scenario's tiers and organisation, level-2/3 work, teams, team leads,\n" +
        "managers and support roles (--by tier, --by group).\n" +
        "Without --scenario the documented defaults apply, with the rows' own targets.",
    )
    .argument("<forecast>", "forecast CSV or .xlsx ('-' for stdin)")
    .addHelpText("before", EXAMPLES)
    .option("--scenario <file>", "scenario file (YAML or JSON): targets, shrinkage, contract hours, opening hours")
    .addOption(new Option("--report <report>", "what to print (default: summary)").choices(["summary", "queues", "intervals", "days", "weeks", "months", "heatmap"]))
    .addOption(
      new Option("--by <what>", "summary by tier (levels, team leads, managers, support roles), by group (teams) or by queue (default)").choices(["tier", "group", "queue"]),
    )
    .addOption(new Option("--organisation <model>", "organisation model, over the scenario's").choices(["separate", "specialised-by-typology", "specialised-by-channel", "polyvalent", "groups"]))
    .addOption(formatOption(true, true))
    .addOption(outOption())
    .option("--volume-factor <x>", "what-if: multiply every volume, e.g. 1.1")
    .option("--aht-factor <x>", "what-if: multiply every handle time, e.g. 0.95")
    .option("--shrinkage <share>", "what-if: total shrinkage, e.g. 30%: the scenario's (and each site's) components scaled to combine to it, names and in-shift split kept")
    .option("--occupancy <share>", "what-if: maximum occupancy of every class, channel and level target, e.g. 85% (async, outbound: the occupancy worked at)")
    .option("--sl <target>", "what-if: service level of live queues (sync class, and every channel and level target with one), e.g. 80/20, or 80% keeping each threshold")
    .option("--contract-hours <h>", "what-if: weekly hours of a full-timer, the scenario's and each site's, e.g. 39")
    .option("--site <name>", "with a scenario of several sites: the site to plan (its share of the flows, its parameters)")
    .option("--interval <minutes>", "interval length when the forecast has no interval_minutes column (default: inferred)")
    .option("--date-format <order>", "how a/b/yyyy dates read: dmy (23/11/2026) or mdy (11/23/2026) (default: decided from the data)")
    .option("--allow-gaps", "dates far from the rest of the forecast are meant (no INPUT_DATE_OUTLIER)")
    .option("--delimiter <char>", "CSV delimiter (default: detected)")
    .option("--weeks <n>", "weeks the forecast stands for: FTE = scheduled hours ÷ N ÷ contract hours (default: the calendar weeks its rows touch)")
    .addOption(shiftsOption())
    .addOption(shiftLimitOptions()[0]!)
    .addOption(shiftLimitOptions()[1]!)
    .option("--strict", "exit 1 when an interval's targets cannot be met")
    .action(async (forecast: string, opts: PlanOptions, command: Command) => {
      opts.format = await settleFormat(command, opts, ctx);
      ctx.setExit(await runPlan(forecast, opts, ctx));
    });
}

async function runPlan(forecast: string, opts: PlanOptions, ctx: CommandContext): Promise<number> {
  const { checkAllocated, InputError } = await import("../read/diagnostics.js");
  const { readForecast } = await import("../read/forecast-read.js");
  const { DEFAULT_SCENARIO } = await import("../plan/scenario.js");
  const { Planner } = await import("../plan/plan.js");
  const render = await import("../report/render-plan.js");
  const { writeReport } = await import("../report/output.js");
  const { problem } = await import("../read/diagnostics.js");

  if (opts.by !== undefined && opts.by !== "queue" && opts.report !== undefined && opts.report !== "summary") {
    throw new InputError([problem("USAGE_CONFLICT", `--by ${opts.by} cannot be used with --report ${opts.report}: expected --by with the summary report`, { field: "--by" })]);
  }
  const report = opts.by === "tier" ? "tiers" : opts.by === "group" ? "groups" : (opts.report ?? "summary");
  // what-if flags: checked before anything is read; they win over the scenario (a forecast row's own targets still win)
  const whatIf = (await import("../read/what-if-options.js")).parseWhatIfFlags(opts);
  const { applyWhatIf, hasWhatIf, whatIfFactors } = await import("../plan/what-if.js");
  const factors = whatIfFactors(whatIf);
  const scaled = factors.volumeFactor !== 1 || factors.ahtFactor !== 1;

  const forecastOptions = (await import("../read/forecast-options.js")).forecastReadOptions(opts, (text) => ctx.warn(text));
  // The scenario reader (zod, yaml: ~100 ms to load) only when there is a scenario.
  let scenario = DEFAULT_SCENARIO;
  let scenarioText = "";
  if (opts.scenario !== undefined) {
    const { readScenario } = await import("../read/scenario-read.js");
    const { formatDiagnostics } = await import("../read/diagnostics.js");
    const { decodeText } = await import("../read/text-decode.js");
    scenarioText = decodeText(await ctx.readInput(opts.scenario), opts.scenario).text;
    scenario = readScenario(scenarioText, opts.scenario, { onWarning: (w) => ctx.warn(formatDiagnostics([w]).trimEnd()) });
  }
  if (opts.weeks !== undefined) scenario = { ...scenario, horizonWeeks: (await import("../read/weeks-option.js")).parseWeeksOption(opts.weeks) };
  if (opts.organisation !== undefined) {
    const model = opts.organisation as typeof scenario.organisation.model;
    if (model === "groups" && scenario.organisation.groups.length === 0) {
      throw new InputError([problem("USAGE_CONFLICT", "--organisation groups needs a scenario with organisation.groups: expected a --scenario that lists its groups", { field: "--organisation" })]);
    }
    scenario = { ...scenario, organisation: { ...scenario.organisation, model } };
  }
  if (hasWhatIf(whatIf)) scenario = applyWhatIf(scenario, whatIf);
  const delimiter = (await import("../read/csv-delimiter.js")).delimiterOption(opts.delimiter);
  // Rows are planned as they are read: only running totals are kept; the
  // intervals report is formatted as it goes and spooled per queue.
  const intervals = report === "intervals" && opts.format !== "html" && opts.format !== "xlsx" ? new (await import("../report/interval-report.js")).IntervalReport(opts.format, ctx.color(opts.out)) : undefined;
  // A scenario with sites plans one of them (--site); compare puts them all side by side.
  let site: number | undefined;
  if (scenario.sites.length > 0) {
    const names = scenario.sites.map((s) => s.name);
    site = opts.site === undefined ? (names.length === 1 ? 0 : -1) : names.indexOf(opts.site);
    if (site < 0) {
      const expected = `expected --site with one of ${names.map((n) => JSON.stringify(n)).join(", ")} (ccplan compare shows every site)`;
      throw new InputError([problem(opts.site === undefined ? "USAGE_MISSING_OPTION" : "USAGE_BAD_OPTION", opts.site === undefined ? `${opts.scenario} has ${names.length} sites: ${expected}` : `--site: got ${JSON.stringify(opts.site)}, ${expected}`, { field: "--site" })]);
    }
  } else if (opts.site !== undefined) {
    throw new InputError([problem("USAGE_CONFLICT", `--site needs a scenario with sites: expected a --scenario that lists its sites`, { field: "--site" })]);
  }
  if (opts.format === "html" && (opts.report !== undefined || opts.by !== undefined)) ctx.warn("ccplan: warning --format html draws the whole plan: --report and --by are not used");
  if (opts.format === "xlsx" && (opts.report !== undefined || opts.by !== undefined)) ctx.warn("ccplan: warning --format xlsx writes every table, a sheet each: --report and --by are not used");
  // --format xlsx: every table; the intervals spooled as they are planned (see PlanWorkbook)
  const workbook = opts.format === "xlsx" ? new (await import("../report/xlsx-plan.js")).PlanWorkbook() : undefined;
  // --shifts: the teams' people from weekly schedules (ccplan shifts), through the sourcing planner's sites
  await (await import("./shifts-option.js")).refuseLimitsWithoutShifts(opts);
  const shifts = opts.shifts ? await (await import("./shifts-option.js")).shiftScheduling(ctx, scenario, opts.scenario, forecast, opts) : undefined;
  const series = opts.format === "html" || (report === "heatmap" && workbook === undefined) ? new (await import("../report/plan-series.js")).PlanSeries() : undefined;
  let plan;
  let allPlans: import("../plan/plan.js").Plan[] = [];
  try {
    const onInterval =
      intervals !== undefined ? (i: import("../plan/plan.js").IntervalPlan) => intervals.add(i) : workbook !== undefined ? (i: import("../plan/plan.js").IntervalPlan) => workbook.add(i) : series !== undefined ? (i: import("../plan/plan.js").IntervalPlan) => series.add(i) : undefined;
    // the row factors through the sourcing planner, whose PLAN_LIMIT messages name them
    if (site === undefined && shifts === undefined && !scaled) {
      const planner = new Planner(scenario, onInterval === undefined ? {} : { onInterval });
      await readForecast(readingWithProgress(ctx, forecast), forecast, { ...forecastOptions, delimiter, maxProblems: 20 }, (r) => planner.add(r));
      plan = planner.finish();
      await (await import("./aht-shape-warnings.js")).warnAhtShapes(ctx, planner.ahtShapeNotes());
    } else {
      const { SourcingPlanner } = await import("../plan/sourcing.js");
      const k = site ?? 0;
      const planner = new SourcingPlanner(scenario, factors, onInterval === undefined ? undefined : { site: k, onInterval }, { keepTeamCurves: shifts !== undefined });
      await readForecast(readingWithProgress(ctx, forecast), forecast, { ...forecastOptions, delimiter, maxProblems: 20 }, (r) => planner.add(r));
      const all = planner.finish(shifts?.adjust);
      await (await import("./aht-shape-warnings.js")).warnAhtShapes(ctx, planner.ahtShapeNotes());
      shifts?.done();
      checkAllocated(all.unallocated, opts.scenario);
      plan = all.sites[k]!.plan;
      allPlans = all.sites.map((s) => s.plan);
    }
  } catch (error) {
    intervals?.dispose();
    workbook?.dispose();
    throw error;
  }
  if (hasWhatIf(whatIf)) plan = { ...plan, whatIf };

  if (opts.format === "xlsx") {
    const [book, done] = [workbook!, plan];
    await (await import("../report/output.js")).writeBinaryReport(opts.out, ctx.io.stdout, (fd) => book.write(done, fd, { forecast, scenario: opts.scenario }));
    if (book.intervalsLeftOut > 0) ctx.warn(`ccplan: warning the workbook has no Intervals sheet: ${book.intervalsLeftOut} intervals are more than the 1048575 rows a sheet holds (--report intervals --format csv writes them all)`);
  } else if (intervals !== undefined) {
    const { streamReport } = await import("../report/interval-report.js");
    streamReport(opts.out, ctx.io.stdout, (write) => intervals.writeTo(plan, write));
  } else {
    let text: string;
    if (opts.format === "html") text = (await import("../report/render-html.js")).renderPlanHtml(plan, series!, forecast);
    else if (report === "heatmap") {
      const heatmap = await import("../report/render-heatmap.js");
      text = opts.format === "table" ? heatmap.renderHeatmapTable(plan, series!, ctx.color(opts.out)) : heatmap.renderHeatmapData(plan, series!, opts.format);
    } else if (opts.format === "json") text = render.renderPlanJson(plan, report);
    else if (opts.format === "csv") text = render.renderPlanCsv(plan, report);
    else text = render.renderPlanTable(plan, report, ctx.color(opts.out));
    writeReport(text, opts.out, ctx.io.stdout);
  }
  if (opts.out !== undefined && opts.out !== "-") ctx.info(`wrote ${opts.out}`);
  if (opts.scenario !== undefined) {
    const { unusedRules } = await import("../plan/unused-rules.js");
    const { unusedRuleWarnings } = await import("../read/scenario-rule-lines.js");
    const { formatDiagnostics } = await import("../read/diagnostics.js");
    const planned = allPlans.length > 0 ? allPlans : [plan];
    const typologies = planned.flatMap((p) => p.queues.map((q) => q.queue!.typology));
    for (const w of unusedRuleWarnings(scenarioText, opts.scenario, unusedRules(scenario, planned), forecast, typologies)) ctx.warn(formatDiagnostics([w]).trimEnd());
  }
  for (const note of plan.notes) ctx.warn(`${forecast}: warning ${note.code} ${note.message}`);
  const missed = plan.totals.missedIntervals;
  if (missed > 0) ctx.warn(`${forecast}: warning PLAN_TARGET_UNREACHABLE ${missed} interval${missed === 1 ? "" : "s"} could not meet their targets (staffed to carry the load only)`);
  return missed > 0 && opts.strict ? 1 : 0;
}
