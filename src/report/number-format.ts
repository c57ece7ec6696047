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

/** Percentage for tables: `88.84%`. */
export function percent(x: number, decimals = 2): string {
  if (!Number.isFinite(x)) return "–";
  return `${(x * 100).toFixed(decimals)}%`;
}

/** Seconds for tables: `7.8 s`, `∞` when unbounded. */
export function seconds(x: number, decimals = 1): string {
  if (x === Infinity) return "∞";
  if (!Number.isFinite(x)) return "–";
  return `${x.toFixed(decimals)} s`;
}

/**
 * Thousands-separated number for tables: `12,345.6`. `decimals` is the most
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
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = x < 0 && Number(fixed) !== 0 ? "-" : "";
  return sign + withCommas + (frac === undefined ? "" : `.${frac}`);
}
