import { levelInTeamName } from "./team-level.js";
import type { Scenario } from "../scenario.js";
import { siteScenario, sitesWithShifts } from "../sites.js";
import { formatDateTime, HorizonTracker, MINUTES_PER_WEEK } from "../calendar.js";
import { teamProblem, type ShiftNote, type TeamProblem } from "./team-problems.js";

/** A requirement read from a file (`--requirement`): agents per interval of each team. */
export interface RequirementInput {
  gridMin: number;
  teams: { team: string; rows: { startMin: number; agents: number }[] }[];
}


/**
 * The schedules a requirement file asks for: one team per `team` of the
 * file, at the scenario's only site (or in-house), with the rules of the
 * level its name says (`level 2` → level 2's, else level 1's), over the
 * calendar weeks its rows touch.
 */
export function requirementShiftProblems(req: RequirementInput, scenario: Scenario): { problems: TeamProblem[]; notes: ShiftNote[] } {
  const notes: ShiftNote[] = [];
  const site = sitesWithShifts(scenario)[0];
  if (site === undefined) return { problems: [], notes };
  if (scenario.sites.length > 1) {
    notes.push({ code: "PLAN_SHIFTS_SITE", message: `a requirement file is scheduled with the shifts, shrinkage and costs of one site: ${site.name}, the scenario's first with shifts (of ${scenario.sites.length} sites)` });
  }
  const own = siteScenario(scenario, site);
  const settings = own.shifts!;
  // the calendar weeks the rows touch, as a forecast's (a rolling week with --weeks 1: its 7 days)
  const tracker = new HorizonTracker(scenario.weekStart);
  for (const t of req.teams) for (const r of t.rows) tracker.add(r.startMin, req.gridMin, r.agents);
  const h = tracker.horizon(scenario.horizonWeeks);
  const weeks: number[] = [];
  if (h !== null) for (let w = h.windowStartMin; w < h.windowEndMin; w += MINUTES_PER_WEEK) weeks.push(w);
  for (const p of h?.partialWeeks ?? []) {
    const day = (min: number) => formatDateTime(min).slice(0, 10);
    notes.push({
      code: "PLAN_PARTIAL_WEEK",
      message:
        `the ${p.side} week (from ${day(p.startMin)}) has rows only ${day(p.firstDayMin)} to ${day(p.lastDayMin)}: each calendar week is scheduled on its own and the people are the mean week's, this one included; ` +
        `give --weeks 1 to schedule 7 days from the first row as one week, or give whole weeks`,
    });
  }
  const problems = req.teams.map((t) => {
    const agentsAt = new Map<number, number>();
    for (const r of t.rows) agentsAt.set(r.startMin, r.agents);
    return teamProblem({ name: t.team, tier: levelInTeamName(t.team) ?? 1, gridMin: req.gridMin, agentsAt }, weeks, own, settings, site, null, notes);
  });
  return { problems, notes };
}
