/** Days a gap must reach, at least, to split a file's dates (a missing day or weekend never does; a date typed a week off does). */
const MIN_GAP_DAYS = 7;
/** …and how many times the file's typical spacing between distinct dates. */
const GAP_TO_SPACING = 4;

/** A run of dates cut off from the rest of the file by a gap larger than itself. */
export interface DateOutlier {
  /** Day since the epoch. */
  day: number;
  /** First line of a row on that day, and how many rows it has. */
  line: number;
  rows: number;
  /** Days between this run of dates and the nearest other date of the file. */
  gapDays: number;
  /** The main run of dates of the file (days since the epoch). */
  mainFirstDay: number;
  mainLastDay: number;
}

/**
 * The distinct days of a forecast, with the first line and the row count of
 * each, kept as rows stream by (one map entry per day: a year is 365
 * entries; consecutive rows of one day cost one comparison), then searched
 * for dates far from the rest of the file — a year typed 2062 among 2026
 * rows, one day a month off in a week.
 *
 * "Far", decided on the sorted distinct days: the typical spacing is the
 * median gap between consecutive distinct days (1 for a daily file, 7 for a
 * file of Mondays; 1 when there are fewer than 3 gaps); gaps of
 * at least {@link MIN_GAP_DAYS} days and {@link GAP_TO_SPACING} times the
 * typical spacing cut the days into runs. The run with the most rows is the file;
 * any other run shorter (first to last day) than its gap to the nearest
 * other run is an outlier. A week with a missing day, weekends, or a
 * two-week closure in a year (runs longer than the gap) are not.
 */
export class DaySpan {
  private readonly days = new Map<number, { line: number; rows: number }>();
  private lastDay = NaN;
  private last: { line: number; rows: number } | undefined;

  add(day: number, line: number): void {
    if (day === this.lastDay) {
      this.last!.rows++;
      return;
    }
    let e = this.days.get(day);
    if (e === undefined) this.days.set(day, (e = { line, rows: 0 }));
    e.rows++;
    this.lastDay = day;
    this.last = e;
  }

  outliers(): DateOutlier[] {
    const days = [...this.days.keys()].sort((a, b) => a - b);
    if (days.length < 2) return [];
    const gaps = days.slice(1).map((d, i) => d - days[i]!);
    const typical = gaps.length >= 3 ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : 1;
    const cut = Math.max(MIN_GAP_DAYS, GAP_TO_SPACING * typical);
    const runs: { from: number; to: number; rows: number }[] = []; // indexes into days
    let from = 0;
    for (let i = 0; i <= gaps.length; i++) {
      if (i === gaps.length || gaps[i]! >= cut) {
        let rows = 0;
        for (let k = from; k <= i; k++) rows += this.days.get(days[k]!)!.rows;
        runs.push({ from, to: i, rows });
        from = i + 1;
      }
    }
    if (runs.length === 1) return [];
    let main = runs[0]!;
    for (const r of runs) if (r.rows > main.rows) main = r;
    const out: DateOutlier[] = [];
    runs.forEach((r, k) => {
      if (r === main) return;
      const before = k > 0 ? days[r.from]! - days[runs[k - 1]!.to]! : Infinity;
      const after = k < runs.length - 1 ? days[runs[k + 1]!.from]! - days[r.to]! : Infinity;
      const gap = Math.min(before, after);
      if (days[r.to]! - days[r.from]! + 1 >= gap) return;
      for (let i = r.from; i <= r.to; i++) {
        const e = this.days.get(days[i]!)!;
        out.push({ day: days[i]!, line: e.line, rows: e.rows, gapDays: gap, mainFirstDay: days[main.from]!, mainLastDay: days[main.to]! });
      }
    });
    return out;
  }
}
