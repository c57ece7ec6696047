import { DEFAULT_SCENARIO, type Scenario } from "../../src/plan/scenario.js";
import type { InternalCost, Site } from "../../src/plan/sites.js";

/** An in-house site's costs: agent hours 30, 40, 50 by level, team lead 45, manager 60, support 42; 2,000 to hire and 3,000 to train a person; 30 % attrition; a new team. */
export const INTERNAL_COST: InternalCost = {
  kind: "internal",
  agentHour: { 1: 30, 2: 40, 3: 50 },
  teamLeadHour: 45,
  managerHour: 60,
  supportHour: 42,
  hiringPerHire: 2000,
  trainingPerHire: 3000,
  attrition: 0.3,
  existingTeam: false,
};

/** The documented defaults with `sites` and `allocation`, named "test": 30 % shrinkage, every contract full time, calls 80 % answered within 20 s; `over` replaces fields. */
export function sitesScenario(sites: Site[], allocation: Scenario["allocation"], over: Partial<Scenario> = {}): Scenario {
  return {
    ...DEFAULT_SCENARIO,
    name: "test",
    shrinkage: { all: 0.3 },
    contractFraction: 1,
    targets: { ...DEFAULT_SCENARIO.targets, sync: { serviceLevel: 0.8, answerWithinSec: 20 } },
    sites,
    allocation,
    ...over,
  };
}
