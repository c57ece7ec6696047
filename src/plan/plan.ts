import { deadlineStaffing } from "../core/deadline-staffing.js";
import { outboundWorkloadSec, workloadAgents } from "../core/outbound.js";
import { combinedShrinkage, fte as toFte, headcount as toHeadcount } from "../core/people.js";
import { requiredAgents } from "../core/required-agents.js";
import { trafficErlangs } from "../core/traffic.js";
import { queueId, type ChannelClass, type ForecastRow, type QueueKey } from "./forecast.js";
import { isOpen, targetsFor, type QueueTargets, type Scenario } from "./scenario.js";

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
  /** False when the targets could not be met (then staffed to carry the load only). */
  targetMet: boolean;
  /** Why the targets could not be met. */
  note: string | null;
}

/** Totals of one queue (or of all queues) over the horizon. */
export interface QueuePlan {
  /** The queue; null for the totals. */
  queue: (QueueKey & { channelClass: ChannelClass }) | null;
  intervals: number;
  volume: number;
  /** Σ volume × AHT (outbound: dialling included), hours. */
  workloadHours: number;
  /** Largest number of agents in one interval (for the totals: of all queues at once). */
  peakAgents: number;
  agentHours: number;
  scheduledHours: number;
  /** Scheduled hours per week ÷ contract hours. */
  fte: number;
  /** FTE ÷ mean contract fraction, rounded up once (totals: from the summed FTE, not the sum of rounded queues). */
  headcount: number;
  /** Volume-weighted, sync intervals only (null when none). */
  serviceLevel: number | null;
  /** Weighted by answered volume, sync only. */
  asaSec: number | null;
  /** Volume-weighted, Erlang A intervals only. */
  abandonRate: number | null;
  /** Intervals whose targets could not be met. */
  missedIntervals: number;
}

/** A whole plan. */
export interface Plan {
  scenario: string;
  shrinkage: number;
  contractHours: number;
  contractFraction: number;
  firstStartMin: number | null;
  /** Exclusive end of the last interval. */
  endMin: number | null;
  /** Horizon in weeks (whole days ÷ 7): FTE are per week of it. */
  weeks: number;
  intervals: IntervalPlan[];
  queues: QueuePlan[];
  totals: QueuePlan;
}

/**
 * Plan a forecast under a scenario: every interval of every queue staffed by
 * its channel class's model, then agents → scheduled → hours → FTE → headcount.
 *
 * - sync: {@link requiredAgents} (Erlang C; Erlang A when a patience is known;
 *   concurrency for chat); targets = class, then channel, then the row's own;
 *   an interval whose targets no staffing meets is staffed at the stability
 *   floor and counted as missed.
 * - async: {@link deadlineStaffing} per queue over its intervals, in the
 *   channel's opening hours, at the async occupancy; the horizon is taken as
 *   a repeating pattern (work due after its end is done at its start), so a
 *   week's plan is the steady state of that week repeated.
 * - outbound: {@link outboundWorkloadSec} ÷ interval ÷ occupancy.
 * Rounding to whole people happens once, for headcount.
 */
export function planForecast(rows: readonly ForecastRow[], scenario: Scenario): Plan {
  const shrinkage = combinedShrinkage(Object.values(scenario.shrinkage));
  const keep = 1 - shrinkage;
  const intervals: IntervalPlan[] = [];
  const asyncRows = new Map<string, ForecastRow[]>();
  const targetsOf = targetsCache(scenario);

  for (const row of rows) {
    if (row.channelClass === "async") {
      const id = queueId(row);
      let list = asyncRows.get(id);
      if (list === undefined) asyncRows.set(id, (list = []));
      list.push(row);
      continue;
    }
    intervals.push(row.channelClass === "sync" ? planSync(row, targetsOf, keep) : planOutbound(row, targetsOf, keep));
  }
  for (const list of asyncRows.values()) intervals.push(...planAsync(list, scenario, keep));

  // Queues in a fixed order (class, channel, typology, direction), then time.
  const ids = intervals.map((i) => queueId(i));
  const firstOf = new Map<string, IntervalPlan>();
  ids.forEach((id, k) => {
    if (!firstOf.has(id)) firstOf.set(id, intervals[k]!);
  });
  const ranks = new Map<string, number>();
  [...firstOf.entries()].sort((x, y) => compareKeys(x[1], y[1])).forEach(([id], rank) => ranks.set(id, rank));
  const rankOf = ids.map((id) => ranks.get(id)!);
  const order = intervals.map((_, k) => k).sort((x, y) => rankOf[x]! - rankOf[y]! || intervals[x]!.startMin - intervals[y]!.startMin);
  const sorted = order.map((k) => intervals[k]!);
  const sortedRank = order.map((k) => rankOf[k]!);
  intervals.length = 0;
  intervals.push(...sorted);
  let first: number | null = null;
  let end: number | null = null;
  for (const i of intervals) {
    first = first === null ? i.startMin : Math.min(first, i.startMin);
    end = end === null ? i.startMin + i.intervalMin : Math.max(end, i.startMin + i.intervalMin);
  }
  const days = first === null || end === null ? 0 : Math.ceil(end / 1440) - Math.floor(first / 1440);
  const weeks = days / 7;

  // Sorted by queue rank, each queue's intervals are one run.
  const byQueue: IntervalPlan[][] = [];
  intervals.forEach((i, k) => {
    const rank = sortedRank[k]!;
    (byQueue[rank] ??= []).push(i);
  });
  const queues = byQueue.map((list) => summarise(list, scenario, shrinkage, weeks, false));
  const totals = summarise(intervals, scenario, shrinkage, weeks, true);
  return {
    scenario: scenario.name,
    shrinkage,
    contractHours: scenario.contractHours,
    contractFraction: scenario.contractFraction,
    firstStartMin: first,
    endMin: end,
    weeks,
    intervals,
    queues,
    totals,
  };
}

const CLASS_ORDER: Record<ChannelClass, number> = { sync: 0, async: 1, outbound: 2 };

function compareKeys(a: QueueKey & { channelClass: ChannelClass }, b: QueueKey & { channelClass: ChannelClass }): number {
  return (
    CLASS_ORDER[a.channelClass] - CLASS_ORDER[b.channelClass] ||
    (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0) ||
    (a.typology < b.typology ? -1 : a.typology > b.typology ? 1 : 0) ||
    (a.direction < b.direction ? -1 : a.direction > b.direction ? 1 : 0)
  );
}



function planSync(row: ForecastRow, targetsOf: TargetsCache, keep: number): IntervalPlan {
  const c = targetsOf(row);
  const patienceSec = row.patienceSec ?? c.patienceSec;
  const queue = { volume: row.volume, ahtSec: row.ahtSec, intervalMin: row.intervalMin, patienceSec, concurrency: row.concurrency ?? c.concurrency };
  const targets = {
    serviceLevel: c.serviceLevel,
    answerWithinSec: c.serviceLevel === undefined ? undefined : (c.answerWithinSec ?? 20),
    maxAsaSec: c.maxAsaSec,
    maxOccupancy: c.maxOccupancy,
    maxAbandonRate: patienceSec === undefined ? undefined : c.maxAbandonRate,
  };
  let r = requiredAgents(queue, targets);
  let note: string | null = null;
  if (!r.feasible) {
    note = r.reason ?? "targets cannot be met";
    r = requiredAgents(queue, { answerWithinSec: targets.answerWithinSec });
  }
  const zero = r.trafficErlangs === 0;
  const m = r.metrics;
  return interval(row, row.startMin, row.volume, row.ahtSec, r.trafficErlangs, r.agents, keep, {
    serviceLevel: zero ? null : m.serviceLevel,
    asaSec: zero ? null : m.asaSec,
    occupancy: zero ? null : m.occupancy,
    abandonRate: r.model === "erlang-a" && !zero ? m.abandonRate : null,
    backlog: null,
    oldestAgeMin: null,
    note,
  });
}

/** What differs between the kinds of interval. */
interface IntervalOutcome {
  serviceLevel: number | null;
  asaSec: number | null;
  occupancy: number | null;
  abandonRate: number | null;
  backlog: number | null;
  oldestAgeMin: number | null;
  note: string | null;
}

/** One interval's plan, always built by this one literal (one object shape). */
function interval(
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
    targetMet: o.note === null,
    note: o.note,
  };
}

type TargetsCache = (row: ForecastRow) => QueueTargets;

/** Targets per row: class and channel merged once per (class, channel), the row's own on top when it has any. */
function targetsCache(scenario: Scenario): TargetsCache {
  const merged = new Map<string, QueueTargets>();
  return (row) => {
    const key = `${row.channelClass}\u001f${row.channel}`;
    let base = merged.get(key);
    if (base === undefined) merged.set(key, (base = targetsFor(scenario, row.channelClass, row.channel)));
    const own = row.targets;
    if (own.serviceLevel === undefined && own.answerWithinSec === undefined && own.maxAsaSec === undefined && own.maxOccupancy === undefined && own.maxAbandonRate === undefined) {
      return base;
    }
    return targetsFor(scenario, row.channelClass, row.channel, own);
  };
}

function planOutbound(row: ForecastRow, targetsOf: TargetsCache, keep: number): IntervalPlan {
  const occupancy = targetsOf(row).maxOccupancy ?? 0.85;
  const workSec = outboundWorkloadSec({
    contacts: row.volume,
    ahtSec: row.ahtSec,
    attempts: row.attempts,
    contactRate: row.contactRate,
    dialTimeSec: row.attempts === undefined && row.contactRate === undefined ? undefined : row.dialTimeSec,
  });
  const agents = workloadAgents(workSec, row.intervalMin * 60, occupancy);
  return interval(row, row.startMin, row.volume, row.ahtSec, workSec / (row.intervalMin * 60), agents, keep, {
    serviceLevel: null,
    asaSec: null,
    occupancy: workSec > 0 ? occupancy : null,
    abandonRate: null,
    backlog: null,
    oldestAgeMin: null,
    note: null,
  });
}

/** One async queue: its intervals from the first to the last row, on its own grid. */
function planAsync(rows: ForecastRow[], scenario: Scenario, keep: number): IntervalPlan[] {
  rows.sort((a, b) => a.startMin - b.startMin);
  const first = rows[0]!;
  const len = first.intervalMin;
  const t = targetsFor(scenario, "async", first.channel, first.targets);
  // One deadline per queue: the shortest any row gives, else the scenario's.
  let deadlineSec = Infinity;
  for (const r of rows) if (r.deadlineSec !== undefined) deadlineSec = Math.min(deadlineSec, r.deadlineSec);
  if (deadlineSec === Infinity) deadlineSec = t.deadlineSec ?? 86_400;
  const occupancy = t.maxOccupancy ?? 0.9;
  const hours = scenario.openingHours.channels[first.channel] ?? scenario.openingHours.default;
  const start = first.startMin;
  const n = Math.round((rows[rows.length - 1]!.startMin - start) / len) + 1;
  const items = new Array<number>(n).fill(0);
  const aht = new Array<number>(n).fill(first.ahtSec);
  const rowAt = new Array<ForecastRow | undefined>(n);
  const open = new Array<boolean>(n);
  for (const r of rows) {
    const k = Math.round((r.startMin - start) / len);
    items[k] = r.volume;
    aht[k] = r.ahtSec;
    rowAt[k] = r;
  }
  for (let k = 0; k < n; k++) {
    if (rowAt[k] === undefined && k > 0) aht[k] = aht[k - 1]!;
    open[k] = isOpen(hours, start + k * len, len);
  }
  // The horizon is a repeating pattern (a typical week): work due after its
  // end is carried into its start, so the plan does exactly one period's work.
  const s = deadlineStaffing({ intervalMin: len, open, items, ahtSec: aht, deadlineSec, maxOccupancy: occupancy, repeats: true });
  const out: IntervalPlan[] = [];
  for (let k = 0; k < n; k++) {
    const r = rowAt[k];
    if (r === undefined && s.agents[k] === 0 && s.backlogItems[k]! < 1e-9) continue;
    const agents = s.agents[k]!;
    out.push(
      interval(first, start + k * len, items[k]!, aht[k]!, trafficErlangs(items[k]!, aht[k]!, len), agents, keep, {
        serviceLevel: null,
        asaSec: null,
        occupancy: agents > 0 ? occupancy : null,
        abandonRate: null,
        backlog: s.backlogItems[k]!,
        oldestAgeMin: s.oldestAgeMin[k]!,
        note: null,
      }),
    );
  }
  return out;
}

function summarise(list: readonly IntervalPlan[], scenario: Scenario, shrinkage: number, weeks: number, total: boolean): QueuePlan {
  let volume = 0;
  let workloadSec = 0;
  let agentHours = 0;
  let slVolume = 0;
  let slSum = 0;
  let asaWeight = 0;
  let asaSum = 0;
  let abVolume = 0;
  let abSum = 0;
  let missed = 0;
  const agentsAt = new Map<number, number>();
  let peak = 0;
  for (const i of list) {
    volume += i.volume;
    workloadSec += i.trafficErlangs * i.intervalMin * 60;
    agentHours += (i.agents * i.intervalMin) / 60;
    if (i.serviceLevel !== null && i.volume > 0) {
      slVolume += i.volume;
      slSum += i.volume * i.serviceLevel;
      const answered = i.volume * (1 - (i.abandonRate ?? 0));
      asaWeight += answered;
      asaSum += answered * (i.asaSec ?? 0);
    }
    if (i.abandonRate !== null) {
      abVolume += i.volume;
      abSum += i.volume * i.abandonRate;
    }
    if (!i.targetMet) missed++;
    if (total) agentsAt.set(i.startMin, (agentsAt.get(i.startMin) ?? 0) + i.agents);
    else peak = Math.max(peak, i.agents);
  }
  if (total) for (const a of agentsAt.values()) peak = Math.max(peak, a);
  const scheduledHours = agentHours / (1 - shrinkage);
  const fte = weeks > 0 ? toFte(scheduledHours / weeks, scenario.contractHours) : 0;
  const first = list[0];
  return {
    queue: total || first === undefined ? null : { typology: first.typology, channel: first.channel, direction: first.direction, channelClass: first.channelClass },
    intervals: list.length,
    volume,
    workloadHours: workloadSec / 3600,
    peakAgents: peak,
    agentHours,
    scheduledHours,
    fte,
    headcount: toHeadcount(fte, scenario.contractFraction),
    serviceLevel: slVolume > 0 ? slSum / slVolume : null,
    asaSec: asaWeight > 0 ? asaSum / asaWeight : null,
    abandonRate: abVolume > 0 ? abSum / abVolume : null,
    missedIntervals: missed,
  };
}
