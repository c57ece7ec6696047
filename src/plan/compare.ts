import type { GapsPlan } from "./gaps.js";
import { costOverYears, type SourcingPlan } from "./sourcing.js";

/** Differences of one scenario against the first (the reference). */
export interface Delta {
  headcount: number;
  fte: number;
  weeklyCost: number | null;
  annualCost: number | null;
  oneOffCost: number | null;
  costOverYears: number | null;
}

/** One scenario in a comparison. */
export interface ComparedScenario {
  plan: SourcingPlan;
  /** Running cost of `years` years plus one-off costs (null without costs). */
  costOverYears: number | null;
  /** Against the first scenario; null for the first itself. */
  delta: Delta | null;
  /** Every interval of every site met its targets. */
  meetsTargets: boolean;
  /** Its service targets are the reference's (the first scenario's): only then is its service "equal". */
  sameTargets: boolean;
  /** With a roster: the in-house gaps it leaves under this scenario (see `skillGaps`). */
  gaps?: GapsPlan["totals"];
}

/** A side-by-side of scenarios on one forecast. */
export interface Comparison {
  years: number;
  scenarios: ComparedScenario[];
  /** Index of the cheapest scenario over `years` among those that meet every target (null: none does, or no costs). */
  cheapest: number | null;
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/**
 * Put scenarios side by side: deltas against the first, and the cheapest at
 * equal service — the lowest cost over `years` (running cost × years +
 * one-off costs) among the scenarios that plan to the first scenario's
 * service targets and meet them in every interval; ties go to the scenario
 * given first.
 *
 * @param plans - the scenarios, the reference first
 * @param years - horizon of the cost comparison, years (> 0)
 */
export function compareScenarios(plans: readonly SourcingPlan[], years: number): Comparison {
  if (!(years > 0)) throw new RangeError(`compareScenarios needs years > 0, got ${years}`);
  const first = plans[0];
  const scenarios = plans.map((plan, k): ComparedScenario => {
    const cost = costOverYears(plan, years);
    const t = plan.totals;
    return {
      plan,
      costOverYears: cost,
      meetsTargets: t.missedIntervals === 0,
      sameTargets: first === undefined || plan.targets === first.targets,
      delta:
        k === 0 || first === undefined
          ? null
          : {
              headcount: t.headcount - first.totals.headcount,
              fte: t.fte - first.totals.fte,
              weeklyCost: minus(t.weeklyCost, first.totals.weeklyCost),
              annualCost: minus(t.annualCost, first.totals.annualCost),
              oneOffCost: minus(t.oneOffCost, first.totals.oneOffCost),
              costOverYears: minus(cost, costOverYears(first, years)),
            },
    };
  });
  let cheapest: number | null = null;
  scenarios.forEach((s, k) => {
    if (!s.meetsTargets || !s.sameTargets || s.costOverYears === null) return;
    if (cheapest === null || s.costOverYears < scenarios[cheapest]!.costOverYears!) cheapest = k;
  });
  return { years, scenarios, cheapest };
}

/** Scenario indexes from the cheapest over `years` to the dearest (scenarios without costs last, in given order). */
export function ranking(c: Comparison): number[] {
  return c.scenarios
    .map((s, k) => [k, s.costOverYears ?? Infinity] as const)
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .map(([k]) => k);
}
