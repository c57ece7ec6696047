import { problem, shown, type Diagnostic } from "./diagnostics.js";

/** Where a value comes from, for its diagnostic. */
export interface ValueSource {
  file?: string;
  line?: number;
  column?: number;
  /** Column or option name. */
  field: string;
}

/** A parsed value, or the diagnostic that says why it is not one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; diagnostic: Diagnostic };

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function fail(code: Diagnostic["code"], text: string, expected: string, src: ValueSource): { ok: false; diagnostic: Diagnostic } {
  return {
    ok: false,
    diagnostic: problem(code, `${src.field}: got ${shown(text)}, expected ${expected}`, { ...src, value: text }),
  };
}

/** `1.234`, `12.345.678`, `1.234,5`: points grouping exactly three digits (not after a leading 0). */
const POINT_GROUPED = /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d*)?$/;

/**
 * A decimal number; with `decimalComma`, `3,5` reads as 3.5 (French exports
 * with `;` delimiters). Surrounding blanks and thin/non-breaking spaces used
 * as thousands separators are ignored.
 *
 * With `decimalComma` a point can only group thousands: `1.234` is 1,234 and
 * `1.234,5` is 1,234.5, but `1.23`, `12.5` or `0.500` are refused
 * (INPUT_NOT_A_NUMBER): in a decimal-comma file they would read one way or
 * the other a thousand times apart, and ccplan never guesses.
 */
export function parseNumber(text: string, src: ValueSource, decimalComma = false): Parsed<number> {
  let t = text.trim();
  if (/[\u00a0\u202f ]/.test(t)) t = t.replace(/[\u00a0\u202f ](?=\d{3}\b)/g, "");
  if (decimalComma) {
    if (t.includes(".")) {
      if (!POINT_GROUPED.test(t)) {
        return fail(
          "INPUT_NOT_A_NUMBER",
          text,
          `a number with a decimal comma: in a ;-separated file the decimal mark is the comma (${t.replace(".", ",")}) and a point only groups thousands by three (1.234 = 1234)`,
          src,
        );
      }
      t = t.replace(/\./g, "");
    }
    t = t.replace(",", ".");
  }
  if (!NUMBER.test(t)) return fail("INPUT_NOT_A_NUMBER", text, "a number", src);
  const value = Number(t);
  if (!Number.isFinite(value)) return fail("INPUT_OUT_OF_RANGE", text, "a finite number", src);
  return { ok: true, value: value === 0 ? 0 : value }; // no -0
}

/** A number ≥ 0 (volumes). */
export function parseNonNegative(text: string, src: ValueSource, decimalComma = false): Parsed<number> {
  const n = parseNumber(text, src, decimalComma);
  if (!n.ok) return n;
  if (n.value < 0) return fail("INPUT_NEGATIVE", text, "a number >= 0", src);
  return n;
}

/** A number > 0. */
export function parsePositive(text: string, src: ValueSource, decimalComma = false): Parsed<number> {
  const n = parseNumber(text, src, decimalComma);
  if (!n.ok) return n;
  if (!(n.value > 0)) return fail("INPUT_NOT_POSITIVE", text, "a number > 0", src);
  return n;
}

/** A whole number ≥ 1 (chat concurrency). */
export function parseCount(text: string, src: ValueSource, decimalComma = false): Parsed<number> {
  const n = parseNumber(text, src, decimalComma);
  if (!n.ok) return n;
  if (!Number.isInteger(n.value) || n.value < 1) return fail("INPUT_NOT_INTEGER", text, "a whole number >= 1", src);
  return n;
}

const UNIT = /^(.*\d)\s*(s|sec|min|m|h|d|j)$/i;
const PLAIN_INTEGER = /^\d{1,15}$/;
const UNIT_SECONDS: Record<string, number> = { s: 1, sec: 1, min: 60, m: 60, h: 3600, d: 86_400, j: 86_400 };

const CLOCK = /^(\d+):([0-5]?\d(?:[.,]\d+)?)$|^(\d+):([0-5]?\d):([0-5]?\d(?:[.,]\d+)?)$/;

/**
 * A duration in seconds: `270`, `4:30` (mm:ss), `1:04:30` (hh:mm:ss), or a
 * number with a unit (`90s`, `15min`, `24h`, `2d`, `2j`) for deadlines;
 * `positive` requires > 0 (AHT), otherwise ≥ 0 (thresholds).
 *
 * Two-part clock times read as `mm:ss` (`6:07` is 6 min 7 s: handle times,
 * patience); with `clock: "hh:mm"` they read as hours and minutes (`24:00` is
 * 24 h: answer deadlines, which are hours, never minutes and seconds). Three
 * parts are always `hh:mm:ss`.
 */
export function parseDuration(text: string, src: ValueSource, decimalComma = false, positive = false, clock2: "mm:ss" | "hh:mm" = "mm:ss"): Parsed<number> {
  const t = text.trim();
  if (PLAIN_INTEGER.test(t)) {
    // Seconds as a whole number, the usual case.
    const seconds = Number(t);
    if (positive && !(seconds > 0)) return fail("INPUT_NOT_POSITIVE", text, "a duration > 0 s", src);
    return { ok: true, value: seconds };
  }
  const clock = t.includes(":") ? CLOCK.exec(t) : null;
  let seconds: number;
  if (clock) {
    const frac = (s: string) => Number(s.replace(",", "."));
    seconds =
      clock[1] !== undefined
        ? (Number(clock[1]) * 60 + frac(clock[2]!)) * (clock2 === "hh:mm" ? 60 : 1)
        : Number(clock[3]) * 3600 + Number(clock[4]) * 60 + frac(clock[5]!);
  } else {
    const unit = UNIT.exec(t);
    const n = parseNumber(unit ? unit[1]! : t, src, decimalComma);
    if (!n.ok) return fail("INPUT_BAD_DURATION", text, "seconds, mm:ss, hh:mm:ss or a number with s/min/h/d", src);
    seconds = unit ? n.value * UNIT_SECONDS[unit[2]!.toLowerCase()]! : n.value;
  }
  if (positive && !(seconds > 0)) return fail("INPUT_NOT_POSITIVE", text, "a duration > 0 s", src);
  if (seconds < 0) return fail("INPUT_NEGATIVE", text, "a duration >= 0 s", src);
  return { ok: true, value: seconds };
}

/**
 * A fraction in [0, 1]: `0.8`, `80%`, or a number in (1, 100] read as a
 * percentage (`80` = 80 %). More than 100 % is an error.
 */
export function parseFraction(text: string, src: ValueSource, decimalComma = false): Parsed<number> {
  const t = text.trim();
  const percent = t.endsWith("%");
  const n = parseNumber(percent ? t.slice(0, -1) : t, src, decimalComma);
  if (!n.ok) return fail("INPUT_NOT_A_NUMBER", text, "a fraction (0.8) or a percentage (80%)", src);
  const value = percent || n.value > 1 ? n.value / 100 : n.value;
  if (!(value >= 0 && value <= 1)) return fail("INPUT_OUT_OF_RANGE", text, "a share between 0 and 100%", src);
  return { ok: true, value };
}

/** A service level `80/20` (80 % within 20 s): share and threshold. */
export function parseServiceLevelPair(text: string, src: ValueSource, decimalComma = false): Parsed<{ share: number; withinSec: number }> {
  const parts = text.split("/");
  if (parts.length !== 2) return fail("INPUT_BAD_SERVICE_LEVEL", text, "a service level such as 80/20", src);
  const share = parseFraction(parts[0]!, src, decimalComma);
  if (!share.ok) return fail("INPUT_BAD_SERVICE_LEVEL", text, "a service level such as 80/20 (share 0–100%)", src);
  const within = parseDuration(parts[1]!, src, decimalComma);
  if (!within.ok) return fail("INPUT_BAD_SERVICE_LEVEL", text, "a service level such as 80/20 (threshold in seconds)", src);
  return { ok: true, value: { share: share.value, withinSec: within.value } };
}

/**
 * A service-level target cell or flag: `80/20` (share and threshold) or a
 * share alone (`0.8`, `80%`), whose threshold then comes from elsewhere.
 */
export function parseServiceLevelTarget(
  text: string,
  src: ValueSource,
  decimalComma = false,
): Parsed<{ share: number; withinSec: number | undefined }> {
  if (text.includes("/")) return parseServiceLevelPair(text, src, decimalComma);
  const share = parseFraction(text, src, decimalComma);
  return share.ok ? { ok: true, value: { share: share.value, withinSec: undefined } } : share;
}

/**
 * The threshold written in a target such as `80/20` and one given on its own
 * (`sl_seconds`, `--sl-seconds`) must agree: INPUT_CONFLICT otherwise.
 */
export function thresholdConflict(
  targetText: string,
  targetSrc: ValueSource,
  targetSec: number | undefined,
  thresholdField: string,
  thresholdSec: number | undefined,
): Diagnostic | undefined {
  if (targetSec === undefined || thresholdSec === undefined || targetSec === thresholdSec) return undefined;
  return problem(
    "INPUT_CONFLICT",
    `${targetSrc.field}: ${targetText.trim()} says ${targetSec} s but ${thresholdField} says ${thresholdSec} s: expected one threshold`,
    { ...targetSrc, value: targetText },
  );
}

/**
 * An interval length in minutes, as the `interval_minutes` column and the
 * `--interval` flag both give it: a whole number of minutes that divides a
 * day (1, 5, 10, 15, 20, 30, 60, 120…).
 */
export function parseIntervalMinutes(text: string, src: ValueSource, decimalComma = false): Parsed<number> {
  const n = parsePositive(text, src, decimalComma);
  if (!n.ok) return n;
  if (!Number.isInteger(n.value) || 1440 % n.value !== 0) {
    return fail("INPUT_OUT_OF_RANGE", text, "a whole number of minutes that divides a day (5, 10, 15, 30, 60…)", src);
  }
  return n;
}
