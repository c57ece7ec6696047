import { fte as toFte, headcount as toHeadcount } from "../core/people.js";
import { queueBeyondLimits, requiredAgents, type StaffingTargets } from "../core/required-agents.js";
import type { Tier } from "./forecast.js";
import type { IntervalPlan } from "./interval.js";
import { groupName, type OrganisationModel } from "./organisation.js";
import { limitFigures, PlanLimitError } from "./plan-limit.js";
import { isOpen, targetsFor, typologyKey, type Scenario } from "./scenario.js";

/** What pooling a live interval needs beyond its plan: the queue's patience, concurrency and merged targets. */
export interface LiveLoad {
  patienceSec: number | undefined;
  concurrency: number;
  targets: StaffingTargets;
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

/** One interval of one team (teams with queues on several grids have one slot per start and length). */
interface Slot {
  startMin: number;
  intervalMin: number;
  /** Agents of members not pooled (every member when the team is not pooled). */
  agents: number;
  /** Pooled team: agents of its deferred (async, outbound) members, and the work they do, Erlangs. */
  deferredAgents: number;
  deferredWork: number;
  pools: Pool[] | null;
}

class Team {
  readonly queueIds = new Set<string>();
  readonly skills = new Set<string>();
  readonly slots = new Map<number, Slot>();
  constructor(
    readonly name: string,
    readonly tier: Tier,
    readonly pooled: boolean,
  ) {}
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
 */
export class GroupStaffing {
  private readonly teams = new Map<string, Team>();
  private readonly teamOfQueue = new Map<string, Team>();
  private readonly pooled: boolean;
  /** Outbound occupancy per channel (to staff blended work again in a pooled team). */
  private readonly outboundOccupancy = new Map<string, number>();

  constructor(
    private readonly scenario: Scenario,
    /** Levels that get a team for their minimum presence even without work (one site among several takes each level's). */
    private readonly floorWithoutWork: ReadonlySet<Tier> = new Set([1, 2, 3]),
    /** Keep each team's agents per interval in the result's `curves` (for schedules). */
    private readonly keepCurves = false,
  ) {
    this.pooled = scenario.organisation.model !== "separate";
  }

  private team(name: string, tier: Tier): Team {
    const key = `${name}\u001f${tier}`;
    let team = this.teams.get(key);
    if (team === undefined) this.teams.set(key, (team = new Team(name, tier, this.pooled)));
    return team;
  }

  /** Take one planned interval of queue `id` (see `queueId`); `live` for a sync interval (needed to pool it). */
  add(i: IntervalPlan, id: string, live: LiveLoad | undefined): void {
    let team = this.teamOfQueue.get(id);
    if (team === undefined) {
      team = this.team(groupName(this.scenario.organisation, i, typologyKey), i.tier);
      team.queueIds.add(id);
      team.skills.add(`${i.typology}:${i.channel}`);
      this.teamOfQueue.set(id, team);
    }
    const key = i.startMin * 2048 + i.intervalMin; // one slot per start and length (lengths ≤ 1,440 min)
    let slot = team.slots.get(key);
    if (slot === undefined) {
      slot = { startMin: i.startMin, intervalMin: i.intervalMin, agents: 0, deferredAgents: 0, deferredWork: 0, pools: null };
      team.slots.set(key, slot);
    }
    if (!team.pooled) {
      slot.agents += i.agents;
      return;
    }
    if (live === undefined) {
      slot.deferredAgents += i.agents;
      slot.deferredWork += i.agents * (i.occupancy ?? 1);
      if (i.blendedErlangs !== null && i.blendedErlangs > 0) {
        // Blending lent this work to the idle time of inbound queues staffed apart; a pooled team has
        // less idle time, so the work comes back here and fills the team's own idle time like any deferred work.
        slot.deferredAgents += i.blendedErlangs / this.occupancyOf(i.channel);
        slot.deferredWork += i.blendedErlangs;
      }
      return;
    }
    const pools = (slot.pools ??= []);
    let pool = pools.find((p) => p.concurrency === live.concurrency);
    if (pool === undefined) {
      pool = { intervalMin: i.intervalMin, concurrency: live.concurrency, volume: 0, volumeAht: 0, volumeOverPatience: 0, allPatient: true, separate: 0, targets: [] };
      pools.push(pool);
    }
    pool.separate += i.agents;
    if (i.volume > 0) {
      pool.volume += i.volume;
      pool.volumeAht += i.volume * i.ahtSec;
      if (live.patienceSec === undefined) pool.allPatient = false;
      else pool.volumeOverPatience += i.volume / live.patienceSec;
      if (!pool.targets.includes(live.targets)) pool.targets.push(live.targets);
    }
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
   */
  finish(
    separateFte: ReadonlyMap<string, number>,
    socialFte: number,
    weeks: number,
    shrinkage: number,
    horizon: { firstMin: number; endMin: number; gridMin: number } | null,
  ): OrganisationPlan {
    const s = this.scenario;
    const minOnDuty = s.tiers?.minOnDuty ?? { 1: 0, 2: 0, 3: 0 };
    // a level with a minimum presence has a team even when no work reaches it
    if (horizon !== null) {
      for (const tier of [1, 2, 3] as const) {
        if (minOnDuty[tier] > 0 && this.floorWithoutWork.has(tier) && ![...this.teams.values()].some((t) => t.tier === tier)) this.team(`level ${tier}`, tier);
      }
    }
    const hours = s.openingHours.default;
    const fillUpTo = s.organisation.fillIdleTime ? s.organisation.fillOccupancy : 0;
    const tierAgents = new Map<Tier, Map<number, number>>();
    const groups: GroupPlan[] = [];
    const curves: TeamCurve[] = [];
    const ordered = [...this.teams.values()].sort((a, b) => a.tier - b.tier || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const team of ordered) {
      let agentHours = 0;
      let atTier = tierAgents.get(team.tier);
      if (atTier === undefined) tierAgents.set(team.tier, (atTier = new Map()));
      /** The team's agents at each moment of the plan's finest grid (slots of longer intervals cover several). */
      const atMoment = new Map<number, number>();
      const grid = horizon?.gridMin ?? 1;      for (const slot of team.slots.values()) {
        let agents = slot.agents;
        let idle = 0;
        if (slot.pools !== null) {
          for (const p of slot.pools) {
            checkPoolLimits(team, slot.startMin, p);
            const n = pooledAgents(p);
            agents += n;
            idle += Math.max(0, n * fillUpTo - p.volumeAht / (p.intervalMin * 60) / p.concurrency);
          }
        }
        if (slot.deferredAgents > 0) {
          // deferred work fills the live agents' idle time first
          const filled = fillUpTo > 0 ? Math.min(idle, slot.deferredWork) : 0;
          agents += slot.deferredWork > 0 ? slot.deferredAgents * (1 - filled / slot.deferredWork) : slot.deferredAgents;
        }
        agentHours += (agents * slot.intervalMin) / 60;
        for (let t = slot.startMin; t < slot.startMin + slot.intervalMin; t += grid) atMoment.set(t, (atMoment.get(t) ?? 0) + agents);
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
      if (this.keepCurves) curves.push({ name: team.name, tier: team.tier, gridMin: grid, agentsAt: atMoment });
      let peak = 0;
      for (const [t, agents] of atMoment) {
        if (agents > peak) peak = agents;
        atTier.set(t, (atTier.get(t) ?? 0) + agents);
      }
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
      for (const a of atMoment.values()) if (a > peak) peak = a;
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
  if (p.volume <= 0) return p.separate;
  const patienceSec = p.allPatient && p.volumeOverPatience > 0 ? p.volume / p.volumeOverPatience : undefined;
  const load = { volume: p.volume, ahtSec: p.volumeAht / p.volume, intervalMin: p.intervalMin, patienceSec, concurrency: p.concurrency };
  let maxAsaSec: number | undefined;
  let maxOccupancy: number | undefined;
  let maxAbandonRate: number | undefined;
  const levels: [number | undefined, number | undefined][] = [];
  for (const t of p.targets) {
    if (t.maxAsaSec !== undefined) maxAsaSec = Math.min(maxAsaSec ?? Infinity, t.maxAsaSec);
    if (t.maxOccupancy !== undefined) maxOccupancy = Math.min(maxOccupancy ?? Infinity, t.maxOccupancy);
    if (t.maxAbandonRate !== undefined) maxAbandonRate = Math.min(maxAbandonRate ?? Infinity, t.maxAbandonRate);
    if (t.serviceLevel !== undefined && !levels.some(([sl, w]) => sl === t.serviceLevel && w === t.answerWithinSec)) levels.push([t.serviceLevel, t.answerWithinSec]);
  }
  if (levels.length === 0) levels.push([undefined, undefined]);
  let agents = 0;
  for (const [serviceLevel, answerWithinSec] of levels) {
    const r = requiredAgents(load, { serviceLevel, answerWithinSec, maxAsaSec, maxOccupancy, maxAbandonRate: patienceSec === undefined ? undefined : maxAbandonRate });
    if (!r.feasible) return p.separate;
    if (r.agents > agents) agents = r.agents;
  }
  return Math.min(agents, p.separate);
}

/**
 * A pooled team's live queue of one moment must stay within the models'
 * limits: its members each do, their sum may not (two 66,000-Erlang queues
 * pool to 132,000).
 * @throws PlanLimitError naming the team, the interval and the load reached
 */
function checkPoolLimits(team: Team, startMin: number, p: Pool): void {
  if (p.volume <= 0) return;
  // The load is what pooling can take past its limit (any patience is computed).
  const queue = { volume: p.volume, ahtSec: p.volumeAht / p.volume, intervalMin: p.intervalMin, concurrency: p.concurrency };
  const limit = queueBeyondLimits(queue);
  if (limit === undefined) return;
  const { value, max } = limitFigures(limit, queue);
  throw new PlanLimitError({
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
