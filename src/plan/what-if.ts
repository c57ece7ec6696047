import type { QueueTargets, Scenario } from "./scenario.js";
import type { Site } from "./sites.js";
import type { WhatIf } from "./sourcing.js";
import type { LevelRules, TierRules } from "./tiers.js";

/**
 * The what-ifs of `ccplan plan` (`--volume-factor`, `--aht-factor`,
 * `--shrinkage`, `--occupancy`, `--sl`, `--contract-hours`), as parsed:
 * fractions 0..1, seconds, hours. Absent = the scenario's own value.
 */
export interface PlanWhatIf {
  /** Every volume (and outbound attempt) × this. */
  volumeFactor?: number | undefined;
  /** Every handle time × this. */
  ahtFactor?: number | undefined;
  /** Total shrinkage, [0, 1): the components are scaled to combine to it (see {@link scaledShrinkage}). */
  shrinkage?: number | undefined;
  /** Maximum occupancy of every target that has one (sync), or the occupancy worked at (async, outbound), (0, 1]. */
  maxOccupancy?: number | undefined;
  /** Service level of live queues: the share, and the threshold when given (else each target keeps its own). */
  serviceLevel?: { share: number; answerWithinSec: number | undefined } | undefined;
  /** Weekly hours of one full-timer. */
  contractHours?: number | undefined;
}

/** Whether any what-if is given. */
export function hasWhatIf(w: PlanWhatIf): boolean {
  return Object.values(w).some((v) => v !== undefined);
}

/** The row factors of a what-if, for {@link SourcingPlanner} (1 = as forecast). */
export function whatIfFactors(w: PlanWhatIf): WhatIf {
  return { volumeFactor: w.volumeFactor ?? 1, ahtFactor: w.ahtFactor ?? 1 };
}

/**
 * A scenario under the what-ifs: the flags win over the scenario, everywhere
 * it sets the same thing.
 * - shrinkage: the scenario's components and each site's own, scaled to
 *   combine to the total given ({@link scaledShrinkage});
 * - occupancy: `maxOccupancy` of the three channel classes, and of every
 *   channel override and level-2/3 target (tiers, per typology too) that sets one;
 * - service level: the share (and the threshold when given) of the sync
 *   class, and of every channel override and level target that sets a
 *   service level (the live ones);
 * - contract hours: the scenario's and every site's own.
 *
 * The factors are not scenario edits: they scale the rows (see {@link whatIfFactors}).
 * A forecast row's own targets still win, as they do over the scenario.
 *
 * @example applyWhatIf(DEFAULT_SCENARIO, { contractHours: 39 }).contractHours // 39
 */
export function applyWhatIf(scenario: Scenario, w: PlanWhatIf): Scenario {
  const out: Scenario = { ...scenario };
  if (w.shrinkage !== undefined) out.shrinkage = scaledShrinkage(scenario.shrinkage, w.shrinkage);
  if (w.contractHours !== undefined) out.contractHours = w.contractHours;
  if (w.maxOccupancy !== undefined || w.serviceLevel !== undefined) {
    const t = scenario.targets;
    out.targets = {
      sync: overTargets(t.sync, w, { occupancy: true, serviceLevel: true }),
      async: overTargets(t.async, w, { occupancy: true, serviceLevel: false }),
      outbound: overTargets(t.outbound, w, { occupancy: true, serviceLevel: false }),
      channels: Object.fromEntries(Object.entries(t.channels).map(([channel, own]) => [channel, overTargets(own, w)])),
    };
    if (scenario.tiers !== null) out.tiers = overTiers(scenario.tiers, w);
  }
  if (w.shrinkage !== undefined || w.contractHours !== undefined) out.sites = scenario.sites.map((site) => overSite(site, w));
  return out;
}

/**
 * Shrinkage components scaled to combine to `total` (1 − Π(1 − s) = total):
 * each component's kept share 1 − s is raised to one common power
 * p = ln(1 − total) ÷ ln Π(1 − s), so the names stay, and with them which
 * components are inside shifts (`in_shift_shrinkage`), in the same
 * proportions of the whole. Without shrinkage to scale (none, or all 0) the
 * total becomes one component, `total`.
 *
 * @param components - shares of paid time, each in [0, 1)
 * @param total - the combined shrinkage wanted, [0, 1)
 * @example scaledShrinkage({ absence: 0.2 }, 0.3) // { absence: 0.3 } (to the last bits)
 */
export function scaledShrinkage(components: Record<string, number>, total: number): Record<string, number> {
  if (!(total >= 0 && total < 1)) throw new RangeError(`scaledShrinkage needs a total in [0, 1), got ${total}`);
  let logKept = 0;
  for (const s of Object.values(components)) logKept += Math.log1p(-s);
  if (logKept === 0) return { total };
  const power = Math.log1p(-total) / logKept;
  return Object.fromEntries(Object.entries(components).map(([name, s]) => [name, -Math.expm1(power * Math.log1p(-s))]));
}

/**
 * One set of targets under the what-ifs: a value the targets set is replaced;
 * one they leave to the layer below is set only where `always` says (the
 * class targets, the bottom layer).
 */
function overTargets(t: QueueTargets, w: PlanWhatIf, always = { occupancy: false, serviceLevel: false }): QueueTargets {
  const out: QueueTargets = { ...t };
  if (w.maxOccupancy !== undefined && (always.occupancy || t.maxOccupancy !== undefined)) out.maxOccupancy = w.maxOccupancy;
  const sl = w.serviceLevel;
  if (sl !== undefined && (always.serviceLevel || t.serviceLevel !== undefined)) {
    out.serviceLevel = sl.share;
    if (sl.answerWithinSec !== undefined) out.answerWithinSec = sl.answerWithinSec;
  }
  return out;
}

function overTiers(tiers: TierRules, w: PlanWhatIf): TierRules {
  const level = <L extends Partial<LevelRules>>(l: L): L => (l.targets === undefined ? l : { ...l, targets: overTargets(l.targets, w) });
  return {
    ...tiers,
    level2: level(tiers.level2),
    level3: level(tiers.level3),
    typologies: Object.fromEntries(
      Object.entries(tiers.typologies).map(([typology, rules]) => [
        typology,
        { ...rules, ...(rules.level2 === undefined ? {} : { level2: level(rules.level2) }), ...(rules.level3 === undefined ? {} : { level3: level(rules.level3) }) },
      ]),
    ),
  };
}

/** A site's own shrinkage and contract hours under the what-ifs (a site without its own keeps the scenario's, already edited). */
function overSite(site: Site, w: PlanWhatIf): Site {
  const overrides = { ...site.overrides };
  if (w.shrinkage !== undefined && overrides.shrinkage !== undefined) overrides.shrinkage = scaledShrinkage(overrides.shrinkage, w.shrinkage);
  if (w.contractHours !== undefined && overrides.contractHours !== undefined) overrides.contractHours = w.contractHours;
  return { ...site, overrides };
}
