import { matchesFlow } from "./flow-match.js";
import type { Plan } from "./plan.js";
import { typologyKey, type Scenario } from "./scenario.js";

/** A scenario rule that names a typology the forecast does not have (most often a typo). */
export interface UnusedRule {
  /** Where in the scenario: `tiers.typologies`, `organisation.groups[0].typologies`, `outbound.campaigns`. */
  field: string;
  /** The typology key as the rule names it. */
  typology: string;
  /** For an allocation rule whose typologies all exist: why it takes no flow (else absent). */
  detail?: string | undefined;
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
  // allocation rules: a typology the forecast lacks, or a rule that is never the first to match a flow
  const queues = plans.flatMap((p) => p.queues.map((q) => q.queue!));
  const firstMatch = new Set(queues.map((q) => scenario.allocation.findIndex((r) => matchesFlow(r.match, q, typologyKey))));
  scenario.allocation.forEach((rule, k) => {
    const missing = (rule.match.typologies ?? []).filter((t) => !seen.has(t));
    for (const typology of missing) out.push({ field: `allocation[${k}].typologies`, typology });
    if (missing.length === 0 && !firstMatch.has(k)) {
      const takes = queues.some((q) => matchesFlow(rule.match, q, typologyKey));
      out.push({ field: `allocation[${k}]`, typology: "", detail: takes ? "every flow it matches is taken by an earlier rule (the first matching rule wins)" : "it matches no flow of the forecast (typology, channel, direction and level together)" });
    }
  });
  return out;
}

/** The warning's text after `PLAN_UNUSED_RULE`: the rule's place, then why it does nothing. */
export function describeUnusedRule(u: UnusedRule, forecast: string): string {
  return u.detail !== undefined
    ? `${u.field}: ${u.detail} (the rule is not applied)`
    : `${u.field}: "${u.typology}" is no typology of ${forecast}: expected one of the forecast's typologies (the rule is not applied)`;
}
