import { Command, Option } from "commander";
import type { CommandContext } from "./context.js";
import { readingWithProgress } from "./progress.js";
import { shiftLimitOptions, shiftsOption } from "./shifts-option.js";
import { formatOption, settleFormat, outOption, type OutputFormat } from "./options.js";

const EXAMPLES = `
Examples:
  $ ccplan gaps fixtures/forecast-week.csv --roster fixtures/roster.csv --scenario fixtures/scenarios/gaps-two-sites.yaml
  $ ccplan gaps fixtures/forecast-week.csv --roster fixtures/roster.csv --scenario fixtures/scenarios/gaps-two-sites.yaml --format json
  $ ccplan gaps fixtures/forecast-week.csv --roster fixtures/roster.csv --scenario fixtures/scenarios/gaps-two-sites.yaml --format csv --report trainings
  $ ccplan gaps fixtures/forecast-week.csv --roster fixtures/roster.csv --scenario fixtures/scenarios/gaps-two-sites.yaml --min-level 2 --productivity 0.8,1,1.1
  $ ccplan gaps fixtures/forecast-week.csv --roster fixtures/roster.csv --scenario fixtures/scenarios/gaps-two-sites.yaml --min-gap 0.25 --only-gaps
  $ ccplan gaps fixtures/forecast-week.csv --roster fixtures/roster.csv --scenario fixtures/scenarios/gaps-two-sites.yaml --format csv --report plan
`;

interface GapsOptionsCli {
  roster: string;
  shifts?: boolean;
  gap?: string;
  timeLimit?: string;
  scenario?: string;
  minLevel: string;
  productivity?: string;
  hireFte?: string;
  minGap: string;
  onlyGaps?: boolean;
  report: "skills" | "people" | "hires" | "trainings" | "plan";
  format: OutputFormat;
  out?: string;
  failOnGap?: boolean;
  weeks?: string;
  interval?: string;
  dateFormat?: string;
  allowGaps?: boolean;
  delimiter?: string;
}

/** `ccplan gaps FORECAST --roster ROSTER`: skills short, hires and cross-trainings. */
export function gapsCommand(ctx: CommandContext): Command {
  return new Command("gaps")
    .summary("check a roster's skill matrix against a plan: gaps, fewest hires, cross-trainings")
    .description(
      "Plan the forecast (under --scenario), turn it into the FTE each skill needs\n" +
        "(typology × channel × level × in-house site; paid FTE, shrinkage included), and\n" +
        "allocate the roster's people to the skills they hold (a maximum-flow allocation:\n" +
        "a polyvalent person's hours are shared, never counted twice). Reports each\n" +
        "skill's coverage and gap, the peak check, and a recommended plan: the fewest\n" +
        "cross-trainings of people with idle time (each named, with the net FTE of gap\n" +
        "it closes), then the hires per skill and site. Gaps below --min-gap are dust:\n" +
        "no training, no hire.",
    )
    .argument("<forecast>", "forecast CSV or .xlsx ('-' for stdin)")
    .addHelpText("before", EXAMPLES)
    .requiredOption("--roster <file>", "roster CSV or .xlsx: agent_id, site, tier, contract_hours or fte, skills (matrix or list)")
    .option("--scenario <file>", "scenario file (YAML or JSON); its in-house sites are the roster's")
    .option("--min-level <n>", "lowest proficiency (1–3) that counts as holding a skill", "1")
    .option("--productivity <p1,p2,p3>", "FTE of work one FTE covers at proficiency 1, 2, 3 (default 1,1,1)")
    .option("--hire-fte <x>", "FTE of one new hire (default: the scenario's mean contract)")
    .option("--min-gap <fte>", "skill gaps below this FTE are ignored as dust: no training, no hire", "0.1")
    .option("--only-gaps", "the skill table (and the skills CSV) shows only the skills with a gap, before or after training")
    .addOption(new Option("--report <table>", "CSV table").choices(["skills", "people", "hires", "trainings", "plan"]).default("skills"))
    .addOption(formatOption(true, true))
    .addOption(outOption())
    .option("--fail-on-gap", "exit 1 when a gap of at least --min-gap remains (for CI jobs guarding a staffing plan)")
    .option("--weeks <n>", "weeks the forecast stands for: required FTE = its hours ÷ N (default: the calendar weeks its rows touch)")
    .addOption(shiftsOption())
    .addOption(shiftLimitOptions()[0]!)
    .addOption(shiftLimitOptions()[1]!)
    .option("--interval <minutes>", "interval length when the forecast has no interval_minutes column (default: inferred)")
    .option("--date-format <order>", "how a/b/yyyy dates read: dmy (23/11/2026) or mdy (11/23/2026) (default: decided from the data)")
    .option("--allow-gaps", "dates far from the rest of the forecast are meant (no INPUT_DATE_OUTLIER)")
    .option("--delimiter <char>", "CSV delimiter of the forecast (default: detected)")
    .action(async (forecast: string, opts: GapsOptionsCli, command: Command) => {
      opts.format = await settleFormat(command, opts, ctx);
      ctx.setExit(await runGaps(forecast, opts, ctx));
    });
}

async function runGaps(forecast: string, opts: GapsOptionsCli, ctx: CommandContext): Promise<number> {
  const { checkAllocated, InputError, placeOf, problem } = await import("../read/diagnostics.js");
  const { parsePositive } = await import("../read/values.js");
  const { DEFAULT_SCENARIO } = await import("../plan/scenario.js");
  const { readForecast } = await import("../read/forecast-read.js");
  const { readRoster } = await import("../read/roster-read.js");
  const { SourcingPlanner } = await import("../plan/sourcing.js");
  const { skillGaps, skillKey, skillRequirements } = await import("../plan/gaps.js");
  const render = await import("../report/render-gaps.js");
  const { writeReport } = await import("../report/output.js");

  const minLevel = Number(opts.minLevel);
  if (![1, 2, 3].includes(minLevel)) throw new InputError([problem("USAGE_BAD_OPTION", `--min-level: got ${JSON.stringify(opts.minLevel)}, expected 1, 2 or 3`, { field: "--min-level" })]);
  let productivity: Record<1 | 2 | 3, number> = { 1: 1, 2: 1, 3: 1 };
  if (opts.productivity !== undefined) {
    const parts = opts.productivity.split(",").map((p) => Number(p.trim()));
    if (parts.length !== 3 || parts.some((p) => !(p > 0 && p <= 3))) {
      throw new InputError([problem("USAGE_BAD_OPTION", `--productivity: got ${JSON.stringify(opts.productivity)}, expected three factors for levels 1, 2, 3 such as 0.8,1,1.1`, { field: "--productivity" })]);
    }
    productivity = { 1: parts[0]!, 2: parts[1]!, 3: parts[2]! };
  }
  let scenario = DEFAULT_SCENARIO;
  if (opts.scenario !== undefined) {
    const { readScenario } = await import("../read/scenario-read.js");
    const { formatDiagnostics } = await import("../read/diagnostics.js");
    const { decodeText } = await import("../read/text-decode.js");
    scenario = readScenario(decodeText(await ctx.readInput(opts.scenario), opts.scenario).text, opts.scenario, { onWarning: (w) => ctx.warn(formatDiagnostics([w]).trimEnd()) });
  }
  if (opts.weeks !== undefined) scenario = { ...scenario, horizonWeeks: (await import("../read/weeks-option.js")).parseWeeksOption(opts.weeks) };
  let hireFte = scenario.contractFraction;
  if (opts.hireFte !== undefined) {
    const p = parsePositive(opts.hireFte, { field: "--hire-fte" });
    if (!p.ok) throw new InputError([p.diagnostic]);
    hireFte = p.value;
  }
  const minGap = Number(opts.minGap);
  if (opts.minGap.trim() === "" || !(minGap >= 0) || !Number.isFinite(minGap)) {
    throw new InputError([problem("USAGE_BAD_OPTION", `--min-gap: got ${JSON.stringify(opts.minGap)}, expected an FTE >= 0 such as 0.1`, { field: "--min-gap" })]);
  }
  const forecastOptions = (await import("../read/forecast-options.js")).forecastReadOptions(opts, (text) => ctx.warn(text));

  // The roster first (a small file): its problems before a long plan.
  const { siteNamed, siteWorkforce } = await import("../plan/sites.js");
  const roster = readRoster(await (await import("./sheet-option.js")).sheetInput(ctx, opts.roster, opts, "roster"), opts.roster, (site) => siteWorkforce(scenario, site).contractHours);
  if (roster.warnings.length > 0) ctx.warn((await import("../read/diagnostics.js")).formatDiagnostics(roster.warnings).trimEnd());
  // a roster site is the scenario's site of that name, whatever its case or accents
  for (const p of roster.people) p.site = siteNamed(scenario, p.site)?.name ?? p.site;

  await (await import("./shifts-option.js")).refuseLimitsWithoutShifts(opts);
  const shifts = opts.shifts ? await (await import("./shifts-option.js")).shiftScheduling(ctx, scenario, opts.scenario, forecast, opts) : undefined;
  const planner = new SourcingPlanner(scenario, undefined, undefined, { keepTeamCurves: shifts !== undefined });
  const delimiter = (await import("../read/csv-delimiter.js")).delimiterOption(opts.delimiter);
  await readForecast(readingWithProgress(ctx, forecast), forecast, { ...forecastOptions, delimiter, maxProblems: 20 }, (r) => planner.add(r));
  const plan = planner.finish(shifts?.adjust);
  shifts?.done();
  checkAllocated(plan.unallocated, opts.scenario);
  for (const line of new Set(plan.sites.flatMap((s) => s.plan.notes).map((n) => `${forecast}: warning ${n.code} ${n.message}`))) ctx.warn(line);
  const requirements = skillRequirements(plan);
  const sites = new Set(requirements.map((r) => r.site));
  if (!sites.has(null)) {
    for (const s of new Set(roster.people.map((p) => p.site))) if (!sites.has(s)) ctx.warn(`${opts.roster}: warning PLAN_UNUSED_RULE site "${s}" has no in-house work in the plan: its people cover nothing (expected one of ${[...sites].join(", ")})`);
  }
  const requiredKeys = new Set(requirements.map((r) => skillKey(r.typology, r.channel)));
  for (const [key, where] of roster.skills) {
    if (!requiredKeys.has(key)) ctx.warn(`${placeOf({ file: opts.roster, line: where.line, column: where.column, sheet: roster.summary.sheet })}: warning PLAN_UNUSED_RULE skill "${where.label}" is no skill of the plan (no such typology and channel in the forecast, or not in-house)`);
  }
  const gaps = skillGaps(requirements, roster.people, { minLevel, productivity, hireFte, availability: (site) => siteWorkforce(scenario, site).availability, minGapFte: minGap });
  const context = { forecast, roster: opts.roster, scenario: scenario.name, minLevel, productivity, hireFte };
  if (opts.format === "xlsx") {
    const { writeGapsWorkbook } = await import("../report/xlsx-gaps.js");
    await (await import("../report/output.js")).writeBinaryReport(opts.out, ctx.io.stdout, (fd) => writeGapsWorkbook(gaps, context, fd, { onlyGaps: opts.onlyGaps }));
  } else writeReport(
    opts.format === "html"
      ? (await import("../report/render-html.js")).renderGapsHtml(gaps, context)
      : opts.format === "json"
        ? render.renderGapsJson(gaps, context)
        : opts.format === "csv"
          ? render.renderGapsCsv(gaps, opts.report, { onlyGaps: opts.onlyGaps })
          : render.renderGapsTable(gaps, context, ctx.color(opts.out), { onlyGaps: opts.onlyGaps }),
    opts.out,
    ctx.io.stdout,
  );
  if (opts.out !== undefined && opts.out !== "-") ctx.info(`wrote ${opts.out}`);
  return opts.failOnGap && gaps.skills.some((s) => s.gapFte > 0 && !s.belowMinGap) ? 1 : 0;
}
