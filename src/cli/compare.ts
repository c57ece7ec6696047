import { Command, Option } from "commander";
import { basename, resolve } from "node:path";
import type { CommandContext } from "./context.js";
import { closestName } from "../read/did-you-mean.js";
import { readingWithProgress } from "./progress.js";
import { formatOption, settleFormat, outOption, type OutputFormat } from "./options.js";
import { shiftLimitOptions, shiftsOption } from "./shifts-option.js";

const EXAMPLES = `
Examples:
  $ ccplan compare fixtures/forecast-week.csv --scenario fixtures/scenarios/sourcing-in-house.yaml --scenario fixtures/scenarios/sourcing-nearshore.yaml
  $ ccplan compare fixtures/forecast-week.csv --scenario fixtures/scenarios/sourcing-in-house.yaml --scenario fixtures/scenarios/sourcing-hybrid.yaml --scenario fixtures/scenarios/sourcing-offshore-shared.yaml --format json
  $ ccplan compare fixtures/forecast-week.csv --scenario fixtures/scenarios/sourcing-in-house.yaml --scenario fixtures/scenarios/sourcing-split.yaml --volume-factor 1.1
  $ ccplan compare fixtures/forecast-week.csv --scenario fixtures/scenarios/sourcing-in-house.yaml --scenario fixtures/scenarios/sourcing-homeshoring.yaml --sweep volume-factor=0.8:1.3:0.1
  $ ccplan compare fixtures/forecast-week.csv --scenario fixtures/scenarios/sourcing-in-house.yaml --scenario fixtures/scenarios/sourcing-hybrid.yaml --baseline fixtures/scenarios/sourcing-hybrid.yaml
  $ ccplan compare fixtures/forecast-week.csv --scenario fixtures/scenarios/sourcing-in-house.yaml --scenario fixtures/scenarios/sourcing-nearshore.yaml --report build-up --format csv
`;

interface CompareOptions {
  weeks?: string;
  shifts?: boolean;
  gap?: string;
  timeLimit?: string;
  scenario: string[];
  format: OutputFormat;
  out?: string;
  by?: "scenario" | "site";
  baseline?: string;
  report?: "comparison" | "build-up";
  volumeFactor?: string;
  ahtFactor?: string;
  sweep?: string;
  years: string;
  roster?: string;
  interval?: string;
  dateFormat?: string;
  allowGaps?: boolean;
  delimiter?: string;
}

/** `ccplan compare FORECAST --scenario A --scenario B …`: scenarios side by side. */
export function compareCommand(ctx: CommandContext): Command {
  return new Command("compare")
    .summary("run one forecast through several scenarios: people, cost and service side by side")
    .description(
      "Plan the same forecast under each scenario (sites, sourcing, organisation) and\n" +
        "put them side by side: headcount and FTE per level and site, weekly, annual\n" +
        "and one-off costs, cost per contact, service achieved, missed intervals and\n" +
        "what splitting flows between sites costs; deltas and savings against the\n" +
        "baseline (--baseline, default the first scenario), the cheapest one that\n" +
        "meets every target, and each scenario's cost build-up: every line of its\n" +
        "weekly, annual and one-off cost, and what is not counted.",
    )
    .argument("<forecast>", "forecast CSV or .xlsx ('-' for stdin)")
    .addHelpText("before", EXAMPLES)
    .requiredOption("--scenario <file>", "a scenario file (repeat; the first is the baseline unless --baseline)", (v: string, prev: string[] = []) => [...prev, v])
    .addOption(formatOption(true, true))
    .addOption(outOption())
    .option("--baseline <name>", "the scenario the deltas and savings are against: its name or its file as given (default: the first scenario)")
    .addOption(new Option("--report <what>", "comparison: the scenarios side by side, then (table) each one's cost build-up; build-up: only the cost lines (table or CSV)").choices(["comparison", "build-up"]).default("comparison"))
    .addOption(new Option("--by <what>", "CSV lines of the comparison: one per scenario (default), or per scenario, site and role").choices(["scenario", "site"]))
    .option("--volume-factor <x>", "multiply every volume (what-if), e.g. 1.1")
    .option("--aht-factor <x>", "multiply every handle time (what-if), e.g. 0.95")
    .option("--sweep <factor=from:to:step>", "rank the scenarios over a range of a factor, e.g. volume-factor=0.8:1.3:0.05")
    .option("--years <n>", "years of running cost added to the one-off costs to rank scenarios", "3")
    .option("--weeks <n>", "weeks the forecast stands for: FTE and weekly cost = its hours ÷ N (default: the calendar weeks its rows touch)")
    .addOption(shiftsOption())
    .addOption(shiftLimitOptions()[0]!)
    .addOption(shiftLimitOptions()[1]!)
    .option("--roster <file>", "also show, per scenario, the in-house skill gaps, hires and cross-trainings this roster leaves")
    .option("--interval <minutes>", "interval length when the forecast has no interval_minutes column (default: inferred)")
    .option("--date-format <order>", "how a/b/yyyy dates read: dmy (23/11/2026) or mdy (11/23/2026) (default: decided from the data)")
    .option("--allow-gaps", "dates far from the rest of the forecast are meant (no INPUT_DATE_OUTLIER)")
    .option("--delimiter <char>", "CSV delimiter (default: detected)")
    .action(async (forecast: string, opts: CompareOptions, command: Command) => {
      opts.format = await settleFormat(command, opts, ctx);
      ctx.setExit(await runCompare(forecast, opts, ctx));
    });
}

async function runCompare(forecast: string, opts: CompareOptions, ctx: CommandContext): Promise<number> {
  const { checkAllocated, formatDiagnostics, InputError, problem } = await import("../read/diagnostics.js");
  const { parsePositive } = await import("../read/values.js");
  const { readForecast } = await import("../read/forecast-read.js");
  const { readScenario } = await import("../read/scenario-read.js");
  const { decodeText } = await import("../read/text-decode.js");
  const { compareScenarios, planOnColumns } = await import("../plan/compare.js");
  const { ForecastColumnsBuilder } = await import("../plan/forecast-columns.js");
  const render = await import("../report/render-compare.js");
  const { writeReport } = await import("../report/output.js");
  type Diagnostic = import("../read/diagnostics.js").Diagnostic;

  const positive = (text: string | undefined, field: string, fallback: number): number => {
    if (text === undefined) return fallback;
    const p = parsePositive(text, { field });
    if (!p.ok) throw new InputError([p.diagnostic]);
    return p.value;
  };
  const { parseFactor } = await import("../read/what-if-options.js");
  const factor = (text: string | undefined, field: string): number => {
    if (text === undefined) return 1;
    const p = parseFactor(text, field);
    if (!p.ok) throw new InputError([p.diagnostic]);
    return p.value;
  };
  const whatIf = { volumeFactor: factor(opts.volumeFactor, "--volume-factor"), ahtFactor: factor(opts.ahtFactor, "--aht-factor") };
  const years = positive(opts.years, "--years", 3);
  const weeks = opts.weeks === undefined ? undefined : (await import("../read/weeks-option.js")).parseWeeksOption(opts.weeks);
  const forecastOptions = (await import("../read/forecast-options.js")).forecastReadOptions(opts, (text) => ctx.warn(text));
  const sweep = opts.sweep === undefined ? undefined : parseSweep(opts.sweep);
  if (sweep !== undefined && typeof sweep !== "object") throw new InputError([problem("USAGE_BAD_OPTION", sweep, { field: "--sweep", value: opts.sweep })]);

  // Every scenario's problems at once, then the forecast (read once, kept for every scenario).
  const scenarios: import("../plan/scenario.js").Scenario[] = [];
  /** Each scenario's text, to point at its rules. */
  const scenarioTexts: string[] = [];
  const problems: Diagnostic[] = [];
  for (const file of opts.scenario) {
    try {
      const text = decodeText(await ctx.readInput(file), file).text;
      scenarios.push(readScenario(text, file, { onWarning: (w) => ctx.warn(formatDiagnostics([w]).trimEnd()) }));
      scenarioTexts.push(text);
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.diagnostics);
      else throw error;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  if (weeks !== undefined) scenarios.forEach((s, k) => (scenarios[k] = { ...s, horizonWeeks: weeks }));
  // side by side only over the same weeks: else a delta would be a different divisor, not a scenario's effect
  const { WEEK_DAY_NAMES } = await import("../plan/calendar.js");
  for (const [key, label, show] of [
    ["horizonWeeks", "horizon", (v: unknown) => (v === null ? "the forecast's calendar weeks" : `${v} weeks`)],
    ["weekStart", "week_start", (v: unknown) => WEEK_DAY_NAMES[v as number]!],
  ] as const) {
    const first = scenarios[0]![key];
    scenarios.forEach((s, k) => {
      if (s[key] !== first) {
        problems.push(
          problem("CONFIG_INVALID", `${label} is ${show(s[key])} here but ${show(first)} in ${opts.scenario[0]}: expected scenarios compared over the same weeks${key === "horizonWeeks" ? " (give --weeks N to set it for all)" : ""}`, {
            file: opts.scenario[k]!,
            field: label,
          }),
        );
      }
    });
  }
  const currency = scenarios[0]!.currency;
  scenarios.forEach((s, k) => {
    if (s.currency !== currency) {
      problems.push(problem("CONFIG_INVALID", `currency ${s.currency} differs from ${currency} of ${opts.scenario[0]}: expected one currency in a comparison (convert the costs)`, { file: opts.scenario[k]!, field: "currency", value: s.currency }));
    }
  });
  if (sweep !== undefined && ((sweep.parameter === "volume-factor" && opts.volumeFactor !== undefined) || (sweep.parameter === "aht-factor" && opts.ahtFactor !== undefined))) {
    problems.push(problem("USAGE_CONFLICT", `--sweep ${sweep.parameter} cannot be used with --${sweep.parameter}: expected the one or the other`, { field: "--sweep" }));
  }
  if (opts.report === "build-up" && opts.by !== undefined) problems.push(problem("USAGE_CONFLICT", `--by ${opts.by} cannot be used with --report build-up: expected the one or the other (the build-up has one line per cost line)`, { field: "--by" }));
  if (opts.report === "build-up" && (opts.format === "json" || opts.format === "html")) ctx.warn(`ccplan: warning --format ${opts.format} holds the comparison and every cost build-up: --report is not used`);
  if (opts.report === "build-up" && sweep !== undefined) problems.push(problem("USAGE_CONFLICT", "--report build-up cannot be used with --sweep: expected the one or the other", { field: "--report" }));
  if (sweep !== undefined && opts.roster !== undefined) problems.push(problem("USAGE_CONFLICT", "--roster cannot be used with --sweep: expected the one or the other", { field: "--roster" }));
  if (sweep !== undefined && (opts.format === "html" || opts.format === "xlsx")) problems.push(problem("USAGE_CONFLICT", `--sweep cannot be written as ${opts.format}: expected --format table, csv or json with --sweep`, { field: "--format" }));
  // the baseline, by name or by file (checked with the rest, before any planning)
  const baseline = opts.baseline === undefined ? 0 : baselineIndex(opts.baseline, opts.scenario, scenarios.map((s) => s.name));
  if (typeof baseline === "string") problems.push(problem("USAGE_BAD_OPTION", baseline, { field: "--baseline", value: opts.baseline }));
  if (problems.length > 0) throw new InputError(problems);
  // The roster is checked before any planning: a bad roster fails at once.
  let rosterBytes: Uint8Array | import("../read/xlsx-table.js").SheetData | undefined;
  if (opts.roster !== undefined) {
    const { readRoster } = await import("../read/roster-read.js");
    rosterBytes = await (await import("./sheet-option.js")).sheetInput(ctx, opts.roster, opts, "roster");
    const { warnings } = readRoster(rosterBytes, opts.roster, () => 35);
    if (warnings.length > 0) ctx.warn(formatDiagnostics(warnings).trimEnd());
  }
  const delimiter = (await import("../read/csv-delimiter.js")).delimiterOption(opts.delimiter);
  // the forecast kept once, as columns (a few dozen bytes a row), for every scenario and sweep point
  const columnsBuilder = new ForecastColumnsBuilder();
  // a channel's aht_by_concurrency against the forecast's rows (warnings; planning is on the columns)
  const shapes = (await import("../plan/chat-shape.js")).ahtShapeCounters(scenarios);
  await readForecast(readingWithProgress(ctx, forecast), forecast, { ...forecastOptions, delimiter, maxProblems: 20 }, shapes === undefined ? (r) => columnsBuilder.add(r) : (r) => (columnsBuilder.add(r), shapes.add(r)));
  if (shapes !== undefined) await (await import("./aht-shape-warnings.js")).warnAhtShapes(ctx, shapes.notes());

  await (await import("./shifts-option.js")).refuseLimitsWithoutShifts(opts);
  // --shifts: the scenarios with shifts take their people from schedules; the others stay FTE-based
  const schedulers: (Awaited<ReturnType<typeof import("./shifts-option.js").shiftScheduling>> | undefined)[] = [];
  if (opts.shifts) {
    if (sweep !== undefined) throw new InputError([problem("USAGE_CONFLICT", "--shifts cannot be used with --sweep: expected the one or the other (each point would need its own schedules)", { field: "--shifts" })]);
    const { shiftScheduling } = await import("./shifts-option.js");
    const { sitesWithShifts } = await import("../plan/sites.js");
    const withShifts = scenarios.map((s) => sitesWithShifts(s).length > 0);
    if (!withShifts.some(Boolean)) {
      throw new InputError([problem("PLAN_SHIFTS_NONE", `--shifts needs a scenario with a \`shifts\` block; none of ${opts.scenario.join(", ")} has one: expected shift templates (see the README's "Shifts and schedules")`, { field: "--shifts" })]);
    }
    for (const [k, s] of scenarios.entries()) schedulers.push(withShifts[k] ? await shiftScheduling(ctx, s, opts.scenario[k], forecast, opts) : undefined);
  }
  const planNotes: (import("../plan/plan.js").PlanNote & { scenario: string })[] = [];
  /** Each scenario's last planning (the plain one, or the sweep's last point), for the rules that matched nothing. */
  const lastPlans: import("../plan/sourcing.js").SourcingPlan[] = [];
  // every scenario at every point (one point without --sweep): on both cores when it pays (see compare-threads.ts)
  const points = sweep === undefined ? [whatIf] : sweep.values.map((value) => (sweep.parameter === "volume-factor" ? { ...whatIf, volumeFactor: value } : { ...whatIf, ahtFactor: value }));
  const runs = points.length * scenarios.length;
  const { runJobs, threadCount, receivedError } = await import("./compare-threads.js");
  const threads = opts.shifts ? 1 : threadCount(columnsBuilder.length, runs, ctx.io.env); // --shifts schedules with HiGHS on this thread
  const columns = columnsBuilder.finish(threads > 1);
  const bar = runs > 4 ? ctx.progress(runs, "planning") : undefined;
  let shown = 0;
  /** One comparison per point, of the scenarios in the order given (whatever thread planned them). */
  const comparisons: import("../plan/compare.js").Comparison[] = [];
  const planAll = async () => {
    const outcomes = await runJobs(
      { columns, scenarios, points },
      threads,
      (job) => {
        const k = job % scenarios.length;
        const shifts = schedulers[k];
        const plan = planOnColumns(columns, scenarios[k]!, points[Math.floor(job / scenarios.length)]!, { keepTeamCurves: shifts !== undefined, adjust: shifts?.adjust });
        shifts?.done();
        checkAllocated(plan.unallocated, opts.scenario[k]); // on this thread, as soon as planned (before the next scenario's schedules)
        return plan;
      },
      (done) => {
        if (done > shown) bar?.tick(done - shown);
        shown = Math.max(shown, done);
      },
    );
    for (let p = 0; p < points.length; p++) {
      const plans = scenarios.map((_, k) => {
        const outcome = outcomes[p * scenarios.length + k];
        if (outcome === undefined) throw new RangeError(`compare: planning ${p * scenarios.length + k} was not run`);
        if ("error" in outcome) throw outcome.thrown ?? receivedError(outcome.error);
        const plan = outcome.plan;
        checkAllocated(plan.unallocated, opts.scenario[k]);
        lastPlans[k] = plan;
        for (const site of plan.sites) planNotes.push(...site.plan.notes.map((n) => ({ ...n, scenario: plan.scenario })));
        return plan;
      });
      comparisons.push(compareScenarios(plans, years, baseline as number));
    }
  };
  const context = { forecast, files: opts.scenario, whatIf, baselineGiven: opts.baseline !== undefined };
  let text = "";
  /** --format xlsx: the comparison, written as a workbook below. */
  let workbook: import("../plan/compare.js").Comparison | undefined;
  try {
    await planAll();
    if (sweep !== undefined) {
      const s = { parameter: sweep.parameter, points: sweep.values.map((value, p) => ({ value, comparison: comparisons[p]! })) };
      text = opts.format === "table" || opts.format === "html" || opts.format === "xlsx" ? render.renderSweepTable(s, context, ctx.color(opts.out)) : render.renderSweep(s, context, opts.format);
    } else {
      const c = comparisons[0]!;
      if (opts.roster !== undefined) {
        const { readRoster } = await import("../read/roster-read.js");
        const { skillGaps, skillRequirements } = await import("../plan/gaps.js");
        const { siteNamed, siteWorkforce } = await import("../plan/sites.js");
        for (const [k, s] of c.scenarios.entries()) {
          const scenario = scenarios[k]!;
          const roster = readRoster(rosterBytes!, opts.roster, (site) => siteWorkforce(scenario, site).contractHours);
          for (const p of roster.people) p.site = siteNamed(scenario, p.site)?.name ?? p.site;
          s.gaps = skillGaps(skillRequirements(s.plan), roster.people, {
            minLevel: 1,
            productivity: { 1: 1, 2: 1, 3: 1 },
            hireFte: scenario.contractFraction,
            availability: (site) => siteWorkforce(scenario, site).availability,
          }).totals;
        }
      }
      if (opts.format === "xlsx") workbook = c;
      else text =
        opts.format === "html"
          ? (await import("../report/render-html.js")).renderCompareHtml(c, context)
          : opts.format === "json"
          ? render.renderCompareJson(c, context)
          : opts.format === "csv"
            ? render.renderCompareCsv(c, opts.report === "build-up" ? "build-up" : (opts.by ?? "scenario"))
            : opts.report === "build-up"
              ? render.renderCostBuildUpTable(c, ctx.color(opts.out))
              : render.renderCompareTable(c, context, ctx.color(opts.out));
    }
  } finally {
    bar?.stop();
  }
  if (workbook !== undefined) {
    const c = workbook;
    const { writeCompareWorkbook } = await import("../report/xlsx-compare.js");
    await (await import("../report/output.js")).writeBinaryReport(opts.out, ctx.io.stdout, (fd) => writeCompareWorkbook(c, context, fd));
  } else writeReport(text, opts.out, ctx.io.stdout);
  if (opts.out !== undefined && opts.out !== "-") ctx.info(`wrote ${opts.out}`);
  // the planner's warnings (partial weeks, work that can never be done), once each
  // the same note of every scenario once (partial weeks are the forecast's); one scenario's own, with its name
  const count = new Map<string, Set<string>>();
  for (const n of planNotes) {
    const key = `${n.code} ${n.message}`;
    if (!count.has(key)) count.set(key, new Set());
    count.get(key)!.add(n.scenario);
  }
  // rules of a scenario that do nothing with this forecast (a misspelt typology sends a flow nowhere without a word)
  const { unusedRules } = await import("../plan/unused-rules.js");
  const { unusedRuleWarnings } = await import("../read/scenario-rule-lines.js");
  for (const [k, s] of scenarios.entries()) {
    const planned = lastPlans[k];
    if (planned === undefined) continue;
    const plans = planned.sites.map((x) => x.plan);
    const typologies = plans.flatMap((p) => p.queues.map((q) => q.queue!.typology));
    for (const w of unusedRuleWarnings(scenarioTexts[k]!, opts.scenario[k]!, unusedRules(s, plans), forecast, typologies)) ctx.warn(formatDiagnostics([w]).trimEnd());
  }
  const notes = [...count].map(([key, names]) => (names.size === scenarios.length ? `${forecast}: warning ${key}` : `${forecast}: warning ${key} (scenario ${[...names].map((x) => JSON.stringify(x)).join(", ")})`));
  for (const line of notes) ctx.warn(line);
  return 0;
}

/**
 * The index of the scenario `--baseline` names: its file exactly as given,
 * else its name (exactly, then ignoring case); or what is wrong (no such
 * scenario, with the names and a "did you mean"; a name two files share).
 */
export function baselineIndex(wanted: string, files: readonly string[], names: readonly string[]): number | string {
  const byFile = files.indexOf(wanted);
  if (byFile >= 0) return byFile;
  // the same file written another way (./a.yaml, an absolute path), or by its base name when only one file has it
  const resolved = files.map((f) => resolve(f));
  const samePath = resolved.indexOf(resolve(wanted));
  if (samePath >= 0) return samePath;
  const byBase = files.flatMap((f, k) => (basename(f) === wanted ? [k] : []));
  if (byBase.length === 1) return byBase[0]!;
  for (const same of [(n: string) => n === wanted, (n: string) => n.toLowerCase() === wanted.toLowerCase()]) {
    const hits = names.flatMap((n, k) => (same(n) ? [k] : []));
    if (hits.length === 1 || (hits.length > 1 && hits.every((k) => files[k] === files[hits[0]!]))) return hits[0]!;
    if (hits.length > 1) return `--baseline: got ${JSON.stringify(wanted)}, the name of ${hits.length} scenarios (${hits.map((k) => files[k]).join(", ")}): expected one of their files`;
  }
  const listed = names.map((n, k) => `${JSON.stringify(n)} (${files[k]})`).join(", ");
  const near = closestName(wanted, [...names, ...files].filter((x) => x !== wanted), Math.max(2, Math.floor(wanted.length / 5)));
  return `--baseline: got ${JSON.stringify(wanted)}, expected a scenario's name or file: ${listed}${near === undefined ? "" : `; did you mean ${JSON.stringify(near)}?`}`;
}

/** `volume-factor=0.8:1.3:0.05` → the parameter and its values (from, from + step, … ≤ to), or what is wrong. */
export function parseSweep(text: string): { parameter: "volume-factor" | "aht-factor"; values: number[] } | string {
  const m = /^(volume-factor|aht-factor)=([0-9.]+):([0-9.]+):([0-9.]+)$/.exec(text.trim());
  if (!m) return `--sweep: got ${JSON.stringify(text)}, expected volume-factor=FROM:TO:STEP or aht-factor=FROM:TO:STEP (e.g. volume-factor=0.8:1.3:0.05)`;
  const [from, to, step] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (!(from > 0 && to >= from && step > 0)) return `--sweep: got ${JSON.stringify(text)}, expected 0 < FROM <= TO and STEP > 0`;
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > 200) return `--sweep: got ${count} values, expected at most 200 (a larger STEP)`;
  // values from an integer index, rounded to the step's decimals: no float drift (0.8 + 3 × 0.05 = 0.95, not 0.9500000000000001)
  const decimals = Math.max(...[m[2]!, m[4]!].map((t) => (t.split(".")[1] ?? "").length));
  return { parameter: m[1] as "volume-factor" | "aht-factor", values: Array.from({ length: count }, (_, k) => +(from + k * step).toFixed(decimals)) };
}
