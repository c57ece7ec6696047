import type { Tour } from "./schedule-types.js";
import { addSpan, WEEK_MIN } from "./week-grid.js";

/**
 * Agents on the floor per interval of the week that tours put there: each
 * working day adds its people from the shift start to its end and takes
 * them off during each break, an edge inside an interval counting the
 * share of the interval it covers (SPEC 5.4b).
 *
 * @param tours - tours with their people
 * @param gridMin - interval length, minutes
 * @returns one value per interval of the week (length 10,080 ÷ gridMin)
 */
export function tourCoverage(tours: readonly Tour[], gridMin: number): Float64Array {
  if (!(Number.isInteger(gridMin) && gridMin > 0 && WEEK_MIN % gridMin === 0)) throw new RangeError(`tourCoverage needs an interval length that divides 10080, got ${gridMin}`);
  const out = new Float64Array(WEEK_MIN / gridMin);
  for (const tour of tours) {
    for (const day of tour.days) {
      addSpan(out, gridMin, day.startMin, day.endMin, tour.people);
      for (const b of day.breaks) addSpan(out, gridMin, b.startMin, b.endMin, -tour.people);
    }
  }
  return out;
}
