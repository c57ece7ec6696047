import { parseDuration } from "./values.js";

/**
 * Durations and times of day as a `shifts` block writes them (scenario
 * `shifts`, SPEC 5.4b): whole minutes; a bare number is minutes.
 */

/** A shift duration as read, or why it cannot be one. `bare`: written as a plain number (minutes). */
export type MinutesReading = { ok: true; value: number; bare: boolean } | { ok: false; message: string };

export const BARE_NUMBER = /^\d+(?:\.\d+)?$/;
const HOURS_AND_MINUTES = /^(\d+)\s*h\s*(\d{1,2})\s*(?:min|m)?$/i;
export const H_MM = /^(\d{1,2}):(\d{2})$/;

/**
 * A duration of a `shifts` block in whole minutes: `8h`, `7h30`, `480min`,
 * `90m`, `8:00` (h:mm), `8:00:00`, or a bare number of minutes.
 *
 * @example readShiftMinutes("7h30") // { ok: true, value: 450, bare: false }
 * @example readShiftMinutes(60)     // { ok: true, value: 60, bare: true }
 * @example readShiftMinutes("8:00") // { ok: true, value: 480, bare: false }
 */
export function readShiftMinutes(v: unknown): MinutesReading {
  const bad: MinutesReading = { ok: false, message: `got ${JSON.stringify(v)}, expected a duration such as 8h, 7h30, 480min or 8:00 (h:mm); a bare number is minutes` };
  let minutes: number;
  let bare = false;
  if (typeof v === "number") {
    minutes = v;
    bare = true;
  } else if (typeof v === "string") {
    const t = v.trim();
    const hm = HOURS_AND_MINUTES.exec(t) ?? H_MM.exec(t);
    if (BARE_NUMBER.test(t)) {
      minutes = Number(t);
      bare = true;
    } else if (hm) {
      if (+hm[2]! > 59) return bad;
      minutes = +hm[1]! * 60 + +hm[2]!;
    } else {
      const p = parseDuration(t, { field: "shifts" }, false, false, "hh:mm");
      if (!p.ok) return bad;
      minutes = p.value / 60;
    }
  } else {
    return bad;
  }
  if (!(Number.isFinite(minutes) && minutes >= 0)) return bad;
  if (!Number.isInteger(minutes)) return { ok: false, message: `got ${JSON.stringify(v)}, read as ${+minutes.toFixed(4)} min: expected whole minutes` };
  return { ok: true, value: minutes, bare };
}

/** `450` → `"7h30"`, `480` → `"8h"`, `20` → `"20 min"` (for messages). */
export function minutesText(min: number): string {
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  const m = min % 60;
  return m === 0 ? `${h}h` : `${h}h${String(m).padStart(2, "0")}`;
}

/** Hours for a message: `7`, `7.5`, `7.3333`. */
export function hoursText(h: number): string {
  return String(+h.toFixed(4));
}

/** `420` → `"07:00"`. */
export function clockText(min: number): string {
  return `"${String(Math.floor(min / 60)).padStart(2, "0")}:${String(min % 60).padStart(2, "0")}"`;
}

