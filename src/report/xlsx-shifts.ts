import type { ShiftPlan } from "../plan/shifts/schedule-types.js";
import { shiftsCsvTable, type ShiftsReport } from "./render-shifts.js";
import type { XlsxKind } from "./xlsx-kinds.js";
import { rowsSheet, writeWorkbook, type XlsxSheet } from "./xlsx-workbook.js";

/** The schedules' tables as sheets, with the kinds of the columns whose name means something else in that table. */
const SHEETS: readonly [ShiftsReport, string, Readonly<Record<string, XlsxKind>>][] = [
  ["summary", "Summary", {}],
  ["tours", "Tours", { people: "integer" }],
  ["coverage", "Coverage", {}],
];

/**
 * The sheets of `ccplan shifts --format xlsx`: Summary (a `team` row per
 * team, a `week` row per week, a `total` row: filter on `scope` before a
 * pivot), Tours (one row per tour and week) and Coverage (one row per
 * interval with something required or someone on the floor): the columns and
 * rows of the CSV reports of the same names.
 */
function shiftsSheets(plan: ShiftPlan): XlsxSheet[] {
  return SHEETS.map(([report, name, kinds]) => {
    const t = shiftsCsvTable(plan, report);
    return rowsSheet(name, t.names, t.rows, kinds);
  });
}

/** Write the schedules' workbook into `fd` (see {@link writeWorkbook}). */
export async function writeShiftsWorkbook(plan: ShiftPlan, fd: number): Promise<void> {
  await writeWorkbook(shiftsSheets(plan), fd);
}
