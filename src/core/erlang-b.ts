/**
 * How far below `min(agents, load)` the Erlang B recursion starts, in
 * standard deviations of the load (√A). The recursion for 1/B shrinks any
 * relative error of its starting value by about n/A per step below the load,
 * so starting 8.5·√A below damps an initial error of a few percent by
 * exp(−8.5²/2) ≈ 2e-16: the result is exact to double precision while the
 * cost is O(√A) instead of O(A).
 */
const START_DEPTH_SIGMAS = 8.5;

/**
 * The reciprocal of the Erlang B blocking probability, `1 / B(agents, load)`.
 *
 * Uses the forward recursion `R(n) = 1 + (n / A) · R(n − 1)` with `R(0) = 1`
 * (Jagerman), which is relatively stable: the relative error of `R` only
 * shrinks from one step to the next. For loads above ~72 Erlangs the
 * recursion starts at `n0 = min(agents, A) − 8.5·√A` from the estimate
 * `R(n0) ≈ A / (A − n0)` (the n ≪ A asymptote, a few percent off there);
 * that error is damped below double precision before `n` reaches the load,
 * so only O(√A) steps are taken. Multiplications only: no factorials,
 * no powers, no overflow for any load a contact center can have.
 *
 * @param agents - number of servers, a whole number ≥ 0
 * @param trafficErlangs - offered load A, Erlangs (> 0)
 * @returns `1 / B`, ≥ 1; `Infinity` when B underflows (B < 1e-308, agents ≫ load)
 * @throws RangeError for a negative or fractional `agents`, or a load ≤ 0
 * @example
 * 1 / erlangBInverse(14, 10); // 0.05682 = B(14, 10)
 */
export function erlangBInverse(agents: number, trafficErlangs: number): number {
  if (!Number.isInteger(agents) || agents < 0) {
    throw new RangeError(`erlangB needs a whole number of agents >= 0, got ${agents}`);
  }
  if (!(trafficErlangs > 0) || !Number.isFinite(trafficErlangs)) {
    throw new RangeError(`erlangB needs trafficErlangs > 0, got ${trafficErlangs}`);
  }
  return erlangBInverseUnchecked(agents, trafficErlangs);
}

/** {@link erlangBInverse} without argument checks, for the solvers' hot path. */
export function erlangBInverseUnchecked(agents: number, load: number): number {
  let n = Math.floor(Math.min(agents, load) - START_DEPTH_SIGMAS * Math.sqrt(load));
  let inverse = 1;
  if (n > 0) {
    inverse = load / (load - n);
  } else {
    n = 0;
  }
  const perAgent = 1 / load;
  for (let k = n + 1; k <= agents; k++) {
    inverse = 1 + k * perAgent * inverse;
    if (inverse === Infinity) break; // B < 1e-308 already; it only shrinks further
  }
  return inverse;
}

/**
 * Erlang B: the probability that a contact finds every one of `agents`
 * servers busy in a loss system (M/M/N/N) offered `trafficErlangs`.
 *
 * `B(N, A) = (A^N / N!) / Σ_{k=0..N} A^k / k!`, computed by the stable
 * recursion of {@link erlangBInverse}.
 *
 * @param agents - number of servers, a whole number ≥ 0
 * @param trafficErlangs - offered load, Erlangs (≥ 0; 0 gives 0 unless agents = 0)
 * @returns blocking probability in [0, 1]
 * @example
 * erlangB(14, 10); // ≈ 0.05682
 */
export function erlangB(agents: number, trafficErlangs: number): number {
  if (trafficErlangs === 0 && Number.isInteger(agents) && agents >= 0) {
    return agents === 0 ? 1 : 0;
  }
  return 1 / erlangBInverse(agents, trafficErlangs);
}
