import { MAX_CONCURRENCY, queueBeyondLimits, type QueueLimit } from "../core/required-agents.js";
import { MAX_TRAFFIC_ERLANGS } from "../core/traffic.js";
import { formatDateTime } from "./calendar.js";
import type { ForecastRow } from "./forecast.js";
import { targetsFor, type Scenario } from "./scenario.js";
import type { Escalator } from "./tiers.js";

/** What a {@link PlanLimitError} says: which queue or team, where, what it reached, and what got it there. */
export interface PlanLimit {
  /** The limit gone past: the load (Erlangs) or the concurrency (sessions per agent). */
  limit: QueueLimit;
  /** The queue or team, as a planner names it: `queue "billing" (phone, inbound, level 2)`. */
  subject: string;
  /** Start of the interval (minutes since the epoch of the file's clock). */
  startMin: number;
  /** 1-based forecast line of the row, when one row is the cause. */
  line: number | undefined;
  /** What the queue reached: Erlangs or sessions. */
  value: number;
  /** The largest value the models compute. */
  max: number;
  /** The factors applied on the way, as the user wrote them (`--volume-factor 5000`, `site "Manila" aht_factor 1.3`). */
  factors: string[];
  /** What to change. */
  hint: string;
}

/**
 * A queue that the plan's own factors (what-if factors, a site's or a
 * level's handle-time factor, a shared provider pool, a pooled team) take
 * past a limit of the queueing models: the input is valid, the request is
 * not computable. Thrown by `plan/` (which stays pure), turned into exit 2
 * with code `PLAN_LIMIT` by the CLI's top level — never an internal error.
 */
export class PlanLimitError extends Error {
  readonly limit: PlanLimit;
  constructor(limit: PlanLimit) {
    super(planLimitMessage(limit));
    this.name = "PlanLimitError";
    this.limit = limit;
  }
}

/** `12,345` (whole numbers), three significant digits below 100 or from 10¹⁵ (`3.06e+299`): the figure for a message. */
function figure(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) < 100) return String(Number(x.toPrecision(3)));
  if (Math.abs(x) >= 1e15) return x.toPrecision(3); // 3.06e+299
  return Math.round(x)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "what: got X, expected Y: what to change" for a {@link PlanLimit}. */
export function planLimitMessage(l: PlanLimit): string {
  const where = `${l.subject} at ${formatDateTime(l.startMin)}${l.line === undefined ? "" : ` (forecast line ${l.line})`}`;
  const after = l.factors.length === 0 ? "" : ` after ${l.factors.join(" and ")}`;
  const what =
    l.limit === "load"
      ? `the load volume × aht / interval reaches ${figure(l.value)} Erlangs${after}, expected at most ${figure(l.max)}`
      : `the concurrency reaches ${figure(l.value)} sessions per agent${after}, expected at most ${figure(l.max)}`;
  return `${where}: ${what}: ${l.hint}`;
}

/** The value a queue reached for a limit, and that limit. */
export function limitFigures(limit: QueueLimit, queue: { volume: number; ahtSec: number; intervalMin: number; concurrency?: number | undefined }): {
  value: number;
  max: number;
} {
  if (limit === "load") return { value: (queue.volume * queue.ahtSec) / (queue.intervalMin * 60), max: MAX_TRAFFIC_ERLANGS };
  return { value: queue.concurrency!, max: MAX_CONCURRENCY };
}

/** `queue "billing" (phone, inbound, level 2)`. */
export function describeQueue(row: Pick<ForecastRow, "typology" | "channel" | "direction" | "tier">): string {
  return `queue ${JSON.stringify(row.typology)} (${row.channel}, ${row.direction}, level ${row.tier})`;
}

/**
 * Checks each row as it will be planned — after every factor applied to it —
 * against the limits of the queueing models, and throws a
 * {@link PlanLimitError} naming the queue, the interval, the value reached
 * and the factors that led there. A live row is checked with the
 * concurrency it will be solved with (its own, else its channel's in the
 * scenario) and, in a shared provider team, with the provider's pool added
 * to its load; deferred rows (async, outbound) by their load. (Any patience
 * is computed: Erlang A has no patience limit.)
 *
 * Cheap on the hot path: a few multiplications a row; the scenario's
 * concurrency is looked up once per channel.
 */
export class RowLimits {
  private readonly channelConcurrency = new Map<string, number | undefined>();

  constructor(
    private readonly scenario: Scenario,
    /** The factors that shaped a row, as the user wrote them (for the message). */
    private readonly factorsOf: (row: ForecastRow) => string[],
  ) {}

  /**
   * @throws PlanLimitError when the row goes past a limit
   */
  check(row: ForecastRow): void {
    if (row.channelClass !== "sync") {
      if (!((row.volume * row.ahtSec) / (row.intervalMin * 60) <= MAX_TRAFFIC_ERLANGS)) this.fail("load", row, row, []);
      return;
    }
    const concurrency = row.concurrency ?? this.concurrencyOf(row.channel);
    const pool = this.scenario.sharedPoolErlangs;
    // a shared team staffs our share of the provider's pool: the pool (our load + its own) is what is solved
    const poolVolume = pool !== null && pool > 0 && row.volume > 0 ? (pool * row.intervalMin * 60) / row.ahtSec : 0;
    const volume = row.volume + poolVolume;
    // the load object only lives in the (inlined) check, so that it need not be allocated per row; made again to fail
    const limit = queueBeyondLimits({ volume, ahtSec: row.ahtSec, intervalMin: row.intervalMin, concurrency });
    if (limit !== undefined) {
      const queue = { volume, ahtSec: row.ahtSec, intervalMin: row.intervalMin, concurrency };
      this.fail(limit, row, queue, limit === "load" && poolVolume > 0 ? [`the provider's shared pool of ${figure(pool!)} Erlangs`] : []);
    }
  }

  private concurrencyOf(channel: string): number | undefined {
    if (!this.channelConcurrency.has(channel)) this.channelConcurrency.set(channel, targetsFor(this.scenario, "sync", channel).concurrency);
    return this.channelConcurrency.get(channel);
  }

  private fail(limit: QueueLimit, row: ForecastRow, queue: Parameters<typeof limitFigures>[1], extra: string[]): never {
    const factors = [...this.factorsOf(row), ...extra];
    const { value, max } = limitFigures(limit, queue);
    const hint =
      limit === "load"
        ? factors.length > 0
          ? `lower ${factors.length === 1 ? "this factor" : "these factors"}, or split the queue into smaller ones`
          : "split the queue into smaller ones (a load this size is beyond any real contact center)"
        : "give fewer sessions per agent";
    throw new PlanLimitError({ limit, subject: describeQueue(row), startMin: row.startMin, line: row.line, value, max, factors, hint });
  }
}

/**
 * The handle-time rule of a row's level, as the scenario writes it, when it
 * changes the level above's AHT (`level 2 aht_factor 2`, `level 3 aht 2400 s`);
 * nothing for level 1 or without tiers.
 */
export function levelFactors(escalator: Escalator | undefined, row: ForecastRow): string[] {
  if (escalator === undefined || row.tier === 1) return [];
  const out: string[] = [];
  const rules = escalator.rulesFor(row.typology);
  for (const tier of [2, 3] as const) {
    if (tier > row.tier) break;
    const level = tier === 2 ? rules.level2 : rules.level3;
    if (level.ahtSec !== undefined) {
      // an absolute AHT: the levels below it no longer count
      out.length = 0;
      out.push(`level ${tier} aht ${figure(level.ahtSec)} s (tiers)`);
    } else if (level.ahtFactor !== 1) out.push(`level ${tier} aht_factor ${figure(level.ahtFactor)} (tiers)`);
  }
  return out;
}
