import { HorizonTracker } from "./calendar.js";
import { combinedShrinkage, fte as toFte } from "../core/people.js";
import { queueBeyondLimits, requiredAgents, type StaffingTargets } from "../core/required-agents.js";
import { siteCost, WEEKS_PER_YEAR, type CostedRole, type SiteCost } from "./cost.js";
import { QueueMap, type ChannelClass, type ForecastRow } from "./forecast.js";
import type { IntervalPlan } from "./interval.js";
import { Planner, type Plan } from "./plan.js";
import { levelFactors, RowLimits } from "./plan-limit.js";
import { hasOwnTargets, targetsCache, typologyKey, type QueueTargets, type Scenario, type TargetsCache } from "./scenario.js";
import { IMPLICIT_SITE, matchesFlow, siteScenario, type Site } from "./sites.js";
import { Escalator } from "./tiers.js";
import type { AhtShapeNote } from "./chat-shape.js";

/** What-if factors applied to every forecast row. */
export interface WhatIf {
  /** Volumes × this (1 = as forecast). */
  volumeFactor: number;
  /** Handle times × this (1 = as forecast). */
  ahtFactor: number;
}

/** One site's part of a scenario. */
export interface SitePlan {
  site: Site;
  plan: Plan;
  cost: SiteCost;
}

/** Service achieved by one channel class over every site. */
export interface ClassService {
  channelClass: ChannelClass;
  volume: number;
  /** Volume-weighted (sync only; null otherwise or without volume). */
  serviceLevel: number | null;
  asaSec: number | null;
  abandonRate: number | null;
  missedIntervals: number;
}

/** A scenario planned over all its sites, with costs. */
export interface SourcingPlan {
  scenario: string;
  /** Flows no allocation rule matches (`typology / channel / direction / level N`): not planned, an input error. */
  unallocated: string[];
  /** The service targets the scenario plans to (class, channel and level targets), as one comparable text. */
  targets: string;
  currency: string;
  weeks: number;
  sites: SitePlan[];
  /** Roles summed over the sites (levels, team leads, managers, support roles), in first-seen order. */
  roles: CostedRole[];
  service: ClassService[];
  totals: {
    fte: number;
    headcount: number;
    weeklyCost: number | null;
    annualCost: number | null;
    oneOffCost: number | null;
    /** Weekly cost ÷ level-1 contacts handled a week. */
    costPerContact: number | null;
    /** Live (sync) service level over every site, volume-weighted. */
    serviceLevel: number | null;
    missedIntervals: number;
    /**
     * FTE lost by splitting live flows over several dedicated sites: the
     * parts' agents minus the agents of each flow kept whole (volume-weighted
     * AHT), interval by interval, at the scenario's shrinkage and contract.
     */
    splitLossFte: number;
  };
}

/** Share of a flow going to each site (site index, share). */
type Shares = readonly (readonly [number, number])[];

/**
 * Plans a forecast over the sites of a scenario (SPEC 5.7): rows are
 * scaled by the what-if factors, escalated to levels 2 and 3 (with the
 * scenario's tiers), then each flow (typology, channel, direction, tier) is
 * shared among sites by the first allocation rule that matches it, and each
 * site plans its part with its own parameters (AHT × its productivity
 * factor, its shrinkage, hours, spans, organisation, sharing).
 */
export class SourcingPlanner {
  private readonly sites: Site[];
  private readonly planners: Planner[];
  private readonly scenarios: Scenario[];
  private readonly escalator: Escalator | undefined;
  /** Each site's check of the rows it plans against the models' limits, after every factor. */
  private readonly limits: RowLimits[];
  /** Each flow's shares, by queue (no key string made per row). */
  private readonly shares = new QueueMap<Shares>();
  private splitLossHours = 0;
  /** Targets of a live row (the scenario's, shared by rows without their own), and each row's dedicated sites' shares by its shares. */
  private readonly targetsOf: TargetsCache;
  private readonly dedicatedOf = new Map<Shares, Shares>();
  /** The staffing targets splitLoss solves to, by merged targets: [no patience, with patience]. */
  private readonly splitTargets = new Map<QueueTargets, [StaffingTargets, StaffingTargets]>();
  private readonly unallocated: string[] = [];
  /** The forecast's horizon over every row (each site sees only part of it). */
  private readonly tracker: HorizonTracker;

  constructor(
    private readonly scenario: Scenario,
    private readonly whatIf: WhatIf = { volumeFactor: 1, ahtFactor: 1 },
    /** Stream the intervals of one site (by index) as they are planned (for `plan --site … --report intervals`). */
    stream?: { site: number; onInterval: (i: IntervalPlan) => void },
    /**
     * `keepTeamCurves`: keep each team's agents per interval at the sites that have shifts (for `--shifts` and `ccplan shifts`);
     * `timeOrdered`: the rows will come in time order (starts never decrease), so teams solve their pools as each interval ends.
     */
    options: { keepTeamCurves?: boolean; timeOrdered?: boolean } = {},
  ) {
    this.sites = scenario.sites.length > 0 ? scenario.sites : [IMPLICIT_SITE];
    this.scenarios = this.sites.map((site) => siteScenario(scenario, site));
    // A level's minimum presence without work goes to the first site that allocation would send that level's work to.
    const floorSite = ([1, 2, 3] as const).map((tier) => {
      if (scenario.sites.length === 0) return 0;
      const rule = scenario.allocation.find((r) => r.match.tiers === undefined || r.match.tiers.includes(tier));
      const to = rule?.to.find(([, share]) => share > 0)?.[0];
      return to === undefined ? -1 : this.sites.findIndex((s) => s.name === to);
    });
    this.planners = this.scenarios.map(
      (s, k) =>
        new Planner(s, {
          escalate: false,
          checkLimits: false, // checked in route, with the site's and the what-if's factors named
          floorWithoutWork: new Set(([1, 2, 3] as const).filter((tier) => floorSite[tier - 1] === k)),
          ...(stream?.site === k ? { onInterval: stream.onInterval } : {}),
          keepTeamCurves: options.keepTeamCurves === true && s.shifts !== null,
          timeOrdered: options.timeOrdered === true,
        }),
    );
    this.escalator = scenario.tiers === null ? undefined : new Escalator(scenario.tiers, typologyKey);
    this.tracker = new HorizonTracker(scenario.weekStart);
    this.targetsOf = targetsCache(scenario);
    this.limits = this.scenarios.map((s, k) => new RowLimits(s, (row) => this.factorsOf(row, k)));
  }

  /** The factors that shaped a row planned at site `k`, as the user wrote them (for a PLAN_LIMIT message). */
  private factorsOf(row: ForecastRow, k: number): string[] {
    const out: string[] = [];
    if (this.whatIf.volumeFactor !== 1) out.push(`--volume-factor ${this.whatIf.volumeFactor}`);
    if (this.whatIf.ahtFactor !== 1) out.push(`--aht-factor ${this.whatIf.ahtFactor}`);
    out.push(...levelFactors(this.escalator, row));
    const site = this.sites[k]!;
    if (site.ahtFactor !== 1) out.push(`site ${JSON.stringify(site.name)} aht_factor ${site.ahtFactor}`);
    return out;
  }

  /**
   * Say, before the first row, the queues the forecast has (a row of each;
   * more is harmless), for the sites' planners to keep less per interval
   * (see {@link Planner.expectQueues}): each queue, and the work it
   * escalates, at every site.
   */
  expectQueues(rows: readonly ForecastRow[]): void {
    const all = this.escalator === undefined ? rows : rows.flatMap((r) => [r, ...this.escalator!.escalate(r)]);
    for (const planner of this.planners) planner.expectQueues(all);
  }

  /**
   * Plan one forecast row, and the work it escalates, on the sites its flows go to (what-if factors on every level's rows).
   * @throws PlanLimitError when a factor takes a queue past a limit of the models (the load, the concurrency)
   */
  add(row: ForecastRow): void {
    this.tracker.add(row.startMin, row.intervalMin, row.volume + (row.attempts ?? 0));
    this.route(this.scaled(row));
    if (this.escalator !== undefined) for (const r of this.escalator.escalate(row)) this.route(this.scaled(r));
  }

  /** A row under the what-if factors (volumes, attempts and handle times, also a level's own AHT). */
  private scaled(row: ForecastRow): ForecastRow {
    const { volumeFactor, ahtFactor } = this.whatIf;
    if (volumeFactor === 1 && ahtFactor === 1) return row;
    const out = { ...row, volume: row.volume * volumeFactor, ahtSec: row.ahtSec * ahtFactor, attempts: row.attempts === undefined ? undefined : row.attempts * volumeFactor };
    if (row.volumeRecipe !== undefined) out.volumeRecipe = row.volumeRecipe.times(volumeFactor);
    return out;
  }

  /** The shares of a flow among sites (none when no allocation rule matches it: recorded in `unallocated`). */
  private sharesOf(row: ForecastRow): Shares {
    let shares = this.shares.get(row);
    if (shares === undefined) {
      if (this.scenario.sites.length === 0) shares = [[0, 1]];
      else {
        const rule = this.scenario.allocation.find((r) => matchesFlow(r.match, row, typologyKey));
        if (rule === undefined) {
          this.unallocated.push(describeFlow(row));
          shares = [];
        } else shares = rule.to.filter(([, share]) => share > 0).map(([name, share]) => [this.sites.findIndex((s) => s.name === name), share] as const);
      }
      this.shares.set(row, shares);
    }
    return shares;
  }

  private route(row: ForecastRow): void {
    const shares = this.sharesOf(row);
    if (shares.length === 0) return;
    if (shares.length === 1 && shares[0]![1] === 1 && this.sites[shares[0]![0]]!.ahtFactor === 1) {
      this.limits[shares[0]![0]]!.check(row);
      this.planners[shares[0]![0]]!.add(row);
      return;
    }
    for (const [k, share] of shares) {
      const factor = this.sites[k]!.ahtFactor;
      const part = {
        ...row,
        volume: row.volume * share,
        ahtSec: row.ahtSec * factor,
        attempts: row.attempts === undefined ? undefined : row.attempts * share,
      };
      if (row.volumeRecipe !== undefined) part.volumeRecipe = row.volumeRecipe.times(share);
      this.limits[k]!.check(part);
      this.planners[k]!.add(part);
    }
    if (row.channelClass === "sync") this.splitLoss(row, shares);
  }

  /** Agent-hours lost in this interval by splitting a live flow over several dedicated sites. */
  private splitLoss(row: ForecastRow, shares: Shares): void {
    let parts = this.dedicatedOf.get(shares);
    if (parts === undefined) this.dedicatedOf.set(shares, (parts = shares.filter(([k]) => this.sites[k]!.sharing === "dedicated")));
    if (parts.length < 2 || row.volume <= 0) return;
    const t = this.targetsOf(row);
    const patienceSec = row.patienceSec ?? t.patienceSec;
    let solved = this.splitTargets.get(t);
    if (solved === undefined) {
      const of = (patient: boolean): StaffingTargets => ({
        serviceLevel: t.serviceLevel,
        answerWithinSec: t.serviceLevel === undefined ? undefined : (t.answerWithinSec ?? 20),
        maxAsaSec: t.maxAsaSec,
        maxOccupancy: t.maxOccupancy,
        maxAbandonRate: patient ? t.maxAbandonRate : undefined,
      });
      solved = [of(false), of(true)];
      // a row with targets of its own brings new ones each time: not kept
      if (!hasOwnTargets(row)) this.splitTargets.set(t, solved);
    }
    const targets = solved[patienceSec === undefined ? 0 : 1];
    const concurrency = row.concurrency ?? t.concurrency;
    let apart = 0;
    let volume = 0;
    let volumeAht = 0;
    for (const [k, share] of parts) {
      const v = row.volume * share;
      const aht = row.ahtSec * this.sites[k]!.ahtFactor;
      const r = requiredAgents({ volume: v, ahtSec: aht, intervalMin: row.intervalMin, patienceSec, concurrency }, targets);
      if (!r.feasible) return;
      apart += r.agents;
      volume += v;
      volumeAht += v * aht;
    }
    const wholeQueue = { volume, ahtSec: volumeAht / volume, intervalMin: row.intervalMin, patienceSec, concurrency };
    // Each part is within the models' limits (checked in route); the flow kept whole may not be: then
    // no split loss is computed for this interval (at such a load, one queue or several need the same agents).
    if (queueBeyondLimits(wholeQueue) !== undefined) return;
    const whole = requiredAgents(wholeQueue, targets);
    // The flow kept whole can always be run as these parts, with their agents: it never needs more. (Under an
    // occupancy cap with abandonment it can solve to more — smaller queues lose more callers, carry less
    // and so need fewer agents to stay under the cap — but then the parts' staffing is the whole's too.)
    if (whole.feasible) this.splitLossHours += (Math.max(0, apart - whole.agents) * row.intervalMin) / 60;
  }

  /** The sites' warnings about `aht_by_concurrency` (see {@link Planner.ahtShapeNotes}), each once, by site. */
  ahtShapeNotes(): AhtShapeNote[] {
    const seen = new Set<string>();
    return this.planners.flatMap((p) => p.ahtShapeNotes()).filter((n) => !seen.has(n.message) && seen.add(n.message) !== undefined);
  }

  /**
   * Staff every site, cost it, and add it all up.
   * @param adjust - turns a site's plan into the one to cost (under `--shifts`: people from its schedules)
   */
  finish(adjust?: (site: Site, plan: Plan, scenario: Scenario) => Plan): SourcingPlan {
    const horizon = this.tracker.horizon(this.scenario.horizonWeeks);
    const sites: SitePlan[] = this.planners.map((p, k) => {
      const planned = p.finish(horizon);
      const plan = adjust === undefined ? planned : adjust(this.sites[k]!, planned, this.scenarios[k]!);
      return { site: this.sites[k]!, plan, cost: siteCost(this.sites[k]!, plan, this.scenarios[k]!) };
    });
    const weeks = Math.max(0, ...sites.map((s) => s.plan.weeks));
    const roles: CostedRole[] = [];
    for (const s of sites) {
      for (const r of s.cost.roles) {
        const sum = roles.find((x) => x.role === r.role);
        if (sum === undefined) roles.push({ ...r });
        else {
          sum.fte += r.fte;
          sum.headcount += r.headcount;
          sum.weeklyCost = sum.weeklyCost === null || r.weeklyCost === null ? null : sum.weeklyCost + r.weeklyCost;
        }
      }
    }
    const costed = sites.every((s) => s.cost.weeklyCost !== null);
    const sum = (f: (c: SiteCost) => number | null) => (costed ? sites.reduce((n, s) => n + f(s.cost)!, 0) : null);
    const weeklyCost = sum((c) => c.weeklyCost);
    const handled = sites.reduce((n, s) => n + s.cost.handledPerWeek, 0);
    const service = classService(sites);
    const shrinkage = combinedShrinkage(Object.values(this.scenario.shrinkage));
    return {
      scenario: this.scenario.name,
      unallocated: this.unallocated,
      targets: JSON.stringify([this.scenario.targets, this.scenario.tiers?.level2.targets ?? null, this.scenario.tiers?.level3.targets ?? null]),
      currency: this.scenario.currency,
      weeks,
      sites,
      roles,
      service,
      totals: {
        fte: roles.reduce((n, r) => n + r.fte, 0),
        headcount: roles.reduce((n, r) => n + r.headcount, 0),
        weeklyCost,
        annualCost: sum((c) => c.annualCost),
        oneOffCost: sum((c) => c.oneOffCost),
        costPerContact: weeklyCost === null || handled <= 0 ? null : weeklyCost / handled,
        serviceLevel: service.find((c) => c.channelClass === "sync")?.serviceLevel ?? null,
        missedIntervals: service.reduce((n, c) => n + c.missedIntervals, 0),
        splitLossFte: weeks > 0 ? toFte(this.splitLossHours / (1 - shrinkage) / weeks, this.scenario.contractHours) : 0,
      },
    };
  }
}

function describeFlow(q: ForecastRow): string {
  return `${q.typology} / ${q.channel} / ${q.direction} / level ${q.tier}`;
}

/** Service per channel class over every site's queues (volume-weighted; ASA by answered volume). */
function classService(sites: SitePlan[]): ClassService[] {
  const out: ClassService[] = [];
  for (const channelClass of ["sync", "async", "outbound"] as const) {
    let volume = 0;
    let slVolume = 0;
    let sl = 0;
    let answered = 0;
    let asa = 0;
    let abVolume = 0;
    let ab = 0;
    let missed = 0;
    for (const s of sites) {
      for (const q of s.plan.queues) {
        if (q.queue!.channelClass !== channelClass) continue;
        volume += q.volume;
        missed += q.missedIntervals;
        if (q.serviceLevel !== null) {
          slVolume += q.volume;
          sl += q.volume * q.serviceLevel;
          const a = q.volume * (1 - (q.abandonRate ?? 0));
          answered += a;
          asa += a * (q.asaSec ?? 0);
        }
        if (q.abandonRate !== null) {
          abVolume += q.volume;
          ab += q.volume * q.abandonRate;
        }
      }
    }
    if (volume === 0 && missed === 0) continue;
    out.push({
      channelClass,
      volume,
      serviceLevel: slVolume > 0 ? sl / slVolume : null,
      asaSec: answered > 0 ? asa / answered : null,
      abandonRate: abVolume > 0 ? ab / abVolume : null,
      missedIntervals: missed,
    });
  }
  return out;
}

/** Cost over `years`: running cost of that many years plus the one-off costs (null without costs). */
export function costOverYears(p: SourcingPlan, years: number): number | null {
  const { annualCost, oneOffCost } = p.totals;
  return annualCost === null || oneOffCost === null ? null : annualCost * years + oneOffCost;
}

export { WEEKS_PER_YEAR };
