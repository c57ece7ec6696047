import { fte as toFte } from "../../core/people.js";
import type { Tier } from "../forecast.js";
import type { GroupPlan, RolePlan } from "../group-staffing.js";
import type { Plan } from "../plan.js";
import type { Scenario } from "../scenario.js";
import type { TeamSchedule } from "./schedule-types.js";

/** What a site's schedules cost and put on the floor per level, a week (for costs: see `siteCost`). */
export type ScheduledLevels = Partial<Record<Tier, { costPerWeek: number; paidHoursPerWeek: number; onFloorHoursPerWeek: number }>>;

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
      teamLeads: t.headcount === 0 ? 0 : Math.ceil(t.headcount / scenario.spans.teamLead[g.tier] - 1e-9),
      trainingHours: t.headcount * (g.skillsPerPerson - 1) * scenario.organisation.trainingHoursPerSkill,
    };
  });
  const roles: RolePlan[] = [];
  let agentHeadcount = 0;
  for (const r of plan.organisation.roles) {
    const tier = r.role === "level-1" ? 1 : r.role === "level-2" ? 2 : r.role === "level-3" ? 3 : null;
    if (tier === null) continue;
    const members = groups.filter((g) => g.tier === tier);
    const headcount = members.reduce((n, g) => n + g.headcount, 0);
    agentHeadcount += headcount;
    roles.push({ ...r, fte: members.reduce((n, g) => n + g.fte, 0), headcount });
  }
  const teamLeads = groups.reduce((n, g) => n + g.teamLeads, 0);
  roles.push({ role: "team-lead", agentsPeak: null, fte: teamLeads, headcount: teamLeads });
  const managers = teamLeads === 0 ? 0 : Math.ceil(teamLeads / scenario.spans.manager - 1e-9);
  roles.push({ role: "manager", agentsPeak: null, fte: managers, headcount: managers });
  for (const r of scenario.supportRoles) {
    const before = plan.organisation.roles.find((x) => x.role === r.role);
    if (r.basis !== "agents") {
      if (before !== undefined) roles.push(before);
      continue;
    }
    const need = agentHeadcount / r.per;
    roles.push({ role: r.role, agentsPeak: null, fte: need, headcount: Math.max(0, Math.ceil(need - 1e-9)) });
  }
  return {
    ...plan,
    organisation: {
      ...plan.organisation,
      groups,
      roles,
      scheduled,
      totals: {
        ...plan.organisation.totals,
        fte: roles.reduce((n, r) => n + r.fte, 0),
        headcount: roles.reduce((n, r) => n + r.headcount, 0),
        trainingHours: groups.reduce((n, g) => n + g.trainingHours, 0),
      },
    },
  };
}
