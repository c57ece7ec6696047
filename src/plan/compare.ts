import { columnsRow, profileRow, type ForecastColumns } from "./forecast-columns.js";
import { VolumeRecipe } from "./volume-source.js";
import type { GapsPlan } from "./gaps.js";
import type { Plan } from "./plan.js";
import type { Scenario } from "./scenario.js";
import type { Site } from "./sites.js";
import { costOverYears, SourcingPlanner, type SourcingPlan, type WhatIf } from "./sourcing.js";

/** Differences of one scenario against the baseline (this − baseline). */
export interface Delta {
  headcount: number;
  fte: number;
  weeklyCost: number | null;
  annualCost: number | null;
  oneOffCost: number | null;
  costOverYears: number | null;
  /** Cost per level-1 contact handled (null when either has none). */
  costPerContact: number | null;
  /** Live service level, as a fraction (null when either has no live queue). */
  serviceLevel: number | null;
}

/** One scenario in a comparison. */
export interface ComparedScenario {
  plan: SourcingPlan;
  /** Running cost of `years` years plus one-off costs (null without costs). */
  costOverYears: number | null;
  /** Against the baseline; null for the baseline itself. */
  delta: Delta | null;
  /** What it saves over `years` against the baseline: the baseline's cost over the years − its own (negative: it costs more; null without costs; 0 for the baseline). */
  saving: number | null;
  /** Every interval of every site met its targets. */
  meetsTargets: boolean;
  /** Its service targets are the baseline's: only then is its service "equal". */
  sameTargets: boolean;
  /** With a roster: the in-house gaps it leaves under this scenario (see `skillGaps`). */
  gaps?: GapsPlan["totals"];
}

/** A side-by-side of scenarios on one forecast. */
export interface Comparison {
  years: number;
  scenarios: ComparedScenario[];
  /** Index of the scenario the deltas, the savings and "equal service" are against. */
  baseline: number;
  /** Index of the cheapest scenario over `years` among those that meet every target at the baseline's targets (null: none does, or no costs). */
  cheapest: number | null;
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/**
 * Put scenarios side by side: deltas and savings against the baseline, and
 * the cheapest at equal service — the lowest cost over `years` (running
 * cost × years + one-off costs) among the scenarios that plan to the
 * baseline's service targets and meet them in every interval; ties go to
 * the scenario given first. The cheapest does not depend on which scenario
 * is the baseline, except through the baseline's targets.
 *
 * @param plans - the scenarios, in the order given
 * @param years - horizon of the cost comparison, years (> 0)
 * @param baseline - index of the scenario to compare against (default 0, the first)
 */
export function compareScenarios(plans: readonly SourcingPlan[], years: number, baseline = 0): Comparison {
  if (!(years > 0)) throw new RangeError(`compareScenarios needs years > 0, got ${years}`);
  if (plans.length > 0 && !(Number.isInteger(baseline) && baseline >= 0 && baseline < plans.length)) {
    throw new RangeError(`compareScenarios needs a baseline index in 0..${plans.length - 1}, got ${baseline}`);
  }
  const base = plans[baseline];
  const baseCost = base === undefined ? null : costOverYears(base, years);
  const scenarios = plans.map((plan, k): ComparedScenario => {
    const cost = costOverYears(plan, years);
    const t = plan.totals;
    const b = base?.totals;
    return {
      plan,
      costOverYears: cost,
      meetsTargets: t.missedIntervals === 0,
      sameTargets: base === undefined || plan.targets === base.targets,
      saving: minus(baseCost, cost),
      delta:
        k === baseline || b === undefined
          ? null
          : {
              headcount: t.headcount - b.headcount,
              fte: t.fte - b.fte,
              weeklyCost: minus(t.weeklyCost, b.weeklyCost),
              annualCost: minus(t.annualCost, b.annualCost),
              oneOffCost: minus(t.oneOffCost, b.oneOffCost),
              costOverYears: minus(cost, baseCost),
              costPerContact: minus(t.costPerContact, b.costPerContact),
              serviceLevel: minus(t.serviceLevel, b.serviceLevel),
            },
    };
  });
  let cheapest: number | null = null;
  scenarios.forEach((s, k) => {
    if (!s.meetsTargets || !s.sameTargets || s.costOverYears === null) return;
    if (cheapest === null || s.costOverYears < scenarios[cheapest]!.costOverYears!) cheapest = k;
  });
  return { years, scenarios, baseline, cheapest };
}

/** Scenario indexes from the cheapest over `years` to the dearest (scenarios without costs last, in given order). */
export function ranking(c: Comparison): number[] {
  return c.scenarios
    .map((s, k) => [k, s.costOverYears ?? Infinity] as const)
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .map(([k]) => k);
}

/** How {@link planOnColumns} plans: for `--shifts`, each team's curve kept and the site plans turned into the scheduled ones. */
export interface ColumnsPlanning {
  keepTeamCurves?: boolean;
  adjust?: ((site: Site, plan: Plan, scenario: Scenario) => Plan) | undefined;
}

/**
 * Plan a forecast held as columns under one scenario and what-if: every row
 * in the order it was read, through a {@link SourcingPlanner} — the same
 * plan as adding the rows themselves. One planning of a comparison (a
 * scenario at one sweep point); `compare` runs several at once on worker
 * threads, each on the same shared columns.
 *
 * @param columns - the forecast (see {@link ForecastColumns})
 * @param scenario - the scenario to plan under
 * @param whatIf - volume and handle-time factors
 * @throws PlanLimitError when a factor takes a queue past a limit of the models
 */
export function planOnColumns(columns: ForecastColumns, scenario: Scenario, whatIf: WhatIf, options: ColumnsPlanning = {}): SourcingPlan {
  const starts = columns.startMin;
  let timeOrdered = true; // then teams solve their pools interval by interval, holding only the current one's
  for (let i = 1; i < columns.length && timeOrdered; i++) timeOrdered = starts[i - 1]! <= starts[i]!;
  const planner = new SourcingPlanner(scenario, whatIf, undefined, { keepTeamCurves: options.keepTeamCurves ?? false, timeOrdered });
  // deferred queues keep each row's place in the shared volume column rather than its volume
  const recipe = VolumeRecipe.of(columns.volume);
  planner.expectQueues(columns.profiles.map(profileRow));
  for (let i = 0; i < columns.length; i++) planner.add(columnsRow(columns, i, recipe));
  return planner.finish(options.adjust);
}
