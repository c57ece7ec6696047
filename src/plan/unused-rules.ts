import { matchesFlow } from "./flow-match.js";
import type { ForecastRow, QueueKey } from "./forecast.js";
import type { Plan } from "./plan.js";
import { Escalator } from "./tiers.js";
import { typologyKey, type Scenario } from "./scenario.js";

/** A scenario rule that names a typology the forecast does not have (most often a typo). */
export interface UnusedRule {
  /** Where in the scenario: `tiers.typologies`, `organisation.groups[0].typologies`, `outbound.campaigns`. */
  field: string;
  /** The typology key as the rule names it. */
  typology: string;
  /** For an allocation rule whose typologies all exist: why it takes no flow (else absent). */
  detail?: string | undefined;
  /**
   * Where the rule is written in the scenario file, as a path of its data
   * (`["allocation", 2, "match", "typologies", 0]`, `["tiers", "typologies",
   * "<typology key>"]`): a map key given as a typology key matches the key
   * the file wrote in any case or accents (see `typologyKey`).
   */
  path: (string | number)[];
}

/**
 * The typology rules of a scenario that match no typology of the plans'
 * queues (every site's) (compared ignoring case, accents and apostrophes): a misspelt
 * typology would otherwise fall back to the defaults without a word.
 * Families of work are not checked (the defaults list many labels).
 */
export function unusedRules(scenario: Scenario, plans: readonly Plan[]): UnusedRule[] {
  return unusedRulesOf(
    scenario,
    plans.flatMap((p) => p.queues.map((q) => q.queue!)),
  );
}

/**
 * {@link unusedRules} on the queues a plan would have (every level, every
 * site): for `validate`, which reads the forecast but plans nothing (see
 * {@link plannedQueues}).
 */
export function unusedRulesOf(scenario: Scenario, queues: readonly QueueKey[]): UnusedRule[] {
  const seen = new Set(queues.map((q) => typologyKey(q.typology)));
  const out: UnusedRule[] = [];
  const check = (field: string, path: (string | number)[], keys: readonly string[], byIndex: boolean) => {
    keys.forEach((typology, i) => {
      if (!seen.has(typology)) out.push({ field, typology, path: [...path, byIndex ? i : typology] });
    });
  };
  if (scenario.tiers !== null) check("tiers.typologies", ["tiers", "typologies"], Object.keys(scenario.tiers.typologies), false);
  check("outbound.campaigns", ["outbound", "campaigns"], Object.keys(scenario.outbound.campaigns), false);
  if (scenario.organisation.model === "groups") scenario.organisation.groups.forEach((g, k) => check(`organisation.groups[${k}].typologies`, ["organisation", "groups", k, "typologies"], g.typologies ?? [], true));
  // allocation rules: a typology the forecast lacks, or a rule that is never the first to match a flow
  const firstMatch = new Set(queues.map((q) => scenario.allocation.findIndex((r) => matchesFlow(r.match, q, typologyKey))));
  scenario.allocation.forEach((rule, k) => {
    const typologies = rule.match.typologies ?? [];
    const missing = typologies.filter((t) => !seen.has(t));
    check(`allocation[${k}].typologies`, ["allocation", k, "match", "typologies"], typologies, true);
    if (missing.length === 0 && !firstMatch.has(k)) {
      const takes = queues.some((q) => matchesFlow(rule.match, q, typologyKey));
      out.push({
        field: `allocation[${k}]`,
        typology: "",
        detail: takes ? "every flow it matches is taken by an earlier rule (the first matching rule wins)" : "it matches no flow of the forecast (typology, channel, direction and level together)",
        path: ["allocation", k],
      });
    }
  });
  return out;
}

/**
 * The queues (typology, channel, direction, level) planning these forecast
 * rows under a scenario gives: each row's own, and the level-2 and level-3
 * queues its escalation makes when the scenario has tiers. One row per
 * queue is enough.
 */
export function plannedQueues(scenario: Scenario, rows: readonly ForecastRow[]): QueueKey[] {
  const escalator = scenario.tiers === null ? undefined : new Escalator(scenario.tiers, typologyKey);
  const out: QueueKey[] = [];
  for (const row of rows) {
    out.push(row);
    if (escalator !== undefined) out.push(...escalator.escalate({ ...row, volume: row.volume > 0 ? row.volume : 1 }));
  }
  return out;
}

/** The warning's text after `PLAN_UNUSED_RULE`: the rule's place, then why it does nothing. */
export function describeUnusedRule(u: UnusedRule, forecast: string): string {
  return u.detail !== undefined
    ? `${u.field}: ${u.detail} (the rule is not applied)`
    : `${u.field}: "${u.typology}" is no typology of ${forecast}: expected one of the forecast's typologies (the rule is not applied)`;
}
