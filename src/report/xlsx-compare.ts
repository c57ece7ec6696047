import type { Comparison } from "../plan/compare.js";
import { SCENARIO_FIELDS, SITE_ROLE_NAMES, siteRoleRows, type CompareContext } from "./render-compare.js";
import { COST_BUILD_UP_NAMES, costBuildUpCells } from "./render-cost-build-up.js";
import { rowsSheet, summarySheet, writeWorkbook, type SummaryLine, type XlsxSheet } from "./xlsx-workbook.js";

/** The Scenarios sheet's columns that compare a scenario with the baseline: the Deltas sheet has these. */
const DELTA_COLUMNS = new Set(["scenario", "baseline", "saving_over_years"]);
const isDelta = (name: string) => DELTA_COLUMNS.has(name) || name.startsWith("delta_");

/** The Summary sheet of a comparison: what it was run on, the baseline and the cheapest. */
function compareSummary(c: Comparison, ctx: CompareContext): SummaryLine[] {
  const first = c.scenarios[0]?.plan;
  const name = (k: number | null) => (k === null ? null : (c.scenarios[k]?.plan.scenario ?? null));
  return [
    ["report", "ccplan compare"],
    ["forecast", ctx.forecast],
    ...ctx.files.map((file, k): SummaryLine => ["scenario_file", file, "text", name(k) ?? undefined]),
    ["weeks", first?.weeks ?? null, "decimal2", "weekly figures are the horizon's hours ÷ weeks"],
    ["currency", first?.currency ?? null],
    ["volume_factor", ctx.whatIf.volumeFactor, "decimal2"],
    ["aht_factor", ctx.whatIf.ahtFactor, "decimal2"],
    ["years", c.years, "decimal2", "cost over years = one-off cost + years × annual cost, the ranking's basis"],
    ["baseline", name(c.baseline), "text", ctx.baselineGiven === true ? "--baseline: deltas and savings are against it" : "the first scenario given: deltas and savings are against it"],
    ["cheapest", name(c.cheapest), "text", c.cheapest === null ? "none has costs, meets every target and plans to the baseline's targets" : "cheapest over the years among the scenarios that meet every target at the baseline's targets"],
  ];
}

/**
 * The sheets of `ccplan compare --format xlsx`: Summary, Scenarios (the CSV's
 * columns, one row per scenario), Sites (the `--by site` CSV: one row per
 * scenario, site and role), Deltas (each scenario but the baseline against
 * it: the Scenarios columns named `delta_…` and the saving), then `more`.
 */
function compareSheets(c: Comparison, ctx: CompareContext, more: readonly XlsxSheet[] = []): XlsxSheet[] {
  const rows = c.scenarios.map((s, k) => SCENARIO_FIELDS.map(([, get]) => get(s, k, c)));
  const deltas = SCENARIO_FIELDS.flatMap(([name], k) => (isDelta(name) ? [k] : []));
  return [
    summarySheet("Summary", compareSummary(c, ctx)),
    rowsSheet(
      "Scenarios",
      SCENARIO_FIELDS.map(([name]) => name),
      rows,
    ),
    rowsSheet("Sites", SITE_ROLE_NAMES, siteRoleRows(c)),
    rowsSheet(
      "Deltas",
      deltas.map((k) => SCENARIO_FIELDS[k]![0]),
      rows.filter((_, k) => k !== c.baseline).map((row) => deltas.map((k) => row[k]!)),
    ),
    ...more,
  ];
}

/**
 * Write the comparison's workbook into `fd` (see {@link writeWorkbook}),
 * the cost build-up last: one row per cost line, as CSV `--report build-up`.
 */
export async function writeCompareWorkbook(c: Comparison, ctx: CompareContext, fd: number): Promise<void> {
  const buildUp = rowsSheet("Cost build-up", COST_BUILD_UP_NAMES, costBuildUpCells(c), { quantity: "decimal2", rate: "decimal2", amount: "money", baseline: "boolean", excluded: "text" });
  await writeWorkbook(compareSheets(c, ctx, [buildUp]), fd);
}
