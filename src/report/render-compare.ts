import type { ChalkInstance } from "chalk";
import { ranking, type Comparison, type ComparedScenario } from "../plan/compare.js";
import type { CostedRole } from "../plan/cost.js";
import type { SourcingPlan, WhatIf } from "../plan/sourcing.js";
import { grouped, jsonNumber, percent, seconds } from "./number-format.js";
import { csvCell, type Cell } from "./csv-cell.js";
import { renderTable } from "./table.js";

/** Version of the JSON documents of `ccplan compare`. */
export const COMPARE_SCHEMA_VERSION = 1;

/** What the comparison was run on. */
export interface CompareContext {
  forecast: string;
  /** Scenario files, in the order of the comparison. */
  files: string[];
  whatIf: WhatIf;
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

const money = (x: number | null) => (x === null ? "n/a" : grouped(x, 0));
const signed = (x: number, decimals: number) => (x > 0 ? "+" : x < 0 ? "−" : "±") + grouped(Math.abs(x), decimals);

/** The comparison for a terminal: one column per scenario, deltas against the first in brackets. */
export function renderCompareTable(c: Comparison, ctx: CompareContext, color: ChalkInstance): string {
  const plans = c.scenarios.map((s) => s.plan);
  const currency = plans[0]?.currency ?? "";
  const weeks = plans[0]?.weeks ?? 0;
  const lines = [
    color.bold(`Compare ${plans.length} scenario${plans.length === 1 ? "" : "s"} on ${ctx.forecast}`) +
      `  (${grouped(weeks, 2, 0)} week${weeks === 1 ? "" : "s"}; costs in ${currency}; volume × ${ctx.whatIf.volumeFactor}, AHT × ${ctx.whatIf.ahtFactor})`,
    "",
  ];
  const cell = (s: ComparedScenario, value: string, delta: number | null | undefined, decimals = 0) =>
    s.delta === null || delta === null || delta === undefined ? value : `${value} (${signed(delta, decimals)})`;
  const row = (label: string, f: (s: ComparedScenario) => string) => [label, ...c.scenarios.map(f)];
  const rows: string[][] = [
    row("people", (s) => cell(s, grouped(s.plan.totals.headcount, 0), s.delta?.headcount)),
    row("FTE", (s) => cell(s, grouped(s.plan.totals.fte, 1), s.delta?.fte, 1)),
    ...LEVEL_ROLES.map((role) => row(`  ${role}`, (s) => grouped(roleOf(s.plan, role)?.headcount ?? 0, 0))),
    row("  team leads", (s) => grouped(roleOf(s.plan, "team-lead")?.headcount ?? 0, 0)),
    row("  managers", (s) => grouped(roleOf(s.plan, "manager")?.headcount ?? 0, 0)),
    row("  support roles", (s) => grouped(supportPeople(s.plan), 0)),
    row("people per site", (s) => s.plan.sites.map((x) => `${x.site.name} ${grouped(x.plan.organisation.totals.headcount, 0)}`).join(", ")),
    row("FTE per site", (s) => s.plan.sites.map((x) => `${x.site.name} ${grouped(x.plan.organisation.totals.fte, 1)}`).join(", ")),
    row("weekly cost per site", (s) => s.plan.sites.map((x) => `${x.site.name} ${money(x.cost.weeklyCost)}`).join(", ")),
    row(`weekly cost`, (s) => cell(s, money(s.plan.totals.weeklyCost), s.delta?.weeklyCost)),
    row(`annual cost`, (s) => cell(s, money(s.plan.totals.annualCost), s.delta?.annualCost)),
    row(`one-off cost`, (s) => cell(s, money(s.plan.totals.oneOffCost), s.delta?.oneOffCost)),
    row(`cost over ${c.years} year${c.years === 1 ? "" : "s"}`, (s) => cell(s, money(s.costOverYears), s.delta?.costOverYears)),
    row("cost per contact", (s) => (s.plan.totals.costPerContact === null ? "n/a" : grouped(s.plan.totals.costPerContact, 2))),
    row("live service level", (s) => (s.plan.totals.serviceLevel === null ? "" : percent(s.plan.totals.serviceLevel, 1))),
    row("live ASA", (s) => {
      const a = s.plan.service.find((x) => x.channelClass === "sync")?.asaSec;
      return a === null || a === undefined ? "" : seconds(a);
    }),
    row("abandonment", (s) => {
      const a = s.plan.service.find((x) => x.channelClass === "sync")?.abandonRate;
      return a === null || a === undefined ? "" : percent(a, 1);
    }),
    row("missed intervals", (s) => (s.plan.totals.missedIntervals > 0 ? color.red(String(s.plan.totals.missedIntervals)) : "0")),
    row("split loss, FTE (per flow)", (s) => grouped(s.plan.totals.splitLossFte, 1)),
  ];
  if (c.scenarios.some((s) => s.gaps !== undefined)) {
    rows.push(
      row("roster: in-house gap, FTE", (s) => (s.gaps === undefined ? "" : `${grouped(s.gaps.gapFte, 1)} of ${grouped(s.gaps.requiredFte, 1)}`)),
      row("roster: hires", (s) => (s.gaps === undefined ? "" : grouped(s.gaps.hires, 0))),
      row("roster: or trainings + hires", (s) => (s.gaps === undefined ? "" : `${grouped(s.gaps.trainings, 0)} + ${grouped(s.gaps.hiresAfterTraining, 0)}`)),
    );
  }
  lines.push(renderTable(["", ...plans.map((p) => p.scenario)], rows, ["left", ...plans.map(() => "right" as const)]));
  lines.push(verdict(c));
  return lines.join("\n") + "\n";
}

/** "Cheapest at equal service: …", and which scenarios were left out of it and why. */
function verdict(c: Comparison): string {
  const out: string[] = [];
  const names = (f: (s: ComparedScenario) => boolean) => c.scenarios.filter(f).map((s) => s.plan.scenario);
  const other = names((s) => !s.sameTargets);
  const missing = names((s) => s.sameTargets && !s.meetsTargets);
  const costless = names((s) => s.costOverYears === null);
  if (c.cheapest === null) out.push("No scenario is cheapest at equal service (none has costs, meets every target and plans to the reference's targets).");
  else {
    const best = c.scenarios[c.cheapest]!;
    const ref = c.scenarios[0]!;
    const vs = c.cheapest === 0 || best.delta?.costOverYears == null ? "" : ` (${signed(best.delta.costOverYears, 0)} ${best.plan.currency} over ${c.years} years against ${ref.plan.scenario})`;
    out.push(`Cheapest meeting every target over ${c.years} year${c.years === 1 ? "" : "s"}: ${best.plan.scenario}${vs}.`);
  }
  if (other.length > 0) out.push(`Left out, other service targets than ${c.scenarios[0]!.plan.scenario}: ${other.join("; ")}.`);
  if (missing.length > 0) out.push(`Left out, intervals that miss a target: ${missing.join("; ")}.`);
  if (costless.length > 0) out.push(`Left out, no cost model: ${costless.join("; ")}.`);
  return out.join("\n");
}


const SCENARIO_FIELDS: readonly [string, (s: ComparedScenario, k: number, c: Comparison) => Cell][] = [
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
];

/** The comparison as CSV: one line per scenario (`by` "scenario"), or per scenario, site and role (`by` "site"). */
export function renderCompareCsv(c: Comparison, by: "scenario" | "site"): string {
  if (by === "site") {
    const out = ["scenario,site,kind,location,sharing,role,fte,headcount,weekly_cost"];
    for (const s of c.scenarios) {
      for (const x of s.plan.sites) {
        for (const r of x.cost.roles) {
          out.push([s.plan.scenario, x.site.name, x.site.kind, x.site.location, x.site.sharing, r.role, r.fte, r.headcount, r.weeklyCost].map(csvCell).join(","));
        }
      }
    }
    return out.join("\n") + "\n";
  }
  const out = [SCENARIO_FIELDS.map(([name]) => name).join(",")];
  c.scenarios.forEach((s, k) => out.push(SCENARIO_FIELDS.map(([, get]) => csvCell(get(s, k, c))).join(",")));
  return out.join("\n") + "\n";
}

const num = (x: number | null) => (x === null ? null : jsonNumber(x));

function roleJson(r: CostedRole) {
  return { role: r.role, fte: num(r.fte), headcount: r.headcount, weeklyCost: num(r.weeklyCost) };
}

function scenarioJson(s: ComparedScenario, file: string | undefined) {
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
        : { headcount: s.delta.headcount, fte: num(s.delta.fte), weeklyCost: num(s.delta.weeklyCost), annualCost: num(s.delta.annualCost), oneOffCost: num(s.delta.oneOffCost), costOverYears: num(s.delta.costOverYears) },
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
  };
}

/** The comparison as JSON (`schemaVersion` 1), numbers unrounded. */
export function renderCompareJson(c: Comparison, ctx: CompareContext): string {
  const doc = {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    report: "compare",
    forecast: ctx.forecast,
    weeks: c.scenarios[0]?.plan.weeks ?? 0,
    whatIf: ctx.whatIf,
    years: c.years,
    scenarios: c.scenarios.map((s, k) => scenarioJson(s, ctx.files[k])),
    cheapest: c.cheapest === null ? null : c.scenarios[c.cheapest]!.plan.scenario,
  };
  return JSON.stringify(doc, null, 2) + "\n";
}

/** A sweep for a terminal: one line per value, each scenario's cost over the years, the cheapest, and where the ranking changes. */
export function renderSweepTable(sweep: Sweep, ctx: CompareContext, color: ChalkInstance): string {
  const first = sweep.points[0]?.comparison;
  const names = first?.scenarios.map((s) => s.plan.scenario) ?? [];
  const years = first?.years ?? 0;
  const lines = [color.bold(`Sweep of ${sweep.parameter} on ${ctx.forecast}`) + `  (cost over ${years} years, ${first?.scenarios[0]?.plan.currency ?? ""}; * = misses a target)`, ""];
  const rows = sweep.points.map((p) => [
    String(+p.value.toFixed(6)),
    ...p.comparison.scenarios.map((s) => money(s.costOverYears) + (s.meetsTargets ? "" : "*")),
    ranking(p.comparison)
      .map((k) => `#${k + 1}`)
      .join(" < "),
    p.comparison.cheapest === null ? "–" : names[p.comparison.cheapest]!,
  ]);
  const head = names.map((n, k) => `#${k + 1} ${n}`);
  lines.push(renderTable([sweep.parameter, ...head, "ranking", "cheapest at equal service"], rows, ["right", ...names.map(() => "right" as const), "left", "left"]));
  for (const change of rankingChanges(sweep)) lines.push(change);
  return lines.join("\n") + "\n";
}

/** Lines saying where the cheapest scenario changes along the sweep. */
export function rankingChanges(sweep: Sweep): string[] {
  const out: string[] = [];
  let before: number | null | undefined;
  for (const p of sweep.points) {
    const now = p.comparison.cheapest;
    if (before !== undefined && now !== before) {
      const name = (k: number | null) => (k === null ? "none" : p.comparison.scenarios[k]!.plan.scenario);
      out.push(`At ${sweep.parameter} ${+p.value.toFixed(6)} the cheapest at equal service changes from ${name(before)} to ${name(now)}.`);
    }
    before = now;
  }
  if (out.length === 0 && sweep.points.length > 0) out.push("The cheapest at equal service is the same over the whole sweep.");
  return out;
}

/** A sweep as CSV (one line per value and scenario) or JSON. */
export function renderSweep(sweep: Sweep, ctx: CompareContext, format: "csv" | "json"): string {
  if (format === "csv") {
    const out = ["parameter,value,scenario,cost_over_years,annual_cost,one_off_cost,headcount,meets_targets,rank,cheapest"];
    for (const p of sweep.points) {
      const order = ranking(p.comparison);
      p.comparison.scenarios.forEach((s, k) => {
        const rank = order.indexOf(k) + 1;
        out.push([sweep.parameter, p.value, s.plan.scenario, s.costOverYears, s.plan.totals.annualCost, s.plan.totals.oneOffCost, s.plan.totals.headcount, s.meetsTargets, rank, p.comparison.cheapest === k].map(csvCell).join(","));
      });
    }
    return out.join("\n") + "\n";
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
