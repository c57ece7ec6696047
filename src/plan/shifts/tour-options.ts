import { spanShares } from "./week-grid.js";
import type { LegalFloors, ShiftTemplate } from "./template.js";

/**
 * What a template allows: its weekly day patterns, its start times and the
 * bands of starts one person may use through the week, and each break's
 * start offsets. The schedule model chooses among these.
 */

/** Bit d set = works day d (0 = the week's first day). */
export type DayMask = number;

/** Days of a mask, ascending. */
export function daysOf(mask: DayMask): number[] {
  const days: number[] = [];
  for (let d = 0; d < 7; d++) if (mask & (1 << d)) days.push(d);
  return days;
}

function popcount(mask: DayMask): number {
  let n = 0;
  for (let d = 0; d < 7; d++) if (mask & (1 << d)) n++;
  return n;
}

/** Longest cyclic run of days off in a mask (7 when no day is worked). */
function longestRest(mask: DayMask): number {
  if (mask === 0) return 7;
  let best = 0;
  for (let d = 0; d < 7; d++) {
    let run = 0;
    while (run < 7 && !(mask & (1 << ((d + run) % 7)))) run++;
    if (run > best) best = run;
  }
  return best;
}

/** Whether the days off of a mask form one cyclic run (no day off counts). */
function offDaysConsecutive(mask: DayMask): boolean {
  const off = 7 - popcount(mask);
  return off === 0 || longestRest(mask) === off;
}

/**
 * The weekly day patterns of a template, ascending by mask: `days_per_week`
 * days worked, days off as its rule says, and a weekly rest of at least
 * `minWeeklyRestHours` (the longest run of days off, plus the night before
 * and the morning after: (run + 1) × 24 h − length − start band).
 */
export function dayPatterns(t: ShiftTemplate, legal: LegalFloors): DayMask[] {
  const out: DayMask[] = [];
  for (let mask = 1; mask < 128; mask++) {
    if (popcount(mask) !== t.daysPerWeek) continue;
    if (t.daysOff.kind === "consecutive" && !offDaysConsecutive(mask)) continue;
    if (t.daysOff.kind === "fixed" && t.daysOff.days.some((d) => mask & (1 << d))) continue;
    const run = longestRest(mask);
    const restMin = run === 0 ? 0 : (run + 1) * 1440 - t.lengthMin - effectiveBand(t);
    if (legal.minWeeklyRestHours > 0 && restMin < legal.minWeeklyRestHours * 60) continue;
    out.push(mask);
  }
  return out;
}

/** How far a person's start can really move: the band, at most the start window. */
function effectiveBand(t: ShiftTemplate): number {
  return Math.min(t.startBandMin, t.lastStartMin - t.firstStartMin);
}

/** Start times of a template, minutes after midnight, ascending. */
export function startTimes(t: ShiftTemplate): number[] {
  const out: number[] = [];
  for (let s = t.firstStartMin; s <= t.lastStartMin; s += t.startStepMin) out.push(s);
  return out;
}

/**
 * Bands of starts a person may move within through the week: every run of
 * starts no more than `startBandMin` apart that begins at a start time (one
 * band per start when the start is the same all week; one band of every
 * start when the band is as wide as the window). Each band is a list of
 * indices into {@link startTimes}.
 */
export function startBands(t: ShiftTemplate): number[][] {
  const starts = startTimes(t);
  if (starts.length === 0) return [];
  if (t.startBandMin >= starts[starts.length - 1]! - starts[0]!) return [starts.map((_, k) => k)];
  const bands: number[][] = [];
  for (let b = 0; b < starts.length; b++) {
    const band: number[] = [];
    for (let k = b; k < starts.length && starts[k]! <= starts[b]! + t.startBandMin; k++) band.push(k);
    bands.push(band);
    // the first band that reaches the last start holds every later band's starts
    if (band[band.length - 1] === starts.length - 1) break;
  }
  return bands;
}

/**
 * Break `k`'s offsets that the requirement can tell apart: when every start
 * of the template falls at the same place of the interval grid, two offsets
 * that take the same shares of the same intervals are one choice for
 * coverage (a 15-minute break at :00 or :15 of a 30-minute interval), and
 * only the earlier is kept — the model is smaller, the optimum the same.
 */
export function distinctBreakOffsets(t: ShiftTemplate, k: number, gridMin: number): number[] {
  const all = breakOffsets(t, k);
  if (t.startStepMin % gridMin !== 0) return all;
  const length = t.breaks[k]!.lengthMin;
  const seen = new Set<string>();
  return all.filter((o) => {
    const from = t.firstStartMin + o;
    const key = spanShares(gridMin, from, from + length)
      .map(([i, share]) => `${i}:${share}`)
      .join(" ");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Start offsets (minutes after the shift start) of break `k` of a template: inside its window, on its step. */
export function breakOffsets(t: ShiftTemplate, k: number): number[] {
  const b = t.breaks[k]!;
  const out: number[] = [];
  for (let o = b.afterMin; o + b.lengthMin <= b.beforeMin; o += b.stepMin) out.push(o);
  return out;
}
