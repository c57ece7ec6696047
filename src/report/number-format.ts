import { reportSettings } from "./settings.js";

/** Decimals kept in CSV output (documented in the README). */
export const CSV_DECIMALS = 6;

/** A finite number as JSON, or null (Infinity/NaN have no JSON form). */
export function jsonNumber(x: number | undefined): number | null {
  return x === undefined || !Number.isFinite(x) ? null : x;
}

/** A number for CSV: at most {@link CSV_DECIMALS} decimals, no trailing zeros, blank when absent. */
export function csvNumber(x: number | undefined | null): string {
  if (x === undefined || x === null || Number.isNaN(x)) return "";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const fixed = x.toFixed(CSV_DECIMALS);
  const trimmed = fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
  return trimmed === "-0" ? "0" : trimmed;
}

/**
 * Thousands separator of French tables: the narrow no-break space U+202F, as
 * French typography and `Intl.NumberFormat("fr-FR")` write it (one column
 * wide in a terminal, never broken across lines, and the separator of
 * Windows' French regional settings, so a number copied into Excel stays a
 * number).
 */
export const FRENCH_THOUSANDS = "\u202F";

const french = () => reportSettings().locale === "fr";

/** An English-formatted number (`12,345.6`) in French (`12 345,6`): the grouping commas become narrow no-break spaces, the point a comma. */
export function frenchDigits(english: string): string {
  return english.replace(/[,.]/g, (c) => (c === "," ? FRENCH_THOUSANDS : ","));
}

/** A number formatted in English, in the run's locale: as it is in English, {@link frenchDigits} in French. */
export function localDigits(english: string): string {
  return french() ? frenchDigits(english) : english;
}

/** Percentage for tables: `88.84%` (French: `88,84 %`, a narrow no-break space before the sign). */
export function percent(x: number, decimals = 2): string {
  if (!Number.isFinite(x)) return "–";
  const digits = (x * 100).toFixed(decimals);
  return french() ? `${frenchDigits(digits)}${FRENCH_THOUSANDS}%` : `${digits}%`;
}

/** Seconds for tables: `7.8 s` (French: `7,8 s`), `∞` when unbounded. */
export function seconds(x: number, decimals = 1): string {
  if (x === Infinity) return "∞";
  if (!Number.isFinite(x)) return "–";
  const digits = x.toFixed(decimals);
  return `${french() ? frenchDigits(digits) : digits} s`;
}

/**
 * Thousands-separated number for tables: `12,345.6` (French: `12 345,6`,
 * see {@link FRENCH_THOUSANDS}). `decimals` is the most
 * shown; `minDecimals` (default: the same) the fewest. Written by hand rather
 * than with toLocaleString, whose first call loads ICU data (~10 ms of the
 * CLI's start-up).
 */
export function grouped(x: number, decimals = 0, minDecimals = decimals): string {
  if (!Number.isFinite(x)) return "–";
  let fixed = Math.abs(x).toFixed(decimals);
  if (decimals > minDecimals && fixed.includes(".")) {
    const [whole, frac] = fixed.split(".") as [string, string];
    const kept = frac.slice(0, minDecimals) + frac.slice(minDecimals).replace(/0+$/, "");
    fixed = kept.length > 0 ? `${whole}.${kept}` : whole;
  }
  const [whole, frac] = fixed.split(".") as [string, string | undefined];
  const sign = x < 0 && Number(fixed) !== 0 ? "-" : "";
  const fr = french();
  const withSeparators = whole.replace(/\B(?=(\d{3})+(?!\d))/g, fr ? FRENCH_THOUSANDS : ",");
  return sign + withSeparators + (frac === undefined ? "" : (fr ? "," : ".") + frac);
}
