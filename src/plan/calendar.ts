/** Calendar arithmetic on whole minutes since 1970-01-01T00:00 of the file's own clock (no time zone). */

/** Minutes in a day. */
export const MINUTES_PER_DAY = 1440;

/** `2026-11-23T08:30` from minutes since the epoch. */
export function formatDateTime(minutes: number): string {
  const date = new Date(minutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** Minutes after midnight of a start. */
export function minuteOfDay(minutes: number): number {
  return ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}
