import { minuteOfDay } from "../plan/calendar.js";

/**
 * The interval length of one queue of a forecast without an
 * `interval_minutes` column, from its own start times.
 *
 * Candidates are 60, 30, 20, 15, 10 and 5 minutes — never less: a start off
 * the 5-minute grid (08:37) is an error on its line, not a 1-minute grid and
 * 15 times the agents. The queue's grid is the longest candidate on which
 * all its starts fall — or, from 10 rows on, all but 2 % (at least one), so
 * that one stray start is reported off the grid instead of shrinking the
 * interval. Its own spacing confirms it when two consecutive rows of the
 * queue are exactly one grid step apart ("dense": a 30-minute queue in a
 * 15-minute file stays 30 minutes). A "sparse" queue (no two rows one step
 * apart) cannot tell its interval itself: see {@link sparseInterval}.
 */
export const GRID_CANDIDATES = [60, 30, 20, 15, 10, 5] as const;

/** The finest grid ever inferred, minutes. */
export const FINEST_GRID = 5;

/** The start times of one queue, as counters (constant memory). */
export class GridEvidence {
  rows = 0;
  private readonly misfits = new Int32Array(GRID_CANDIDATES.length);
  private readonly steps = new Int32Array(GRID_CANDIDATES.length);
  private last = NaN;

  /** One start, minutes since the epoch, already on the 5-minute grid. */
  add(startMin: number): void {
    const minute = minuteOfDay(startMin);
    const step = Math.abs(startMin - this.last);
    for (let k = 0; k < GRID_CANDIDATES.length; k++) {
      const c = GRID_CANDIDATES[k]!;
      if (minute % c !== 0) this.misfits[k]!++;
      if (step === c) this.steps[k]!++;
    }
    this.last = startMin;
    this.rows++;
  }

  /** The longest candidate holding all starts but the allowed misfits. */
  grid(): number {
    const allowed = this.rows >= 10 ? Math.max(1, Math.floor(0.02 * this.rows)) : 0;
    for (let k = 0; k < GRID_CANDIDATES.length; k++) if (this.misfits[k]! <= allowed) return GRID_CANDIDATES[k]!;
    return FINEST_GRID;
  }

  /** Whether two consecutive rows are exactly `grid` minutes apart. */
  dense(grid: number): boolean {
    const k = GRID_CANDIDATES.indexOf(grid as (typeof GRID_CANDIDATES)[number]);
    return k >= 0 && this.steps[k]! > 0;
  }
}

/**
 * The interval of a sparse queue whose starts fall on a `grid`-minute grid,
 * given the intervals of the file's dense queues:
 * - no dense queue: `grid` itself (the file's own spacing, as before);
 * - the one dense interval that divides `grid` (a queue of a few rows on the
 *   hour in a 30-minute file is a 30-minute queue whose empty intervals were
 *   left out);
 * - none divides it but the dense queues agree on one interval: that one
 *   (the queue's starts off its grid are then reported, INPUT_OFF_GRID);
 * - otherwise undefined — ambiguous: a file of 15- and 30-minute queues
 *   cannot say which a sparse hourly queue is.
 */
export function sparseInterval(grid: number, denseIntervals: ReadonlySet<number>): number | undefined {
  if (denseIntervals.size === 0) return grid;
  let found: number | undefined;
  for (const d of denseIntervals) {
    if (grid % d !== 0) continue;
    if (found !== undefined) return undefined;
    found = d;
  }
  if (found !== undefined) return found;
  return denseIntervals.size === 1 ? [...denseIntervals][0]! : undefined;
}
