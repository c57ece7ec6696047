import { monthsOf, type MonthPlan } from "../plan/months.js";
import type { ChalkInstance } from "chalk";
import type { GroupPlan, RolePlan } from "../plan/group-staffing.js";
import { FULL_TIME_DAYS_PER_WEEK, type DayPlan, type IntervalPlan, type Plan, type QueuePlan, type WeekPlan } from "../plan/plan.js";
import type { PlanWhatIf } from "../plan/what-if.js";
import { formatDateTime, WEEK_DAY_NAMES } from "../plan/calendar.js";
import { grouped, jsonNumber, percent, seconds } from "./number-format.js";
import { csvCell, csvRecords, csvStart, csvStyle, type Cell, type CsvStyle } from "./csv-cell.js";
import { tableWidth } from "./settings.js";
import { isFrench, label, plural, tr } from "./labels.js";
import { renderTable, type Align, type TableFit } from "./table.js";
import { wrapProse, wrapText } from "./text-wrap.js";

/** Version of the JSON documents of `ccplan plan`. */
export const PLAN_SCHEMA_VERSION = 1;

export type PlanReport = "summary" | "queues" | "intervals" | "days" | "weeks" | "months" | "tiers" | "groups";


/** Fields of one queue line (and of the totals), snake_case for CSV, camelCase for JSON. */
export const QUEUE_FIELDS: readonly [string, string, (q: QueuePlan) => Cell][] = [
  ["channel_class", "channelClass", (q) => q.queue?.channelClass ?? "total"],
  ["channel", "channel", (q) => q.queue?.channel ?? null],
  ["typology", "typology", (q) => q.queue?.typology ?? null],
  ["direction", "direction", (q) => q.queue?.direction ?? null],
  ["tier", "tier", (q) => q.queue?.tier ?? null],
  ["intervals", "intervals", (q) => q.intervals],
  ["volume", "volume", (q) => q.volume],
  ["workload_hours", "workloadHours", (q) => q.workloadHours],
  ["peak_agents", "peakAgents", (q) => q.peakAgents],
  ["agent_hours", "agentHours", (q) => q.agentHours],
  ["scheduled_hours", "scheduledHours", (q) => q.scheduledHours],
  ["fte", "fte", (q) => q.fte],
  ["headcount", "headcount", (q) => q.headcount],
  ["service_level", "serviceLevel", (q) => q.serviceLevel],
  ["asa_sec", "asaSec", (q) => q.asaSec],
  ["abandon_rate", "abandonRate", (q) => q.abandonRate],
  ["missed_intervals", "missedIntervals", (q) => q.missedIntervals],
  ["end_backlog_items", "endBacklogItems", (q) => q.endBacklogItems],
  ["end_backlog_hours", "endBacklogHours", (q) => q.endBacklogHours],
];

/** Fields of one calendar week. */
export const WEEK_FIELDS: readonly [string, string, (w: WeekPlan) => Cell][] = [
  ["week_start", "weekStart", (w) => formatDateTime(w.startMin).slice(0, 10)],
  ["partial", "partial", (w) => w.partial],
  ["intervals", "intervals", (w) => w.intervals],
  ["volume", "volume", (w) => w.volume],
  ["workload_hours", "workloadHours", (w) => w.workloadHours],
  ["peak_agents", "peakAgents", (w) => w.peakAgents],
  ["agent_hours", "agentHours", (w) => w.agentHours],
  ["scheduled_hours", "scheduledHours", (w) => w.scheduledHours],
  ["fte", "fte", (w) => w.fte],
  ["headcount", "headcount", (w) => w.headcount],
  ["service_level", "serviceLevel", (w) => w.serviceLevel],
  ["asa_sec", "asaSec", (w) => w.asaSec],
  ["abandon_rate", "abandonRate", (w) => w.abandonRate],
  ["missed_intervals", "missedIntervals", (w) => w.missedIntervals],
];

/** Fields of one calendar month (see `monthsOf`). */
export const MONTH_FIELDS: readonly [string, string, (m: MonthPlan) => Cell][] = [
  ["month", "month", (m) => m.month],
  ["weeks", "weeks", (m) => m.weeks],
  ["partial_weeks", "partialWeeks", (m) => m.partialWeeks],
  ["volume", "volume", (m) => m.volume],
  ["workload_hours", "workloadHours", (m) => m.workloadHours],
  ["peak_agents", "peakAgents", (m) => m.peakAgents],
  ["agent_hours", "agentHours", (m) => m.agentHours],
  ["scheduled_hours", "scheduledHours", (m) => m.scheduledHours],
  ["fte", "fte", (m) => m.fte],
  ["headcount", "headcount", (m) => m.headcount],
  ["service_level", "serviceLevel", (m) => m.serviceLevel],
  ["missed_intervals", "missedIntervals", (m) => m.missedIntervals],
];

/** Fields of one interval line. */
export const INTERVAL_FIELDS: readonly [string, string, (i: IntervalPlan) => Cell][] = [
  ["interval_start", "intervalStart", (i) => formatDateTime(i.startMin)],
  ["typology", "typology", (i) => i.typology],
  ["channel", "channel", (i) => i.channel],
  ["direction", "direction", (i) => i.direction],
  ["tier", "tier", (i) => i.tier],
  ["channel_class", "channelClass", (i) => i.channelClass],
  ["interval_minutes", "intervalMin", (i) => i.intervalMin],
  ["volume", "volume", (i) => i.volume],
  ["aht_sec", "ahtSec", (i) => i.ahtSec],
  ["traffic_erlangs", "trafficErlangs", (i) => i.trafficErlangs],
  ["agents", "agents", (i) => i.agents],
  ["scheduled", "scheduled", (i) => i.scheduled],
  ["service_level", "serviceLevel", (i) => i.serviceLevel],
  ["asa_sec", "asaSec", (i) => i.asaSec],
  ["occupancy", "occupancy", (i) => i.occupancy],
  ["abandon_rate", "abandonRate", (i) => i.abandonRate],
  ["backlog", "backlog", (i) => i.backlog],
  ["oldest_age_min", "oldestAgeMin", (i) => i.oldestAgeMin],
  ["blended_erlangs", "blendedErlangs", (i) => i.blendedErlangs],
  ["target_met", "targetMet", (i) => i.targetMet],
  ["note", "note", (i) => i.note],
];

/** Fields of one day, all queues together. */
export const DAY_FIELDS: readonly [string, string, (d: DayPlan) => Cell][] = [
  ["date", "date", (d) => formatDateTime(d.dayIndex * 1440).slice(0, 10)],
  ["volume", "volume", (d) => d.volume],
  ["workload_hours", "workloadHours", (d) => d.workloadHours],
  ["peak_agents", "peakAgents", (d) => d.peakAgents],
  ["agent_hours", "agentHours", (d) => d.agentHours],
  ["scheduled_hours", "scheduledHours", (d) => d.scheduledHours],
  ["fte", "fte", (d) => d.fte],
  ["people", "people", (d) => d.people],
];

/** Fields of one role line of the tiers report (`--by tier`). */
export const ROLE_FIELDS: readonly [string, string, (r: RolePlan) => Cell][] = [
  ["role", "role", (r) => r.role],
  ["agents_peak", "agentsPeak", (r) => r.agentsPeak],
  ["fte", "fte", (r) => r.fte],
  ["headcount", "headcount", (r) => r.headcount],
];

/** Fields of one team line of the groups report (`--by group`). */
export const GROUP_FIELDS: readonly [string, string, (g: GroupPlan) => Cell][] = [
  ["group", "group", (g) => g.name],
  ["tier", "tier", (g) => g.tier],
  ["pooled", "pooled", (g) => g.pooled],
  ["queues", "queues", (g) => g.queues],
  ["skills_per_person", "skillsPerPerson", (g) => g.skillsPerPerson],
  ["agents_peak", "agentsPeak", (g) => g.peakAgents],
  ["agent_hours", "agentHours", (g) => g.agentHours],
  ["scheduled_hours", "scheduledHours", (g) => g.scheduledHours],
  ["fte", "fte", (g) => g.fte],
  ["headcount", "headcount", (g) => g.headcount],
  ["separate_fte", "separateFte", (g) => g.separateFte],
  ["pooling_gain_fte", "poolingGainFte", (g) => g.poolingGainFte],
  ["team_leads", "teamLeads", (g) => g.teamLeads],
  ["training_hours", "trainingHours", (g) => g.trainingHours],
  ["skills", "skills", (g) => g.skills.join("|")],
];

/** The totals line of the tiers report. */
function roleTotals(plan: Plan): RolePlan {
  return { role: "total", agentsPeak: null, fte: plan.organisation.totals.fte, headcount: plan.organisation.totals.headcount };
}


function csvLine<T>(fields: readonly [string, string, (x: T) => Cell][], row: T, style: CsvStyle = csvStyle()): string {
  let line = "";
  for (let k = 0; k < fields.length; k++) line += (k === 0 ? "" : style.delimiter) + csvCell(fields[k]![2](row), style);
  return line;
}

function csv<T>(fields: readonly [string, string, (x: T) => Cell][], rows: readonly T[]): string {
  const style = csvStyle();
  return csvStart(fields.map(([name]) => name), style) + csvRecords(rows.map((r) => csvLine(fields, r, style)), style);
}

/** The intervals report's CSV column names. */
export const INTERVAL_CSV_NAMES: readonly string[] = INTERVAL_FIELDS.map(([name]) => name);

/** One interval as a CSV line (no newline). */
export function intervalCsvLine(i: IntervalPlan): string {
  return csvLine(INTERVAL_FIELDS, i);
}

/** One interval as a JSON object on one line. */
export function intervalJsonLine(i: IntervalPlan): string {
  return JSON.stringify(record(INTERVAL_FIELDS, i));
}

/** Head and alignment of the intervals table. */
export const INTERVAL_TABLE_HEAD = ["interval", "typology", "channel", "dir.", "tier", "volume", "agents", "scheduled", "SL", "ASA", "aband.", "backlog", "missed"];
export const INTERVAL_TABLE_ALIGN: Align[] = ["left", "left", "left", "left", "left", "right", "right", "right", "right", "right", "right", "right", "left"];
/**
 * How the intervals table fits a narrow terminal: typology and agents, channel, missed, tier (when levels differ) and SL first; typologies shortened.
 * The interval and the queue (typology, channel, direction, tier) tell rows apart: the direction stays when inbound and outbound share a typology and channel.
 */
export const INTERVAL_TABLE_FIT: TableFit = { priority: [1, 6, 2, 12, 4, 8, 5, 7, 9, 11, 10, 3], shorten: { 1: "end" }, dropIfConstant: [4], keys: [0, 1, 2, 3, 4] };

/** One interval's cells in the intervals table. */
export function intervalTableCells(i: IntervalPlan, color: ChalkInstance): string[] {
  return [
    formatDateTime(i.startMin),
    i.typology,
    i.channel,
    label(i.direction),
    `L${i.tier}`,
    grouped(i.volume, 1),
    grouped(i.agents, i.channelClass === "sync" ? 0 : 2),
    grouped(i.scheduled, 1),
    i.serviceLevel === null ? "" : percent(i.serviceLevel, 1),
    i.asaSec === null ? "" : seconds(i.asaSec),
    i.abandonRate === null ? "" : percent(i.abandonRate, 1),
    i.backlog === null ? "" : grouped(i.backlog, 1),
    i.targetMet ? "" : color.red(tr`missed`),
  ];
}

function record<T>(fields: readonly [string, string, (x: T) => Cell][], row: T): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const [, key, get] of fields) {
    const v = get(row);
    out[key] = typeof v === "number" ? jsonNumber(v) : v;
  }
  return out;
}

function header(plan: Plan, report: PlanReport) {
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    report,
    scenario: plan.scenario,
    horizon: {
      start: plan.firstStartMin === null ? null : formatDateTime(plan.firstStartMin),
      end: plan.endMin === null ? null : formatDateTime(plan.endMin),
      weeks: plan.weeks,
      weeksGiven: plan.horizon?.weeksGiven ?? false,
      weekStart: WEEK_DAY_NAMES[plan.horizon?.weekStart ?? 0],
      weeksStart: plan.horizon === null ? null : formatDateTime(plan.horizon.windowStartMin),
      weeksEnd: plan.horizon === null ? null : formatDateTime(plan.horizon.windowEndMin),
    },
    meanWeek: { fte: jsonNumber(plan.totals.fte), headcount: plan.totals.headcount },
    peakWeek: plan.peakWeek === null ? null : { weekStart: formatDateTime(plan.peakWeek.startMin).slice(0, 10), fte: jsonNumber(plan.peakWeek.fte), headcount: plan.peakWeek.headcount },
    shrinkage: plan.shrinkage,
    contractHours: plan.contractHours,
    contractFraction: plan.contractFraction,
    // only when a what-if flag is given: the documents of a plan without one keep their bytes
    ...(plan.whatIf === undefined || whatIfFlags(plan.whatIf).length === 0 ? {} : { whatIf: whatIfJson(plan.whatIf) }),
    // only under --shifts: the people the organisation needs with agents from weekly schedules
    ...(plan.organisation.scheduled === undefined
      ? {}
      : { shifts: { agentsHeadcount: plan.organisation.roles.filter((r) => /^level-/.test(r.role)).reduce((n, r) => n + r.headcount, 0), headcount: plan.organisation.totals.headcount, fte: jsonNumber(plan.organisation.totals.fte) } }),
  };
}

/** The plan as CSV: one line per queue (summary adds the totals line), interval or day. */
export function renderPlanCsv(plan: Plan, report: PlanReport): string {
  if (report === "intervals") return csv(INTERVAL_FIELDS, plan.intervals);
  if (report === "days") return csv(DAY_FIELDS, plan.days);
  if (report === "weeks") return csv(WEEK_FIELDS, plan.weekly);
  if (report === "months") return csv(MONTH_FIELDS, monthsOf(plan.weekly, plan.contractFraction));
  if (report === "tiers") return csv(ROLE_FIELDS, [...plan.organisation.roles, roleTotals(plan)]);
  if (report === "groups") return csv(GROUP_FIELDS, plan.organisation.groups);
  return csv(QUEUE_FIELDS, report === "summary" ? [...plan.queues, plan.totals] : plan.queues);
}

/** The plan as JSON (`schemaVersion` 1): header, then the report's rows; numbers unrounded. */
export function renderPlanJson(plan: Plan, report: PlanReport): string {
  const head = planJsonHead(plan, report).slice(0, -1);
  const lines = (rows: Record<string, Cell>[]) => rows.map((r) => JSON.stringify(r)).join(",\n");
  if (report === "intervals") return `${head},"rows":[\n${plan.intervals.map(intervalJsonLine).join(",\n")}\n]}\n`;
  if (report === "days") return `${head},"rows":[\n${lines(plan.days.map((d) => record(DAY_FIELDS, d)))}\n]}\n`;
  if (report === "weeks") return `${head},"rows":[\n${lines(plan.weekly.map((w) => record(WEEK_FIELDS, w)))}\n]}\n`;
  if (report === "months") return `${head},"rows":[\n${lines(monthsOf(plan.weekly, plan.contractFraction).map((m) => record(MONTH_FIELDS, m)))}\n]}\n`;
  if (report === "tiers" || report === "groups") {
    const o = plan.organisation;
    const totals = JSON.stringify({ fte: jsonNumber(o.totals.fte), headcount: o.totals.headcount, poolingGainFte: jsonNumber(o.totals.poolingGainFte), trainingHours: jsonNumber(o.totals.trainingHours) });
    const rows = report === "tiers" ? `"roles":[\n${lines(o.roles.map((r) => record(ROLE_FIELDS, r)))}\n]` : `"groups":[\n${o.groups.map((g) => JSON.stringify({ ...record(GROUP_FIELDS, g), skills: g.skills })).join(",\n")}\n]`;
    return `${head},"organisation":${JSON.stringify(o.model)},${rows},"totals":${totals}}\n`;
  }
  const queues = `"queues":[\n${lines(plan.queues.map((q) => record(QUEUE_FIELDS, q)))}\n]`;
  if (report === "queues") return `${head},${queues}}\n`;
  return `${head},${queues},"totals":${JSON.stringify(record(QUEUE_FIELDS, plan.totals))}}\n`;
}

const capital = (day: string) => day[0]!.toUpperCase() + day.slice(1);

/** Which week the FTE and headcount are of: the mean calendar week (and the peak week when there are several); lines of at most 80 columns. */
function weeksNote(plan: Plan): string {
  const h = plan.horizon;
  if (h === null) return tr`FTE = scheduled hours of a calendar week ÷ contract hours.`;
  const from = capital(WEEK_DAY_NAMES[h.weekStart]!);
  if (plan.weeks === 1 && plan.weekly.length <= 1) {
    return tr`FTE and headcount are of one calendar week, ${label(from)} ${formatDateTime(h.windowStartMin).slice(0, 10)} 00:00 to the next ${label(from)}: scheduled hours ÷ ${grouped(plan.contractHours, 2, 0)} h.`;
  }
  const weeks = plural(plan.weeks, grouped(plan.weeks, 0), "week") + (h.weeksGiven ? tr` as given` : "");
  const lines = [tr`FTE and headcount are of the mean week: ${grouped(plan.totals.fte, 1)} FTE, ${grouped(plan.totals.headcount, 0)} headcount (${weeks}).`];
  if (plan.peakWeek !== null) {
    lines.push(tr`Peak week ${formatDateTime(plan.peakWeek.startMin).slice(0, 10)}: ${grouped(plan.peakWeek.fte, 1)} FTE, ${grouped(plan.peakWeek.headcount, 0)} headcount; --report weeks shows each.`);
  }
  if (plan.weekly.some((w) => w.partial)) lines.push(tr`The forecast covers its first or last week only partly (see the warnings).`);
  return lines.join("\n");
}

/** The summary's sort of queue line: outbound work that inbound agents' idle time took whole, so that no agent is staffed for it. */
function blendedAway(q: QueuePlan): boolean {
  return q.queue !== null && q.queue.direction === "outbound" && q.workloadHours > 0 && q.agentHours === 0 && q.scheduledHours === 0;
}

/** How the summary's queue table fits a narrow terminal: typology and headcount, channel, FTE, then tier (when levels differ), SL and missed intervals; typologies shortened. */
const QUEUE_TABLE_FIT: TableFit = { priority: [2, 11, 1, 10, 4, 12, 15, 5, 7, 13, 14, 9, 8, 6, 3], shorten: { 2: "end" }, dropIfConstant: [4] };

/** Agents' headcount of the organisation: its level roles (`level-1`, `level-2`…) added up. */
function agentHeadcount(o: Plan["organisation"]): number {
  return o.roles.filter((r) => /^level-/.test(r.role)).reduce((n, r) => n + r.headcount, 0);
}

/**
 * The organisation's people as one sum that adds up to its total:
 * `agents 248 + team leads 25 + managers 4 = 277 people`; with `detail`,
 * each level and support role in brackets.
 */
function peopleSum(o: Plan["organisation"], detail: boolean): string {
  const agents = o.roles.filter((r) => /^level-/.test(r.role));
  const leads = o.roles.filter((r) => r.role === "team-lead");
  const managers = o.roles.filter((r) => r.role === "manager");
  const support = o.roles.filter((r) => !agents.includes(r) && !leads.includes(r) && !managers.includes(r));
  const count = (rs: readonly RolePlan[]) => grouped(rs.reduce((n, r) => n + r.headcount, 0), 0);
  // a level's role in the run's language (`level-1`, French `niveau-1`); a support role by its name, as given
  const each = (rs: readonly RolePlan[]) => (detail && rs.length > 1 ? ` (${rs.map((r) => `${label(r.role)} ${grouped(r.headcount, 0)}`).join(", ")})` : "");
  const parts = [tr`agents ${count(agents)}${each(agents)}`];
  if (leads.length > 0) parts.push(tr`team leads ${count(leads)}`);
  if (managers.length > 0) parts.push(tr`managers ${count(managers)}`);
  if (support.length > 0) parts.push(tr`support ${count(support)}${detail ? ` (${support.map((r) => `${r.role} ${grouped(r.headcount, 0)}`).join(", ")})` : ""}`);
  return tr`${parts.join(" + ")} = ${grouped(o.totals.headcount, 0)} people`;
}

/** The summary's people line: from the agents of the table's total to everyone the organisation needs. */
function peopleStory(plan: Plan): string {
  const o = plan.organisation;
  const agents = agentHeadcount(o);
  const table = plan.totals.headcount;
  const how =
    o.model === "separate"
      ? agents === table
        ? ""
        : tr`; agents rounded up per level: ${grouped(agents, 0)} against the total line's ${grouped(table, 0)}`
      : tr`; queues pooled in teams need ${grouped(agents, 0)} agents, where the lines above staff each queue apart`;
  return tr`People with management and support (organisation ${o.model}${how}): ${peopleSum(o, true)}; see --by tier and --by group.`;
}

/** What the organisation saves by pooling and what it costs in training, in one line. */
function organisationNote(plan: Plan): string {
  const t = plan.organisation.totals;
  return tr`Pooling gain ${grouped(t.poolingGainFte, 1)} FTE against the same queues staffed apart; training for the extra skills ${grouped(t.trainingHours, 0)} h (people × skills beyond the first × hours per skill). Headcount is rounded up once per team; team leads per team, managers from team leads.`;
}

/** A share as a flag writes it: `0.85` → `85%` (up to 4 decimals, no trailing zeros). */
const flagPercent = (fraction: number) => `${+(fraction * 100).toFixed(4)}%`;

/**
 * The what-ifs as the flags that give them, in the order of `ccplan plan --help`:
 * `["--aht-factor 1.1", "--sl 80/20"]`; none when nothing is given.
 */
export function whatIfFlags(w: PlanWhatIf): string[] {
  const out: string[] = [];
  if (w.volumeFactor !== undefined) out.push(`--volume-factor ${w.volumeFactor}`);
  if (w.ahtFactor !== undefined) out.push(`--aht-factor ${w.ahtFactor}`);
  if (w.shrinkage !== undefined) out.push(`--shrinkage ${flagPercent(w.shrinkage)}`);
  if (w.maxOccupancy !== undefined) out.push(`--occupancy ${flagPercent(w.maxOccupancy)}`);
  if (w.serviceLevel !== undefined) {
    const { share, answerWithinSec } = w.serviceLevel;
    out.push(`--sl ${answerWithinSec === undefined ? flagPercent(share) : `${+(share * 100).toFixed(4)}/${answerWithinSec}`}`);
  }
  if (w.contractHours !== undefined) out.push(`--contract-hours ${w.contractHours}`);
  return out;
}

/** The what-ifs in the JSON header: the given ones only, fractions and seconds as everywhere in the JSON. */
function whatIfJson(w: PlanWhatIf): Record<string, number> {
  const out: Record<string, number> = {};
  const put = (key: string, v: number | undefined) => {
    if (v !== undefined) out[key] = jsonNumber(v) as number;
  };
  put("volumeFactor", w.volumeFactor);
  put("ahtFactor", w.ahtFactor);
  put("shrinkage", w.shrinkage);
  put("maxOccupancy", w.maxOccupancy);
  put("serviceLevel", w.serviceLevel?.share);
  put("answerWithinSec", w.serviceLevel?.answerWithinSec);
  put("contractHours", w.contractHours);
  return out;
}

/** `What-ifs: --aht-factor 1.1, --sl 80/20`, broken into lines of at most `width` columns at the commas. */
function whatIfLines(w: PlanWhatIf | undefined, width = 80): string[] {
  const flags = w === undefined ? [] : whatIfFlags(w);
  if (flags.length === 0) return [];
  const head = tr`What-ifs:`;
  const lines = [head];
  for (const [k, flag] of flags.entries()) {
    const part = flag + (k < flags.length - 1 ? "," : "");
    const last = lines[lines.length - 1]!;
    if (last.length + 1 + part.length <= width || last === head) lines[lines.length - 1] = `${last} ${part}`;
    else lines.push(`  ${part}`);
  }
  return lines;
}

/** Volume, workload hours, peak agents, agent-hours, scheduled hours and FTE of a queue or a day, as the tables show them. */
function workloadCells(x: { volume: number; workloadHours: number; peakAgents: number; agentHours: number; scheduledHours: number; fte: number }): string[] {
  return [grouped(x.volume, 0), grouped(x.workloadHours, 1), grouped(x.peakAgents, 1), grouped(x.agentHours, 1), grouped(x.scheduledHours, 1), grouped(x.fte, 1)];
}

/** The title lines of a plan in a terminal (with the what-ifs given, under the inputs they change), wrapped to the run's width. */
export function planTitle(plan: Plan, report: PlanReport, color: ChalkInstance): string[] {
  const h = header(plan, report);
  const width = tableWidth();
  return wrapProse(
    [
      color.bold(tr`Plan "${plan.scenario}"`) +
        `  ${h.horizon.start ?? "–"} → ${h.horizon.end ?? "–"} (${plural(plan.weeks, grouped(plan.weeks, 2, 0), "week")})`,
      tr`Shrinkage ${percent(plan.shrinkage, 1)}, ${grouped(plan.contractHours, 2, 0)} h a week per FTE, mean contract ${percent(plan.contractFraction, 0)}`,
      ...whatIfLines(plan.whatIf, width ?? 80),
      "",
    ],
    width,
  );
}

/** The head of the JSON document, open after its last field (`{…,`). */
export function planJsonHead(plan: Plan, report: PlanReport): string {
  return JSON.stringify(header(plan, report)).slice(0, -1) + ",";
}

/** A week's or a month's cells after its label: volume, peak, paid hours, FTE, people, SL, missed intervals. */
function periodCells(p: WeekPlan | MonthPlan, color: ChalkInstance): string[] {
  return [
    grouped(p.volume, 0),
    grouped(p.peakAgents, 1),
    grouped(p.scheduledHours, 1),
    grouped(p.fte, 1),
    grouped(p.headcount, 0),
    p.serviceLevel === null ? "" : percent(p.serviceLevel, 1),
    p.missedIntervals > 0 ? color.red(String(p.missedIntervals)) : "0",
  ];
}

/** A terminal report from its lines: prose wrapped to the run's width, tables as drawn. */
const terminalText = (lines: readonly string[]) => wrapProse(lines, tableWidth()).join("\n") + "\n";

/** The plan for a terminal. */
export function renderPlanTable(plan: Plan, report: PlanReport, color: ChalkInstance): string {
  const lines = planTitle(plan, report, color);
  if (report === "intervals") {
    lines.push(renderTable(INTERVAL_TABLE_HEAD, plan.intervals.map((i) => intervalTableCells(i, color)), INTERVAL_TABLE_ALIGN, INTERVAL_TABLE_FIT));
    return terminalText(lines);
  }
  if (report === "tiers") {
    lines[lines.length - 1] = tr`Organisation ${plan.organisation.model}; spans and support roles as in the scenario`;
    lines.push("");
    const rows = plan.organisation.roles.map((r) => [r.role, r.agentsPeak === null ? "" : grouped(r.agentsPeak, 1), grouped(r.fte, 1), grouped(r.headcount, 0)]);
    // the total counts every role: people with management and support, as the line under the table adds them up
    rows.push([color.bold(label("all people")), "", color.bold(grouped(plan.organisation.totals.fte, 1)), color.bold(grouped(plan.organisation.totals.headcount, 0))]);
    lines.push(renderTable(["role", "agents at peak", "FTE", "headcount"], rows, ["left", "right", "right", "right"], { priority: [3, 2, 1] }));
    lines.push(tr`The total, people with management and support: ${peopleSum(plan.organisation, false)}.`);
    lines.push(organisationNote(plan));
    return terminalText(lines);
  }
  if (report === "groups") {
    lines[lines.length - 1] = tr`Organisation ${plan.organisation.model}`;
    lines.push("");
    const rows = plan.organisation.groups.map((g) => [
      `L${g.tier}`,
      g.name,
      grouped(g.queues, 0),
      grouped(g.skillsPerPerson, 0),
      grouped(g.peakAgents, 1),
      grouped(g.fte, 1),
      grouped(g.headcount, 0),
      grouped(g.teamLeads, 0),
      grouped(g.separateFte, 1),
      grouped(g.poolingGainFte, 1),
      grouped(g.trainingHours, 0),
    ]);
    lines.push(
      renderTable(
        ["tier", "group", "queues", "skills/person", "peak agents", "FTE", "headcount", "team leads", "FTE apart", "pooling gain", "training h"],
        rows,
        ["left", "left", "right", "right", "right", "right", "right", "right", "right", "right", "right"],
        { priority: [1, 6, 5, 7, 9, 4, 2, 8, 10, 3], shorten: { 1: "end" } },
      ),
    );
    lines.push(tr`Agents ${grouped(agentHeadcount(plan.organisation), 0)}: the headcount column added up; with management and support, ${peopleSum(plan.organisation, false)}.`);
    lines.push(organisationNote(plan));
    return terminalText(lines);
  }
  if (report === "weeks") {
    // fits 80 columns: workload and agent-hours are in the CSV and JSON
    const rows = plan.weekly.map((w) => [
      formatDateTime(w.startMin).slice(0, 10) + (w.partial ? color.yellow("*") : ""),
      ...periodCells(w, color),
    ]);
    lines.push(renderTable(["week of", "volume", "peak", "paid h", "FTE", "people", "SL", "missed"], rows, ["left", "right", "right", "right", "right", "right", "right", "right"], { priority: [4, 5, 6, 7, 1, 2, 3] }));
    if (plan.weekly.some((w) => w.partial)) lines.push(tr`* a week the forecast covers only partly`);
    lines.push(tr`peak: agents at the busiest moment; paid h: scheduled hours; people: headcount.`, tr`CSV and JSON add workload and agent-hours.`);
    lines.push(weeksNote(plan));
    return terminalText(lines);
  }
  if (report === "months") {
    const rows = monthsOf(plan.weekly, plan.contractFraction).map((m) => [
      m.month + (m.partialWeeks > 0 ? color.yellow("*") : ""),
      grouped(m.weeks, 0),
      ...periodCells(m, color),
    ]);
    lines.push(
      renderTable(["month", "wk", "volume", "peak", "paid h", "FTE", "people", "SL", "missed"], rows, ["left", "right", "right", "right", "right", "right", "right", "right", "right"], {
        priority: [5, 6, 7, 8, 1, 2, 3, 4],
      }),
    );
    if (plan.weekly.some((w) => w.partial)) lines.push(tr`* a month with a week the forecast covers only partly`);
    if (isFrench()) lines.push(...wrapText(tr`wk: calendar weeks in the month (a week counts in the month that holds most of its days); volume and hours add up over them; FTE is the mean of its weeks', people from that FTE.`, 80));
    else lines.push("wk: calendar weeks in the month (a week counts in the month that holds most of", "its days); volume and hours add up over them; FTE is the mean of its weeks',", "people from that FTE.");
    return terminalText(lines);
  }
  if (report === "days") {
    const rows = plan.days.map((d) => [
      formatDateTime(d.dayIndex * 1440).slice(0, 10),
      ...workloadCells(d),
      grouped(d.people, 0),
    ]);
    lines.push(
      renderTable(["date", "volume", "workload h", "peak agents", "agent-hours", "scheduled h", "FTE", "people"], rows, ["left", "right", "right", "right", "right", "right", "right", "right"], {
        priority: [6, 7, 1, 3, 5, 4, 2],
      }),
    );
    const day = plan.contractHours / FULL_TIME_DAYS_PER_WEEK;
    lines.push(
      tr`A day's FTE = its scheduled hours ÷ ${grouped(day, 2, 0)} h (a full-timer's ${grouped(plan.contractHours, 2, 0)} h ÷ ${FULL_TIME_DAYS_PER_WEEK} days);\npeople = FTE ÷ mean contract ${percent(plan.contractFraction, 0)}, rounded up: those at work that day.\nA week's FTE is its days' FTE ÷ 5; its headcount is in the summary and --report weeks.`,
    );
    return terminalText(lines);
  }
  const line = (q: QueuePlan, total: boolean) => {
    const cells = [
      total ? label("total") : q.queue!.channelClass + (blendedAway(q) ? "*" : ""),
      total ? "" : q.queue!.channel,
      total ? label("agents only") : q.queue!.typology,
      total ? "" : label(q.queue!.direction),
      total ? "" : `L${q.queue!.tier}`,
      ...workloadCells(q),
      grouped(q.headcount, 0),
      q.serviceLevel === null ? "" : percent(q.serviceLevel, 1),
      q.asaSec === null ? "" : seconds(q.asaSec),
      q.abandonRate === null ? "" : percent(q.abandonRate, 1),
      q.missedIntervals > 0 ? color.red(String(q.missedIntervals)) : "0",
    ];
    return total ? cells.map((c) => color.bold(c)) : cells;
  };
  const rows = plan.queues.map((q) => line(q, false));
  if (report === "summary") rows.push(line(plan.totals, true));
  lines.push(
    renderTable(
      ["class", "channel", "typology", "dir.", "tier", "volume", "workload h", "peak agents", "agent-hours", "scheduled h", "FTE", "headcount", "SL", "ASA", "aband.", "missed"],
      rows,
      ["left", "left", "left", "left", "left", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right"],
      QUEUE_TABLE_FIT,
    ),
  );
  // outbound that blending absorbed whole: said on a line of its own (the row's zeros are not a mistake)
  for (const q of plan.queues.filter(blendedAway)) {
    const k = q.queue!;
    lines.push(tr`* ${k.channelClass} ${k.channel} ${k.typology} (L${k.tier}): blended into inbound idle time: no dedicated agent (${grouped(q.workloadHours, 1)} h of work).`);
  }
  if (report === "summary") {
    lines.push(weeksNote(plan));
    if (plan.totals.endBacklogItems !== null && plan.totals.endBacklogItems > 1e-6 && plan.weeks > 1) {
      lines.push(tr`Deferred work waiting at the end (not yet due): ${grouped(plan.totals.endBacklogItems, 0)} items, ${grouped(plan.totals.endBacklogHours ?? 0, 1)} h.`);
    }
    lines.push(
      tr`Headcount = FTE ÷ mean contract, rounded up once: the total line's ${grouped(plan.totals.headcount, 0)} are agents only, rounded from their summed ${grouped(plan.totals.fte, 1)} FTE (not summed from the rounded queues).`,
    );
    lines.push(peopleStory(plan));
    if (plan.organisation.scheduled !== undefined) lines.push(tr`Agents' headcount from weekly shift schedules (--shifts; see ccplan shifts); the queue lines above stay FTE-based.`);
  }
  return terminalText(lines);
}
