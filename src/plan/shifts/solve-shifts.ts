import type { MipLimits, MipSolver, MipStatus } from "./mip.js";
import type { MeanWeek, ShiftPlan, TeamSchedule, TemplateUse, WeekSchedule } from "./schedule-types.js";
import { scheduleWeek, type WeekFailure } from "./schedule-week.js";
import type { TeamProblem } from "./team-problems.js";

/** A team's week that has no schedule. */
export interface ShiftFailure {
  site: string;
  team: string;
  tier: TeamProblem["tier"];
  weekStartMin: number;
  gridMin: number;
  failure: WeekFailure;
}

const STATUS_RANK: Record<MipStatus, number> = { optimal: 0, "time-limit": 1, "no-solution": 2, infeasible: 3 };

/** The worse of two statuses. */
function worseStatus(a: MipStatus, b: MipStatus): MipStatus {
  return STATUS_RANK[b] > STATUS_RANK[a] ? b : a;
}

/**
 * Schedule every team, week by week (SPEC 5.4b), and total the people,
 * hours and costs. People, paid hours and cost a week are the mean of the
 * weeks; headcount is ⌈mean people ÷ (1 − out-of-shift shrinkage)⌉ and
 * paid hours and cost are grossed up by the same share (absent people are
 * paid), so that they compare with the plan's FTE-based figures.
 *
 * @param problems - the teams (see `teamProblem`)
 * @param solve - the MIP solver
 * @param limits - gap and time limit of each team-week
 * @param onWeek - called after each team-week (for a progress bar)
 * @returns the plan of the teams that could be scheduled, and the weeks that could not
 */
export function solveShifts(
  problems: readonly TeamProblem[],
  meta: { scenario: string; currency: string },
  solve: MipSolver,
  limits: MipLimits,
  onWeek?: (done: number, total: number) => void,
): { plan: ShiftPlan; failures: ShiftFailure[] } {
  const failures: ShiftFailure[] = [];
  const teams: TeamSchedule[] = [];
  const total = problems.reduce((n, p) => n + p.weeks.length, 0);
  let done = 0;
  for (const p of problems) {
    const weeks: WeekSchedule[] = [];
    for (const w of p.weeks) {
      const r = scheduleWeek(w.required, p.gridMin, p.rules, solve, limits);
      onWeek?.(++done, total);
      if (r.ok) weeks.push({ ...r.week, weekStartMin: w.weekStartMin });
      else failures.push({ site: p.site, team: p.team, tier: p.tier, weekStartMin: w.weekStartMin, gridMin: p.gridMin, failure: r.failure });
    }
    if (weeks.length < p.weeks.length) continue;
    teams.push(teamSchedule(p, weeks));
  }
  const weeksCount = problems.reduce((n, p) => Math.max(n, p.weeks.length), 0);
  return { plan: shiftPlanOf(meta, weeksCount, teams), failures };
}

/** Teams' schedules as one plan, with totals: sums, and efficiency over every team's hours. */
export function shiftPlanOf(meta: { scenario: string; currency: string }, weeks: number, teams: TeamSchedule[]): ShiftPlan {
  const sum = (f: (t: TeamSchedule) => number) => teams.reduce((n, t) => n + f(t), 0);
  const requiredHours = sum((t) => t.weeks.reduce((m, w) => m + w.requiredHours, 0));
  const onFloorHours = sum((t) => t.weeks.reduce((m, w) => m + w.onFloorHours, 0));
  return {
    scenario: meta.scenario,
    currency: meta.currency,
    weeks,
    teams,
    totals: {
      people: sum((t) => t.people),
      headcount: sum((t) => t.headcount),
      paidHoursPerWeek: sum((t) => t.paidHoursPerWeek),
      costPerWeek: sum((t) => t.costPerWeek),
      efficiency: onFloorHours > 0 ? requiredHours / onFloorHours : 1,
      overHours: sum((t) => t.meanWeek.overHours),
      underHours: sum((t) => t.meanWeek.underHours),
      gap: teams.reduce((g, t) => Math.max(g, t.gap), 0),
      status: teams.reduce<MipStatus>((s, t) => worseStatus(s, t.status), "optimal"),
      // the plan's figures when every team has them (a requirement file has none)
      planFte: teams.every((t) => t.planFte !== null) ? sum((t) => t.planFte!) : null,
      planHeadcount: teams.every((t) => t.planHeadcount !== null) ? sum((t) => t.planHeadcount!) : null,
    },
  };
}

function teamSchedule(p: TeamProblem, weeks: WeekSchedule[]): TeamSchedule {
  const n = Math.max(1, weeks.length);
  const keep = 1 - p.outOfShiftShrinkage;
  const people = weeks.reduce((s, w) => s + w.people, 0) / n;
  const requiredHours = weeks.reduce((s, w) => s + w.requiredHours, 0);
  const onFloorHours = weeks.reduce((s, w) => s + w.onFloorHours, 0);
  return {
    site: p.site,
    team: p.team,
    tier: p.tier,
    gridMin: p.gridMin,
    rules: p.rules,
    inShiftShrinkage: p.inShiftShrinkage,
    outOfShiftShrinkage: p.outOfShiftShrinkage,
    weeks,
    people,
    headcount: Math.max(0, Math.ceil(people / keep - 1e-9)),
    paidHoursPerWeek: weeks.reduce((s, w) => s + w.paidHours, 0) / n / keep,
    costPerWeek: weeks.reduce((s, w) => s + w.cost, 0) / n / keep,
    efficiency: onFloorHours > 0 ? requiredHours / onFloorHours : 1,
    meanWeek: meanWeek(p, weeks),
    gap: weeks.reduce((g, w) => Math.max(g, w.gap), 0),
    status: weeks.reduce<MipStatus>((s, w) => worseStatus(s, w.status), "optimal"),
    planFte: p.planFte,
    planHeadcount: p.planHeadcount,
  };
}

/** Means per week of a team's weeks; templates in the rules' order, those with people only. */
function meanWeek(p: TeamProblem, weeks: readonly WeekSchedule[]): MeanWeek {
  const n = Math.max(1, weeks.length);
  const mean = (f: (w: WeekSchedule) => number) => weeks.reduce((s, w) => s + f(w), 0) / n;
  const byTemplate: TemplateUse[] = p.rules.templates
    .map((t) => {
      const uses = weeks.flatMap((w) => w.byTemplate.filter((u) => u.template === t.name));
      return { template: t.name, people: uses.reduce((s, u) => s + u.people, 0) / n, paidHours: uses.reduce((s, u) => s + u.paidHours, 0) / n, cost: uses.reduce((s, u) => s + u.cost, 0) / n };
    })
    .filter((u) => u.people > 0);
  return {
    byTemplate,
    scheduledPaidHours: mean((w) => w.paidHours),
    scheduledCost: mean((w) => w.cost),
    requiredHours: mean((w) => w.requiredHours),
    onFloorHours: mean((w) => w.onFloorHours),
    overHours: mean((w) => w.overHours),
    underHours: mean((w) => w.underHours),
    understaffingCost: mean((w) => w.understaffingCost),
  };
}
