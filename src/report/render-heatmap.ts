import type { ChalkInstance } from "chalk";
import type { Plan } from "../plan/plan.js";
import { formatDateTime } from "../plan/calendar.js";
import { csvDocument, type Cell } from "./csv-cell.js";
import { grouped, jsonNumber, percent } from "./number-format.js";
import { label as word, tr } from "./labels.js";
import type { PlanSeries } from "./plan-series.js";
import { PLAN_SCHEMA_VERSION, planTitle } from "./render-plan.js";
import { tableWidth } from "./settings.js";
import { shortenDistinct } from "./table-fit.js";
import { wrapProse } from "./text-wrap.js";
import stringWidth from "string-width";

const SHADES = [" ", "░", "▒", "▓", "█"];
const SPARKS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
const WEEKDAYS = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]; // day 0 of the epoch was a Thursday

/** Mean agents in each hour of each day of the plan (agent-hours of the hour). */
function grid(plan: Plan, series: PlanSeries): { days: number[]; agents: number[][] } {
  const first = plan.firstStartMin === null ? 0 : Math.floor(plan.firstStartMin / 1440);
  const last = plan.endMin === null ? first - 1 : Math.ceil(plan.endMin / 1440) - 1;
  const days: number[] = [];
  const agents: number[][] = [];
  for (let d = first; d <= last; d++) {
    days.push(d);
    agents.push(Array.from({ length: 24 }, (_, h) => series.byHour.get(d * 24 + h) ?? 0));
  }
  return { days, agents };
}

/** A shade for a share of the peak: blank for none, then four steps. */
function shade(share: number): number {
  return share <= 0 ? 0 : Math.min(4, 1 + Math.floor(share * 4 - 1e-12));
}

/** Columns of the figures of a day line (" " + peak in 6 + " " + agent-hours in 9). */
const FIGURES = 17;

/** A day line's label: "Mon 2026-11-23" (French "lun 2026-11-23": the abbreviation without its dot, in the same 14 columns). */
const dayLabel = (d: number) => `${word(WEEKDAYS[((d % 7) + 7) % 7]!).replace(/\.$/, "")} ${formatDateTime(d * 1440).slice(0, 10)}`;

/**
 * How the hours of a day are drawn at a width, beside day labels of
 * `labelWidth` columns: 3 columns an hour ("▓▓ "), 2 ("▓▓", the hours
 * touching) or 1 ("▓"), whichever fits; the figures at the end of the line
 * go last (undefined width: the widest).
 */
function dayLayout(width: number | undefined, labelWidth: number): { perHour: 1 | 2 | 3; figures: boolean } {
  if (width === undefined || width >= labelWidth + 1 + 72 - 1 + FIGURES) return { perHour: 3, figures: true };
  if (width >= labelWidth + 1 + 48 + FIGURES) return { perHour: 2, figures: true };
  return { perHour: 1, figures: width >= labelWidth + 1 + 24 + FIGURES };
}

/** The hours' heading for a layout: every hour ("00 01 …"), every other ("00  02  …") or every third ("0  3  6 …"). */
function hourHeading(perHour: 1 | 2 | 3): string {
  if (perHour === 3) return Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0")).join(" ");
  if (perHour === 2) return Array.from({ length: 12 }, (_, k) => String(2 * k).padStart(2, "0").padEnd(4)).join("").trimEnd();
  return Array.from({ length: 8 }, (_, k) => String(3 * k).padEnd(3)).join("").trimEnd();
}

/**
 * The intraday heatmap of required agents (days × hours, shaded against the
 * busiest hour) and a sparkline per queue over the horizon, for a terminal.
 * Colour (when on) adds a background ramp; without colour the shades alone
 * carry the picture, so a pipe or `NO_COLOR` keeps it readable. At the run's
 * width ({@link tableWidth}) the hours draw narrower, the queue labels are
 * shortened (`…`) and the sparklines take more hours a mark; nothing is
 * dropped but the day lines' figures below 56 columns (said so).
 */
export function renderHeatmapTable(plan: Plan, series: PlanSeries, color: ChalkInstance): string {
  const width = tableWidth();
  const lines = planTitle(plan, "summary", color);
  const { days, agents } = grid(plan, series);
  const peak = Math.max(0, ...agents.flat());
  const labelWidth = Math.max(0, ...days.map((d) => stringWidth(dayLabel(d))));
  const { perHour, figures } = dayLayout(width, labelWidth);
  const glyphs = perHour === 1 ? 1 : 2;
  lines.push(color.bold(word("Agents needed, mean of each hour")) + tr` (█ = ${grouped(peak, 1)} agents, the busiest hour)`);
  const heading = hourHeading(perHour);
  const hoursWidth = perHour === 3 ? 71 : perHour * 24;
  lines.push(" ".repeat(labelWidth + 1) + (figures ? heading.padEnd(hoursWidth) + ` ${word("peak").padStart(6)} ${word("agent-h").padStart(9)}` : heading));
  days.forEach((d, k) => {
    const row = agents[k]!;
    const cells = row.map((a) => {
      const s = shade(peak > 0 ? a / peak : 0);
      const text = SHADES[s]!.repeat(glyphs);
      // the glyph carries the level; colour only adds heat (16-colour safe: dim, normal, yellow, red)
      return s === 1 ? color.dim(text) : s === 3 ? color.yellow(text) : s === 4 ? color.red(text) : text;
    });
    const label = dayLabel(d).padEnd(labelWidth);
    const hours = cells.join(perHour === 3 ? " " : "");
    lines.push(figures ? `${label} ${hours} ${grouped(Math.max(...row), 1).padStart(6)} ${grouped(row.reduce((a, b) => a + b, 0), 0).padStart(9)}` : `${label} ${hours}`.trimEnd());
  });
  if (!figures) lines.push(tr`Each day's peak and agent-hours hidden at ${width} columns: --wide or --format csv shows them.`);
  lines.push("", tr`Legend: ${SHADES.slice(1).map((s, k) => tr`${s.repeat(glyphs)} up to ${percent((k + 1) / 4, 0)} of the busiest hour`).join(", ")}; blank: none.`, "");
  // Sparklines: each queue over the horizon, against its own peak (two hours a mark for a week, more for longer plans).
  const first = days.length > 0 ? days[0]! * 24 : 0;
  const hours = days.length * 24;
  const names = [...series.byQueueHour.keys()].sort();
  // the peak written after each line is at most its busiest hour's: room for it is known before the marks
  const peakOf = (top: number) => tr`peak ${grouped(top, 1)}`;
  const peakText = Math.max(0, ...names.map((l) => peakOf(Math.max(0, ...series.byQueueHour.get(l)!.values())).length));
  let labels = names;
  let maxMarks = 84;
  if (width !== undefined) {
    const widest = Math.max(0, ...names.map((l) => stringWidth(l)));
    // at least 42 marks (4 hours each over a week) beside labels of at least 16 columns
    if (widest + 4 + peakText + 42 > width) labels = shortenDistinct(names, Math.max(16, width - 4 - peakText - 42));
    maxMarks = Math.max(1, Math.min(84, width - Math.max(0, ...labels.map((l) => stringWidth(l))) - 4 - peakText));
  }
  const queueWidth = Math.max(0, ...labels.map((l) => stringWidth(l)));
  // hours a mark: a divisor or a multiple of 24, so marks never straddle days unevenly
  const per = [1, 2, 3, 4, 6, 8, 12, 24, 48, 72, 96, 168, 336, 672].find((h) => hours / h <= maxMarks) ?? Math.ceil(hours / maxMarks / 24) * 24;
  lines.push(color.bold(word("Each queue over the horizon")) + (per === 1 ? tr` (one mark = ${per} hour; ▁ to █ against the queue's own busiest mark)` : tr` (one mark = ${per} hours; ▁ to █ against the queue's own busiest mark)`));
  names.forEach((name, k) => {
    const q = series.byQueueHour.get(name)!;
    const marks: number[] = [];
    for (let h = 0; h < hours; h += per) {
      let sum = 0;
      for (let j = h; j < Math.min(hours, h + per); j++) sum += q.get(first + j) ?? 0;
      marks.push(sum / per);
    }
    const top = Math.max(0, ...marks);
    const line = marks.map((m) => (m <= 0 ? " " : SPARKS[Math.min(7, Math.floor((m / top) * 8 - 1e-12))]!)).join("");
    const label = labels[k]!;
    lines.push(`${label}${" ".repeat(queueWidth - stringWidth(label))}  ${line}  ${peakOf(top)}`);
  });
  if (labels !== names) lines.push(tr`Queue names shortened with … at ${width} columns: --wide shows them whole.`);
  return wrapProse(lines, width).join("\n") + "\n";
}

/** The heatmap's numbers: one line per day and hour with the mean agents (CSV), or the same in JSON. */
export function renderHeatmapData(plan: Plan, series: PlanSeries, format: "csv" | "json"): string {
  const { days, agents } = grid(plan, series);
  if (format === "csv") {
    const rows: Cell[][] = [];
    days.forEach((d, k) => agents[k]!.forEach((a, h) => rows.push([formatDateTime(d * 1440).slice(0, 10), h, a])));
    return csvDocument(["date", "hour", "agents"], rows);
  }
  const rows = days.map((d, k) => ({ date: formatDateTime(d * 1440).slice(0, 10), agents: agents[k]!.map((a) => jsonNumber(a)) }));
  return JSON.stringify({ schemaVersion: PLAN_SCHEMA_VERSION, report: "heatmap", scenario: plan.scenario, rows }) + "\n";
}
