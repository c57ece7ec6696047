import { MINUTES_PER_WEEK } from "../calendar.js";
import type { Tour } from "./schedule-types.js";

/**
 * Agents on the floor per interval of a cyclic week, from tours (SPEC 5.4b).
 *
 * A person is on the floor from each working day's shift start to its end,
 * except during that day's breaks. A shift or break edge that covers part of
 * an interval counts the share of the interval it covers: a 15-minute break
 * in a 30-minute interval takes 0.5 of the person off the floor. The week is
 * cyclic: a shift that runs past the week's end (times ≥ 10,080) covers the
 * week's first intervals.
 *
 * Exact by construction: people × minutes are summed as integers per
 * interval, and divided by the interval length once at the end.
 *
 * @param tours - tours of one team and one week (times in minutes after the week's first day 00:00)
 * @param gridMin - interval length, minutes; must divide 10,080
 * @returns agents on the floor, one value per interval (10,080 ÷ gridMin values)
 * @example
 * // one person 09:00–17:00 on Monday, a 15-minute break at 10:00, 30-minute grid:
 * coverageFromTours([{ template: "t", people: 1, paidHours: 8, cost: 8, days: [{ day: 0, startMin: 540, endMin: 1020, breaks: [{ startMin: 600, endMin: 615, paid: true }] }] }], 30)[20]; // 0.5
 */
export function coverageFromTours(tours: readonly Tour[], gridMin: number): Float64Array {
  const minutes = new Float64Array(intervalsPerWeek(gridMin));
  for (const tour of tours) addTour(minutes, tour, gridMin);
  return toAgents(minutes, gridMin);
}

/**
 * {@link coverageFromTours} split by template: one array per template name,
 * in the order the templates first appear in `tours`. The arrays sum to
 * {@link coverageFromTours} of the same tours (up to the final division's
 * rounding).
 */
export function coverageByTemplate(tours: readonly Tour[], gridMin: number): Map<string, Float64Array> {
  const n = intervalsPerWeek(gridMin);
  const byName = new Map<string, Float64Array>();
  for (const tour of tours) {
    let minutes = byName.get(tour.template);
    if (minutes === undefined) byName.set(tour.template, (minutes = new Float64Array(n)));
    addTour(minutes, tour, gridMin);
  }
  for (const [name, minutes] of byName) byName.set(name, toAgents(minutes, gridMin));
  return byName;
}

function intervalsPerWeek(gridMin: number): number {
  if (!Number.isInteger(gridMin) || gridMin <= 0 || MINUTES_PER_WEEK % gridMin !== 0) {
    throw new RangeError(`coverageFromTours needs an interval length in whole minutes that divides 10080, got ${gridMin}`);
  }
  return MINUTES_PER_WEEK / gridMin;
}

/** Adds a tour's people-minutes on the floor to `minutes` (one slot per interval). */
function addTour(minutes: Float64Array, tour: Tour, gridMin: number): void {
  for (const day of tour.days) {
    addSpan(minutes, day.startMin, day.endMin, tour.people, gridMin);
    for (const b of day.breaks) addSpan(minutes, b.startMin, b.endMin, -tour.people, gridMin);
  }
}

/** Adds `weight` per minute of [fromMin, toMin), wrapped into the week, to the intervals it covers. */
function addSpan(minutes: Float64Array, fromMin: number, toMin: number, weight: number, gridMin: number): void {
  if (!Number.isInteger(fromMin) || !Number.isInteger(toMin) || toMin < fromMin || toMin - fromMin > MINUTES_PER_WEEK) {
    throw new RangeError(`coverageFromTours needs whole-minute spans of at most a week, got ${fromMin} … ${toMin}`);
  }
  let t = fromMin;
  while (t < toMin) {
    const inWeek = ((t % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
    const k = Math.floor(inWeek / gridMin);
    const end = Math.min(toMin, t + (k + 1) * gridMin - inWeek);
    minutes[k]! += weight * (end - t);
    t = end;
  }
}

function toAgents(minutes: Float64Array, gridMin: number): Float64Array {
  for (let k = 0; k < minutes.length; k++) minutes[k] = minutes[k]! / gridMin;
  return minutes;
}
