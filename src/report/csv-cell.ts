import { csvNumber } from "./number-format.js";

/** A cell of a CSV or JSON report: text, number, boolean or nothing. */
export type Cell = string | number | boolean | null;


/** One CSV cell: numbers to at most 6 decimals, booleans as words, nothing as empty, text quoted when it must be. */
export function csvCell(v: Cell): string {
  if (v === null) return "";
  if (typeof v === "number") return csvNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
