import type { Comparison } from "../plan/compare.js";
import { comparisonCostBuildUp, type CostLine, type CostPeriod, type CostUnit, type ScenarioCostBuildUp, type SitePricing } from "../plan/cost-build-up.js";
import type { SiteKind } from "../plan/sites.js";
import { grouped, percent } from "./number-format.js";
import { label as word, plural, tr } from "./labels.js";

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
  /** The same in words, in the run's language (`level-1 agents`, `hiring (attrition)`…; French under `--locale fr`). */
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
  /** How the quantity is counted, in English words (`190.4 FTE × 35 h a week`): the CSV's `how`, the same in every locale. */
  how: string;
  /** The same in the run's language, for a reader (the terminal and the HTML page). */
  howText: string;
}

/** A sentence with figures as written, whatever the locale (the words of the CSV); same signature as {@link tr}. */
type Say = (strings: TemplateStringsArray, ...values: readonly unknown[]) => string;

const english: Say = (strings, ...values) => strings.reduce((out, part, k) => out + String(values[k - 1]) + part);

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

/** What a line pays for, in words, in the run's language (a support role's item is its name, as given). */
export function costItemLabel(line: Pick<CostLine, "item" | "role">): string {
  const cross = /^cross-training-level-(\d)$/.exec(line.item);
  if (cross) return tr`cross-training, level ${cross[1]}`;
  const words = ITEM_LABELS[line.item] ?? ROLE_LABELS[line.item];
  return words === undefined ? line.item : word(words);
}

/** A line's unit in words. */
export function costUnitLabel(unit: CostUnit): string {
  return UNIT_LABELS[unit];
}

const SINGULAR: Record<string, string> = { people: "person", hires: "hire", weeks: "week", contacts: "contact" };

/** A row's quantity and unit in words, in the run's language: `6,217.5 paid h`, `1 person`, `107.7 hires` (empty on a total row). */
export function quantityText(r: Pick<CostBuildUpRow, "quantity" | "unitLabel">): string {
  if (r.quantity === null) return "";
  return plural(r.quantity, q1(r.quantity), SINGULAR[r.unitLabel] ?? r.unitLabel, r.unitLabel);
}

/** What a period's figure is called, in the run's language. */
export function costPeriodLabel(period: CostPeriod): string {
  return word(period === "week" ? "a week" : period === "year" ? "a year" : "one-off");
}

const q1 = (x: number) => grouped(x, 1, 0);

/**
 * How a line's quantity is counted, in words: the people and factors behind
 * it. In English (the CSV's words) unless `say` is {@link tr} (a reader's
 * words, in the run's language).
 */
export function costHow(line: CostLine, say: Say = english): string {
  const s = line.source;
  const zero = line.excluded === "in-price" ? say`in the provider's price` : line.excluded === "existing-team" ? say`not counted: existing team` : "";
  switch (s.kind) {
    case "fte-hours":
      return say`${q1(s.fte)} FTE × ${q1(s.hoursPerFte)} h a week`;
    case "schedules":
      return line.unit === "on-floor-hour" ? say`the shift schedules' hours on the floor` : say`the shift schedules, each template at its rate`;
    case "per-week": {
      const over = s.weeks === 1 ? say`÷ ${q1(s.weeks)} week` : say`÷ ${q1(s.weeks)} weeks`;
      return line.unit === "contact" ? say`${q1(s.overHorizon)} handled ${over}` : say`${q1(s.overHorizon)} agent-hours logged in ${over}`;
    }
    case "fte-months":
      return say`${q1(s.fte)} FTE × 12 ÷ 52`;
    case "people":
      return zero !== "" ? `${zero}` : line.item === "initial-training" ? say`the agents` : say`the whole team`;
    case "attrition":
      return say`${grouped(s.headcount, 0)} people × ${percent(s.attrition, 0)} a year`;
    case "cross-training":
      return zero !== "" ? zero : say`people × extra skills × h per skill`;
    case "weeks":
      return say`52 × a week`;
    case "fee":
      return say`once`;
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
        out.push({ ...base, rowType: "line", period, item: l.item, label: costItemLabel(l), role: l.role, quantity: l.quantity, unit: l.unit, unitLabel: costUnitLabel(l.unit), rate: l.rate, amount: l.amount, excluded: l.excluded, how: costHow(l), howText: costHow(l, tr) });
      }
      if (totals) {
        const amount = period === "week" ? site.totals.week : period === "year" ? site.totals.year : site.totals.oneOff;
        out.push({ ...base, rowType: "total", period, item: "total", label: costPeriodLabel(period), role: null, quantity: null, unit: null, unitLabel: "", rate: null, amount, excluded: null, how: "", howText: "" });
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

/** What "a week" and "a year" are in a scenario's costs, in words: English (JSON's `meaning`) unless `say` is {@link tr} (the run's language). */
export function annualMeaning(b: Pick<ScenarioCostBuildUp, "weeks" | "weeksGiven" | "weeksPerYear">, say: Say = english): string {
  const weeks = b.weeks === 1 ? say`${q1(b.weeks)} week` : say`${q1(b.weeks)} weeks`;
  const which = b.weeksGiven ? say`the weeks given` : say`the calendar weeks its rows touch`;
  return say`A week = the forecast's hours ÷ ${weeks} (${which}); a year = that week × ${b.weeksPerYear}, plus in-house the hires and training attrition brings`;
}
