/**
 * Date-times as planners' exports write them, to whole minutes since
 * 1970-01-01T00:00 of the file's own clock (no time zone, no DST shift):
 * ISO `2026-11-23T08:30`, `2026-11-23 08:30`, French `23/11/2026 08:30`
 * or US `11/23/2026 08:30` (which of dd/mm and mm/dd a file uses is decided
 * from its data by the forecast reader: see {@link slashDateFields}),
 * seconds allowed when they are 0; or a date column plus a time column.
 */

/** How a `a/b/yyyy` date is read: day first (dd/mm/yyyy, Europe) or month first (mm/dd/yyyy, US). */
export type DateOrder = "dmy" | "mdy";

import { MINUTES_PER_DAY } from "../plan/calendar.js";

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.0+)?)?)?$/;
const FRENCH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;


/** Minutes since the epoch for a valid calendar date and time, or undefined. */
function toMinutes(y: number, m: number, d: number, hh: number, mm: number, ss: number): number | undefined {
  if (m < 1 || m > 12 || d < 1 || hh > 23 || mm > 59 || ss !== 0) return undefined;
  const day = Date.UTC(y, m - 1, d) / 86_400_000;
  if (new Date(day * 86_400_000).getUTCDate() !== d) return undefined; // 31/02
  return day * MINUTES_PER_DAY + hh * 60 + mm;
}

/** Days since the epoch of the dates seen last (a forecast repeats each date hundreds of times). */
const dayCache = new Map<number, number | undefined>();

function cachedMinutes(y: number, m: number, d: number, hh: number, mm: number): number | undefined {
  const key = y * 10_000 + m * 100 + d;
  let day = dayCache.get(key);
  if (day === undefined && !dayCache.has(key)) {
    if (dayCache.size > 4096) dayCache.clear();
    const midnight = toMinutes(y, m, d, 0, 0, 0);
    day = midnight === undefined ? undefined : midnight / MINUTES_PER_DAY;
    dayCache.set(key, day);
  }
  if (day === undefined || hh > 23 || mm > 59) return undefined;
  return day * MINUTES_PER_DAY + hh * 60 + mm;
}

/** The digits of `t` from `from` to `to` as a number, or -1 when one is not a digit. */
function digits(t: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = t.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The two leading fields of a `a/b/yyyy` date (`[23, 11]` for
 * `23/11/2026 08:30`), or undefined when the text is not such a date.
 * A first field above 12 says dd/mm, a second above 12 says mm/dd; when both
 * are 12 or less the date reads both ways.
 */
export function slashDateFields(text: string): [number, number] | undefined {
  const m = SLASH_HEAD.exec(text);
  return m ? [+m[1]!, +m[2]!] : undefined;
}
const SLASH_HEAD = /^\s*(\d{1,2})\/(\d{1,2})\/\d{4}(?![\d/])/;

/**
 * The fast path of {@link parseDateTime} on the 16 characters of `text` from
 * `at`: `yyyy-mm-ddThh:mm` (or with a space) as minutes since the epoch —
 * what parseDateTime gives for those characters as a cell — or NaN when they
 * are not in that form or not a valid date-time (parseDateTime then says what
 * it is).
 */
export function isoMinutesAt(text: string, at: number): number {
  if (text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45 || text.charCodeAt(at + 13) !== 58) return NaN;
  const sep = text.charCodeAt(at + 10);
  if (sep !== 84 && sep !== 32) return NaN;
  const y = digits(text, at, at + 4);
  const mo = digits(text, at + 5, at + 7);
  const d = digits(text, at + 8, at + 10);
  const hh = digits(text, at + 11, at + 13);
  const mm = digits(text, at + 14, at + 16);
  if (y < 0 || mo < 0 || d < 0 || hh < 0 || mm < 0) return NaN;
  return cachedMinutes(y, mo, d, hh, mm) ?? NaN;
}

/** A date-time cell (or a date cell alone: midnight); `a/b/yyyy` is read as `order` says (default dd/mm). */
export function parseDateTime(text: string, order: DateOrder = "dmy"): number | undefined {
  // Fast path for the common `yyyy-mm-ddThh:mm` (or with a space), exactly the ISO pattern's.
  if (text.length === 16 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 && (text.charCodeAt(10) === 84 || text.charCodeAt(10) === 32) && text.charCodeAt(13) === 58) {
    const y = digits(text, 0, 4);
    const mo = digits(text, 5, 7);
    const d = digits(text, 8, 10);
    const hh = digits(text, 11, 13);
    const mm = digits(text, 14, 16);
    if (y >= 0 && mo >= 0 && d >= 0 && hh >= 0 && mm >= 0) return cachedMinutes(y, mo, d, hh, mm);
  }
  const t = text.trim();
  let m = ISO.exec(t);
  if (m) return toMinutes(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m = FRENCH.exec(t);
  if (m) return order === "dmy" ? toMinutes(+m[3]!, +m[2]!, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) : toMinutes(+m[3]!, +m[1]!, +m[2]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return undefined;
}

/** A time-of-day cell `08:30` (or `08:30:00`), minutes after midnight. */
export function parseTimeOfDay(text: string): number | undefined {
  const m = TIME.exec(text.trim());
  if (!m) return undefined;
  const hh = +m[1]!;
  const mm = +m[2]!;
  if (hh > 23 || mm > 59 || +(m[3] ?? 0) !== 0) return undefined;
  return hh * 60 + mm;
}
