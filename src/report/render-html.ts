import type { Comparison } from "../plan/compare.js";
import type { GapsPlan } from "../plan/gaps.js";
import type { Plan } from "../plan/plan.js";
import { formatDateTime } from "../plan/calendar.js";
import { grouped, localDigits, percent, seconds } from "./number-format.js";
import type { PlanSeries } from "./plan-series.js";
import type { CompareContext } from "./render-compare.js";
import { comparisonCostBuildUp } from "../plan/cost-build-up.js";
import { annualMeaning, costBuildUpRows, costPeriodLabel, quantityText, type CostBuildUpRow } from "./cost-build-up-rows.js";
import { notCountedLines } from "./render-cost-build-up.js";
import type { GapsContext } from "./render-gaps.js";
import { Chalk } from "chalk";
import { recommendedPlan } from "./render-gaps.js";
import { whatIfFlags } from "./render-plan.js";
import { clauses, isFrench, label, plural, tr } from "./labels.js";
import { coverageChart, escapeXml, stackedAreaChart, stackedBarChart, type Series } from "./svg-charts.js";

const CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto; max-width: 1180px; color: #1b1b1b; padding: 0 16px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.sub { color: #555; margin-top: 0; } .grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 18px; align-items: start; }
svg { max-width: 100%; height: auto; background: #fff; }
table { border-collapse: collapse; font-size: 12px; width: 100%; } th, td { padding: 3px 6px; border-bottom: 1px solid #eee; }
th { text-align: left; background: #f6f6f6; } td.n { text-align: right; font-variant-numeric: tabular-nums; } td:first-child { white-space: nowrap; } tr.total td { font-weight: 600; border-top: 2px solid #999; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; font-size: 13px; } dt { color: #555; } dd { margin: 0; }
.bad { color: #b00020; } footer { margin-top: 32px; color: #777; font-size: 11px; }
.names td:first-child { white-space: normal; min-width: 9em; overflow-wrap: anywhere; } h3 { font-size: 14px; margin: 18px 0 6px; }
`;

/** One cell: text (left) or a number already formatted (right, `n`). */
type Cell = string | { n: string };

/** An HTML table; the last row is the total when `total`. */
export function htmlTable(head: string[], rows: Cell[][], total = false): string {
  const cell = (c: Cell) => (typeof c === "string" ? `<td>${escapeXml(c)}</td>` : `<td class="n">${escapeXml(c.n)}</td>`);
  const body = rows.map((r, k) => `<tr${total && k === rows.length - 1 ? ' class="total"' : ""}>${r.map(cell).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${head.map((h) => `<th>${escapeXml(label(h))}</th>`).join("")}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function facts(items: [string, string][]): string {
  return `<dl>${items.map(([k, v]) => `<dt>${escapeXml(label(k))}</dt><dd>${escapeXml(v)}</dd>`).join("")}</dl>`;
}

/** A whole, self-contained page: inline CSS, inline SVG, no script and no network asset. */
export function htmlPage(title: string, subtitle: string, sections: { heading: string; html: string }[]): string {
  return `<!DOCTYPE html>
<html lang="${isFrench() ? "fr" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeXml(title)}</h1>
<p class="sub">${escapeXml(subtitle)}</p>
${sections.map((s) => `<section>\n<h2>${escapeXml(label(s.heading))}</h2>\n${s.html}\n</section>`).join("\n")}
<footer>${escapeXml(label("Made by ccplan. Same inputs, same page."))}</footer>
</body>
</html>
`;
}

const n = (x: number, d = 1) => ({ n: grouped(x, d) });

/** The plan as one HTML page: the staffing curve, people per level and role, the queues, the inputs and assumptions. */
export function renderPlanHtml(plan: Plan, series: PlanSeries, forecast: string): string {
  const first = plan.firstStartMin ?? 0;
  const end = plan.endMin ?? first;
  const g = series.grid(first, end);
  const ticks: [number, string][] = [];
  // each day's first interval, also when the horizon starts after midnight
  g.starts.forEach((t, k) => {
    if (k === 0 || t % 1440 === 0) ticks.push([k, formatDateTime(t).slice(0, 10)]);
  });
  const curve = stackedAreaChart(
    "Agents needed by interval",
    [
      { name: "live (sync)", values: g.sync },
      { name: "deferred (async)", values: g.async },
      { name: "outbound", values: g.outbound },
    ].filter((s) => s.values.some((v) => v > 0)),
    ticks,
    "agents",
  );
  const o = plan.organisation;
  const levels = [1, 2, 3].filter((t) => o.groups.some((x) => x.tier === t));
  const categories = [...levels.map((t) => tr`level ${t}`), label("management and support")];
  const teamNames = [...new Set(o.groups.map((x) => x.name))];
  const people: Series[] = teamNames.map((name) => ({ name, values: categories.map((_, c) => o.groups.filter((x) => x.name === name && x.tier === levels[c]).reduce((s, x) => s + x.headcount, 0)) }));
  const others = o.roles.filter((r) => !r.role.startsWith("level-"));
  for (const r of others) people.push({ name: r.role, values: categories.map((_, c) => (c === categories.length - 1 ? r.headcount : 0)) });
  const peopleChart = stackedBarChart("People by level and role", categories, people, "people", 560, 320);
  const roleRows: Cell[][] = o.roles.map((r) => [r.role, r.agentsPeak === null ? "" : n(r.agentsPeak), n(r.fte), n(r.headcount, 0)]);
  roleRows.push([label("total"), "", n(o.totals.fte), n(o.totals.headcount, 0)]);
  const days = stackedBarChart(
    "Agent-hours per day",
    plan.days.map((d) => formatDateTime(d.dayIndex * 1440).slice(0, 10)),
    [{ name: "agent-hours", values: plan.days.map((d) => d.agentHours) }],
    "hours",
    900,
    260,
  );
  const queueRows: Cell[][] = plan.queues.map((q) => [
    `L${q.queue!.tier}`,
    q.queue!.channelClass,
    q.queue!.channel,
    q.queue!.typology + (q.queue!.direction === "outbound" ? ` (${label("outbound")})` : ""),
    n(q.volume, 0),
    n(q.peakAgents),
    n(q.fte),
    q.serviceLevel === null ? "" : { n: percent(q.serviceLevel, 1) },
    q.asaSec === null ? "" : { n: seconds(q.asaSec) },
    q.abandonRate === null ? "" : { n: percent(q.abandonRate, 1) },
    n(q.missedIntervals, 0),
  ]);
  const t = plan.totals;
  queueRows.push([label("total"), "", "", "", n(t.volume, 0), n(t.peakAgents), n(t.fte), t.serviceLevel === null ? "" : { n: percent(t.serviceLevel, 1) }, t.asaSec === null ? "" : { n: seconds(t.asaSec) }, t.abandonRate === null ? "" : { n: percent(t.abandonRate, 1) }, n(t.missedIntervals, 0)]);
  const inputs = facts([
    ["forecast", forecast],
    ["scenario", plan.scenario],
    ...(plan.whatIf === undefined || whatIfFlags(plan.whatIf).length === 0 ? [] : [["what-ifs", tr`${whatIfFlags(plan.whatIf).join(", ")} (over the scenario)`] as [string, string]]),
    ["horizon", `${formatDateTime(first)} → ${formatDateTime(end)} (${plural(plan.weeks, grouped(plan.weeks, 2, 0), "week")}${plan.horizon?.weeksGiven ? label(", as given") : ""})`],
    [
      "FTE",
      plan.weeks > 1 && plan.peakWeek !== null
        ? tr`scheduled hours of the mean calendar week ÷ contract hours; peak week ${formatDateTime(plan.peakWeek.startMin).slice(0, 10)}: ${grouped(plan.peakWeek.fte, 1)} FTE, ${grouped(plan.peakWeek.headcount, 0)} headcount`
        : tr`scheduled hours of the calendar week ÷ contract hours`,
    ],
    ...plan.notes.map((note): [string, string] => ["warning", `${note.code} ${note.message}`]),
    ["shrinkage", percent(plan.shrinkage, 1)],
    ["contract", tr`${grouped(plan.contractHours, 1, 0)} h a week per FTE, mean contract ${percent(plan.contractFraction, 0)}`],
    ["organisation", o.model],
    ["rounding", tr`headcount = FTE ÷ mean contract, rounded up once per team; team leads per team; managers from team leads`],
    ["models", tr`Erlang C / Erlang A / chat concurrency for live queues; deadline model (taut string) for deferred work; workload at occupancy for outbound`],
  ]);
  return htmlPage(tr`Staffing plan: ${plan.scenario}`, tr`${formatDateTime(first)} → ${formatDateTime(end)}; ${grouped(o.totals.headcount, 0)} people, ${grouped(o.totals.fte, 1)} FTE`, [
    { heading: "Staffing curve", html: curve },
    { heading: "People", html: `<div class="grid">${peopleChart}${htmlTable(["role", "agents at peak", "FTE", "headcount"], roleRows, true)}</div>` },
    { heading: "Days", html: days },
    { heading: "Queues", html: htmlTable(["level", "class", "channel", "typology", "volume", "peak agents", "FTE", "SL", "ASA", "aband.", "missed"], queueRows, true) },
    { heading: "Inputs and assumptions", html: inputs },
  ]);
}

/** One scenario's cost build-up as an HTML table: per site and period, the lines (quantity × rate = amount, how) and the period's figure. */
function buildUpHtml(rows: readonly CostBuildUpRow[]): string {
  const sites = [...new Set(rows.map((r) => r.site))];
  const body: string[] = [];
  const td = (text: string, cls = "") => `<td${cls === "" ? "" : ` class="${cls}"`}>${escapeXml(text)}</td>`;
  for (const site of sites) {
    for (const r of rows.filter((x) => x.site === site)) {
      if (r.rowType === "total") {
        body.push(`<tr class="total">${td(site)}${td(costPeriodLabel(r.period))}${td(label("total"))}${td("")}${td("")}${td(r.amount === null ? label("n/a") : grouped(r.amount, 0), "n")}${td("")}</tr>`);
        continue;
      }
      const rate = r.excluded === "in-price" ? label("in the price") : r.excluded === "existing-team" ? label("not counted") : r.rate === null ? label("schedules") : r.item === "running" ? grouped(r.rate, 0) : grouped(r.rate, 2, 0);
      body.push(
        `<tr>${td(site)}${td(costPeriodLabel(r.period))}${td(r.label)}${td(quantityText(r), "n")}${td(rate, "n")}${td(grouped(r.amount!, 0), "n")}${td(r.howText)}</tr>`,
      );
    }
  }
  const head = ["site", "period", "line", "quantity", "rate", "amount", "how"];
  return `<table class="build-up"><thead><tr>${head.map((h) => `<th>${escapeXml(label(h))}</th>`).join("")}</tr></thead><tbody>\n${body.join("\n")}\n</tbody></table>`;
}

/**
 * The comparison as one HTML page: the verdict and the baseline, people,
 * the cost the ranking compares (running cost × years + one-off, by site)
 * and service per scenario, the figures side by side, the deltas and
 * savings against the baseline, each scenario's cost build-up, and what is
 * not counted. Scenario names are written whole (wrapped) in the charts and
 * tables.
 */
export function renderCompareHtml(c: Comparison, ctx: CompareContext): string {
  const plans = c.scenarios.map((s) => s.plan);
  const names = plans.map((p) => p.scenario);
  const currency = plans[0]?.currency ?? "";
  const years = plural(c.years, String(c.years), "year");
  const whole = { wholeLabels: true };
  const roles = [...new Set(plans.flatMap((p) => p.roles.map((r) => r.role)))];
  const people = stackedBarChart("People per scenario, by role", names, roles.map((role) => ({ name: role, values: plans.map((p) => p.roles.find((r) => r.role === role)?.headcount ?? 0) })), "people", 900, 320, whole);
  const sites = [...new Set(plans.flatMap((p) => p.sites.map((s) => s.site.name)))];
  // the ranking's own figure: each site's annual cost × years + its one-off cost (they add up to the scenario's cost over the years)
  const siteOverYears = (p: (typeof plans)[number], site: string) => {
    const x = p.sites.find((s) => s.site.name === site);
    if (x === undefined) return 0;
    return x.cost.annualCost === null || x.cost.oneOffCost === null ? NaN : x.cost.annualCost * c.years + x.cost.oneOffCost;
  };
  const cost = stackedBarChart(
    tr`Cost over ${years} per scenario, by site (${currency}): ${c.years} × a year + one-off, the figure the ranking compares`,
    names,
    sites.map((site) => ({ name: site, values: plans.map((p) => siteOverYears(p, site)) })),
    currency,
    900,
    320,
    whole,
  );
  const service = stackedBarChart("Live service level per scenario (%)", names, [{ name: "service level", values: plans.map((p) => (p.totals.serviceLevel === null ? NaN : p.totals.serviceLevel * 100)) }], "%", 900, 260, whole);
  const money = (x: number | null) => (x === null ? label("n/a") : grouped(x, 0));
  const signed = (x: number | null | undefined, decimals = 0, unit = "") => (x === null || x === undefined ? "" : `${x > 0 ? "+" : x < 0 ? "−" : "±"}${grouped(Math.abs(x), decimals)}${unit}`);
  const gapsShown = c.scenarios.some((x) => x.gaps !== undefined);
  const rows: Cell[][] = c.scenarios.map((s, k) => [
    s.plan.scenario + (k === c.baseline ? ` (${label("baseline")})` : ""),
    n(s.plan.totals.headcount, 0),
    n(s.plan.totals.fte),
    clauses(s.plan.sites.map((x) => `${x.site.name} (${label(x.site.kind)}, ${label(x.site.location)}, ${label(x.site.sharing)})`)),
    { n: money(s.plan.totals.weeklyCost) },
    { n: money(s.plan.totals.annualCost) },
    { n: money(s.plan.totals.oneOffCost) },
    { n: money(s.costOverYears) },
    s.plan.totals.costPerContact === null ? "" : n(s.plan.totals.costPerContact, 2),
    s.plan.totals.serviceLevel === null ? "" : { n: percent(s.plan.totals.serviceLevel, 1) },
    n(s.plan.totals.missedIntervals, 0),
    n(s.plan.totals.splitLossFte),
    ...(gapsShown ? [s.gaps === undefined ? "" : tr`${grouped(s.gaps.gapFte, 1)} FTE: ${s.gaps.hires} hires, or ${s.gaps.trainings} trainings + ${s.gaps.hiresAfterTraining} hires`] : []),
  ]);
  const deltaRows: Cell[][] = c.scenarios.map((s, k) => {
    const d = s.delta;
    if (k === c.baseline) return [s.plan.scenario, label("baseline"), "", "", "", "", "", "", ""];
    return [
      s.plan.scenario,
      { n: signed(d?.headcount) },
      { n: signed(d?.fte, 1) },
      { n: signed(d?.weeklyCost) },
      { n: signed(d?.annualCost) },
      { n: signed(d?.oneOffCost) },
      { n: signed(d?.costPerContact, 2) },
      { n: d?.serviceLevel == null ? "" : signed(d.serviceLevel * 100, 1, " pt") },
      { n: s.saving === null ? label("n/a") : signed(s.saving) },
    ];
  });
  const base = names[c.baseline] ?? "";
  const best = c.cheapest === null ? undefined : c.scenarios[c.cheapest]!;
  const amount = best?.saving == null ? "" : grouped(Math.abs(best.saving), 0);
  const verdict =
    best === undefined
      ? tr`No scenario is cheapest at equal service (none has costs, meets every target and plans to the baseline's targets)`
      : tr`Cheapest at equal service over ${years}: ${best.plan.scenario}` +
        (c.cheapest === c.baseline ? tr` (the baseline itself)`
        : best.saving === null ? ""
        : best.saving >= 0 ? tr`, saving ${amount} ${currency} over ${years} against the baseline, ${base}`
        : tr`, costing ${amount} ${currency} over ${years} against the baseline, ${base}`);
  const builds = comparisonCostBuildUp(c);
  const buildRows = costBuildUpRows(c, { totals: true });
  const buildUp = builds
    .map((b, k) => {
      const heading = `<h3>${escapeXml(b.scenario)}${k === c.baseline ? ` (${escapeXml(label("baseline"))})` : ""}</h3>`;
      const these = buildRows.filter((r) => r.scenarioIndex === k);
      const costless = b.sites.filter((x) => x.pricing === null).map((x) => x.site);
      const over =
        b.totals.overYears === null
          ? `<p>${costless.length === 1 ? tr`No cost over ${escapeXml(years)}: ${escapeXml(costless.join(", "))} has no cost model.` : tr`No cost over ${escapeXml(years)}: ${escapeXml(costless.join(", "))} have no cost model.`}</p>`
          : `<p>${tr`Over ${escapeXml(years)}: ${c.years} × ${money(b.totals.year)} a year + ${money(b.totals.oneOff)} one-off = <strong>${money(b.totals.overYears)} ${escapeXml(currency)}</strong>, the figure the ranking uses.`}</p>`;
      return heading + (these.length > 0 ? buildUpHtml(these) : "") + over;
    })
    .join("\n");
  const baselineWhy = ctx.baselineGiven === true ? "--baseline" : label("the first scenario given");
  return htmlPage(tr`Scenario comparison on ${ctx.forecast}`, tr`${verdict}. Baseline: ${base} (${baselineWhy}).`, [
    { heading: "People", html: people },
    { heading: tr`Cost over ${years}, by site: ${c.years} × a year + one-off, the figure the ranking compares`, html: cost },
    { heading: "Service", html: service },
    {
      heading: "Side by side",
      html: `<div class="names">${htmlTable(
        ["scenario", "people", "FTE", "sites", "weekly cost", "annual cost", "one-off", tr`cost over ${years}`, "per contact", "live SL", "missed", "split loss FTE", ...(gapsShown ? ["roster gaps"] : [])],
        rows,
      )}</div>`,
    },
    {
      heading: tr`Against the baseline: ${base}`,
      html: `<div class="names">${htmlTable(["scenario", "people", "FTE", "weekly cost", "annual cost", "one-off", "per contact", "live SL", tr`saving over ${years}`], deltaRows)}</div><p>${tr`Deltas are this scenario − the baseline; a saving is the baseline's cost over ${escapeXml(years)} − this one's (negative: it costs more).`}</p>`,
    },
    {
      heading: "Cost build-up",
      html:
        `<p>${escapeXml(builds[0] === undefined ? "" : annualMeaning(builds[0], tr))}. ${tr`Each period's lines add up to its total, the figure the comparison uses.`}</p>` +
        `<div class="names">${buildUp}</div>` +
        `<h3>${escapeXml(label("Not counted"))}</h3><ul>${notCountedLines(builds).map((l) => `<li>${escapeXml(l)}</li>`).join("")}</ul>`,
    },
    {
      heading: "Inputs and assumptions",
      html: facts([
        ["forecast", ctx.forecast],
        ["scenarios", ctx.files.join(", ")],
        ["baseline", `${base} (${baselineWhy})`],
        ["what-if", tr`volume × ${localDigits(String(ctx.whatIf.volumeFactor))}, AHT × ${localDigits(String(ctx.whatIf.ahtFactor))}`],
        ["ranking", tr`running cost × ${c.years} years + one-off costs, among the scenarios with the baseline's targets that miss none`],
        ["in-house cost", tr`paid hours × loaded hourly cost per role; attrition hires a year; hiring and training the team once unless it exists`],
        ["outsourced cost", tr`per productive hour, per handled contact or per FTE-month; set-up fee and initial training once`],
      ]),
    },
  ]);
}

/** The recommended plan's lines as HTML: a paragraph per line, a list of the lines indented by two spaces under it. */
function planHtml(lines: readonly string[]): string {
  let html = "";
  let list: string[] = [];
  const flush = () => {
    if (list.length > 0) html += `<ul>${list.map((l) => `<li>${escapeXml(l)}</li>`).join("")}</ul>`;
    list = [];
  };
  for (const line of lines) {
    if (line.startsWith("  ")) list.push(line.trim());
    else {
      flush();
      html += `<p>${escapeXml(line)}</p>`;
    }
  }
  flush();
  return html;
}

/** The skill gaps as one HTML page: coverage per skill, hires, trainings. */
export function renderGapsHtml(g: GapsPlan, ctx: GapsContext): string {
  const chart = coverageChart(
    "Required and covered FTE per skill",
    g.skills.map((s) => ({ label: `L${s.tier} ${s.site ?? ""} ${s.typology}:${s.channel}`.replace(/\s+/g, " "), required: s.requiredFte, covered: s.coveredFte })),
  );
  const hire = (hs: GapsPlan["hires"]) => htmlTable(["level", "site", "skills", "people", "closes FTE"], hs.map((h) => [`L${h.tier}`, h.site ?? label("any"), h.skills.join(" + "), n(h.count, 0), n(h.closesFte, 2)]));
  // the terminal's "then hire" lines as a table: each skill once, its own hires and its share of the shared ones
  const hirePlan = htmlTable(
    ["level", "site", "skill", "people on it alone", "FTE in shared hires", "shared with", "closes FTE"],
    g.hirePlan.map((h) => [`L${h.tier}`, h.site ?? label("any"), h.skill, n(h.soloHires, 0), h.sharedFte > 0 ? n(h.sharedFte, 2) : "", h.sharedWith.join(", "), n(h.closesFte, 2)]),
  );
  const skills = htmlTable(
    ["level", "site", "skill", "required FTE", "holders", "covered", "gap", "peak agents", "short at peak"],
    g.skills.map((s) => [`L${s.tier}`, s.site ?? label("any"), `${s.typology}:${s.channel}`, n(s.requiredFte, 2), n(s.holders, 0), n(s.coveredFte, 2), s.gapFte > 0 ? n(s.gapFte, 2) : "", n(s.peakAgents), s.peakShortAgents > 0 ? n(s.peakShortAgents) : ""]),
  );
  const t = g.totals;
  return htmlPage(
    tr`Skill gaps of ${ctx.roster}`,
    tr`Required ${grouped(t.requiredFte, 1)} FTE, covered ${grouped(t.coveredFte, 1)}, gap ${grouped(t.gapFte, 1)}: ${t.hires} hires, or ${t.trainings} trainings and ${t.hiresAfterTraining} hires`,
    [
      { heading: "Recommended plan", html: planHtml(recommendedPlan(g, new Chalk({ level: 0 }))) },
      { heading: "Coverage", html: chart },
      { heading: "Hires after training, one row per skill and site", html: hirePlan },
      { heading: "The same hires as people (a shared hire serves several skills)", html: hire(g.hiresAfterTraining) },
      { heading: "Hires without any training", html: hire(g.hires) },
      { heading: "Skills", html: skills },
      {
        heading: "Inputs and assumptions",
        html: facts([
          ["forecast", ctx.forecast],
          ["roster", ctx.roster],
          ["scenario", ctx.scenario],
          ["skill held from", `proficiency ${ctx.minLevel}`],
          ["productivity by level", `${ctx.productivity[1]}, ${ctx.productivity[2]}, ${ctx.productivity[3]}`],
          ["one hire", `${grouped(ctx.hireFte, 2)} FTE`],
          ["basis", "paid FTE on both sides (requirements include shrinkage)"],
          ["method", "maximum-flow allocation (LP); fewest hires = ⌈gap ÷ hire FTE⌉ per level and site; fewest trainings by a 0–1 programme"],
        ]),
      },
    ],
  );
}
