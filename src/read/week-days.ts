import { WEEK_DAY_NAMES } from "../plan/calendar.js";
import { normalizeHeader } from "./names.js";

/**
 * Day names as scenarios write them: English or French, in full or in three
 * letters, case and accents aside. Monday = 0 … Sunday = 6, whatever the
 * scenario's `week_start` (callers count from it themselves).
 */

/** Three-letter day names, English and French (`mon`, `lun`…), as `opening_hours` keys write them. */
export const SHORT_WEEK_DAYS: Readonly<Record<string, number>> = {
  mon: 0,
  tue: 1,
  wed: 2,
  thu: 3,
  fri: 4,
  sat: 5,
  sun: 6,
  lun: 0,
  mar: 1,
  mer: 2,
  jeu: 3,
  ven: 4,
  sam: 5,
  dim: 6,
};

const FRENCH_WEEK_DAYS: Readonly<Record<string, number>> = { lundi: 0, mardi: 1, mercredi: 2, jeudi: 3, vendredi: 4, samedi: 5, dimanche: 6 };

/**
 * The day a name stands for, Monday = 0 … Sunday = 6, or undefined.
 *
 * @example weekDayIndex("Saturday") // 5
 * @example weekDayIndex("dim")      // 6
 * @example weekDayIndex("Mercredi") // 2
 */
export function weekDayIndex(name: string): number | undefined {
  const key = normalizeHeader(name);
  const english = WEEK_DAY_NAMES.findIndex((d) => d === key);
  if (english >= 0) return english;
  return FRENCH_WEEK_DAYS[key] ?? SHORT_WEEK_DAYS[key];
}
