import { deadlineStaffingColumns, type CarriedWork } from "../core/deadline-staffing.js";
import { combinedShrinkage, fte as toFte, headcount as toHeadcount } from "../core/people.js";
import { requiredAgents, type QueueLoad } from "../core/required-agents.js";
import { trafficErlangs } from "../core/traffic.js";
import { calendarWeekStart, formatDateTime, HorizonTracker, MINUTES_PER_DAY, MINUTES_PER_WEEK, type Horizon } from "./calendar.js";
import { QueueMap, queueId, type ChannelClass, type ForecastRow, type QueueKey, type Tier } from "./forecast.js";
import { interval, type IntervalOutcome, type IntervalPlan } from "./interval.js";
import { GroupStaffing, type LiveLoad, type OrganisationPlan } from "./group-staffing.js";
import { IdleCapacity, OutboundSeries, planOutboundSeries } from "./outbound-plan.js";
import { hasOwnTargets, isOpen, targetsCache, targetsFor, typologyKey, type QueueTargets, type Scenario, type TargetsCache } from "./scenario.js";
import { Escalator } from "./tiers.js";
import { AsyncSeries } from "./async-series.js";
import { AhtShapeNotes, ahtByConcurrencyOf, withAhtShape, type AhtShapeNote } from "./chat-shape.js";
import { levelFactors, RowLimits } from "./plan-limit.js";
import type { PlanWhatIf } from "./what-if.js";

export type { IntervalPlan } from "./interval.js";
export type { Horizon } from "./calendar.js";

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
  /** Deferred work still waiting when the horizon ends (items: a week's own steady-state carry; null for live and outbound queues). */
  endBacklogItems: number | null;
  /** The same, hours of work. */
  endBacklogHours: number | null;
}

/** One calendar week of the plan, all queues together. */
export interface WeekPlan extends Omit<QueuePlan, "queue"> {
  /** 00:00 of the week's first day (minutes since the epoch). */
  startMin: number;
  /** Whether the forecast covers this first or last week only partly. */
  partial: boolean;
}

/** Something the planner noticed that the user should hear about (printed as a warning). */
export interface PlanNote {
  code: "PLAN_PARTIAL_WEEK" | "PLAN_NEVER_OPEN" | "PLAN_WEEKS_GIVEN";
  message: string;
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
  /** Weeks the FTE are averaged over: calendar weeks of the forecast, or the number given (see {@link Horizon}). */
  weeks: number;
  /** The calendar weeks planned; null for an empty plan. */
  horizon: Horizon | null;
  /** One line per calendar week that has rows. */
  weekly: WeekPlan[];
  /** The week with the most scheduled hours (FTE and headcount of that week); null for an empty plan. */
  peakWeek: { startMin: number; fte: number; headcount: number } | null;
  /** Warnings about the plan (partial weeks, work in queues that are never open…). */
  notes: PlanNote[];
  /** Every interval, by queue then time (empty unless the planner kept them). */
  intervals: IntervalPlan[];
  queues: QueuePlan[];
  totals: QueuePlan;
  days: DayPlan[];
  /** Teams, tiers, team leads, managers and support roles under the scenario's organisation. */
  organisation: OrganisationPlan;
  /** The command-line what-ifs the plan was made under (set by the caller, for the reports' inputs); absent = none. */
  whatIf?: PlanWhatIf | undefined;
}

/** One day of the plan, all queues together. */
export interface DayPlan {
  /** Days since 1970-01-01 (the file's own clock). */
  dayIndex: number;
  volume: number;
  workloadHours: number;
  agentHours: number;
  scheduledHours: number;
  /** Largest sum of agents over all queues at one moment of the day. */
  peakAgents: number;
  /**
   * Full-time equivalents at work that day: scheduled hours ÷ a full-timer's
   * day (contract hours ÷ {@link FULL_TIME_DAYS_PER_WEEK}). A week's days add
   * up to {@link FULL_TIME_DAYS_PER_WEEK} × its FTE.
   */
  fte: number;
  /** People at work that day with the mean contract: ⌈fte ÷ contract fraction⌉ (0 for a day without scheduled hours). */
  people: number;
}

/** Working days of a full-time week: a full-timer's day is contract hours ÷ 5. */
export const FULL_TIME_DAYS_PER_WEEK = 5;

/** Running totals of one queue (or of all), filled interval by interval. */
class Totals {
  intervals = 0;
  volume = 0;
  workloadSec = 0;
  agentHours = 0;
  slVolume = 0;
  slSum = 0;
  asaWeight = 0;
  asaSum = 0;
  abVolume = 0;
  abSum = 0;
  missed = 0;
  peak = 0;
  endBacklogItems: number | null = null;
  endBacklogHours: number | null = null;
  constructor(readonly queue: (QueueKey & { channelClass: ChannelClass }) | null) {}

  add(i: IntervalPlan): void {
    this.intervals++;
    this.volume += i.volume;
    this.workloadSec += i.trafficErlangs * i.intervalMin * 60;
    this.agentHours += (i.agents * i.intervalMin) / 60;
    if (i.serviceLevel !== null && i.volume > 0) {
      this.slVolume += i.volume;
      this.slSum += i.volume * i.serviceLevel;
      const answered = i.volume * (1 - (i.abandonRate ?? 0));
      this.asaWeight += answered;
      this.asaSum += answered * (i.asaSec ?? 0);
    }
    if (i.abandonRate !== null) {
      this.abVolume += i.volume;
      this.abSum += i.volume * i.abandonRate;
    }
    if (!i.targetMet) this.missed++;
    if (this.queue !== null) this.peak = Math.max(this.peak, i.agents);
  }

  result(scenario: Scenario, shrinkage: number, weeks: number): QueuePlan {
    const scheduledHours = this.agentHours / (1 - shrinkage);
    const fte = weeks > 0 ? toFte(scheduledHours / weeks, scenario.contractHours) : 0;
    return {
      queue: this.queue,
      intervals: this.intervals,
      volume: this.volume,
      workloadHours: this.workloadSec / 3600,
      peakAgents: this.peak,
      agentHours: this.agentHours,
      scheduledHours,
      fte,
      headcount: toHeadcount(fte, scenario.contractFraction),
      serviceLevel: this.slVolume > 0 ? this.slSum / this.slVolume : null,
      asaSec: this.asaWeight > 0 ? this.asaSum / this.asaWeight : null,
      abandonRate: this.abVolume > 0 ? this.abSum / this.abVolume : null,
      missedIntervals: this.missed,
      endBacklogItems: this.endBacklogItems,
      endBacklogHours: this.endBacklogHours,
    };
  }
}

/** Options of a {@link Planner}. */
export interface PlannerOptions {
  /** Keep every interval's plan (for the intervals report); else only totals are kept, in flat memory. */
  keepIntervals?: boolean;
  /** Called with every interval as it is planned (deferred queues' at {@link Planner.finish}), for reports that stream them. */
  onInterval?: (i: IntervalPlan) => void;
  /** Derive level-2 and level-3 rows with the scenario's tiers (default true; false when the caller has done it). */
  escalate?: boolean;
  /** Levels whose minimum presence gets a team even without work (default all; one site among several takes each level's). */
  floorWithoutWork?: ReadonlySet<Tier>;
  /** Check each row against the models' limits (default true; false when the caller has, with its own factors named). */
  checkLimits?: boolean;
  /** Keep each team's agents per interval (`organisation.curves`), for schedules. */
  keepTeamCurves?: boolean;
  /** The rows come in time order (starts never decrease): teams solve their pools as each interval ends (see {@link GroupStaffing}). */
  timeOrdered?: boolean;
}

/**
 * Plan a forecast under a scenario, row by row: every interval of every queue
 * staffed by its channel class's model, then agents → scheduled → hours →
 * FTE → headcount. Only running totals are kept (unless `keepIntervals`), so
 * a year of rows plans in memory that does not grow with the file; deferred
 * queues keep their interval series (two numbers an interval) until `finish`.
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
export class Planner {
  private readonly shrinkage: number;
  private readonly keep: number;
  private readonly targetsOf: TargetsCache;
  private readonly queues = new Map<string, Totals>();
  private readonly total = new Totals(null);
  /** Per day (days since the epoch): the agents of all queues at each moment an interval starts (summed in record order), by the quarter hour (96 moments) or, once a start is off them, by the minute. */
  private readonly agentsOfDay = new Map<number, Float64Array>();
  private lastDayPlan: DayPlan | undefined;
  private lastDayAgents: Float64Array | undefined;
  private readonly days = new Map<number, DayPlan>();
  /** Totals per calendar week (keyed by its start), and the last one used (rows come in time order). */
  private readonly weeks = new Map<number, Totals>();
  private lastDay = NaN;
  private lastWeekTotals: Totals | undefined;
  private readonly tracker: HorizonTracker;
  private readonly asyncRows = new Map<string, AsyncSeries>();
  private readonly outboundRows = new Map<string, OutboundSeries>();
  /** Per outbound queue: intervals with work, and those outside its calling hours (a campaign never open). */
  private readonly outboundCalls = new Map<string, { worked: number; outside: number }>();
  /** Outbound waits for the end when it is spread or blended; else it is staffed row by row. */
  private readonly deferOutbound: boolean;
  private readonly idle: IdleCapacity | undefined;
  private gridMin = Infinity;
  private readonly kept: IntervalPlan[] | undefined;
  private readonly onInterval: ((i: IntervalPlan) => void) | undefined;
  private readonly escalator: Escalator | undefined;
  private readonly liveLoads = new Map<QueueTargets, Map<number | undefined, Map<number | undefined, LiveLoad>>>();
  /** Each row as it is planned (a level's AHT, the scenario's patience, a shared pool) against the models' limits. */
  private readonly limits: RowLimits | undefined;
  private readonly groups: GroupStaffing;
  /** Each queue's id (see {@link queueId}), made once: one string object per queue, whose hash the maps keyed by it compute once. */
  private readonly ids = new QueueMap<string>();
  private readonly recordInterval = (i: IntervalPlan): void => this.record(i);
  private readonly shapeNotes = new AhtShapeNotes();

  /** Warnings about the channels' `aht_by_concurrency` against the rows planned so far (see {@link AhtShapeNotes}). */
  ahtShapeNotes(): AhtShapeNote[] {
    return this.shapeNotes.notes();
  }

  constructor(
    private readonly scenario: Scenario,
    options: PlannerOptions = {},
  ) {
    this.shrinkage = combinedShrinkage(Object.values(scenario.shrinkage));
    this.keep = 1 - this.shrinkage;
    this.targetsOf = targetsCache(scenario);
    this.kept = options.keepIntervals ? [] : undefined;
    this.onInterval = options.onInterval;
    const o = scenario.outbound;
    this.deferOutbound = o.blending || o.spread !== "as-given" || Object.values(o.campaigns).some((c) => c.spread !== undefined && c.spread !== "as-given");
    this.idle = o.blending ? new IdleCapacity(o.blendOccupancy, o.blendWith) : undefined;
    this.escalator = scenario.tiers === null || options.escalate === false ? undefined : new Escalator(scenario.tiers, typologyKey);
    this.limits = options.checkLimits === false ? undefined : new RowLimits(scenario, (row) => levelFactors(this.escalator, row));
    this.groups = new GroupStaffing(scenario, options.floorWithoutWork, options.keepTeamCurves ?? false, options.timeOrdered ?? false);
    this.tracker = new HorizonTracker(scenario.weekStart);
  }

  /**
   * Say, before the first row, the queues the rows may be of (a row of each
   * will do; more is harmless): teams expecting no deferred work then keep
   * less per interval (see {@link GroupStaffing.expectDeferred}). Work this
   * planner escalates itself is counted in.
   */
  expectQueues(rows: readonly ForecastRow[]): void {
    this.groups.expectDeferred(this.escalator === undefined ? rows : rows.flatMap((r) => [r, ...this.escalator!.escalate(r)]));
  }

  /** Plan one forecast row, and the level-2 and level-3 work it escalates (deferred rows wait for {@link finish}). */
  add(row: ForecastRow): void {
    this.tracker.add(row.startMin, row.intervalMin, row.volume + (row.attempts ?? 0));
    this.addRow(row);
    if (this.escalator !== undefined) for (const r of this.escalator.escalate(row)) this.addRow(r);
  }

  private addRow(row: ForecastRow): void {
    this.limits?.check(row);
    if (row.intervalMin < this.gridMin) this.gridMin = row.intervalMin;
    if (row.channelClass === "outbound") {
      const id = this.idOf(row);
      let series = this.outboundRows.get(id);
      if (series === undefined) {
        series = new OutboundSeries(row);
        if (this.deferOutbound) this.outboundRows.set(id, series);
      }
      series.add(row, this.scenario);
      if (!this.deferOutbound) for (const i of planOutboundSeries(series, this.scenario, this.keep, row.intervalMin, undefined)) this.record(i);
      return;
    }
    if (row.channelClass === "async") {
      const id = this.idOf(row);
      let series = this.asyncRows.get(id);
      if (series === undefined) this.asyncRows.set(id, (series = new AsyncSeries(row)));
      series.add(row);
      return;
    }
    const live = this.liveLoadOf(row);
    if (live.ahtShapeOf !== undefined) this.shapeNotes.add(row, live);
    this.record(planSync(row, live, this.keep, this.scenario.sharedPoolErlangs), live);
  }

  /** The row's live load, one shared object per (targets, patience, concurrency), so that teams keep each distinct one once. */
  private liveLoadOf(row: ForecastRow): LiveLoad {
    const c = this.targetsOf(row);
    if (hasOwnTargets(row)) return liveLoad(row, c); // targets of its own: not shared, not kept
    let byPatience = this.liveLoads.get(c);
    if (byPatience === undefined) this.liveLoads.set(c, (byPatience = new Map()));
    let byConcurrency = byPatience.get(row.patienceSec);
    if (byConcurrency === undefined) byPatience.set(row.patienceSec, (byConcurrency = new Map()));
    let live = byConcurrency.get(row.concurrency);
    if (live === undefined) byConcurrency.set(row.concurrency, (live = liveLoad(row, c)));
    return live;
  }

  private idOf(q: QueueKey): string {
    let id = this.ids.get(q);
    if (id === undefined) this.ids.set(q, (id = queueId(q)));
    return id;
  }

  private record(i: IntervalPlan, live?: LiveLoad): void {
    const id = this.idOf(i);
    this.groups.add(i, id, live);
    let q = this.queues.get(id);
    if (q === undefined) {
      q = new Totals({ typology: i.typology, channel: i.channel, direction: i.direction, tier: i.tier, channelClass: i.channelClass });
      this.queues.set(id, q);
    }
    q.add(i);
    this.total.add(i);
    if (i.channelClass === "outbound" && i.trafficErlangs > 0) {
      let c = this.outboundCalls.get(id);
      if (c === undefined) this.outboundCalls.set(id, (c = { worked: 0, outside: 0 }));
      c.worked++;
      if (!i.targetMet) c.outside++;
    }
    const dayIndex = Math.floor(i.startMin / MINUTES_PER_DAY);
    if (dayIndex !== this.lastDay) {
      this.lastDay = dayIndex;
      let d = this.days.get(dayIndex);
      if (d === undefined) {
        d = { dayIndex, volume: 0, workloadHours: 0, agentHours: 0, scheduledHours: 0, peakAgents: 0, fte: 0, people: 0 };
        this.days.set(dayIndex, d);
        this.agentsOfDay.set(dayIndex, new Float64Array(MINUTES_PER_DAY / 15));
      }
      this.lastDayPlan = d;
      this.lastDayAgents = this.agentsOfDay.get(dayIndex)!;
      const week = calendarWeekStart(i.startMin, this.scenario.weekStart);
      this.lastWeekTotals = this.weeks.get(week);
      if (this.lastWeekTotals === undefined) this.weeks.set(week, (this.lastWeekTotals = new Totals(null)));
    }
    const minute = i.startMin - dayIndex * MINUTES_PER_DAY;
    let atMoment = this.lastDayAgents!;
    if (atMoment.length !== MINUTES_PER_DAY && minute % 15 !== 0) {
      // a start off the quarter hours: this day by the minute
      const fine = new Float64Array(MINUTES_PER_DAY);
      for (let k = 0; k < atMoment.length; k++) fine[k * 15] = atMoment[k]!;
      this.agentsOfDay.set(dayIndex, (this.lastDayAgents = atMoment = fine));
    }
    atMoment[atMoment.length === MINUTES_PER_DAY ? minute : minute / 15]! += i.agents;
    const d = this.lastDayPlan!;
    d.volume += i.volume;
    d.workloadHours += (i.trafficErlangs * i.intervalMin) / 60;
    d.agentHours += (i.agents * i.intervalMin) / 60;
    d.scheduledHours += (i.scheduled * i.intervalMin) / 60;
    this.lastWeekTotals!.add(i);
    this.idle?.addInbound(i);
    this.kept?.push(i);
    this.onInterval?.(i);
  }

  /**
   * Staff the deferred queues and return the plan.
   * @param horizon - the whole forecast's horizon, when this planner saw only part of it (one site among several): FTE are per week of the whole horizon
   */
  /** A day's FTE and people from its scheduled hours (see {@link DayPlan}). */
  private dayStaff(d: DayPlan): DayPlan {
    const fte = toFte(d.scheduledHours, this.scenario.contractHours / FULL_TIME_DAYS_PER_WEEK);
    return { ...d, fte, people: toHeadcount(fte, this.scenario.contractFraction) };
  }

  finish(horizon?: Horizon | null): Plan {
    const h = horizon !== undefined ? horizon : this.tracker.horizon(this.scenario.horizonWeeks);
    const notes: PlanNote[] = [];
    if (h !== null) notes.push(...horizonNotes(h));
    const gridMin = h?.gridMin ?? 1;
    const never: string[] = [];
    const arrays = new AsyncArrays();
    for (const [id, series] of this.asyncRows) {
      // each queue's rows let go once it is staffed: a year's series are freed one by one, not after the last
      this.asyncRows.delete(id);
      const planned = planAsync(series, this.scenario, this.keep, h, this.recordInterval, arrays);
      const q = this.queues.get(queueId(series.first));
      if (q !== undefined) {
        q.endBacklogItems = planned.endBacklogItems;
        q.endBacklogHours = planned.endBacklogHours;
      }
      if (planned.neverWorkedItems > 0) never.push(`${describeQueue(series.first)} (${+planned.neverWorkedItems.toFixed(1)} items)`);
    }
    if (never.length > 0) {
      notes.push({
        code: "PLAN_NEVER_OPEN",
        message: `deferred work in a queue that is never open in the planned weeks, counted as missed: ${never.join("; ")}: expected opening hours for its channel in the scenario (opening_hours.channels)`,
      });
    }
    this.asyncRows.clear();
    // Outbound after every live queue, so that blending sees all their idle time; in report order.
    const outbound = [...this.outboundRows.values()].sort((a, b) => compareQueues(a.first, b.first));
    for (const series of outbound) for (const i of planOutboundSeries(series, this.scenario, this.keep, gridMin, this.idle)) this.record(i);
    const neverCalled: string[] = [];
    const closed = [...this.outboundCalls].filter(([, c]) => c.worked > 0 && c.outside === c.worked).map(([id]) => this.queues.get(id)!.queue!);
    for (const q of closed.sort(compareQueues)) neverCalled.push(describeQueue(q));
    if (neverCalled.length > 0) {
      notes.push({
        code: "PLAN_NEVER_OPEN",
        message: `outbound work in a campaign whose calling hours never open where its rows are, staffed where the forecast puts it and counted as missed: ${neverCalled.join("; ")}: expected calling hours for it in the scenario (outbound.calling_hours or its campaign's)`,
      });
    }
    this.outboundRows.clear();
    const weeks = h?.weeks ?? 0;
    const weekPeak = new Map<number, number>();
    // peaks: maxima, whatever the order the moments are taken in (a moment without intervals adds 0 agents to peaks that start at 0)
    for (const [dayIndex, atMinute] of this.agentsOfDay) {
      const d = this.days.get(dayIndex)!;
      let dayPeak = d.peakAgents;
      for (let m = 0; m < atMinute.length; m++) dayPeak = Math.max(dayPeak, atMinute[m]!);
      d.peakAgents = dayPeak;
      this.total.peak = Math.max(this.total.peak, dayPeak);
      const w = calendarWeekStart(dayIndex * MINUTES_PER_DAY, this.scenario.weekStart);
      weekPeak.set(w, Math.max(weekPeak.get(w) ?? 0, dayPeak));
    }
    const partial = new Set(h?.partialWeeks.map((p) => p.startMin) ?? []);
    const weekly: WeekPlan[] = [...this.weeks]
      .filter(([start]) => h === null || (start + MINUTES_PER_WEEK > h.windowStartMin && start < h.windowEndMin))
      .sort((a, b) => a[0] - b[0])
      .map(([startMin, totals]) => {
        totals.peak = weekPeak.get(startMin) ?? 0;
        const { queue: _, ...week } = totals.result(this.scenario, this.shrinkage, 1);
        return { startMin, partial: partial.has(startMin), ...week };
      });
    let peakWeek: Plan["peakWeek"] = null;
    for (const w of weekly) if (peakWeek === null || w.fte > peakWeek.fte) peakWeek = { startMin: w.startMin, fte: w.fte, headcount: w.headcount };
    const order = [...this.queues.values()].sort((a, b) => compareQueues(a.queue!, b.queue!));
    const queues = order.map((q) => q.result(this.scenario, this.shrinkage, weeks));
    const separateFte = new Map(queues.map((q) => [queueId(q.queue!), q.fte]));
    const socialFte = queues.reduce((n, q) => n + (q.queue!.channel === "social" || q.queue!.channel === "messaging" ? q.fte : 0), 0);
    let intervals: IntervalPlan[] = [];
    if (this.kept !== undefined) {
      const rank = new Map(order.map((q, k) => [queueId(q.queue!), k]));
      const ranks = this.kept.map((i) => rank.get(queueId(i))!);
      intervals = this.kept
        .map((_, k) => k)
        .sort((x, y) => ranks[x]! - ranks[y]! || this.kept![x]!.startMin - this.kept![y]!.startMin)
        .map((k) => this.kept![k]!);
    }
    const totals = this.total.result(this.scenario, this.shrinkage, weeks);
    const backlogs = queues.filter((q) => q.endBacklogItems !== null);
    if (backlogs.length > 0) {
      totals.endBacklogItems = backlogs.reduce((n, q) => n + q.endBacklogItems!, 0);
      totals.endBacklogHours = backlogs.reduce((n, q) => n + q.endBacklogHours!, 0);
    }
    return {
      scenario: this.scenario.name,
      shrinkage: this.shrinkage,
      contractHours: this.scenario.contractHours,
      contractFraction: this.scenario.contractFraction,
      firstStartMin: h?.firstMin ?? null,
      endMin: h?.endMin ?? null,
      weeks,
      horizon: h,
      weekly,
      peakWeek,
      notes,
      intervals,
      queues,
      totals,
      days: [...this.days.values()].sort((a, b) => a.dayIndex - b.dayIndex).map((d) => this.dayStaff(d)),
      organisation: this.groups.finish(
        separateFte,
        socialFte,
        weeks,
        this.shrinkage,
        h === null ? null : { firstMin: h.windowStartMin, endMin: h.windowEndMin, gridMin: h.gridMin },
      ),
    };
  }
}

/** `demande d'information / email / inbound / level 1` */
function describeQueue(q: QueueKey): string {
  return `${q.typology} / ${q.channel} / ${q.direction} / level ${q.tier}`;
}

const dayLabel = (min: number) => formatDateTime(min).slice(0, 10);

/** Warnings about the weeks: partial first or last week; weeks given that disagree with the rows. */
function horizonNotes(h: Horizon): PlanNote[] {
  const notes: PlanNote[] = [];
  for (const p of h.partialWeeks) {
    const covered = p.firstDayMin === p.lastDayMin ? dayLabel(p.firstDayMin) : `${dayLabel(p.firstDayMin)} to ${dayLabel(p.lastDayMin)}`;
    notes.push({
      code: "PLAN_PARTIAL_WEEK",
      message:
        `the ${p.side} week (from ${dayLabel(p.startMin)}) has rows only ${covered}, fewer days than the other weeks: ` +
        `FTE are averaged over ${h.weeks} calendar weeks, this one included; give the weeks the forecast stands for with --weeks N (or the scenario's horizon), or plan whole weeks`,
    });
  }
  for (const w of h.emptyWeeks) {
    notes.push({
      code: "PLAN_PARTIAL_WEEK",
      message: `the week from ${dayLabel(w)} has no rows: FTE are averaged over ${h.weeks} weeks, this empty one included; plan the weeks apart, or give the weeks with --weeks N`,
    });
  }
  if (h.weeksGiven && h.weeks < h.calendarWeeks && !(h.weeks === 1 && h.windowEndMin - h.windowStartMin === MINUTES_PER_WEEK)) {
    notes.push({
      code: "PLAN_WEEKS_GIVEN",
      message: `the rows touch ${h.calendarWeeks} calendar weeks but the horizon given is ${h.weeks}: FTE are the scheduled hours ÷ ${h.weeks} weeks`,
    });
  }
  if (h.weeksGiven && h.weeks > h.calendarWeeks) {
    notes.push({
      code: "PLAN_WEEKS_GIVEN",
      message: `the rows touch ${h.calendarWeeks} calendar week${h.calendarWeeks === 1 ? "" : "s"} but the horizon given is ${h.weeks}: FTE are the scheduled hours ÷ ${h.weeks} weeks, the weeks without rows counted as weeks without work (a weekly forecast planned with a monthly horizon?)`,
    });
  }
  return notes;
}

/** Plan a whole forecast at once, keeping every interval (see {@link Planner}). */
export function planForecast(rows: readonly ForecastRow[], scenario: Scenario): Plan {
  const planner = new Planner(scenario, { keepIntervals: true });
  for (const row of rows) planner.add(row);
  return planner.finish();
}

const CLASS_ORDER: Record<ChannelClass, number> = { sync: 0, async: 1, outbound: 2 };

/** The order of queues in every report: by tier; sync, async, outbound; then channel, typology, direction. */
export function compareQueues(a: QueueKey & { channelClass: ChannelClass }, b: QueueKey & { channelClass: ChannelClass }): number {
  return (
    a.tier - b.tier ||
    CLASS_ORDER[a.channelClass] - CLASS_ORDER[b.channelClass] ||
    (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0) ||
    (a.typology < b.typology ? -1 : a.typology > b.typology ? 1 : 0) ||
    (a.direction < b.direction ? -1 : a.direction > b.direction ? 1 : 0)
  );
}



/** A live row's patience, concurrency and targets: the row's own over the merged scenario targets. */
function liveLoad(row: ForecastRow, c: QueueTargets): LiveLoad {
  return withAhtShape(c, oneAhtLiveLoad(row, c));
}

function oneAhtLiveLoad(row: ForecastRow, c: QueueTargets): LiveLoad {
  const patienceSec = row.patienceSec ?? c.patienceSec;
  return {
    patienceSec,
    concurrency: row.concurrency ?? c.concurrency ?? 1,
    targets: {
      serviceLevel: c.serviceLevel,
      answerWithinSec: c.serviceLevel === undefined ? undefined : (c.answerWithinSec ?? 20),
      maxAsaSec: c.maxAsaSec,
      maxOccupancy: c.maxOccupancy,
      maxAbandonRate: patienceSec === undefined ? undefined : c.maxAbandonRate,
    },
  };
}

/**
 * Staff one live interval: Erlang C / Erlang A / concurrency on its own
 * traffic, or — in a shared team (`poolErlangs` > 0) — our share of the
 * provider's pool: the pool (our load + `poolErlangs`, same AHT and targets)
 * is solved, and we need its agents × our load ÷ the pool's load.
 */
function planSync(row: ForecastRow, live: LiveLoad, keep: number, poolErlangs: number | null): IntervalPlan {
  const { patienceSec, targets } = live;
  const own = trafficErlangs(row.volume, row.ahtSec, row.intervalMin);
  const shared = poolErlangs !== null && poolErlangs > 0 && own > 0;
  const volume = shared ? row.volume + (poolErlangs * row.intervalMin * 60) / row.ahtSec : row.volume;
  const queue = syncQueue;
  queue.volume = volume;
  queue.ahtSec = row.ahtSec;
  queue.intervalMin = row.intervalMin;
  queue.patienceSec = patienceSec;
  queue.concurrency = live.concurrency;
  queue.ahtByConcurrencySec = ahtByConcurrencyOf(live, row.ahtSec);
  let r = requiredAgents(queue, targets);
  let note: string | null = null;
  if (!r.feasible) {
    note = r.reason ?? "targets cannot be met";
    r = requiredAgents(queue, { answerWithinSec: targets.answerWithinSec });
    // a chat chain beyond its states: the stability floor of the duration at full concurrency
    if (!r.feasible) r = requiredAgents({ ...queue, ahtByConcurrencySec: undefined }, { answerWithinSec: targets.answerWithinSec });
  }
  const zero = r.trafficErlangs === 0;
  const m = r.metrics;
  const agents = shared ? (r.agents * own) / r.trafficErlangs : r.agents;
  const o = syncOutcome;
  o.serviceLevel = zero ? null : m.serviceLevel;
  o.asaSec = zero ? null : m.asaSec;
  o.occupancy = zero ? null : m.occupancy;
  o.abandonRate = r.model === "erlang-a" && !zero ? m.abandonRate : null;
  o.note = note;
  return interval(row, row.startMin, row.volume, row.ahtSec, own, agents, keep, o);
}

// planSync's scratch objects, filled afresh for each row (requiredAgents and
// `interval` read them and keep nothing of them): two objects fewer per live row.
const syncQueue: QueueLoad = { volume: 0, ahtSec: 1, intervalMin: 1, patienceSec: undefined, concurrency: 1, ahtByConcurrencySec: undefined };
const syncOutcome: IntervalOutcome = { serviceLevel: null, asaSec: null, occupancy: null, abandonRate: null, backlog: null, oldestAgeMin: null, blendedErlangs: null, note: null };


/** A deferred queue's plan: what is left at the end of the horizon (its intervals go to `emit` as they are made). */
interface AsyncPlan {
  endBacklogItems: number;
  endBacklogHours: number;
  neverWorkedItems: number;
}

/**
 * Staff one deferred queue over the plan's calendar weeks (not only the span
 * of its own rows), in its channel's opening hours:
 * - one week (or a rolling week given as one): the steady state of that
 *   week repeated (work due after its end is done at its start);
 * - several weeks: an open run that starts from the first week's own steady
 *   state (or the scenario's opening backlog for the queue) and ends leaving
 *   the backlog of the last week's own steady state (so that the last week
 *   is staffed as it would go on, not emptied of its work due later): the
 *   end-of-horizon backlog;
 * - a scenario opening backlog for the queue always makes an open run.
 * Rows outside the weeks (the zero row of an inclusive end) are left out.
 */
function planAsync(series: AsyncSeries, scenario: Scenario, keep: number, h: Horizon | null, emit: (i: IntervalPlan) => void, arrays = new AsyncArrays()): AsyncPlan {
  const first = series.first;
  const len = first.intervalMin;
  const t = targetsFor(scenario, "async", first.channel, first.targets);
  const deadlineSec = series.deadlineSec === Infinity ? (t.deadlineSec ?? 86_400) : series.deadlineSec;
  const occupancy = t.maxOccupancy ?? 0.9;
  const hours = scenario.openingHours.channels[first.channel] ?? scenario.openingHours.default;
  let windowStart = h?.windowStartMin ?? Infinity;
  let windowEnd = h?.windowEndMin ?? -Infinity;
  if (h === null) {
    series.each((m) => {
      windowStart = Math.min(windowStart, m);
      windowEnd = Math.max(windowEnd, m + len);
    });
  }
  // the queue's own grid, aligned on its rows (a 30-minute queue may start at :15 in a 15-minute file)
  const start = windowStart + ((((series.firstStart - windowStart) % len) + len) % len);
  const n = Math.ceil((windowEnd - start) / len);
  const { items, aht, hasRow, open } = arrays.take(n);
  series.each((m, volume, ahtSec) => {
    const k = Math.round((m - start) / len);
    if (k < 0 || k >= n) return;
    items[k] = volume;
    aht[k] = ahtSec;
    hasRow[k] = 1;
  });
  // intervals without a row take the AHT of the row before (before the first: of the earliest row, whatever order rows came in)
  let lastAht = first.ahtSec;
  for (let k = 0; k < n; k++) {
    if (hasRow[k]) {
      lastAht = aht[k]!;
      break;
    }
  }
  for (let k = 0; k < n; k++) {
    if (hasRow[k]) lastAht = aht[k]!;
    else aht[k] = lastAht;
    open[k] = isOpen(hours, start + k * len, len);
  }
  const opening = openingBacklogOf(scenario, first, deadlineSec, len);
  const oneWeek = windowEnd - windowStart <= MINUTES_PER_WEEK;
  const queue = { intervalMin: len, open, items, ahtSec: aht, deadlineSec, maxOccupancy: occupancy };
  let s;
  if (opening === undefined && oneWeek) {
    s = deadlineStaffingColumns({ ...queue, repeats: true });
  } else {
    // a week's own steady state: what waits when the horizon opens (the first week's) and when it ends (the last week's)
    const w = Math.min(n, Math.round(MINUTES_PER_WEEK / len));
    const steady = (from: number) => deadlineStaffingColumns({ ...queue, open: open.slice(from, from + w), items: items.slice(from, from + w), ahtSec: aht.slice(from, from + w), repeats: true });
    const carriedIn = opening ?? steady(0).carriedOut;
    s = deadlineStaffingColumns({ ...queue, carriedIn, leaveWorkSec: steady(Math.max(0, n - w)).endBacklogWorkSec });
  }
  const never = s.neverWorkedItems > 0;
  const o: IntervalOutcome = { serviceLevel: null, asaSec: null, occupancy: null, abandonRate: null, backlog: null, oldestAgeMin: null, blendedErlangs: null, note: null };
  for (let k = 0; k < n; k++) {
    if (!hasRow[k] && s.agents[k] === 0 && s.backlogItems[k]! < 1e-9) continue;
    const agents = s.agents[k]!;
    // one outcome object, filled afresh for each interval (`interval` copies it)
    o.occupancy = agents > 0 ? occupancy : null;
    o.backlog = s.backlogItems[k]!;
    o.oldestAgeMin = s.oldestAgeMin[k]!;
    o.note = never && items[k]! > 0 ? "never open: this work cannot be done in the opening hours" : null;
    emit(interval(first, start + k * len, items[k]!, aht[k]!, trafficErlangs(items[k]!, aht[k]!, len), agents, keep, o));
  }
  return { endBacklogItems: s.endBacklogItems, endBacklogHours: s.endBacklogWorkSec / 3600, neverWorkedItems: s.neverWorkedItems };
}

/**
 * {@link planAsync}'s arrays of a queue's intervals, made once for every
 * deferred queue of a plan (they all have the horizon's length): not four
 * arrays of a year's intervals per queue, each soon garbage.
 */
class AsyncArrays {
  /** Items arriving in each interval (0 where no row). */
  items: number[] = [];
  /** AHT of each interval (every one written by planAsync). */
  aht: number[] = [];
  /** 1 where a row gives the interval. */
  hasRow = new Uint8Array(0);
  /** Whether the channel is open (every one written by planAsync). */
  open: boolean[] = [];

  /** The arrays at length `n`, items at 0 and no row. */
  take(n: number): this {
    if (this.items.length !== n) {
      this.items = new Array<number>(n).fill(0);
      this.aht = new Array<number>(n).fill(0);
      this.hasRow = new Uint8Array(n);
      this.open = new Array<boolean>(n).fill(false);
    } else {
      this.items.fill(0);
      this.hasRow.fill(0);
    }
    return this;
  }
}

/** The scenario's opening backlog of a (level-1) deferred queue, as work waiting when the horizon opens; undefined when none is given. */
function openingBacklogOf(scenario: Scenario, q: ForecastRow, deadlineSec: number, intervalMin: number): CarriedWork[] | undefined {
  if (q.tier !== 1 || scenario.openingBacklog.length === 0) return undefined;
  const key = typologyKey(q.typology);
  const found = scenario.openingBacklog.filter((b) => typologyKey(b.typology) === key && b.channel === q.channel && (b.direction ?? "inbound") === q.direction);
  if (found.length === 0) return undefined;
  // waiting at the opening: due D − 1 open intervals on, less the open intervals they have already waited
  const lastDue = Math.max(0, Math.floor(deadlineSec / (intervalMin * 60) + 1e-9) - 1);
  return found.map((b) => ({ items: b.items, ahtSec: q.ahtSec, dueSlot: lastDue - Math.floor(b.ageMin / intervalMin), arrivedMin: -b.ageMin }));
}
