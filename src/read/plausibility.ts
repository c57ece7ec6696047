import type { Diagnostic } from "./diagnostics.js";

/** An AHT below this is unusual (seconds): minutes written as seconds (`4,5`). */
export const AHT_MIN_SEC = 10;
/** An AHT above this is unusual (4 h): milliseconds, or a day's total. */
export const AHT_MAX_SEC = 4 * 3600;
/** A patience above this is unusual (a day). */
export const PATIENCE_MAX_SEC = 86_400;

/**
 * Values a column accepts but that are implausible for it — an AHT under
 * 10 s or over 4 h, a patience over a day, a deadline shorter than the AHT —
 * become warnings (INPUT_IMPLAUSIBLE) naming the first cell of each kind,
 * the reading taken and how to write it otherwise, with the count of rows
 * like it: one warning per kind, not one per row of a million-row file.
 */
export class Plausibility {
  private readonly kinds = new Map<string, { first: Diagnostic; count: number }>();

  /** Count one implausible value of `kind`; `first` builds its warning the first time only. */
  note(kind: string, first: () => Diagnostic): void {
    const k = this.kinds.get(kind);
    if (k !== undefined) k.count++;
    else this.kinds.set(kind, { first: first(), count: 1 });
  }

  warnings(): Diagnostic[] {
    return [...this.kinds.values()].map(({ first, count }) =>
      count === 1 ? first : { ...first, message: `${first.message} (and ${(count - 1).toLocaleString("en-US")} more row${count === 2 ? "" : "s"} like it)` },
    );
  }
}

/** `270` s as `4:30`. */
export function minutesSeconds(sec: number): string {
  const s = Math.round(sec);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** A number of seconds for a message: `4.5`, `86,400`. */
export function secondsText(sec: number): string {
  return (Math.round(sec * 1000) / 1000).toLocaleString("en-US", { maximumFractionDigits: 3 });
}
