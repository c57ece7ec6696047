import type { GapsPlan } from "../plan/gaps.js";
import { gapsTable, type GapsContext, type GapsReport, type GapsTableOptions } from "./render-gaps.js";
import { columnKind } from "./xlsx-kinds.js";
import { rowsSheet, summarySheet, writeWorkbook, type SummaryLine, type XlsxSheet } from "./xlsx-workbook.js";

/** The gaps' tables, as sheets, in the order a manager reads them: the recommended plan, then the detail. */
const SHEETS: readonly [GapsReport, string][] = [
  ["plan", "Plan"],
  ["skills", "Skills"],
  ["people", "People"],
  ["hires", "Hires"],
  ["trainings", "Trainings"],
];

/** The Summary sheet of the gaps: what they were computed on, then every total (named as in the JSON's `totals`). */
function gapsSummary(g: GapsPlan, ctx: GapsContext): SummaryLine[] {
  return [
    ["report", "ccplan gaps"],
    ["forecast", ctx.forecast],
    ["roster", ctx.roster],
    ["scenario", ctx.scenario],
    ["min_level", ctx.minLevel, "integer", "a skill is held from this level"],
    ["productivity_level_1", ctx.productivity[1], "decimal2"],
    ["productivity_level_2", ctx.productivity[2], "decimal2"],
    ["productivity_level_3", ctx.productivity[3], "decimal2"],
    ["hire_fte", ctx.hireFte, "fte", "FTE of one hire"],
    ["training_status", g.trainingStatus, "text", g.trainingStatus === "optimal" ? "fewest trainings" : "best found within the search limit"],
    ...Object.entries(g.totals).map(([key, value]): SummaryLine => [key, value, columnKind(key)]),
  ];
}

/**
 * The sheets of `ccplan gaps --format xlsx`: Summary, Plan (train these,
 * then hire these), Skills (all, or those with a gap under `--only-gaps`),
 * People, Hires (now, and after training) and Trainings: the columns and
 * rows of the CSV reports of the same names.
 */
function gapsSheets(g: GapsPlan, ctx: GapsContext, o: GapsTableOptions = {}): XlsxSheet[] {
  return [
    summarySheet("Summary", gapsSummary(g, ctx)),
    ...SHEETS.map(([report, name]) => {
      const t = gapsTable(g, report, o);
      return rowsSheet(name, t.names, t.rows);
    }),
  ];
}

/** Write the gaps' workbook into `fd` (see {@link writeWorkbook}). */
export async function writeGapsWorkbook(g: GapsPlan, ctx: GapsContext, fd: number, o: GapsTableOptions = {}): Promise<void> {
  await writeWorkbook(gapsSheets(g, ctx, o), fd);
}
