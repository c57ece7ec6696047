import type { ShiftSettings } from "./shifts/template.js";
import { minuteOfDay, weekDayOf } from "./calendar.js";
import type { ChannelClass } from "./forecast.js";
import { DEFAULT_ORGANISATION, DEFAULT_SPANS, type Organisation, type Spans, type SupportRole } from "./organisation.js";
import type { AllocationRule, Site } from "./sites.js";
import type { TierRules } from "./tiers.js";

/** Service targets and queue parameters, any of which may be absent. */
export interface QueueTargets {
  /** Minimum share answered within `answerWithinSec` (sync). */
  serviceLevel?: number | undefined;
  answerWithinSec?: number | undefined;
  maxAsaSec?: number | undefined;
  /** Maximum occupancy (sync), or the occupancy worked at (async, outbound). */
  maxOccupancy?: number | undefined;
  maxAbandonRate?: number | undefined;
  /** Answer deadline in open (business) time, seconds (async). */
  deadlineSec?: number | undefined;
  /** Sessions per agent (chat, messaging). */
  concurrency?: number | undefined;
  /** Mean patience, seconds: Erlang A when known. */
  patienceSec?: number | undefined;
  /**
   * Chat (scenario key `aht_by_concurrency`, channels only): the mean duration
   * of a chat while its agent holds 1..k chats (k = `concurrency`), seconds.
   * Only its shape is used: a row's AHT is the duration at full concurrency,
   * AHTⱼ = row AHT × vⱼ ÷ v_k. `at` is where the key is written (warnings).
   */
  ahtByConcurrency?: AhtByConcurrency | undefined;
}

/** The scenario key `aht_by_concurrency` of a channel: its values (s) and where it is written. */
export interface AhtByConcurrency {
  valuesSec: readonly number[];
  at: { file: string; line?: number; column?: number; field: string };
}

/** Opening hours of one week: for each day (Monday = 0) the open spans [from, to) in minutes after midnight. */
export type WeekHours = readonly (readonly (readonly [number, number])[])[];

/** How outbound work is placed in time (SPEC 5.3). */
export type OutboundSpread = "as-given" | "day" | "horizon";

/** Calling hours and spreading of one campaign (an outbound typology). */
export interface CampaignRules {
  /** When calls may be placed; absent = the channel's opening hours. */
  callingHours?: WeekHours | undefined;
  /**
   * `as-given`: each row's work in its own interval (work outside the calling
   * hours is flagged); `day`: each day's work spread evenly over that day's
   * calling hours; `horizon`: the campaign's whole work spread over the
   * calling hours of every day from its first row's day to its last's.
   */
  spread: OutboundSpread;
}

/** Whose idle time outbound work may fill: the inbound agents of its typology on its channel, or of its whole channel. */
export type BlendScope = "typology" | "channel";

/** Outbound rules: campaigns and blending. */
export interface OutboundRules extends CampaignRules {
  /** Per typology (keyed by {@link typologyKey}), overriding the rules above. */
  campaigns: Record<string, Partial<CampaignRules>>;
  /** Outbound work first fills the idle time of inbound agents of the same channel. */
  blending: boolean;
  /** Inbound agents take outbound work only up to this occupancy (0, 1]. */
  blendOccupancy: number;
  /** Whose idle time: see {@link BlendScope}. */
  blendWith: BlendScope;
}

/** One planning scenario (the part of SPEC 4.3 that `ccplan plan` uses). */
export interface Scenario {
  name: string;
  /** Targets per channel class, then overrides per channel; a row's own targets override both. */
  targets: Record<ChannelClass, QueueTargets> & { channels: Record<string, QueueTargets> };
  /** Shrinkage components, each a share of paid time, combined multiplicatively. */
  shrinkage: Record<string, number>;
  /** Weekly hours of one full-timer. */
  contractHours: number;
  /** Mean contract as a share of full time (headcount = FTE ÷ this). */
  contractFraction: number;
  /** When agents work: by default and per channel. Deferred work is only done, and its deadline clock only runs, in these hours. */
  openingHours: { default: WeekHours; channels: Record<string, WeekHours> };
  /** Outbound calling hours, spreading and blending. */
  outbound: OutboundRules;
  /** Escalation to levels 2 and 3; null = level 1 only (every contact resolved at the front office). */
  tiers: TierRules | null;
  /** How flows pool into teams of agents (SPEC 5.6). */
  organisation: Organisation;
  /** Agents per team lead (per tier), team leads per manager. */
  spans: Spans;
  /** Support roles by ratio, in the order given (none by default). */
  supportRoles: SupportRole[];
  /** Sites in the order given; empty = one in-house site with the parameters above. */
  sites: Site[];
  /** Which share of which flows goes to which site (first match wins); empty with one site. */
  allocation: AllocationRule[];
  /** Label of the cost figures (EUR, USD…). */
  currency: string;
  /** Set on a shared site's own scenario: the provider's other live traffic in the pool, Erlangs; null = dedicated agents. */
  sharedPoolErlangs: number | null;
  /** First day of a calendar week, Monday = 0 … Sunday = 6 (`week_start`): FTE are per calendar week (SPEC 5.4). */
  weekStart: number;
  /** Horizon in calendar weeks (`horizon`, or `--weeks`), from the first row's week; null = the weeks the forecast's rows touch. */
  horizonWeeks: number | null;
  /** Work already waiting at the start of a horizon of several weeks, per deferred queue (`opening_backlog`); absent queues start from their own steady state. */
  openingBacklog: OpeningBacklog[];
  /** Weekly schedules (`shifts`, SPEC 5.4b): templates and rules; null = no shifts (headcount from FTE). */
  shifts: ShiftSettings | null;
}

/** Items of one deferred queue waiting when the horizon opens (scenario `opening_backlog`). */
export interface OpeningBacklog {
  /** Matched with {@link typologyKey}. */
  typology: string;
  channel: string;
  /** Default: inbound. */
  direction?: "inbound" | "outbound" | undefined;
  /** Items waiting. */
  items: number;
  /** Age of those items when the horizon opens, minutes of open time (0: they arrived just before it). */
  ageMin: number;
}

const MON_FRI_8_20_SAT_9_17: WeekHours = [[[480, 1200]], [[480, 1200]], [[480, 1200]], [[480, 1200]], [[480, 1200]], [[540, 1020]], []];

/**
 * The defaults, each from shared/DOMAIN.md (documented in the README):
 * voice 80/20 with occupancy ≤ 85 %; chat and messaging 80 % within 60 s
 * with 2 sessions per agent; email answered within 24 open hours, social
 * within 1, postal mail within 72, forms within 48, worked at 90 %
 * occupancy; outbound at 85 % occupancy; shrinkage ≈ 30 % (breaks 8 %,
 * absence 5 %, holidays 10 %, training 3 %, meetings 1 %, offline work 3 %);
 * 35 contract hours a week (France), a mean contract of 90 % of full time;
 * open Monday–Friday 08:00–20:00 and Saturday 09:00–17:00; outbound work
 * staffed where the rows put it, in the opening hours, without blending.
 */
export const DEFAULT_SCENARIO: Scenario = {
  name: "default",
  targets: {
    sync: { serviceLevel: 0.8, answerWithinSec: 20, maxOccupancy: 0.85 },
    async: { deadlineSec: 24 * 3600, maxOccupancy: 0.9 },
    outbound: { maxOccupancy: 0.85 },
    channels: {
      chat: { serviceLevel: 0.8, answerWithinSec: 60, concurrency: 2 },
      messaging: { serviceLevel: 0.8, answerWithinSec: 60, concurrency: 2 },
      social: { deadlineSec: 3600 },
      mail: { deadlineSec: 72 * 3600 },
      form: { deadlineSec: 48 * 3600 },
    },
  },
  shrinkage: { breaks: 0.08, absence: 0.05, holidays: 0.1, training: 0.03, meetings: 0.01, offline: 0.03 },
  contractHours: 35,
  contractFraction: 0.9,
  openingHours: { default: MON_FRI_8_20_SAT_9_17, channels: {} },
  outbound: { spread: "as-given", campaigns: {}, blending: false, blendOccupancy: 0.85, blendWith: "typology" },
  tiers: null,
  organisation: DEFAULT_ORGANISATION,
  spans: DEFAULT_SPANS,
  supportRoles: [],
  sites: [],
  allocation: [],
  currency: "EUR",
  sharedPoolErlangs: null,
  weekStart: 0,
  horizonWeeks: null,
  openingBacklog: [],
  shifts: null,
};

/** A typology as a lookup key: accents, case, apostrophes and spacing ignored (`Demande d’Information ` = `demande d'information`). */
export function typologyKey(typology: string): string {
  return typology
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .toLowerCase()
    .trim()
    .replace(/\s+/g, " ");
}

/** The rules of one outbound campaign: its typology's, over the scenario's. */
export function campaignRules(scenario: Scenario, typology: string): CampaignRules {
  const own = scenario.outbound.campaigns[typologyKey(typology)] ?? {};
  return { callingHours: own.callingHours ?? scenario.outbound.callingHours, spread: own.spread ?? scenario.outbound.spread };
}

/** Targets for a queue: class defaults, then the channel's, then the row's (absent values fall through). */
export function targetsFor(scenario: Scenario, channelClass: ChannelClass, channel: string, row: QueueTargets = {}): QueueTargets {
  const merged: QueueTargets = { ...scenario.targets[channelClass] };
  for (const layer of [scenario.targets.channels[channel] ?? {}, row]) {
    for (const [k, v] of Object.entries(layer) as [keyof QueueTargets, never][]) if (v !== undefined) merged[k] = v;
  }
  return merged;
}

/** A row's targets from the scenario's and its own (see {@link targetsCache}). */
export type TargetsCache = (row: TargetsRow) => QueueTargets;

/** A row's own service targets: the only keys a row can set (see {@link hasOwnTargets}). */
type RowTargets = Pick<QueueTargets, "serviceLevel" | "answerWithinSec" | "maxAsaSec" | "maxOccupancy" | "maxAbandonRate">;

/** What {@link targetsCache} reads of a row. */
interface TargetsRow {
  channelClass: ChannelClass;
  channel: string;
  targets: RowTargets;
}

/**
 * Targets per row, as {@link targetsFor} gives them: class and channel merged
 * once per (class, channel) and shared by every row without targets of its
 * own (do not change the object returned), the row's own on top when it has
 * any (a new object).
 */
export function targetsCache(scenario: Scenario): TargetsCache {
  const merged: Record<ChannelClass, Map<string, QueueTargets>> = { sync: new Map(), async: new Map(), outbound: new Map() };
  return (row) => {
    const byChannel = merged[row.channelClass];
    let base = byChannel.get(row.channel);
    if (base === undefined) byChannel.set(row.channel, (base = targetsFor(scenario, row.channelClass, row.channel)));
    return hasOwnTargets(row) ? targetsFor(scenario, row.channelClass, row.channel, row.targets) : base;
  };
}

/** Whether a row carries service targets of its own (over the scenario's). */
export function hasOwnTargets(row: { targets: RowTargets }): boolean {
  const own = row.targets;
  return own.serviceLevel !== undefined || own.answerWithinSec !== undefined || own.maxAsaSec !== undefined || own.maxOccupancy !== undefined || own.maxAbandonRate !== undefined;
}

/** Whether the whole interval [start, start + length) lies in the opening hours. */
export function isOpen(hours: WeekHours, startMin: number, intervalMin: number): boolean {
  const minute = minuteOfDay(startMin);
  return (hours[weekDayOf(startMin)] ?? []).some(([from, to]) => minute >= from && minute + intervalMin <= to);
}
