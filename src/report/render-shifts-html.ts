import { formatDateTime, MINUTES_PER_DAY, MINUTES_PER_WEEK, weekDayOf } from "../plan/calendar.js";
import { tourCoverage } from "../plan/shifts/tour-coverage.js";
import type { ShiftPlan, TeamSchedule, WeekSchedule } from "../plan/shifts/schedule-types.js";
import type { ShiftTemplate } from "../plan/shifts/template.js";
import { label as word, tr } from "./labels.js";
import { grouped, localDigits, percent } from "./number-format.js";
import { htmlPage, htmlTable } from "./render-html.js";
import { dayName, listTours, peopleByTemplate, SHORT_DAY_NAMES, statusText, sumOf, teamLabel, teamTours, timeOfDay } from "./render-shifts.js";
import { capSeries, escapeXml, niceMax, PALETTE, stackedBarChart, type Series } from "./svg-charts.js";

/** What the schedules were made from, for the page's inputs (both optional). */
export interface ShiftsHtmlContext {
  forecast?: string;
  /** A `--requirement` file, when the requirement came from one. */
  requirement?: string | null;
}

/** One cell of {@link htmlTable}: text (left) or a formatted number (right). */
type Cell = string | { n: string };

const n = (x: number, d = 1, min = d): Cell => ({ n: grouped(x, d, min) });

const r1 = (x: number) => String(Math.round(x * 10) / 10);

/** An axis tick: exact to the step (0.25 stays 0.25). */
const tick = (x: number) => localDigits(x >= 1000 ? Math.round(x).toLocaleString("en-US") : String(Math.round(x * 1000) / 1000));

/**
 * Scheduled agents on the floor stacked by template, as steps (an interval's
 * value holds over its whole length), with the requirement as a black step
 * line over them. In the style of svg-charts.ts: no script, coordinates
 * rounded to 0.1 px, same bytes for the same data.
 *
 * @param layers - agents on the floor per interval, one series per template
 * @param required - agents required per interval
 * @param ticks - [interval index, label] pairs (each day's start)
 */
function coverageStepChart(title: string, layers: readonly Series[], required: readonly number[], ticks: readonly [number, string][], width = 900, minHeight = 300): string {
  const series = capSeries(layers, PALETTE.length - 1); // black (the palette's 8th colour) is kept for the requirement
  const count = Math.max(required.length, ...series.map((s) => s.values.length));
  const totals = Array.from({ length: count }, (_, i) => series.reduce((t, s) => t + Math.max(0, s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals, ...required));
  const left = Math.max(56, 30 + tick(max).length * 6.5);
  const right = width - 12;
  const key = legend([...series.map((s, k) => ({ name: s.name, colour: colourOf(k), line: false })), { name: "required", colour: "#000000", line: true }], left, 22, width);
  const top = 20 + key.height;
  const height = Math.max(minHeight, top + 180 + 28);
  const bottom = height - 28;
  const x = (i: number) => left + ((right - left) * i) / Math.max(1, count);
  const y = (v: number) => bottom - ((bottom - top) * v) / max;
  let body = "";
  for (let k = 0; k <= 4; k++) {
    const yy = bottom - ((bottom - top) * k) / 4;
    body += `<line x1="${r1(left)}" x2="${r1(right)}" y1="${r1(yy)}" y2="${r1(yy)}" stroke="#ddd"/><text x="${r1(left - 6)}" y="${r1(yy + 4)}" font-size="10" text-anchor="end">${tick((max * k) / 4)}</text>`;
  }
  const mid = r1((top + bottom) / 2);
  body += `<text x="12" y="${mid}" font-size="11" transform="rotate(-90 12 ${mid})" text-anchor="middle">agents</text>`;
  for (const [i] of ticks) body += `<line x1="${r1(x(i))}" x2="${r1(x(i))}" y1="${r1(top)}" y2="${bottom + 4}" stroke="#bbb"/>`;
  const base = new Array<number>(count).fill(0);
  series.forEach((s, k) => {
    const upper = base.map((b, i) => b + Math.max(0, s.values[i] ?? 0));
    const points = [...steps(upper, x, y), ...steps(base, x, y).reverse()];
    body += `<polygon points="${points.join(" ")}" fill="${colourOf(k)}" fill-opacity="0.85"><title>${escapeXml(s.name)}</title></polygon>`;
    upper.forEach((v, i) => (base[i] = v));
  });
  body += `<polyline points="${steps(Array.from({ length: count }, (_, i) => required[i] ?? 0), x, y).join(" ")}" fill="none" stroke="#000" stroke-width="1.5"><title>required</title></polyline>`;
  for (const [i, label] of ticks) body += `<text x="${r1(x(i) + 3)}" y="${bottom + 16}" font-size="10">${escapeXml(label)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif"><title>${escapeXml(title)}</title>${body}${key.svg}</svg>`;
}

/** Colours of the stacked layers: the palette without black. */
const colourOf = (k: number) => PALETTE.filter((c) => c !== "#000000")[k % (PALETTE.length - 1)]!;

/** Corner points of a step line: each value held from its interval's start to its end (only where it changes). */
function steps(values: readonly number[], x: (i: number) => number, y: (v: number) => number): string[] {
  if (values.length === 0) return [];
  const pts = [`${r1(x(0))},${r1(y(values[0]!))}`];
  for (let i = 1; i < values.length; i++) {
    if (values[i] === values[i - 1]) continue;
    pts.push(`${r1(x(i))},${r1(y(values[i - 1]!))}`, `${r1(x(i))},${r1(y(values[i]!))}`);
  }
  pts.push(`${r1(x(values.length))},${r1(y(values[values.length - 1]!))}`);
  return pts;
}

/** The legend, wrapped to `width` (a line entry is drawn as a short line); its SVG and height. */
function legend(entries: readonly { name: string; colour: string; line: boolean }[], x: number, y: number, width: number): { svg: string; height: number } {
  let out = "";
  let dx = 0;
  let line = 0;
  for (const e of entries) {
    const w = 26 + e.name.length * 6.8;
    if (dx > 0 && x + dx + w > width - 8) {
      dx = 0;
      line++;
    }
    const yy = y + line * 16;
    out += e.line
      ? `<line x1="${r1(x + dx)}" x2="${r1(x + dx + 10)}" y1="${r1(yy - 4)}" y2="${r1(yy - 4)}" stroke="${e.colour}" stroke-width="2"/>`
      : `<rect x="${r1(x + dx)}" y="${r1(yy - 9)}" width="10" height="10" fill="${e.colour}"/>`;
    out += `<text x="${r1(x + dx + 14)}" y="${r1(yy)}" font-size="11">${escapeXml(e.name)}</text>`;
    dx += w;
  }
  return { svg: out, height: (line + 1) * 16 };
}

/** A heading inside a team's section (the page's style sheet sizes h1 and h2 only). */
const h3 = (text: string) => `<h3 style="font-size: 14px; margin: 18px 0 6px">${escapeXml(text)}</h3>`;

/** Templates of a team in the scenario's order, then any other name its tours use. */
function templateNames(team: TeamSchedule): string[] {
  const names = team.rules.templates.map((t) => t.name);
  for (const w of team.weeks) for (const t of w.tours) if (!names.includes(t.template)) names.push(t.template);
  return names;
}

/**
 * The hours of the day worth drawing for a week: from the first to the last
 * interval of the day (over all seven days) with something required or
 * someone on the floor; the whole day when nothing is. Slots of the day.
 */
function activeWindow(week: WeekSchedule, perDay: number, layers: readonly Float64Array[]): [number, number] {
  let first = perDay;
  let last = -1;
  const busy = (k: number) => (week.required[k] ?? 0) > 0 || layers.some((l) => Math.abs(l[k] ?? 0) > 1e-9);
  for (let k = 0; k < perDay * 7; k++) {
    if (!busy(k)) continue;
    first = Math.min(first, k % perDay);
    last = Math.max(last, k % perDay);
  }
  return last < 0 ? [0, perDay] : [first, last + 1];
}

/** The week's coverage by template against its requirement, day by day over the hours that matter. */
function weekChart(team: TeamSchedule, week: WeekSchedule, label: string): string {
  // on the floor by template, by the solver's own rule (so the layers add up to the week's onFloor)
  const byTemplate = new Map(templateNames(team).flatMap((name) => {
    const tours = week.tours.filter((x) => x.template === name && x.people > 0);
    return tours.length === 0 ? [] : [[name, tourCoverage(tours, team.gridMin)] as const];
  }));
  const names = [...byTemplate.keys()];
  const perDay = MINUTES_PER_DAY / team.gridMin;
  const [from, to] = activeWindow(
    week,
    perDay,
    names.map((name) => byTemplate.get(name)!),
  );
  // the same hours of each day, one day after the other
  const slots = Array.from({ length: 7 }, (_, d) => Array.from({ length: to - from }, (_, s) => d * perDay + from + s)).flat();
  const layers = names.map((name) => ({ name, values: slots.map((k) => byTemplate.get(name)![k]!) }));
  const ticks: [number, string][] = Array.from({ length: MINUTES_PER_WEEK / MINUTES_PER_DAY }, (_, d) => [d * (to - from), `${dayName(week.weekStartMin, d)} ${formatDateTime(week.weekStartMin + d * MINUTES_PER_DAY).slice(5, 10)}`]);
  const hours = to - from === perDay ? tr`whole days` : tr`${timeOfDay(from * team.gridMin)}–${timeOfDay(to * team.gridMin)} each day`;
  const caption = tr`on the floor by template vs required, week of ${formatDateTime(week.weekStartMin).slice(0, 10)} (${hours})`;
  const title = `${label}: ${caption}`;
  return `${h3(caption.replace(/^./, (c) => c.toUpperCase()))}\n${coverageStepChart(title, layers, slots.map((k) => week.required[k] ?? 0), ticks)}`;
}

/** People by the most common start time of their tour, by template (mean per week over several weeks); the start times used only. */
function startChart(team: TeamSchedule, label: string): string {
  const tours = teamTours(team);
  const weeks = Math.max(1, team.weeks.length);
  const startOf = (start: string) => start.slice(0, 5); // the common start ("08:00 (Sat 08:30)" → "08:00")
  const categories = [...new Set(tours.map((t) => startOf(t.text.start)))].sort();
  const series: Series[] = templateNames(team)
    .map((name) => ({ name, values: categories.map((c) => tours.filter((t) => t.tour.template === name && startOf(t.text.start) === c).reduce((s, t) => s + t.tour.people, 0) / weeks) }))
    .filter((s) => s.values.some((v) => v > 0));
  const caption = tr`People by start time${weeks > 1 ? tr` (mean per week)` : ""}, by template`;
  return `${h3(caption)}\n${stackedBarChart(`${label}: ${caption.toLowerCase()}`, categories, series, "people", 900, 280)}`;
}

const hoursMinutes = (min: number) => `${Math.floor(min / 60)}h${min % 60 === 0 ? "" : String(min % 60).padStart(2, "0")}`;

function templateRow(t: ShiftTemplate, weekStartMin: number): Cell[] {
  const off = t.daysOff.kind === "fixed" ? t.daysOff.days.map((d) => dayName(weekStartMin, d)).join(" ") : t.daysOff.kind;
  const share = [t.minShare === null ? "" : `min ${percent(t.minShare, 0)}`, t.maxShare === null ? "" : `max ${percent(t.maxShare, 0)}`].filter((s) => s !== "").join(", ");
  return [
    t.name,
    n(t.daysPerWeek, 0),
    off,
    hoursMinutes(t.lengthMin),
    n(t.paidHours, 2, 0),
    `${timeOfDay(t.firstStartMin)}–${timeOfDay(t.lastStartMin)} every ${t.startStepMin} min`,
    t.startBandMin === 0 ? "same all week" : `within ${t.startBandMin} min`,
    t.breaks.map((b) => `${b.lengthMin} min ${b.paid ? "paid" : "unpaid"} in ${hoursMinutes(b.afterMin)}–${hoursMinutes(b.beforeMin)}`).join("; "),
    t.costPerHour === null ? "" : n(t.costPerHour, 2, 0),
    share,
    t.maxCount === null ? "" : n(t.maxCount, 0),
  ];
}

function facts(items: [string, string][]): string {
  return `<dl>${items.map(([k, v]) => `<dt>${escapeXml(word(k))}</dt><dd>${escapeXml(v)}</dd>`).join("")}</dl>`;
}

/**
 * The schedules as one self-contained HTML page: the summary, then per team
 * its coverage by template against the requirement (a chart per week, each
 * day marked), the people by start time, its tours and templates; the
 * inputs and conventions last.
 */
export function renderShiftsHtml(plan: ShiftPlan, ctx: ShiftsHtmlContext = {}): string {
  const withSite = new Set(plan.teams.map((t) => t.site)).size > 1;
  const t = plan.totals;
  const figures = plan.teams.map((t) => t.meanWeek);
  const summaryRows: Cell[][] = plan.teams.map((team, k) => [
    teamLabel(team, withSite),
    peopleByTemplate(team.meanWeek.byTemplate),
    n(team.people, 1, 0),
    n(team.headcount, 0),
    team.planHeadcount === null ? "–" : n(team.planHeadcount, 0),
    team.planHeadcount === null ? "–" : n(team.headcount - team.planHeadcount, 0),
    n(team.paidHoursPerWeek, 0),
    n(team.costPerWeek, 0),
    { n: percent(team.efficiency, 1) },
    n(figures[k]!.overHours),
    n(figures[k]!.underHours),
    statusText(team.status, team.gap),
  ]);
  summaryRows.push(["total", "", n(t.people, 1, 0), n(t.headcount, 0), t.planHeadcount === null ? "–" : n(t.planHeadcount, 0), t.planHeadcount === null ? "–" : n(t.headcount - t.planHeadcount, 0), n(t.paidHoursPerWeek, 0), n(t.costPerWeek, 0), { n: percent(t.efficiency, 1) }, n(sumOf(figures, (f) => f.overHours)), n(sumOf(figures, (f) => f.underHours)), statusText(t.status, t.gap)]);
  const summary =
    htmlTable(["team", "people by template", "people", "headcount", "plan headcount", "vs plan", "paid h/week", `cost/week (${plan.currency})`, "efficiency", "over h/week", "under h/week", "status"], summaryRows, true) +
    `<p>Efficiency = required agent-hours ÷ scheduled on-floor agent-hours. Headcount = people ÷ (1 − out-of-shift shrinkage), rounded up; plan headcount is the FTE-based headcount of <code>ccplan plan</code>. Paid hours and cost are the headcount's, a week.${plan.teams.some((x) => x.status !== "optimal") ? ' <span class="bad">A schedule stopped by the time limit is not proven optimal: the best one costs at least (1 − gap) × its cost.</span>' : ""}</p>`;
  const sections = [{ heading: "Summary", html: summary }];
  if (plan.teams.some((x) => x.weeks.length > 1)) {
    const rows: Cell[][] = plan.teams.flatMap((team) =>
      team.weeks.map((w) => [teamLabel(team, withSite), formatDateTime(w.weekStartMin).slice(0, 10), n(w.people, 0), n(w.paidHours, 0), n(w.cost, 0), { n: percent(w.efficiency, 1) }, n(w.overHours), n(w.underHours), statusText(w.status, w.gap)]),
    );
    sections.push({ heading: "Per week (scheduled people)", html: htmlTable(["team", "week of", "people", "paid h", "cost", "efficiency", "over h", "under h", "status"], rows) });
  }
  const listed = listTours(plan);
  for (const team of plan.teams) {
    const label = teamLabel(team, withSite);
    const charts = team.weeks.map((w) => weekChart(team, w, label)).join("\n");
    const several = team.weeks.length > 1;
    const tours = listed
      .filter((x) => x.team === team)
      .map((x): Cell[] => [...(several ? [formatDateTime(x.week.weekStartMin).slice(0, 10)] : []), x.tour.template, x.text.days, x.text.start, x.text.end, x.text.breaksFull, n(x.tour.people, 0)]);
    const weekStart = team.weeks[0]?.weekStartMin ?? 4 * MINUTES_PER_DAY;
    sections.push({
      heading: tr`Schedule of ${label}`,
      html: [
        `<p>${escapeXml(`${grouped(team.people, 1, 0)} people (${peopleByTemplate(team.meanWeek.byTemplate) || "nobody"}), headcount ${grouped(team.headcount, 0)}; efficiency ${percent(team.efficiency, 1)}; ${statusText(team.status, team.gap)}.`)}</p>`,
        charts,
        team.weeks.length === 0 ? "" : startChart(team, label),
        h3(word("Tours")),
        tours.length === 0 ? "<p>No tour.</p>" : htmlTable([...(several ? ["week of"] : []), "template", "days", "start", "end", "breaks", "people"], tours),
        h3(word("Templates as solved")),
        htmlTable(["template", "days/week", "days off", "length", "paid h/day", "starts", "start band", "breaks (window from the shift start)", `cost/h (${plan.currency})`, "share", "max people"], team.rules.templates.map((x) => templateRow(x, weekStart))),
      ].join("\n"),
    });
  }
  const first = plan.teams.flatMap((x) => x.weeks).reduce((m, w) => Math.min(m, w.weekStartMin), Infinity);
  sections.push({
    heading: "Inputs and assumptions",
    html: facts([
      ...(ctx.forecast === undefined ? [] : [["forecast", ctx.forecast] as [string, string]]),
      ...(ctx.requirement ? [["requirement", ctx.requirement] as [string, string]] : []),
      ["scenario", plan.scenario],
      ["weeks", `${grouped(plan.weeks, 0)}${Number.isFinite(first) ? `, from ${SHORT_DAY_NAMES[weekDayOf(first)]} ${formatDateTime(first).slice(0, 10)}` : ""}`],
      ["requirement", "the plan's agents ÷ (1 − in-shift shrinkage not placed as breaks), per interval and team"],
      ["coverage", "a shift or break edge covering part of an interval counts its share of it; the week is cyclic (a shift may cross midnight and the week's end)"],
      ["cost", `a tour costs days × paid hours × cost per hour (${plan.currency}); at equal cost, fewer people`],
      ["solver", "integer programme solved by HiGHS; the gap is the one it proves"],
    ]),
  });
  const subtitle = `${grouped(t.people, 1, 0)} people scheduled, headcount ${grouped(t.headcount, 0)}${t.planHeadcount === null ? "" : ` (plan ${grouped(t.planHeadcount, 0)})`}, ${grouped(t.costPerWeek, 0)} ${plan.currency} a week, efficiency ${percent(t.efficiency, 1)}; ${statusText(t.status, t.gap)}`;
  return htmlPage(tr`Shift schedules: ${plan.scenario}`, subtitle, sections);
}
