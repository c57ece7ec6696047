import { Command, Option } from "commander";
import type { CommandContext } from "./context.js";
import { readingWithProgress } from "./progress.js";
import { formatDateTime, WEEK_DAY_NAMES, weekDayOf } from "../plan/calendar.js";
import { levelInTeamName } from "../plan/shifts/team-level.js";
import { formatOption, settleFormat, outOption, type OutputFormat } from "./options.js";

const EXAMPLES = `
Examples:
  $ ccplan shifts fixtures/forecast-week.csv --scenario fixtures/scenarios/in-house-shifts.yaml
  $ ccplan shifts fixtures/forecast-week.csv --scenario fixtures/scenarios/in-house-shifts.yaml --report tours
  $ ccplan shifts fixtures/forecast-week.csv --scenario fixtures/scenarios/in-house-shifts.yaml --format html --out shifts.html
  $ ccplan shifts --requirement fixtures/requirement-week.csv --scenario fixtures/scenarios/in-house-shifts.yaml --report coverage --format csv
`;

export interface ShiftsOptions {
  scenario?: string;
  requirement?: string;
  report?: "summary" | "tours" | "coverage";
  format: OutputFormat;
  out?: string;
  timeLimit?: string;
  gap?: string;
  weeks?: string;
  interval?: string;
  dateFormat?: string;
  allowGaps?: boolean;
  delimiter?: string;
}

/** Default proven gap a schedule stops at, and default time limit per team-week. */
export const DEFAULT_GAP = 0.01;
export const DEFAULT_TIME_LIMIT_SEC = 60;

/** `ccplan shifts FORECAST --scenario FILE`: weekly schedules per team, at least cost. */
export function shiftsCommand(ctx: CommandContext): Command {
  return new Command("shifts")
    .summary("weekly schedules (tours) per team at least cost; headcount real shifts take")
    .description(
      "Plan the forecast like `ccplan plan`, then cover each team's requirement\n" +
        "(site × group × level: agents ÷ (1 − in-shift shrinkage)) with weekly\n" +
        "tours of the scenario's shift templates — working days, start times within\n" +
        "their band, breaks inside their windows — chosen by an integer programme\n" +
        "(HiGHS) at least cost, fewer people at equal cost. Reports people by\n" +
        "template, paid hours, cost, schedule efficiency, over/under coverage and\n" +
        "the optimality gap the solver proves; a schedule stopped by the time limit\n" +
        "is said to be so. Several weeks are scheduled week by week.\n" +
        "With --requirement, a curve of agents from another tool is scheduled instead.",
    )
    .argument("[forecast]", "forecast CSV or .xlsx ('-' for stdin); not needed with --requirement")
    .addHelpText("before", EXAMPLES)
    .option("--scenario <file>", "scenario file with a `shifts` block (templates, in-shift shrinkage, rules)")
    .option("--requirement <file>", "CSV or .xlsx of agents needed logged in, interval_start,agents[,team], instead of planning a forecast (divided by 1 − in-shift shrinkage like the plan's)")
    .addOption(new Option("--report <report>", "what to print (default: summary)").choices(["summary", "tours", "coverage"]))
    .addOption(formatOption(true, true))
    .addOption(outOption())
    .option("--gap <percent>", `stop each team-week once its cost is proven within this gap of the optimum (default: ${DEFAULT_GAP * 100}%)`)
    .option("--time-limit <seconds>", `stop each team-week after this long, wall-clock (default: ${DEFAULT_TIME_LIMIT_SEC}); a schedule stopped so is reported as such and may change with the machine`)
    .option("--weeks <n>", "weeks the forecast stands for (as in `ccplan plan`: the FTE-based figures compared with; schedules are of the calendar weeks the rows touch)")
    .option("--interval <minutes>", "interval length when the forecast has no interval_minutes column (default: inferred)")
    .option("--date-format <order>", "how a/b/yyyy dates read: dmy or mdy (default: decided from the data)")
    .option("--allow-gaps", "dates far from the rest of the forecast are meant (no INPUT_DATE_OUTLIER)")
    .option("--delimiter <char>", "CSV delimiter (default: detected)")
    .action(async (forecast: string | undefined, opts: ShiftsOptions, command: Command) => {
      opts.format = await settleFormat(command, opts, ctx);
      ctx.setExit(await runShifts(forecast, opts, ctx));
    });
}

async function runShifts(forecast: string | undefined, opts: ShiftsOptions, ctx: CommandContext): Promise<number> {
  const { InputError, problem, formatDiagnostics } = await import("../read/diagnostics.js");
  if (opts.scenario === undefined) {
    throw new InputError([problem("USAGE_MISSING_OPTION", "shifts needs --scenario FILE with a `shifts` block: expected a scenario (ccplan init writes an example)", { field: "--scenario" })]);
  }
  if (forecast === undefined && opts.requirement === undefined) {
    throw new InputError([problem("USAGE_MISSING_OPTION", "shifts needs a FORECAST to plan, or --requirement FILE: expected one of them", { field: "forecast" })]);
  }
  if (forecast !== undefined && opts.requirement !== undefined) {
    throw new InputError([problem("USAGE_CONFLICT", "shifts takes a FORECAST or --requirement FILE, not both: expected one of them", { field: "--requirement" })]);
  }
  const limits = { relGap: parseGap(opts.gap, InputError, problem), timeLimitSec: parseTimeLimit(opts.timeLimit, InputError, problem) };
  const { readScenario } = await import("../read/scenario-read.js");
  const { decodeText } = await import("../read/text-decode.js");
  let scenario = readScenario(decodeText(await ctx.readInput(opts.scenario), opts.scenario).text, opts.scenario, { onWarning: (w) => ctx.warn(formatDiagnostics([w]).trimEnd()) });
  if (opts.weeks !== undefined) scenario = { ...scenario, horizonWeeks: (await import("../read/weeks-option.js")).parseWeeksOption(opts.weeks) };
  const { sitesWithShifts } = await import("../plan/sites.js");
  if (sitesWithShifts(scenario).length === 0) {
    throw new InputError([problem("PLAN_SHIFTS_NONE", `${opts.scenario} has no \`shifts\` block: expected shift templates (see the README's "Shifts and schedules", or ccplan init)`, { file: opts.scenario })]);
  }

  const source = opts.requirement ?? forecast!;
  const { highsSolver } = await import("../solve/highs-solver.js");
  const solve = await highsSolver();
  const { plan, notes, failures } =
    opts.requirement !== undefined ? await scheduleRequirement(opts.requirement, scenario, opts, ctx, solve, limits) : await scheduleForecast(forecast!, scenario, opts, ctx, solve, limits);
  for (const n of notes) ctx.warn(`${n.code === "PLAN_PARTIAL_WEEK" ? source : opts.scenario}: warning ${n.code} ${n.message}`);
  if (failures.length > 0) throw new InputError(failures.map((f) => failureDiagnostic(f, source, limits.timeLimitSec, problem)));
  warnTimeLimits(plan, source, limits, ctx);
  const result = { plan };
  const render = await import("../report/render-shifts.js");
  const { writeReport } = await import("../report/output.js");
  const report = opts.report ?? "summary";
  let text = "";
  if (opts.format === "xlsx") {
    const { writeShiftsWorkbook } = await import("../report/xlsx-shifts.js");
    await (await import("../report/output.js")).writeBinaryReport(opts.out, ctx.io.stdout, (fd) => writeShiftsWorkbook(result.plan, fd));
  } else if (opts.format === "json") text = render.renderShiftsJson(result.plan);
  else if (opts.format === "csv") text = render.renderShiftsCsv(result.plan, report);
  else if (opts.format === "html") text = (await import("../report/render-shifts-html.js")).renderShiftsHtml(result.plan, opts.requirement !== undefined ? { requirement: source } : { forecast: source });
  else text = render.renderShiftsTable(result.plan, report, ctx.color(opts.out));
  if (opts.format !== "xlsx") writeReport(text, opts.out, ctx.io.stdout);
  if (opts.out !== undefined && opts.out !== "-") ctx.info(`wrote ${opts.out}`);
  return 0;
}

type Solver = import("../plan/shifts/mip.js").MipSolver;
type Limits = import("../plan/shifts/mip.js").MipLimits;
type ShiftPlan = import("../plan/shifts/schedule-types.js").ShiftPlan;

/** A warning for every team-week the time limit stopped before its gap was proven. */
export function warnTimeLimits(plan: ShiftPlan, source: string, limits: Limits, ctx: CommandContext): void {
  for (const t of plan.teams) {
    for (const w of t.weeks) {
      if (w.status !== "time-limit") continue;
      const week = formatDateTime(w.weekStartMin).slice(0, 10);
      ctx.warn(
        `${source}: warning PLAN_SHIFTS_TIME_LIMIT ${teamWords(t.team, t.tier, t.site)}, week of ${week}: stopped by --time-limit ${limits.timeLimitSec} s at a proven gap of ${(w.gap * 100).toFixed(2)} % (asked ${(limits.relGap * 100).toFixed(2)} %): the schedule may differ on another machine; raise --time-limit or --gap`,
      );
    }
  }
}

/** A progress bar per site's team-weeks (shown only on a terminal, for more than one). */
export function scheduleProgress(ctx: CommandContext) {
  let bar: import("./progress.js").Progress | undefined;
  return {
    start(total: number) {
      bar?.stop();
      bar = ctx.progress(total > 1 ? total : 0, "scheduling");
    },
    tick() {
      bar?.tick(1);
    },
    stop() {
      bar?.stop();
    },
  };
}

type Problem = typeof import("../read/diagnostics.js").problem;
type InputErrorClass = typeof import("../read/diagnostics.js").InputError;

/** `--gap`: `1%`, `0,5 %` or a fraction up to 0.1 (`0.5` is refused: 50 % or 0.5 %? write the percent sign). */
export function parseGap(text: string | undefined, InputError: InputErrorClass, problem: Problem): number {
  if (text === undefined) return DEFAULT_GAP;
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*$/.exec(text);
  const value = m === null ? NaN : Number(m[1]!.replace(",", ".")) / (m[2] === "%" ? 100 : 1);
  if (!(value >= 0 && value < 1) || (m !== null && m[2] !== "%" && value > 0.1)) {
    throw new InputError([problem("USAGE_BAD_OPTION", `--gap: got ${JSON.stringify(text)}, expected a percent below 100 % such as 1% or 0.5%, or a fraction up to 0.1 such as 0.01`, { field: "--gap" })]);
  }
  return value;
}

export function parseTimeLimit(text: string | undefined, InputError: InputErrorClass, problem: Problem): number {
  if (text === undefined) return DEFAULT_TIME_LIMIT_SEC;
  const value = Number(text);
  if (!(value > 0 && value <= 86_400) || text.trim() === "") {
    throw new InputError([problem("USAGE_BAD_OPTION", `--time-limit: got ${JSON.stringify(text)}, expected seconds, more than 0 and at most 86400`, { field: "--time-limit" })]);
  }
  return value;
}

/** `team "technical" (level 2) at Paris`: the level unless the name says it, the site when there is one. */
export function teamWords(team: string, tier: number, site: string): string {
  const named = levelInTeamName(team) === tier;
  return `team "${team}"${named ? "" : ` (level ${tier})`}${site ? ` at ${site}` : ""}`;
}

export function failureDiagnostic(f: import("../plan/shifts/solve-shifts.js").ShiftFailure, source: string, timeLimitSec: number, problem: Problem) {
  const team = teamWords(f.team, f.tier, f.site);
  const at = (i: number) => {
    const min = f.weekStartMin + i * f.gridMin;
    const day = WEEK_DAY_NAMES[weekDayOf(min)]!;
    return `${day[0]!.toUpperCase()}${day.slice(1)} ${formatDateTime(min).replace("T", " ")}`;
  };
  if (f.failure.kind === "uncoverable") {
    const list = f.failure.intervals;
    const shown = list
      .slice(0, 3)
      .map((u) => `${at(u.interval)} (${u.required.toFixed(2)} agents)`)
      .join(", ");
    return problem(
      "PLAN_SHIFTS_UNCOVERABLE",
      `${team}: ${list.length} interval${list.length === 1 ? "" : "s"} with agents needed that no shift template can cover: ${shown}${list.length > 3 ? ", …" : ""}: expected a template whose days and start window reach them, or understaffing_cost to leave them short`,
      { file: source },
    );
  }
  if (f.failure.kind === "infeasible") {
    return problem("PLAN_SHIFTS_INFEASIBLE", `${team}: no schedule satisfies the templates' shares and counts (min_share, max_share, max_count): expected rules that some schedule can meet`, { file: source });
  }
  return problem("PLAN_SHIFTS_NO_SOLUTION", `${team}: no schedule found within --time-limit ${timeLimitSec} s: expected a longer --time-limit`, { file: source });
}

async function scheduleForecast(forecast: string, scenario: import("../plan/scenario.js").Scenario, opts: ShiftsOptions, ctx: CommandContext, solve: Solver, limits: Limits) {
  const { checkAllocated } = await import("../read/diagnostics.js");
  const { readForecast } = await import("../read/forecast-read.js");
  const { SourcingPlanner } = await import("../plan/sourcing.js");
  const { ScheduledSites } = await import("../plan/shifts/plan-problems.js");
  const forecastOptions = (await import("../read/forecast-options.js")).forecastReadOptions(opts, (text) => ctx.warn(text));
  const delimiter = (await import("../read/csv-delimiter.js")).delimiterOption(opts.delimiter);
  const planner = new SourcingPlanner(scenario, undefined, undefined, { keepTeamCurves: true });
  await readForecast(readingWithProgress(ctx, forecast), forecast, { ...forecastOptions, delimiter, maxProblems: 20 }, (r) => planner.add(r));
  const progress = scheduleProgress(ctx);
  const scheduled = new ScheduledSites({ scenario: scenario.name, currency: scenario.currency }, solve, limits, progress);
  let planned;
  try {
    planned = planner.finish(scheduled.adjust);
  } finally {
    progress.stop();
  }
  checkAllocated(planned.unallocated, opts.scenario);
  for (const s of planned.sites) for (const note of s.plan.notes) ctx.warn(`${forecast}: warning ${note.code} ${note.message}`);
  return { plan: scheduled.plan, notes: scheduled.notes, failures: scheduled.failures };
}

async function scheduleRequirement(file: string, scenario: import("../plan/scenario.js").Scenario, opts: ShiftsOptions, ctx: CommandContext, solve: Solver, limits: Limits) {
  const { readRequirement } = await import("../read/requirement-read.js");
  const { requirementShiftProblems } = await import("../plan/shifts/requirement-problems.js");
  const { solveShifts } = await import("../plan/shifts/solve-shifts.js");
  const flags = (await import("../read/forecast-options.js")).forecastReadOptions(opts, (text) => ctx.warn(text));
  const req = readRequirement(await (await import("./sheet-option.js")).sheetInput(ctx, file, opts, "input"), file, { delimiter: opts.delimiter, dateFormat: flags.dateFormat, intervalMin: flags.intervalMin });
  const { problems, notes } = requirementShiftProblems(req, scenario);
  const progress = scheduleProgress(ctx);
  progress.start(problems.reduce((n, p) => n + p.weeks.length, 0));
  try {
    const r = solveShifts(problems, { scenario: scenario.name, currency: scenario.currency }, solve, limits, () => progress.tick());
    return { plan: r.plan, notes, failures: r.failures };
  } finally {
    progress.stop();
  }
}
