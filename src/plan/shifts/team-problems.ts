import { combinedShrinkage } from "../../core/people.js";
import { weekDayOf } from "../calendar.js";
import type { Tier } from "../forecast.js";
import type { TeamCurve } from "../group-staffing.js";
import type { Scenario } from "../scenario.js";
import type { Site } from "../sites.js";
import type { ShiftRules, ShiftSettings, ShiftTemplate } from "./template.js";
import { WEEK_MIN } from "./week-grid.js";

/**
 * From a plan's team curves to the weeks each team's schedule must cover
 * (SPEC 5.4b): the requirement on the floor is the plan's agents ÷ (1 −
 * in-shift shrinkage), where a `breaks` component is left out when the
 * templates place breaks (they replace it); the other components (absence,
 * holidays…) turn scheduled people into headcount.
 */

/** One team's schedule to solve, week by week. */
export interface TeamProblem {
  site: string;
  team: string;
  tier: Tier;
  gridMin: number;
  /** Templates with their cost per hour resolved; fixed days off turned to the days of these weeks. */
  rules: ShiftRules;
  inShiftShrinkage: number;
  outOfShiftShrinkage: number;
  weeks: { weekStartMin: number; required: Float64Array }[];
  /** The plan's FTE-based figures of the same team (null when the requirement came from a file). */
  planFte: number | null;
  planHeadcount: number | null;
}

/** Something the planner should hear about the schedules' inputs. */
export interface ShiftNote {
  code: "PLAN_SHIFTS_NO_RATE" | "PLAN_SHIFTS_BREAKS_PLACED" | "PLAN_SHIFTS_SITE" | "PLAN_PARTIAL_WEEK";
  message: string;
}

/** The rules a team of level `tier` uses under these settings. */
export function rulesFor(settings: ShiftSettings, tier: Tier): ShiftRules {
  return settings.levels[tier] ?? settings.rules;
}

/**
 * Shrinkage split for a team's rules.
 * @param shrinkage - the site's shrinkage components (shares of paid time)
 * @returns the in-shift share the requirement is divided by, the out-of-shift share, and whether `breaks` was left out because templates place them
 */
function splitShrinkage(shrinkage: Record<string, number>, rules: ShiftRules): { inShift: number; outOfShift: number; breaksPlaced: boolean } {
  const breaksPlaced = rules.templates.some((t) => t.breaks.length > 0);
  const inside: number[] = [];
  const outside: number[] = [];
  for (const [name, share] of Object.entries(shrinkage)) {
    if (breaksPlaced && name.toLowerCase() === "breaks") continue;
    (rules.inShiftShrinkage.includes(name) ? inside : outside).push(share);
  }
  return { inShift: combinedShrinkage(inside), outOfShift: combinedShrinkage(outside), breaksPlaced };
}

/**
 * A team's problem from its curve of agents.
 *
 * @param curve - agents per interval start (file clock)
 * @param weeks - starts of the weeks to schedule (00:00 of their first day)
 * @param scenario - the site's scenario (its shrinkage)
 * @param settings - the site's shifts
 * @param site - the site (for its cost of an agent hour), or null for a requirement file
 * @param plan - the plan's FTE-based figures of the team
 * @param notes - receives the notes
 */
export function teamProblem(
  curve: TeamCurve,
  weeks: readonly number[],
  scenario: Scenario,
  settings: ShiftSettings,
  site: Site | null,
  plan: { fte: number; headcount: number } | null,
  notes: ShiftNote[],
): TeamProblem {
  const base = rulesFor(settings, curve.tier);
  const siteName = site?.name ?? "";
  const siteRate = site?.cost?.kind === "internal" ? site.cost.agentHour[curve.tier] : null;
  const templates = base.templates.map((t): ShiftTemplate => {
    if (t.costPerHour !== null) return t;
    if (siteRate === null) {
      const message = `shift template "${t.name}"${siteName ? ` at site ${siteName}` : ""} has no cost_per_hour and ${site === null || site.cost === null ? "the scenario has no cost model" : "the site is billed by its provider"}: its cost is counted as 1 per paid hour`;
      if (!notes.some((n) => n.message === message)) notes.push({ code: "PLAN_SHIFTS_NO_RATE", message });
    }
    return { ...t, costPerHour: siteRate ?? 1 };
  });
  const { inShift, outOfShift, breaksPlaced } = splitShrinkage(scenario.shrinkage, base);
  if (breaksPlaced && "breaks" in scenario.shrinkage) {
    const message = `the shift templates place breaks: the scenario's breaks shrinkage (${Math.round(scenario.shrinkage.breaks! * 1000) / 10} %) is replaced by them, not counted twice`;
    if (!notes.some((n) => n.message === message)) notes.push({ code: "PLAN_SHIFTS_BREAKS_PLACED", message });
  }
  const grid = curve.gridMin;
  const problemWeeks = weeks.map((weekStartMin) => {
    const required = new Float64Array(WEEK_MIN / grid);
    for (let k = 0; k < required.length; k++) {
      const agents = curve.agentsAt.get(weekStartMin + k * grid) ?? 0;
      required[k] = agents > 0 ? agents / (1 - inShift) : 0;
    }
    return { weekStartMin, required };
  });
  // fixed days off are counted from the scenario's week start; these weeks may start on another day (a rolling week)
  const shift = weeks.length === 0 ? 0 : (weekDayOf(weeks[0]!) - scenario.weekStart + 7) % 7;
  const turned = shift === 0 ? templates : templates.map((t) => (t.daysOff.kind === "fixed" ? { ...t, daysOff: { kind: "fixed" as const, days: t.daysOff.days.map((d) => (d - shift + 7) % 7) } } : t));
  return {
    site: siteName,
    team: curve.name,
    tier: curve.tier,
    gridMin: grid,
    rules: { ...base, templates: turned },
    inShiftShrinkage: inShift,
    outOfShiftShrinkage: outOfShift,
    weeks: problemWeeks,
    planFte: plan?.fte ?? null,
    planHeadcount: plan?.headcount ?? null,
  };
}
