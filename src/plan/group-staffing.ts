import { fte as toFte, headcount as toHeadcount } from "../core/people.js";
import { queueBeyondLimits, requiredAgents, type StaffingTargets } from "../core/required-agents.js";
import type { ChannelClass, QueueKey, Tier } from "./forecast.js";
import type { IntervalPlan } from "./interval.js";
import { groupName, type OrganisationModel } from "./organisation.js";
import { limitFigures, PlanLimitError } from "./plan-limit.js";
import { isOpen, targetsFor, typologyKey, type AhtByConcurrency, type Scenario } from "./scenario.js";

/** What pooling a live interval needs beyond its plan: the queue's patience, concurrency and merged targets. */
export interface LiveLoad {
  patienceSec: number | undefined;
  concurrency: number;
  targets: StaffingTargets;
  /** Chat: vⱼ ÷ v_k of the channel's `aht_by_concurrency`, applied (see chat-shape.ts); such loads are never pooled. */
  ahtShape?: readonly number[] | undefined;
  /** The channel's `aht_by_concurrency`, applied or not (for its warnings). */
  ahtShapeOf?: AhtByConcurrency | undefined;
}

/** One team's staffing over the horizon. */
export interface GroupPlan {
  name: string;
  tier: Tier;
  /** Whether the team's live queues are solved as one pooled queue. */
  pooled: boolean;
  /** Queues (typology × channel × direction) in the team. */
  queues: number;
  /** Their ids (see `queueId`), sorted. */
  members: string[];
  /** Skills (typology:channel) one person of the team must hold: all of the team's when pooled, else 1. */
  skillsPerPerson: number;
  skills: string[];
  /** Largest number of agents at one moment. */
  peakAgents: number;
  agentHours: number;
  scheduledHours: number;
  fte: number;
  /** People: FTE ÷ mean contract, rounded up once for the team. */
  headcount: number;
  /** FTE the same queues need staffed apart (the `separate` model, without minimum presence). */
  separateFte: number;
  /** separateFte − fte: what pooling saves (negative when a minimum presence costs more). */
  poolingGainFte: number;
  teamLeads: number;
  /** People × skills beyond the first, × training hours per skill. */
  trainingHours: number;
}

/** What a site's shift schedules cost and put on the floor per level, a week (for costs: see `siteCost`). */
export type ScheduledLevels = Partial<Record<Tier, { costPerWeek: number; paidHoursPerWeek: number; onFloorHoursPerWeek: number }>>;

/** One team's agents over time: what its schedule must cover (SPEC 5.4b). */
export interface TeamCurve {
  name: string;
  tier: Tier;
  /** Interval length of the curve, minutes (the plan's finest grid). */
  gridMin: number;
  /** Agents needed (logged in, before any shrinkage) at each interval start that has some, minutes since the epoch in the file's clock. */
  agentsAt: Map<number, number>;
}

/** One line of the people report: an agent tier, team leads, managers or a support role. */
export interface RolePlan {
  /** `level-1`, `level-2`, `level-3`, `team-lead`, `manager`, then each support role. */
  role: string;
  /** Agents at the busiest moment (agent tiers only). */
  agentsPeak: number | null;
  fte: number;
  headcount: number;
}

/** The people a plan needs under its organisation. */
export interface OrganisationPlan {
  model: OrganisationModel;
  groups: GroupPlan[];
  /** Each team's agents at each moment of the plan's finest grid, in the order of `groups` (only when asked: see {@link GroupStaffing}). */
  curves?: TeamCurve[];
  /** Per level, what the teams' shift schedules cost and put on the floor a week (set by `applySchedules` under `--shifts`). */
  scheduled?: ScheduledLevels;
  /** FTE of agents on social and messaging queues (the basis of support roles by `social` ratio). */
  socialFte: number;
  roles: RolePlan[];
  totals: { fte: number; headcount: number; poolingGainFte: number; trainingHours: number };
}

/** Live contacts of one sub-pool (same interval length and concurrency) in one interval. */
export interface Pool {
  intervalMin: number;
  concurrency: number;
  /** Chats of `aht_by_concurrency`: never pooled, the members keep their own agents. */
  shaped?: boolean;
  volume: number;
  /** Σ volume × AHT. */
  volumeAht: number;
  /** Σ volume ÷ patience (abandonment rate mix). */
  volumeOverPatience: number;
  /** Every member with volume has a patience (else the pool is Erlang C). */
  allPatient: boolean;
  /** Σ of the members' own agents. */
  separate: number;
  /** The members' targets (distinct objects). */
  targets: StaffingTargets[];
}

/**
 * The intervals (start, length) the teams have work in, numbered in the
 * order first seen: every team keeps its figures in typed arrays indexed by
 * this number (no object, no key string per interval).
 */
class IntervalIndex {
  starts = new Float64Array(1024);
  lengths = new Float64Array(1024);
  count = 0;
  /** Per length, start → number. */
  private readonly byLength = new Map<number, Map<number, number>>();
  private lastStart = NaN;
  private lastLength = NaN;
  private last = -1;

  of(startMin: number, intervalMin: number): number {
    if (startMin === this.lastStart && intervalMin === this.lastLength) return this.last;
    let byStart = this.byLength.get(intervalMin);
    if (byStart === undefined) this.byLength.set(intervalMin, (byStart = new Map()));
    let n = byStart.get(startMin);
    if (n === undefined) {
      n = this.count++;
      if (n === this.starts.length) {
        this.starts = grown(this.starts, n * 2);
        this.lengths = grown(this.lengths, n * 2);
      }
      this.starts[n] = startMin;
      this.lengths[n] = intervalMin;
      byStart.set(startMin, n);
    }
    this.lastStart = startMin;
    this.lastLength = intervalMin;
    this.last = n;
    return n;
  }
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

/**
 * The pools of the live intervals not solved yet, as columns (a pool is a
 * row number; its slot's pools are chained by `next`, in the order they
 * were opened). Solved pools' rows are reused.
 */
class PoolTable {
  concurrency = new Float64Array(256);
  /** 1 for chats of `aht_by_concurrency`: never pooled, each member keeps its own agents (see poolAgents). */
  shaped = new Uint8Array(256);
  volume = new Float64Array(256);
  volumeAht = new Float64Array(256);
  volumeOverPatience = new Float64Array(256);
  separate = new Float64Array(256);
  allPatient = new Uint8Array(256);
  /** The pool's set of targets (see {@link TargetSets}). */
  targets = new Int32Array(256);
  next = new Int32Array(256);
  private used = 0;
  private free: number[] = [];

  open(concurrency: number, shaped: boolean): number {
    let p = this.free.pop();
    if (p === undefined) {
      p = this.used++;
      if (p === this.volume.length) {
        const n = p * 2;
        this.concurrency = grown(this.concurrency, n);
        this.shaped = grown(this.shaped, n);
        this.volume = grown(this.volume, n);
        this.volumeAht = grown(this.volumeAht, n);
        this.volumeOverPatience = grown(this.volumeOverPatience, n);
        this.separate = grown(this.separate, n);
        this.allPatient = grown(this.allPatient, n);
        this.targets = grown(this.targets, n);
        this.next = grown(this.next, n);
      }
    }
    this.concurrency[p] = concurrency;
    this.shaped[p] = shaped ? 1 : 0;
    this.volume[p] = 0;
    this.volumeAht[p] = 0;
    this.volumeOverPatience[p] = 0;
    this.separate[p] = 0;
    this.allPatient[p] = 1;
    this.targets[p] = 0;
    this.next[p] = -1;
    return p;
  }

  release(p: number): void {
    this.free.push(p);
  }
}

/** The targets of a pool merged as {@link pooledAgents} applies them: the strictest of each kind, and each distinct service level. */
interface MergedTargets {
  maxAsaSec: number | undefined;
  maxOccupancy: number | undefined;
  maxAbandonRate: number | undefined;
  levels: [number | undefined, number | undefined][];
}

/**
 * Sets of targets, interned by value: a pool keeps one number for the
 * targets of its members (set 0: none), and a set's merged targets are
 * worked out once.
 */
class TargetSets {
  private readonly ids = new Map<StaffingTargets, number>();
  private readonly byValue = new Map<string, number>();
  private lastTargets: StaffingTargets | undefined;
  private lastId = -1;
  private readonly sets: number[][] = [[]];
  private readonly merged: MergedTargets[] = [];
  private readonly values: StaffingTargets[] = [];
  private readonly with = new Map<number, number>();

  /** The number of a targets object, by value. */
  idOf(t: StaffingTargets): number {
    if (t === this.lastTargets) return this.lastId;
    let id = this.ids.get(t);
    if (id === undefined) {
      const key = `${t.serviceLevel}|${t.answerWithinSec}|${t.maxAsaSec}|${t.maxOccupancy}|${t.maxAbandonRate}`;
      id = this.byValue.get(key);
      if (id === undefined) {
        this.byValue.set(key, (id = this.values.length));
        this.values.push(t);
      }
      // rows with targets of their own bring a new object each: only so many are remembered by identity
      if (this.ids.size < 4096) this.ids.set(t, id);
    }
    this.lastTargets = t;
    this.lastId = id;
    return id;
  }

  /** Set `set` with targets `id` added. */
  add(set: number, id: number): number {
    const members = this.sets[set]!;
    if (members.includes(id)) return set;
    const key = set * 65536 + id;
    let next = this.with.get(key);
    if (next === undefined) {
      next = this.sets.length;
      this.sets.push([...members, id]);
      this.with.set(key, next);
    }
    return next;
  }

  /** The targets of set `set`, merged. */
  mergedOf(set: number): MergedTargets {
    let m = this.merged[set];
    if (m === undefined) this.merged[set] = m = mergeTargets(this.sets[set]!.map((id) => this.values[id]!));
    return m;
  }
}

const BLOCK_BITS = 11;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;

/** Numbers by interval number, in blocks of 2,048 made as they are first written (a number never written reads 0): no copy as it grows. */
class Column {
  private readonly blocks: (Float64Array | undefined)[] = [];
  at(n: number): number {
    const b = this.blocks[n >> BLOCK_BITS];
    return b === undefined ? 0 : b[n & MASK]!;
  }
  add(n: number, v: number): void {
    (this.blocks[n >> BLOCK_BITS] ??= new Float64Array(BLOCK))[n & MASK]! += v;
  }
  set(n: number, v: number): void {
    (this.blocks[n >> BLOCK_BITS] ??= new Float64Array(BLOCK))[n & MASK] = v;
  }
}

/** What a team has in each interval, by interval number (see {@link IntervalIndex}), in columns made as they are needed. */
class Team {
  readonly queueIds = new Set<string>();
  readonly skills = new Set<string>();
  /** Per interval number: 1 where the team has a slot (an interval with work), in blocks. */
  private readonly has: (Uint8Array | undefined)[] = [];
  /** Slots, in the order they came (null while that is the order of their numbers). */
  private order: Int32Array | null = null;
  private slots = 0;
  private lastSlot = -1;
  /** Agents of members not pooled (every member when the team is not pooled); in a pooled team, its solved pools' agents. */
  agents: Column | null = null;
  /** Pooled team: idle time of the solved pools' agents (agent-Erlangs, up to the fill occupancy). */
  idle: Column | null = null;
  /** Pooled team: agents of its deferred (async, outbound) members, and the work they do, Erlangs (the work only where it may fill idle time). */
  deferredAgents: Column | null = null;
  deferredWork: Column | null = null;
  /** First pool + 1 of each slot (0: none) when every pool is kept to the end, by interval number in blocks (no map entry per slot); else the slots with open pools and theirs. */
  readonly poolHeads = new Column();
  readonly openSlots: number[] = [];
  readonly openHeads: number[] = [];
  /** Slots whose pooled queue is beyond the models' limits (solved as rows came): the first such pool of each. */
  beyond: Map<number, { p: PoolFigures; limit: NonNullable<ReturnType<typeof queueBeyondLimits>> }> | null = null;
  /** Some pools were solved and their idle time not kept (the team was not expected to get deferred work). */
  idleDropped = false;

  constructor(
    readonly name: string,
    readonly tier: Tier,
    readonly pooled: boolean,
    /** Keep the idle time of its solved pools (for deferred work to fill). */
    public keepsIdle = true,
  ) {}

  /** Make interval `n` one of the team's slots (in the order they come). */
  slot(n: number): void {
    const block = (this.has[n >> BLOCK_BITS] ??= new Uint8Array(BLOCK));
    if (block[n & MASK] === 1) return;
    block[n & MASK] = 1;
    if (this.order === null && n < this.lastSlot) {
      // a slot before the last one: the order they came in is kept from now on (so far, that of their numbers)
      const order = new Int32Array(Math.max(16, this.slots * 2));
      let k = 0;
      for (const m of this.byNumber()) if (m !== n) order[k++] = m;
      this.order = order;
    }
    if (this.order !== null) {
      if (this.slots === this.order.length) this.order = grown(this.order, this.slots * 2);
      this.order[this.slots] = n;
    }
    this.slots++;
    this.lastSlot = n;
  }

  /** Slot numbers in the order they came. */
  *inOrder(): Generator<number> {
    if (this.order === null) yield* this.byNumber();
    else for (let k = 0; k < this.slots; k++) yield this.order[k]!;
  }

  private *byNumber(): Generator<number> {
    for (let b = 0; b < this.has.length; b++) {
      const block = this.has[b];
      if (block !== undefined) for (let k = 0; k < BLOCK; k++) if (block[k] === 1) yield (b << BLOCK_BITS) + k;
    }
  }

  column(which: "agents" | "idle" | "deferredAgents" | "deferredWork"): Column {
    return (this[which] ??= new Column());
  }
}

/** A pool's figures (for its load and a limit's message). */
interface PoolFigures {
  intervalMin: number;
  concurrency: number;
  /** Chats of `aht_by_concurrency`: not pooled. */
  shaped?: boolean;
  volume: number;
  volumeAht: number;
}

/**
 * Staffs the teams of an organisation from the planned intervals of their
 * queues (SPEC 5.6). In a pooled team, the live (sync) intervals of one
 * moment with the same interval length and concurrency are solved as one
 * queue: volumes add, AHT is the volume-weighted mean (so the offered load
 * is the sum of the members' loads), the abandonment rate (1 / patience) is
 * volume-weighted when every member has a patience (Erlang A; else Erlang C),
 * and the pooled queue must meet **every** member's targets — under FIFO all
 * its contacts see one waiting-time distribution, so the strictest of each
 * kind binds. A team can always run as its members' separate queues, so a
 * pool takes the smaller of the pooled answer and the sum of the members'
 * own agents: pooling never needs more agents than keeping flows apart.
 * Deferred work (async, outbound) adds its agents to the same people's time,
 * interval by interval. A tier's minimum presence applies to each of its
 * teams in the opening hours. Headcount is rounded once per team: people
 * belong to one team.
 *
 * Memory: per team and interval a few numbers in typed columns (its
 * agents, idle time and deferred work: 8 bytes each, only those the team
 * uses). The pools of live intervals are kept until {@link finish}, or —
 * when the rows come in time order (`timeOrdered`) — solved as soon as a
 * later interval starts, so that only the current interval's are held.
 */
export class GroupStaffing {
  private readonly teams = new Map<string, Team>();
  private readonly teamOfQueue = new Map<string, Team>();
  private readonly pooled: boolean;
  /** Outbound occupancy per channel (to staff blended work again in a pooled team). */
  private readonly outboundOccupancy = new Map<string, number>();
  private readonly intervals = new IntervalIndex();
  private readonly pools = new PoolTable();
  private readonly targetSets = new TargetSets();
  private readonly fillUpTo: number;
  /** Time order: the start of the live intervals whose pools are open, and the teams that have some. */
  private openStart = -Infinity;
  private readonly openTeams: Team[] = [];
  private lastId: string | undefined;
  private lastTeam: Team | undefined;
  /** The teams that may get deferred work (by team key), when told before the rows (see {@link expectDeferred}); null: any may. */
  private deferring: Set<string> | null = null;

  constructor(
    private readonly scenario: Scenario,
    /** Levels that get a team for their minimum presence even without work (one site among several takes each level's). */
    private readonly floorWithoutWork: ReadonlySet<Tier> = new Set([1, 2, 3]),
    /** Keep each team's agents per interval in the result's `curves` (for schedules). */
    private readonly keepCurves = false,
    /** The rows come in time order (starts never decrease): pools are solved as their interval ends. */
    private readonly timeOrdered = false,
  ) {
    this.pooled = scenario.organisation.model !== "separate";
    this.fillUpTo = scenario.organisation.fillIdleTime ? scenario.organisation.fillOccupancy : 0;
  }

  private team(name: string, tier: Tier): Team {
    const key = `${name}\u001f${tier}`;
    let team = this.teams.get(key);
    if (team === undefined) this.teams.set(key, (team = new Team(name, tier, this.pooled, this.deferring === null || this.deferring.has(key))));
    return team;
  }

  /**
   * Say, before any interval, every queue that may bring deferred (async or
   * outbound) work — more is harmless. In time order, a pooled team that
   * gets none keeps no idle time per interval: a year of a team's intervals
   * is 280 KB. Deferred work reaching a team not expected to get any is
   * still staffed exactly while none of its pools has been solved; after, it
   * is an error of the caller's (thrown, never a wrong number).
   */
  expectDeferred(queues: Iterable<QueueKey & { channelClass: ChannelClass }>): void {
    if (this.teams.size > 0) throw new Error("GroupStaffing: expectDeferred after intervals were added");
    this.deferring ??= new Set();
    for (const q of queues) if (q.channelClass !== "sync") this.deferring.add(`${groupName(this.scenario.organisation, q, typologyKey)}\u001f${q.tier}`);
  }

  /** Take one planned interval of queue `id` (see `queueId`); `live` for a sync interval (needed to pool it). */
  add(i: IntervalPlan, id: string, live: LiveLoad | undefined): void {
    let team = id === this.lastId ? this.lastTeam : this.teamOfQueue.get(id);
    if (team === undefined) {
      team = this.team(groupName(this.scenario.organisation, i, typologyKey), i.tier);
      team.queueIds.add(id);
      team.skills.add(`${i.typology}:${i.channel}`);
      this.teamOfQueue.set(id, team);
    }
    this.lastId = id;
    this.lastTeam = team;
    const n = this.intervals.of(i.startMin, i.intervalMin); // one slot per start and length
    team.slot(n);
    if (!team.pooled) {
      team.column("agents").add(n, i.agents);
      return;
    }
    if (live === undefined) {
      if (!team.keepsIdle) {
        if (team.idleDropped) throw new Error(`GroupStaffing: deferred work in team ${JSON.stringify(team.name)} (level ${team.tier}), which was not expected to get any (expectDeferred)`);
        team.keepsIdle = true;
      }
      const da = team.column("deferredAgents");
      // The work only counts where the slot's live agents have idle time to fill: a slot with pools. In time
      // order, a team that has had none so far has none in an interval before the current one.
      const dw = team.deferredWork !== null || team.idle !== null || team.openSlots.length > 0 || !this.timeOrdered || i.startMin >= this.openStart ? team.column("deferredWork") : null;
      da.add(n, i.agents);
      dw?.add(n, i.agents * (i.occupancy ?? 1));
      if (i.blendedErlangs !== null && i.blendedErlangs > 0) {
        // Blending lent this work to the idle time of inbound queues staffed apart; a pooled team has
        // less idle time, so the work comes back here and fills the team's own idle time like any deferred work.
        da.add(n, i.blendedErlangs / this.occupancyOf(i.channel));
        dw?.add(n, i.blendedErlangs);
      }
      return;
    }
    if (this.timeOrdered && i.startMin !== this.openStart) {
      if (i.startMin < this.openStart) throw new Error(`GroupStaffing: a live interval at ${i.startMin} after one at ${this.openStart}, though the rows were said to come in time order`);
      this.solveOpen();
      this.openStart = i.startMin;
    }
    const t = this.pools;
    let p = this.poolHead(team, n);
    let last = -1;
    const shaped = live.ahtShape === undefined ? 0 : 1; // shaped chat: never pooled (see poolAgents)
    while (p >= 0 && (t.concurrency[p] !== live.concurrency || t.shaped[p] !== shaped)) p = t.next[(last = p)]!;
    if (p < 0) {
      p = t.open(live.concurrency, shaped === 1);
      if (last >= 0) t.next[last] = p;
      else this.setPoolHead(team, n, p);
    }
    t.separate[p]! += i.agents;
    if (i.volume > 0) {
      t.volume[p]! += i.volume;
      t.volumeAht[p]! += i.volume * i.ahtSec;
      if (live.patienceSec === undefined) t.allPatient[p] = 0;
      else t.volumeOverPatience[p]! += i.volume / live.patienceSec;
      t.targets[p] = this.targetSets.add(t.targets[p]!, this.targetSets.idOf(live.targets));
    }
  }

  private poolHead(team: Team, n: number): number {
    if (!this.timeOrdered) return team.poolHeads.at(n) - 1;
    const k = team.openSlots.indexOf(n);
    return k < 0 ? -1 : team.openHeads[k]!;
  }

  private setPoolHead(team: Team, n: number, p: number): void {
    if (!this.timeOrdered) {
      team.poolHeads.set(n, p + 1);
      return;
    }
    if (team.openSlots.length === 0) this.openTeams.push(team);
    team.openSlots.push(n);
    team.openHeads.push(p);
  }

  /** Time order: solve the pools of the current interval (its rows are all in) and free them. */
  private solveOpen(): void {
    for (const team of this.openTeams) {
      for (let k = 0; k < team.openSlots.length; k++) {
        const n = team.openSlots[k]!;
        const figures = this.solveSlot(team, n, team.openHeads[k]!, false);
        team.column("agents").set(n, figures.agents);
        if (team.keepsIdle) team.column("idle").set(n, figures.idle);
        else team.idleDropped = true;
      }
      team.openSlots.length = 0;
      team.openHeads.length = 0;
    }
    this.openTeams.length = 0;
  }

  /**
   * The agents of a slot's pools (their sum, in the order they were opened) and their idle time; the pools are freed.
   * A pool beyond the models' limits is noted for {@link finish} (in time order), or thrown (`throwBeyond`).
   */
  private solveSlot(team: Team, n: number, head: number, throwBeyond: boolean): { agents: number; idle: number } {
    const t = this.pools;
    let agents = 0;
    let idle = 0;
    let beyond = false;
    for (let p = head; p >= 0; p = t.next[p]!) {
      const figures = { intervalMin: this.intervals.lengths[n]!, concurrency: t.concurrency[p]!, shaped: t.shaped[p] === 1, volume: t.volume[p]!, volumeAht: t.volumeAht[p]! };
      const limit = beyond ? undefined : poolBeyondLimits(figures);
      if (limit !== undefined) {
        if (throwBeyond) throw poolLimitError(team, this.intervals.starts[n]!, figures, limit);
        (team.beyond ??= new Map()).set(n, { p: figures, limit });
        beyond = true; // the plan fails at finish: nothing more to solve here
      }
      if (!beyond) {
        const agentsOf = poolAgents(figures, t.separate[p]!, t.volumeOverPatience[p]!, t.allPatient[p] === 1, this.targetSets.mergedOf(t.targets[p]!));
        agents += agentsOf;
        idle += Math.max(0, agentsOf * this.fillUpTo - figures.volumeAht / (figures.intervalMin * 60) / figures.concurrency);
      }
    }
    for (let p = head; p >= 0; ) {
      const next = t.next[p]!;
      t.release(p);
      p = next;
    }
    return { agents, idle };
  }

  private occupancyOf(channel: string): number {
    let occupancy = this.outboundOccupancy.get(channel);
    if (occupancy === undefined) this.outboundOccupancy.set(channel, (occupancy = targetsFor(this.scenario, "outbound", channel).maxOccupancy ?? 0.85));
    return occupancy;
  }

  /**
   * The teams and roles.
   * @param separateFte - FTE of each queue staffed on its own, by queue id
   * @param socialFte - FTE of agents on social and messaging queues (for ratio roles)
   * @param weeks - horizon in weeks
   * @param shrinkage - combined shrinkage, [0, 1)
   * @param horizon - the plan's first start and exclusive end (minutes) and finest interval; null when empty
   * @throws PlanLimitError when a pooled team's live queue of one moment is beyond the models' limits
   */
  finish(
    separateFte: ReadonlyMap<string, number>,
    socialFte: number,
    weeks: number,
    shrinkage: number,
    horizon: { firstMin: number; endMin: number; gridMin: number } | null,
  ): OrganisationPlan {
    if (this.timeOrdered) this.solveOpen();
    const s = this.scenario;
    const minOnDuty = s.tiers?.minOnDuty ?? { 1: 0, 2: 0, 3: 0 };
    // a level with a minimum presence has a team even when no work reaches it
    if (horizon !== null) {
      for (const tier of [1, 2, 3] as const) {
        if (minOnDuty[tier] > 0 && this.floorWithoutWork.has(tier) && ![...this.teams.values()].some((t) => t.tier === tier)) this.team(`level ${tier}`, tier);
      }
    }
    const hours = s.openingHours.default;
    const fillUpTo = this.fillUpTo;
    const { starts, lengths } = this.intervals;
    const grid = horizon?.gridMin ?? 1;
    // moments by their step on the horizon's grid when every slot's are on it (curves keep their maps)
    const onGrid = horizon !== null && !this.keepCurves ? momentsOnGrid(this.intervals, horizon) : 0;
    const moments = (): Moments => (onGrid > 0 ? new GridMoments(new Float64Array(onGrid), horizon!.firstMin, grid) : new Map<number, number>());
    const tierAgents = new Map<Tier, Moments>();
    const groups: GroupPlan[] = [];
    const curves: TeamCurve[] = [];
    const ordered = [...this.teams.values()].sort((a, b) => a.tier - b.tier || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    /** On the grid: one array for every team's moments in turn. */
    const scratch = onGrid > 0 ? (moments() as GridMoments) : undefined;
    for (const team of ordered) {
      let agentHours = 0;
      let atTier = tierAgents.get(team.tier);
      if (atTier === undefined) tierAgents.set(team.tier, (atTier = moments()));
      /** The team's agents at each moment of the plan's finest grid (slots of longer intervals cover several). */
      const atMoment = scratch?.cleared() ?? new Map<number, number>();
      const own = team.agents;
      const idleOf = team.idle;
      const heads = team.poolHeads;
      const da = team.deferredAgents;
      const dw = team.deferredWork;
      for (const n of team.inOrder()) {
        const startMin = starts[n]!;
        const intervalMin = lengths[n]!;
        let agents = own === null ? 0 : own.at(n);
        let idle = idleOf === null ? 0 : idleOf.at(n);
        const head = heads.at(n);
        if (head > 0) {
          const solved = this.solveSlot(team, n, head - 1, true);
          agents += solved.agents;
          idle = solved.idle;
        }
        const beyond = team.beyond?.get(n);
        if (beyond !== undefined) throw poolLimitError(team, startMin, beyond.p, beyond.limit);
        const deferredAgents = da === null ? 0 : da.at(n);
        if (deferredAgents > 0) {
          const deferredWork = dw === null ? 0 : dw.at(n);
          // deferred work fills the live agents' idle time first
          const filled = fillUpTo > 0 ? Math.min(idle, deferredWork) : 0;
          agents += deferredWork > 0 ? deferredAgents * (1 - filled / deferredWork) : deferredAgents;
        }
        agentHours += (agents * intervalMin) / 60;
        for (let t = startMin; t < startMin + intervalMin; t += grid) atMoment.set(t, (atMoment.get(t) ?? 0) + agents);
      }
      // a minimum presence holds at every open moment of the plan, also where the team has no work
      const floor = minOnDuty[team.tier];
      if (floor > 0 && horizon !== null) {
        for (let t = horizon.firstMin; t < horizon.endMin; t += grid) {
          const agents = atMoment.get(t) ?? 0;
          if (agents < floor && isOpen(hours, t, grid)) {
            agentHours += ((floor - agents) * grid) / 60;
            atMoment.set(t, floor);
          }
        }
      }
      if (this.keepCurves) curves.push({ name: team.name, tier: team.tier, gridMin: grid, agentsAt: atMoment as Map<number, number> });
      let peak = 0;
      atMoment.forEach((agents, t) => {
        if (agents > peak) peak = agents;
        atTier.set(t, (atTier.get(t) ?? 0) + agents);
      });
      // the team's columns are read: let them go before the next team's moments
      team.agents = team.idle = team.deferredAgents = team.deferredWork = null;
      const scheduledHours = agentHours / (1 - shrinkage);
      const fte = weeks > 0 ? toFte(scheduledHours / weeks, s.contractHours) : 0;
      const headcount = toHeadcount(fte, s.contractFraction);
      let apart = 0;
      for (const id of team.queueIds) apart += separateFte.get(id) ?? 0;
      const skills = [...team.skills].sort();
      const skillsPerPerson = team.pooled ? Math.max(1, skills.length) : 1;
      groups.push({
        name: team.name,
        tier: team.tier,
        pooled: team.pooled,
        queues: team.queueIds.size,
        members: [...team.queueIds].sort(),
        skillsPerPerson,
        skills,
        peakAgents: peak,
        agentHours,
        scheduledHours,
        fte,
        headcount,
        separateFte: apart,
        // sums of the same figures in another order differ by rounding noise: a gain below 1e-9 FTE is none
        poolingGainFte: Math.abs(apart - fte) < 1e-9 ? 0 : apart - fte,
        teamLeads: teamLeadsFor(headcount, team.tier, s),
        trainingHours: headcount * (skillsPerPerson - 1) * s.organisation.trainingHoursPerSkill,
      });
    }
    const peaks: Partial<Record<Tier, number>> = {};
    for (const [tier, atMoment] of tierAgents) {
      let peak = 0;
      atMoment.forEach((a) => {
        if (a > peak) peak = a;
      });
      peaks[tier] = peak;
    }
    const roles = organisationRoles(groups, s, peaks, socialFte);
    return {
      model: s.organisation.model,
      groups,
      ...(this.keepCurves ? { curves } : {}),
      roles,
      socialFte,
      totals: organisationTotals(groups, roles),
    };
  }
}

/**
 * Agents at each moment of a plan's finest grid, by minute: a map, or a
 * {@link GridMoments}. Maxima and sums over them are the same either way.
 */
type Moments = {
  get(t: number): number | undefined;
  set(t: number, agents: number): unknown;
  /** Each moment's agents, in the order first set (the grid: every moment in time order, 0 where none was set). */
  forEach(f: (agents: number, t: number) => void): void;
};

/**
 * Agents at each moment of the horizon's grid in one array (step k: minute
 * first + k × grid), instead of a map entry and a boxed number per moment
 * (a year of 15-minute moments: 280 KB, against about 2 MB for a map). A
 * moment never set reads 0: maxima from 0 and sums are the same as the
 * map's, whose missing moments count as 0.
 */
class GridMoments implements Moments {
  constructor(
    private readonly values: Float64Array,
    private readonly firstMin: number,
    private readonly grid: number,
  ) {}
  get(t: number): number {
    return this.values[(t - this.firstMin) / this.grid]!;
  }
  set(t: number, agents: number): void {
    this.values[(t - this.firstMin) / this.grid] = agents;
  }
  forEach(f: (agents: number, t: number) => void): void {
    const v = this.values;
    for (let k = 0; k < v.length; k++) f(v[k]!, this.firstMin + k * this.grid);
  }
  /** The same array, every moment back to 0. */
  cleared(): this {
    this.values.fill(0);
    return this;
  }
}

/**
 * The number of moments of the horizon's grid (⌈(end − first) ÷ grid⌉),
 * when every moment of every slot (its start, + grid, … before its end) is
 * one of them, in whole minutes; else 0 (moments then go by map).
 */
function momentsOnGrid(index: IntervalIndex, horizon: { firstMin: number; endMin: number; gridMin: number }): number {
  const { firstMin, endMin, gridMin: grid } = horizon;
  if (!(Number.isInteger(firstMin) && Number.isInteger(endMin) && Number.isInteger(grid) && grid > 0 && endMin > firstMin)) return 0;
  const count = Math.ceil((endMin - firstMin) / grid);
  if (count > 1 << 26) return 0;
  for (let n = 0; n < index.count; n++) {
    const start = index.starts[n]!;
    const length = index.lengths[n]!;
    if (!(Number.isInteger(start) && Number.isInteger(length) && start >= firstMin && (start - firstMin) % grid === 0)) return 0;
    // its last moment: start + (⌈length ÷ grid⌉ − 1) × grid
    if (length > 0 && (start - firstMin) / grid + Math.ceil(length / grid) - 1 >= count) return 0;
  }
  return count;
}

/** Team leads of a team of `headcount` people at level `tier`: one per span, rounded up. */
export function teamLeadsFor(headcount: number, tier: Tier, scenario: Scenario): number {
  return headcount === 0 ? 0 : Math.ceil(headcount / scenario.spans.teamLead[tier] - 1e-9);
}

/**
 * The roles of an organisation from its teams: each level's agents (its
 * agents at the busiest moment; FTE and headcount summed over its teams),
 * team leads (each team's), managers (from the team leads), then the
 * support roles by their basis (fixed, per agent headcount, per social FTE).
 *
 * @param peaks - agents at the busiest moment of each level with teams
 * @param socialFte - FTE of agents on social and messaging queues
 */
export function organisationRoles(groups: readonly GroupPlan[], scenario: Scenario, peaks: Partial<Record<Tier, number>>, socialFte: number): RolePlan[] {
  const roles: RolePlan[] = [];
  let agentHeadcount = 0;
  for (const tier of [1, 2, 3] as const) {
    const members = groups.filter((g) => g.tier === tier);
    if (members.length === 0) continue;
    const headcount = members.reduce((n, g) => n + g.headcount, 0);
    agentHeadcount += headcount;
    roles.push({ role: `level-${tier}`, agentsPeak: peaks[tier] ?? 0, fte: members.reduce((n, g) => n + g.fte, 0), headcount });
  }
  const teamLeads = groups.reduce((n, g) => n + g.teamLeads, 0);
  roles.push({ role: "team-lead", agentsPeak: null, fte: teamLeads, headcount: teamLeads });
  const managers = teamLeads === 0 ? 0 : Math.ceil(teamLeads / scenario.spans.manager - 1e-9);
  roles.push({ role: "manager", agentsPeak: null, fte: managers, headcount: managers });
  for (const r of scenario.supportRoles) {
    const need = r.basis === "fixed" ? r.per : (r.basis === "agents" ? agentHeadcount : socialFte) / r.per;
    roles.push({ role: r.role, agentsPeak: null, fte: need, headcount: Math.max(0, Math.ceil(need - 1e-9)) });
  }
  return roles;
}

/** An organisation's totals from its teams and roles. */
export function organisationTotals(groups: readonly GroupPlan[], roles: readonly RolePlan[]): OrganisationPlan["totals"] {
  return {
    fte: roles.reduce((n, r) => n + r.fte, 0),
    headcount: roles.reduce((n, r) => n + r.headcount, 0),
    poolingGainFte: groups.reduce((n, g) => n + g.poolingGainFte, 0),
    trainingHours: groups.reduce((n, g) => n + g.trainingHours, 0),
  };
}

/** Agents of one pool: the pooled queue under every member's targets, at most the members' own sum. */
export function pooledAgents(p: Pool): number {
  return poolAgents(p, p.separate, p.volumeOverPatience, p.allPatient, mergeTargets(p.targets));
}

/** The targets of a pool's members, merged: the strictest of each kind, and each distinct service level (in the order met). */
function mergeTargets(targets: readonly StaffingTargets[]): MergedTargets {
  let maxAsaSec: number | undefined;
  let maxOccupancy: number | undefined;
  let maxAbandonRate: number | undefined;
  const levels: [number | undefined, number | undefined][] = [];
  for (const t of targets) {
    if (t.maxAsaSec !== undefined) maxAsaSec = Math.min(maxAsaSec ?? Infinity, t.maxAsaSec);
    if (t.maxOccupancy !== undefined) maxOccupancy = Math.min(maxOccupancy ?? Infinity, t.maxOccupancy);
    if (t.maxAbandonRate !== undefined) maxAbandonRate = Math.min(maxAbandonRate ?? Infinity, t.maxAbandonRate);
    if (t.serviceLevel !== undefined && !levels.some(([sl, w]) => sl === t.serviceLevel && w === t.answerWithinSec)) levels.push([t.serviceLevel, t.answerWithinSec]);
  }
  if (levels.length === 0) levels.push([undefined, undefined]);
  return { maxAsaSec, maxOccupancy, maxAbandonRate, levels };
}

/** See {@link pooledAgents}. */
function poolAgents(p: PoolFigures, separate: number, volumeOverPatience: number, allPatient: boolean, m: MergedTargets): number {
  // chats of aht_by_concurrency: their members keep their own agents
  if (p.volume <= 0 || p.shaped === true) return separate;
  const patienceSec = allPatient && volumeOverPatience > 0 ? p.volume / volumeOverPatience : undefined;
  const load = { volume: p.volume, ahtSec: p.volumeAht / p.volume, intervalMin: p.intervalMin, patienceSec, concurrency: p.concurrency };
  let agents = 0;
  for (const [serviceLevel, answerWithinSec] of m.levels) {
    const r = requiredAgents(load, { serviceLevel, answerWithinSec, maxAsaSec: m.maxAsaSec, maxOccupancy: m.maxOccupancy, maxAbandonRate: patienceSec === undefined ? undefined : m.maxAbandonRate });
    if (!r.feasible) return separate;
    if (r.agents > agents) agents = r.agents;
  }
  return Math.min(agents, separate);
}

/**
 * Whether a pooled team's live queue of one moment is beyond the models'
 * limits: its members each are within them, their sum may not be (two
 * 66,000-Erlang queues pool to 132,000).
 */
function poolBeyondLimits(p: PoolFigures): ReturnType<typeof queueBeyondLimits> {
  if (p.volume <= 0 || p.shaped === true) return undefined;
  // The load is what pooling can take past its limit (any patience is computed).
  return queueBeyondLimits({ volume: p.volume, ahtSec: p.volumeAht / p.volume, intervalMin: p.intervalMin, concurrency: p.concurrency });
}

/** The error of a pool beyond the models' limits, naming the team, the interval and the load reached. */
function poolLimitError(team: Team, startMin: number, p: PoolFigures, limit: NonNullable<ReturnType<typeof queueBeyondLimits>>): PlanLimitError {
  const queue = { volume: p.volume, ahtSec: p.volumeAht / p.volume, intervalMin: p.intervalMin, concurrency: p.concurrency };
  const { value, max } = limitFigures(limit, queue);
  return new PlanLimitError({
    limit,
    subject: `team ${JSON.stringify(team.name)} (level ${team.tier}, ${team.queueIds.size} queues pooled)`,
    startMin,
    line: undefined,
    value,
    max,
    factors: ["pooling its live queues"],
    hint: "split the team: organisation separate, specialised-by-typology, specialised-by-channel or groups",
  });
}
