import type { ChannelClass, QueueKey } from "./forecast.js";

/** The staffing of one interval of one queue. */
export interface IntervalPlan extends QueueKey {
  channelClass: ChannelClass;
  startMin: number;
  intervalMin: number;
  volume: number;
  ahtSec: number;
  /** Offered load (sync) or workload ÷ interval (async, outbound), Erlangs. */
  trafficErlangs: number;
  /** Agents logged in: whole for sync queues (Erlang), fractional for workload staffing. */
  agents: number;
  /** agents ÷ (1 − shrinkage). */
  scheduled: number;
  serviceLevel: number | null;
  asaSec: number | null;
  occupancy: number | null;
  abandonRate: number | null;
  /** Items waiting at the end of the interval (async). */
  backlog: number | null;
  /** Age of the oldest waiting item at the end of the interval, minutes (async). */
  oldestAgeMin: number | null;
  /** Outbound work done by inbound agents in their idle time (blending), Erlangs; null when not blended. */
  blendedErlangs: number | null;
  /** False when the targets could not be met (then staffed to carry the load only). */
  targetMet: boolean;
  /** Why the targets could not be met. */
  note: string | null;
}

/** What differs between the kinds of interval. */
export type IntervalOutcome = Pick<IntervalPlan, "serviceLevel" | "asaSec" | "occupancy" | "abandonRate" | "backlog" | "oldestAgeMin" | "blendedErlangs" | "note">;

/** One interval's plan, always built by this one literal (one object shape). */
export function interval(
  q: QueueKey & { channelClass: ChannelClass; intervalMin: number },
  startMin: number,
  volume: number,
  ahtSec: number,
  traffic: number,
  agents: number,
  keep: number,
  o: IntervalOutcome,
): IntervalPlan {
  return {
    typology: q.typology,
    channel: q.channel,
    direction: q.direction,
    tier: q.tier,
    channelClass: q.channelClass,
    startMin,
    intervalMin: q.intervalMin,
    volume,
    ahtSec,
    trafficErlangs: traffic,
    agents,
    scheduled: agents / keep,
    serviceLevel: o.serviceLevel,
    asaSec: o.asaSec,
    occupancy: o.occupancy,
    abandonRate: o.abandonRate,
    backlog: o.backlog,
    oldestAgeMin: o.oldestAgeMin,
    blendedErlangs: o.blendedErlangs,
    targetMet: o.note === null,
    note: o.note,
  };
}
