/** Calendar arithmetic on whole minutes since 1970-01-01T00:00 of the file's own clock (no time zone). */

/** Minutes in a day. */
export const MINUTES_PER_DAY = 1440;

/** `2026-11-23T08:30` from minutes since the epoch. */
export function formatDateTime(minutes: number): string {
  const date = new Date(minutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** Minutes after midnight of a start. */
export function minuteOfDay(minutes: number): number {
  return ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

/** The days of a week by their index (Monday = 0), as scenarios and reports write them. */
export const WEEK_DAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

/** Minutes in a week. */
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** Day of the week, Monday = 0 … Sunday = 6, of a start in minutes since 1970-01-01T00:00 (a Thursday). */
export function weekDayOf(startMin: number): number {
  const day = Math.floor(startMin / MINUTES_PER_DAY);
  return (((day + 3) % 7) + 7) % 7;
}

/**
 * The start (minutes since the epoch, at 00:00) of the calendar week that
 * holds `startMin`, for weeks that begin on `weekStart` (Monday = 0).
 * @example
 * formatDateTime(calendarWeekStart(parseDateTime("2026-11-26T10:00"), 0)); // "2026-11-23T00:00" (a Monday)
 */
export function calendarWeekStart(startMin: number, weekStart: number): number {
  const day = Math.floor(startMin / MINUTES_PER_DAY);
  const back = (((weekDayOf(startMin) - weekStart) % 7) + 7) % 7;
  return (day - back) * MINUTES_PER_DAY;
}

/** A calendar week of the horizon that the forecast covers only partly. */
export interface PartialWeek {
  /** Start of the calendar week (00:00 of its first day). */
  startMin: number;
  /** First and last day that have rows (minutes at 00:00). */
  firstDayMin: number;
  lastDayMin: number;
  /** Which end of the horizon: the forecast starts late in its first week, or stops early in its last. */
  side: "first" | "last";
}

/**
 * The weeks a plan stands for (SPEC 5.4): FTE = scheduled hours of a
 * calendar week ÷ contract hours.
 */
export interface Horizon {
  /** First interval start and exclusive end of the last interval with rows (minutes). */
  firstMin: number;
  endMin: number;
  /** Finest interval length seen, minutes. */
  gridMin: number;
  /** Monday = 0 … Sunday = 6. */
  weekStart: number;
  /** The calendar weeks planned, those the rows touch: [startMin, endMin) on week boundaries (or, for a rolling week given as one week, the 7 days from its first day). */
  windowStartMin: number;
  windowEndMin: number;
  /** Weeks the FTE are averaged over: the calendar weeks of the window, or the number given (`--weeks`, scenario `horizon`). */
  weeks: number;
  /** Whether the weeks were given explicitly. */
  weeksGiven: boolean;
  /** The first or last calendar week when the rows cover it only partly (never with weeks given). */
  partialWeeks: PartialWeek[];
  /** Calendar weeks inside the window that have no row at all (their starts). */
  emptyWeeks: number[];
  /** Calendar weeks from the first row's to the last row's. */
  calendarWeeks: number;
}

/**
 * Follows the rows of a forecast as they are read (first start, end, finest
 * grid, which days of which weeks have rows) and then says which weeks the
 * plan stands for. Flat memory: a few numbers per calendar week.
 *
 * Rules:
 * - a week runs from 00:00 of `weekStart` (Monday) to the same time 7 days
 *   later; a forecast with rows only Monday–Friday is one week;
 * - a last row that starts exactly at the next week's first minute with no
 *   volume is an inclusive end (exports write one): it does not open a week;
 * - with `weeks` given, FTE are averaged over that many weeks; else over the
 *   calendar weeks from the first row's to the last row's;
 * - a first week whose rows start on a later day of the week than any other
 *   week's, or a last week whose rows stop on an earlier day, or either with
 *   rows on fewer days than another week has, is partial;
 * - a week inside the horizon without any row is reported (empty).
 */
export class HorizonTracker {
  private first = Infinity;
  private end = -Infinity;
  /** End of rows that are not an inclusive end (a zero-volume row at a week's first minute). */
  private workEnd = -Infinity;
  private grid = Infinity;
  /** Per calendar week start: a bit per day of the week that has rows. */
  private readonly daysOfWeek = new Map<number, number>();
  private lastWeek = NaN;
  private lastBits = 0;

  constructor(readonly weekStart: number) {}

  /** Take one row: its start, length (minutes) and work (contacts, plus attempts for outbound; only whether it is 0 matters). */
  add(startMin: number, intervalMin: number, volume: number): void {
    if (startMin < this.first) this.first = startMin;
    const end = startMin + intervalMin;
    if (end > this.end) this.end = end;
    if (intervalMin < this.grid) this.grid = intervalMin;
    const week = calendarWeekStart(startMin, this.weekStart);
    if (volume === 0 && startMin === week) return; // possibly an inclusive end: decided in horizon()
    if (end > this.workEnd) this.workEnd = end;
    const bit = 1 << Math.floor((startMin - week) / MINUTES_PER_DAY);
    if (week === this.lastWeek) {
      if ((this.lastBits & bit) !== 0) return;
      this.lastBits |= bit;
    } else {
      this.lastWeek = week;
      this.lastBits = (this.daysOfWeek.get(week) ?? 0) | bit;
    }
    this.daysOfWeek.set(week, this.lastBits);
  }

  /** Whether any row was seen. */
  get empty(): boolean {
    return this.first === Infinity;
  }

  /**
   * The horizon of the rows seen; null when there were none.
   * @param weeksGiven - weeks the forecast stands for (`--weeks`, scenario `horizon`); null = its calendar weeks
   */
  horizon(weeksGiven: number | null): Horizon | null {
    if (this.empty) return null;
    // zero-volume rows at a week's first minute count as days of work, except as the very end
    const end = this.workEnd === -Infinity ? this.end : this.workEnd;
    const windowStart = calendarWeekStart(this.first, this.weekStart);
    const lastWeek = calendarWeekStart(Math.max(this.first, end - 1), this.weekStart);
    const calendarWeeks = Math.round((lastWeek - windowStart) / MINUTES_PER_WEEK) + 1;
    let windowStartMin = windowStart;
    let windowEndMin = lastWeek + MINUTES_PER_WEEK;
    // a rolling week (e.g. Wednesday to Tuesday) given as one week: its 7 days from its first
    if (weeksGiven === 1 && calendarWeeks === 2 && end - Math.floor(this.first / MINUTES_PER_DAY) * MINUTES_PER_DAY <= MINUTES_PER_WEEK) {
      windowStartMin = Math.floor(this.first / MINUTES_PER_DAY) * MINUTES_PER_DAY;
      windowEndMin = windowStartMin + MINUTES_PER_WEEK;
    }
    const partialWeeks: PartialWeek[] = [];
    if (weeksGiven === null && calendarWeeks > 1) {
      const weeks = [...this.daysOfWeek].filter(([w]) => w >= windowStart && w <= lastWeek).sort((a, b) => a[0] - b[0]);
      const firstDay = (bits: number) => 31 - Math.clz32(bits & -bits);
      const lastDay = (bits: number) => 31 - Math.clz32(bits);
      const dayCount = (bits: number) => {
        let n = 0;
        for (let b = bits; b !== 0; b &= b - 1) n++;
        return n;
      };
      if (weeks.length > 1) {
        const [w0, b0] = weeks[0]!;
        const [wn, bn] = weeks[weeks.length - 1]!;
        let earliestElsewhere = 7;
        let latestElsewhere = -1;
        let mostDaysFirst = 0; // most days with rows in a week other than the first, and other than the last
        let mostDaysLast = 0;
        for (const [w, b] of weeks) {
          if (w !== w0) {
            earliestElsewhere = Math.min(earliestElsewhere, firstDay(b));
            mostDaysFirst = Math.max(mostDaysFirst, dayCount(b));
          }
          if (w !== wn) {
            latestElsewhere = Math.max(latestElsewhere, lastDay(b));
            mostDaysLast = Math.max(mostDaysLast, dayCount(b));
          }
        }
        if (firstDay(b0) > earliestElsewhere || dayCount(b0) < mostDaysFirst) {
          partialWeeks.push({ startMin: w0, firstDayMin: w0 + firstDay(b0) * MINUTES_PER_DAY, lastDayMin: w0 + lastDay(b0) * MINUTES_PER_DAY, side: "first" });
        }
        if (lastDay(bn) < latestElsewhere || dayCount(bn) < mostDaysLast) {
          partialWeeks.push({ startMin: wn, firstDayMin: wn + firstDay(bn) * MINUTES_PER_DAY, lastDayMin: wn + lastDay(bn) * MINUTES_PER_DAY, side: "last" });
        }
      }
    }
    const emptyWeeks: number[] = [];
    for (let w = windowStart; w <= lastWeek; w += MINUTES_PER_WEEK) if (!this.daysOfWeek.has(w)) emptyWeeks.push(w);
    return {
      calendarWeeks,
      emptyWeeks,
      firstMin: this.first,
      endMin: end,
      gridMin: this.grid,
      weekStart: this.weekStart,
      windowStartMin,
      windowEndMin,
      weeks: weeksGiven ?? calendarWeeks,
      weeksGiven: weeksGiven !== null,
      partialWeeks,
    };
  }
}
