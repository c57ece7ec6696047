/**
 * The taut string through a corridor: the cumulative curve C with C(0) = 0,
 * `lower[j] ≤ C(j + 1) ≤ upper[j]` at every step end, and C(n) = `end`, that
 * is the shortest path between the bounds. Its slopes (the work done in each
 * step) are the lowest possible peak and, among all feasible profiles, the
 * most level one: it minimises every convex function of the per-step work
 * (the peak, the sum of squares…). It is the classic "string" solution of
 * smoothing under cumulative constraints.
 *
 * Used for deadline staffing: `lower` is the work that must be finished by the
 * end of each step (due), `upper` the work that has arrived by then (cannot be
 * done before it arrives), and the slopes are the work to staff per step.
 *
 * Algorithm: from the current anchor, sweep forward keeping the steepest slope
 * the lower bounds demand and the gentlest slope the upper bounds allow; when
 * they cross, the string bends at the point that set the binding slope, which
 * becomes the new anchor. Exact up to rounding; O(n) per bend.
 *
 * @param lower - cumulative minimum at the end of each step (non-decreasing), any unit
 * @param upper - cumulative maximum at the end of each step (non-decreasing, ≥ lower)
 * @param end - cumulative value at the end of the last step, within [lower[n−1], upper[n−1]]
 * @returns the amount per step (the slopes), same unit as the bounds
 * @throws RangeError when a bound is decreasing, lower > upper, or end is out of bounds
 * @example
 * tautString([0, 0, 10], [10, 10, 10], 10); // [3.33…, 3.33…, 3.33…]
 */
export function tautString(lower: readonly number[], upper: readonly number[], endGiven: number): number[] {
  const n = lower.length;
  const slopes = new Float64Array(n);
  tautStringInto(lower, upper, endGiven, new Float64Array(n + 1), new Float64Array(n + 1), slopes);
  return Array.from(slopes);
}

/**
 * {@link tautString} into arrays the caller gives (and may reuse from call
 * to call): the same checks, the same slopes, no allocation.
 *
 * @param lower - cumulative minimum at the end of each step (n steps)
 * @param upper - cumulative maximum at the end of each step (n steps)
 * @param endGiven - cumulative value at the end of the last step
 * @param lo - scratch, at least n + 1 long (its first n + 1 values are overwritten)
 * @param hi - scratch, at least n + 1 long (likewise)
 * @param slopes - receives the n slopes in its first n places
 * @throws RangeError as {@link tautString} does
 */
export function tautStringInto(lower: ArrayLike<number>, upper: ArrayLike<number>, endGiven: number, lo: Float64Array, hi: Float64Array, slopes: Float64Array): void {
  let end = endGiven;
  const n = lower.length;
  if (upper.length !== n) throw new RangeError(`tautString needs bounds of one length, got ${n} and ${upper.length}`);
  for (let j = 0; j < n; j++) {
    if (!(lower[j]! <= upper[j]! * (1 + 1e-12) + 1e-9)) {
      throw new RangeError(`tautString needs lower <= upper, got ${lower[j]} > ${upper[j]} at step ${j}`);
    }
  }
  if (n === 0) return;
  if (lo.length < n + 1 || hi.length < n + 1 || slopes.length < n) throw new RangeError(`tautStringInto needs scratch of ${n + 1} and ${n} places, got ${lo.length}, ${hi.length} and ${slopes.length}`);
  // sums of many terms in another order differ by rounding: tolerate it relative to their size, then pin the end inside
  const slack = 1e-9 * Math.max(1, Math.abs(lower[n - 1]!), Math.abs(upper[n - 1]!));
  if (!(end >= lower[n - 1]! - slack && end <= upper[n - 1]! + slack)) {
    throw new RangeError(`tautString needs end within [${lower[n - 1]}, ${upper[n - 1]}], got ${end}`);
  }
  end = Math.min(Math.max(end, lower[n - 1]!), Math.max(lower[n - 1]!, upper[n - 1]!));
  // Point k (k = 1..n) is the end of step k − 1; its bounds, with the end pinned.
  lo[0] = 0;
  hi[0] = 0;
  for (let k = 1; k < n; k++) {
    lo[k] = lower[k - 1]!;
    hi[k] = upper[k - 1]!;
  }
  lo[n] = end;
  hi[n] = end;
  tautSlopes(lo, hi, n, slopes);
}

/**
 * The taut string's slopes, without checks or allocation: `lo` and `hi` hold
 * the bounds of points 0..n (point k is the end of step k − 1; point 0 is
 * the origin, and `lo[n] = hi[n]` = the pinned end), `slopes` receives the n
 * steps. For callers that solve many corridors of one size (see
 * {@link tautString} for the method and the preconditions).
 */
export function tautSlopes(lo: Float64Array, hi: Float64Array, n: number, slopes: Float64Array): void {
  const end = lo[n]!;
  let anchorX = 0;
  let anchorY = 0;
  while (anchorX < n) {
    let maxLow = -Infinity; // steepest slope demanded by the lower bounds so far
    let maxLowAt = -1;
    let minHigh = Infinity; // gentlest slope allowed by the upper bounds so far
    let minHighAt = -1;
    let bendX = n;
    let bendY = end;
    for (let k = anchorX + 1; k <= n; k++) {
      const dx = k - anchorX;
      const low = (lo[k]! - anchorY) / dx;
      const high = (hi[k]! - anchorY) / dx;
      if (low > minHigh) {
        // A lower bound rises above the gentlest allowed line: bend down at its point.
        bendX = minHighAt;
        bendY = hi[minHighAt]!;
        break;
      }
      if (high < maxLow) {
        // An upper bound falls below the steepest demanded line: bend up at its point.
        bendX = maxLowAt;
        bendY = lo[maxLowAt]!;
        break;
      }
      if (low >= maxLow) {
        maxLow = low;
        maxLowAt = k;
      }
      if (high <= minHigh) {
        minHigh = high;
        minHighAt = k;
      }
    }
    const slope = (bendY - anchorY) / (bendX - anchorX);
    for (let k = anchorX; k < bendX; k++) slopes[k] = slope;
    anchorX = bendX;
    anchorY = bendY;
  }
}
