import { erlangBInverse, erlangBInverseUnchecked } from "./erlang-b.js";

/** What a queue looks like to its contacts at a given staffing. */
export interface QueueMetrics {
  /** Share of offered contacts that wait at all (0..1). */
  probWait: number;
  /** Share of offered contacts answered within the threshold (0..1). */
  serviceLevel: number;
  /**
   * Average speed of answer, seconds: the mean wait of the contacts that are
   * answered (in Erlang C every contact is answered, so of all offered).
   * `Infinity` when the queue is unstable.
   */
  asaSec: number;
  /** Share of the servers' time spent handling contacts (0..1). */
  occupancy: number;
  /** Share of offered contacts that abandon (0..1); 0 in Erlang C. */
  abandonRate: number;
}

/**
 * Erlang C: the probability that a contact has to wait in an M/M/N queue
 * (Poisson arrivals, exponential handle times, N agents, infinite patience).
 *
 * `C = B / (1 − ρ(1 − B))` with `ρ = A / N`, rewritten on `R = 1/B` as
 * `C = N / (R·(N − A) + A)` so that nothing cancels.
 * When `N ≤ A` the queue is unstable and every contact waits: `C = 1`.
 *
 * @param agents - number of agents N, a whole number ≥ 0
 * @param trafficErlangs - offered load A, Erlangs (≥ 0)
 * @returns probability of wait, in [0, 1]
 * @example
 * erlangC(14, 10); // ≈ 0.17413
 */
export function erlangC(agents: number, trafficErlangs: number): number {
  if (trafficErlangs === 0 && Number.isInteger(agents) && agents >= 0) {
    return agents === 0 ? 1 : 0;
  }
  const inverseB = erlangBInverse(agents, trafficErlangs);
  return erlangCFromInverseB(agents, trafficErlangs, inverseB);
}

/** Erlang C from `R = 1/B(N, A)`, see {@link erlangC}. */
export function erlangCFromInverseB(agents: number, load: number, inverseB: number): number {
  if (agents <= load) return 1;
  if (inverseB === Infinity) return 0;
  return agents / (inverseB * (agents - load) + load);
}

/**
 * All the Erlang C metrics of one queue at one staffing.
 *
 * - `probWait = C(N, A)`
 * - `serviceLevel = 1 − C · exp(−(N − A) · t / AHT)` (share answered within t)
 * - `asaSec = C · AHT / (N − A)` (mean wait of all offered contacts)
 * - `occupancy = A / N`
 *
 * For `N ≤ A` the queue grows without bound: probWait 1, serviceLevel 0,
 * asaSec Infinity, occupancy 1.
 *
 * @param agents - servers N, a whole number ≥ 0
 * @param trafficErlangs - offered load A, Erlangs (≥ 0)
 * @param ahtSec - average handle time, seconds (> 0)
 * @param answerWithinSec - service-level threshold t, seconds (≥ 0)
 * @example
 * erlangCMetrics(14, 10, 180, 20);
 * // { probWait: 0.17413, serviceLevel: 0.88835, asaSec: 7.836, occupancy: 0.714, abandonRate: 0 }
 */
export function erlangCMetrics(
  agents: number,
  trafficErlangs: number,
  ahtSec: number,
  answerWithinSec: number,
): QueueMetrics {
  checkMetricsArgs("erlangCMetrics", agents, trafficErlangs, ahtSec, answerWithinSec);
  if (trafficErlangs === 0) {
    return { probWait: 0, serviceLevel: 1, asaSec: 0, occupancy: 0, abandonRate: 0 };
  }
  if (agents <= trafficErlangs) {
    return { probWait: 1, serviceLevel: 0, asaSec: Infinity, occupancy: 1, abandonRate: 0 };
  }
  const inverseB = erlangBInverseUnchecked(agents, trafficErlangs);
  return erlangCMetricsFromInverseB(agents, trafficErlangs, ahtSec, answerWithinSec, inverseB);
}

/** {@link erlangCMetrics} from a known `R = 1/B(N, A)`, for N > A > 0. */
export function erlangCMetricsFromInverseB(
  agents: number,
  load: number,
  ahtSec: number,
  answerWithinSec: number,
  inverseB: number,
): QueueMetrics {
  const probWait = erlangCFromInverseB(agents, load, inverseB);
  const spare = agents - load;
  return {
    probWait,
    serviceLevel: 1 - probWait * Math.exp((-spare * answerWithinSec) / ahtSec),
    asaSec: (probWait * ahtSec) / spare,
    occupancy: load / agents,
    abandonRate: 0,
  };
}

/** Argument checks shared by the metrics functions (broken preconditions throw). */
export function checkMetricsArgs(
  fn: string,
  agents: number,
  trafficErlangs: number,
  ahtSec: number,
  answerWithinSec: number,
): void {
  if (!Number.isInteger(agents) || agents < 1) {
    throw new RangeError(`${fn} needs a whole number of agents >= 1, got ${agents}`);
  }
  if (!(trafficErlangs >= 0) || !Number.isFinite(trafficErlangs)) {
    throw new RangeError(`${fn} needs trafficErlangs >= 0, got ${trafficErlangs}`);
  }
  if (!(ahtSec > 0) || !Number.isFinite(ahtSec)) {
    throw new RangeError(`${fn} needs ahtSec > 0, got ${ahtSec}`);
  }
  if (!(answerWithinSec >= 0) || !Number.isFinite(answerWithinSec)) {
    throw new RangeError(`${fn} needs answerWithinSec >= 0, got ${answerWithinSec}`);
  }
}
