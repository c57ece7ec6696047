import type { ChalkInstance } from "chalk";
import stringWidth from "string-width";
import { formatDateTime, MINUTES_PER_DAY, minuteOfDay, WEEK_DAY_NAMES, weekDayOf } from "../plan/calendar.js";
import type { MipStatus } from "../plan/shifts/mip.js";
import type { MeanWeek, ShiftPlan, TeamSchedule, TemplateUse, Tour, TourDay, WeekSchedule } from "../plan/shifts/schedule-types.js";
import { levelInTeamName } from "../plan/shifts/team-level.js";
import type { DaysOff, ShiftTemplate } from "../plan/shifts/template.js";
import { csvCell, csvDocument, CSV_STYLE_EN, type Cell } from "./csv-cell.js";
import { clauses, isFrench, label, plural, tr } from "./labels.js";
import { grouped, jsonNumber, percent } from "./number-format.js";
import { reportSettings, tableWidth as runWidth } from "./settings.js";
import { BoxTable, renderTable, type Align, type TableFit } from "./table.js";
import { wrapProse, wrapText } from "./text-wrap.js";

/**
 * The reports of `ccplan shifts` (SPEC 5.4b): weekly schedules per team as a
 * terminal table, CSV or one JSON document. Pure `ShiftPlan → string`; the
 * HTML page is in render-shifts-html.ts.
 *
 * Times of a week are minutes after its first day's 00:00 and may pass the
 * week's end (a shift crossing Sunday → Monday): tables show them as times
 * of day, JSON as the real date-time (so an end may fall in the next week;
 * coverage wraps it to the week's start, the week being cyclic).
 */

/** Version of the JSON documents of `ccplan shifts`. */
export const SHIFTS_SCHEMA_VERSION = 1;

/** The tables of `ccplan shifts` (`--report`). */
export type ShiftsReport = "summary" | "tours" | "coverage";

/** Options of the terminal table. */
export interface ShiftsTableOptions {
  /** Columns the summary may take (default: the run's width, `--width` or the terminal's; else 80, or no limit with `--wide`): less important columns are left out until it fits. */
  width?: number;
}

/** English short day names, Monday first (tables and JSON). */
export const SHORT_DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** Below this a gap counts as none (it prints as 0.0%). */
const NO_GAP = 5e-5;

/** `08:30` from minutes (of a day or of a week: the time of day). */
export function timeOfDay(minutes: number): string {
  const m = minuteOfDay(minutes);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** Short calendar name ("Mon") of day `day` (0 = the week's first day) of the week starting at `weekStartMin`. */
export function dayName(weekStartMin: number, day: number): string {
  return SHORT_DAY_NAMES[weekDayOf(weekStartMin + day * MINUTES_PER_DAY)]!;
}

/**
 * How a solve ended, in words, with the proven gap when there is one:
 * "optimal", "optimal, gap 0.4%" (within the requested gap),
 * "time limit, gap 2.3%", "no schedule in time", "infeasible". A time-out is
 * never called optimal.
 */
export function statusText(status: MipStatus, gap: number): string {
  const g = Number.isFinite(gap) ? percent(gap, 1) : label("unknown");
  switch (status) {
    case "optimal":
      return gap > NO_GAP ? tr`optimal, gap ${g}` : label("optimal");
    case "time-limit":
      return tr`time limit, gap ${g}`;
    case "no-solution":
      return label("no schedule in time");
    case "infeasible":
      return label("infeasible");
  }
}

function colourStatus(status: MipStatus, gap: number, color: ChalkInstance): string {
  const text = statusText(status, gap);
  return status === "optimal" ? text : status === "time-limit" ? color.yellow(text) : color.red(text);
}

/** "L1" for the level of a team. */
const level = (t: TeamSchedule) => `L${t.tier}`;

/** A team's name in a table: "site team L1", without the site when every team is on the same site. */
export function teamLabel(t: TeamSchedule, withSite: boolean): string {
  // a team named after its level ("level 1", the default organisation's) is not labelled twice
  const named = levelInTeamName(t.team) === t.tier;
  return `${withSite ? `${t.site} ` : ""}${t.team}${named ? "" : ` ${level(t)}`}`;
}

/** English day names ("Mon", "Mon–Fri", "08:00 (Sat 08:30)") of a tour's words in the run's language, for a reader (CSV and JSON keep them). */
const localDays = (text: string) => (isFrench() ? text.replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/g, (day) => label(day)) : text);

/** The plan's headcount, or a dash when the requirement came from a file. */
const planText = (planHeadcount: number | null) => (planHeadcount === null ? "–" : grouped(planHeadcount, 0));
const vsPlanText = (headcount: number, planHeadcount: number | null) => (planHeadcount === null ? "–" : signed(headcount - planHeadcount));

const severalSites = (plan: ShiftPlan) => new Set(plan.teams.map((t) => t.site)).size > 1;

/** The cells of a week's first day 00:00 as a date. */
const weekDate = (w: WeekSchedule) => formatDateTime(w.weekStartMin).slice(0, 10);

// ---------------------------------------------------------------------------
// Tours in words

/** A tour as the tables write it. */
export interface TourText {
  /** "Mon–Fri" (one run of three days or more, cyclic) or "Mon Tue Thu Fri Sat". */
  days: string;
  /** Every working day's name, in the week's order: "Mon Tue Wed Thu Fri". */
  dayList: string;
  /** The most common start, and the days that differ: "08:00 (Sat 08:30)". */
  start: string;
  end: string;
  /** The first day's breaks ("11:30-12:30 10:00-10:15"), with " …" when other days' differ. */
  breaks: string;
  /** Every day's breaks: as `breaks` when all days are alike, else "Mon 11:30-12:30; Tue 12:00-13:00". */
  breaksFull: string;
}

const sortedDays = (tour: Tour) => [...tour.days].sort((a, b) => a.day - b.day);

/** The most common value and the days that differ from it: "08:00 (Sat 08:30, Sun 09:00)". */
function commonWithExceptions(days: readonly TourDay[], names: readonly string[], value: (d: TourDay) => string): string {
  const counts = new Map<string, number>();
  for (const d of days) counts.set(value(d), (counts.get(value(d)) ?? 0) + 1);
  let common = "";
  let most = 0;
  for (const [v, n] of counts) {
    if (n > most) {
      common = v; // ties: the first in the week's order (Map keeps insertion order)
      most = n;
    }
  }
  const others = days.flatMap((d, k) => (value(d) === common ? [] : [`${names[k]} ${value(d)}`]));
  return others.length === 0 ? common : `${common} (${others.join(", ")})`;
}

/** "Mon–Fri" when the days are one cyclic run of at least three (all seven: from the week's first day), else the names. */
function dayRange(dayIndexes: readonly number[], names: readonly string[]): string {
  const n = dayIndexes.length;
  if (n >= 3) {
    const set = new Set(dayIndexes);
    if (n === 7) return `${names[0]}–${names[6]}`;
    const firstK = dayIndexes.findIndex((d) => !set.has((d + 6) % 7));
    const first = dayIndexes[firstK]!;
    let run = true;
    for (let k = 0; k < n; k++) if (!set.has((first + k) % 7)) run = false;
    if (run) return `${names[firstK]}–${names[dayIndexes.indexOf((first + n - 1) % 7)]}`;
  }
  return names.join(" ");
}

const breakTimes = (d: TourDay) => d.breaks.map((b) => `${timeOfDay(b.startMin)}-${timeOfDay(b.endMin)}`).join(" ");

/** A tour's days, start, end and breaks in words (times of day; day names from the calendar). */
export function describeTour(tour: Tour, weekStartMin: number): TourText {
  const days = sortedDays(tour);
  const names = days.map((d) => dayName(weekStartMin, d.day));
  const perDay = days.map(breakTimes);
  const alike = perDay.every((b) => b === perDay[0]);
  return {
    days: dayRange(
      days.map((d) => d.day),
      names,
    ),
    dayList: names.join(" "),
    start: commonWithExceptions(days, names, (d) => timeOfDay(d.startMin)),
    end: commonWithExceptions(days, names, (d) => timeOfDay(d.endMin)),
    breaks: alike ? (perDay[0] ?? "") : `${perDay[0]} …`,
    breaksFull: alike ? (perDay[0] ?? "") : perDay.map((b, k) => `${names[k]} ${b === "" ? "none" : b}`).join("; "),
  };
}

/** A tour with its team and week, as listed by every report. */
export interface ListedTour {
  team: TeamSchedule;
  week: WeekSchedule;
  tour: Tour;
  text: TourText;
}

/** The most common start of a tour, minutes after midnight (ties: the earliest day's). */
function commonStart(tour: Tour): number {
  const counts = new Map<number, number>();
  for (const d of sortedDays(tour)) counts.set(minuteOfDay(d.startMin), (counts.get(minuteOfDay(d.startMin)) ?? 0) + 1);
  let best = 0;
  let most = 0;
  for (const [v, n] of counts) if (n > most) [best, most] = [v, n];
  return best;
}

/** Everything about a tour's days, as numbers, for a total order between tours. */
const tourSignature = (tour: Tour) => sortedDays(tour).flatMap((d) => [d.day, d.startMin, d.endMin, ...d.breaks.flatMap((b) => [b.startMin, b.endMin])]);

function compareNumbers(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return a.length - b.length;
}

/**
 * The tours of one team's week with people, sorted: by template (in the
 * scenario's order), most common start, days, then every day's times.
 */
export function sortedTours(team: TeamSchedule, week: WeekSchedule): Tour[] {
  const order = (name: string) => {
    const k = team.rules.templates.findIndex((t) => t.name === name);
    return k < 0 ? team.rules.templates.length : k;
  };
  return week.tours
    .filter((t) => t.people > 0)
    .map((tour) => ({ tour, key: [order(tour.template), commonStart(tour)], days: sortedDays(tour).map((d) => d.day), sig: tourSignature(tour) }))
    .sort((a, b) => compareNumbers(a.key, b.key) || (a.tour.template < b.tour.template ? -1 : a.tour.template > b.tour.template ? 1 : 0) || compareNumbers(a.days, b.days) || compareNumbers(a.sig, b.sig))
    .map((x) => x.tour);
}

/** The tours of a team, week by week, sorted as {@link sortedTours}. */
export function teamTours(team: TeamSchedule): ListedTour[] {
  return team.weeks.flatMap((week) => sortedTours(team, week).map((tour) => ({ team, week, tour, text: describeTour(tour, week.weekStartMin) })));
}

/** Every tour of the plan, team by team and week by week, sorted as {@link sortedTours}. */
export function listTours(plan: ShiftPlan): ListedTour[] {
  return plan.teams.flatMap(teamTours);
}

// ---------------------------------------------------------------------------
// Figures per team

/** "full-time 42, part-time 9" (people may be a mean over weeks: one decimal at most). */
export function peopleByTemplate(uses: readonly TemplateUse[], separator = ", "): string {
  return uses.map((u) => `${u.template} ${grouped(u.people, 1, 0)}`).join(separator);
}

/** Σ of a figure over teams. */
export const sumOf = (figures: readonly MeanWeek[], get: (f: MeanWeek) => number) => figures.reduce((s, f) => s + get(f), 0);

const signed = (x: number) => (x > 0 ? "+" : x < 0 ? "−" : "±") + grouped(Math.abs(x), 0);

// ---------------------------------------------------------------------------
// Terminal

/** A table column: its head, alignment, cells, and how much it matters (0 = kept first). */
interface Column {
  head: string;
  align: Align;
  priority: number;
  cells: string[];
}

/** Width of a box table with these column widths (cli-table3's compact style: "│ x │ y │"). */
const tableWidth = (widths: readonly number[]) => 1 + widths.reduce((s, w) => s + w + 3, 0);

/** The columns that fit `width`, most important first (a column too wide is skipped, narrower less important ones may still fit); in their order. */
function fitColumns(columns: readonly Column[], width: number): { kept: Column[]; dropped: Column[] } {
  const w = columns.map((c) => Math.max(stringWidth(label(c.head)), ...c.cells.map((x) => stringWidth(x)))); // the header as drawn (see labels.ts)
  const byPriority = columns.map((_, k) => k).sort((a, b) => columns[a]!.priority - columns[b]!.priority);
  const keep = new Set<number>();
  for (const k of byPriority) {
    const widths = [...keep, k].map((j) => w[j]!);
    if (keep.size === 0 || tableWidth(widths) <= width) keep.add(k);
  }
  return { kept: columns.filter((_, k) => keep.has(k)), dropped: columns.filter((_, k) => !keep.has(k)) };
}

function drawColumns(columns: readonly Column[]): string {
  const rows = (columns[0]?.cells ?? []).map((_, r) => columns.map((c) => c.cells[r]!));
  return renderTable(
    columns.map((c) => c.head),
    rows,
    columns.map((c) => c.align),
  );
}

/** Cuts a label to `max` display columns with "…". */
function cut(text: string, max: number): string {
  if (stringWidth(text) <= max) return text;
  let out = text;
  while (out.length > 0 && stringWidth(out) > max - 1) out = out.slice(0, -1);
  return out + "…";
}

/** Words wrapped to lines of at most `width` columns (see `wrapText`). */
const wrap = (text: string, width: number): string[] => wrapText(text, width);

/** The title lines of the shifts reports in a terminal. */
function title(plan: ShiftPlan, color: ChalkInstance, width: number): string[] {
  const first = plan.teams.flatMap((t) => t.weeks).reduce((m, w) => Math.min(m, w.weekStartMin), Infinity);
  const from = Number.isFinite(first) ? tr` from ${label(SHORT_DAY_NAMES[weekDayOf(first)]!)} ${formatDateTime(first).slice(0, 10)}` : "";
  const sites = severalSites(plan) || plan.teams.length === 0 || plan.teams[0]!.site === "" ? "" : tr`; site ${plan.teams[0]!.site}`;
  const head = tr`Shifts "${plan.scenario}"`;
  const rest = tr`${plural(plan.weeks, grouped(plan.weeks, 0), "week")}${from}; costs in ${plan.currency} a week${sites}`;
  // within the width: the details on a line of their own when the two do not fit
  return head.length + 2 + rest.length <= width ? [color.bold(head) + `  ${rest}`, ""] : [...wrap(color.bold(head), width), ...wrap(rest, width), ""];
}

function summaryTable(plan: ShiftPlan, color: ChalkInstance, width: number): string[] {
  const withSite = severalSites(plan);
  const teams = plan.teams;
  const figures = teams.map((t) => t.meanWeek);
  const t = plan.totals;
  const bold = (cells: string[]) => cells.map((c) => color.bold(c));
  const col = (head: string, align: Align, priority: number, perTeam: (team: TeamSchedule, k: number) => string, total: string): Column => ({
    head,
    align,
    priority,
    cells: [...teams.map(perTeam), ...(teams.length > 0 ? bold([total]) : [])],
  });
  const columns: Column[] = [
    col("team", "left", 0, (team) => cut(teamLabel(team, withSite), 24), label("total")),
    col("people by template", "left", 11, (_, k) => peopleByTemplate(figures[k]!.byTemplate), ""),
    col("people", "right", 6, (team) => grouped(team.people, 1, 0), grouped(t.people, 1, 0)),
    col("headcount", "right", 1, (team) => grouped(team.headcount, 0), grouped(t.headcount, 0)),
    col("plan", "right", 5, (team) => planText(team.planHeadcount), planText(t.planHeadcount)),
    col("vs plan", "right", 7, (team) => vsPlanText(team.headcount, team.planHeadcount), vsPlanText(t.headcount, t.planHeadcount)),
    col("paid h", "right", 9, (team) => grouped(team.paidHoursPerWeek, 0), grouped(t.paidHoursPerWeek, 0)),
    col("cost/week", "right", 3, (team) => grouped(team.costPerWeek, 0), grouped(t.costPerWeek, 0)),
    col("effic.", "right", 4, (team) => percent(team.efficiency, 1), percent(t.efficiency, 1)),
    col("over h", "right", 10, (_, k) => grouped(figures[k]!.overHours, 1), grouped(sumOf(figures, (f) => f.overHours), 1)),
    col("under h", "right", 8, (_, k) => (figures[k]!.underHours > 0 ? color.red(grouped(figures[k]!.underHours, 1)) : grouped(figures[k]!.underHours, 1)), grouped(sumOf(figures, (f) => f.underHours), 1)),
    {
      head: "status",
      align: "left",
      priority: 2,
      cells: [...teams.map((team) => colourStatus(team.status, team.gap, color)), ...(teams.length > 0 ? [color.bold(colourStatus(t.status, t.gap, color))] : [])],
    },
  ];
  const { kept, dropped } = fitColumns(columns, width);
  const lines = [drawColumns(kept)];
  // what the table leaves out of people and plan is said under it, team by team
  const droppedHeads = new Set(dropped.map((c) => c.head));
  const people = droppedHeads.has("people") || droppedHeads.has("people by template");
  const vsPlan = droppedHeads.has("plan"); // without "vs plan" alone, the difference is plain to see
  if (people || vsPlan) {
    const said = (name: string, p: number, uses: readonly TemplateUse[] | null, hc: number, planHc: number | null) => {
      const parts = [
        ...(people ? [tr`${grouped(p, 1, 0)} people${uses === null ? "" : ` (${peopleByTemplate(uses) || label("none")})`}`] : []),
        ...(vsPlan && planHc !== null ? [tr`headcount ${grouped(hc, 0)} against ${grouped(planHc, 0)} in the plan (${signed(hc - planHc)})`] : []),
      ];
      return wrap(tr`${name}: ${clauses(parts)}.`, width);
    };
    teams.forEach((team, k) => lines.push(...said(teamLabel(team, withSite), team.people, figures[k]!.byTemplate, team.headcount, team.planHeadcount)));
    if (teams.length > 1) lines.push(...said(label("Total"), t.people, null, t.headcount, t.planHeadcount));
  }
  const others = dropped.map((c) => c.head).filter((h) => !["people", "people by template", "plan", "vs plan"].includes(h));
  if (others.length > 0) lines.push(...wrap(tr`Not shown at ${width} columns: ${others.map((h) => label(h)).join(", ")} (in the CSV and JSON).`, width));
  return lines;
}

/** The few lines under the summary: what the figures mean, and what a time limit means. */
function summaryNotes(plan: ShiftPlan, width: number): string[] {
  const shrinkages = [...new Set(plan.teams.map((t) => t.outOfShiftShrinkage))];
  const oos = shrinkages.length === 1 ? ` ${percent(shrinkages[0]!, 1)}` : "";
  const notes = [
    tr`Efficiency = required agent-hours ÷ scheduled on-floor agent-hours; headcount = people ÷ (1 − out-of-shift shrinkage${oos}), rounded up; plan = the FTE-based headcount of ccplan plan. Hours and costs are a week's; paid hours and cost, the headcount's.`,
  ];
  const statuses = plan.teams.map((t) => t.status);
  if (statuses.includes("time-limit")) notes.push(tr`Time limit: stopped before optimality was proven; the best schedule costs at least (1 − gap) × this one.`);
  if (statuses.includes("no-solution") || statuses.includes("infeasible")) notes.push(tr`A team without a schedule has no people: see its status.`);
  const understaffing = plan.teams.reduce((s, t) => s + t.meanWeek.understaffingCost, 0);
  if (understaffing > 0) notes.push(tr`Priced understaffing adds ${grouped(understaffing, 0)} ${plan.currency} a week (not in cost/week).`);
  return notes.flatMap((n) => wrap(n, width));
}

function perWeekTable(plan: ShiftPlan, color: ChalkInstance, width: number): string[] {
  const withSite = severalSites(plan);
  const rows = plan.teams.flatMap((team) => team.weeks.map((w) => ({ team, w })));
  const col = (head: string, align: Align, priority: number, cell: (x: { team: TeamSchedule; w: WeekSchedule }) => string): Column => ({ head, align, priority, cells: rows.map(cell) });
  const { kept } = fitColumns(
    [
      col("team", "left", 0, ({ team }) => cut(teamLabel(team, withSite), 24)),
      col("week of", "left", 1, ({ w }) => weekDate(w)),
      col("people", "right", 2, ({ w }) => grouped(w.people, 0)),
      col("paid h", "right", 5, ({ w }) => grouped(w.paidHours, 0)),
      col("cost", "right", 4, ({ w }) => grouped(w.cost, 0)),
      col("effic.", "right", 6, ({ w }) => percent(w.efficiency, 1)),
      col("under h", "right", 7, ({ w }) => (w.underHours > 0 ? color.red(grouped(w.underHours, 1)) : grouped(w.underHours, 1))),
      col("status", "left", 3, ({ w }) => colourStatus(w.status, w.gap, color)),
    ],
    width,
  );
  return ["", color.bold(label("Per week")) + tr` (the scheduled people, before out-of-shift shrinkage):`, drawColumns(kept)];
}

/** "08:00 (Tue 08:30, Wed 08:30, Sat 09:00)" → "08:00 (3 days differ)": at most two exceptions in a table cell. */
function briefStart(start: string): string {
  const m = /^(\S+) \((.*)\)$/.exec(start);
  if (m === null) return start;
  const exceptions = m[2]!.split(", ");
  return exceptions.length <= 2 ? start : tr`${m[1]} (${exceptions.length} days differ)`;
}

/**
 * How a tours table fits a narrow terminal (`o`: 1 when a "week of" column
 * leads): every column shortened before any is hidden, so that tours that
 * differ still read differently (breaks last); then breaks, days, start go.
 */
function toursFit(o: number): TableFit {
  const [template, days, start, breaks, people] = [o, o + 1, o + 2, o + 3, o + 4];
  return {
    priority: [template, people, start, days, breaks],
    shorten: { [template]: "end", [days]: "end", [start]: "end", [breaks]: "end" },
    minWidths: { [template]: 12, [days]: 11, [start]: 17, [breaks]: 12 },
  };
}

/**
 * One team's tours table at the run's width. When it must be fitted, tours
 * that then read the same (they differ only in what is hidden or shortened)
 * are one line with their people added, as tours alike at full width are.
 */
function toursTable(weeks: boolean, rows: readonly string[][], people: readonly number[]): string {
  const head = [...(weeks ? ["week of"] : []), "template", "days", "start", "breaks", "people"];
  const align: Align[] = [...(weeks ? (["left"] as Align[]) : []), "left", "left", "left", "left", "right"];
  const fit = toursFit(weeks ? 1 : 0);
  const full = rows.map((r, k) => [...r, grouped(people[k]!, 0)]);
  const box = new BoxTable(head, align, fit);
  for (const r of full) box.measure(r);
  const note = box.fitTo(runWidth());
  if (note.length === 0) return renderTable(head, full, align, fit);
  const shown = box.shownColumns();
  const peopleAt = shown.indexOf(head.length - 1);
  const merged: string[][] = [];
  const mergedPeople: number[] = [];
  rows.forEach((r, k) => {
    const cells = box.shown([...r, ""]).filter((_, j) => j !== peopleAt);
    const last = merged[merged.length - 1];
    if (last !== undefined && last.every((cell, j) => cell === cells[j])) mergedPeople[mergedPeople.length - 1]! += people[k]!;
    else {
      merged.push(cells);
      mergedPeople.push(people[k]!);
    }
  });
  const drawn = merged.map((cells, k) => (peopleAt < 0 ? cells : [...cells.slice(0, peopleAt), grouped(mergedPeople[k]!, 0), ...cells.slice(peopleAt)]));
  return [renderTable(shown.map((c) => head[c]!), drawn, shown.map((c) => align[c]!)), ...note].join("\n");
}

function toursTables(plan: ShiftPlan, color: ChalkInstance, width: number): string[] {
  const withSite = severalSites(plan);
  const listed = listTours(plan);
  const lines: string[] = [];
  for (const team of plan.teams) {
    const tours = listed.filter((x) => x.team === team);
    const over = team.weeks.length > 1 ? tr` over ${team.weeks.length} weeks` : "";
    const status = team.status === "optimal" ? "" : tr`; ${colourStatus(team.status, team.gap, color)}`;
    lines.push(color.bold(teamLabel(team, withSite)) + tr`  ${grouped(team.people, 1, 0)} people in ${plural(tours.length, String(tours.length), "tour")}${over}${status}`);
    if (tours.length === 0) {
      lines.push(label("no tour"), "");
      continue;
    }
    const weeks = team.weeks.length > 1;
    // tours that read the same at this width (they differ in later days' breaks) are one line with their people added
    const rows: string[][] = [];
    const people: number[] = [];
    for (const { week, tour, text } of tours) {
      const row = [...(weeks ? [weekDate(week)] : []), tour.template, localDays(text.days), localDays(briefStart(text.start)), text.breaks];
      const last = rows[rows.length - 1];
      if (last !== undefined && last.every((cell, k) => cell === row[k])) people[people.length - 1]! += tour.people;
      else {
        rows.push(row);
        people.push(tour.people);
      }
    }
    lines.push(toursTable(weeks, rows, people), "");
  }
  lines.push(
    ...wrap(
      tr`Times of day; a start in brackets is a day that differs; breaks are the first day's, … when other days' differ (tours alike at this width are one line; CSV and JSON give every tour, with its end and every day's starts and breaks).`,
      width,
    ),
  );
  return lines;
}

const floorEpsilon = 1e-9;

/** The intervals of a team's week worth listing: something required or someone on the floor. */
function coverageRows(w: WeekSchedule): number[] {
  const out: number[] = [];
  const n = Math.max(w.required.length, w.onFloor.length);
  for (let k = 0; k < n; k++) if ((w.required[k] ?? 0) > 0 || Math.abs(w.onFloor[k] ?? 0) > floorEpsilon) out.push(k);
  return out;
}

const intervalStart = (team: TeamSchedule, w: WeekSchedule, k: number) => w.weekStartMin + k * team.gridMin;

function coverageTable(plan: ShiftPlan, color: ChalkInstance): string[] {
  const withSite = severalSites(plan);
  const withTeam = plan.teams.length > 1;
  const rows: string[][] = [];
  for (const team of plan.teams) {
    for (const w of team.weeks) {
      for (const k of coverageRows(w)) {
        const required = w.required[k] ?? 0;
        const onFloor = w.onFloor[k] ?? 0;
        const under = Math.max(0, required - onFloor);
        rows.push([
          formatDateTime(intervalStart(team, w, k)).replace("T", " "),
          ...(withTeam ? [teamLabel(team, withSite)] : []),
          grouped(required, 2),
          grouped(onFloor, 2),
          grouped(Math.max(0, onFloor - required), 2),
          under > 0.005 ? color.red(grouped(under, 2)) : grouped(under, 2),
        ]);
      }
    }
  }
  const head = ["interval", ...(withTeam ? ["team"] : []), "required", "on floor", "over", "under"];
  const o = withTeam ? 1 : 0;
  const fit: TableFit = { priority: [...(withTeam ? [1] : []), o + 1, o + 2, o + 4, o + 3], shorten: withTeam ? { 1: "end" } : {} };
  const lines = [renderTable(head, rows, ["left", ...(withTeam ? (["left"] as Align[]) : []), "right", "right", "right", "right"], fit)];
  lines.push(tr`Agents per interval (intervals with nothing required and nobody on the floor are left out).`);
  return lines;
}

/**
 * The schedules for a terminal. `summary`: one line per team and the totals
 * (fitted to `width`, 80 columns by default), a block per week when there
 * are several, and what the figures mean; `tours`: the tours of each team;
 * `coverage`: required and on-the-floor agents per interval.
 */
export function renderShiftsTable(plan: ShiftPlan, report: ShiftsReport, color: ChalkInstance, options: ShiftsTableOptions = {}): string {
  // the run's width; in a pipe the summary still fits 80 columns, as it always has (--wide: no limit)
  const width = options.width ?? runWidth() ?? (reportSettings().wide ? Infinity : 80);
  const lines = title(plan, color, width);
  if (report === "tours") lines.push(...toursTables(plan, color, width));
  else if (report === "coverage") lines.push(...coverageTable(plan, color));
  else {
    lines.push(...summaryTable(plan, color, width));
    lines.push(...summaryNotes(plan, width));
    if (plan.weeks > 1 || plan.teams.some((t) => t.weeks.length > 1)) lines.push(...perWeekTable(plan, color, width));
  }
  // the summary's lines are fitted above; the other reports' prose (team lines, notes) to the run's width
  return wrapProse(lines, report === "summary" ? undefined : runWidth()).join("\n") + "\n";
}

// ---------------------------------------------------------------------------
// CSV

function csv(head: readonly string[], rows: readonly Cell[][]): string {
  return csvDocument(head, rows);
}

/** The summary CSV's columns. */
const SUMMARY_HEAD = [
  "scope",
  "site",
  "team",
  "level",
  "week_start",
  "people_by_template",
  "people",
  "headcount",
  "plan_fte",
  "plan_headcount",
  "headcount_vs_plan",
  "paid_hours",
  "cost",
  "scheduled_paid_hours",
  "scheduled_cost",
  "required_hours",
  "on_floor_hours",
  "efficiency",
  "over_hours",
  "under_hours",
  "understaffing_cost",
  "mip_gap",
  "bound_cost",
  "status",
] as const;

// a list in one cell, numbers written as in every locale (a key=value list for programs, like the gaps' allocation)
const csvByTemplate = (uses: readonly TemplateUse[]) => uses.map((u) => `${u.template}=${csvCell(u.people, CSV_STYLE_EN)}`).join("|");

function summaryCsv(plan: ShiftPlan): ShiftsCsvTable {
  const rows: Cell[][] = [];
  for (const team of plan.teams) {
    const f = team.meanWeek;
    // a team: means per week; paid_hours and cost are the headcount's (grossed up for out-of-shift shrinkage)
    rows.push([
      "team", team.site, team.team, team.tier, null, csvByTemplate(f.byTemplate), team.people, team.headcount, team.planFte, team.planHeadcount, team.planHeadcount === null ? null : team.headcount - team.planHeadcount,
      team.paidHoursPerWeek, team.costPerWeek, f.scheduledPaidHours, f.scheduledCost, f.requiredHours, f.onFloorHours, team.efficiency, f.overHours, f.underHours, f.understaffingCost, team.gap, null, team.status,
    ]);
    // a week: the scheduled people only (no headcount is computed per week)
    for (const w of team.weeks) {
      rows.push([
        "week", team.site, team.team, team.tier, weekDate(w), csvByTemplate(w.byTemplate.filter((u) => u.people > 0)), w.people, null, null, null, null,
        null, null, w.paidHours, w.cost, w.requiredHours, w.onFloorHours, w.efficiency, w.overHours, w.underHours, w.understaffingCost, w.gap, w.boundCost, w.status,
      ]);
    }
  }
  const t = plan.totals;
  const f = plan.teams.map((t) => t.meanWeek);
  const sum = (g: (x: MeanWeek) => number) => f.reduce((s, x) => s + g(x), 0);
  rows.push([
    "total", null, null, null, null, null, t.people, t.headcount, t.planFte, t.planHeadcount, t.planHeadcount === null ? null : t.headcount - t.planHeadcount,
    t.paidHoursPerWeek, t.costPerWeek, sum((x) => x.scheduledPaidHours), sum((x) => x.scheduledCost), sum((x) => x.requiredHours), sum((x) => x.onFloorHours), t.efficiency, sum((x) => x.overHours), sum((x) => x.underHours), sum((x) => x.understaffingCost), t.gap, null, t.status,
  ]);
  return { names: SUMMARY_HEAD, rows };
}

function toursCsv(plan: ShiftPlan): ShiftsCsvTable {
  return table(
    ["site", "team", "level", "week_start", "template", "days", "start", "end", "breaks", "people", "paid_hours_per_person", "cost_per_person"],
    listTours(plan).map(({ team, week, tour, text }) => [team.site, team.team, team.tier, weekDate(week), tour.template, text.dayList, text.start, text.end, text.breaksFull, tour.people, tour.paidHours, tour.cost]),
  );
}

function coverageCsv(plan: ShiftPlan): ShiftsCsvTable {
  const rows: Cell[][] = [];
  for (const team of plan.teams) {
    for (const w of team.weeks) {
      for (const k of coverageRows(w)) {
        const required = w.required[k] ?? 0;
        const onFloor = w.onFloor[k] ?? 0;
        rows.push([team.site, team.team, team.tier, formatDateTime(intervalStart(team, w, k)), team.gridMin, required, onFloor, Math.max(0, onFloor - required), Math.max(0, required - onFloor)]);
      }
    }
  }
  return { names: ["site", "team", "level", "interval_start", "interval_minutes", "required", "on_floor", "over", "under"], rows };
}

/**
 * One table of the schedules as CSV (numbers to at most 6 decimals).
 * `summary`: a `team` line per team (means per week; `paid_hours` and `cost`
 * of the headcount), a `week` line per week (the scheduled people's), and a
 * `total` line; `tours`: one line per tour and week; `coverage`: one line per
 * interval with something required or someone on the floor.
 */
export function renderShiftsCsv(plan: ShiftPlan, report: ShiftsReport): string {
  const t = shiftsCsvTable(plan, report);
  return csv(t.names, t.rows);
}

/** A table of the schedules: column names and rows, as {@link renderShiftsCsv} writes them (and the xlsx sheets hold them). */
export interface ShiftsCsvTable {
  names: readonly string[];
  rows: Cell[][];
}

const table = (names: readonly string[], rows: Cell[][]): ShiftsCsvTable => ({ names, rows });

/** One table of the schedules (see {@link renderShiftsCsv}). */
export function shiftsCsvTable(plan: ShiftPlan, report: ShiftsReport): ShiftsCsvTable {
  if (report === "tours") return toursCsv(plan);
  if (report === "coverage") return coverageCsv(plan);
  return summaryCsv(plan);
}

// ---------------------------------------------------------------------------
// JSON

const num = (x: number | null) => (x === null ? null : jsonNumber(x));

/** Days off in words: "consecutive", "any", or the calendar days (["saturday", "sunday"]). */
function daysOffJson(d: DaysOff, weekStartMin: number): string | string[] {
  if (d.kind !== "fixed") return d.kind;
  return d.days.map((day) => WEEK_DAY_NAMES[weekDayOf(weekStartMin + day * MINUTES_PER_DAY)]!);
}

function templateJson(t: ShiftTemplate, weekStartMin: number) {
  return {
    name: t.name,
    daysPerWeek: t.daysPerWeek,
    daysOff: daysOffJson(t.daysOff, weekStartMin),
    lengthMin: t.lengthMin,
    paidHours: num(t.paidHours),
    firstStart: timeOfDay(t.firstStartMin),
    lastStart: timeOfDay(t.lastStartMin),
    startStepMin: t.startStepMin,
    startBandMin: t.startBandMin,
    breaks: t.breaks.map((b) => ({ lengthMin: b.lengthMin, paid: b.paid, afterMin: b.afterMin, beforeMin: b.beforeMin, stepMin: b.stepMin })),
    costPerHour: num(t.costPerHour),
    minShare: num(t.minShare),
    maxShare: num(t.maxShare),
    maxCount: t.maxCount,
  };
}

const teamKey = (t: TeamSchedule) => ({ site: t.site, team: t.team, level: t.tier });

/** The week start days are counted from (the first week's; Monday's 1970-01-05 when there is none, so indexes read as Monday first). */
const firstWeekStart = (t: TeamSchedule) => t.weeks[0]?.weekStartMin ?? 4 * MINUTES_PER_DAY;

const useJson = (u: TemplateUse) => ({ template: u.template, people: num(u.people), paidHours: num(u.paidHours), cost: num(u.cost) });

function teamJson(team: TeamSchedule) {
  const f = team.meanWeek;
  return {
    ...teamKey(team),
    people: num(team.people),
    headcount: team.headcount,
    planFte: team.planFte === null ? null : num(team.planFte),
    planHeadcount: team.planHeadcount,
    headcountVsPlan: team.planHeadcount === null ? null : team.headcount - team.planHeadcount,
    byTemplate: f.byTemplate.map(useJson),
    paidHours: num(team.paidHoursPerWeek),
    cost: num(team.costPerWeek),
    scheduledPaidHours: num(f.scheduledPaidHours),
    scheduledCost: num(f.scheduledCost),
    requiredHours: num(f.requiredHours),
    onFloorHours: num(f.onFloorHours),
    efficiency: num(team.efficiency),
    overHours: num(f.overHours),
    underHours: num(f.underHours),
    understaffingCost: num(f.understaffingCost),
    mipGap: num(team.gap),
    status: team.status,
    weeks: team.weeks.map((w) => ({
      weekStart: weekDate(w),
      people: w.people,
      byTemplate: w.byTemplate.map(useJson),
      paidHours: num(w.paidHours),
      cost: num(w.cost),
      requiredHours: num(w.requiredHours),
      onFloorHours: num(w.onFloorHours),
      efficiency: num(w.efficiency),
      overHours: num(w.overHours),
      underHours: num(w.underHours),
      understaffingCost: num(w.understaffingCost),
      mipGap: num(w.gap),
      boundCost: num(w.boundCost),
      status: w.status,
    })),
  };
}

function tourJson({ team, week, tour }: ListedTour) {
  const at = (min: number) => formatDateTime(week.weekStartMin + min);
  return {
    ...teamKey(team),
    week: weekDate(week),
    template: tour.template,
    people: tour.people,
    paidHoursPerPerson: num(tour.paidHours),
    costPerPerson: num(tour.cost),
    days: sortedDays(tour).map((d) => ({
      day: dayName(week.weekStartMin, d.day),
      start: at(d.startMin),
      end: at(d.endMin),
      breaks: d.breaks.map((b) => ({ start: at(b.startMin), end: at(b.endMin), paid: b.paid })),
    })),
  };
}

/** `"name":[` one element per line `]`. */
function jsonArray(name: string, items: readonly unknown[]): string {
  return items.length === 0 ? `${JSON.stringify(name)}:[]` : `${JSON.stringify(name)}:[\n${items.map((x) => JSON.stringify(x)).join(",\n")}\n]`;
}

/**
 * The schedules as one JSON document (`schemaVersion` 1), whatever the
 * report: the templates as solved, the requirement and coverage per interval
 * (every interval with something required or someone on the floor), the
 * tours with their days and breaks as local date-times, a summary per team
 * and week, and the totals. Numbers unrounded. Figures of teams and totals
 * are per week (means over the weeks); their `paidHours` and `cost` are the
 * headcount's (grossed up for out-of-shift shrinkage), those of weeks and
 * the `scheduled…` ones the scheduled people's.
 *
 * Enough to re-check: on the floor in an interval = Σ tours' people × the
 * share of the interval inside a day's [start, end) and outside its breaks,
 * times taken modulo the week from the tour's `week` at 00:00; a tour's cost
 * = people × `costPerPerson`.
 */
export function renderShiftsJson(plan: ShiftPlan): string {
  const t = plan.totals;
  const figures = plan.teams.map((t) => t.meanWeek);
  const head = {
    schemaVersion: SHIFTS_SCHEMA_VERSION,
    command: "shifts",
    scenario: plan.scenario,
    currency: plan.currency,
    weeks: plan.weeks,
  };
  const templates = plan.teams.map((team) => ({
    ...teamKey(team),
    intervalMinutes: team.gridMin,
    inShiftShrinkage: num(team.inShiftShrinkage),
    inShiftComponents: team.rules.inShiftShrinkage,
    outOfShiftShrinkage: num(team.outOfShiftShrinkage),
    understaffingCostPerHour: num(team.rules.understaffingCost),
    legal: team.rules.legal,
    templates: team.rules.templates.map((x) => templateJson(x, firstWeekStart(team))),
  }));
  const requirement: unknown[] = [];
  const coverage: unknown[] = [];
  for (const team of plan.teams) {
    for (const w of team.weeks) {
      for (const k of coverageRows(w)) {
        const at = formatDateTime(intervalStart(team, w, k));
        const required = w.required[k] ?? 0;
        const onFloor = w.onFloor[k] ?? 0;
        if (required > 0) requirement.push({ ...teamKey(team), intervalStart: at, intervalMinutes: team.gridMin, required: num(required) });
        coverage.push({ ...teamKey(team), intervalStart: at, required: num(required), onFloor: num(onFloor), over: num(Math.max(0, onFloor - required)), under: num(Math.max(0, required - onFloor)) });
      }
    }
  }
  const totals = {
    headcount: t.headcount,
    people: num(t.people),
    paidHours: num(t.paidHoursPerWeek),
    cost: num(t.costPerWeek),
    efficiency: num(t.efficiency),
    overHours: num(sumOf(figures, (f) => f.overHours)),
    underHours: num(sumOf(figures, (f) => f.underHours)),
    mipGap: num(t.gap),
    status: t.status,
    planFte: t.planFte === null ? null : num(t.planFte),
    planHeadcount: t.planHeadcount,
  };
  return (
    JSON.stringify(head).slice(0, -1) +
    ",\n" +
    [
      jsonArray("templates", templates),
      jsonArray("requirement", requirement),
      jsonArray("tours", listTours(plan).map(tourJson)),
      jsonArray("coverage", coverage),
      jsonArray("teams", plan.teams.map(teamJson)),
      `"totals":${JSON.stringify(totals)}`,
    ].join(",\n") +
    "}\n"
  );
}
