/**
 * What a column of a workbook holds, which decides its number format:
 * numbers stay numbers (unrounded), the format only rounds what Excel shows.
 * - `text`, `boolean`, `general`: no number format (`general` is a number
 *   no rule below names: the tests keep every column of ccplan's tables off it);
 * - `integer` (`#,##0`: headcount, counts, levels), `decimal1`…`decimal3`
 *   (`#,##0.0`…), `fte` (`#,##0.00`), `money` (`#,##0`, costs in the
 *   scenario's currency), `hours` (`#,##0.0`), `seconds` (`0.0`);
 * - `percent` (`0.0%`): shares kept as fractions 0..1, as in the JSON;
 * - `date` (`yyyy-mm-dd`) and `date-time` (`yyyy-mm-dd hh:mm`): real Excel
 *   dates, written from the reports' ISO text (`2027-01-04T08:30`) on the
 *   file's own clock (no time zone is applied).
 */
export type XlsxKind =
  | "text"
  | "boolean"
  | "general"
  | "integer"
  | "decimal1"
  | "decimal2"
  | "decimal3"
  | "fte"
  | "money"
  | "hours"
  | "seconds"
  | "percent"
  | "date"
  | "date-time";

/** Excel number format of each kind (undefined: none, Excel's General). */
export const NUMBER_FORMATS: Readonly<Record<XlsxKind, string | undefined>> = {
  text: undefined,
  boolean: undefined,
  general: undefined,
  integer: "#,##0",
  decimal1: "#,##0.0",
  decimal2: "#,##0.00",
  decimal3: "#,##0.000",
  fte: "#,##0.00",
  money: "#,##0",
  hours: "#,##0.0",
  seconds: "0.0",
  percent: "0.0%",
  date: "yyyy-mm-dd",
  "date-time": "yyyy-mm-dd hh:mm",
};

/** Columns whose name says it all. */
const BY_NAME: Readonly<Record<string, XlsxKind>> = {
  interval_start: "date-time",
  week_start: "date",
  date: "date",
  month: "text",
  week: "date",
  volume: "decimal1",
  intervals: "integer",
  missed_intervals: "integer",
  weeks: "integer",
  partial_weeks: "integer",
  tier: "integer",
  level: "integer",
  queues: "integer",
  skills_per_person: "integer",
  team_leads: "integer",
  holders: "integer",
  count: "integer",
  hires: "integer",
  trainings: "integer",
  hires_after_training: "integer",
  ignored_skills: "integer",
  line: "integer",
  step: "integer",
  rank: "integer",
  solo_hires: "integer",
  shared_hires: "integer",
  interval_minutes: "integer",
  interval_min: "integer",
  concurrency: "integer",
  servers: "integer",
  agents: "decimal2",
  scheduled: "decimal2",
  people: "decimal2",
  traffic_erlangs: "decimal2",
  blended_erlangs: "decimal2",
  peak_agents: "decimal1",
  agents_peak: "decimal1",
  peak_short_agents: "decimal1",
  backlog: "decimal1",
  end_backlog_items: "decimal1",
  oldest_age_min: "decimal1",
  required: "decimal2",
  on_floor: "decimal2",
  over: "decimal2",
  under: "decimal2",
  value: "decimal2",
  cost_per_contact: "decimal2",
  saving_over_years: "money",
  service_level: "percent",
  abandon_rate: "percent",
  occupancy: "percent",
  efficiency: "percent",
  prob_wait: "percent",
  sl_target: "percent",
  max_occupancy: "percent",
  max_abandon: "percent",
  mip_gap: "percent",
  shrinkage: "percent",
  contract_fraction: "percent",
};

/** `asaSec` → `asa_sec` (the erlang report's columns are camelCase). */
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The kind of a report column, from its CSV name: ccplan's names carry
 * their unit (`_sec`, `_hours`, `_fte`, `headcount`, `_cost`), so one rule
 * per unit formats every table; a few names are listed one by one, and a
 * `delta_…` is in the unit of what it is the difference of.
 * @example columnKind("asa_sec") // "seconds"; columnKind("scheduled_hours") // "hours"
 */
export function columnKind(name: string): XlsxKind {
  const n = snake(name);
  const named = BY_NAME[n];
  if (named !== undefined) return named;
  // a difference is in the unit of what it is the difference of
  if (n.startsWith("delta_")) return columnKind(n.slice("delta_".length));
  if (/(^|_)headcount($|_)/.test(n)) return "integer";
  if (/(^|_)fte$/.test(n) || /^fte_/.test(n)) return "fte";
  if (/(^|_)hours($|_)/.test(n)) return "hours";
  if (/_(sec|seconds)$/.test(n)) return "seconds";
  if (/(^|_)cost($|_)/.test(n)) return "money";
  if (/(^|_)(rate|share)$/.test(n)) return "percent";
  return "general";
}
