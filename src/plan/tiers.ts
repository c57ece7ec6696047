import type { ForecastRow, Tier } from "./forecast.js";
import type { QueueTargets } from "./scenario.js";

/**
 * How escalated work is handled at level 2 or 3:
 * - `live-transfer`: the customer is transferred while on line, in the same
 *   interval: a sync queue with its own targets (only for contacts that were
 *   live at the level above; escalated emails and letters are always
 *   back-office work);
 * - `back-office`: deferred work with a deadline (the async model).
 */
export type Handling = "live-transfer" | "back-office";

/** The rules of one escalated level. */
export interface LevelRules {
  handling: Handling;
  /** Handle time at this level, seconds; absent = the level above's AHT × `ahtFactor`. */
  ahtSec?: number | undefined;
  /** Handle time relative to the level above, when `ahtSec` is absent. */
  ahtFactor: number;
  /** Targets at this level: SL, ASA, occupancy, abandonment, patience (live transfer); deadline, occupancy (back office). */
  targets: QueueTargets;
}

/** Shares escalated between levels. */
export interface Escalation {
  /** Share of level-1 contacts escalated to level 2 (1 − first-contact resolution), [0, 1]. */
  toLevel2: number;
  /** Share of level-2 work escalated on to level 3, [0, 1]. */
  toLevel3: number;
}

/** Rules of one typology, over the defaults. */
export interface TypologyTierRules {
  escalation?: Partial<Escalation> | undefined;
  level2?: Partial<LevelRules> | undefined;
  level3?: Partial<LevelRules> | undefined;
}

/** Escalation between tiers (SPEC 5.5). */
export interface TierRules {
  escalation: Escalation;
  level2: LevelRules;
  level3: LevelRules;
  /** Per typology (keyed by `typologyKey`), over the defaults above. */
  typologies: Record<string, TypologyTierRules>;
  /** Minimum agents on duty in every open interval, per tier (e.g. one level-3 engineer). */
  minOnDuty: Record<Tier, number>;
}

/**
 * The defaults of a `tiers` block, from shared/DOMAIN.md: on complex
 * products 80 % of contacts are resolved at level 1, 18 % at level 2 and 2 %
 * at level 3 — so 20 % of level-1 contacts go to level 2 and 10 % of those
 * on to level 3. Cost per resolution rises about 4× from level 1 to level 3,
 * read here as handle time doubling at each level. Both levels work as back
 * office, level 2 within 24 open hours, level 3 within 48.
 */
export const DEFAULT_TIER_RULES: TierRules = {
  escalation: { toLevel2: 0.2, toLevel3: 0.1 },
  level2: { handling: "back-office", ahtFactor: 2, targets: { deadlineSec: 24 * 3600 } },
  level3: { handling: "back-office", ahtFactor: 2, targets: { deadlineSec: 48 * 3600 } },
  typologies: {},
  minOnDuty: { 1: 0, 2: 0, 3: 0 },
};

/** The resolved rules of one typology. */
interface Resolved {
  escalation: Escalation;
  level2: LevelRules;
  level3: LevelRules;
}

/** A level's rules over a base: each given field replaces the base's, targets key by key; an own AHT factor drops the base's absolute AHT. */
export function overLevel(base: LevelRules, own: Partial<LevelRules> | undefined): LevelRules {
  if (own === undefined) return base;
  return {
    handling: own.handling ?? base.handling,
    // an own AHT factor replaces the default's absolute AHT; an own AHT wins over both
    ahtSec: own.ahtSec ?? (own.ahtFactor !== undefined ? undefined : base.ahtSec),
    ahtFactor: own.ahtFactor ?? base.ahtFactor,
    targets: { ...base.targets, ...definedOnly(own.targets ?? {}) },
  };
}

function definedOnly(t: QueueTargets): QueueTargets {
  const out: QueueTargets = {};
  for (const [k, v] of Object.entries(t)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/**
 * Derives level-2 and level-3 work from level-1 rows, interval by interval:
 * level-2 volume = level-1 volume × the typology's escalation share, level-3
 * = level-2 × its share, in the same interval (a live transfer is answered
 * there; back-office work arrives there and is due by its deadline). Volume
 * is conserved: Σ level-2 = share × Σ level-1 for every typology. Outbound
 * rows are not escalated.
 */
export class Escalator {
  private readonly resolved = new Map<string, Resolved>();

  constructor(
    private readonly rules: TierRules,
    private readonly keyOf: (typology: string) => string,
  ) {}

  /** The rules of a typology: its own over the defaults. */
  rulesFor(typology: string): Resolved {
    let r = this.resolved.get(typology);
    if (r === undefined) {
      const own = this.rules.typologies[this.keyOf(typology)] ?? {};
      r = {
        escalation: {
          toLevel2: own.escalation?.toLevel2 ?? this.rules.escalation.toLevel2,
          toLevel3: own.escalation?.toLevel3 ?? this.rules.escalation.toLevel3,
        },
        level2: overLevel(this.rules.level2, own.level2),
        level3: overLevel(this.rules.level3, own.level3),
      };
      this.resolved.set(typology, r);
    }
    return r;
  }

  /**
   * The level-2 and level-3 rows a level-1 inbound row gives (none for
   * outbound rows, or when the share is 0).
   */
  escalate(row: ForecastRow): ForecastRow[] {
    if (row.tier !== 1 || row.channelClass === "outbound") return [];
    const r = this.rulesFor(row.typology);
    if (!(r.escalation.toLevel2 > 0)) return [];
    const two = escalatedRow(row, 2, r.escalation.toLevel2, r.level2);
    if (!(r.escalation.toLevel3 > 0)) return [two];
    return [two, escalatedRow(two, 3, r.escalation.toLevel3, r.level3)];
  }
}

/** The share `rate` of a row's work, escalated to `tier` under `rules`. */
export function escalatedRow(from: ForecastRow, tier: Tier, rate: number, rules: LevelRules): ForecastRow {
  const live = rules.handling === "live-transfer" && from.channelClass === "sync";
  const t = rules.targets;
  const row: ForecastRow = {
    line: from.line,
    startMin: from.startMin,
    intervalMin: from.intervalMin,
    typology: from.typology,
    channel: from.channel,
    direction: from.direction,
    tier,
    channelClass: live ? "sync" : "async",
    volume: from.volume * rate,
    ahtSec: rules.ahtSec ?? from.ahtSec * rules.ahtFactor,
    patienceSec: live ? (t.patienceSec ?? from.patienceSec) : undefined,
    concurrency: live ? from.concurrency : undefined, // a transferred chat keeps its channel's sessions per agent
    deadlineSec: live ? undefined : t.deadlineSec,
    targets: live
      ? { serviceLevel: t.serviceLevel, answerWithinSec: t.answerWithinSec, maxAsaSec: t.maxAsaSec, maxOccupancy: t.maxOccupancy, maxAbandonRate: t.maxAbandonRate }
      : { maxOccupancy: t.maxOccupancy },
  };
  if (from.volumeRecipe !== undefined) {
    row.sourceIndex = from.sourceIndex;
    row.volumeRecipe = from.volumeRecipe.times(rate);
  }
  return row;
}
