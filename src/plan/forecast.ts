import type { StaffingTargets } from "../core/required-agents.js";
import type { VolumeRecipe } from "./volume-source.js";

/**
 * How a channel is worked: `sync` (the customer waits on line: phone,
 * callback, video, chat, messaging sessions), `async` (a deferred answer with
 * a deadline: email, postal mail, forms, social when not live), `outbound`
 * (agent-initiated campaign work).
 */
export type ChannelClass = "sync" | "async" | "outbound";

export type Direction = "inbound" | "outbound";

/**
 * Support level of a flow: 1 = front office (every contact starts there),
 * 2 = specialists / back office, 3 = technical support engineers.
 */
export type Tier = 1 | 2 | 3;

/** One (typology, channel, direction) flow at one tier. */
export interface QueueKey {
  typology: string;
  /** Canonical channel name (`phone`, `email`, …). */
  channel: string;
  direction: Direction;
  /** 1 for the forecast's own rows; 2 and 3 for work escalated from the level above. */
  tier: Tier;
}

/** One validated forecast row: one interval of one queue. */
export interface ForecastRow extends QueueKey {
  /** 1-based line of the row in its file. */
  line: number;
  /**
   * Interval start as whole minutes since 1970-01-01T00:00 of the file's own
   * clock (local wall time, no time zone): an integer index, never a float sum.
   */
  startMin: number;
  /** Interval length, minutes. */
  intervalMin: number;
  channelClass: ChannelClass;
  /** Contacts offered (inbound) or right-party contacts to reach (outbound). */
  volume: number;
  /** Average handle time per contact, seconds. */
  ahtSec: number;
  /** Mean patience before abandoning, seconds (sync; enables Erlang A). */
  patienceSec?: number | undefined;
  /** Sessions per agent (chat, messaging). */
  concurrency?: number | undefined;
  /** Answer deadline, seconds (async). */
  deadlineSec?: number | undefined;
  /** Outbound: dial attempts for the interval's work. */
  attempts?: number | undefined;
  /** Outbound: share of attempts that reach a right party (0..1). */
  contactRate?: number | undefined;
  /** Outbound: seconds spent per dial attempt. */
  dialTimeSec?: number | undefined;
  /** Targets carried by the row, overriding the scenario for this row. */
  targets: StaffingTargets;
  /**
   * Where the volume can be read again (rows from a forecast's columns, and
   * the rows made from them): its place in `volumeRecipe`'s column, and the
   * recipe that makes `volume` from the value there. A row that changes its
   * volume otherwise must drop or extend the recipe; a wrong one costs only
   * memory (see {@link VolumeRecipe}).
   */
  sourceIndex?: number | undefined;
  volumeRecipe?: VolumeRecipe | undefined;
}

/** The key of a queue as one string (typology, channel, direction, tier joined by a unit separator). */
export function queueId(q: QueueKey): string {
  return `${q.typology}\u001f${q.channel}\u001f${q.direction}\u001f${q.tier}`;
}

const DIRECTION_SLOT: Record<Direction, number> = { inbound: 0, outbound: 3 };

/**
 * Values by queue (typology, channel, direction, tier), found without a key
 * string per row: a map by typology, then by channel, then a slot per
 * direction and tier. A forecast's rows share their name strings (the reader
 * interns them), so each lookup hashes nothing new. Iterates in insertion
 * order, as a Map by {@link queueId} would.
 */
export class QueueMap<V> {
  private readonly byTypology = new Map<string, Map<string, (V | undefined)[]>>();
  private readonly inOrder: V[] = [];
  private lastTypology: string | undefined;
  private lastByChannel: Map<string, (V | undefined)[]> | undefined;

  /** The value of `q`'s queue, or undefined. */
  get(q: QueueKey): V | undefined {
    return this.slots(q, false)?.[DIRECTION_SLOT[q.direction] + q.tier - 1];
  }

  /** Give `q`'s queue a value (a queue without one so far: values are never replaced). */
  set(q: QueueKey, value: V): void {
    const slots = this.slots(q, true)!;
    const k = DIRECTION_SLOT[q.direction] + q.tier - 1;
    if (slots[k] !== undefined) throw new Error(`QueueMap.set: ${queueId(q)} has a value`);
    slots[k] = value;
    this.inOrder.push(value);
  }

  /** Number of queues with a value. */
  get size(): number {
    return this.inOrder.length;
  }

  /** The values, in the order they were set. */
  values(): readonly V[] {
    return this.inOrder;
  }

  private slots(q: QueueKey, create: boolean): (V | undefined)[] | undefined {
    let byChannel: Map<string, (V | undefined)[]> | undefined;
    if (q.typology === this.lastTypology) byChannel = this.lastByChannel;
    else {
      byChannel = this.byTypology.get(q.typology);
      if (byChannel === undefined) {
        if (!create) return undefined;
        this.byTypology.set(q.typology, (byChannel = new Map()));
      }
      this.lastTypology = q.typology;
      this.lastByChannel = byChannel;
    }
    let slots = byChannel!.get(q.channel);
    if (slots === undefined && create) byChannel!.set(q.channel, (slots = [undefined, undefined, undefined, undefined, undefined, undefined]));
    return slots;
  }
}
