import type { ChalkInstance } from "chalk";
import type { Comparison } from "../plan/compare.js";
import { comparisonCostBuildUp, type CostPeriod, type ScenarioCostBuildUp, type SiteCostBuildUp } from "../plan/cost-build-up.js";
import { fitColumns } from "./compare-layout.js";
import { wrapText } from "./text-wrap.js";
import { annualMeaning, costBuildUpRows, quantityText, type CostBuildUpRow } from "./cost-build-up-rows.js";
import { csvDocument, type Cell } from "./csv-cell.js";
import { grouped } from "./number-format.js";
import { clauses, isFrench, label, plural, tr } from "./labels.js";

const money = (x: number | null) => (x === null ? label("n/a") : grouped(x, 0));

/** "internal, onshore" / "outsourced per productive hour, nearshore, dedicated", in the run's language. */
export function siteDescription(s: Pick<SiteCostBuildUp, "kind" | "location" | "sharing" | "pricing">): string {
  const pricing = s.pricing === null ? label(", no cost model") : s.pricing === "internal" ? "" : ` ${label(s.pricing.replace(/-/g, " "))}`;
  return `${label(s.kind)}${pricing}, ${label(s.location)}, ${label(s.sharing)}`;
}

/** A line's rate in a table: the number, or why it is 0 on purpose. */
function rateCell(r: CostBuildUpRow): string {
  if (r.excluded === "in-price") return label("in price");
  if (r.excluded === "existing-team") return label("existing");
  if (r.rate === null) return label("schedules");
  return r.item === "running" ? money(r.rate) : grouped(r.rate, 2, 0);
}

/** The rows of one scenario's build-up table: per site, per period, the lines and the period's total. */
function tableRows(rows: readonly CostBuildUpRow[], sites: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const site of sites) {
    if (sites.length > 1) out.push([site, "", "", "", ""]);
    const pad = sites.length > 1 ? "  " : "";
    for (const period of ["week", "year", "one-off"] as CostPeriod[]) {
      const these = rows.filter((r) => r.site === site && r.period === period);
      for (const r of these) {
        if (r.rowType === "total") out.push([`${pad}= ${r.label}`, "", "", money(r.amount), ""]);
        else out.push([`${pad}${r.label}`, quantityText(r), rateCell(r), money(r.amount), r.howText]);
      }
    }
  }
  return out;
}

/**
 * Each scenario's cost build-up for a terminal: what a week and a year
 * are, then per scenario its sites, a table of their lines (quantity ×
 * rate = amount, the total of each period after its lines), the cost over
 * the years the ranking uses, and what is not counted. Within `width`
 * columns: the "how" column goes first when the table does not fit (said
 * once, with how to see it).
 */
export function renderCostBuildUpLines(c: Comparison, color: ChalkInstance, width: number | undefined): string[] {
  const builds = comparisonCostBuildUp(c);
  const rows = costBuildUpRows(c, { totals: true });
  const first = builds[0];
  const lines: string[] = [color.bold(label("Cost build-up")) + ` (${first?.currency ?? ""})`];
  if (first !== undefined) lines.push(...wrapText(`${annualMeaning(first, tr)}.`, width));
  const tables = builds.map((b, k) => {
    const costed = b.sites.filter((s) => s.pricing !== null).map((s) => s.site);
    return tableRows(rows.filter((r) => r.scenarioIndex === k), costed);
  });
  const fitted = fitColumns(["", "quantity", "rate", "amount", "how"], tables.filter((t) => t.length > 0), ["left", "right", "right", "right", "left"], [4], width);
  let next = 0;
  builds.forEach((b: ScenarioCostBuildUp, k) => {
    lines.push("", color.bold(b.scenario) + (k === c.baseline ? ` (${label("baseline")})` : ""));
    lines.push(...wrapText("  " + clauses(b.sites.map((s) => tr`${s.site}: ${siteDescription(s)}`)), width, "  "));
    if (tables[k]!.length === 0) {
      lines.push(tr`  no cost model: no costs counted`);
      return;
    }
    lines.push(...fitted.tables[next++]!);
    const t = b.totals;
    if (t.overYears !== null) {
      lines.push(...wrapText(tr`  Over ${plural(b.years, String(b.years), "year")}: ${b.years} × ${money(t.year)} + ${money(t.oneOff)} one-off = ${money(t.overYears)}, the figure the ranking uses.`, width, "  "));
    }
  });
  if (first !== undefined) lines.push("", tr`Not counted:`, ...notCountedLines(builds).flatMap((l) => wrapText(`  - ${l}`, width, "    ")));
  lines.push(...wrapText(tr`Rate "in price": the provider's price includes it; "existing": not counted, the team exists (existing_team).`, width));
  lines.push(...wrapText(tr`Amounts are rounded to the unit for display; each total adds the unrounded amounts, so the rounded lines may differ from it by a unit or two.`, width));
  if (fitted.dropped.length > 0) lines.push(...wrapText(tr`The "how" column is left out at ${width} columns: --wide shows it, as does --report build-up --format csv.`, width));
  return lines;
}

/** One thing no line counts, in the run's language (the plan's words are English: its JSON's `notCounted`). */
function notCountedText(text: string): string {
  if (!isFrench()) return text;
  const years = /^wage rises, inflation and discounting over the (\d+) years? \(the cost over them is \d+ × a year \+ the one-off costs\)$/.exec(text);
  if (years !== null) return tr`wage rises, inflation and discounting over the ${plural(Number(years[1]), years[1]!, "year")} (the cost over them is ${years[1]} × a year + the one-off costs)`;
  return label(text);
}

/** What no line counts, once for the whole comparison, in the run's language: for every scenario, then for the in-house and the outsourced sites that have it. */
export function notCountedLines(builds: readonly ScenarioCostBuildUp[]): string[] {
  const list = (texts: readonly string[]) => clauses(texts.map(notCountedText));
  const out = builds[0] === undefined ? [] : [tr`every scenario: ${list(builds[0].notCounted)}`];
  for (const [kind, sites] of [["internal", "in-house sites"], ["outsourced", "outsourced sites"]] as const) {
    const texts = [...new Set(builds.flatMap((b) => b.sites.filter((s) => s.kind === kind).flatMap((s) => s.notCounted)))];
    if (texts.length > 0) out.push(tr`${label(sites)}: ${list(texts)}`);
  }
  return out;
}

/** Columns of the cost build-up's records (CSV `--report build-up`, the workbook's sheet). */
export const COST_BUILD_UP_NAMES: readonly string[] = ["scenario", "baseline", "site", "site_kind", "pricing", "period", "item", "role", "quantity", "unit", "rate", "amount", "excluded", "how"];

/**
 * The cost build-up as CSV: one record per cost line (no totals: the
 * amounts of a scenario, site and period sum to its figure in `--by site`
 * and JSON).
 */
export function renderCostBuildUpCsv(c: Comparison): string {
  return csvDocument(COST_BUILD_UP_NAMES, costBuildUpCells(c));
}

/** The cost build-up's records, in the columns of {@link COST_BUILD_UP_NAMES} (CSV and the workbook's "Cost build-up" sheet). */
export function costBuildUpCells(c: Comparison): Cell[][] {
  return costBuildUpRows(c).map((r) => [r.scenario, r.baseline, r.site, r.siteKind, r.pricing, r.period, r.item, r.role, r.quantity, r.unit, r.rate, r.amount, r.excluded, r.how]);
}
