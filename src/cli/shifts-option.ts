import { Option } from "commander";
import type { CommandContext } from "./context.js";
import { DEFAULT_GAP, DEFAULT_TIME_LIMIT_SEC, scheduleProgress, warnTimeLimits } from "./shifts.js";

/** `--shifts` for plan, compare and gaps. */
export function shiftsOption(): Option {
  return new Option("--shifts", "people and costs from weekly shift schedules at the sites whose scenario has `shifts` (as `ccplan shifts` solves them), instead of FTE-based headcount");
}

/** `--gap` and `--time-limit`, as `ccplan shifts` has them, for `--shifts`. */
export function shiftLimitOptions(): Option[] {
  return [
    new Option("--gap <percent>", `with --shifts: stop each team-week once its cost is proven within this gap (default: ${DEFAULT_GAP * 100}%)`),
    new Option("--time-limit <seconds>", `with --shifts: stop each team-week after this long, wall-clock (default: ${DEFAULT_TIME_LIMIT_SEC})`),
  ];
}

/** `--gap` or `--time-limit` without `--shifts` is a usage error (they would change nothing). */
export async function refuseLimitsWithoutShifts(opts: { shifts?: boolean | undefined; gap?: string | undefined; timeLimit?: string | undefined }): Promise<void> {
  if (opts.shifts || (opts.gap === undefined && opts.timeLimit === undefined)) return;
  const { InputError, problem } = await import("../read/diagnostics.js");
  const flag = opts.gap !== undefined ? "--gap" : "--time-limit";
  throw new InputError([problem("USAGE_CONFLICT", `${flag} sets how shift schedules are solved: expected it with --shifts`, { field: flag })]);
}

/**
 * Scheduling for `--shifts`: pass `adjust` to `SourcingPlanner.finish`, then
 * call `done()`, which reports the weeks that have no schedule (exit 2), the
 * schedules stopped by the time limit and the notes, and says what changed.
 */
export async function shiftScheduling(
  ctx: CommandContext,
  scenario: import("../plan/scenario.js").Scenario,
  scenarioFile: string | undefined,
  source: string,
  flags: { gap?: string | undefined; timeLimit?: string | undefined } = {},
) {
  const { InputError, problem } = await import("../read/diagnostics.js");
  const { sitesWithShifts } = await import("../plan/sites.js");
  if (sitesWithShifts(scenario).length === 0) {
    throw new InputError([
      problem("PLAN_SHIFTS_NONE", `--shifts needs a scenario with a \`shifts\` block${scenarioFile ? `; ${scenarioFile} has none` : ""}: expected shift templates (see the README's "Shifts and schedules")`, { field: "--shifts" }),
    ]);
  }
  const { highsSolver } = await import("../solve/highs-solver.js");
  const { ScheduledSites } = await import("../plan/shifts/plan-problems.js");
  const { failureDiagnostic, parseGap, parseTimeLimit } = await import("./shifts.js");
  const limits = { relGap: parseGap(flags.gap, InputError, problem), timeLimitSec: parseTimeLimit(flags.timeLimit, InputError, problem) };
  const progress = scheduleProgress(ctx);
  const scheduled = new ScheduledSites({ scenario: scenario.name, currency: scenario.currency }, await highsSolver(), limits, progress);
  return {
    adjust: scheduled.adjust,
    /** After finish: stop the bar; failures are errors; warnings and a summary line on stderr. */
    done(): import("../plan/shifts/schedule-types.js").ShiftPlan {
      progress.stop();
      if (scheduled.failures.length > 0) throw new InputError(scheduled.failures.map((f) => failureDiagnostic(f, source, limits.timeLimitSec, problem)));
      for (const n of scheduled.notes) ctx.warn(`${scenarioFile ?? source}: warning ${n.code} ${n.message}`);
      const plan = scheduled.plan;
      warnTimeLimits(plan, source, limits, ctx);
      const t = plan.totals;
      ctx.info(
        `shifts: ${scenario.name}: ${Math.round(t.people * 10) / 10} people scheduled a week, headcount ${t.headcount} (FTE-based ${t.planHeadcount ?? "–"}), schedule efficiency ${(t.efficiency * 100).toFixed(1)} %, proven gap ≤ ${(t.gap * 100).toFixed(2)} %`,
      );
      return plan;
    },
  };
}
