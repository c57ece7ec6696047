import { InputError, problem } from "./diagnostics.js";

/**
 * `--weeks N`: the number of weeks a forecast stands for (FTE are its
 * scheduled hours ÷ N ÷ contract hours), a whole number from 1 to 520.
 * @throws InputError (USAGE_BAD_OPTION) for anything else
 */
export function parseWeeksOption(text: string): number {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!(Number.isInteger(n) && n >= 1 && n <= 520)) {
    throw new InputError([problem("USAGE_BAD_OPTION", `--weeks: got ${JSON.stringify(text)}, expected a whole number of weeks from 1 to 520`, { field: "--weeks", value: text })]);
  }
  return n;
}
