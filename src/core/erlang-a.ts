import { erlangBInverseUnchecked } from "./erlang-b.js";
import { checkMetricsArgs, erlangCMetricsFromInverseB, type QueueMetrics } from "./erlang-c.js";

/** Accumulators are divided by this when a term grows past it (keeps sums finite). */
const RESCALE = 1e250;
const LOG_RESCALE = Math.log(RESCALE);
/** Relative size of the neglected tail of every infinite sum. */
const TAIL_TOLERANCE = 1e-17;
/** Beyond this many queue states the evaluation gives up (a broken precondition). */
const MAX_QUEUE_STATES = 50_000_000;
/**
 * Chains estimated longer than this are integrated instead of summed: the
 * integral costs about as much as summing this many states, whatever the
 * patience.
 */
const CHAIN_MAX_STATES = 2500;

/**
 * Erlang A (M/M/N+M, Palm's model): Poisson arrivals, exponential handle
 * times, N agents, and customers who abandon after an exponential patience
 * with mean `patienceSec` if they are still waiting — at any patience, from
 * a second to "never abandons" (`Infinity`, the limit of Erlang C). Computed
 * exactly from the birth–death chain of the number of contacts in the
 * system, no simulation and no asymptotic approximation, in one of two
 * equivalent forms, each with a proven error bound:
 *
 * **The chain, summed** (patience up to a few hundred states' worth). With
 * μ = 1/AHT, θ = 1/patience, r = θ/μ and πₙ the stationary distribution
 * (πₙ ∝ Aⁿ/n! for n ≤ N, q_j = π_{N+j}/π_N = Π_{i=1..j} A/(N + i·r)):
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
 * The sums run until the terms decrease (ratio A/(N + (j+1)r) < 1, and the
 * ratios only decrease from there), then stop once the geometric bound
 * q_j·ρ/(1 − ρ) on what is left is below 1e-17 of the sum (and likewise for
 * Σ j·q_j). The chain has about (A − N)·patience/AHT + 9·√(A·patience/AHT)
 * states that matter, so it is summed only when that is small
 * (≤ 2,500 states); otherwise:
 *
 * **The same sums, integrated** (any patience, cost independent of it). Let
 * V be the offered wait of an arriving contact that finds all agents busy
 * (the time until an agent would take it, whatever its own patience); given
 * j ahead, V is a sum of Exp(N + k·r), k = 0..j (AHT units), so e^{−rV} is
 * Beta(N/r, j + 1). Summing the Beta densities against the weights q_j gives
 * (Σ_j a·x^j/j! = a·e^x, with a = N/r, x = A/r) the mixture density, in
 * units of π_N,
 *
 *     g(s) = N · exp(φ(s)),   φ(s) = −N·s + (A/r)·(1 − e^{−r s}),   s ≥ 0,
 *
 * so that, exactly: Σ_j q_j = ∫g; a contact answered iff its patience
 * outlasts V, so Σ_j q_j·w_j = ∫g·e^{−rs} (= (N/A)(Σ q_j − 1)), abandoned
 * = ∫g·(1 − e^{−rs}) (= r·Σ j q_j / A), answered within τ = t/AHT
 * = ∫₀^τ g·e^{−rs}, and Σ_j q_j·w_j·E[W | answered, j] = ∫s·g·e^{−rs}.
 * As r → 0, g → N·e^{−(N−A)s}: Erlang C. φ is concave (φ'' = −A·r·e^{−rs}),
 * with its maximum at s₀ = ln(A/N)/r when A > N (else at 0); the integrals
 * are computed in d = s − s₀ on exp(φ(s₀ + d) − φ(s₀)) =
 * exp(−(N − c₀)·d − c₀·d·H(r·d)), c₀ = A·e^{−r s₀}, H(z) = (z + e^{−z} − 1)/z
 * (a series for small z), so nothing cancels at small r, and
 * φ(s₀) = (N/r)·(δ − ln(1 + δ)), δ = A/N − 1 (a series for small δ).
 * - Truncation: outside [a, b], where φ has fallen 50 below its maximum,
 *   concavity bounds the integrand by the exponential of its tangent, so the
 *   part beyond b is at most g(b)/|φ'(b)| (times the weight's bound there,
 *   s/|φ'| + 1/φ'² for the weight s), and likewise before a.
 * - Quadrature: [a, b] is cut into panels integrated by 16-point
 *   Gauss–Legendre, whose error on a panel of half-length h is at most
 *   h·64·M/(15·(1 − ρ⁻²)·ρ³²) when the integrand is analytic and bounded by M
 *   inside the Bernstein ellipse E_ρ of the panel (Trefethen, "Is Gauss
 *   quadrature better than Clenshaw–Curtis?", SIAM Review 2008, Thm 4.5).
 *   The integrand is entire, and on s = σ + iy,
 *   Re φ(σ + iy) = φ(σ) + (A/r)·e^{−rσ}·(1 − cos ry) ≤ φ(σ) + A·r·y²·e^{−rσ}/2,
 *   so M is bounded by the largest φ on the real extent of the ellipse (φ is
 *   concave: one clamp) plus that term; the weights are bounded by
 *   |e^{−rz}| ≤ e^{−rσ}, |1 − e^{−rz}| ≤ min(1 + e^{−rσ}, r|z|·max(1, e^{−rσ})).
 * - Panels are halved until, for each of the five integrals, the sum of the
 *   truncation and quadrature bounds is at most 1e-14 of the integral less
 *   those bounds; the rest is rounding (sums of positive terms, an exponent
 *   with absolute error ≈ 1e-16·|exponent| ≤ 1e-14). Every metric is then
 *   within ~1e-13 relative of the chain's value: below 1e-12.
 *
 * `patienceSec = Infinity` is the limit θ → 0: Erlang C when N > A; when
 * N ≤ A every contact waits, the answered wait grows without bound and
 * abandonment tends to 1 − N/A (probWait 1, serviceLevel 0, asaSec Infinity,
 * occupancy 1).
 *
 * @param agents - servers N, a whole number ≥ 1
 * @param trafficErlangs - offered load A, Erlangs (≥ 0)
 * @param ahtSec - average handle time, seconds (> 0)
 * @param patienceSec - mean patience of a waiting contact, seconds (> 0; `Infinity` for never)
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
  if (!(patienceSec > 0)) {
    throw new RangeError(`erlangAMetrics needs patienceSec > 0, got ${patienceSec}`);
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
  const r = ahtSec / patienceSec;
  if (load === 0 || r === 0 || chainStates(agents, load, r) > CHAIN_MAX_STATES) {
    return erlangAMetricsIntegrated(agents, load, ahtSec, patienceSec, answerWithinSec);
  }
  return evaluateErlangA(agents, load, ahtSec, patienceSec, answerWithinSec, false);
}

/** About how many chain states the summation visits (see {@link erlangAMetrics}). */
function chainStates(n: number, load: number, r: number): number {
  const ratio = load / (n + r);
  if (ratio < 1) return Math.min(40 / -Math.log(ratio), 12 * Math.sqrt((n + r) / r)) + 40;
  return (load - n) / r + 12 * Math.sqrt(load / r) + 40;
}

/**
 * {@link erlangAMetrics} by the integral form only (the second form of its
 * documentation), whatever the patience; exported so that tests can hold
 * both forms to the same references.
 *
 * @param agents - servers N (≥ 1); the other arguments as {@link erlangAMetrics} (unchecked)
 * @returns the metrics of {@link QueueMetrics}
 * @example
 * erlangAMetricsIntegrated(13, 10, 180, 300, 20).abandonRate; // ≈ 0.02496, as the chain
 */
export function erlangAMetricsIntegrated(
  agents: number,
  load: number,
  ahtSec: number,
  patienceSec: number,
  answerWithinSec: number,
): QueueMetrics {
  const n = agents;
  if (load === 0) {
    return { probWait: 0, serviceLevel: 1, asaSec: 0, occupancy: 0, abandonRate: 0 };
  }
  const inverseB = erlangBInverseUnchecked(n, load);
  if (inverseB === Infinity) {
    return { probWait: 0, serviceLevel: 1, asaSec: 0, occupancy: load / n, abandonRate: 0 };
  }
  const r = ahtSec / patienceSec;
  if (r === 0) return patienceLimit(n, load, ahtSec, answerWithinSec, inverseB);
  const tau = answerWithinSec / ahtSec;
  let s0 = 0;
  let c0 = load;
  let phiStar = 0;
  if (load > n) {
    const delta = (load - n) / n;
    s0 = Math.log1p(delta) / r;
    c0 = n;
    phiStar = (n / r) * deltaMinusLog1p(delta);
    if (!Number.isFinite(s0)) return patienceLimit(n, load, ahtSec, answerWithinSec, inverseB);
  }
  const shape: Shape = { n, r, s0, c0, slope: n - c0, scale: 1 / (n - c0 + Math.sqrt(c0 * r)) };
  const whole = integrate(shape, -s0, Infinity);
  const idle = inverseB - 1; // Σ_{n<N} πₙ / π_N
  const idleScaled = idle > 0 ? Math.exp(Math.log(idle) - Math.log(n) - phiStar) : 0; // idle / (N·e^{φ(s₀)})
  let within = 0;
  if (tau > 0) {
    within = tau - s0 >= whole.right ? whole.answered : scaled(integrate(shape, -s0, tau - s0), ANSWERED);
  }
  const total = idleScaled + whole.all;
  const abandonRate = whole.abandoned / total;
  return {
    probWait: whole.all / total,
    serviceLevel: (idleScaled + within) / total,
    asaSec: (ahtSec * whole.waitAnswered) / (idleScaled + whole.answered),
    occupancy: Math.min(1, (load * (1 - abandonRate)) / n),
    abandonRate,
  };
}

/** The metrics as θ → 0 (see {@link erlangAMetrics}). */
function patienceLimit(n: number, load: number, ahtSec: number, answerWithinSec: number, inverseB: number): QueueMetrics {
  if (n > load) return erlangCMetricsFromInverseB(n, load, ahtSec, answerWithinSec, inverseB);
  return { probWait: 1, serviceLevel: 0, asaSec: Infinity, occupancy: 1, abandonRate: 1 - n / load };
}

/** δ − ln(1 + δ) without cancellation (δ > 0). */
function deltaMinusLog1p(delta: number): number {
  if (delta > 0.1) return delta - Math.log1p(delta);
  // Σ_{k≥2} (−1)^k δ^k / k: alternating, decreasing terms
  let power = delta * delta;
  let sum = 0;
  for (let k = 2; k < 40; k++) {
    const term = power / k;
    sum += k % 2 === 0 ? term : -term;
    if (term < 1e-18 * sum) break;
    power *= delta;
  }
  return sum;
}

/** H(z) = (z + e^{−z} − 1)/z, with H(0) = 0, without cancellation near 0. */
function hOverZ(z: number): number {
  if (Math.abs(z) >= 0.25) return (z + Math.expm1(-z)) / z;
  // Σ_{k≥2} (−1)^k z^{k−1} / k!
  let term = z / 2;
  let sum = term;
  for (let k = 3; k < 30; k++) {
    term *= -z / k;
    sum += term;
    if (Math.abs(term) <= 1e-18 * Math.abs(sum)) break;
  }
  return sum;
}

/** The integrand's shape: φ(s₀ + d) − φ(s₀) = −slope·d − c₀·d·H(r·d), slope = N − c₀ ≥ 0. */
interface Shape {
  n: number;
  r: number;
  s0: number;
  c0: number;
  slope: number;
  /** A length over which the exponent changes by about 1 near the mode. */
  scale: number;
}

/** φ(s₀ + d) − φ(s₀), concave in d, 0 at d = 0. */
function exponent(f: Shape, d: number): number {
  return -f.slope * d - f.c0 * d * hOverZ(f.r * d);
}

/** Weights, in this order: 1, 1 − e^{−rs}, e^{−rs}, s·e^{−rs}. */
const ALL = 0;
const ABANDONED = 1;
const ANSWERED = 2;
const WAIT_ANSWERED = 3;
const WEIGHTS = 4;

/** Each integral relative to the range's largest integrand exp(φ − φ(s₀) − log), and that log. */
interface Integrals {
  values: number[];
  log: number;
  /** Where the upper truncation fell (d), Infinity when none. */
  right: number;
  all: number;
  abandoned: number;
  answered: number;
  waitAnswered: number;
}

function scaled(x: Integrals, k: number): number {
  return x.values[k]! * Math.exp(x.log);
}

const GL_POINTS = 16;
/** Candidate ρ of the Bernstein ellipse. */
const RHOS = [2, 3, 4.5, 7];
/**
 * The panels' nodes and weights, and 64/(15·(1 − ρ⁻²)·ρ^{2n}) for each ρ:
 * computed at the first long chain, not at start-up (most runs never need them).
 */
let quadrature: { x: number[]; w: number[]; rhoFactors: number[] } | undefined;
function gaussLegendrePanel(): { x: number[]; w: number[]; rhoFactors: number[] } {
  if (quadrature === undefined) {
    const [x, w] = gaussLegendre(GL_POINTS);
    quadrature = { x, w, rhoFactors: RHOS.map((rho) => 64 / (15 * (1 - rho ** -2) * rho ** (2 * GL_POINTS))) };
  }
  return quadrature;
}
/** The exponent drop at which the range is cut (e^{−50} ≈ 2e-22), raised if a tail bound is not small enough. */
const CUT = 50;
/** Bound on (truncation + quadrature error) / integral, for each integral. */
const QUADRATURE_TOLERANCE = 1e-14;

/**
 * The four weighted integrals of exp(φ(s₀ + d) − φ(s₀)) over d in [lo, hi]
 * (lo ≥ −s₀; hi may be Infinity), each with its proven error bound within
 * {@link QUADRATURE_TOLERANCE} of its value (see {@link erlangAMetrics}).
 */
function integrate(f: Shape, lo: number, hi: number): Integrals {
  const top = Math.min(Math.max(0, lo), hi); // φ is largest at d = 0 (or at the end nearest it)
  const log = exponent(f, top);
  for (let cut = CUT; ; cut += 25) {
    const result = integrateCut(f, lo, hi, top, log, cut);
    if (result !== undefined) return result;
    if (cut > 1000) throw new RangeError(`erlangAMetrics: no error bound for N=${f.n} r=${f.r}`);
  }
}

function integrateCut(f: Shape, lo: number, hi: number, top: number, log: number, cut: number): Integrals | undefined {
  const tails = [0, 0, 0, 0];
  // Upper cut: b, past which exp(φ) ≤ exp(φ(b) + φ'(b)(d − b)), φ'(b) < 0.
  let b = hi;
  if (hi > top) {
    const found = cutPoint(f, top, hi, log - cut, 1);
    if (found !== undefined) {
      b = found;
      const t = Math.exp(exponent(f, b) - log);
      const beta = f.n - f.c0 * Math.exp(-f.r * b); // −φ'(b) > 0
      const s = f.s0 + b;
      const moment = s / beta + 1 / (beta * beta);
      tails[ALL] = t / beta;
      tails[ABANDONED] = t * Math.min(1 / beta, f.r * moment);
      tails[ANSWERED] = t / beta;
      tails[WAIT_ANSWERED] = t * moment;
    }
  }
  // Lower cut: a, before which exp(φ) ≤ exp(φ(a) + φ'(a)(d − a)), φ'(a) > 0.
  let a = lo;
  if (lo < top) {
    const found = cutPoint(f, top, lo, log - cut, -1);
    if (found !== undefined) {
      a = found;
      const t = Math.exp(exponent(f, a) - log);
      const beta = f.c0 * Math.exp(-f.r * a) - f.n; // φ'(a) > 0
      const s = f.s0 + a;
      tails[ALL]! += t / beta;
      tails[ABANDONED]! += (t / beta) * Math.min(1, f.r * s);
      tails[ANSWERED]! += t / beta;
      tails[WAIT_ANSWERED]! += (t / beta) * s;
    }
  }
  // Panels of about 4 scale lengths, halved where their bounds are too large.
  const count = Math.max(1, Math.min(256, Math.ceil((b - a) / (4 * f.scale))));
  let panels: Panel[] = [];
  for (let i = 0; i < count; i++) panels.push(panel(f, a + ((b - a) * i) / count, i === count - 1 ? b : a + ((b - a) * (i + 1)) / count, log));
  for (let round = 0; ; round++) {
    const values = [0, 0, 0, 0];
    const errors = [...tails];
    for (const p of panels) {
      for (let k = 0; k < WEIGHTS; k++) {
        values[k]! += p.values[k]!;
        errors[k]! += p.errors[k]!;
      }
    }
    const failing: boolean[] = [];
    let ok = true;
    for (let k = 0; k < WEIGHTS; k++) {
      const bad = !(errors[k]! <= QUADRATURE_TOLERANCE * (values[k]! - errors[k]!)) && !(values[k] === 0 && errors[k] === 0);
      failing.push(bad);
      if (bad) ok = false;
    }
    if (ok) {
      return {
        values,
        log,
        right: b === hi ? Infinity : b,
        all: values[ALL]! * Math.exp(log),
        abandoned: values[ABANDONED]! * Math.exp(log),
        answered: values[ANSWERED]! * Math.exp(log),
        waitAnswered: values[WAIT_ANSWERED]! * Math.exp(log),
      };
    }
    // A tail alone too large: cut further out.
    for (let k = 0; k < WEIGHTS; k++) if (failing[k] && tails[k]! > 0.5 * QUADRATURE_TOLERANCE * values[k]!) return undefined;
    if (round > 40 || panels.length > 100_000) return undefined;
    const next: Panel[] = [];
    for (const p of panels) {
      let split = false;
      for (let k = 0; k < WEIGHTS; k++) {
        if (failing[k] && p.errors[k]! > (0.5 * QUADRATURE_TOLERANCE * values[k]!) / panels.length) split = true;
      }
      if (split) {
        const mid = 0.5 * (p.from + p.to);
        next.push(panel(f, p.from, mid, log), panel(f, mid, p.to, log));
      } else next.push(p);
    }
    panels = next;
  }
}

/**
 * A point between `from` (the top of the range) and `limit`, in direction
 * `sign`, where the exponent has fallen to `floor` or below, or undefined when
 * it stays above it up to the limit (then the range is not cut there).
 */
function cutPoint(f: Shape, from: number, limit: number, floor: number, sign: 1 | -1): number | undefined {
  let inside = from;
  let step = f.scale;
  for (;;) {
    const at = sign > 0 ? Math.min(limit, from + step) : Math.max(limit, from - step);
    if (exponent(f, at) <= floor) {
      // bisect between `inside` (above the floor) and `at` (below it)
      let outside = at;
      for (let i = 0; i < 12; i++) {
        const mid = 0.5 * (inside + outside);
        if (exponent(f, mid) <= floor) outside = mid;
        else inside = mid;
      }
      return outside;
    }
    if (at === limit) return undefined;
    inside = at;
    step *= 2;
  }
}

interface Panel {
  from: number;
  to: number;
  values: number[];
  errors: number[];
}

/** One Gauss–Legendre panel: the four integrals and their error bounds (see {@link erlangAMetrics}). */
function panel(f: Shape, from: number, to: number, log: number): Panel {
  const half = 0.5 * (to - from);
  const mid = 0.5 * (to + from);
  const { r, s0 } = f;
  const { x: GL_X, w: GL_W, rhoFactors: RHO_FACTORS } = gaussLegendrePanel();
  let all = 0;
  let abandoned = 0;
  let answered = 0;
  let waitAnswered = 0;
  for (let i = 0; i < GL_POINTS; i++) {
    const d = mid + half * GL_X[i]!;
    const g = GL_W[i]! * Math.exp(exponent(f, d) - log);
    const s = s0 + d;
    const rs = r * s;
    const stay = Math.exp(-rs);
    all += g;
    abandoned += g * (rs < 0.5 ? -Math.expm1(-rs) : 1 - stay);
    answered += g * stay;
    waitAnswered += g * s * stay;
  }
  // Error bounds: the best of a few Bernstein ellipses.
  const dTop = f.slope === 0 ? 0 : Math.log(f.c0 / f.n) / r; // where φ(s₀ + d) is largest on the real line
  const errors = [Infinity, Infinity, Infinity, Infinity];
  for (let j = 0; j < RHOS.length; j++) {
    const rho = RHOS[j]!;
    const reach = half * 0.5 * (rho + 1 / rho);
    const height = half * 0.5 * (rho - 1 / rho);
    const x1 = mid - reach;
    const x2 = mid + reach;
    const peak = exponent(f, Math.min(x2, Math.max(x1, dTop)));
    const growth = Math.exp(-r * x1); // |e^{−r(d + iy)}| ≤ e^{−r·x1}
    const logM = peak - log + 0.5 * f.c0 * growth * r * height * height;
    const bound = half * RHO_FACTORS[j]! * Math.exp(logM);
    if (!(bound < Infinity)) continue;
    const sigma1 = s0 + x1;
    const sigma2 = s0 + x2;
    const stayMax = Math.exp(-r * sigma1);
    const zMax = Math.hypot(Math.max(Math.abs(sigma1), Math.abs(sigma2)), height);
    const leaveMax = Math.min(1 + stayMax, r * zMax * Math.max(1, stayMax));
    errors[ALL] = Math.min(errors[ALL]!, bound);
    errors[ABANDONED] = Math.min(errors[ABANDONED]!, bound * leaveMax);
    errors[ANSWERED] = Math.min(errors[ANSWERED]!, bound * stayMax);
    errors[WAIT_ANSWERED] = Math.min(errors[WAIT_ANSWERED]!, bound * zMax * stayMax);
  }
  return { from, to, values: [all * half, abandoned * half, answered * half, waitAnswered * half], errors };
}

/** Nodes and weights of n-point Gauss–Legendre on [−1, 1] (Newton on Pₙ, to rounding). */
function gaussLegendre(n: number): [number[], number[]] {
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < n; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-17) break;
    }
    x.push(z);
    w.push(2 / ((1 - z * z) * dp * dp));
  }
  return [x, w];
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
