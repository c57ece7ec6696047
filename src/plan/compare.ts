import type { GapsPlan } from "./gaps.js";
import { costOverYears, type SourcingPlan } from "./sourcing.js";

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
