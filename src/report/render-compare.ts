import type { ChalkInstance } from "chalk";
import { ranking, type Comparison, type ComparedScenario } from "../plan/compare.js";
import type { CostedRole } from "../plan/cost.js";
import type { SitePlan, SourcingPlan, WhatIf } from "../plan/sourcing.js";
import { grouped, jsonNumber, localDigits, percent, seconds } from "./number-format.js";
import { csvDocument, type Cell } from "./csv-cell.js";
import { renderTable } from "./table.js";
import stringWidth from "string-width";
import { fitCompareTable, naturalTable, widestLine, type CompareMetric } from "./compare-layout.js";
import { wrapText } from "./text-wrap.js";
import { annualMeaning } from "./cost-build-up-rows.js";
import { renderCostBuildUpCsv, renderCostBuildUpLines } from "./render-cost-build-up.js";
import { comparisonCostBuildUp, type ScenarioCostBuildUp } from "../plan/cost-build-up.js";
import { reportSettings, tableWidth, withReportSettings } from "./settings.js";
import { clauses, label, plural, tr } from "./labels.js";

/** Version of the JSON documents of `ccplan compare`. */
export const COMPARE_SCHEMA_VERSION = 1;

/** What the comparison was run on. */
export interface CompareContext {
  forecast: string;
  /** Scenario files, in the order of the comparison. */
  files: string[];
  whatIf: WhatIf;
  /** The baseline was chosen with `--baseline` (else it is the first scenario given). */
  baselineGiven?: boolean;
}

/** One point of a sweep: the comparison at one value of the swept factor. */
export interface SweepPoint {
  value: number;
  comparison: Comparison;
}

/** A what-if sweep over one factor. */
export interface Sweep {
  parameter: "volume-factor" | "aht-factor";
  points: SweepPoint[];
}

const LEVEL_ROLES = ["level-1", "level-2", "level-3"];

function roleOf(p: SourcingPlan, role: string): CostedRole | undefined {
  return p.roles.find((r) => r.role === role);
}

/** People of the roles that are neither levels, team leads nor managers. */
function supportPeople(p: SourcingPlan): number {
  return p.roles.filter((r) => !LEVEL_ROLES.includes(r.role) && r.role !== "team-lead" && r.role !== "manager").reduce((n, r) => n + r.headcount, 0);
}

const money = (x: number | null) => (x === null ? label("n/a") : grouped(x, 0));
const signed = (x: number, decimals: number) => (x > 0 ? "+" : x < 0 ? "−" : "±") + grouped(Math.abs(x), decimals);

/** The baseline and why it is the one: "All in-house, Paris (the first scenario given)" or "… (--baseline)". */
export function baselineText(c: Comparison, ctx: Pick<CompareContext, "baselineGiven">): string {
  const name = c.scenarios[c.baseline]?.plan.scenario ?? "";
  return `${name} (${ctx.baselineGiven === true ? "--baseline" : label("the first scenario given")})`;
}

const pointsDelta = (x: number) => `${signed(x * 100, 1)} pt`;

/** The figures of the comparison, each with its deltas against the baseline; per-site figures as one row per site in the compact layouts. */
function compareMetrics(c: Comparison, color: ChalkInstance): CompareMetric[] {
  const S = c.scenarios;
  const m = (name: string, value: (s: ComparedScenario) => string, delta?: (s: ComparedScenario) => string | null): CompareMetric => ({
    label: label(name),
    values: S.map(value),
    ...(delta === undefined ? {} : { deltas: S.map((s) => (s.delta === null ? null : delta(s))) }),
  });
  const d = (f: (s: ComparedScenario) => number | null | undefined, format: (x: number) => string) => (s: ComparedScenario) => {
    const x = f(s);
    return x === null || x === undefined ? null : format(x);
  };
  const sites = [...new Set(S.flatMap((s) => s.plan.sites.map((x) => x.site.name)))];
  const perSite = (name: string, f: (x: SitePlan) => string): CompareMetric => ({
    label: tr`${label(name)} per site`,
    values: S.map((s) => s.plan.sites.map((x) => `${x.site.name} ${f(x)}`).join(", ")),
    compact: sites.map((site) => ({ label: tr`${label(name)}, ${site}`, values: S.map((s) => { const x = s.plan.sites.find((y) => y.site.name === site); return x === undefined ? "" : f(x); }) })),
  });
  const years = plural(c.years, String(c.years), "year");
  const sync = (s: ComparedScenario) => s.plan.service.find((x) => x.channelClass === "sync");
  const metrics: CompareMetric[] = [
    m("people", (s) => grouped(s.plan.totals.headcount, 0), d((s) => s.delta?.headcount, (x) => signed(x, 0))),
    m("FTE", (s) => grouped(s.plan.totals.fte, 1), d((s) => s.delta?.fte, (x) => signed(x, 1))),
    ...LEVEL_ROLES.map((role) => m(`  ${role}`, (s) => grouped(roleOf(s.plan, role)?.headcount ?? 0, 0))),
    m("  team leads", (s) => grouped(roleOf(s.plan, "team-lead")?.headcount ?? 0, 0)),
    m("  managers", (s) => grouped(roleOf(s.plan, "manager")?.headcount ?? 0, 0)),
    m("  support roles", (s) => grouped(supportPeople(s.plan), 0)),
    perSite("people", (x) => grouped(x.plan.organisation.totals.headcount, 0)),
    perSite("FTE", (x) => grouped(x.plan.organisation.totals.fte, 1)),
    perSite("weekly cost", (x) => money(x.cost.weeklyCost)),
    m("weekly cost", (s) => money(s.plan.totals.weeklyCost), d((s) => s.delta?.weeklyCost, (x) => signed(x, 0))),
    m("annual cost", (s) => money(s.plan.totals.annualCost), d((s) => s.delta?.annualCost, (x) => signed(x, 0))),
    m("one-off cost", (s) => money(s.plan.totals.oneOffCost), d((s) => s.delta?.oneOffCost, (x) => signed(x, 0))),
    { label: tr`cost over ${years}`, values: S.map((s) => money(s.costOverYears)) },
    { label: tr`saving over ${years}`, values: S.map((s) => (s.delta === null ? label("baseline") : s.saving === null ? label("n/a") : signed(s.saving, 0))) },
    m("cost per contact", (s) => (s.plan.totals.costPerContact === null ? label("n/a") : grouped(s.plan.totals.costPerContact, 2)), d((s) => s.delta?.costPerContact, (x) => signed(x, 2))),
    m("live service level", (s) => (s.plan.totals.serviceLevel === null ? "" : percent(s.plan.totals.serviceLevel, 1)), d((s) => s.delta?.serviceLevel, pointsDelta)),
    m("live ASA", (s) => { const a = sync(s)?.asaSec; return a === null || a === undefined ? "" : seconds(a); }),
    m("abandonment", (s) => { const a = sync(s)?.abandonRate; return a === null || a === undefined ? "" : percent(a, 1); }),
    m("missed intervals", (s) => (s.plan.totals.missedIntervals > 0 ? color.red(String(s.plan.totals.missedIntervals)) : "0")),
    m("split loss, FTE (per flow)", (s) => grouped(s.plan.totals.splitLossFte, 1)),
  ];
  if (S.some((s) => s.gaps !== undefined)) {
    metrics.push(
      m("roster: in-house gap, FTE", (s) => (s.gaps === undefined ? "" : tr`${grouped(s.gaps.gapFte, 1)} of ${grouped(s.gaps.requiredFte, 1)}`)),
      m("roster: hires", (s) => (s.gaps === undefined ? "" : grouped(s.gaps.hires, 0))),
      m("roster: or trainings + hires", (s) => (s.gaps === undefined ? "" : `${grouped(s.gaps.trainings, 0)} + ${grouped(s.gaps.hiresAfterTraining, 0)}`)),
    );
  }
  return metrics;
}

/**
 * The comparison for a terminal: one column per scenario, deltas and
 * savings against the baseline, the verdict, then (unless `buildUp` is
 * false) each scenario's cost build-up. Within the run's table width
 * ({@link tableWidth}): see {@link fitCompareTable} for how the table gives
 * way.
 */
export function renderCompareTable(c: Comparison, ctx: CompareContext, color: ChalkInstance, options: { buildUp?: boolean } = {}): string {
  const width = tableWidth();
  const plans = c.scenarios.map((s) => s.plan);
  const currency = plans[0]?.currency ?? "";
  const weeks = plans[0]?.weeks ?? 0;
  const title = tr`Compare ${plural(plans.length, String(plans.length), "scenario")} on ${ctx.forecast}`;
  const details = tr`(${plural(weeks, grouped(weeks, 2, 0), "week")}; costs in ${currency}; volume × ${localDigits(String(ctx.whatIf.volumeFactor))}, AHT × ${localDigits(String(ctx.whatIf.ahtFactor))})`;
  const lines = width === undefined || stringWidth(`${title}  ${details}`) <= width ? [color.bold(title) + `  ${details}`] : [...wrapText(title, width).map((l) => color.bold(l)), ...wrapText(details, width)];
  lines.push(...wrapText(tr`Baseline: ${baselineText(c, ctx)}; deltas and savings are against it.`, width), "");
  lines.push(...fitCompareTable(compareMetrics(c, color), plans.map((p) => p.scenario), c.baseline, width).lines);
  for (const v of verdict(c)) lines.push(...wrapText(v, width));
  if (options.buildUp !== false) lines.push("", ...renderCostBuildUpLines(c, color, width));
  return lines.join("\n") + "\n";
}

/** Only the cost build-up of each scenario, for a terminal (`--report build-up`), within the run's table width. */
export function renderCostBuildUpTable(c: Comparison, color: ChalkInstance): string {
  return renderCostBuildUpLines(c, color, tableWidth()).join("\n") + "\n";
}

/** "Cheapest at equal service: …" with its saving against the baseline, and which scenarios were left out of it and why. */
function verdict(c: Comparison): string[] {
  const out: string[] = [];
  const base = c.scenarios[c.baseline];
  const names = (f: (s: ComparedScenario) => boolean) => c.scenarios.filter(f).map((s) => s.plan.scenario);
  const other = names((s) => !s.sameTargets);
  const missing = names((s) => s.sameTargets && !s.meetsTargets);
  const costless = names((s) => s.costOverYears === null);
  const years = plural(c.years, String(c.years), "year");
  if (c.cheapest === null) out.push(tr`No scenario is cheapest at equal service (none has costs, meets every target and plans to the baseline's targets).`);
  else {
    const best = c.scenarios[c.cheapest]!;
    const amount = best.saving === null ? "" : grouped(Math.abs(best.saving), 0);
    const saving =
      c.cheapest === c.baseline ? tr` (the baseline itself)`
      : best.saving === null ? ""
      : best.saving >= 0 ? tr` (saves ${amount} ${best.plan.currency} over ${years} against the baseline, ${base!.plan.scenario})`
      : tr` (costs ${amount} ${best.plan.currency} over ${years} against the baseline, ${base!.plan.scenario})`;
    out.push(tr`Cheapest meeting every target over ${years}: ${best.plan.scenario}${saving}.`);
  }
  if (other.length > 0) out.push(tr`Left out, other service targets than the baseline (${base!.plan.scenario}): ${clauses(other)}.`);
  if (missing.length > 0) out.push(tr`Left out, intervals that miss a target: ${clauses(missing)}.`);
  if (costless.length > 0) out.push(tr`Left out, no cost model: ${clauses(costless)}.`);
  return out;
}

/** The columns of the comparison, one line per scenario: CSV name and getter (the CSV's and the xlsx Scenarios sheet's). */
export const SCENARIO_FIELDS: readonly [string, (s: ComparedScenario, k: number, c: Comparison) => Cell][] = [
  ["scenario", (s) => s.plan.scenario],
  ["headcount", (s) => s.plan.totals.headcount],
  ["fte", (s) => s.plan.totals.fte],
  ["level_1_headcount", (s) => roleOf(s.plan, "level-1")?.headcount ?? 0],
  ["level_2_headcount", (s) => roleOf(s.plan, "level-2")?.headcount ?? 0],
  ["level_3_headcount", (s) => roleOf(s.plan, "level-3")?.headcount ?? 0],
  ["team_lead_headcount", (s) => roleOf(s.plan, "team-lead")?.headcount ?? 0],
  ["manager_headcount", (s) => roleOf(s.plan, "manager")?.headcount ?? 0],
  ["support_headcount", (s) => supportPeople(s.plan)],
  ["weekly_cost", (s) => s.plan.totals.weeklyCost],
  ["annual_cost", (s) => s.plan.totals.annualCost],
  ["one_off_cost", (s) => s.plan.totals.oneOffCost],
  ["cost_over_years", (s) => s.costOverYears],
  ["cost_per_contact", (s) => s.plan.totals.costPerContact],
  ["service_level", (s) => s.plan.totals.serviceLevel],
  ["missed_intervals", (s) => s.plan.totals.missedIntervals],
  ["split_loss_fte", (s) => s.plan.totals.splitLossFte],
  ["delta_headcount", (s) => s.delta?.headcount ?? null],
  ["delta_annual_cost", (s) => s.delta?.annualCost ?? null],
  ["delta_cost_over_years", (s) => s.delta?.costOverYears ?? null],
  ["cheapest", (_, k, c) => c.cheapest === k],
  ["baseline", (_, k, c) => c.baseline === k],
  ["delta_fte", (s) => s.delta?.fte ?? null],
  ["delta_weekly_cost", (s) => s.delta?.weeklyCost ?? null],
  ["delta_one_off_cost", (s) => s.delta?.oneOffCost ?? null],
  ["delta_cost_per_contact", (s) => s.delta?.costPerContact ?? null],
  ["delta_service_level", (s) => s.delta?.serviceLevel ?? null],
  ["saving_over_years", (s) => s.saving],
];

/** The columns of `--by site`: one line per scenario, site and role. */
export const SITE_ROLE_NAMES = ["scenario", "site", "kind", "location", "sharing", "role", "fte", "headcount", "weekly_cost"];

/** The lines of `--by site` (columns {@link SITE_ROLE_NAMES}). */
export function siteRoleRows(c: Comparison): Cell[][] {
  const rows: Cell[][] = [];
  for (const s of c.scenarios) {
    for (const x of s.plan.sites) {
      for (const r of x.cost.roles) {
        rows.push([s.plan.scenario, x.site.name, x.site.kind, x.site.location, x.site.sharing, r.role, r.fte, r.headcount, r.weeklyCost]);
      }
    }
  }
  return rows;
}

/**
 * The comparison as CSV: one line per scenario (`by` "scenario"), per
 * scenario, site and role (`by` "site"), or per cost line (`by`
 * "build-up": see {@link renderCostBuildUpCsv}). Deltas and savings are
 * against the baseline.
 */
export function renderCompareCsv(c: Comparison, by: "scenario" | "site" | "build-up"): string {
  if (by === "build-up") return renderCostBuildUpCsv(c);
  if (by === "site") return csvDocument(SITE_ROLE_NAMES, siteRoleRows(c));
  return csvDocument(
    SCENARIO_FIELDS.map(([name]) => name),
    c.scenarios.map((s, k) => SCENARIO_FIELDS.map(([, get]) => get(s, k, c))),
  );
}

const num = (x: number | null) => (x === null ? null : jsonNumber(x));

function roleJson(r: CostedRole) {
  return { role: r.role, fte: num(r.fte), headcount: r.headcount, weeklyCost: num(r.weeklyCost) };
}

/** A scenario's cost build-up as JSON: per site, its lines and its figures (the lines of a period sum to its figure). */
function buildUpJson(b: ScenarioCostBuildUp) {
  return b.sites.map((x) => ({
    site: x.site,
    kind: x.kind,
    location: x.location,
    sharing: x.sharing,
    pricing: x.pricing,
    lines: x.lines.map((l) => ({ period: l.period, item: l.item, role: l.role, unit: l.unit, quantity: num(l.quantity), rate: num(l.rate), amount: num(l.amount), excluded: l.excluded, source: l.source })),
    weeklyCost: num(x.totals.week),
    annualCost: num(x.totals.year),
    oneOffCost: num(x.totals.oneOff),
    notCounted: x.notCounted,
  }));
}

function scenarioJson(s: ComparedScenario, file: string | undefined, build: ScenarioCostBuildUp, baseline: boolean) {
  const p = s.plan;
  const t = p.totals;
  return {
    name: p.scenario,
    file: file ?? null,
    currency: p.currency,
    totals: {
      headcount: t.headcount,
      fte: num(t.fte),
      weeklyCost: num(t.weeklyCost),
      annualCost: num(t.annualCost),
      oneOffCost: num(t.oneOffCost),
      costOverYears: num(s.costOverYears),
      costPerContact: num(t.costPerContact),
      serviceLevel: num(t.serviceLevel),
      missedIntervals: t.missedIntervals,
      splitLossFte: num(t.splitLossFte),
    },
    delta:
      s.delta === null
        ? null
        : {
            headcount: s.delta.headcount,
            fte: num(s.delta.fte),
            weeklyCost: num(s.delta.weeklyCost),
            annualCost: num(s.delta.annualCost),
            oneOffCost: num(s.delta.oneOffCost),
            costOverYears: num(s.delta.costOverYears),
            costPerContact: num(s.delta.costPerContact),
            serviceLevel: num(s.delta.serviceLevel),
          },
    baseline,
    savingOverYears: num(s.saving),
    meetsTargets: s.meetsTargets,
    sameTargets: s.sameTargets,
    gaps: s.gaps === undefined ? null : Object.fromEntries(Object.entries(s.gaps).map(([k, v]) => [k, num(v)])),
    roles: p.roles.map(roleJson),
    sites: p.sites.map((x) => ({
      name: x.site.name,
      kind: x.site.kind,
      location: x.site.location,
      sharing: x.site.sharing,
      languages: x.site.languages,
      fte: num(x.cost.roles.reduce((n, r) => n + r.fte, 0)),
      headcount: x.cost.roles.reduce((n, r) => n + r.headcount, 0),
      weeklyCost: num(x.cost.weeklyCost),
      annualCost: num(x.cost.annualCost),
      oneOffCost: num(x.cost.oneOffCost),
      annualHires: num(x.cost.annualHires),
      roles: x.cost.roles.map(roleJson),
    })),
    service: p.service.map((v) => ({ channelClass: v.channelClass, volume: num(v.volume), serviceLevel: num(v.serviceLevel), asaSec: num(v.asaSec), abandonRate: num(v.abandonRate), missedIntervals: v.missedIntervals })),
    costBuildUp: buildUpJson(build),
  };
}

/**
 * The comparison as JSON (`schemaVersion` 1), numbers unrounded: deltas
 * and savings against `baseline` (the first scenario unless `--baseline`),
 * each scenario's cost build-up, and what a week and a year are.
 */
export function renderCompareJson(c: Comparison, ctx: CompareContext): string {
  const builds = comparisonCostBuildUp(c);
  const b0 = builds[0];
  const doc = {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    report: "compare",
    forecast: ctx.forecast,
    weeks: c.scenarios[0]?.plan.weeks ?? 0,
    whatIf: ctx.whatIf,
    years: c.years,
    costBasis: b0 === undefined ? null : { weeks: b0.weeks, weeksGiven: b0.weeksGiven, weeksPerYear: b0.weeksPerYear, years: c.years, meaning: withReportSettings({ ...reportSettings(), locale: "en" }, () => annualMeaning(b0)), notCounted: b0.notCounted },
    baseline: c.scenarios[c.baseline]?.plan.scenario ?? null,
    baselineFile: ctx.files[c.baseline] ?? null,
    baselineFrom: ctx.baselineGiven === true ? "--baseline" : "first",
    scenarios: c.scenarios.map((s, k) => scenarioJson(s, ctx.files[k], builds[k]!, k === c.baseline)),
    cheapest: c.cheapest === null ? null : c.scenarios[c.cheapest]!.plan.scenario,
  };
  return JSON.stringify(doc, null, 2) + "\n";
}

/**
 * A sweep for a terminal: one line per value, each scenario's cost over the
 * years, the ranking, the cheapest, and where the ranking changes. Within
 * the run's table width: when the names do not fit as headers, the columns
 * carry keys (`#1`…) with the names listed above; when the costs still do
 * not fit, the ranking and the cheapest come first in a table of their own
 * and the costs follow in as few tables as fit. Nothing is hidden.
 */
export function renderSweepTable(sweep: Sweep, ctx: CompareContext, color: ChalkInstance): string {
  const width = tableWidth();
  const fits = (text: string) => width === undefined || widestLine(text) <= width;
  const first = sweep.points[0]?.comparison;
  const names = first?.scenarios.map((s) => s.plan.scenario) ?? [];
  const years = first?.years ?? 0;
  const title = tr`Sweep of ${sweep.parameter} on ${ctx.forecast}`;
  const details = tr`(cost over ${years} years, ${first?.scenarios[0]?.plan.currency ?? ""}; * = misses a target)`;
  const lines = width === undefined || stringWidth(`${title}  ${details}`) <= width ? [color.bold(title) + `  ${details}`] : [...wrapText(title, width).map((l) => color.bold(l)), ...wrapText(details, width)];
  lines.push("");
  const value = (p: SweepPoint) => localDigits(String(+p.value.toFixed(6)));
  const costs = (p: SweepPoint) => p.comparison.scenarios.map((s) => money(s.costOverYears) + (s.meetsTargets ? "" : "*"));
  const order = (p: SweepPoint) =>
    ranking(p.comparison)
      .map((k) => `#${k + 1}`)
      .join(" < ");
  const cheapest = (p: SweepPoint, named: boolean) => (p.comparison.cheapest === null ? "–" : named ? names[p.comparison.cheapest]! : `#${p.comparison.cheapest + 1}`);
  const right = (n: number) => Array.from({ length: n }, () => "right" as const);
  const whole = naturalTable(
    [sweep.parameter, ...names.map((n, k) => `#${k + 1} ${n}`), "ranking", "cheapest at equal service"],
    sweep.points.map((p) => [value(p), ...costs(p), order(p), cheapest(p, true)]),
    ["right", ...right(names.length), "left", "left"],
  );
  if (fits(whole)) lines.push(whole);
  else {
    lines.push(...names.flatMap((n, k) => wrapText(`${`#${k + 1}`.padEnd(4)} ${n}`, width, "     ")), "");
    const keyed = naturalTable(
      [sweep.parameter, ...names.map((_, k) => `#${k + 1}`), "ranking", "cheapest"],
      sweep.points.map((p) => [value(p), ...costs(p), order(p), cheapest(p, false)]),
      ["right", ...right(names.length), "left", "left"],
    );
    if (fits(keyed)) lines.push(keyed);
    else {
      // the answer first, then the costs behind it, the scenarios spread evenly over as few tables as fit
      lines.push(renderTable([sweep.parameter, "ranking", "cheapest"], sweep.points.map((p) => [value(p), order(p), cheapest(p, false)]), ["right", "left", "left"]));
      const costTable = (cols: number[]) => naturalTable([sweep.parameter, ...cols.map((k) => `#${k + 1}`)], sweep.points.map((p) => [value(p), ...cols.map((k) => costs(p)[k]!)]), ["right", ...right(cols.length)]);
      const all = names.map((_, k) => k);
      for (let count = 1; count <= names.length; count++) {
        const size = Math.ceil(names.length / count);
        const tables: string[] = [];
        for (let k = 0; k < names.length; k += size) tables.push(costTable(all.slice(k, k + size)));
        if (size === 1 || tables.every(fits)) {
          lines.push(...tables.flatMap((t) => ["", t]));
          break;
        }
      }
    }
  }
  for (const change of rankingChanges(sweep)) lines.push(...wrapText(change, width));
  return lines.join("\n") + "\n";
}

/** Lines saying where the cheapest scenario changes along the sweep. */
export function rankingChanges(sweep: Sweep): string[] {
  const out: string[] = [];
  let before: number | null | undefined;
  for (const p of sweep.points) {
    const now = p.comparison.cheapest;
    if (before !== undefined && now !== before) {
      const name = (k: number | null) => (k === null ? label("none") : p.comparison.scenarios[k]!.plan.scenario);
      out.push(tr`At ${sweep.parameter} ${localDigits(String(+p.value.toFixed(6)))} the cheapest at equal service changes from ${name(before)} to ${name(now)}.`);
    }
    before = now;
  }
  if (out.length === 0 && sweep.points.length > 0) out.push(tr`The cheapest at equal service is the same over the whole sweep.`);
  return out;
}

/** A sweep as CSV (one line per value and scenario) or JSON. */
export function renderSweep(sweep: Sweep, ctx: CompareContext, format: "csv" | "json"): string {
  if (format === "csv") {
    const rows: Cell[][] = [];
    for (const p of sweep.points) {
      const order = ranking(p.comparison);
      p.comparison.scenarios.forEach((s, k) => {
        const rank = order.indexOf(k) + 1;
        rows.push([sweep.parameter, p.value, s.plan.scenario, s.costOverYears, s.plan.totals.annualCost, s.plan.totals.oneOffCost, s.plan.totals.headcount, s.meetsTargets, rank, p.comparison.cheapest === k]);
      });
    }
    return csvDocument(["parameter", "value", "scenario", "cost_over_years", "annual_cost", "one_off_cost", "headcount", "meets_targets", "rank", "cheapest"], rows);
  }
  const doc = {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    report: "sweep",
    forecast: ctx.forecast,
    parameter: sweep.parameter,
    whatIf: ctx.whatIf,
    points: sweep.points.map((p) => ({
      value: p.value,
      scenarios: p.comparison.scenarios.map((s) => ({ name: s.plan.scenario, costOverYears: num(s.costOverYears), annualCost: num(s.plan.totals.annualCost), headcount: s.plan.totals.headcount, meetsTargets: s.meetsTargets })),
      cheapest: p.comparison.cheapest === null ? null : p.comparison.scenarios[p.comparison.cheapest]!.plan.scenario,
    })),
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
