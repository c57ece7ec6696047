import type { ForecastRow, QueueKey } from "../plan/forecast.js";
import { queueId } from "../plan/forecast.js";
import { canonicalChannel, CHANNELS } from "./channels.js";
import { mapColumns, type CsvTable } from "./csv-read.js";
import { streamCsv, type CsvHeaderInfo } from "./csv-stream.js";
import { parseDateTime, parseTimeOfDay } from "./datetime.js";
import { minuteOfDay } from "../plan/calendar.js";
import { InputError, problem, shown, type Diagnostic } from "./diagnostics.js";
import { ERLANG_COLUMNS } from "./erlang-fields.js";
import { normalizeHeader } from "./names.js";
import { exceedsLimits, queueLimitProblems } from "./queue-limits.js";
import {
  parseCount,
  parseDuration,
  parseFraction,
  parseNonNegative,
  parsePositive,
  parseServiceLevelTarget,
  thresholdConflict,
  type Parsed,
  type ValueSource,
} from "./values.js";

/** Forecast columns and the header names accepted for each (normalized). */
export const FORECAST_COLUMNS = {
  interval_start: ["interval_start", "start", "datetime", "date_time", "timestamp", "interval", "debut", "debut_intervalle", "horodatage", "periode"],
  date: ["date", "jour", "day"],
  time: ["time", "heure", "start_time", "time_of_day", "tranche", "tranche_horaire", "heure_debut"],
  typology: ["typology", "typologie", "type", "motif", "reason", "contact_reason", "activity", "activite", "skill"],
  channel: ["channel", "canal", "media", "medium"],
  direction: ["direction", "sens", "flow", "flux"],
  volume: [...ERLANG_COLUMNS.volume, "volumes", "nb_appels", "forecast", "prevision", "previsions"],
  aht: [...ERLANG_COLUMNS.aht, "dmt_s", "duree_moyenne_de_traitement"],
  interval_minutes: ["interval_minutes", "interval_min", "interval_length", "duree_intervalle", "pas", "pas_minutes"],
  patience: ERLANG_COLUMNS.patience,
  concurrency: ERLANG_COLUMNS.concurrency,
  deadline: ["deadline", "deadline_s", "delai", "delai_de_reponse", "response_deadline", "delai_reponse"],
  attempts: ["attempts", "dials", "tentatives", "nb_tentatives"],
  contact_rate: ["contact_rate", "taux_de_contact", "right_party_rate", "rpc_rate"],
  dial_time: ["dial_time", "dial_time_s", "temps_de_numerotation"],
  sl_target: ERLANG_COLUMNS.sl_target,
  sl_seconds: ERLANG_COLUMNS.sl_seconds,
  asa_max: ERLANG_COLUMNS.asa_max,
  max_occupancy: ERLANG_COLUMNS.max_occupancy,
  max_abandon: ERLANG_COLUMNS.max_abandon,
} as const;

type Column = keyof typeof FORECAST_COLUMNS;

const DIRECTIONS: Record<string, "inbound" | "outbound"> = {
  inbound: "inbound",
  in: "inbound",
  incoming: "inbound",
  entrant: "inbound",
  entrants: "inbound",
  recu: "inbound",
  outbound: "outbound",
  out: "outbound",
  outgoing: "outbound",
  sortant: "outbound",
  sortants: "outbound",
  emis: "outbound",
};

/** How the forecast is read. */
export interface ForecastReadOptions {
  /** Interval length when the file has no interval_minutes column (else inferred). */
  intervalMin?: number | undefined;
  /** Force the CSV delimiter. */
  delimiter?: string | undefined;
  /** Stop after this many problems (commands that compute); validate keeps going. */
  maxProblems?: number | undefined;
}

/** What was read, besides the rows handed to the visitor. */
export interface ForecastSummary {
  file: string;
  rows: number;
  queues: number;
  encoding: CsvHeaderInfo["encoding"];
  delimiter: string;
  /** Interval length used where rows do not give one, minutes. */
  intervalMin: number;
  /** How `intervalMin` was decided. */
  intervalFrom: "column" | "option" | "inferred";
  firstStartMin: number | undefined;
  lastStartMin: number | undefined;
}

/** Rows looked at before the interval length is inferred from their start times. */
const INFER_FROM_ROWS = 10_000;

/**
 * Read a long-format forecast (SPEC 4.1) as a stream: one row per interval ×
 * queue, validated cell by cell, each good row handed to `visit` in file
 * order. Memory stays flat whatever the file's size (the duplicate check keeps
 * one bit per queue and minute of day).
 *
 * When neither an `interval_minutes` column nor `intervalMin` gives the
 * interval length, it is inferred from the first 10,000 rows: the longest of
 * 60, 30, 20, 15, 10, 5 minutes whose grid holds all (from 10 rows: 98 %) of their starts; rows
 * off that grid are errors (give --interval). Problems are sorted by line.
 *
 * @throws InputError with every problem found (or the first `maxProblems`)
 */
export async function readForecast(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  file: string,
  options: ForecastReadOptions,
  visit: (row: ForecastRow) => void,
): Promise<ForecastSummary> {
  const problems: Diagnostic[] = [];
  const maxProblems = options.maxProblems ?? Infinity;
  let summary: ForecastSummary | undefined;
  const queues = new Map<string, number>();
  const seen = new Map<number, Uint8Array>(); // queue × day → one bit per minute of the day
  let buffered: ForecastRow[] | undefined = [];
  let intervalMin = options.intervalMin;
  let startColumn: number | undefined; // 1-based column of interval_start (or time)

  const report = (d: Diagnostic) => {
    problems.push(d);
    if (problems.length >= maxProblems) throw new InputError(byLine(problems));
  };

  const accept = (row: ForecastRow) => {
    if (exceedsLimits(row)) {
      const where = { file, line: row.line };
      for (const l of queueLimitProblems(row, { volume: { ...where, field: "volume" }, patience: { ...where, field: "patience" }, concurrency: { ...where, field: "concurrency" } })) report(l);
      return;
    }
    if (minuteOfDay(row.startMin) % row.intervalMin !== 0) {
      report(
        problem(
          "INPUT_OFF_GRID",
          `interval start ${formatClock(row.startMin)} is not on the ${row.intervalMin}-minute grid: expected a start at a multiple of ${row.intervalMin} minutes after midnight${
            summary!.intervalFrom === "inferred" ? ` (the interval was inferred from the first rows; give --interval)` : ""
          }`,
          { file, line: row.line, field: "interval_start", ...(startColumn !== undefined ? { column: startColumn } : {}) },
        ),
      );
      return;
    }
    const id = queueId(row);
    let q = queues.get(id);
    if (q === undefined) {
      q = queues.size;
      queues.set(id, q);
    }
    const day = Math.floor(row.startMin / 1440);
    const key = q * 1_000_000 + day;
    let bits = seen.get(key);
    if (bits === undefined) {
      bits = new Uint8Array(180);
      seen.set(key, bits);
    }
    const minute = minuteOfDay(row.startMin);
    if (bits[minute >> 3]! & (1 << (minute & 7))) {
      report(
        problem("INPUT_DUPLICATE_ROW", `a second row for ${describeQueue(row)} at ${formatClock(row.startMin)}: expected one row per interval and queue`, {
          file,
          line: row.line,
        }),
      );
      return;
    }
    bits[minute >> 3]! |= 1 << (minute & 7);
    summary!.rows++;
    summary!.firstStartMin = summary!.firstStartMin === undefined ? row.startMin : Math.min(summary!.firstStartMin, row.startMin);
    summary!.lastStartMin = summary!.lastStartMin === undefined ? row.startMin : Math.max(summary!.lastStartMin, row.startMin);
    if (problems.length === 0) visit(row);
  };

  const flushBuffer = () => {
    if (buffered === undefined) return;
    const rows = buffered;
    buffered = undefined;
    intervalMin = inferInterval(rows);
    summary!.intervalMin = intervalMin;
    for (const r of rows) accept({ ...r, intervalMin: r.intervalMin || intervalMin });
  };

  await streamCsv(chunks, file, { ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}) }, (info) => {
    const table: CsvTable = { file, header: info.header, rows: [], delimiter: info.delimiter, decimalComma: info.decimalComma };
    const { index, diagnostics } = mapColumns<Column>(table, FORECAST_COLUMNS, ["typology", "channel", "volume", "aht"], true);
    if (index.interval_start === undefined && (index.date === undefined || index.time === undefined)) {
      diagnostics.push(
        problem("CSV_MISSING_COLUMN", "missing column interval_start: expected interval_start, or a date and a time column", { file, line: 1, field: "interval_start" }),
      );
    }
    if (diagnostics.length > 0) throw new InputError(diagnostics);
    const startIndex = index.interval_start ?? index.time;
    startColumn = startIndex === undefined ? undefined : startIndex + 1;
    const intervalFrom = index.interval_minutes !== undefined ? "column" : options.intervalMin !== undefined ? "option" : "inferred";
    summary = {
      file,
      rows: 0,
      queues: 0,
      encoding: info.encoding,
      delimiter: info.delimiter,
      intervalMin: options.intervalMin ?? 0,
      intervalFrom,
      firstStartMin: undefined,
      lastStartMin: undefined,
    };
    if (intervalFrom !== "inferred") buffered = undefined;
    const width = info.header.length;
    const comma = info.decimalComma;

    // The current row's cells by column, blank ones absent; one accessor object
    // for all rows, and sources built only for diagnostics.
    let current: string[] = [];
    const given: RowCells = {
      text: (col) => {
        const i = index[col];
        if (i === undefined) return undefined;
        const t = current[i]!;
        return t.trim() === "" ? undefined : t;
      },
      src: (col) => ({ file, line: given.scratch.line, column: index[col]! + 1, field: info.header[index[col]!]! }),
      scratch: { file, line: 0, column: 0, field: "" },
      column: (col) => index[col]! + 1,
      field: (col) => info.header[index[col]!]!,
    };

    return (cells, line) => {
      if (cells.length !== width) {
        report(problem("CSV_FIELD_COUNT", `row has ${cells.length} fields: expected ${width} like the header`, { file, line }));
        return;
      }
      current = cells;
      given.scratch.line = line;
      const row = parseForecastRow(given, line, comma, intervalMin, report);
      if (row === undefined) return;
      if (buffered !== undefined) {
        buffered.push(row);
        if (buffered.length >= INFER_FROM_ROWS) flushBuffer();
        return;
      }
      accept(row);
    };
  });
  if (summary === undefined) throw new InputError([problem("CSV_EMPTY", "the file has no header: expected a header line", { file, line: 1 })]);
  if (buffered !== undefined) flushBuffer();
  if (problems.length > 0) throw new InputError(byLine(problems));
  summary.queues = queues.size;
  return summary;
}

/**
 * The interval length of the first rows: the longest of 60, 30, 20, 15, 10
 * and 5 minutes on whose grid all their starts fall — or, from 10 rows on,
 * all but 2 % (at least one), so that a stray start is reported as off the
 * grid instead of shrinking the interval.
 */
function inferInterval(rows: readonly ForecastRow[]): number {
  const misfitsAllowed = rows.length >= 10 ? Math.max(1, Math.floor(0.02 * rows.length)) : 0;
  for (const candidate of [60, 30, 20, 15, 10, 5]) {
    const misfits = rows.filter((r) => r.startMin % candidate !== 0).length;
    if (misfits <= misfitsAllowed) return candidate;
  }
  return 1;
}

function parseForecastRow(
  given: RowCells,
  line: number,
  comma: boolean,
  intervalMin: number | undefined,
  report: (d: Diagnostic) => void,
): ForecastRow | undefined {
  let bad = false;
  const take = <T>(col: Column, parse: (text: string, src: ValueSource, comma: boolean) => Parsed<T>): T | undefined => {
    const text = given.text(col);
    if (text === undefined) return undefined;
    const src = given.scratch;
    src.column = given.column(col);
    src.field = given.field(col);
    const parsed = parse(text, src, comma);
    if (!parsed.ok) {
      bad = true;
      report(parsed.diagnostic);
      return undefined;
    }
    return parsed.value;
  };
  const require = (col: Column) => {
    if (given.text(col) !== undefined) return true;
    bad = true;
    report(problem("INPUT_MISSING_VALUE", `${col} is blank: expected a value`, { file: given.scratch.file, line, field: col }));
    return false;
  };

  // When
  let startMin: number | undefined;
  const start = given.text("interval_start");
  if (start !== undefined) {
    startMin = parseDateTime(start);
    if (startMin === undefined) {
      bad = true;
      report(
        problem("INPUT_BAD_DATE", `${given.src("interval_start").field}: got ${shown(start)}, expected a date-time such as 2026-11-23T08:30 or 23/11/2026 08:30`, {
          ...given.src("interval_start"),
          value: start,
        }),
      );
    }
  } else if (given.text("date") !== undefined || given.text("time") !== undefined) {
    const date = given.text("date");
    const time = given.text("time");
    if (require("date") && require("time")) {
      const day = parseDateTime(date!);
      const minute = parseTimeOfDay(time!);
      if (day === undefined || minuteOfDay(day) !== 0) {
        bad = true;
        report(problem("INPUT_BAD_DATE", `${given.src("date").field}: got ${shown(date!)}, expected a date such as 2026-11-23 or 23/11/2026`, { ...given.src("date"), value: date! }));
      }
      if (minute === undefined) {
        bad = true;
        report(problem("INPUT_BAD_DATE", `${given.src("time").field}: got ${shown(time!)}, expected a time such as 08:30`, { ...given.src("time"), value: time! }));
      }
      if (day !== undefined && minute !== undefined) startMin = day + minute;
    }
  } else {
    require("interval_start");
  }

  // What
  let typology = given.text("typology")?.trim();
  if (typology !== undefined && /\s\s|[\t\n\r\u00a0]/.test(typology)) typology = typology.replace(/\s+/g, " ");
  if (typology === undefined) require("typology");
  let channel: string | undefined;
  const channelCell = given.text("channel");
  if (channelCell === undefined) require("channel");
  else {
    channel = channelOf(channelCell);
    if (channel === undefined) {
      bad = true;
      report(
        problem("INPUT_UNKNOWN_CHANNEL", `${given.src("channel").field}: got ${shown(channelCell)}, expected one of ${Object.keys(CHANNELS).join(", ")}`, {
          ...given.src("channel"),
          value: channelCell,
        }),
      );
    }
  }
  let direction: "inbound" | "outbound" = "inbound";
  const directionCell = given.text("direction");
  if (directionCell !== undefined) {
    const d = directionOf(directionCell);
    if (d === undefined) {
      bad = true;
      report(problem("INPUT_OUT_OF_RANGE", `${given.src("direction").field}: got ${shown(directionCell)}, expected inbound or outbound`, { ...given.src("direction"), value: directionCell }));
    } else direction = d;
  }

  // How much
  const volume = take("volume", parseNonNegative);
  if (given.text("volume") === undefined) require("volume");
  const ahtSec = take("aht", parsePositiveDuration);
  if (given.text("aht") === undefined) require("aht");
  const rowInterval = take("interval_minutes", parsePositive);
  if (rowInterval !== undefined && (!Number.isInteger(rowInterval) || 1440 % rowInterval !== 0)) {
    bad = true;
    report(
      problem("INPUT_OUT_OF_RANGE", `${given.field("interval_minutes")}: got ${shown(given.text("interval_minutes")!)}, expected a whole number of minutes that divides a day (5, 10, 15, 30, 60…)`, {
        ...given.src("interval_minutes"),
        value: given.text("interval_minutes")!,
      }),
    );
  }
  const patienceSec = take("patience", parsePositiveDuration);
  const concurrency = take("concurrency", parseCount);
  const deadlineSec = take("deadline", parsePositiveDuration);
  const attempts = take("attempts", parseNonNegative);
  const contactRate = take("contact_rate", parseFraction);
  const dialTimeSec = take("dial_time", parseDuration);

  // Targets carried by the row
  let serviceLevel: number | undefined;
  let answerWithinSec = take("sl_seconds", parseDuration);
  const slCell = given.text("sl_target");
  if (slCell !== undefined) {
    const parsed = parseServiceLevelTarget(slCell, given.src("sl_target"), comma);
    if (!parsed.ok) {
      bad = true;
      report(parsed.diagnostic);
    } else {
      serviceLevel = parsed.value.share;
      const conflict = thresholdConflict(slCell, given.src("sl_target"), parsed.value.withinSec, given.text("sl_seconds") === undefined ? "" : given.field("sl_seconds"), answerWithinSec);
      if (conflict !== undefined) {
        bad = true;
        report(conflict);
      }
      answerWithinSec = parsed.value.withinSec ?? answerWithinSec;
    }
  }
  const maxAsaSec = take("asa_max", parseDuration);
  const maxOccupancy = take("max_occupancy", parseFraction);
  const maxAbandonRate = take("max_abandon", parseFraction);

  if (bad || startMin === undefined || typology === undefined || channel === undefined || volume === undefined || ahtSec === undefined) return undefined;
  const interval = rowInterval ?? intervalMin ?? 0; // 0: inferred later
  const channelClass = direction === "outbound" ? "outbound" : CHANNELS[channel]!.channelClass;
  return {
    line,
    startMin,
    intervalMin: interval,
    typology,
    channel,
    direction,
    tier: 1,
    channelClass,
    volume,
    ahtSec,
    patienceSec,
    concurrency,
    deadlineSec,
    attempts,
    contactRate,
    dialTimeSec,
    targets: { serviceLevel, answerWithinSec, maxAsaSec, maxOccupancy, maxAbandonRate },
  };
}

/** One row's cells, by canonical column. */
interface RowCells {
  /** The cell's text, undefined when the column is absent or the cell blank. */
  text(col: Column): string | undefined;
  /** A fresh source for a diagnostic. */
  src(col: Column): ValueSource;
  /** One source reused for every value parsed (values copy it into their diagnostics). */
  scratch: ValueSource & { file: string; line: number };
  column(col: Column): number;
  field(col: Column): string;
}

const parsePositiveDuration = (t: string, s: ValueSource, c: boolean) => parseDuration(t, s, c, true);

function describeQueue(q: QueueKey): string {
  return `${q.typology} / ${q.channel} / ${q.direction}`;
}

function formatClock(startMin: number): string {
  const date = new Date(startMin * 60_000).toISOString();
  return `${date.slice(0, 10)}T${date.slice(11, 16)}`;
}

/** Diagnostics in file order (rows held back to infer the interval report late). */
function byLine(problems: Diagnostic[]): Diagnostic[] {
  return problems
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.line ?? 0) - (b.d.line ?? 0) || (a.d.column ?? 0) - (b.d.column ?? 0) || a.i - b.i)
    .map((x) => x.d);
}

const channelMemo = new Map<string, string | undefined>();
/** {@link canonicalChannel}, remembered per label (a forecast repeats a handful of labels millions of times). */
function channelOf(label: string): string | undefined {
  if (channelMemo.has(label)) return channelMemo.get(label);
  const c = canonicalChannel(label);
  if (channelMemo.size < 10_000) channelMemo.set(label, c);
  return c;
}

const directionMemo = new Map<string, "inbound" | "outbound" | undefined>();
function directionOf(label: string): "inbound" | "outbound" | undefined {
  if (directionMemo.has(label)) return directionMemo.get(label);
  const d = DIRECTIONS[normalizeHeader(label)];
  if (directionMemo.size < 10_000) directionMemo.set(label, d);
  return d;
}
