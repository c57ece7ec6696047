import { erlangBInverseUnchecked } from "./erlang-b.js";
import { checkMetricsArgs, type QueueMetrics } from "./erlang-c.js";

/** Accumulators are divided by this when a term grows past it (keeps sums finite). */
const RESCALE = 1e250;
const LOG_RESCALE = Math.log(RESCALE);
/** Relative size of the neglected tail of every infinite sum. */
const TAIL_TOLERANCE = 1e-17;
/** Beyond this many queue states the evaluation gives up (a broken precondition). */
const MAX_QUEUE_STATES = 50_000_000;

/**
 * Erlang A (M/M/N+M, Palm's model): Poisson arrivals, exponential handle
 * times, N agents, and customers who abandon after an exponential patience
 * with mean `patienceSec` if they are still waiting. Computed exactly from
 * the birth–death chain of the number of contacts in the system — no
 * simulation and no asymptotic approximation; infinite sums are truncated
 * only once their rigorously bounded tail is below 1e-17 of the sum.
 *
 * With μ = 1/AHT, θ = 1/patience and πₙ the stationary distribution
 * (πₙ ∝ Aⁿ/n! for n ≤ N, π_{N+j} = π_N · Π_{i=1..j} λ/(Nμ + iθ)):
 * - `probWait = Σ_{j≥0} π_{N+j}` (PASTA: an arrival sees the stationary state);
 * - `abandonRate = θ · E[queue length] / λ`;
 * - a contact that finds j others queued is answered iff the j+1 phases
 *   "one place up the queue" (rates Nμ + kθ, k = j..0) all end before its own
 *   patience; with competing exponentials this has probability
 *   `w_j = Nμ / (Nμ + (j+1)θ)`, and given that, its wait is a sum of
 *   exponentials with rates Nμ + kθ, k = 1..j+1, whose CDF at t is the
 *   upper tail of a negative binomial: `P(W ≤ t) = 1 − Σ_{k≤j} NB(k; N/r + 1, 1 − e^{−θt})`;
 * - `serviceLevel` = share of **offered** contacts answered within t
 *   (a contact that abandons is never counted as answered, whenever it leaves);
 * - `asaSec` = mean wait of **answered** contacts (those answered at once count with 0);
 * - `occupancy = A · (1 − abandonRate) / N` (carried load per agent).
 *
 * Cost: O(√A) for the part below N plus the number of queue states that
 * matter, O(√(A · patience / AHT)) near the usual staffing.
 *
 * @param agents - servers N, a whole number ≥ 1
 * @param trafficErlangs - offered load A, Erlangs (≥ 0)
 * @param ahtSec - average handle time, seconds (> 0)
 * @param patienceSec - mean patience of a waiting contact, seconds (> 0, finite)
 * @param answerWithinSec - service-level threshold t, seconds (≥ 0)
 * @returns the metrics of {@link QueueMetrics}
 * @throws RangeError for arguments out of range
 * @example
 * erlangAMetrics(13, 10, 180, 300, 20);
 * // { probWait: 0.2258, abandonRate: 0.02496, serviceLevel: 0.8582, asaSec: 6.91, … }
 */
export function erlangAMetrics(
  agents: number,
  trafficErlangs: number,
  ahtSec: number,
  patienceSec: number,
  answerWithinSec: number,
): QueueMetrics {
  checkMetricsArgs("erlangAMetrics", agents, trafficErlangs, ahtSec, answerWithinSec);
  if (!(patienceSec > 0) || !Number.isFinite(patienceSec)) {
    throw new RangeError(`erlangAMetrics needs a finite patienceSec > 0, got ${patienceSec}`);
  }
  return erlangAMetricsUnchecked(agents, trafficErlangs, ahtSec, patienceSec, answerWithinSec);
}

/** {@link erlangAMetrics} without argument checks, for the solvers' hot path. */
export function erlangAMetricsUnchecked(
  agents: number,
  load: number,
  ahtSec: number,
  patienceSec: number,
  answerWithinSec: number,
): QueueMetrics {
  return evaluateErlangA(agents, load, ahtSec, patienceSec, answerWithinSec, false);
}

/**
 * One pass over the chain. With `precise` false, `1 − cdf` is used as is
 * and the mass that could suffer from its cancellation is tracked; when that
 * cancellation could reach 1e-9 of the service level (a service level near
 * 0, deep in overload), the pass is redone with `precise`, which sums the
 * upper tails backwards instead.
 */
function evaluateErlangA(
  agents: number,
  load: number,
  ahtSec: number,
  patienceSec: number,
  answerWithinSec: number,
  precise: boolean,
): QueueMetrics {
  if (load === 0) {
    return { probWait: 0, serviceLevel: 1, asaSec: 0, occupancy: 0, abandonRate: 0 };
  }
  const inverseB = erlangBInverseUnchecked(agents, load);
  if (inverseB === Infinity) {
    // B < 1e-308: nobody ever waits, to double precision.
    return { probWait: 0, serviceLevel: 1, asaSec: 0, occupancy: load / agents, abandonRate: 0 };
  }
  // Time unit: one AHT (μ = 1). r = θ/μ, tau = t/AHT.
  const n = agents;
  const r = ahtSec / patienceSec;
  const tau = answerWithinSec / ahtSec;

  // Negative binomial NB(k; b, p) terms for the answered-within-t probabilities,
  // kept as stored·exp(nbLogScale) so that a first term below 1e-308 still counts.
  const p = -Math.expm1(-r * tau);
  const pTimesB = p * (n / r + 1);
  const nbLog0 = -(n + r) * tau;
  let nbTerm = 1;
  let nbLogScale = nbLog0;
  if (nbLog0 > -700) {
    nbTerm = Math.exp(nbLog0);
    nbLogScale = 0;
  }
  let nbFactor = Math.exp(nbLogScale);
  let nbSum = 0;

  let idle = inverseB - 1; // Σ_{n<N} πₙ / π_N
  let q = 1; // π_{N+j} / π_N, rescaled
  let sumQ = 0;
  let sumJQ = 0;
  let servedQ = 0;
  let servedWithinQ = 0;
  let waitServedQ = 0;
  let harmonic = 0; // Σ_{k=1..j+1} 1/(N + k r), in AHTs
  // Past the median of the negative binomial, 1 − cdf would cancel: there the
  // answered weights and the next terms are kept, and the upper tails are
  // summed backwards (additions only) once the last term is known.
  const lateAnswered: number[] = [];
  const lateNextTerm: number[] = [];
  let lateMass = 0;
  let lastJ = 0;

  for (let j = 0; ; j++) {
    const nextRate = n + (j + 1) * r;
    harmonic += 1 / nextRate;
    nbSum += nbTerm;
    const cdf = Math.min(1, nbSum * nbFactor);
    const answered = (q * n) / nextRate;
    sumQ += q;
    sumJQ += j * q;
    servedQ += answered;
    waitServedQ += answered * harmonic;

    const ratio = load / nextRate;
    q *= ratio;
    nbTerm *= (p * j + pTimesB) / (j + 1);
    if (cdf <= 0.5) {
      servedWithinQ += answered * (1 - cdf);
    } else if (!precise) {
      servedWithinQ += answered * (1 - cdf);
      lateMass += answered;
    } else {
      lateAnswered.push(answered);
      lateNextTerm.push(nbTerm * nbFactor); // NB(j + 1), representable once cdf > 0.5
    }
    if (nbSum > RESCALE) {
      nbSum /= RESCALE;
      nbTerm /= RESCALE;
      nbLogScale += LOG_RESCALE;
      nbFactor = Math.exp(nbLogScale);
    }
    if (q > RESCALE) {
      q /= RESCALE;
      idle /= RESCALE;
      sumQ /= RESCALE;
      sumJQ /= RESCALE;
      servedQ /= RESCALE;
      servedWithinQ /= RESCALE;
      waitServedQ /= RESCALE;
      lateMass /= RESCALE;
      for (let i = 0; i < lateAnswered.length; i++) lateAnswered[i]! /= RESCALE;
    }
    lastJ = j;
    if (ratio < 1) {
      // Tail bounds: the terms after j decrease at least geometrically with `ratio`.
      const rest = 1 / (1 - ratio);
      const tail = q * rest;
      const tailJ = q * ((j + 1) * rest + ratio * rest * rest);
      if (tail <= TAIL_TOLERANCE * sumQ && tailJ <= TAIL_TOLERANCE * sumJQ) break;
      if (q === 0) break;
    }
    if (j > MAX_QUEUE_STATES) {
      throw new RangeError(
        `erlangAMetrics: more than ${MAX_QUEUE_STATES} queue states (load ${load}, agents ${n}, patience/AHT ${1 / r})`,
      );
    }
  }

  if (!precise && lateMass * 1e-15 > 1e-9 * (idle + servedWithinQ)) {
    return evaluateErlangA(agents, load, ahtSec, patienceSec, answerWithinSec, true);
  }
  if (lateAnswered.length > 0) {
    servedWithinQ += lateAnsweredWithin(lateAnswered, lateNextTerm, lastJ, p, pTimesB);
  }
  const total = idle + sumQ;
  const abandonRate = (r * sumJQ) / (load * total);
  return {
    probWait: sumQ / total,
    serviceLevel: (idle + servedWithinQ) / total,
    asaSec: (ahtSec * waitServedQ) / (idle + servedQ),
    occupancy: Math.min(1, (load * (1 - abandonRate)) / n),
    abandonRate,
  };
}

/**
 * Σ answered_j · P(NB > j) over the late j (from lastJ − count + 1 to lastJ),
 * with the upper tails P(NB > j) = Σ_{k>j} NB(k) summed backwards from
 * beyond lastJ: additions of positive terms only, so a service level of
 * 1e-10 keeps its relative precision.
 */
function lateAnsweredWithin(answered: number[], nextTerm: number[], lastJ: number, p: number, pTimesB: number): number {
  const last = nextTerm[nextTerm.length - 1]!; // NB(lastJ + 1)
  // Tail beyond lastJ + 1: the term ratios decrease towards p < 1, so once a
  // ratio is below 1 the rest is bounded by a geometric series.
  let term = last;
  let beyond = 0;
  for (let k = lastJ + 1; term > 0; k++) {
    const ratio = (p * k + pTimesB) / (k + 1);
    term *= ratio;
    beyond += term;
    if (ratio < 1 && (term * ratio) / (1 - ratio) <= TAIL_TOLERANCE * (beyond + last)) break;
    if (k - lastJ > MAX_QUEUE_STATES) break;
  }
  let upper = beyond; // P(NB > lastJ + 1)
  let sum = 0;
  for (let i = answered.length - 1; i >= 0; i--) {
    upper += nextTerm[i]!; // now P(NB > j) for j = lastJ − (count − 1 − i)
    sum += answered[i]! * upper;
  }
  return sum;
}
