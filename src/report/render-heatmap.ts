import type { ChalkInstance } from "chalk";
import type { Plan } from "../plan/plan.js";
import { formatDateTime } from "../plan/calendar.js";
import { csvNumber, grouped, jsonNumber } from "./number-format.js";
import type { PlanSeries } from "./plan-series.js";
import { PLAN_SCHEMA_VERSION, planTitle } from "./render-plan.js";

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

/**
 * The intraday heatmap of required agents (days × hours, shaded against the
 * busiest hour) and a sparkline per queue over the horizon, for a terminal.
 * Colour (when on) adds a background ramp; without colour the shades alone
 * carry the picture, so a pipe or `NO_COLOR` keeps it readable.
 */
export function renderHeatmapTable(plan: Plan, series: PlanSeries, color: ChalkInstance): string {
  const lines = planTitle(plan, "summary", color);
  const { days, agents } = grid(plan, series);
  const peak = Math.max(0, ...agents.flat());
  lines.push(color.bold("Agents needed, mean of each hour") + ` (█ = ${grouped(peak, 1)} agents, the busiest hour)`);
  lines.push("               " + Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0")).join(" ") + "   peak   agent-h");
  days.forEach((d, k) => {
    const row = agents[k]!;
    const cells = row.map((a) => {
      const s = shade(peak > 0 ? a / peak : 0);
      const text = SHADES[s]!.repeat(2);
      // the glyph carries the level; colour only adds heat (16-colour safe: dim, normal, yellow, red)
      return s === 1 ? color.dim(text) : s === 3 ? color.yellow(text) : s === 4 ? color.red(text) : text;
    });
    const label = `${WEEKDAYS[((d % 7) + 7) % 7]} ${formatDateTime(d * 1440).slice(0, 10)}`;
    lines.push(`${label} ${cells.join(" ")} ${grouped(Math.max(...row), 1).padStart(6)} ${grouped(row.reduce((a, b) => a + b, 0), 0).padStart(9)}`);
  });
  lines.push("", `Legend: ${SHADES.slice(1).map((s, k) => `${s.repeat(2)} up to ${(k + 1) * 25}% of the busiest hour`).join(", ")}; blank: none.`, "");
  // Sparklines: each queue over the horizon, against its own peak (two hours a mark for a week, more for longer plans).
  const first = days.length > 0 ? days[0]! * 24 : 0;
  const hours = days.length * 24;
  // hours a mark: a divisor or a multiple of 24, so marks never straddle days unevenly
  const per = [1, 2, 3, 4, 6, 8, 12, 24, 48, 72, 96, 168, 336, 672].find((h) => hours / h <= 84) ?? Math.ceil(hours / 84 / 24) * 24;
  const labels = [...series.byQueueHour.keys()].sort();
  const width = Math.max(0, ...labels.map((l) => l.length));
  lines.push(color.bold("Each queue over the horizon") + ` (one mark = ${per} hour${per === 1 ? "" : "s"}; ▁ to █ against the queue's own busiest mark)`);
  for (const label of labels) {
    const q = series.byQueueHour.get(label)!;
    const marks: number[] = [];
    for (let h = 0; h < hours; h += per) {
      let sum = 0;
      for (let k = h; k < Math.min(hours, h + per); k++) sum += q.get(first + k) ?? 0;
      marks.push(sum / per);
    }
    const top = Math.max(0, ...marks);
    const line = marks.map((m) => (m <= 0 ? " " : SPARKS[Math.min(7, Math.floor((m / top) * 8 - 1e-12))]!)).join("");
    lines.push(`${label.padEnd(width)}  ${line}  peak ${grouped(top, 1)}`);
  }
  return lines.join("\n") + "\n";
}

/** The heatmap's numbers: one line per day and hour with the mean agents (CSV), or the same in JSON. */
export function renderHeatmapData(plan: Plan, series: PlanSeries, format: "csv" | "json"): string {
  const { days, agents } = grid(plan, series);
  if (format === "csv") {
    const out = ["date,hour,agents"];
    days.forEach((d, k) => agents[k]!.forEach((a, h) => out.push(`${formatDateTime(d * 1440).slice(0, 10)},${h},${csvNumber(a)}`)));
    return out.join("\n") + "\n";
  }
  const rows = days.map((d, k) => ({ date: formatDateTime(d * 1440).slice(0, 10), agents: agents[k]!.map((a) => jsonNumber(a)) }));
  return JSON.stringify({ schemaVersion: PLAN_SCHEMA_VERSION, report: "heatmap", scenario: plan.scenario, rows }) + "\n";
}
