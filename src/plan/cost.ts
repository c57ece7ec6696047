import type { Tier } from "./forecast.js";
import type { Plan } from "./plan.js";
import type { Scenario } from "./scenario.js";
import type { Site } from "./sites.js";

/** Weeks in a year, for annual figures. */
export const WEEKS_PER_YEAR = 52;

/** One role of one site, with what it costs. */
export interface CostedRole {
  role: string;
  fte: number;
  headcount: number;
  /** Running cost per week (null when the site has no cost model). */
  weeklyCost: number | null;
}

/** What one site costs. Null figures: the scenario gives the site no cost model. */
export interface SiteCost {
  roles: CostedRole[];
  weeklyCost: number | null;
  /** weekly × 52, plus the hires attrition brings (in-house). */
  annualCost: number | null;
  /** Set-up, initial hiring and training, cross-training for polyvalence. */
  oneOffCost: number | null;
  /** Hires a year from attrition (in-house). */
  annualHires: number;
  /** Level-1 contacts handled per week (offered less abandoned). */
  handledPerWeek: number;
}

/** Handled volume per week at each level: offered less abandoned, from the plan's queues. */
function handledPerWeek(plan: Plan): Record<Tier, number> {
  const out: Record<Tier, number> = { 1: 0, 2: 0, 3: 0 };
  if (plan.weeks <= 0) return out;
  for (const q of plan.queues) out[q.queue!.tier] += (q.volume * (1 - (q.abandonRate ?? 0))) / plan.weeks;
  return out;
}

/**
 * The cost of one site's plan (SPEC 5.7).
 *
 * In-house: every role's paid hours (FTE × contract hours a week) × its
 * loaded hourly cost (agents per level, team leads, managers, support
 * roles); a year = 52 weeks plus hiring and training the attrition's hires
 * (headcount × attrition a year); one-off = hiring and training the whole
 * team plus the cross-training its organisation needs (training hours × the
 * level's hourly cost) — none for a team that exists already.
 *
 * Outsourced: agents billed per productive hour (agent-hours logged in), per
 * handled contact (at each level), or per FTE-month (× 12 ÷ 52 a week);
 * team leads and managers in the price or per paid hour; support roles per
 * paid hour (0 when in the price); a year = 52 weeks (attrition is the
 * provider's); one-off = set-up fee + initial training per agent.
 *
 * @param site - the site and its cost model
 * @param plan - the site's plan (its organisation's roles and teams)
 * @param scenario - the site's own scenario (contract hours)
 */
export function siteCost(site: Site, plan: Plan, scenario: Scenario): SiteCost {
  const weeks = plan.weeks;
  const hours = scenario.contractHours;
  const handled = handledPerWeek(plan);
  const agentHoursPerWeek: Record<Tier, number> = { 1: 0, 2: 0, 3: 0 };
  if (weeks > 0) for (const g of plan.organisation.groups) agentHoursPerWeek[g.tier] += g.agentHours / weeks;
  const roles = plan.organisation.roles;
  const agentHeadcount = roles.filter((r) => isLevel(r.role)).reduce((n, r) => n + r.headcount, 0);
  const headcount = roles.reduce((n, r) => n + r.headcount, 0);
  const c = site.cost;
  if (c === null) {
    return { roles: roles.map((r) => ({ role: r.role, fte: r.fte, headcount: r.headcount, weeklyCost: null })), weeklyCost: null, annualCost: null, oneOffCost: null, annualHires: 0, handledPerWeek: handled[1] };
  }
  const costed: CostedRole[] = roles.map((r) => {
    const tier = levelOf(r.role);
    let weekly: number;
    const scheduled = tier !== null ? plan.organisation.scheduled?.[tier] : undefined;
    if (c.kind === "internal") {
      const rate = tier !== null ? c.agentHour[tier] : r.role === "team-lead" ? c.teamLeadHour : r.role === "manager" ? c.managerHour : c.supportHour;
      // under --shifts a level's agents cost what their schedules cost (each template's rate, out-of-shift time included)
      weekly = scheduled !== undefined ? scheduled.costPerWeek : r.fte * hours * rate;
    } else if (tier !== null && scheduled !== undefined && c.pricing === "hour") {
      // a provider with shifts bills the hours its scheduled agents are on the floor, the schedule's waste included
      weekly = c.price * scheduled.onFloorHoursPerWeek;
    } else if (tier !== null) {
      weekly = c.pricing === "hour" ? c.price * agentHoursPerWeek[tier] : c.pricing === "contact" ? c.price * handled[tier] : (c.price * r.fte * 12) / WEEKS_PER_YEAR;
    } else if (r.role === "team-lead" || r.role === "manager") {
      weekly = c.supervisionIncluded ? 0 : r.fte * hours * (r.role === "team-lead" ? c.teamLeadHour : c.managerHour);
    } else {
      weekly = r.fte * hours * c.supportHour;
    }
    return { role: r.role, fte: r.fte, headcount: r.headcount, weeklyCost: weekly };
  });
  const weeklyCost = costed.reduce((n, r) => n + r.weeklyCost!, 0);
  if (c.kind === "internal") {
    const annualHires = headcount * c.attrition;
    const crossTraining = plan.organisation.groups.reduce((n, g) => n + g.trainingHours * c.agentHour[g.tier], 0);
    return {
      roles: costed,
      weeklyCost,
      annualCost: weeklyCost * WEEKS_PER_YEAR + annualHires * (c.hiringPerHire + c.trainingPerHire),
      oneOffCost: c.existingTeam ? 0 : headcount * (c.hiringPerHire + c.trainingPerHire) + crossTraining,
      annualHires,
      handledPerWeek: handled[1],
    };
  }
  return {
    roles: costed,
    weeklyCost,
    annualCost: weeklyCost * WEEKS_PER_YEAR,
    oneOffCost: c.setupFee + c.trainingPerHire * agentHeadcount,
    annualHires: 0,
    handledPerWeek: handled[1],
  };
}

/** `level-2` → 2; other roles → null. */
export function levelOf(role: string): Tier | null {
  return role === "level-1" ? 1 : role === "level-2" ? 2 : role === "level-3" ? 3 : null;
}

function isLevel(role: string): boolean {
  return levelOf(role) !== null;
}
