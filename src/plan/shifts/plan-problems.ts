import type { Plan } from "../plan.js";
import type { Scenario } from "../scenario.js";
import type { Site } from "../sites.js";
import type { MipLimits, MipSolver } from "./mip.js";
import { applySchedules } from "./apply-schedules.js";
import type { ShiftPlan, TeamSchedule } from "./schedule-types.js";
import { shiftPlanOf, solveShifts, type ShiftFailure } from "./solve-shifts.js";
import { teamProblem, type ShiftNote, type TeamProblem } from "./team-problems.js";
import { WEEK_MIN } from "./week-grid.js";

/**
 * The schedules one site's plan needs: one problem per team (organisation
 * group × level) when the site's scenario has `shifts`, over the plan's
 * calendar weeks (a rolling week: its 7 days). The plan must have been made
 * with `keepTeamCurves`.
 *
 * @param plan - the site's plan
 * @param site - the site (its cost model)
 * @param scenario - the site's own scenario (its shrinkage and shifts)
 * @param notes - receives notes for the user
 */
export function siteShiftProblems(plan: Plan, site: Site, scenario: Scenario, notes: ShiftNote[]): TeamProblem[] {
  const h = plan.horizon;
  if (scenario.shifts === null || h === null) return [];
  const weeks: number[] = [];
  for (let w = h.windowStartMin; w < h.windowEndMin; w += WEEK_MIN) weeks.push(w);
  return (plan.organisation.curves ?? []).map((curve) => {
    const group = plan.organisation.groups.find((g) => g.name === curve.name && g.tier === curve.tier);
    return teamProblem(curve, weeks, scenario, scenario.shifts!, site, { fte: group?.fte ?? 0, headcount: group?.headcount ?? 0 }, notes);
  });
}

/**
 * Schedules every site with shifts as it is finished, for `--shifts` and
 * `ccplan shifts`: pass {@link ScheduledSites.adjust} to `SourcingPlanner.finish`;
 * afterwards `plan` holds every team's schedule and `failures` the weeks
 * that have none.
 */
export class ScheduledSites {
  readonly notes: ShiftNote[] = [];
  readonly failures: ShiftFailure[] = [];
  private readonly teams: TeamSchedule[] = [];
  private weeks = 0;

  constructor(
    private readonly meta: { scenario: string; currency: string },
    private readonly solve: MipSolver,
    private readonly limits: MipLimits,
    /** Called with the team-weeks of each site before it is solved, then after each one. */
    private readonly progress?: { start(total: number): void; tick(): void },
  ) {}

  /** Schedule a site's teams and return its plan with their people (unchanged without shifts or on failure). */
  readonly adjust = (site: Site, plan: Plan, scenario: Scenario): Plan => {
    const problems = siteShiftProblems(plan, site, scenario, this.notes);
    if (problems.length === 0) return plan;
    this.progress?.start(problems.reduce((n, p) => n + p.weeks.length, 0));
    const r = solveShifts(problems, this.meta, this.solve, this.limits, () => this.progress?.tick());
    this.failures.push(...r.failures);
    this.teams.push(...r.plan.teams);
    this.weeks = Math.max(this.weeks, r.plan.weeks);
    return r.failures.length > 0 ? plan : applySchedules(plan, r.plan.teams, scenario);
  };

  /** Every site's schedules as one report. */
  get plan(): ShiftPlan {
    return shiftPlanOf(this.meta, this.weeks, this.teams);
  }
}
