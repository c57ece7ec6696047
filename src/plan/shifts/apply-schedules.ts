import { fte as toFte } from "../../core/people.js";
import type { Tier } from "../forecast.js";
import { levelOf } from "../cost.js";
import { organisationRoles, organisationTotals, teamLeadsFor, type GroupPlan, type ScheduledLevels } from "../group-staffing.js";
import type { Plan } from "../plan.js";
import type { Scenario } from "../scenario.js";
import type { TeamSchedule } from "./schedule-types.js";

/**
 * A plan whose people come from its teams' schedules (`--shifts`, SPEC
 * 5.4b): each scheduled team's FTE = its paid hours a week (grossed up for
 * out-of-shift shrinkage) ÷ contract hours, its headcount the schedule's,
 * its team leads from that headcount; the levels, team leads, managers and
 * support roles by agents follow. Queue lines keep their FTE-based figures
 * (queues are not scheduled one by one). Teams without a schedule keep theirs.
 *
 * @param plan - one site's plan
 * @param teams - the site's team schedules (matched by team name and level)
 * @param scenario - the site's scenario (contract hours, spans, support roles)
 * @returns a new plan; `organisation.scheduled` holds the schedules' cost and hours per level
 */
export function applySchedules(plan: Plan, teams: readonly TeamSchedule[], scenario: Scenario): Plan {
  if (teams.length === 0) return plan;
  const weeks = plan.weeks;
  const scheduled: ScheduledLevels = {};
  const groups: GroupPlan[] = plan.organisation.groups.map((g) => {
    const t = teams.find((x) => x.team === g.name && x.tier === g.tier);
    if (t === undefined) return g;
    const level = (scheduled[g.tier] ??= { costPerWeek: 0, paidHoursPerWeek: 0, onFloorHoursPerWeek: 0 });
    level.costPerWeek += t.costPerWeek;
    level.paidHoursPerWeek += t.paidHoursPerWeek;
    level.onFloorHoursPerWeek += t.weeks.reduce((n, w) => n + w.onFloorHours, 0) / Math.max(1, t.weeks.length);
    const fte = toFte(t.paidHoursPerWeek, scenario.contractHours);
    return {
      ...g,
      scheduledHours: t.paidHoursPerWeek * weeks,
      fte,
      headcount: t.headcount,
      teamLeads: teamLeadsFor(t.headcount, g.tier, scenario),
      trainingHours: t.headcount * (g.skillsPerPerson - 1) * scenario.organisation.trainingHoursPerSkill,
    };
  });
  const peaks: Partial<Record<Tier, number>> = {};
  for (const r of plan.organisation.roles) {
    const tier = levelOf(r.role);
    if (tier !== null && r.agentsPeak !== null) peaks[tier] = r.agentsPeak;
  }
  const roles = organisationRoles(groups, scenario, peaks, plan.organisation.socialFte);
  return {
    ...plan,
    organisation: {
      ...plan.organisation,
      groups,
      roles,
      scheduled,
      totals: organisationTotals(groups, roles),
    },
  };
}
