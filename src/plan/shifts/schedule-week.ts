import type { MipLimits, MipSolver } from "./mip.js";
import type { TemplateUse, WeekSchedule } from "./schedule-types.js";
import type { ShiftRules } from "./template.js";
import { decodeWeek } from "./decode-week.js";
import { tourCoverage } from "./tour-coverage.js";
import { buildWeekModel, costBound, peopleBoundHolds, type Uncoverable } from "./week-model.js";

/** A week that cannot be scheduled: the intervals no template reaches, or rules no schedule satisfies. */
export type WeekFailure =
  | { kind: "uncoverable"; intervals: Uncoverable[] }
  | { kind: "infeasible" }
  | { kind: "no-solution"; gap: number };

/**
 * Schedule one team's week at least cost (SPEC 5.4b): build the integer
 * programme ({@link buildWeekModel}), solve it, turn the solution into
 * tours, and measure the tours' own coverage against the requirement (the
 * figures come from the tours, not from the solver's rows, so anyone can
 * re-check them).
 *
 * @param required - agents needed on the floor per interval of the week (10,080 ÷ gridMin values)
 * @param gridMin - interval length, minutes
 * @param rules - the team's rules, each template's cost per hour resolved
 * @param solve - a MIP solver (HiGHS in the command)
 * @param limits - relative gap and time limit
 * @returns the schedule without its week's date (`weekStartMin` 0), or why there is none
 */
export function scheduleWeek(
  required: Float64Array,
  gridMin: number,
  rules: ShiftRules,
  solve: MipSolver,
  limits: MipLimits,
): { ok: true; week: WeekSchedule } | { ok: false; failure: WeekFailure } {
  const hasWork = required.some((r) => r > 1e-9);
  let peopleBound = 0;
  let built;
  let result;
  let tours;
  for (;;) {
    built = buildWeekModel(required, gridMin, rules, peopleBound);
    if (!built.ok) return { ok: false, failure: { kind: "uncoverable", intervals: built.uncoverable } };
    result = hasWork ? solve(built.week.model, limits) : { status: "optimal" as const, x: new Float64Array(built.week.model.numCols), objective: 0, bound: 0, gap: 0, seconds: 0 };
    if (result.status === "infeasible") return { ok: false, failure: { kind: "infeasible" } };
    if (result.status === "no-solution") return { ok: false, failure: { kind: "no-solution", gap: result.gap } };
    tours = decodeWeek(built.week, result.x);
    // rare (max shares forcing people in): the objective's people bound was too small to rank cost first
    const holds = peopleBoundHolds(built.week, tours.reduce((n, t) => n + t.people * t.cost, 0));
    if (holds === true) break;
    peopleBound = holds;
  }
  const week = built.week;
  const onFloor = tourCoverage(tours, gridMin);
  const hours = gridMin / 60;
  let requiredHours = 0;
  let onFloorHours = 0;
  let overHours = 0;
  let underHours = 0;
  for (let i = 0; i < required.length; i++) {
    const need = required[i]!;
    const have = onFloor[i]!;
    requiredHours += need * hours;
    onFloorHours += have * hours;
    // differences below 1e-6 agent are the solver's tolerance, not people
    if (have - need > 1e-6) overHours += (have - need) * hours;
    if (need - have > 1e-6) underHours += (need - have) * hours;
  }
  const byTemplate: TemplateUse[] = rules.templates.map((t) => ({ template: t.name, people: 0, paidHours: 0, cost: 0 }));
  for (const tour of tours) {
    const use = byTemplate.find((u) => u.template === tour.template)!;
    use.people += tour.people;
    use.paidHours += tour.people * tour.paidHours;
    use.cost += tour.people * tour.cost;
  }
  const people = byTemplate.reduce((n, u) => n + u.people, 0);
  const cost = byTemplate.reduce((n, u) => n + u.cost, 0);
  return {
    ok: true,
    week: {
      weekStartMin: 0,
      status: result.status,
      gap: Math.max(0, result.gap),
      boundCost: Math.min(cost + (rules.understaffingCost ?? 0) * underHours, costBound(week, result.bound)),
      tours,
      required,
      onFloor,
      byTemplate,
      people,
      paidHours: byTemplate.reduce((n, u) => n + u.paidHours, 0),
      cost,
      requiredHours,
      onFloorHours,
      overHours,
      underHours,
      understaffingCost: rules.understaffingCost === null ? 0 : rules.understaffingCost * underHours,
      efficiency: onFloorHours > 0 ? requiredHours / onFloorHours : 1,
    },
  };
}
