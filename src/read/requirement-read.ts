import { REQUIREMENT_OWN_COLUMNS } from "./requirement-columns.js";
import { formatDateTime, minuteOfDay } from "../plan/calendar.js";
import { fileKindOf } from "./csv-kind.js";
import { delimiterOption } from "./csv-delimiter.js";
import { mapColumns, missingStartProblem, type CsvTable } from "./csv-read.js";
import { DateOrderVote, spelledDate } from "./date-order.js";
import { parseDateTime, parseTimeOfDay, slashDateFields, type DateOrder } from "./datetime.js";
import { InputError, problem, type Diagnostic } from "./diagnostics.js";
import { FORECAST_CELL_KINDS, FORECAST_COLUMNS } from "./forecast-read.js";
import { headerShape, tableOf, type SheetData } from "./xlsx-table.js";
import { codePointName, invisibleCharacter, quoted } from "./printable.js";
import { FINEST_GRID, GridEvidence, sparseInterval } from "./queue-interval.js";
import { parseIntervalMinutes, parseNonNegative, type ValueSource } from "./values.js";

/**
 * A requirement file (`ccplan shifts --requirement FILE`): the agents each
 * team needs on the floor per interval, from another tool, to be covered by
 * weekly schedules instead of a plan's curve.
 */

/** Requirement columns and the header names accepted for each (normalized). */
const REQUIREMENT_COLUMNS = {
  interval_start: FORECAST_COLUMNS.interval_start,
  date: FORECAST_COLUMNS.date,
  time: FORECAST_COLUMNS.time,
  agents: REQUIREMENT_OWN_COLUMNS.agents,
  team: REQUIREMENT_OWN_COLUMNS.team,
  interval_minutes: FORECAST_COLUMNS.interval_minutes,
} as const;

type Column = keyof typeof REQUIREMENT_COLUMNS;

/** A requirement's header: agents and a start (interval_start, or a date and a time), so that a workbook's header is found below a title. */
const REQUIREMENT_HEADER = headerShape(REQUIREMENT_COLUMNS, ["agents"], (has) => has("interval_start") || (has("date") && has("time")));

/** The team of a file without a `team` column. */
const SINGLE_TEAM = "all";

/** A requirement as read: agents needed per interval of each team. */
export interface Requirement {
  /** Interval length of every row, minutes (a divisor of 60). */
  gridMin: number;
  /** By team name (code-unit order), each team's rows by time. */
  teams: RequirementTeam[];
}

export interface RequirementTeam {
  team: string;
  /** `startMin`: minutes since 1970-01-01T00:00 of the file's own clock (as a forecast's rows); `agents` ≥ 0, fractional allowed. */
  rows: { startMin: number; agents: number }[];
}

/** How a requirement file is read. */
export interface RequirementReadOptions {
  /** Force the CSV delimiter (a character, or a name that `--delimiter` accepts: `tab`, `semicolon`…). */
  delimiter?: string | undefined;
  /** How `a/b/yyyy` dates read (default: decided from the data, as for a forecast). */
  dateFormat?: DateOrder | undefined;
  /** Interval length, minutes, for a file without `interval_minutes` (and its blank cells); default: inferred per team. */
  intervalMin?: number | undefined;
}

/** One good row before its date is read (the date order may depend on later rows). */
interface RawRow {
  line: number;
  /** The date or date-time text, and the minute of day from a `time` column (0 with `interval_start`). */
  dayText: string;
  timeMin: number;
  agents: number;
  team: string;
  /** From the `interval_minutes` cell (or the option for a blank one); undefined: inferred. */
  intervalMin: number | undefined;
}

/** A row with its start. */
interface Row extends Omit<RawRow, "dayText" | "timeMin"> {
  startMin: number;
}

/** Where each column of the file is, for the diagnostics. */
interface Layout {
  file: string;
  table: CsvTable;
  index: Partial<Record<Column, number>>;
}

/**
 * Read a requirement CSV: `interval_start` (or `date` and `time`), `agents`
 * (agents needed on the floor, before in-shift shrinkage; ≥ 0, fractional
 * allowed), optional `team` (else one team, {@link SINGLE_TEAM}) and
 * optional `interval_minutes`. Spreadsheet exports are read as forecasts are:
 * encoding detected (UTF-8, Windows-1252, UTF-16), delimiter `,` `;` or tab,
 * decimal comma in `;` files, `a/b/yyyy` dates dd/mm or mm/dd decided from
 * the data (a field above 12, else the spacing of the rows; never guessed).
 *
 * Each team's rows are on one grid: its `interval_minutes` (one value per
 * team: a second value is INPUT_CONFLICT), else `options.intervalMin`, else
 * the team's own spacing (as a forecast queue's: the longest of 60, 30, 20,
 * 15, 10, 5 minutes on which its starts fall); a divisor of 60 minutes.
 * Teams of different grids are put on their common grid (`gridMin`, the
 * greatest common divisor), a row of a longer interval repeated for each of
 * its shorter intervals (agents on the floor are a level, not a volume: a
 * 30-minute row of 5 agents is two 15-minute rows of 5). An interval absent
 * from the file needs 0 agents.
 *
 * A workbook's sheet (read by loadSheet in xlsx-table.ts) is read the same
 * way, its date cells as a forecast's, its diagnostics naming sheet and cell.
 *
 * Every problem is reported, with line and column: a bad cell, a start off
 * its team's grid (INPUT_OFF_GRID), a second row for a team and start
 * (INPUT_DUPLICATE_ROW, naming the first line), dates that read two ways
 * (INPUT_AMBIGUOUS_DATE).
 *
 * @throws InputError with every problem, in line order
 */
export function readRequirement(bytes: Uint8Array | SheetData, file: string, options: RequirementReadOptions = {}): Requirement {
  const interval = options.intervalMin;
  if (interval !== undefined && !(Number.isInteger(interval) && interval > 0 && 60 % interval === 0)) {
    throw new InputError([problem("USAGE_BAD_OPTION", `--interval: got ${interval}, expected a divisor of an hour (5, 10, 15, 20, 30 or 60 minutes) for a requirement`, { field: "--interval", value: String(interval) })]);
  }
  // a workbook's sheet (loadSheet in xlsx-table.ts): its date and time cells as a forecast's
  const { table, scope } = tableOf(bytes, file, { delimiter: delimiterOption(options.delimiter) }, { kinds: FORECAST_CELL_KINDS, header: REQUIREMENT_HEADER });
  return scope.runSync(() => requirementOf(table, file, options));
}

function requirementOf(table: CsvTable, file: string, options: RequirementReadOptions): Requirement {
  const layout = columnsOf(table, file);
  if (table.rows.length === 0) {
    const line = table.headerLine ?? 1;
    throw new InputError([problem("CSV_NO_DATA", `no data rows: the header on line ${line} is followed by nothing but blank lines, expected one row per interval`, { file, line })]);
  }
  const problems: Diagnostic[] = [];
  const raw = table.rows.flatMap(({ line, cells }) => {
    const r = readRow(layout, line, cells, options, problems);
    return r === undefined ? [] : [r];
  });
  const rows = datedRows(layout, raw, options.dateFormat, problems);
  const teams = teamGrids(layout, rows, options.intervalMin, problems);
  if (problems.length > 0) throw new InputError(problems.sort(byLine));
  return onCommonGrid(teams);
}

/** The column map, or the header's problems (with the file kind when it is plainly another of ccplan's files). */
function columnsOf(table: CsvTable, file: string): Layout {
  const { index, diagnostics } = mapColumns<Column>(table, REQUIREMENT_COLUMNS, ["agents"], true);
  if (index.interval_start === undefined && (index.date === undefined || index.time === undefined)) {
    diagnostics.push(missingStartProblem(file, table.headerLine, REQUIREMENT_COLUMNS));
  }
  if (diagnostics.length === 0) return { file, table, index };
  const kind = fileKindOf(table.header);
  if (kind !== undefined) {
    throw new InputError([
      problem("CSV_WRONG_KIND", `this looks like ${kind === "erlang-cases" ? "an erlang batch" : `a ${kind}`}, not a requirement (interval_start, agents, team): give a forecast as ccplan shifts FORECAST, or a curve of agents as --requirement`, {
        file,
        line: table.headerLine ?? 1,
      }),
    ]);
  }
  throw new InputError(diagnostics);
}

/** A row's cells, or undefined after reporting what is wrong with them. */
function readRow(layout: Layout, line: number, cells: string[], options: RequirementReadOptions, problems: Diagnostic[]): RawRow | undefined {
  const { file, table, index } = layout;
  if (cells.length !== table.header.length) {
    problems.push(problem("CSV_FIELD_COUNT", `row has ${cells.length} fields: expected ${table.header.length} like the header`, { file, line }));
    return undefined;
  }
  const src = (col: Column): ValueSource => ({ file, line, column: index[col]! + 1, field: table.header[index[col]!]! });
  const text = (col: Column) => (index[col] === undefined ? undefined : cells[index[col]!]!.trim());
  const before = problems.length;
  const missing = (col: Column, expected: string) => problems.push(problem("INPUT_MISSING_VALUE", `${src(col).field} is blank: expected ${expected}`, { ...src(col), value: "" }));

  const dayCol: Column = index.interval_start !== undefined ? "interval_start" : "date";
  const dayText = text(dayCol) ?? "";
  if (dayText === "") missing(dayCol, dayCol === "date" ? "a date" : "a date-time");
  let timeMin = 0;
  if (dayCol === "date") {
    const time = text("time") ?? "";
    const minute = parseTimeOfDay(time);
    if (time === "") missing("time", "a time such as 08:30");
    else if (minute === undefined) problems.push(problem("INPUT_BAD_DATE", `${src("time").field}: got ${quoted(time)}, expected a time such as 08:30`, { ...src("time"), value: time }));
    else timeMin = minute;
  }

  const agentsText = text("agents") ?? "";
  const agents = agentsText === "" ? undefined : parseNonNegative(agentsText, src("agents"), table.decimalComma);
  if (agents === undefined) missing("agents", "the agents needed (0 or more)");
  else if (!agents.ok) problems.push(agents.diagnostic);

  let team = SINGLE_TEAM;
  if (index.team !== undefined) {
    team = text("team")!.replace(/\s+/g, " ");
    const bad = invisibleCharacter(team);
    if (team === "") missing("team", "the team's name");
    else if (bad !== undefined) {
      problems.push(
        problem("INPUT_BAD_NAME", `${src("team").field}: got ${quoted(team)}, with an invisible character (${codePointName(bad.codePoint)}) at position ${bad.index + 1}: expected visible characters only — remove it`, {
          ...src("team"),
          value: team,
        }),
      );
    }
  }

  let intervalMin = options.intervalMin;
  const intervalText = text("interval_minutes");
  if (intervalText !== undefined && intervalText !== "") {
    const p = parseIntervalMinutes(intervalText, src("interval_minutes"), table.decimalComma);
    if (!p.ok) problems.push(p.diagnostic);
    else if (60 % p.value !== 0) {
      problems.push(problem("INPUT_OUT_OF_RANGE", `${src("interval_minutes").field}: got ${quoted(intervalText)}, expected a divisor of an hour (5, 10, 15, 20, 30 or 60 minutes)`, { ...src("interval_minutes"), value: intervalText }));
    } else intervalMin = p.value;
  } else if (intervalText !== undefined && intervalMin === undefined) {
    missing("interval_minutes", "the interval length in minutes (15, 30, 60…)");
  }
  if (problems.length > before || agents === undefined || !agents.ok) return undefined;
  return { line, dayText, timeMin, agents: agents.value, team, intervalMin };
}

/**
 * The rows with their starts, `a/b/yyyy` dates read in the file's order:
 * `order` when given; else the first date with a field above 12 decides
 * (a later date that reads only the other way is INPUT_AMBIGUOUS_DATE);
 * else the spacing of the rows ({@link DateOrderVote}); else the file
 * cannot tell (INPUT_AMBIGUOUS_DATE).
 */
function datedRows(layout: Layout, raw: RawRow[], order: DateOrder | undefined, problems: Diagnostic[]): Row[] {
  const { file, table, index } = layout;
  const dayIndex = index.interval_start ?? index.date!;
  const where = (r: RawRow) => ({ file, line: r.line, column: dayIndex + 1, field: table.header[dayIndex]!, value: r.dayText });
  let from: "option" | "values" | "spacing" = "option";
  let decidedBy: RawRow | undefined;
  if (order === undefined) {
    decidedBy = raw.find((r) => {
      const f = slashDateFields(r.dayText);
      return f !== undefined && f[0] > 12 !== f[1] > 12;
    });
    if (decidedBy !== undefined) {
      order = slashDateFields(decidedBy.dayText)![0] > 12 ? "dmy" : "mdy";
      from = "values";
    }
  }
  const twoWays = raw.filter((r) => slashDateFields(r.dayText) !== undefined && parseDateTime(r.dayText, "dmy") !== undefined && parseDateTime(r.dayText, "mdy") !== undefined);
  if (order === undefined && twoWays.length > 0) {
    const vote = new DateOrderVote();
    for (const r of twoWays) vote.add(Math.floor(parseDateTime(r.dayText, "dmy")! / 1440), Math.floor(parseDateTime(r.dayText, "mdy")! / 1440));
    order = vote.verdict(true);
    from = "spacing";
    if (order === undefined) {
      const r = twoWays[0]!;
      const dmy = Math.floor(parseDateTime(r.dayText, "dmy")! / 1440);
      const mdy = Math.floor(parseDateTime(r.dayText, "mdy")! / 1440);
      problems.push(
        problem(
          "INPUT_AMBIGUOUS_DATE",
          `${where(r).field}: dates such as ${quoted(r.dayText)} read as ${spelledDate(dmy)} (dd/mm) or ${spelledDate(mdy)} (mm/dd), and no date of the file tells which (none has a day above 12, and they do not follow each other): expected --date-format dmy or --date-format mdy`,
          where(r),
        ),
      );
      return [];
    }
  }
  const rows: Row[] = [];
  for (const r of raw) {
    const minutes = parseDateTime(r.dayText, order ?? "dmy");
    const dateOnly = index.interval_start === undefined;
    if (minutes !== undefined && (!dateOnly || minuteOfDay(minutes) === 0)) {
      const { dayText: _, timeMin, ...rest } = r;
      rows.push({ ...rest, startMin: minutes + timeMin });
      continue;
    }
    const other = order === "mdy" ? "dmy" : "mdy";
    if (from === "values" && slashDateFields(r.dayText) !== undefined && parseDateTime(r.dayText, other) !== undefined) {
      problems.push(
        problem(
          "INPUT_AMBIGUOUS_DATE",
          `${where(r).field}: got ${quoted(r.dayText)}, which reads only as ${other === "dmy" ? "dd/mm" : "mm/dd"}, but line ${decidedBy!.line} has ${quoted(decidedBy!.dayText)}, which reads only as ${order === "dmy" ? "dd/mm" : "mm/dd"}: expected one date format in a file — fix the rows, or give --date-format dmy or mdy`,
          where(r),
        ),
      );
      continue;
    }
    const example = dateOnly ? "2026-11-23 or 23/11/2026" : "2026-11-23T08:30 or 23/11/2026 08:30";
    problems.push(problem("INPUT_BAD_DATE", `${where(r).field}: got ${quoted(r.dayText)}, expected a ${dateOnly ? "date" : "date-time"} such as ${example}${order === "mdy" ? " (month first in this file)" : ""}`, where(r)));
  }
  return rows;
}

/** Each team's rows, on its grid, checked: one interval per team, starts on it, one row per start. */
function teamGrids(layout: Layout, rows: Row[], optionMin: number | undefined, problems: Diagnostic[]): Map<string, { intervalMin: number; rows: Row[] }> {
  const byTeam = new Map<string, Row[]>();
  for (const r of rows) {
    const list = byTeam.get(r.team);
    if (list === undefined) byTeam.set(r.team, [r]);
    else list.push(r);
  }
  const out = new Map<string, { intervalMin: number; rows: Row[] }>();
  const dense = new Set<number>();
  const sparse: [string, Row[], number][] = [];
  for (const [team, list] of byTeam) {
    const written = list.find((r) => r.intervalMin !== undefined);
    if (written !== undefined) {
      out.set(team, { intervalMin: givenInterval(layout, team, list, written, problems), rows: list });
      continue;
    }
    if (optionMin !== undefined) {
      out.set(team, { intervalMin: optionMin, rows: list });
      continue;
    }
    const evidence = new GridEvidence();
    const fine = list.filter((r) => {
      if (minuteOfDay(r.startMin) % FINEST_GRID === 0) return true;
      problems.push(problem("INPUT_OFF_GRID", `interval start ${formatDateTime(r.startMin)} is on no grid of ${FINEST_GRID} minutes or more: expected starts at whole multiples of the interval; give an interval_minutes column if the intervals really are shorter`, startWhere(layout, r)));
      return false;
    });
    for (const r of fine) evidence.add(r.startMin);
    const grid = evidence.grid();
    if (evidence.dense(grid)) {
      dense.add(grid);
      out.set(team, { intervalMin: grid, rows: fine });
    } else sparse.push([team, fine, grid]);
  }
  for (const [team, list, grid] of sparse) {
    const interval = sparseInterval(grid, dense);
    if (interval === undefined) {
      problems.push(
        problem(
          "INPUT_AMBIGUOUS_INTERVAL",
          `the interval of team ${quoted(team)} cannot be told: its rows start on a ${grid}-minute grid but no two are ${grid} minutes apart, and the file's other teams use ${[...dense].sort((a, b) => a - b).join(" and ")} minutes: expected an interval_minutes column`,
          startWhere(layout, list[0]!),
        ),
      );
      continue;
    }
    out.set(team, { intervalMin: interval, rows: list });
  }
  for (const [team, t] of out) t.rows = checkedRows(layout, team, t.intervalMin, t.rows, problems);
  return out;
}

/** The one interval length of a team's `interval_minutes` cells; each other value is INPUT_CONFLICT. */
function givenInterval(layout: Layout, team: string, list: Row[], first: Row, problems: Diagnostic[]): number {
  const col = layout.index.interval_minutes;
  for (const r of list) {
    if (r.intervalMin === first.intervalMin) continue;
    const where = { file: layout.file, line: r.line, field: col === undefined ? "interval_minutes" : layout.table.header[col]!, ...(col === undefined ? {} : { column: col + 1 }), value: String(r.intervalMin) };
    problems.push(
      problem("INPUT_CONFLICT", `${where.field}: got ${r.intervalMin} for team ${quoted(team)}, but line ${first.line} has ${first.intervalMin}: expected one interval length per team`, where),
    );
  }
  return first.intervalMin!;
}

/** A team's rows on its grid and once per start (INPUT_OFF_GRID, INPUT_DUPLICATE_ROW otherwise), by time. */
function checkedRows(layout: Layout, team: string, intervalMin: number, rows: Row[], problems: Diagnostic[]): Row[] {
  const seen = new Map<number, number>();
  const out: Row[] = [];
  for (const r of rows) {
    if (minuteOfDay(r.startMin) % intervalMin !== 0) {
      problems.push(problem("INPUT_OFF_GRID", `interval start ${formatDateTime(r.startMin)} is not on the ${intervalMin}-minute grid of team ${quoted(team)}: expected a start at a multiple of ${intervalMin} minutes after midnight`, startWhere(layout, r)));
      continue;
    }
    const first = seen.get(r.startMin);
    if (first !== undefined) {
      problems.push(problem("INPUT_DUPLICATE_ROW", `a second row for team ${quoted(team)} at ${formatDateTime(r.startMin)}, after line ${first}: expected one row per interval and team`, { file: layout.file, line: r.line }));
      continue;
    }
    seen.set(r.startMin, r.line);
    out.push(r);
  }
  return out.sort((a, b) => a.startMin - b.startMin);
}

/** The teams on their common grid, by name, a longer interval's row repeated over its shorter ones. */
function onCommonGrid(teams: Map<string, { intervalMin: number; rows: Row[] }>): Requirement {
  let gridMin = 0;
  for (const t of teams.values()) gridMin = gcd(gridMin, t.intervalMin);
  const names = [...teams.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    gridMin,
    teams: names.map((team) => {
      const { intervalMin, rows } = teams.get(team)!;
      const parts = intervalMin / gridMin;
      return { team, rows: rows.flatMap((r) => Array.from({ length: parts }, (_, k) => ({ startMin: r.startMin + k * gridMin, agents: r.agents }))) };
    }),
  };
}

function startWhere(layout: Layout, r: Row) {
  const i = layout.index.interval_start ?? layout.index.time!;
  return { file: layout.file, line: r.line, column: i + 1, field: layout.table.header[i]! };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function byLine(a: Diagnostic, b: Diagnostic): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
