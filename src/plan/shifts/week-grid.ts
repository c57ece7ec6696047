import { MINUTES_PER_WEEK } from "../calendar.js";

/**
 * Minutes of a cyclic week on an interval grid (SPEC 5.4b): a span of time
 * covers each interval by the share of it that it overlaps, and a span that
 * runs past the week's end wraps to its start.
 */

/** Minutes in a week (the calendar's). */
export const WEEK_MIN = MINUTES_PER_WEEK;

/**
 * Add `weight × share` to `into[i]` for every interval `i` of the week that
 * `[fromMin, toMin)` overlaps, share = overlapped minutes ÷ `gridMin`.
 * Times are minutes after the week's start; any real numbers (wrapped).
 *
 * @param into - one value per interval of the week (length 10,080 ÷ gridMin)
 * @param gridMin - interval length, minutes (divides 1,440)
 * @param fromMin - span start, minutes after the week's start
 * @param toMin - exclusive span end (≥ fromMin; at most a week later)
 * @param weight - people on the span (negative to take them off)
 * @example
 * const a = new Float64Array(336); // 30-minute grid
 * addSpan(a, 30, 15, 75, 1); // a[0] = 0.5, a[1] = 1, a[2] = 0.5
 */
export function addSpan(into: Float64Array, gridMin: number, fromMin: number, toMin: number, weight: number): void {
  if (!(toMin >= fromMin && toMin - fromMin <= WEEK_MIN)) throw new RangeError(`addSpan needs fromMin <= toMin <= fromMin + a week, got ${fromMin}, ${toMin}`);
  for (const [i, share] of spanShares(gridMin, fromMin, toMin)) into[i]! += weight * share;
}

/**
 * The intervals a span overlaps and by which share, as `[index, share]`
 * pairs in time order (an interval met twice, by a span of a whole week
 * that does not start on the grid, appears twice).
 */
export function spanShares(gridMin: number, fromMin: number, toMin: number): [number, number][] {
  const n = WEEK_MIN / gridMin;
  const out: [number, number][] = [];
  const start = ((fromMin % WEEK_MIN) + WEEK_MIN) % WEEK_MIN;
  const end = start + (toMin - fromMin);
  for (let k = Math.floor(start / gridMin); k * gridMin < end; k++) {
    const lo = Math.max(start, k * gridMin);
    const hi = Math.min(end, (k + 1) * gridMin);
    if (hi > lo) out.push([k % n, (hi - lo) / gridMin]);
  }
  return out;
}
