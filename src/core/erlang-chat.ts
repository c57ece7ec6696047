import { erlangCMetrics, type QueueMetrics } from "./erlang-c.js";
import type { StaffingResult, StaffingTargets } from "./required-agents.js";

/**
 * Erlang Chat: chat whose handle time grows with the number of chats the
 * agent holds, solved exactly as a continuous-time Markov chain.
 *
 * Model. N agents, each holding at most k chats at once; chats arrive as a
 * Poisson stream of rate λ; a chat in service at an agent who holds j chats
 * ends at rate μⱼ = 1/AHTⱼ (exponential, so its mean duration is AHTⱼ while
 * the agent holds j — an agent holding j ends chats at rate j·μⱼ). A new
 * chat goes to a least-busy agent (one holding the fewest chats); when every
 * agent holds k, chats wait in one FCFS queue and the head of it takes the
 * first slot that frees.
 *
 * State space. The number of chats in the system n is NOT enough: with
 * N = 2, k = 2, the state "two chats in service" is (1, 1) after two
 * arrivals but (2, 0) after three arrivals and the end of the lone chat, and
 * the two end chats at different rates (2μ₁ vs 2μ₂). Agents are
 * interchangeable, so the state is the vector of counts (m₁, …, mₖ) of
 * agents holding 1..k chats (m₀ = N − Σmⱼ), and the queue length q only
 * when every agent holds k (mₖ = N): C(N + k, k) occupancy states plus one
 * geometric tail. No approximation.
 *
 * Queue tail. While every agent holds k, the chain leaves "all busy" only
 * when the queue is empty; the queue is a birth–death chain with birth λ and
 * death k·N·μₖ, so π(all busy, q) = π(all busy, 0)·rᑫ with r = λ/(kNμₖ) —
 * stable iff r < 1, i.e. the load at full concurrency λ·AHTₖ < k·N.
 *
 * Metrics (PASTA: an arrival sees the stationary state):
 * - `probWait` = P(every agent holds k) = π(all busy, 0)/(1 − r);
 * - a waiting chat with q ahead waits for q + 1 slot releases at rate
 *   kNμₖ each, so its wait is exponential once mixed over q:
 *   `serviceLevel(t) = 1 − probWait · e^{−(kNμₖ − λ)t}`,
 *   `asaSec = probWait / (kNμₖ − λ)` (mean wait of all chats, all answered);
 * - `occupancy` = E[chats in service] / (k·N), the share of chat slots in use;
 * - `meanDurationSec` = E[chats in service] / λ (Little), the mean duration a
 *   chat actually lasts at that staffing (between the AHTs given).
 * With every AHTⱼ equal the chain lumps onto n and these are exactly the
 * Erlang C metrics of k·N servers (tested to 1e-12).
 *
 * Solution. States are ranked arithmetically and stored in level order
 * (ℓ = Σ j·mⱼ, chats in service: arrivals raise it by one, ends lower it by
 * one) with their inflows in typed arrays, built once per (N, k). Iterative
 * aggregation–disaggregation: symmetric Gauss–Seidel sweeps, then exact
 * aggregation steps along every coordinate that moves by ±1 per transition
 * — the number of agents holding at least j chats (j = 1..k) and the level
 * — whose masses form birth–death chains given the distribution inside
 * them, then Anderson acceleration; until P(wait) and E[in service] change
 * by less than 1e-13 relative on two iterations running (tested: 1e-10 from
 * Gaussian elimination on small N, 1e-12 from Erlang C with equal AHTs).
 * Every solve starts from the same guess (results do not depend on what
 * was solved before).
 *
 * @see README, "Chat whose handle time grows with concurrency".
 */

/**
 * Most occupancy states the exact chat chain accepts: C(N + k, k) for N
 * agents at concurrency k (k = 2: N ≤ 445; k = 3: N ≤ 82; k = 4: N ≤ 36).
 * A solve near the cap takes ~0.5 s of CPU (README, "Cost and limit").
 */
export const MAX_CHAT_STATES = 100_000;
/** Most chats per agent the chat chain accepts (the state space grows like N^k / k!). */
export const MAX_CHAT_CONCURRENCY = 10;

/** Metrics of the chat chain: the queue metrics and the mean chat duration it implies. */
export interface ChatMetrics extends QueueMetrics {
  /** Mean duration of a chat at this staffing, seconds (E[in service] ÷ λ). */
  meanDurationSec: number;
}

/**
 * Number of occupancy states of N agents holding 0..k chats: C(N + k, k),
 * +Infinity past 2^53 (the exact chain refuses more than {@link MAX_CHAT_STATES}).
 *
 * @param agents - N, a whole number ≥ 0
 * @param concurrency - k, a whole number ≥ 1
 * @example
 * chatStateCount(2, 2); // 6: (m₀, m₁, m₂) with m₀ + m₁ + m₂ = 2
 */
export function chatStateCount(agents: number, concurrency: number): number {
  let c = 1;
  for (let j = 1; j <= concurrency; j++) {
    c = (c * (agents + j)) / j;
    if (c > Number.MAX_SAFE_INTEGER) return Infinity;
  }
  return Math.round(c);
}

/**
 * The chain's structure for one (N, k), built once and cached: states in
 * level order, and for every state its inflows. No values of λ or the AHTs.
 */
interface ChatChain {
  agents: number;
  k: number;
  states: number;
  /** k·N, the level of the full state (the last state). */
  top: number;
  /** First state of each level ℓ = 0..kN, and levelStart[kN + 1] = states. */
  levelStart: Int32Array;
  /** Chats in service of each state. */
  level: Int32Array;
  /** above[s·(k+1) + j] = agents holding at least j chats (j = 0..k; j = 0 is N). */
  above: Uint16Array;
  /** Occupancy of a least-busy agent (the one a new chat goes to); k for the full state. */
  minOcc: Uint8Array;
  /** The (at most two) states an arrival leads from into s, −1 for none. */
  arrFrom: Int32Array;
  /** depFrom[s·k + j − 1]: the state an end of chat at an agent holding j leads from into s, −1 for none. */
  depFrom: Int32Array;
  /** Work arrays of a solve (overwritten by every solve: no values carried over). */
  work: ChatWork | undefined;
}

interface ChatWork {
  invOut: Float64Array;
  death: Float64Array;
  depRate: Float64Array;
  p: Float64Array;
  x0: Float64Array;
}

/** Structures of the last few (N, k) solved (deterministic: shapes only, no values). */
const chainCache: ChatChain[] = [];
const CACHE_STATES = 1_000_000;

function chainOf(agents: number, k: number): ChatChain {
  for (let i = 0; i < chainCache.length; i++) {
    const c = chainCache[i]!;
    if (c.agents === agents && c.k === k) {
      if (i > 0) {
        chainCache.splice(i, 1);
        chainCache.unshift(c);
      }
      return c;
    }
  }
  const c = buildChain(agents, k);
  chainCache.unshift(c);
  let total = 0;
  for (let i = 0; i < chainCache.length; i++) {
    total += chainCache[i]!.states;
    if (total > CACHE_STATES && i > 0) {
      chainCache.length = i;
      break;
    }
  }
  return c;
}

/**
 * Builds the chain of N agents at concurrency k. States (m₁, …, mₖ) with
 * Σmⱼ ≤ N are ranked arithmetically in lexicographic order (m₁ first) by the
 * combinatorial number system — rank = Σᵢ [C(Rᵢ+e+1, e+1) − C(Rᵢ−mᵢ+e+1, e+1)]
 * with Rᵢ = N − m₁ − … − mᵢ₋₁ and e = k − i — and a table maps the rank to
 * the state's place in level order: no map, no string keys.
 */
function buildChain(agents: number, k: number): ChatChain {
  const states = chatStateCount(agents, k);
  const top = k * agents;
  // binom[n·(k+2) + e] = C(n, e) for n ≤ N + k + 1, e ≤ k + 1 (exact: below 2^53 under the cap)
  const bw = k + 2;
  const binom = new Float64Array((agents + k + 2) * bw);
  for (let n = 0; n <= agents + k + 1; n++) {
    binom[n * bw] = 1;
    for (let e = 1; e <= Math.min(n, k + 1); e++) binom[n * bw + e] = binom[(n - 1) * bw + e - 1]! + (e <= n - 1 ? binom[(n - 1) * bw + e]! : 0);
  }
  const rankOf = (m: Int32Array): number => {
    let rank = 0;
    let left = agents;
    for (let i = 1; i <= k; i++) {
      const e = k - i;
      const x = m[i]!;
      if (x > 0) rank += binom[(left + e + 1) * bw + e + 1]! - binom[(left - x + e + 1) * bw + e + 1]!;
      left -= x;
    }
    return rank;
  };
  // Pass 1: levels of the states in rank order (lexicographic enumeration), counted by level.
  const rankLevel = new Int32Array(states);
  const perLevel = new Int32Array(top + 2);
  const m = new Int32Array(k + 1); // m[1..k]; m[0] unused here
  let r = 0;
  const enumerate = (i: number, left: number, lvl: number, visit: () => void): void => {
    if (i > k) {
      visit();
      return;
    }
    for (let x = 0; x <= left; x++) {
      m[i] = x;
      enumerate(i + 1, left - x, lvl + x * i, visit);
    }
    m[i] = 0;
  };
  const levelOfM = (): number => {
    let l = 0;
    for (let j = 1; j <= k; j++) l += j * m[j]!;
    return l;
  };
  enumerate(1, agents, 0, () => {
    const l = levelOfM();
    rankLevel[r++] = l;
    perLevel[l]! += 1;
  });
  const levelStart = new Int32Array(top + 2);
  for (let l = 0; l <= top; l++) levelStart[l + 1] = levelStart[l]! + perLevel[l]!;
  const fill = levelStart.slice(0, top + 1);
  const position = new Int32Array(states);
  for (let q = 0; q < states; q++) position[q] = fill[rankLevel[q]!]!++;
  // Pass 2: every state's counts, least-busy occupancy and inflows.
  const level = new Int32Array(states);
  const above = new Uint16Array(states * (k + 1));
  const minOcc = new Uint8Array(states);
  const arrFrom = new Int32Array(states * 2).fill(-1);
  const depFrom = new Int32Array(states * k).fill(-1);
  r = 0;
  enumerate(1, agents, 0, () => {
    const s = position[r++]!;
    level[s] = levelOfM();
    let cum = 0;
    for (let j = k; j >= 1; j--) {
      cum += m[j]!;
      above[s * (k + 1) + j] = cum;
    }
    above[s * (k + 1)] = agents;
    const idle = agents - cum;
    // an end of chat at an agent holding j into s comes from s with one agent at j instead of j − 1
    for (let j = 1; j <= k; j++) {
      const below = j === 1 ? idle : m[j - 1]!;
      if (below === 0) continue;
      if (j > 1) m[j - 1]! -= 1;
      m[j]! += 1;
      depFrom[s * k + j - 1] = position[rankOf(m)]!;
      m[j]! -= 1;
      if (j > 1) m[j - 1]! += 1;
    }
    // the arrival from s goes to a least-busy agent, at occupancy j0
    let j0 = 0;
    if (idle === 0) {
      j0 = 1;
      while (j0 < k && m[j0] === 0) j0++;
    }
    minOcc[s] = j0;
    if (j0 < k) {
      if (j0 > 0) m[j0]! -= 1;
      m[j0 + 1]! += 1;
      const t = position[rankOf(m)]!;
      m[j0 + 1]! -= 1;
      if (j0 > 0) m[j0]! += 1;
      if (arrFrom[t * 2]! < 0) arrFrom[t * 2] = s;
      else arrFrom[t * 2 + 1] = s;
    }
  });
  return { agents, k, states, top, levelStart, level, above, minOcc, arrFrom, depFrom, work: undefined };
}

/** Relative change of the figures (P(wait), E[in service]) on two sweeps running below which the iteration stops. */
const STOP = 1e-13;
/** Iterations after which the solve is a bug (it converges in tens). */
const MAX_ITERATIONS = 5_000;
/** Past iterates Anderson acceleration combines. */
const ANDERSON_DEPTH = 6;
/** Probability mass below which an aggregate is set to 0 (no denormals; far below any figure's precision). */
const NEGLIGIBLE = 1e-290;

/**
 * The chat chain's metrics at one staffing; see the module comment for the
 * model, the state space and the formulas.
 *
 * @param agents - N, a whole number ≥ 1
 * @param arrivalsPerSec - λ, chats per second (≥ 0)
 * @param ahtByConcurrencySec - AHTⱼ for j = 1..k, seconds (> 0 each); k = its length
 * @param answerWithinSec - service-level threshold t, seconds (≥ 0)
 * @returns probWait, serviceLevel, asaSec, occupancy (abandonRate 0) and meanDurationSec
 * @throws RangeError for arguments out of range or more than {@link MAX_CHAT_STATES} states
 * @example
 * erlangChatMetrics(20, 60 / 900, [300, 360, 450], 60);
 * // with all AHTs equal to a: exactly erlangCMetrics(3 × 20, λ·a, a, 60)
 */
export function erlangChatMetrics(agents: number, arrivalsPerSec: number, ahtByConcurrencySec: readonly number[], answerWithinSec: number): ChatMetrics {
  const k = ahtByConcurrencySec.length;
  if (!Number.isInteger(agents) || agents < 1) throw new RangeError(`erlangChatMetrics needs a whole number of agents >= 1, got ${agents}`);
  if (!(arrivalsPerSec >= 0) || !Number.isFinite(arrivalsPerSec)) throw new RangeError(`erlangChatMetrics needs arrivalsPerSec >= 0, got ${arrivalsPerSec}`);
  if (k < 1 || k > MAX_CHAT_CONCURRENCY) throw new RangeError(`erlangChatMetrics needs 1 to ${MAX_CHAT_CONCURRENCY} AHTs, got ${k}`);
  for (const a of ahtByConcurrencySec) if (!(a > 0) || !Number.isFinite(a)) throw new RangeError(`erlangChatMetrics needs every AHT > 0, got ${a}`);
  if (!(answerWithinSec >= 0) || !Number.isFinite(answerWithinSec)) throw new RangeError(`erlangChatMetrics needs answerWithinSec >= 0, got ${answerWithinSec}`);
  const states = chatStateCount(agents, k);
  if (!(states <= MAX_CHAT_STATES)) throw new RangeError(`erlangChatMetrics needs at most ${MAX_CHAT_STATES} states, got ${states} (${agents} agents at concurrency ${k})`);
  return erlangChatMetricsUnchecked(agents, arrivalsPerSec, ahtByConcurrencySec, answerWithinSec);
}

/** {@link erlangChatMetrics} without the argument checks (the solver's hot path). */
export function erlangChatMetricsUnchecked(agents: number, lambda: number, aht: readonly number[], within: number): ChatMetrics {
  const k = aht.length;
  const top = k * agents;
  const fullRate = top / aht[k - 1]!; // k·N·μₖ
  if (lambda === 0) return { probWait: 0, serviceLevel: 1, asaSec: 0, occupancy: 0, abandonRate: 0, meanDurationSec: NaN };
  if (!(lambda < fullRate)) return { probWait: 1, serviceLevel: 0, asaSec: Infinity, occupancy: 1, abandonRate: 0, meanDurationSec: aht[k - 1]! };
  const [probWait, inService] = solveChain(chainOf(agents, k), lambda, aht);
  const spare = fullRate - lambda;
  return {
    probWait,
    serviceLevel: 1 - probWait * Math.exp(-spare * within),
    asaSec: probWait / spare,
    occupancy: inService / top,
    abandonRate: 0,
    meanDurationSec: inService / lambda,
  };
}

/**
 * The stationary distribution of the chain for these λ and AHTs, as
 * [P(every agent holds k), E[chats in service]].
 *
 * Each iteration: a symmetric Gauss–Seidel sweep of πQ = 0 in level order;
 * then k + 1 exact aggregation steps — by the number of agents holding at
 * least j chats (j = 1..k) and last by the level (chats in service). Each of
 * these coordinates moves by ±1 per transition, so the masses of its values
 * form a birth–death chain given the distribution inside them (solved
 * exactly; at the fixed point its cut equations hold exactly); then Anderson
 * acceleration over the last {@link ANDERSON_DEPTH} iterates. Deterministic:
 * every solve starts from the same uniform guess.
 */
function solveChain(ch: ChatChain, lambda: number, aht: readonly number[]): [number, number] {
  const { states, top, k, levelStart, above, minOcc, arrFrom, depFrom } = ch;
  const full = states - 1;
  const w = (ch.work ??= {
    invOut: new Float64Array(states),
    death: new Float64Array(states),
    depRate: new Float64Array(states * k),
    p: new Float64Array(states),
    x0: new Float64Array(states),
  });
  const { invOut, death, depRate, p, x0 } = w;
  const jmu = new Float64Array(k + 2); // j·μⱼ
  for (let j = 1; j <= k; j++) jmu[j] = j / aht[j - 1]!;
  const K1 = k + 1;
  const fullDeath = top / aht[k - 1]! - lambda; // the full state with its queue tail lumped: leaves at kNμₖ − λ
  for (let s = 0; s < states; s++) {
    let d = 0;
    for (let j = 1; j <= k; j++) {
      const mj = above[s * K1 + j]! - (j < k ? above[s * K1 + j + 1]! : 0);
      d += mj * jmu[j]!;
      depRate[s * k + j - 1] = depFrom[s * k + j - 1]! < 0 ? 0 : (mj + 1) * jmu[j]!;
    }
    death[s] = d;
    invOut[s] = 1 / (d + lambda);
  }
  death[full] = fullDeath;
  invOut[full] = 1 / fullDeath;
  // the one state an end of chat at the full state leads to: its inflow is at the lumped rate
  for (let s = levelStart[top - 1]!; s < levelStart[top]!; s++) for (let j = 0; j < k; j++) if (depFrom[s * k + j] === full) depRate[s * k + j] = fullDeath;

  // Aggregation by one coordinate: 0 = level, j ≥ 1 = agents holding ≥ j.
  const size = top + 1;
  const mass = new Float64Array(size);
  const up = new Float64Array(size);
  const down = new Float64Array(size);
  const scale = new Float64Array(size);
  const aggregate = (which: number): void => {
    const values = which === 0 ? top : ch.agents;
    mass.fill(0, 0, values + 1);
    up.fill(0, 0, values + 1);
    down.fill(0, 0, values + 1);
    if (which === 0) {
      for (let l = 0; l <= top; l++) {
        let pm = 0;
        let dm = 0;
        for (let s = levelStart[l]!; s < levelStart[l + 1]!; s++) {
          pm += p[s]!;
          dm += p[s]! * death[s]!;
        }
        mass[l] = pm;
        up[l] = l < top ? pm * lambda : 0;
        down[l] = dm;
      }
    } else {
      const jm = jmu[which]!;
      for (let s = 0; s < full; s++) {
        const x = above[s * K1 + which]!;
        const v = p[s]!;
        mass[x]! += v;
        if (minOcc[s] === which - 1) up[x]! += v * lambda;
        down[x]! += v * (x - (which < k ? above[s * K1 + which + 1]! : 0)) * jm;
      }
      mass[values]! += p[full]!;
      if (which === k) down[values]! += p[full]! * fullDeath;
    }
    let lo = 0;
    while (lo < values && !(mass[lo]! > 0)) lo++;
    let hi = values;
    while (hi > lo && !(mass[hi]! > 0)) hi--;
    // log masses of the birth–death chain: π̂(x+1)/π̂(x) = (up(x)/mass(x)) / (down(x+1)/mass(x+1))
    let logv = 0;
    let maxLog = 0;
    scale[lo] = 0;
    for (let x = lo; x < hi; x++) {
      // a zero flow (mass below the range of doubles): no correction by this coordinate this time
      if (!(up[x]! > 0 && down[x + 1]! > 0 && mass[x + 1]! > 0)) return;
      logv += Math.log(up[x]! / mass[x]!) - Math.log(down[x + 1]! / mass[x + 1]!);
      scale[x + 1] = logv;
      if (logv > maxLog) maxLog = logv;
    }
    let total = 0;
    for (let x = lo; x <= hi; x++) total += Math.exp(scale[x]! - maxLog);
    const logTotal = maxLog + Math.log(total);
    for (let x = lo; x <= hi; x++) {
      const target = Math.exp(scale[x]! - logTotal);
      scale[x] = target < NEGLIGIBLE ? 0 : target / mass[x]!;
    }
    if (which === 0) {
      for (let l = lo; l <= hi; l++) {
        const f = scale[l]!;
        for (let s = levelStart[l]!; s < levelStart[l + 1]!; s++) p[s]! *= f;
      }
    } else {
      for (let s = 0; s < full; s++) p[s]! *= scale[above[s * K1 + which]!]!;
      p[full]! *= scale[values]!;
    }
  };
  const sweep = (s: number): void => {
    let a = 0;
    const a0 = arrFrom[2 * s]!;
    if (a0 >= 0) {
      a = p[a0]!;
      const a1 = arrFrom[2 * s + 1]!;
      if (a1 >= 0) a += p[a1]!;
    }
    let v = a * lambda;
    for (let j = s * k, end = j + k; j < end; j++) {
      const z = depFrom[j]!;
      if (z >= 0) v += p[z]! * depRate[j]!;
    }
    p[s] = v * invOut[s]!;
  };

  // Start: uniform inside each level, levels from their birth–death chain.
  for (let l = 0; l <= top; l++) {
    const n = levelStart[l + 1]! - levelStart[l]!;
    for (let s = levelStart[l]!; s < levelStart[l + 1]!; s++) p[s] = 1 / (n * size);
  }
  aggregate(0);
  // Anderson acceleration: histories of ΔG (map outputs) and ΔF (residuals), Gram matrix of ΔF.
  const depth = ANDERSON_DEPTH;
  const dG: Float64Array[] = [];
  const dF: Float64Array[] = [];
  const gram = new Float64Array(depth * depth);
  let prevG: Float64Array | undefined;
  let prevF: Float64Array | undefined;
  const f = new Float64Array(states);
  let pFull = p[full]!;
  let inService = 0;
  for (let l = 1; l <= top; l++) for (let s = levelStart[l]!; s < levelStart[l + 1]!; s++) inService += p[s]! * l;
  let calm = 0;
  for (let it = 1; ; it++) {
    x0.set(p);
    for (let s = 0; s < states; s++) sweep(s);
    for (let s = states - 1; s >= 0; s--) sweep(s);
    for (let j = 1; j <= k; j++) aggregate(j);
    aggregate(0);
    // figures of the map's output G(x)
    let n = 0;
    for (let l = 1; l <= top; l++) {
      let lm = 0;
      for (let s = levelStart[l]!; s < levelStart[l + 1]!; s++) lm += p[s]!;
      n += lm * l;
    }
    const pf = p[full]!;
    const change = Math.max(Math.abs(pf - pFull) / pf, Math.abs(n - inService) / n);
    pFull = pf;
    inService = n;
    calm = change <= STOP ? calm + 1 : 0;
    if (calm >= 2 && it >= 3) break;
    if (!(it < MAX_ITERATIONS)) throw new RangeError(`erlangChatMetrics did not converge for ${ch.agents} agents at concurrency ${k} (change ${change})`);
    // Anderson step on x ↦ G(x): x' = G(x) − Σ γᵢ ΔGᵢ, γ minimising |F − Σ γᵢ ΔFᵢ|
    for (let s = 0; s < states; s++) f[s] = p[s]! - x0[s]!;
    if (prevG !== undefined && prevF !== undefined) {
      let g: Float64Array;
      let df: Float64Array;
      if (dG.length === depth) {
        g = dG.shift()!;
        df = dF.shift()!;
        for (let a = 0; a < depth - 1; a++) for (let b = 0; b < depth - 1; b++) gram[a * depth + b] = gram[(a + 1) * depth + b + 1]!;
      } else {
        g = new Float64Array(states);
        df = new Float64Array(states);
      }
      for (let s = 0; s < states; s++) {
        g[s] = p[s]! - prevG[s]!;
        df[s] = f[s]! - prevF[s]!;
      }
      dG.push(g);
      dF.push(df);
      const m = dF.length;
      for (let a = 0; a < m; a++) {
        let t = 0;
        const da = dF[a]!;
        for (let s = 0; s < states; s++) t += da[s]! * df[s]!;
        gram[a * depth + m - 1] = t;
        gram[(m - 1) * depth + a] = t;
      }
    } else {
      prevG = new Float64Array(states);
      prevF = new Float64Array(states);
    }
    prevG.set(p);
    prevF.set(f);
    const m = dF.length;
    if (m > 0) {
      const gamma = andersonCoefficients(gram, depth, m, dF, f);
      if (gamma !== undefined) {
        let total = 0;
        for (let s = 0; s < states; s++) {
          let v = p[s]!;
          for (let a = 0; a < m; a++) v -= gamma[a]! * dG[a]![s]!;
          v = v > NEGLIGIBLE ? v : 0;
          p[s] = v;
          total += v;
        }
        for (let s = 0; s < states; s++) p[s]! /= total;
      }
    }
  }
  return [pFull, inService];
}

/** γ of one Anderson step: (ΔFᵀΔF + εI) γ = ΔFᵀ F by Gaussian elimination (m ≤ 6); undefined if singular. */
function andersonCoefficients(gram: Float64Array, depth: number, m: number, dF: Float64Array[], f: Float64Array): Float64Array | undefined {
  const a = new Float64Array(m * (m + 1));
  let trace = 0;
  for (let i = 0; i < m; i++) trace += gram[i * depth + i]!;
  if (!(trace > 0)) return undefined;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) a[i * (m + 1) + j] = gram[i * depth + j]! + (i === j ? 1e-12 * trace : 0);
    let t = 0;
    const di = dF[i]!;
    for (let s = 0; s < f.length; s++) t += di[s]! * f[s]!;
    a[i * (m + 1) + m] = t;
  }
  for (let c = 0; c < m; c++) {
    let piv = c;
    for (let i = c + 1; i < m; i++) if (Math.abs(a[i * (m + 1) + c]!) > Math.abs(a[piv * (m + 1) + c]!)) piv = i;
    if (piv !== c) for (let j = 0; j <= m; j++) [a[c * (m + 1) + j], a[piv * (m + 1) + j]] = [a[piv * (m + 1) + j]!, a[c * (m + 1) + j]!];
    const d = a[c * (m + 1) + c]!;
    if (!(Math.abs(d) > 0)) return undefined;
    for (let i = 0; i < m; i++) {
      if (i === c) continue;
      const factor = a[i * (m + 1) + c]! / d;
      if (factor !== 0) for (let j = c; j <= m; j++) a[i * (m + 1) + j]! -= factor * a[c * (m + 1) + j]!;
    }
  }
  const gamma = new Float64Array(m);
  for (let i = 0; i < m; i++) gamma[i] = a[i * (m + 1) + m]! / a[i * (m + 1) + i]!;
  for (const g of gamma) if (!Number.isFinite(g)) return undefined;
  return gamma;
}

/** A chat queue whose handle time depends on the agent's concurrency. */
export interface ChatLoad {
  /** Chats offered in the interval (≥ 0). */
  volume: number;
  /** Interval length, minutes (> 0). */
  intervalMin: number;
  /** Mean duration of a chat while its agent holds j = 1..k chats, seconds; k = the length (≥ 2 for this model). */
  ahtByConcurrencySec: readonly number[];
}

/**
 * The smallest number of agents at which the chat chain
 * ({@link erlangChatMetrics}) meets every target given: service level
 * within a threshold, ASA cap, occupancy cap (the abandonment cap does not
 * apply: no patience in this model).
 *
 * Every target is monotone in the number of agents (property-tested), so
 * the search walks up from the first count that can meet them: above the
 * stability floor λ·AHTₖ/k and the occupancy floor λ·min AHT/(k · cap).
 * The answer always satisfies "N meets, N − 1 fails"; `binding` names the
 * targets that fail at N − 1 (`stability` when N − 1 is unstable, `minimum`
 * at one agent). `trafficErlangs` is the load at full concurrency,
 * λ·AHTₖ (the queue is stable iff it is below k·N = `servers`).
 *
 * Past {@link MAX_CHAT_STATES} states the result is `feasible: false` with
 * the reason (never a guess).
 *
 * @param queue - volume, interval (min) and the AHTs by concurrency (s)
 * @param targets - the targets of `requiredAgents`
 * @returns the staffing result, model `erlang-chat`
 * @example
 * requiredAgentsChat({ volume: 200, intervalMin: 30, ahtByConcurrencySec: [300, 375, 450] }, { serviceLevel: 0.8, answerWithinSec: 60 });
 * // { agents: 19, servers: 57, model: "erlang-chat", binding: "service-level", … }
 */
export function requiredAgentsChat(queue: ChatLoad, targets: StaffingTargets): StaffingResult {
  const aht = queue.ahtByConcurrencySec;
  const k = aht.length;
  const lambda = queue.volume / (queue.intervalMin * 60);
  const load = lambda * aht[k - 1]!;
  const model = "erlang-chat" as const;
  const within = targets.answerWithinSec ?? 0;
  if (lambda === 0) return result(0, 0, load, "none", { probWait: 0, serviceLevel: 1, asaSec: 0, occupancy: 0, abandonRate: 0 });
  const failed = (m: QueueMetrics): string => {
    let f = "";
    if (targets.serviceLevel !== undefined && !(m.serviceLevel >= targets.serviceLevel)) f = "service-level";
    if (targets.maxAsaSec !== undefined && !(m.asaSec <= targets.maxAsaSec)) f = f ? `${f}+asa` : "asa";
    if (targets.maxOccupancy !== undefined && !(m.occupancy <= targets.maxOccupancy)) f = f ? `${f}+occupancy` : "occupancy";
    return f || "none";
  };
  const solved = new Map<number, ChatMetrics | string>();
  const metricsAt = (n: number): ChatMetrics | string => {
    let m = solved.get(n);
    if (m === undefined) {
      const states = chatStateCount(n, k);
      m = states <= MAX_CHAT_STATES ? erlangChatMetricsUnchecked(n, lambda, aht, within) : `the exact chat model stops at ${MAX_CHAT_STATES} states; ${n} agents at concurrency ${k} need ${states}`;
      solved.set(n, m);
    }
    return m;
  };
  let floor = Math.max(1, Math.floor(load / k) + 1);
  if (targets.maxOccupancy !== undefined) floor = Math.max(floor, Math.ceil((lambda * Math.min(...aht)) / (k * targets.maxOccupancy) - 1e-9));
  // Where to start: the one-AHT model (Erlang C of k·N servers) at the shortest
  // duration, then at the duration the chain gives there — guesses only: the
  // answer is the N that meets with N − 1 failing, both solved by the chain.
  const oneAht = (a: number, from: number): number => {
    let n = from;
    while (n * k <= MAX_ONE_AHT_SERVERS && failed(n * k > lambda * a ? erlangCMetrics(n * k, lambda * a, a, within) : UNSTABLE) !== "none") n++;
    return n;
  };
  let lastSolvable = floor;
  while (chatStateCount(lastSolvable + 1, k) <= MAX_CHAT_STATES) lastSolvable++;
  let n = Math.max(floor, Math.min(oneAht(aht[0]!, floor), lastSolvable));
  const first = metricsAt(n);
  if (typeof first !== "string" && failed(first) !== "none") n = Math.max(n + 1, Math.min(oneAht(first.meanDurationSec, n), lastSolvable));
  for (;;) {
    const m = metricsAt(n);
    if (typeof m === "string") return { agents: 0, servers: 0, trafficErlangs: load, model, feasible: false, binding: "none", reason: m, metrics: NO_METRICS };
    if (failed(m) === "none") {
      let binding: string;
      if (n === 1) binding = "minimum";
      else if (!(lambda < (k * (n - 1)) / aht[k - 1]!)) binding = "stability";
      else {
        const below = metricsAt(n - 1);
        binding = typeof below === "string" ? "none" : failed(below);
        if (binding === "none") {
          // one fewer meets too: the start was above the answer; step down
          n -= 1;
          continue;
        }
      }
      return result(n, n * k, load, binding, strip(m));
    }
    n += 1;
  }

  function result(agents: number, servers: number, trafficErlangs: number, binding: string, metrics: QueueMetrics): StaffingResult {
    return { agents, servers, trafficErlangs, model, feasible: true, binding, reason: undefined, metrics };
  }
}

/** Most servers the one-AHT start guess of {@link requiredAgentsChat} walks to (far past the chain's cap). */
const MAX_ONE_AHT_SERVERS = 100_000;
const UNSTABLE: QueueMetrics = { probWait: 1, serviceLevel: 0, asaSec: Infinity, occupancy: 1, abandonRate: 0 };
const NO_METRICS: QueueMetrics = { probWait: NaN, serviceLevel: NaN, asaSec: NaN, occupancy: NaN, abandonRate: NaN };

function strip(m: ChatMetrics): QueueMetrics {
  return { probWait: m.probWait, serviceLevel: m.serviceLevel, asaSec: m.asaSec, occupancy: m.occupancy, abandonRate: m.abandonRate };
}
