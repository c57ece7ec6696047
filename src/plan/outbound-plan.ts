import { outboundWorkloadSec, workloadAgents } from "../core/outbound.js";
import type { ForecastRow } from "./forecast.js";
import { interval, type IntervalPlan } from "./interval.js";
import { campaignRules, isOpen, targetsFor, typologyKey, type BlendScope, type Scenario, type WeekHours } from "./scenario.js";

/** Agent-seconds of one outbound row (SPEC 5.3: attempts × dial time + contacts × AHT). */
export function rowWorkloadSec(row: ForecastRow): number {
  return outboundWorkloadSec({
    contacts: row.volume,
    ahtSec: row.ahtSec,
    attempts: row.attempts,
    contactRate: row.contactRate,
    dialTimeSec: row.attempts === undefined && row.contactRate === undefined ? undefined : row.dialTimeSec,
  });
}

/**
 * Idle time of inbound agents, per pool and interval start, in agent-seconds:
 * what blending may fill with outbound work. An inbound interval with
 * `agents` at occupancy `occ` offers `agents × (cap − occ)` Erlangs over its
 * length, `cap` being the blend occupancy. A pool is the inbound agents of a
 * typology on a channel (`blendWith: "typology"`: the collections team calls
 * collections customers) or of a whole channel (`"channel"`).
 */
export class IdleCapacity {
  /**
   * Idle agent-seconds by pool, then by interval start (minutes): a map of
   * numbers per pool, not a key string per inbound row (a year of 35 phone
   * queues kept ~930,000 such strings, ~300 MB, until the outbound was placed).
   */
  private readonly byPool = new Map<string, Map<number, number>>();
  /** Shortest inbound interval seen, minutes (the step at which slots are looked up). */
  step = Infinity;

  constructor(
    private readonly cap: number,
    private readonly scope: BlendScope,
  ) {}

  /** The pool of a queue's agents. */
  pool(q: { typology: string; channel: string }): string {
    return this.scope === "channel" ? q.channel : `${typologyKey(q.typology)}\u001f${q.channel}`;
  }

  /** Record an inbound live interval. */
  addInbound(i: IntervalPlan): void {
    if (i.channelClass !== "sync" || i.direction !== "inbound") return;
    const idleErlangs = Math.max(0, i.agents * (this.cap - (i.occupancy ?? 0)));
    if (idleErlangs <= 0) return;
    const pool = this.pool(i);
    let slots = this.byPool.get(pool);
    if (slots === undefined) this.byPool.set(pool, (slots = new Map()));
    slots.set(i.startMin, (slots.get(i.startMin) ?? 0) + idleErlangs * i.intervalMin * 60);
    this.step = Math.min(this.step, i.intervalMin);
  }

  /** Idle agent-seconds of a pool in [start, start + length). */
  available(pool: string, startMin: number, lengthMin: number): number {
    const slots = this.byPool.get(pool);
    if (this.step === Infinity || slots === undefined) return 0;
    let sum = 0;
    for (let m = startMin; m < startMin + lengthMin; m += this.step) sum += slots.get(m) ?? 0;
    return sum;
  }

  /** Use `fraction` (0..1) of the idle time of a pool in [start, start + length). */
  consume(pool: string, startMin: number, lengthMin: number, fraction: number): void {
    const slots = this.byPool.get(pool);
    if (this.step === Infinity || fraction <= 0 || slots === undefined) return;
    for (let m = startMin; m < startMin + lengthMin; m += this.step) {
      const v = slots.get(m);
      if (v !== undefined) slots.set(m, v * (1 - Math.min(1, fraction)));
    }
  }
}

/** An outbound queue's rows, kept compact until it can be placed: six numbers a row. */
export class OutboundSeries {
  readonly starts: number[] = [];
  readonly lengths: number[] = [];
  readonly volumes: number[] = [];
  readonly ahts: number[] = [];
  readonly works: number[] = [];
  /** Occupancy each row is worked at (its own target, else the scenario's). */
  readonly occupancies: number[] = [];
  constructor(readonly first: ForecastRow) {}
  add(row: ForecastRow, scenario: Scenario): void {
    this.starts.push(row.startMin);
    this.lengths.push(row.intervalMin);
    this.volumes.push(row.volume);
    this.ahts.push(row.ahtSec);
    this.works.push(rowWorkloadSec(row));
    this.occupancies.push(row.targets.maxOccupancy ?? targetsFor(scenario, "outbound", row.channel).maxOccupancy ?? 0.85);
  }
}

/** One piece of outbound work to staff: where it sits, how much, and how much of it inbound idle time takes. */
interface Placed {
  startMin: number;
  occupancy: number;
  lengthMin: number;
  volume: number;
  ahtSec: number;
  workSec: number;
  blendedSec: number;
  note: string | null;
}

/**
 * Staff one outbound campaign (queue) under the scenario's outbound rules
 * (SPEC 5.3):
 * - `as-given`: each row's work in its own interval; work outside the calling
 *   hours is staffed where it is and flagged (the target "call only in calling
 *   hours" is missed);
 * - `day` / `horizon`: the work of each day (or of the whole campaign, from its
 *   first row's day to its last's) is spread over that period's calling-hour
 *   intervals, on a grid of `gridMin` (with blending, first into the inbound
 *   agents' idle time in proportion to it, the rest evenly); a period without
 *   calling hours keeps its rows where they are, flagged.
 * Dedicated agents = (work − blended work) ÷ interval ÷ occupancy, fractional.
 *
 * @param gridMin - interval length for spread work, minutes (the plan's finest grid)
 * @param idle - inbound idle time to blend into; undefined = no blending
 */
export function planOutboundSeries(series: OutboundSeries, scenario: Scenario, keep: number, gridMin: number, idle: IdleCapacity | undefined): IntervalPlan[] {
  const first = series.first;
  const rules = campaignRules(scenario, first.typology);
  const hours = rules.callingHours ?? scenario.openingHours.channels[first.channel] ?? scenario.openingHours.default;
  const placed: Placed[] = [];
  const asGiven = (r: number, note: string | null): Placed => {
    const startMin = series.starts[r]!;
    const lengthMin = series.lengths[r]!;
    const workSec = series.works[r]!;
    const outside = workSec > 0 && !isOpen(hours, startMin, lengthMin);
    const blendedSec = idle === undefined || outside ? 0 : blend(idle, idle.pool(first), startMin, lengthMin, workSec);
    return {
      startMin,
      occupancy: series.occupancies[r]!,
      lengthMin,
      volume: series.volumes[r]!,
      ahtSec: series.ahts[r]!,
      workSec,
      blendedSec,
      note: outside ? (note ?? "outside calling hours: staffed where the forecast puts it") : null,
    };
  };

  if (rules.spread === "as-given") {
    for (let r = 0; r < series.starts.length; r++) placed.push(asGiven(r, null));
  } else {
    // Periods: one per day, or one for the whole campaign.
    const periods = new Map<number, number[]>();
    for (let r = 0; r < series.starts.length; r++) {
      const key = rules.spread === "day" ? Math.floor(series.starts[r]! / 1440) : 0;
      let rows = periods.get(key);
      if (rows === undefined) periods.set(key, (rows = []));
      rows.push(r);
    }
    const firstDay = Math.min(...series.starts.map((s) => Math.floor(s / 1440)));
    const lastDay = Math.max(...series.starts.map((s) => Math.floor(s / 1440)));
    for (const [key, rows] of [...periods].sort((a, b) => a[0] - b[0])) {
      const [fromDay, toDay] = rules.spread === "day" ? [key, key] : [firstDay, lastDay];
      const window = windowStarts(hours, fromDay, toDay, gridMin);
      if (window.length === 0) {
        const what = rules.spread === "day" ? "no calling hours that day" : "no calling hours in the campaign's days";
        for (const r of rows) placed.push(asGiven(r, `${what}: staffed where the forecast puts it`));
        continue;
      }
      placed.push(...spread(series, rows, window, gridMin, idle === undefined ? "" : idle.pool(first), idle));
    }
  }

  return placed.map((p) => {
    const seconds = p.lengthMin * 60;
    const dedicatedSec = Math.max(0, p.workSec - p.blendedSec);
    const agents = workloadAgents(dedicatedSec, seconds, p.occupancy);
    return interval({ ...first, intervalMin: p.lengthMin }, p.startMin, p.volume, p.ahtSec, p.workSec / seconds, agents, keep, {
      serviceLevel: null,
      asaSec: null,
      occupancy: dedicatedSec > 0 ? p.occupancy : null,
      abandonRate: null,
      backlog: null,
      oldestAgeMin: null,
      blendedErlangs: idle === undefined ? null : p.blendedSec / seconds,
      note: p.note,
    });
  });
}

/** Blend as much of `workSec` as the idle time allows; returns the blended agent-seconds. */
function blend(idle: IdleCapacity, pool: string, startMin: number, lengthMin: number, workSec: number): number {
  const available = idle.available(pool, startMin, lengthMin);
  if (available <= 0 || workSec <= 0) return 0;
  const used = Math.min(workSec, available);
  idle.consume(pool, startMin, lengthMin, used / available);
  return used;
}

/** Starts of the calling-hour intervals of days [fromDay, toDay] on a grid. */
function windowStarts(hours: WeekHours, fromDay: number, toDay: number, gridMin: number): number[] {
  const out: number[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    for (let m = 0; m + gridMin <= 1440; m += gridMin) if (isOpen(hours, day * 1440 + m, gridMin)) out.push(day * 1440 + m);
  }
  return out;
}

/**
 * Spread the work and contacts of `rows` over `window`: into the inbound idle
 * time first (each interval in proportion to its idle time), the rest evenly;
 * contacts follow the work; AHT is the contact-weighted mean; the period is
 * worked at the lowest occupancy its rows ask for.
 */
function spread(series: OutboundSeries, rows: readonly number[], window: readonly number[], gridMin: number, pool: string, idle: IdleCapacity | undefined): Placed[] {
  let work = 0;
  let volume = 0;
  let handled = 0;
  for (const r of rows) {
    work += series.works[r]!;
    volume += series.volumes[r]!;
    handled += series.volumes[r]! * series.ahts[r]!;
  }
  const ahtSec = volume > 0 ? handled / volume : series.ahts[rows[0]!]!;
  const occupancy = Math.min(...rows.map((r) => series.occupancies[r]!));
  const idleSec = window.map((s) => (idle === undefined ? 0 : idle.available(pool, s, gridMin)));
  const idleTotal = idleSec.reduce((a, b) => a + b, 0);
  const blendedTotal = Math.min(work, idleTotal);
  const evenSec = (work - blendedTotal) / window.length;
  return window.map((startMin, k) => {
    const blendedSec = idleTotal > 0 ? (idleSec[k]! * blendedTotal) / idleTotal : 0;
    if (idle !== undefined && idleSec[k]! > 0) idle.consume(pool, startMin, gridMin, blendedSec / idleSec[k]!);
    const workSec = blendedSec + evenSec;
    return { startMin, occupancy, lengthMin: gridMin, volume: work > 0 ? (volume * workSec) / work : volume / window.length, ahtSec, workSec, blendedSec, note: null };
  });
}
