/**
 * The cost build-up: the lines that make each site's weekly, annual and
 * one-off cost (SPEC 5.7), so that a comparison's every figure can be
 * explained — hours or contacts × a rate, the people behind each hiring and
 * training, what "a year" means, and what the model leaves out.
 *
 * The lines are worked out again from the plan and the site's cost model,
 * the way {@link siteCost} works them out (the same products in the same
 * order); the totals are the site's own, the figures the ranking uses. A
 * property test holds the lines of every period summing to them, to the
 * cent.
 */
import type { ComparedScenario, Comparison } from "./compare.js";
import { levelOf, WEEKS_PER_YEAR } from "./cost.js";
import type { Tier } from "./forecast.js";
import type { Plan } from "./plan.js";
import type { SiteKind, SiteLocation, SiteSharing } from "./sites.js";
import type { SitePlan, SourcingPlan } from "./sourcing.js";

/** The period a line's amount is for: a week of running, a year, or once. */
export type CostPeriod = "week" | "year" | "one-off";

/**
 * What a line's quantity counts:
 * - `paid-hour`: hours paid a week, FTE × contract hours (shrinkage included: a paid hour is not a productive one);
 * - `scheduled-paid-hour`: under `--shifts`, the paid hours of the level's schedules, each shift template at its own rate;
 * - `productive-hour`: agent-hours logged in a week (what a provider bills per productive hour);
 * - `on-floor-hour`: under `--shifts`, the hours the provider's scheduled agents are on the floor a week;
 * - `contact`: contacts handled a week at the level (offered less abandoned);
 * - `fte-month`: agent FTE-months a week (FTE × 12 ÷ 52);
 * - `person`: people (hired, trained, or in the provider's price);
 * - `hire`: hires a year from attrition (a mean: may be fractional);
 * - `training-hour`: hours of cross-training;
 * - `week`: weeks of running cost in a year;
 * - `fee`: a fee, once.
 */
export type CostUnit = "paid-hour" | "scheduled-paid-hour" | "productive-hour" | "on-floor-hour" | "contact" | "fte-month" | "person" | "hire" | "training-hour" | "week" | "fee";

/** Where a line's quantity comes from. */
export type CostSource =
  /** Paid hours: FTE × contract hours a week. */
  | { kind: "fte-hours"; fte: number; hoursPerFte: number }
  /** A level's shift schedules (under `--shifts`). */
  | { kind: "schedules" }
  /** Agent-hours or handled contacts over the forecast's horizon ÷ its weeks. */
  | { kind: "per-week"; overHorizon: number; weeks: number }
  /** FTE × 12 months ÷ 52 weeks. */
  | { kind: "fte-months"; fte: number }
  /** Headcount of the role, the agents or the whole site. */
  | { kind: "people"; headcount: number }
  /** Headcount × attrition a year. */
  | { kind: "attrition"; headcount: number; attrition: number }
  /** People × skills beyond the first × training hours per skill, per level. */
  | { kind: "cross-training" }
  /** 52 weeks of the weekly cost. */
  | { kind: "weeks" }
  /** A fee. */
  | { kind: "fee" };

/**
 * Why a line costs 0 on purpose: in the provider's price (supervision,
 * support roles), or not counted because the team exists already.
 */
export type CostExclusion = "in-price" | "existing-team";

/** One line of a site's cost: quantity × rate = amount, for a period. */
export interface CostLine {
  period: CostPeriod;
  /**
   * What it pays for: a role (`level-1`, `team-lead`, `manager`, a support
   * role) for running lines; `running` (52 weeks), `attrition-hiring`,
   * `attrition-training` for the year; `hiring`, `training`,
   * `cross-training-level-N`, `set-up`, `initial-training` once.
   */
  item: string;
  /** The role it pays for, if one. */
  role: string | null;
  unit: CostUnit;
  quantity: number;
  /** Per unit of `quantity`, in the scenario's currency; null when the amount is no single rate × quantity (shift templates' own rates). */
  rate: number | null;
  /** In the scenario's currency, for the period. */
  amount: number;
  source: CostSource;
  /** Set when the line is 0 on purpose. */
  excluded: CostExclusion | null;
}

/** How a site is priced: in-house, or the provider's pricing. */
export type SitePricing = "internal" | "per-productive-hour" | "per-contact" | "per-fte-month";

/** The build-up of one site's cost. */
export interface SiteCostBuildUp {
  site: string;
  kind: SiteKind;
  location: SiteLocation;
  sharing: SiteSharing;
  /** Null: the scenario gives the site no cost model (no lines, null totals). */
  pricing: SitePricing | null;
  lines: CostLine[];
  /** The site's figures (those the comparison adds up and ranks): the lines of each period sum to them. */
  totals: { week: number | null; year: number | null; oneOff: number | null };
  /** What the site's cost leaves out (the model has no line for it). */
  notCounted: string[];
}

/** The build-up of one scenario: its sites, what a year means, and the cost over the years it is ranked on. */
export interface ScenarioCostBuildUp {
  scenario: string;
  currency: string;
  /**
   * What "a week" is: the forecast's hours ÷ `weeks` (the calendar weeks
   * its rows touch, or the weeks given with `--weeks` or `horizon`); a year
   * is that mean week × 52, plus the hires attrition brings in-house.
   */
  weeks: number;
  weeksGiven: boolean;
  weeksPerYear: number;
  /** Years of running cost in the ranking's figure. */
  years: number;
  sites: SiteCostBuildUp[];
  totals: { week: number | null; year: number | null; oneOff: number | null; overYears: number | null };
  /** What no site's cost counts (the whole comparison's limits). */
  notCounted: string[];
}

const INTERNAL_NOT_COUNTED = [
  "premises, IT, telephony and other overheads, unless the loaded hourly costs include them",
  "new hires' ramp-up (lower productivity while they learn) and posts left vacant",
];
const EXISTING_TEAM_NOT_COUNTED = "hiring or training to bring today's team to this headcount and these skills (existing_team: a roster shows the gap, --roster)";
const OUTSOURCED_NOT_COUNTED = [
  "managing the provider on our side (contract, quality audits, travel), unless a retained site of the scenario staffs it",
  "the transition: both teams running during the hand-over, knowledge transfer, exit costs",
];

/**
 * What the comparison leaves out of every scenario, `years` the horizon of
 * the ranking.
 */
function scenarioNotCounted(years: number): string[] {
  return [
    `wage rises, inflation and discounting over the ${years} year${years === 1 ? "" : "s"} (the cost over them is ${years} × a year + the one-off costs)`,
    "seasons the forecast does not cover (a year is its mean week × 52)",
  ];
}

/** Level-N rows of a plan: handled contacts and agent-hours a week per level, added as `siteCost` adds them. */
function perLevelWeekly(plan: Plan) {
  const handled: Record<Tier, number> = { 1: 0, 2: 0, 3: 0 };
  const handledOverHorizon: Record<Tier, number> = { 1: 0, 2: 0, 3: 0 };
  const agentHours: Record<Tier, number> = { 1: 0, 2: 0, 3: 0 };
  const agentHoursOverHorizon: Record<Tier, number> = { 1: 0, 2: 0, 3: 0 };
  if (plan.weeks > 0) {
    for (const q of plan.queues) {
      const h = q.volume * (1 - (q.abandonRate ?? 0));
      handled[q.queue!.tier] += h / plan.weeks;
      handledOverHorizon[q.queue!.tier] += h;
    }
    for (const g of plan.organisation.groups) {
      agentHours[g.tier] += g.agentHours / plan.weeks;
      agentHoursOverHorizon[g.tier] += g.agentHours;
    }
  }
  return { handled, handledOverHorizon, agentHours, agentHoursOverHorizon };
}

/**
 * The lines of one site's cost: each role's running cost a week, the year
 * (52 weeks, and in-house the hires and training attrition brings), and
 * the one-off costs (in-house: hiring and training the whole team and the
 * cross-training its organisation needs, unless the team exists; outsourced:
 * the set-up fee and the agents' initial training). A role the provider's
 * price includes, and an existing team's one-off costs, are lines of 0 with
 * the reason.
 *
 * @param s - a site of a planned scenario (its plan and its cost)
 */
export function siteCostBuildUp(s: SitePlan): SiteCostBuildUp {
  const { site, plan, cost } = s;
  const c = site.cost;
  const base = { site: site.name, kind: site.kind, location: site.location, sharing: site.sharing };
  if (c === null) return { ...base, pricing: null, lines: [], totals: { week: null, year: null, oneOff: null }, notCounted: [] };
  const hours = plan.contractHours;
  const weeks = plan.weeks;
  const roles = plan.organisation.roles;
  const per = perLevelWeekly(plan);
  const lines: CostLine[] = [];
  const line = (l: Omit<CostLine, "excluded"> & { excluded?: CostExclusion }) => lines.push({ excluded: null, ...l });
  const paid = (period: CostPeriod, role: string, fte: number, rate: number) =>
    line({ period, item: role, role, unit: "paid-hour", quantity: fte * hours, rate, amount: fte * hours * rate, source: { kind: "fte-hours", fte, hoursPerFte: hours } });
  for (const r of roles) {
    const tier = levelOf(r.role);
    const scheduled = tier !== null ? plan.organisation.scheduled?.[tier] : undefined;
    if (c.kind === "internal") {
      if (scheduled !== undefined) {
        line({ period: "week", item: r.role, role: r.role, unit: "scheduled-paid-hour", quantity: scheduled.paidHoursPerWeek, rate: null, amount: scheduled.costPerWeek, source: { kind: "schedules" } });
      } else {
        paid("week", r.role, r.fte, tier !== null ? c.agentHour[tier] : r.role === "team-lead" ? c.teamLeadHour : r.role === "manager" ? c.managerHour : c.supportHour);
      }
    } else if (tier !== null && scheduled !== undefined && c.pricing === "hour") {
      line({ period: "week", item: r.role, role: r.role, unit: "on-floor-hour", quantity: scheduled.onFloorHoursPerWeek, rate: c.price, amount: c.price * scheduled.onFloorHoursPerWeek, source: { kind: "schedules" } });
    } else if (tier !== null) {
      if (c.pricing === "hour") {
        line({ period: "week", item: r.role, role: r.role, unit: "productive-hour", quantity: per.agentHours[tier], rate: c.price, amount: c.price * per.agentHours[tier], source: { kind: "per-week", overHorizon: per.agentHoursOverHorizon[tier], weeks } });
      } else if (c.pricing === "contact") {
        line({ period: "week", item: r.role, role: r.role, unit: "contact", quantity: per.handled[tier], rate: c.price, amount: c.price * per.handled[tier], source: { kind: "per-week", overHorizon: per.handledOverHorizon[tier], weeks } });
      } else {
        line({ period: "week", item: r.role, role: r.role, unit: "fte-month", quantity: (r.fte * 12) / WEEKS_PER_YEAR, rate: c.price, amount: (c.price * r.fte * 12) / WEEKS_PER_YEAR, source: { kind: "fte-months", fte: r.fte } });
      }
    } else if ((r.role === "team-lead" || r.role === "manager") && c.supervisionIncluded) {
      line({ period: "week", item: r.role, role: r.role, unit: "person", quantity: r.headcount, rate: 0, amount: 0, source: { kind: "people", headcount: r.headcount }, excluded: "in-price" });
    } else if (r.role === "team-lead" || r.role === "manager") {
      paid("week", r.role, r.fte, r.role === "team-lead" ? c.teamLeadHour : c.managerHour);
    } else if (c.supportHour === 0) {
      line({ period: "week", item: r.role, role: r.role, unit: "person", quantity: r.headcount, rate: 0, amount: 0, source: { kind: "people", headcount: r.headcount }, excluded: "in-price" });
    } else {
      paid("week", r.role, r.fte, c.supportHour);
    }
  }
  const weekly = cost.weeklyCost!;
  line({ period: "year", item: "running", role: null, unit: "week", quantity: WEEKS_PER_YEAR, rate: weekly, amount: weekly * WEEKS_PER_YEAR, source: { kind: "weeks" } });
  const headcount = roles.reduce((n, r) => n + r.headcount, 0);
  const notCounted: string[] = [];
  if (c.kind === "internal") {
    const hires = headcount * c.attrition;
    const attrition = { kind: "attrition", headcount, attrition: c.attrition } as const;
    line({ period: "year", item: "attrition-hiring", role: null, unit: "hire", quantity: hires, rate: c.hiringPerHire, amount: hires * c.hiringPerHire, source: attrition });
    line({ period: "year", item: "attrition-training", role: null, unit: "hire", quantity: hires, rate: c.trainingPerHire, amount: hires * c.trainingPerHire, source: attrition });
    // an existing team: lines of 0 that still say how many people and hours the model does not count
    const existing = c.existingTeam ? ({ rate: 0, excluded: "existing-team" } as const) : undefined;
    for (const [item, rate] of [["hiring", c.hiringPerHire], ["training", c.trainingPerHire]] as const) {
      const r = existing?.rate ?? rate;
      line({ period: "one-off", item, role: null, unit: "person", quantity: headcount, rate: r, amount: headcount * r, source: { kind: "people", headcount }, ...(existing && { excluded: existing.excluded }) });
    }
    for (const tier of [1, 2, 3] as const) {
      const trainingHours = plan.organisation.groups.filter((g) => g.tier === tier).reduce((n, g) => n + g.trainingHours, 0);
      if (trainingHours <= 0) continue;
      const r = existing?.rate ?? c.agentHour[tier];
      line({ period: "one-off", item: `cross-training-level-${tier}`, role: `level-${tier}`, unit: "training-hour", quantity: trainingHours, rate: r, amount: trainingHours * r, source: { kind: "cross-training" }, ...(existing && { excluded: existing.excluded }) });
    }
    notCounted.push(...INTERNAL_NOT_COUNTED);
    if (c.existingTeam) notCounted.push(EXISTING_TEAM_NOT_COUNTED);
  } else {
    const agents = roles.filter((r) => levelOf(r.role) !== null).reduce((n, r) => n + r.headcount, 0);
    line({ period: "one-off", item: "set-up", role: null, unit: "fee", quantity: 1, rate: c.setupFee, amount: c.setupFee, source: { kind: "fee" } });
    line({ period: "one-off", item: "initial-training", role: null, unit: "person", quantity: agents, rate: c.trainingPerHire, amount: c.trainingPerHire * agents, source: { kind: "people", headcount: agents } });
    notCounted.push("the provider's attrition, hiring and replacement training (in its price)", ...OUTSOURCED_NOT_COUNTED);
  }
  const pricing: SitePricing = c.kind === "internal" ? "internal" : c.pricing === "hour" ? "per-productive-hour" : c.pricing === "contact" ? "per-contact" : "per-fte-month";
  return { ...base, pricing, lines, totals: { week: cost.weeklyCost, year: cost.annualCost, oneOff: cost.oneOffCost }, notCounted };
}

/**
 * A scenario's cost build-up: every site's lines, what a week and a year
 * are, the totals the comparison ranks (cost over `years` = a year × years
 * + one-off), and what no line counts.
 *
 * @param plan - the planned scenario
 * @param costOverYears - its cost over `years` as the comparison ranks it (null without costs)
 * @param years - horizon of the ranking, years
 */
export function scenarioCostBuildUp(plan: SourcingPlan, costOverYears: number | null, years: number): ScenarioCostBuildUp {
  const t = plan.totals;
  const horizon = plan.sites.map((s) => s.plan.horizon).find((h) => h !== null);
  return {
    scenario: plan.scenario,
    currency: plan.currency,
    weeks: plan.weeks,
    weeksGiven: horizon?.weeksGiven ?? false,
    weeksPerYear: WEEKS_PER_YEAR,
    years,
    sites: plan.sites.map(siteCostBuildUp),
    totals: { week: t.weeklyCost, year: t.annualCost, oneOff: t.oneOffCost, overYears: costOverYears },
    notCounted: scenarioNotCounted(years),
  };
}

/** Every scenario's cost build-up, in the comparison's order. */
export function comparisonCostBuildUp(c: Comparison): ScenarioCostBuildUp[] {
  return c.scenarios.map((s: ComparedScenario) => scenarioCostBuildUp(s.plan, s.costOverYears, c.years));
}

/** The sum of a site's lines of one period (what its total for that period should be). */
export function sumOfLines(lines: readonly CostLine[], period: CostPeriod): number {
  return lines.filter((l) => l.period === period).reduce((n, l) => n + l.amount, 0);
}
