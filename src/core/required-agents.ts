import { erlangAMetricsUnchecked } from "./erlang-a.js";
import { erlangBInverseUnchecked } from "./erlang-b.js";
import { erlangCMetricsFromInverseB, type QueueMetrics } from "./erlang-c.js";
import { requiredAgentsChat } from "./erlang-chat.js";
import { MAX_TRAFFIC_ERLANGS, trafficErlangs } from "./traffic.js";

/** One queue to staff, in the units planners use. */
export interface QueueLoad {
  /** Contacts offered in the interval (≥ 0). */
  volume: number;
  /** Average handle time per contact (per session with concurrency), seconds (> 0). */
  ahtSec: number;
  /** Interval length, minutes (> 0). */
  intervalMin: number;
  /** Mean patience before a waiting contact abandons, seconds; given → Erlang A. */
  patienceSec?: number | undefined;
  /** Sessions one agent handles at once (chat/messaging), a whole number ≥ 1; default 1. */
  concurrency?: number | undefined;
  /**
   * Mean duration of a chat while its agent holds 1..k chats, seconds (k =
   * `concurrency`); given with values that differ → the chat chain
   * (`erlang-chat`, see erlang-chat.ts), `ahtSec` then being the last value.
   */
  ahtByConcurrencySec?: readonly number[] | undefined;
}

/** Service targets; every one that is given must be met. */
export interface StaffingTargets {
  /** Minimum share of offered contacts answered within `answerWithinSec` (0..1). */
  serviceLevel?: number | undefined;
  /** Threshold of the service level, seconds (≥ 0); needed with `serviceLevel`. */
  answerWithinSec?: number | undefined;
  /** Maximum average speed of answer, seconds (> 0 to be reachable). */
  maxAsaSec?: number | undefined;
  /** Maximum occupancy (0..1]. */
  maxOccupancy?: number | undefined;
  /** Maximum share of offered contacts that abandon (Erlang A only; ignored without patience). */
  maxAbandonRate?: number | undefined;
}

/** A target, or the stability floor N > A of Erlang C, or the floor of one agent. */
export type Binding = "service-level" | "asa" | "occupancy" | "abandonment" | "stability" | "minimum" | "none";

/** The answer of {@link requiredAgents}. */
export interface StaffingResult {
  /** Agents needed (whole people logged in); 0 for zero volume. */
  agents: number;
  /** Servers the queue model sees: agents × concurrency. */
  servers: number;
  /** Offered load, Erlangs (volume × AHT / interval). */
  trafficErlangs: number;
  /** The queueing model used. */
  model: "erlang-c" | "erlang-a" | "erlang-chat";
  /** False when no number of agents can meet the targets; then `agents` is 0 and `reason` says why. */
  feasible: boolean;
  /** The target(s) that fail with one agent fewer (joined with "+"), or what floors the answer. */
  binding: string;
  /** Why the request cannot be met (only when `feasible` is false). */
  reason?: string | undefined;
  /** Metrics at `agents` (when feasible). */
  metrics: QueueMetrics;
}

/** Most sessions one agent may handle at once. */
export const MAX_CONCURRENCY = 1000;
/** Most servers a search considers; beyond, a request is reported unreachable. */
export const MAX_SERVERS = 10_000_000;

/** A limit of {@link requiredAgents} that a queue goes past. */
export type QueueLimit = "load" | "concurrency";

/**
 * Which limit of the solvers a queue goes past, if any — the load
 * (volume × AHT ÷ interval ≤ {@link MAX_TRAFFIC_ERLANGS}) or the concurrency
 * (≤ {@link MAX_CONCURRENCY}); any patience is computed (Erlang A at any
 * patience, see erlangAMetrics). Callers check their queues with it (after every
 * factor they apply) and report the queue, so that {@link requiredAgents}
 * never meets one: past them it throws (a broken precondition).
 * Cheap: a few multiplications, no allocation.
 *
 * @example
 * queueBeyondLimits({ volume: 100, ahtSec: 180, intervalMin: 30 }); // undefined
 * queueBeyondLimits({ volume: 1e6, ahtSec: 600, intervalMin: 15 }); // "load" (666,667 Erlangs)
 */
export function queueBeyondLimits(queue: QueueLoad): QueueLimit | undefined {
  if (!((queue.volume * queue.ahtSec) / (queue.intervalMin * 60) <= MAX_TRAFFIC_ERLANGS)) return "load";
  if (queue.concurrency !== undefined && queue.concurrency > MAX_CONCURRENCY) return "concurrency";
  return undefined;
}

const EMPTY_METRICS: QueueMetrics = { probWait: 0, serviceLevel: 1, asaSec: 0, occupancy: 0, abandonRate: 0 };
const NO_METRICS: QueueMetrics = { probWait: NaN, serviceLevel: NaN, asaSec: NaN, occupancy: NaN, abandonRate: NaN };

/**
 * The smallest number of agents that meets every target given, with the
 * metrics at that number and the binding target.
 *
 * Model: Erlang C (M/M/N), or Erlang A (M/M/N+M) when `patienceSec` is
 * given. With `concurrency` k, each agent is k servers of an M/M/(kN) queue
 * whose handle time is the session's duration at that concurrency (see the
 * README, "Chat concurrency"); occupancy is then the share of session slots
 * in use.
 *
 * Minimality is exact: every target is monotone in the number of servers, so
 * Erlang C walks up from the lowest candidate (⌊A⌋ + 1, or A / max occupancy)
 * with O(1) work per step after an O(√A) start; Erlang A gallops from the
 * Erlang C answer and bisects, and always checks that one server fewer fails.
 *
 * Unreachable requests return `feasible: false` with a reason instead of
 * looping: a service level of 100 %, an ASA or abandonment cap of 0, an
 * occupancy cap of 0.
 *
 * @param queue - the load: volume, AHT (s), interval (min), optional patience (s) and concurrency
 * @param targets - service level within a threshold, ASA cap (s), occupancy cap, abandonment cap
 * @returns agents, servers, load (Erlangs), model, feasibility, binding target and metrics
 * @throws RangeError when an argument is outside its domain (a broken precondition)
 * @example
 * requiredAgents({ volume: 100, ahtSec: 180, intervalMin: 30 }, { serviceLevel: 0.8, answerWithinSec: 20 });
 * // { agents: 14, trafficErlangs: 10, binding: "service-level", metrics: { serviceLevel: 0.88835, … } }
 */
export function requiredAgents(queue: QueueLoad, targetsGiven: StaffingTargets): StaffingResult {
  // One fixed shape for the targets, whatever keys the caller's object has:
  // the solver reads them often, and monomorphic reads are cheap.
  const targets: StaffingTargets = {
    serviceLevel: targetsGiven.serviceLevel,
    answerWithinSec: targetsGiven.answerWithinSec,
    maxAsaSec: targetsGiven.maxAsaSec,
    maxOccupancy: targetsGiven.maxOccupancy,
    maxAbandonRate: targetsGiven.maxAbandonRate,
  };
  const load = trafficErlangs(queue.volume, queue.ahtSec, queue.intervalMin);
  const concurrency = queue.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new RangeError(`requiredAgents needs a whole concurrency from 1 to ${MAX_CONCURRENCY}, got ${concurrency}`);
  }
  const patience = queue.patienceSec;
  if (patience !== undefined && (!(patience > 0) || Number.isNaN(patience))) {
    throw new RangeError(`requiredAgents needs patienceSec > 0, got ${patience}`);
  }
  checkTargets(targets);
  const erlangA = patience !== undefined && Number.isFinite(patience);
  // AHTs that differ by concurrency: the chat chain (equal ones are the one-AHT model below)
  const byConcurrency = queue.ahtByConcurrencySec;
  const chat = byConcurrency !== undefined && byConcurrency.some((a) => a !== byConcurrency[0]);
  const model = chat ? "erlang-chat" : erlangA ? "erlang-a" : "erlang-c";

  if (load === 0) return answer(load, model, 0, 0, "none", EMPTY_METRICS);
  const impossible = unreachableReason(targets, erlangA);
  if (impossible !== undefined) return infeasible(load, model, impossible.binding, impossible.reason);
  if (chat) {
    if (byConcurrency.length !== concurrency || patience !== undefined) {
      throw new RangeError(`requiredAgents needs ${concurrency} AHTs by concurrency and no patience, got ${byConcurrency.length}`);
    }
    return requiredAgentsChat({ volume: queue.volume, intervalMin: queue.intervalMin, ahtByConcurrencySec: byConcurrency }, targets);
  }

  if (!erlangA) {
    const solved = solveErlangC(load, queue.ahtSec, targets, concurrency);
    if (typeof solved === "string") return infeasible(load, model, "none", solved);
    return answer(load, model, solved.agents, solved.servers, solved.binding, solved.metrics);
  }

  startErlangA(load, queue.ahtSec, patience, targets.answerWithinSec ?? 0);
  const minServers = minServersErlangA(load, queue.ahtSec, targets);
  if (typeof minServers === "string") return infeasible(load, model, "none", minServers);
  const agents = Math.ceil(minServers / concurrency);
  const servers = agents * concurrency;
  const metrics = evaluateA(servers);
  const fewer = servers - concurrency;
  const binding = fewer < 1 ? "minimum" : failedTargets(evaluateA(fewer), targets, true);
  return answer(load, model, agents, servers, binding, metrics);
}

// The Erlang A search of one requiredAgents call evaluates each count once; the
// answer and the count below it are always among those evaluated, so it
// remembers them. Module state rather than a closure per call (a closure per
// solve is an allocation, and in the bundle, kept names, a defineProperty):
// requiredAgents is synchronous and never re-entered, and each call resets it.
const seenServers: number[] = [];
const seenMetrics: QueueMetrics[] = [];
let seenCount = 0;
let aLoad = 0;
let aAhtSec = 0;
let aPatienceSec = 0;
let aWithinSec = 0;

/** Start an Erlang A search: its queue, and nothing evaluated yet. */
function startErlangA(load: number, ahtSec: number, patienceSec: number, answerWithinSec: number): void {
  aLoad = load;
  aAhtSec = ahtSec;
  aPatienceSec = patienceSec;
  aWithinSec = answerWithinSec;
  seenCount = 0;
}

/** The metrics at `servers` of the search's queue (see {@link startErlangA}), each count computed once. */
function evaluateA(servers: number): QueueMetrics {
  for (let k = 0; k < seenCount; k++) if (seenServers[k] === servers) return seenMetrics[k]!;
  const m = erlangAMetricsUnchecked(servers, aLoad, aAhtSec, aPatienceSec, aWithinSec);
  seenServers[seenCount] = servers;
  seenMetrics[seenCount] = m;
  seenCount++;
  return m;
}

/** Whether `servers` meets every target in the search's queue. */
function meetsA(servers: number, t: StaffingTargets): boolean {
  return failedTargets(evaluateA(servers), t, true) === "none";
}

/** A feasible result (one object shape for every result: the solvers' hot path). */
function answer(load: number, model: StaffingResult["model"], agents: number, servers: number, binding: string, metrics: QueueMetrics): StaffingResult {
  return { agents, servers, trafficErlangs: load, model, feasible: true, binding, reason: undefined, metrics };
}

function infeasible(load: number, model: StaffingResult["model"], binding: string, reason: string): StaffingResult {
  return { agents: 0, servers: 0, trafficErlangs: load, model, feasible: false, binding, reason, metrics: NO_METRICS };
}

/**
 * Whether queue metrics meet every target given (absent targets always hold).
 *
 * @param m - metrics at some staffing (fractions 0..1, seconds)
 * @param targets - the targets of {@link requiredAgents}
 * @param erlangA - whether the abandonment cap applies (it is ignored for Erlang C)
 * @example
 * meetsTargets(erlangCMetrics(14, 10, 180, 20), { serviceLevel: 0.8, answerWithinSec: 20 }, false); // true
 */
export function meetsTargets(m: QueueMetrics, targets: StaffingTargets, erlangA: boolean): boolean {
  return failedTargets(m, targets, erlangA) === "none";
}

/** The targets the metrics miss, joined with "+" in a fixed order, or "none". */
function failedTargets(m: QueueMetrics, t: StaffingTargets, erlangA: boolean): string {
  let failed = "";
  if (t.serviceLevel !== undefined && !(m.serviceLevel >= t.serviceLevel)) failed = "service-level";
  if (t.maxAsaSec !== undefined && !(m.asaSec <= t.maxAsaSec)) failed = failed ? `${failed}+asa` : "asa";
  if (t.maxOccupancy !== undefined && !(m.occupancy <= t.maxOccupancy)) failed = failed ? `${failed}+occupancy` : "occupancy";
  if (erlangA && t.maxAbandonRate !== undefined && !(m.abandonRate <= t.maxAbandonRate)) failed = failed ? `${failed}+abandonment` : "abandonment";
  return failed || "none";
}

function checkFraction(name: string, v: number | undefined): void {
  if (v !== undefined && !(v >= 0 && v <= 1)) throw new RangeError(`requiredAgents needs ${name} in [0, 1], got ${v}`);
}

function checkTargets(t: StaffingTargets): void {
  checkFraction("serviceLevel", t.serviceLevel);
  checkFraction("maxOccupancy", t.maxOccupancy);
  checkFraction("maxAbandonRate", t.maxAbandonRate);
  if (t.answerWithinSec !== undefined && !(t.answerWithinSec >= 0 && Number.isFinite(t.answerWithinSec))) {
    throw new RangeError(`requiredAgents needs answerWithinSec >= 0, got ${t.answerWithinSec}`);
  }
  if (t.serviceLevel !== undefined && t.answerWithinSec === undefined) {
    throw new RangeError("requiredAgents needs answerWithinSec with serviceLevel");
  }
  if (t.maxAsaSec !== undefined && !(t.maxAsaSec >= 0)) {
    throw new RangeError(`requiredAgents needs maxAsaSec >= 0, got ${t.maxAsaSec}`);
  }
}

function unreachableReason(t: StaffingTargets, erlangA: boolean): { binding: Binding; reason: string } | undefined {
  if (t.serviceLevel !== undefined && t.serviceLevel >= 1) {
    return {
      binding: "service-level",
      reason: `a service level of 100% within ${t.answerWithinSec} s cannot be met: with random arrivals some contacts always wait${erlangA ? " or abandon" : ""}`,
    };
  }
  if (t.maxAsaSec !== undefined && t.maxAsaSec <= 0) {
    return { binding: "asa", reason: "an ASA of 0 s cannot be met: with random arrivals some contacts always wait" };
  }
  if (t.maxOccupancy !== undefined && t.maxOccupancy <= 0) {
    return { binding: "occupancy", reason: "a maximum occupancy of 0 cannot be met while there is volume" };
  }
  if (erlangA && t.maxAbandonRate !== undefined && t.maxAbandonRate <= 0) {
    return { binding: "abandonment", reason: "an abandonment rate of 0 cannot be met: any contact that waits may abandon" };
  }
  return undefined;
}

/** The most servers a search tries before it calls a request unreachable. */
function searchCeiling(load: number): number {
  return Math.ceil(load + 100 * Math.sqrt(load) + 1000);
}

function occupancyTooLow(cap: number): string {
  return `a maximum occupancy of ${cap} would need more than ${MAX_SERVERS} agents`;
}

/** Smallest servers with load / servers ≤ cap, exact at floating-point boundaries (capped past MAX_SERVERS). */
function occupancyFloor(load: number, cap: number): number {
  let s = Math.max(1, Math.ceil(load / cap));
  if (s > MAX_SERVERS) return s;
  while (s > 1 && load / (s - 1) <= cap) s--;
  while (load / s > cap) s++;
  return s;
}

/**
 * Erlang C: walk up from the lowest candidate (⌊A⌋ + 1, or the occupancy
 * floor). R = 1/B is built once in O(√A) and then advanced in O(1) per
 * server; the service-level decay exp(−(N − A)t/AHT) is advanced by one
 * multiplication, and serves as a cheap filter before the exact test (the
 * same expression as erlangCMetrics, so the walk and the reported metrics
 * agree to the bit). Returns the agents, the metrics there and the targets
 * that fail with one agent fewer.
 */
function solveErlangC(
  load: number,
  ahtSec: number,
  t: StaffingTargets,
  concurrency: number,
): { agents: number; servers: number; metrics: QueueMetrics; binding: string } | string {
  let servers = Math.floor(load) + 1;
  if (t.maxOccupancy !== undefined) servers = Math.max(servers, occupancyFloor(load, t.maxOccupancy));
  if (servers > MAX_SERVERS) return occupancyTooLow(t.maxOccupancy!);
  const start = servers;
  const slTarget = t.serviceLevel;
  const asaMax = t.maxAsaSec;
  const within = t.answerWithinSec ?? 0;
  const perAgent = 1 / load;
  let inverseB = erlangBInverseUnchecked(servers, load);
  let previousInverseB = NaN;
  let found: QueueMetrics | undefined;

  if (slTarget !== undefined || asaMax !== undefined) {
    const stepDecay = Math.exp(-within / ahtSec);
    let decay = Math.exp((-(servers - load) * within) / ahtSec);
    // Slack: relative for the comparison, absolute for the rounding of 1 − C·decay.
    const missAllowed = slTarget === undefined ? Infinity : (1 - slTarget) * (1 + 1e-9) + 1e-15;
    const asaAllowed = asaMax === undefined ? Infinity : asaMax * (1 + 1e-9);
    const ceiling = Math.max(searchCeiling(load), servers);
    for (;;) {
      const spare = servers - load;
      // probWait = servers / (R·spare + A); the filters avoid the division.
      const denominator = inverseB * spare + load;
      if (servers * decay <= missAllowed * denominator && servers * ahtSec <= asaAllowed * spare * denominator) {
        const m = erlangCMetricsFromInverseB(servers, load, ahtSec, within, inverseB);
        if ((slTarget === undefined || m.serviceLevel >= slTarget) && (asaMax === undefined || m.asaSec <= asaMax)) {
          found = m;
          break;
        }
      }
      if (servers >= ceiling) return `the targets are not met even with ${ceiling} agents`;
      servers += 1;
      previousInverseB = inverseB;
      inverseB = 1 + servers * perAgent * inverseB;
      decay *= stepDecay;
    }
  }

  // `servers` is the smallest count that meets every target.
  const agents = Math.ceil(servers / concurrency);
  const total = agents * concurrency;
  for (let n = servers + 1; n <= total; n++) inverseB = 1 + n * perAgent * inverseB;
  const metrics = found !== undefined && total === servers ? found : erlangCMetricsFromInverseB(total, load, ahtSec, within, inverseB);
  const fewer = total - concurrency;
  let binding: string;
  if (fewer < 1) binding = "minimum";
  else if (fewer <= load) binding = "stability";
  else {
    const fewerInverseB = concurrency === 1 && fewer >= start ? previousInverseB : erlangBInverseUnchecked(fewer, load);
    binding = failedTargets(erlangCMetricsFromInverseB(fewer, load, ahtSec, within, fewerInverseB), t, false);
  }
  return { agents, servers: total, metrics, binding };
}

/**
 * Erlang A: targets are monotone in the number of servers, so gallop from
 * the Erlang C answer (or from one server) to bracket the smallest feasible
 * count, then bisect. The answer always satisfies "N meets, N − 1 fails".
 */
function minServersErlangA(
  load: number,
  ahtSec: number,
  t: StaffingTargets,
): number | string {
  // Counts that provably fail, never evaluated: the answered share is at most
  // N / A (each agent carries at most one Erlang), so SL ≥ x needs N ≥ x·A and
  // abandonment ≤ w needs N ≥ (1 − w)·A: these floors spare their evaluations.
  const margin = 1 - 1e-12;
  const knownFail = Math.max(
    0,
    t.serviceLevel === undefined ? 0 : Math.ceil(t.serviceLevel * load * margin) - 1,
    t.maxAbandonRate === undefined ? 0 : Math.ceil((1 - t.maxAbandonRate) * load * margin) - 1,
  );
  const guessC = solveErlangC(load, ahtSec, t, 1);
  let guess = typeof guessC === "string" ? Math.floor(load) + 1 : guessC.servers;
  guess = Math.max(knownFail + 1, guess);
  const ceiling = Math.max(searchCeiling(load), guess);
  let fail: number; // largest known failing count (0 = none below)
  let pass: number; // smallest known passing count
  if (meetsA(guess, t)) {
    pass = guess;
    let step = 1;
    for (;;) {
      const lower = guess - step;
      if (lower <= knownFail) {
        fail = knownFail;
        break;
      }
      if (!meetsA(lower, t)) {
        fail = lower;
        break;
      }
      pass = lower;
      step *= 2;
    }
  } else {
    fail = guess;
    let step = 1;
    for (;;) {
      const upper = guess + step;
      if (upper > ceiling) {
        if (ceiling > fail && meetsA(ceiling, t)) {
          pass = ceiling;
          break;
        }
        return `the targets are not met even with ${ceiling} agents`;
      }
      if (meetsA(upper, t)) {
        pass = upper;
        break;
      }
      fail = upper;
      step *= 2;
    }
  }
  while (pass - fail > 1) {
    const mid = fail + Math.floor((pass - fail) / 2);
    if (meetsA(mid, t)) pass = mid;
    else fail = mid;
  }
  return pass;
}
