import { csvNumber } from "./number-format.js";

/** 2^27 + 1: Veltkamp's constant, splitting a double into two halves of 26 bits. */
const SPLIT = 134_217_729;
/** `ZEROS[k]`: k zeros, to pad the decimals. */
const ZEROS = ["", "0", "00", "000", "0000", "00000", "000000"];
/** 10⁶ split by Veltkamp (its high and low halves), for Dekker's product. */
const MILLION_HIGH = SPLIT * 1e6 - (SPLIT * 1e6 - 1e6);
const MILLION_LOW = 1e6 - MILLION_HIGH;

/**
 * `a.toFixed(6)` as a count of millionths, for 0 < a < 10⁹ (not a whole
 * number): the integer n nearest to the exact value of a × 10⁶, the larger
 * on a tie — which is `toFixed`'s rule. a × 10⁶ is the double product p plus
 * its exact rounding error e (Dekker's product: p + e equals a × 10⁶
 * exactly), so n is ⌊p⌋ or ⌊p⌋ + 1, chosen by comparing (p − ⌊p⌋) − ½ —
 * exact wherever it can be close to zero — with −e.
 */
export function roundMillionths(a: number): number {
  if (a < 1e-200) return 0; // toFixed: 0.000000 (the product below would lose bits to underflow)
  const p = a * 1e6;
  const t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  const e = ah * MILLION_HIGH - p + ah * MILLION_LOW + al * MILLION_HIGH + al * MILLION_LOW;
  const n = Math.floor(p);
  return p - n - 0.5 >= -e ? n + 1 : n;
}

/**
 * A number for CSV exactly as {@link csvNumber} writes it — `x.toFixed(6)`
 * with its trailing zeros (and a bare point) taken off, `-0` as `0`, blank
 * for NaN and absent, `inf`/`-inf` — without `toFixed` or a regular
 * expression (see {@link roundMillionths}); numbers of 10⁹ and more go to
 * `csvNumber` itself. `mark` is the decimal mark (`,` in the French style).
 */
export function csvDecimal(x: number | null | undefined, mark: "." | "," = "."): string {
  if (x === undefined || x === null || x !== x) return "";
  const negative = x < 0;
  const a = negative ? -x : x;
  if (!(a < 1e9)) {
    if (a === Infinity) return negative ? "-inf" : "inf";
    const text = csvNumber(x);
    return mark === "." ? text : text.replace(".", mark);
  }
  if (a === Math.floor(a)) return negative && a !== 0 ? "-" + a : "" + a;
  const n = roundMillionths(a);
  if (n === 0) return "0";
  const whole = Math.floor(n / 1e6);
  return millionths(negative, whole, n - whole * 1e6, mark);
}

/** `whole.decimals` (decimals: millionths, 0 ≤ decimals < 10⁶), trailing zeros and a bare mark left out. */
function millionths(negative: boolean, whole: number, decimals: number, mark: string): string {
  const sign = negative ? "-" : "";
  if (decimals === 0) return sign + whole;
  let places = 6;
  while (decimals % 10 === 0) {
    decimals /= 10;
    places--;
  }
  const digits = "" + decimals;
  return sign + whole + mark + ZEROS[places - digits.length]! + digits;
}

/**
 * For 10⁻⁶ ≤ a < 10⁹: the millionths n when a is the double nearest to the
 * decimal n / 10⁶ (`4.81`, `0.8`), else -1. That decimal, its trailing
 * zeros left out, is then the shortest that reads back as a — what
 * `JSON.stringify` writes: in that range no other decimal of 6 places or
 * fewer reads as the same double.
 */
export function shortMillionths(a: number): number {
  const n = Math.round(a * 1e6);
  return n / 1e6 === a ? n : -1;
}

/**
 * A finite number as JSON writes it — `JSON.stringify(x)`, the shortest
 * digits that read back as x — with fast paths for the numbers a batch is
 * mostly made of: whole numbers, and numbers of at most 6 decimals (see
 * {@link shortMillionths}). Others (a service level of 0.8883897…) go to
 * JSON.stringify of the number alone: V8's shortest digits.
 */
export function jsonDecimal(x: number): string {
  const negative = x < 0;
  const a = negative ? -x : x;
  if (a < 1e9) {
    if (a === Math.floor(a)) return "" + x;
    if (a >= 1e-6) {
      const n = shortMillionths(a);
      if (n !== -1) {
        const whole = Math.floor(n / 1e6);
        return millionths(negative, whole, n - whole * 1e6, ".");
      }
    }
  }
  return JSON.stringify(x);
}
