import type { Plan } from "./plan.js";
import { typologyKey, type Scenario } from "./scenario.js";

/** A scenario rule that names a typology the forecast does not have (most often a typo). */
export interface UnusedRule {
  /** Where in the scenario: `tiers.typologies`, `organisation.groups[0].typologies`, `outbound.campaigns`. */
  field: string;
  /** The typology key as the rule names it. */
  typology: string;
}

/**
 * The typology rules of a scenario that match no typology of the plans'
 * queues (every site's) (compared ignoring case, accents and apostrophes): a misspelt
 * typology would otherwise fall back to the defaults without a word.
 * Families of work are not checked (the defaults list many labels).
 */
export function unusedRules(scenario: Scenario, plans: readonly Plan[]): UnusedRule[] {
  const seen = new Set(plans.flatMap((p) => p.queues.map((q) => typologyKey(q.queue!.typology))));
  const out: UnusedRule[] = [];
  const check = (field: string, keys: Iterable<string>) => {
    for (const typology of keys) if (!seen.has(typology)) out.push({ field, typology });
  };
  if (scenario.tiers !== null) check("tiers.typologies", Object.keys(scenario.tiers.typologies));
  check("outbound.campaigns", Object.keys(scenario.outbound.campaigns));
  if (scenario.organisation.model === "groups") scenario.organisation.groups.forEach((g, k) => check(`organisation.groups[${k}].typologies`, g.typologies ?? []));
  return out;
}
