import { levelInTeamName } from "./team-level.js";
import type { Scenario } from "../scenario.js";
import { IMPLICIT_SITE, siteScenario } from "../sites.js";
import { teamProblem, weekStarts, type ShiftNote, type TeamProblem } from "./team-problems.js";

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
  if (scenario.sites.length > 1) {
    notes.push({ code: "PLAN_SHIFTS_SITE", message: `a requirement file is scheduled with the shifts, shrinkage and costs of the scenario's first site, ${scenario.sites[0]!.name} (of ${scenario.sites.length})` });
  }
  const site = scenario.sites.length > 0 ? scenario.sites[0]! : IMPLICIT_SITE;
  const own = scenario.sites.length > 0 ? siteScenario(scenario, site) : scenario;
  const settings = own.shifts ?? scenario.shifts;
  if (settings === null) return { problems: [], notes };
  let first = Infinity;
  let end = -Infinity;
  for (const t of req.teams) for (const r of t.rows) {
    first = Math.min(first, r.startMin);
    end = Math.max(end, r.startMin + req.gridMin);
  }
  const weeks = first < end ? weekStarts(first, end, scenario.weekStart) : [];
  const problems = req.teams.map((t) => {
    const agentsAt = new Map<number, number>();
    for (const r of t.rows) agentsAt.set(r.startMin, r.agents);
    return teamProblem({ name: t.team, tier: levelInTeamName(t.team) ?? 1, gridMin: req.gridMin, agentsAt }, weeks, own, settings, site, null, notes);
  });
  return { problems, notes };
}
