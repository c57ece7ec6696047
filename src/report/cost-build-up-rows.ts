import type { Comparison } from "../plan/compare.js";
import { comparisonCostBuildUp, type CostLine, type CostPeriod, type CostUnit, type ScenarioCostBuildUp, type SitePricing } from "../plan/cost-build-up.js";
import type { SiteKind } from "../plan/sites.js";
import { grouped, percent } from "./number-format.js";

/**
 * One row of a comparison's cost build-up, as every report writes it (the
 * terminal, CSV, JSON, HTML and a spreadsheet's "Cost build-up" sheet):
 * typed numbers, the keys a program reads, and the words a reader reads.
 */
export interface CostBuildUpRow {
  /** `line`: one cost line; `total`: the site's figure for the period (the one the comparison adds up and ranks); lines of a period sum to it. */
  rowType: "line" | "total";
  scenario: string;
  /** Position of the scenario in the comparison (names may repeat). */
  scenarioIndex: number;
  /** The scenario is the comparison's baseline. */
  baseline: boolean;
  site: string;
  siteKind: SiteKind;
  /** Null: the site has no cost model. */
  pricing: SitePricing | null;
  period: CostPeriod;
  /** Key of what the line pays for (`level-1`, `team-lead`, `running`, `attrition-hiring`, `set-up`…; `total` on a total row). */
  item: string;
  /** The same in words (`level-1 agents`, `hiring (attrition)`…). */
  label: string;
  role: string | null;
  /** Null on a total row. */
  quantity: number | null;
  unit: CostUnit | null;
  /** The unit in words (`paid h`, `contacts`…). */
  unitLabel: string;
  rate: number | null;
  amount: number | null;
  /** 0 on purpose: `in-price` (the provider's price includes it) or `existing-team` (not counted: the team exists). */
  excluded: CostLine["excluded"];
  /** How the quantity is counted, in words (`190.4 FTE × 35 h a week`). */
  how: string;
}

const ROLE_LABELS: Record<string, string> = { "level-1": "level-1 agents", "level-2": "level-2 agents", "level-3": "level-3 agents", "team-lead": "team leads", manager: "managers" };

const ITEM_LABELS: Record<string, string> = {
  running: "running cost",
  "attrition-hiring": "hiring (attrition)",
  "attrition-training": "training (attrition)",
  hiring: "hiring the team",
  training: "training the team",
  "set-up": "set-up fee",
  "initial-training": "initial training",
};

const UNIT_LABELS: Record<CostUnit, string> = {
  "paid-hour": "paid h",
  "scheduled-paid-hour": "paid h (shifts)",
  "productive-hour": "productive h",
  "on-floor-hour": "on-floor h",
  contact: "contacts",
  "fte-month": "FTE-months",
  person: "people",
  hire: "hires",
  "training-hour": "training h",
  week: "weeks",
  fee: "fee",
};

/** What a line pays for, in words. */
export function costItemLabel(line: Pick<CostLine, "item" | "role">): string {
  const cross = /^cross-training-level-(\d)$/.exec(line.item);
  if (cross) return `cross-training, level ${cross[1]}`;
  return ITEM_LABELS[line.item] ?? ROLE_LABELS[line.item] ?? line.item;
}

/** A line's unit in words. */
export function costUnitLabel(unit: CostUnit): string {
  return UNIT_LABELS[unit];
}

const SINGULAR: Record<string, string> = { people: "person", hires: "hire", weeks: "week", contacts: "contact" };

/** A row's quantity and unit in words: `6,217.5 paid h`, `1 person`, `107.7 hires` (empty on a total row). */
export function quantityText(r: Pick<CostBuildUpRow, "quantity" | "unitLabel">): string {
  if (r.quantity === null) return "";
  return `${q1(r.quantity)} ${r.quantity === 1 ? (SINGULAR[r.unitLabel] ?? r.unitLabel) : r.unitLabel}`;
}

/** What a period's figure is called. */
export function costPeriodLabel(period: CostPeriod): string {
  return period === "week" ? "a week" : period === "year" ? "a year" : "one-off";
}

const q1 = (x: number) => grouped(x, 1, 0);

/** How a line's quantity is counted, in words: the people and factors behind it. */
export function costHow(line: CostLine): string {
  const s = line.source;
  const zero = line.excluded === "in-price" ? "in the provider's price" : line.excluded === "existing-team" ? "not counted: existing team" : "";
  switch (s.kind) {
    case "fte-hours":
      return `${q1(s.fte)} FTE × ${q1(s.hoursPerFte)} h a week`;
    case "schedules":
      return line.unit === "on-floor-hour" ? "the shift schedules' hours on the floor" : "the shift schedules, each template at its rate";
    case "per-week": {
      const over = `÷ ${q1(s.weeks)} week${s.weeks === 1 ? "" : "s"}`;
      return line.unit === "contact" ? `${q1(s.overHorizon)} handled ${over}` : `${q1(s.overHorizon)} agent-hours logged in ${over}`;
    }
    case "fte-months":
      return `${q1(s.fte)} FTE × 12 ÷ 52`;
    case "people":
      return zero !== "" ? `${zero}` : line.item === "initial-training" ? "the agents" : "the whole team";
    case "attrition":
      return `${grouped(s.headcount, 0)} people × ${percent(s.attrition, 0)} a year`;
    case "cross-training":
      return zero !== "" ? zero : "people × extra skills × h per skill";
    case "weeks":
      return "52 × a week";
    case "fee":
      return "once";
  }
}

/** A scenario's rows: each site's lines of each period, and (with `totals`) the site's figure of each period after them. */
function scenarioRows(b: ScenarioCostBuildUp, scenarioIndex: number, baseline: boolean, totals: boolean): CostBuildUpRow[] {
  const out: CostBuildUpRow[] = [];
  for (const site of b.sites) {
    if (site.pricing === null) continue;
    const base = { scenario: b.scenario, scenarioIndex, baseline, site: site.site, siteKind: site.kind, pricing: site.pricing };
    for (const period of ["week", "year", "one-off"] as const) {
      for (const l of site.lines.filter((x) => x.period === period)) {
        out.push({ ...base, rowType: "line", period, item: l.item, label: costItemLabel(l), role: l.role, quantity: l.quantity, unit: l.unit, unitLabel: costUnitLabel(l.unit), rate: l.rate, amount: l.amount, excluded: l.excluded, how: costHow(l) });
      }
      if (totals) {
        const amount = period === "week" ? site.totals.week : period === "year" ? site.totals.year : site.totals.oneOff;
        out.push({ ...base, rowType: "total", period, item: "total", label: costPeriodLabel(period), role: null, quantity: null, unit: null, unitLabel: "", rate: null, amount, excluded: null, how: "" });
      }
    }
  }
  return out;
}

/**
 * The cost build-up of a comparison as flat, typed rows: per scenario and
 * site, the lines of a week, of a year and the one-off ones, each with its
 * quantity, unit, rate and amount (the lines of a site's period sum to its
 * figure); with `totals`, each period's figure after its lines. Sites
 * without a cost model have no rows.
 *
 * @example costBuildUpRows(c).filter((r) => r.period === "week") // every running line
 */
export function costBuildUpRows(c: Comparison, options: { totals?: boolean } = {}): CostBuildUpRow[] {
  const totals = options.totals ?? false;
  return comparisonCostBuildUp(c).flatMap((b, k) => scenarioRows(b, k, k === c.baseline, totals));
}

/** What "a week" and "a year" are in a scenario's costs, in words. */
export function annualMeaning(b: Pick<ScenarioCostBuildUp, "weeks" | "weeksGiven" | "weeksPerYear">): string {
  const weeks = `${q1(b.weeks)} week${b.weeks === 1 ? "" : "s"}`;
  return (
    `A week = the forecast's hours ÷ ${weeks} (${b.weeksGiven ? "the weeks given" : "the calendar weeks its rows touch"}); ` +
    `a year = that week × ${b.weeksPerYear}, plus in-house the hires and training attrition brings`
  );
}
