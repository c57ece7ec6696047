import type { ChannelClass, ForecastRow, QueueKey } from "../plan/forecast.js";
import { QueueMap } from "../plan/forecast.js";
import { canonicalChannel, CHANNELS } from "./channels.js";
import { mapColumns, missingStartProblem, type CsvTable } from "./csv-read.js";
import type { CsvHeaderInfo, CsvRowHandler } from "./csv-stream.js";
import { isoMinutesAt, parseDateTime, parseTimeOfDay, slashDateFields, type DateOrder } from "./datetime.js";
import { minuteOfDay } from "../plan/calendar.js";
import { typologyKey } from "../plan/scenario.js";
import { DateOrderVote, spelledDate } from "./date-order.js";
import { DaySpan } from "./date-outliers.js";
import { repeatedHour } from "./daylight-saving.js";
import { InputError, problem, warning, type Diagnostic } from "./diagnostics.js";
import { AHT_MAX_SEC, AHT_MIN_SEC, minutesSeconds, PATIENCE_MAX_SEC, Plausibility, secondsText } from "./plausibility.js";
import { codePointName, escaped, invisibleCharacter, quoted } from "./printable.js";
import { FINEST_GRID, GridEvidence, sparseInterval } from "./queue-interval.js";
import { ERLANG_COLUMNS } from "./erlang-fields.js";
import { normalizeHeader } from "./names.js";
import type { ColumnKinds } from "./xlsx-cells.js";
import { headerShape, SheetScope, streamTable } from "./xlsx-table.js";
import { exceedsLimits, queueLimitProblems } from "./queue-limits.js";
import {
  parseCount,
  parseDuration,
  parseFraction,
  parseIntervalMinutes,
  parseNonNegative,
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

/** A forecast's header: a queue, volume and AHT, and a start (interval_start, or a date and a time), so that a workbook's header is found below a title. */
const FORECAST_HEADER = headerShape(FORECAST_COLUMNS, ["typology", "channel", "volume", "aht"], (has) => has("interval_start") || (has("date") && has("time")));

/** The forecast columns whose workbook cells are dates or times (see cellText in xlsx-cells.ts): every other cell reads as its number or text. */
export const FORECAST_CELL_KINDS: ColumnKinds = { datetime: FORECAST_COLUMNS.interval_start, date: FORECAST_COLUMNS.date, time: FORECAST_COLUMNS.time };

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
  /** Interval length when the file has no interval_minutes column (else inferred per queue); also fills blank interval_minutes cells. */
  intervalMin?: number | undefined;
  /** Force the CSV delimiter (not used for a workbook). */
  delimiter?: string | undefined;
  /** A workbook's sheet to read (default: the first visible one); for a CSV file a warning says it is not used. */
  sheet?: string | undefined;
  /** The option that named the sheet, for messages (default `--sheet`). */
  sheetOption?: string | undefined;
  /** Stop after this many problems (commands that compute); validate keeps going. */
  maxProblems?: number | undefined;
  /** How `a/b/yyyy` dates read: `dmy` (23/11/2026) or `mdy` (11/23/2026); default: decided from the data. */
  dateFormat?: DateOrder | undefined;
  /** Dates far from the rest of the file are meant (no INPUT_DATE_OUTLIER). */
  allowGaps?: boolean | undefined;
  /** Called with each warning once the file is read (they are in the summary too). */
  onWarning?: ((d: Diagnostic) => void) | undefined;
}

/** What was read, besides the rows handed to the visitor. */
export interface ForecastSummary {
  file: string;
  rows: number;
  queues: number;
  encoding: CsvHeaderInfo["encoding"];
  /** The CSV delimiter ("" for a workbook). */
  delimiter: string;
  /** The workbook's sheet read; absent for a CSV file. */
  sheet?: string;
  /** Interval length where rows do not give one, minutes (inferred per queue: the shortest). */
  intervalMin: number;
  /** How `intervalMin` was decided. */
  intervalFrom: "column" | "option" | "inferred";
  firstStartMin: number | undefined;
  lastStartMin: number | undefined;
  /** How `a/b/yyyy` dates were read, and what decided it (undefined: the file has none). */
  dateFormat: DateOrder | undefined;
  dateFormatFrom: "option" | "values" | "spacing" | undefined;
  /** Warnings (the file is read, but a value looks wrong): INPUT_IMPLAUSIBLE… */
  warnings: Diagnostic[];
}

/** Rows of a queue looked at before its interval length is decided from their start times. */
const DECIDE_INTERVAL_ROWS = 48;
/** Rows held at most, in all, while queue intervals are inferred; then the oldest row's queue decides with what it has. */
const MAX_HELD_ROWS = 20_000;
/** Rows held at most while a file's dates read both as dd/mm and mm/dd. */
const DATE_HOLD_ROWS = 200_000;

/** One queue of the file: its interval, the rows held until it is known, and which minutes its rows cover. */
interface QueueState {
  /** A row of the queue, to name it. */
  first: ForecastRow;
  /** Interval length, minutes; 0 while undecided. */
  intervalMin: number;
  evidence: GridEvidence | undefined;
  /** The grid of a sparse queue's starts (it took `intervalMin` from the dense queues). */
  sparseGrid: number;
  /** Minutes per slot of `days` (0 until the first row). */
  res: number;
  /** Day since the epoch → the line of the row starting in each slot (+line) or covering it (−line). */
  days: Map<number, Int32Array>;
  lastDay: number;
  lastSlots: Int32Array | undefined;
}

/**
 * Read a long-format forecast (SPEC 4.1) as a stream: one row per interval ×
 * queue, validated cell by cell, each good row handed to `visit` in file
 * order. Memory stays flat whatever the file's size: per queue and day one
 * line number per interval slot (to name both lines of a duplicate or an
 * overlap), per day one line, and rows held while the intervals of their
 * queues are inferred (48 rows of each queue, {@link MAX_HELD_ROWS} in all)
 * or while dd/mm vs mm/dd is undecided ({@link DATE_HOLD_ROWS}).
 *
 * What is refused (InputError, every problem or the first `maxProblems`,
 * sorted by line) beyond bad cells:
 * - a date far from the rest of the file (INPUT_DATE_OUTLIER, see
 *   {@link DaySpan}) unless `allowGaps`;
 * - `a/b/yyyy` dates that mix dd/mm and mm/dd, or that read both ways with
 *   nothing in the file to tell (INPUT_AMBIGUOUS_DATE); otherwise a first
 *   field above 12 says dd/mm, a second above 12 mm/dd, and else the
 *   spacing of consecutive rows decides ({@link DateOrderVote});
 * - a second row for a queue and start (INPUT_DUPLICATE_ROW, naming the
 *   first line), rows of one queue that overlap (INPUT_OVERLAP), and on the
 *   night of an autumn daylight-saving change (INPUT_DAYLIGHT_SAVING);
 *   typologies that differ only by case, accents or apostrophes are one
 *   queue, shown with the first spelling seen;
 * - names with control or invisible characters (INPUT_BAD_NAME);
 * - starts off the interval's grid (INPUT_OFF_GRID), and queues whose
 *   interval cannot be told (INPUT_AMBIGUOUS_INTERVAL, see
 *   {@link GridEvidence}): without an `interval_minutes` column nor
 *   `intervalMin`, each queue's interval is inferred from its own starts.
 *
 * Implausible values (an AHT under 10 s…) are warnings: in the summary, and
 * passed to `onWarning`.
 *
 * An `.xlsx` workbook is read too (told by its content): the sheet
 * `options.sheet` or the first, streamed, with the same rules; its date
 * cells, times of day and durations read as Excel stores them (see
 * {@link FORECAST_CELL_KINDS}), and every diagnostic names its sheet, row
 * and column (`forecast.xlsx:Prévisions!B14`).
 *
 * @throws InputError
 */
export async function readForecast(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  file: string,
  options: ForecastReadOptions,
  visit: (row: ForecastRow) => void,
): Promise<ForecastSummary> {
  const scope = new SheetScope(file, options.maxProblems);
  const onWarning = options.onWarning;
  const stamped = onWarning === undefined ? {} : { onWarning: (d: Diagnostic) => onWarning(scope.stamp(d)) };
  return scope.run(() => readForecastIn(chunks, file, { ...options, ...stamped }, visit, scope), (summary) => summary.warnings);
}

async function readForecastIn(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  file: string,
  options: ForecastReadOptions,
  visit: (row: ForecastRow) => void,
  scope: SheetScope,
): Promise<ForecastSummary> {
  const problems: Diagnostic[] = [];
  const maxProblems = options.maxProblems ?? Infinity;
  let summary: ForecastSummary | undefined;
  const queues = new QueueMap<QueueState>();
  const denseIntervals = new Set<number>();
  const sparseQueues: QueueState[] = [];
  const daySpan = new DaySpan();
  const ctx: ParseContext = {
    file,
    comma: false,
    intervalMin: options.intervalMin,
    intervalColumn: false,
    dateOrder: options.dateFormat,
    dateFrom: options.dateFormat === undefined ? undefined : "option",
    decidedBy: undefined,
    alt: undefined,
    justDecided: false,
    names: new NameBook(),
    plausibility: new Plausibility(),
    report: (d) => report(d),
  };
  let inferred = false; // the interval is inferred per queue
  let startColumn: number | undefined; // 1-based column of interval_start (or time)
  let dayColumn: number | undefined; // 1-based column of interval_start (or date)
  let dayField = "interval_start";
  let dateHold: { row: ForecastRow; alt: number }[] = [];
  const vote = new DateOrderVote();

  const report = (d: Diagnostic) => {
    problems.push(d);
    if (problems.length >= maxProblems) throw new InputError(byLine(problems));
  };
  const startWhere = (line: number) => ({ file, line, field: "interval_start", ...(startColumn !== undefined ? { column: startColumn } : {}) });

  /** Where the cells that the queue limits check sit (set with the header): their column and header name. */
  let limitCells: (col: "volume" | "patience" | "concurrency", line: number) => { file: string; line: number; field: string; column?: number } = (col, line) => ({ file, line, field: col });
  const accept = (row: ForecastRow, q: QueueState) => {
    if (exceedsLimits(row)) {
      const at = (col: "volume" | "patience" | "concurrency") => limitCells(col, row.line);
      for (const l of queueLimitProblems(row, { volume: at("volume"), concurrency: at("concurrency") })) report(l);
      return;
    }
    const minute = minuteOfDay(row.startMin);
    if (minute % row.intervalMin !== 0) {
      report(
        problem(
          "INPUT_OFF_GRID",
          `interval start ${formatClock(row.startMin)} is not on the ${row.intervalMin}-minute grid: expected a start at a multiple of ${row.intervalMin} minutes after midnight${
            inferred ? ` (the interval of ${describeQueue(q.first)} was inferred from its rows; give --interval or an interval_minutes column)` : ""
          }`,
          startWhere(row.line),
        ),
      );
      return;
    }
    // Which minutes of the day the row covers, one slot per `res` minutes.
    if (q.res === 0 || row.intervalMin % q.res !== 0) rescale(q, q.res === 0 ? row.intervalMin : gcd(q.res, row.intervalMin));
    const day = Math.floor(row.startMin / 1440);
    let slots = q.lastDay === day ? q.lastSlots! : q.days.get(day);
    if (slots === undefined) q.days.set(day, (slots = new Int32Array(1440 / q.res)));
    q.lastDay = day;
    q.lastSlots = slots;
    const s0 = minute / q.res;
    const s1 = s0 + row.intervalMin / q.res;
    for (let s = s0; s < s1; s++) {
      const other = slots[s]!;
      if (other === 0) continue;
      report(collision(row, q, other, s === s0 && other > 0));
      return;
    }
    slots[s0] = row.line;
    for (let s = s0 + 1; s < s1; s++) slots[s] = -row.line;
    daySpan.add(day, row.line);
    summary!.rows++;
    summary!.firstStartMin = summary!.firstStartMin === undefined ? row.startMin : Math.min(summary!.firstStartMin, row.startMin);
    summary!.lastStartMin = summary!.lastStartMin === undefined ? row.startMin : Math.max(summary!.lastStartMin, row.startMin);
    if (problems.length === 0) visit(row);
  };

  /** The diagnostic for `row` meeting the row of line `other` (+: starting in that slot, −: covering it). */
  const collision = (row: ForecastRow, q: QueueState, other: number, sameStart: boolean): Diagnostic => {
    const otherLine = Math.abs(other);
    const at = formatClock(row.startMin);
    const variants = ctx.names.variants(row.typology);
    const spelled = variants === undefined ? "" : ` (${variants} are one typology: case, accents and apostrophes do not count)`;
    if (sameStart) {
      const dst = repeatedHour(row.startMin);
      if (dst !== undefined) {
        return problem(
          "INPUT_DAYLIGHT_SAVING",
          `a second row for ${describeQueue(q.first)} at ${at} (the first is line ${otherLine}): on ${at.slice(0, 10)} clocks go back at ${dst.to} (end of daylight saving in ${dst.where}), so ${dst.from}–${dst.to} happens twice: expected one row per interval — merge the two rows of each repeated interval (add the volumes) or export the times in UTC`,
          startWhere(row.line),
        );
      }
      // the whole row repeats another: no column
      return problem("INPUT_DUPLICATE_ROW", `a second row for ${describeQueue(q.first)} at ${at}, after line ${otherLine}${spelled}: expected one row per interval and queue`, { file, line: row.line });
    }
    return problem(
      "INPUT_OVERLAP",
      `the ${row.intervalMin}-minute row for ${describeQueue(q.first)} at ${at} overlaps the row of line ${otherLine}${spelled}: expected intervals of one queue that do not overlap (check interval_minutes)`,
      startWhere(row.line),
    );
  };

  // Rows wait in file order while the interval of their queue is inferred
  // (so that the planner sees them in file order): `held` from `head` on.
  let held: ForecastRow[] = [];
  let heldQueues: QueueState[] = [];
  let head = 0;
  /** Accept the held rows whose queue's interval is known, up to the first that is not. */
  const drain = () => {
    while (head < held.length) {
      const q = heldQueues[head]!;
      if (q.intervalMin === 0) break;
      const r = held[head]!;
      if (q.intervalMin > 0) {
        r.intervalMin = q.intervalMin;
        accept(r, q);
      }
      head++;
    }
    if (head === held.length) {
      held = [];
      heldQueues = [];
      head = 0;
    } else if (head > 4096 && head * 2 > held.length) {
      held = held.slice(head);
      heldQueues = heldQueues.slice(head);
      head = 0;
    }
  };

  const ambiguousInterval = (q: QueueState, grid: number) =>
    problem(
      "INPUT_AMBIGUOUS_INTERVAL",
      `the interval of ${describeQueue(q.first)} cannot be told: its rows start on a ${grid}-minute grid but no two are ${grid} minutes apart, and the file's other queues use ${[...denseIntervals].sort((a, b) => a - b).join(" and ")} minutes: expected an interval_minutes column or --interval`,
      startWhere(q.first.line),
    );

  /** Decide `q`'s interval from its rows so far (`final`: no more will come, or too many rows wait). */
  const decide = (q: QueueState, final: boolean) => {
    const ev = q.evidence!;
    const grid = ev.grid();
    if (ev.dense(grid)) {
      q.evidence = undefined;
      denseIntervals.add(grid);
      q.intervalMin = grid;
      return;
    }
    if (!final && denseIntervals.size === 0) return; // wait for a queue to compare with
    q.evidence = undefined;
    const interval = sparseInterval(grid, denseIntervals);
    if (interval === undefined) {
      report(ambiguousInterval(q, grid));
      q.intervalMin = -1; // its rows are dropped
      return;
    }
    q.sparseGrid = grid;
    sparseQueues.push(q);
    q.intervalMin = interval;
  };

  /** After the date order is known: to the row's queue, held while its interval is inferred. */
  const route = (row: ForecastRow) => {
    let q = queues.get(row);
    if (q === undefined) {
      q = { first: row, intervalMin: 0, evidence: undefined, sparseGrid: 0, res: 0, days: new Map(), lastDay: NaN, lastSlots: undefined };
      if (inferred) q.evidence = new GridEvidence();
      queues.set(row, q);
    }
    if (!inferred) return accept(row, q);
    if (q.intervalMin > 0 && head === held.length) {
      row.intervalMin = q.intervalMin;
      return accept(row, q);
    }
    if (q.intervalMin < 0) return; // refused as ambiguous
    if (q.intervalMin === 0) {
      if (minuteOfDay(row.startMin) % FINEST_GRID !== 0) {
        report(
          problem(
            "INPUT_OFF_GRID",
            `interval start ${formatClock(row.startMin)} is on no grid of ${FINEST_GRID} minutes or more: expected starts at whole multiples of the interval (such as ${formatClock(row.startMin - (minuteOfDay(row.startMin) % 15)).slice(11)} or ${formatClock(row.startMin - (minuteOfDay(row.startMin) % 15) + 15).slice(11)}); give --interval or an interval_minutes column if the intervals really are shorter than ${FINEST_GRID} minutes`,
            startWhere(row.line),
          ),
        );
        return;
      }
      q.evidence!.add(row.startMin);
    }
    held.push(row);
    heldQueues.push(q);
    if (q.intervalMin === 0 && q.evidence!.rows % DECIDE_INTERVAL_ROWS === 0) decide(q, false);
    if (held.length - head > MAX_HELD_ROWS) decide(heldQueues[head]!, true); // too long a wait: decide with what the queue has
    drain();
  };

  /** The date order is known: the held rows take their reading and go on. */
  const releaseDates = () => {
    const held = dateHold;
    dateHold = [];
    for (const h of held) {
      if (ctx.dateOrder === "mdy") h.row.startMin = h.alt;
      route(h.row);
    }
  };

  const refuseDates = (why: string) => {
    const h = dateHold[0]!;
    const dmy = formatClock(h.row.startMin).slice(0, 10);
    const mdy = formatClock(h.alt).slice(0, 10);
    report(
      problem(
        "INPUT_AMBIGUOUS_DATE",
        `${dayField}: dates such as ${quoted(ctx.firstAmbiguousText ?? "")} read as ${spelledDate(Math.floor(h.row.startMin / 1440))} (dd/mm, ${dmy}) or ${spelledDate(Math.floor(h.alt / 1440))} (mm/dd, ${mdy}), and ${why}: expected --date-format dmy or --date-format mdy`,
        { file, line: h.row.line, field: dayField, ...(dayColumn !== undefined ? { column: dayColumn } : {}) },
      ),
    );
    dateHold = [];
  };

  const tableOptions = { sheet: options.sheet, sheetOption: options.sheetOption, onWarning: options.onWarning, kinds: FORECAST_CELL_KINDS, header: FORECAST_HEADER, scope };
  const read = await streamTable(chunks, file, { ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}), ...tableOptions }, (info) => {
    const table: CsvTable = { file, header: info.header, headerLine: info.headerLine, rows: [], delimiter: info.delimiter, decimalComma: info.decimalComma };
    const { index, diagnostics } = mapColumns<Column>(table, FORECAST_COLUMNS, ["typology", "channel", "volume", "aht"], true);
    if (index.interval_start === undefined && (index.date === undefined || index.time === undefined)) {
      diagnostics.push(missingStartProblem(file, info.headerLine, FORECAST_COLUMNS));
    }
    if (diagnostics.length > 0) throw new InputError(diagnostics);
    const startIndex = index.interval_start ?? index.time;
    startColumn = startIndex === undefined ? undefined : startIndex + 1;
    const dayIndex = index.interval_start ?? index.date;
    dayColumn = dayIndex === undefined ? undefined : dayIndex + 1;
    dayField = dayIndex === undefined ? "interval_start" : info.header[dayIndex]!;
    const intervalFrom = index.interval_minutes !== undefined ? "column" : options.intervalMin !== undefined ? "option" : "inferred";
    inferred = intervalFrom === "inferred";
    ctx.intervalColumn = index.interval_minutes !== undefined;
    ctx.comma = info.decimalComma;
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
      dateFormat: options.dateFormat,
      dateFormatFrom: options.dateFormat === undefined ? undefined : "option",
      warnings: [],
    };
    const width = info.header.length;
    limitCells = (col, line) => (index[col] === undefined ? { file, line, field: col } : { file, line, field: info.header[index[col]!]!, column: index[col]! + 1 });

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
      has: (col) => index[col] !== undefined,
    };

    const fast = forecastReadTuning.fastRows && index.interval_start !== undefined ? new FastRowParser(index, width, ctx) : undefined;
    const handler: CsvRowHandler = (cells, line) => {
      if (cells.length !== width) {
        report(problem("CSV_FIELD_COUNT", `row has ${cells.length} fields: expected ${width} like the header`, { file, line }));
        return;
      }
      if (fast !== undefined && dateHold.length === 0) {
        // the usual row (ISO start, plain numbers, names seen before): no diagnostics possible, no state to change
        const row = fast.parseCells(cells, line);
        if (row !== undefined) return route(row);
      }
      current = cells;
      given.scratch.line = line;
      ctx.alt = undefined;
      const row = parseForecastRow(given, line, ctx);
      if (ctx.justDecided) {
        ctx.justDecided = false;
        releaseDates();
      }
      if (row === undefined) return;
      if (ctx.alt !== undefined || dateHold.length > 0) {
        // dd/mm or mm/dd: not known yet
        const alt = ctx.alt ?? row.startMin;
        dateHold.push({ row, alt });
        vote.add(Math.floor(row.startMin / 1440), Math.floor(alt / 1440));
        const verdict = vote.verdict(false);
        if (verdict !== undefined) {
          ctx.dateOrder = verdict;
          ctx.dateFrom = "spacing";
          releaseDates();
        } else if (dateHold.length >= DATE_HOLD_ROWS) {
          refuseDates(`the first ${DATE_HOLD_ROWS.toLocaleString("en-US")} rows do not tell which`);
        }
        return;
      }
      route(row);
    };
    if (fast !== undefined && info.delimiter.length === 1) {
      const delimiter = info.delimiter.charCodeAt(0);
      handler.unsplit = (text, from, to, line) => {
        if (dateHold.length > 0) return false;
        const row = fast.parseLine(text, from, to, delimiter, line);
        if (row === undefined) return false;
        route(row);
        return true;
      };
    }
    return handler;
  });
  if (summary === undefined) throw new InputError([problem("CSV_EMPTY", "the file has no header: expected a header line", { file, line: 1 })]);
  summary.encoding = read.encoding; // decided on the whole file: an ASCII header may come before Windows-1252 bytes
  if (read.sheet !== undefined) summary.sheet = read.sheet;
  if (dateHold.length > 0) {
    const verdict = vote.verdict(true);
    if (verdict === undefined) refuseDates("no date of the file tells which (none has a day above 12, and they do not follow each other)");
    else {
      ctx.dateOrder = verdict;
      ctx.dateFrom = "spacing";
      releaseDates();
    }
  }
  if (inferred) {
    const undecided = [...queues.values()].filter((q) => q.intervalMin === 0 && q.evidence !== undefined);
    for (const q of undecided) if (q.evidence!.dense(q.evidence!.grid())) decide(q, true);
    for (const q of undecided) if (q.intervalMin === 0) decide(q, true);
    drain();
    // A sparse queue took the one dense interval known then; a later dense queue may make it ambiguous.
    for (const q of sparseQueues) if (sparseInterval(q.sparseGrid, denseIntervals) !== q.intervalMin) report(ambiguousInterval(q, q.sparseGrid));
    let finest = Infinity;
    for (const q of queues.values()) if (q.intervalMin > 0) finest = Math.min(finest, q.intervalMin);
    summary.intervalMin = finest === Infinity ? 0 : finest;
  }
  if (!options.allowGaps) {
    const outliers = daySpan.outliers();
    for (const o of outliers.slice(0, 10)) {
      const date = formatClock(o.day * 1440).slice(0, 10);
      const side = o.day < o.mainFirstDay ? "before" : "after";
      report(
        problem(
          "INPUT_DATE_OUTLIER",
          `${dayField}: got a row on ${date} (${o.rows.toLocaleString("en-US")} row${o.rows === 1 ? "" : "s"} that day, the first here), ${o.gapDays.toLocaleString("en-US")} days ${side} the other dates of the file (${formatClock(o.mainFirstDay * 1440).slice(0, 10)} to ${formatClock(o.mainLastDay * 1440).slice(0, 10)}): expected dates close to the others — a mistyped year or month? Give --allow-gaps if the gap is meant`,
          { file, line: o.line, field: dayField, ...(dayColumn !== undefined ? { column: dayColumn } : {}) },
        ),
      );
    }
    if (outliers.length > 10) report(problem("INPUT_DATE_OUTLIER", `…and ${outliers.length - 10} more days far from the others`, { file, field: dayField }));
  }
  summary.dateFormat = ctx.dateOrder;
  summary.dateFormatFrom = ctx.dateFrom;
  summary.warnings = ctx.plausibility.warnings();
  if (problems.length > 0) throw new InputError(byLine(problems));
  summary.queues = queues.size;
  for (const w of summary.warnings) options.onWarning?.(w);
  return summary;
}

/** What parsing a row needs besides its cells: the file's settings, what is known of its dates, and where problems go. */
interface ParseContext {
  file: string;
  comma: boolean;
  intervalMin: number | undefined;
  intervalColumn: boolean;
  /** How `a/b/yyyy` dates read, once known. */
  dateOrder: DateOrder | undefined;
  dateFrom: "option" | "values" | "spacing" | undefined;
  /** The cell that decided the date order from its values. */
  decidedBy: { line: number; text: string } | undefined;
  /** The first date cell that read both ways. */
  firstAmbiguousText?: string;
  /** Set by the parser: the row's start read mm/dd, when its date reads both ways and the order is not known. */
  alt: number | undefined;
  /** Set by the parser when the row decided the date order (rows held so far can go on). */
  justDecided: boolean;
  names: NameBook;
  plausibility: Plausibility;
  report: (d: Diagnostic) => void;
}

/** Greatest common divisor of two whole numbers > 0. */
function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Change the slot size of `q`'s coverage to `res` minutes (a finer grid than before: rare, per queue). */
function rescale(q: QueueState, res: number): void {
  if (q.res !== 0) {
    const k = q.res / res;
    for (const [day, slots] of q.days) {
      const finer = new Int32Array(1440 / res);
      slots.forEach((line, s) => {
        if (line === 0) return;
        finer[s * k] = line;
        for (let j = 1; j < k; j++) finer[s * k + j] = -Math.abs(line);
      });
      q.days.set(day, finer);
    }
    q.lastDay = NaN;
    q.lastSlots = undefined;
  }
  q.res = res;
}

/**
 * Typologies as queues: spellings that differ only by case, accents or
 * apostrophes ({@link typologyKey}) are one typology, shown with the first
 * spelling seen. Remembered per cell text (a forecast repeats a handful of
 * names millions of times).
 */
class NameBook {
  private readonly byText = new Map<string, string>();
  private readonly byKey = new Map<string, { shown: string; spellings: string[] }>();

  /** The typology `text` stands for when it was seen before, else undefined. */
  known(text: string): string | undefined {
    return this.byText.get(text);
  }

  /** The typology `text` stands for. */
  typology(text: string): string {
    const known = this.byText.get(text);
    if (known !== undefined) return known;
    const key = typologyKey(text);
    let entry = this.byKey.get(key);
    if (entry === undefined) this.byKey.set(key, (entry = { shown: text, spellings: [text] }));
    else if (!entry.spellings.includes(text) && entry.spellings.length < 5) entry.spellings.push(text);
    if (this.byText.size < 10_000) this.byText.set(text, entry.shown);
    return entry.shown;
  }

  /** `"Fidélisation" and "fidelisation"` when the typology shown as `shown` was written several ways, else undefined. */
  variants(shown: string): string | undefined {
    const entry = this.byKey.get(typologyKey(shown));
    if (entry === undefined || entry.spellings.length < 2) return undefined;
    return entry.spellings.map(quoted).join(" and ");
  }
}

function parseForecastRow(given: RowCells, line: number, ctx: ParseContext): ForecastRow | undefined {
  const report = ctx.report;
  const comma = ctx.comma;
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
    // named as the file writes the column (`Heure is blank`)
    const where = given.has(col) ? { field: given.field(col), column: given.column(col) } : { field: col };
    report(problem("INPUT_MISSING_VALUE", `${where.field} is blank: expected a value`, { file: given.scratch.file, line, ...where }));
    return false;
  };

  // When
  let startMin: number | undefined;
  const start = given.text("interval_start");
  if (start !== undefined) {
    startMin = readDate(start, "interval_start", given, ctx, 0);
    if (startMin === undefined) bad = true;
  } else if (given.text("date") !== undefined || given.text("time") !== undefined) {
    const date = given.text("date");
    const time = given.text("time");
    if (require("date") && require("time")) {
      const minute = parseTimeOfDay(time!);
      if (minute === undefined) {
        bad = true;
        report(problem("INPUT_BAD_DATE", `${given.src("time").field}: got ${quoted(time!)}, expected a time such as 08:30`, { ...given.src("time"), value: time! }));
      }
      const day = readDate(date!, "date", given, ctx, minute ?? 0);
      if (day === undefined) bad = true;
      else if (minute !== undefined) startMin = day;
    }
  } else {
    require("interval_start");
  }

  // What
  let typology = given.text("typology")?.trim();
  if (typology !== undefined && /\s\s|[\t\n\r\u00a0]/.test(typology)) typology = typology.replace(/\s+/g, " ");
  if (typology === undefined) require("typology");
  else {
    // names are checked once per distinct text (a known one is clean)
    const known = ctx.names.known(typology);
    if (known !== undefined) typology = known;
    else if (badName(typology, "typology", given, report)) bad = true;
    else typology = ctx.names.typology(typology);
  }
  let channel: string | undefined;
  const channelCell = given.text("channel");
  if (channelCell === undefined) require("channel");
  else if (!channelMemo.has(channelCell) && badName(channelCell, "channel", given, report)) bad = true;
  else {
    channel = channelOf(channelCell);
    if (channel === undefined) {
      bad = true;
      report(
        problem("INPUT_UNKNOWN_CHANNEL", `${given.src("channel").field}: got ${quoted(channelCell)}, expected one of ${Object.keys(CHANNELS).join(", ")}`, {
          ...given.src("channel"),
          value: channelCell,
        }),
      );
    }
  }
  let direction: "inbound" | "outbound" = "inbound";
  const directionCell = given.text("direction");
  if (directionCell !== undefined) {
    const d = directionMemo.has(directionCell) || invisibleCharacter(directionCell) === undefined ? directionOf(directionCell) : undefined;
    if (d === undefined) {
      bad = true;
      if (!badName(directionCell, "direction", given, report)) {
        report(problem("INPUT_OUT_OF_RANGE", `${given.src("direction").field}: got ${quoted(directionCell)}, expected inbound or outbound`, { ...given.src("direction"), value: directionCell }));
      }
    } else direction = d;
  }

  // How much
  const volume = take("volume", parseNonNegative);
  if (given.text("volume") === undefined) require("volume");
  const ahtSec = take("aht", parsePositiveDuration);
  if (given.text("aht") === undefined) require("aht");
  let rowInterval = take("interval_minutes", parseIntervalMinutes);
  if (ctx.intervalColumn && given.text("interval_minutes") === undefined) {
    if (ctx.intervalMin !== undefined) rowInterval = ctx.intervalMin;
    else {
      bad = true;
      report(
        problem("INPUT_MISSING_VALUE", `${given.field("interval_minutes")} is blank: expected the interval length in minutes (15, 30, 60…), or --interval for blank cells`, {
          ...given.src("interval_minutes"),
          value: "",
        }),
      );
    }
  }
  const patienceSec = take("patience", parsePositiveDuration);
  const concurrency = take("concurrency", parseCount);
  const deadlineSec = take("deadline", parseDeadline);
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
  if (ahtSec < AHT_MIN_SEC || ahtSec > AHT_MAX_SEC || (patienceSec !== undefined && patienceSec > PATIENCE_MAX_SEC) || (deadlineSec !== undefined && deadlineSec < ahtSec)) {
    notePlausibility(given, ctx.plausibility, ahtSec, patienceSec, deadlineSec);
  }
  const interval = rowInterval ?? ctx.intervalMin ?? 0; // 0: inferred later
  const channelClass = direction === "outbound" ? "outbound" : CHANNELS[channel]!.channelClass;
  return forecastRow(line, startMin, interval, typology, channel, direction, channelClass, volume, ahtSec, patienceSec, concurrency, deadlineSec, attempts, contactRate, dialTimeSec, serviceLevel, answerWithinSec, maxAsaSec, maxOccupancy, maxAbandonRate);
}

/** A forecast row, always built by this one literal (one object shape, whichever parser read it). */
function forecastRow(
  line: number,
  startMin: number,
  intervalMin: number,
  typology: string,
  channel: string,
  direction: "inbound" | "outbound",
  channelClass: ChannelClass,
  volume: number,
  ahtSec: number,
  patienceSec: number | undefined,
  concurrency: number | undefined,
  deadlineSec: number | undefined,
  attempts: number | undefined,
  contactRate: number | undefined,
  dialTimeSec: number | undefined,
  serviceLevel: number | undefined,
  answerWithinSec: number | undefined,
  maxAsaSec: number | undefined,
  maxOccupancy: number | undefined,
  maxAbandonRate: number | undefined,
): ForecastRow {
  return {
    line,
    startMin,
    intervalMin,
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

/** Switches of the forecast reader, for tests and benchmarks that hold the fast row path to the general one. */
export const forecastReadTuning = {
  /** Read the usual rows (ISO starts, plain numbers, names seen before) through {@link FastRowParser}. */
  fastRows: true,
};

/** A cell that is not in the fixed format of its fast path. */
const NOT_FAST = -1;
/** A blank cell (empty: a cell of spaces takes the general path). */
const BLANK = -2;

/**
 * `12`, `3.5`: a plain decimal (digits, at most one point with digits on
 * both sides, 40 characters at most) in `t` from `a` to `b`, as
 * {@link parseNumber} reads it; BLANK when empty, NOT_FAST for anything
 * else. With a decimal comma only whole numbers (a point there groups
 * thousands). Exact: up to 15 digits, the digits make an integer below 2^53
 * and the point a power of ten up to 10^14, both exact doubles, so their
 * quotient is the correctly rounded decimal — what `Number(text)` gives;
 * longer ones are read by `Number` itself.
 */
function plainDecimal(t: string, a: number, b: number, comma: boolean): number {
  const n = b - a;
  if (n === 0) return BLANK;
  if (n > 40) return NOT_FAST;
  let v = 0;
  let point = -1;
  for (let k = a; k < b; k++) {
    const c = t.charCodeAt(k);
    if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
    else if (c === 46 && point === -1 && k > a && k < b - 1 && !comma) point = k;
    else return NOT_FAST;
  }
  const digits = point === -1 ? n : n - 1;
  if (digits > 15) return Number(t.slice(a, b)); // beyond exact integers: as parseNumber does it
  return point === -1 ? v : v / POWERS_OF_TEN[b - 1 - point]!;
}
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Whole seconds `270` (1 to 15 digits) in `t` from `a` to `b`, as {@link parseDuration} reads them; BLANK, or NOT_FAST for anything else. */
function plainSeconds(t: string, a: number, b: number): number {
  const n = b - a;
  if (n === 0) return BLANK;
  if (n > 15) return NOT_FAST;
  let v = 0;
  for (let k = a; k < b; k++) {
    const c = t.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return NOT_FAST;
    v = v * 10 + c;
  }
  return v;
}

/** A plain fraction `0.8` or percentage `80` as {@link parseFraction} reads it (no `%`); BLANK, or NOT_FAST (out of range included). */
function plainFraction(t: string, a: number, b: number, comma: boolean): number {
  const n = plainDecimal(t, a, b, comma);
  if (n < 0) return n;
  const value = n > 1 ? n / 100 : n;
  return value <= 1 ? value : NOT_FAST;
}

/**
 * The fast path of {@link parseForecastRow}: a row whose every cell is in
 * the fixed format of its column — an ISO start `yyyy-mm-ddThh:mm` (or with
 * a space), names already seen (typology, channel, direction), plain
 * decimals and whole seconds, blanks empty, no service-level cell — and whose
 * values raise no warning is read without closures, regexes or result
 * objects, to the very row the general parser makes; from its cells, or
 * from its line's unsplit text (no cell strings but the names). Anything
 * else (`undefined`) takes the general parser, which reports what is wrong;
 * the fast path changes no state, so a row it gives up on reads as before.
 */
class FastRowParser {
  private readonly start: number;
  private readonly typology: number;
  private readonly channel: number;
  private readonly direction: number;
  private readonly volume: number;
  private readonly aht: number;
  private readonly interval: number;
  private readonly patience: number;
  private readonly concurrency: number;
  private readonly deadline: number;
  private readonly attempts: number;
  private readonly contactRate: number;
  private readonly dialTime: number;
  private readonly slTarget: number;
  private readonly slSeconds: number;
  private readonly asaMax: number;
  private readonly maxOccupancy: number;
  private readonly maxAbandon: number;
  /** The row's cells: cell k is texts[k] from from[k] to to[k]. */
  private readonly texts: string[];
  private readonly from: Int32Array;
  private readonly to: Int32Array;

  constructor(
    index: Partial<Record<Column, number>>,
    private readonly width: number,
    private readonly ctx: ParseContext,
  ) {
    const at = (c: Column) => index[c] ?? -1;
    this.start = at("interval_start");
    this.typology = at("typology");
    this.channel = at("channel");
    this.direction = at("direction");
    this.volume = at("volume");
    this.aht = at("aht");
    this.interval = at("interval_minutes");
    this.patience = at("patience");
    this.concurrency = at("concurrency");
    this.deadline = at("deadline");
    this.attempts = at("attempts");
    this.contactRate = at("contact_rate");
    this.dialTime = at("dial_time");
    this.slTarget = at("sl_target");
    this.slSeconds = at("sl_seconds");
    this.asaMax = at("asa_max");
    this.maxOccupancy = at("max_occupancy");
    this.maxAbandon = at("max_abandon");
    this.texts = new Array<string>(width).fill("");
    this.from = new Int32Array(width);
    this.to = new Int32Array(width);
  }

  /** The row of these cells (as many as the header's), or undefined. */
  parseCells(cells: string[], line: number): ForecastRow | undefined {
    for (let k = 0; k < this.width; k++) {
      const cell = cells[k]!;
      this.texts[k] = cell;
      this.from[k] = 0;
      this.to[k] = cell.length;
    }
    return this.parse(line);
  }

  /** The row of `text` from `a` to `b` (one line, cells separated by the one-character `delimiter`), or undefined (a wrong number of cells included). */
  parseLine(text: string, a: number, b: number, delimiter: number, line: number): ForecastRow | undefined {
    let k = 0;
    let cell = a;
    for (let i = a; i < b; i++) {
      if (text.charCodeAt(i) !== delimiter) continue;
      if (k === this.width - 1) return undefined; // too many cells
      this.texts[k] = text;
      this.from[k] = cell;
      this.to[k] = i;
      k++;
      cell = i + 1;
    }
    if (k !== this.width - 1) return undefined; // too few
    this.texts[k] = text;
    this.from[k] = cell;
    this.to[k] = b;
    return this.parse(line);
  }

  private parse(line: number): ForecastRow | undefined {
    const ctx = this.ctx;
    const comma = ctx.comma;
    const texts = this.texts;
    const from = this.from;
    const to = this.to;
    const s = this.start;
    if (to[s]! - from[s]! !== 16) return undefined;
    const startMin = isoMinutesAt(texts[s]!, from[s]!);
    if (Number.isNaN(startMin)) return undefined;
    const typology = ctx.names.known(this.name(this.typology));
    if (typology === undefined) return undefined;
    const channel = channelMemo.get(this.name(this.channel));
    if (channel === undefined) return undefined;
    let direction: "inbound" | "outbound" = "inbound";
    const dc = this.direction;
    if (dc >= 0 && to[dc]! > from[dc]!) {
      const d = directionMemo.get(this.name(dc));
      if (d === undefined) return undefined;
      direction = d;
    }
    const v = this.volume;
    const volume = plainDecimal(texts[v]!, from[v]!, to[v]!, comma);
    if (volume < 0) return undefined;
    const h = this.aht;
    const ahtSec = plainSeconds(texts[h]!, from[h]!, to[h]!);
    if (!(ahtSec > 0) || ahtSec < AHT_MIN_SEC || ahtSec > AHT_MAX_SEC) return undefined; // warnings: the general path notes them
    let intervalMin = ctx.intervalMin ?? 0;
    const ic = this.interval;
    if (ic >= 0) {
      const n = plainDecimal(texts[ic]!, from[ic]!, to[ic]!, comma);
      if (n === BLANK) {
        if (ctx.intervalMin === undefined) return undefined;
      } else if (n > 0 && Number.isInteger(n) && 1440 % n === 0) intervalMin = n;
      else return undefined;
    }
    const patienceSec = this.seconds(this.patience);
    if (patienceSec === 0 || patienceSec === NOT_FAST || (patienceSec !== undefined && patienceSec > PATIENCE_MAX_SEC)) return undefined;
    const concurrency = this.decimal(this.concurrency, comma);
    if (concurrency === NOT_FAST || concurrency === 0 || (concurrency !== undefined && !Number.isInteger(concurrency))) return undefined;
    const deadlineSec = this.seconds(this.deadline);
    if (deadlineSec === 0 || deadlineSec === NOT_FAST || (deadlineSec !== undefined && deadlineSec < ahtSec)) return undefined;
    const attempts = this.decimal(this.attempts, comma);
    if (attempts === NOT_FAST) return undefined;
    const contactRate = this.fraction(this.contactRate, comma);
    if (contactRate === NOT_FAST) return undefined;
    const dialTimeSec = this.seconds(this.dialTime);
    if (dialTimeSec === NOT_FAST) return undefined;
    if (this.slTarget >= 0 && to[this.slTarget]! > from[this.slTarget]!) return undefined;
    const answerWithinSec = this.seconds(this.slSeconds);
    if (answerWithinSec === NOT_FAST) return undefined;
    const maxAsaSec = this.seconds(this.asaMax);
    if (maxAsaSec === NOT_FAST) return undefined;
    const maxOccupancy = this.fraction(this.maxOccupancy, comma);
    if (maxOccupancy === NOT_FAST) return undefined;
    const maxAbandonRate = this.fraction(this.maxAbandon, comma);
    if (maxAbandonRate === NOT_FAST) return undefined;
    const channelClass = direction === "outbound" ? "outbound" : CHANNELS[channel]!.channelClass;
    return forecastRow(line, startMin, intervalMin, typology, channel, direction, channelClass, volume, ahtSec, patienceSec, concurrency, deadlineSec, attempts, contactRate, dialTimeSec, undefined, answerWithinSec, maxAsaSec, maxOccupancy, maxAbandonRate);
  }

  /** Cell `k` as a string (the cell itself when the row came as cells). */
  private name(k: number): string {
    const t = this.texts[k]!;
    const a = this.from[k]!;
    const b = this.to[k]!;
    return a === 0 && b === t.length ? t : t.slice(a, b);
  }

  /** Whole seconds in column `i`: undefined when the column is absent or the cell empty, NOT_FAST otherwise. */
  private seconds(i: number): number | undefined {
    if (i < 0) return undefined;
    const v = plainSeconds(this.texts[i]!, this.from[i]!, this.to[i]!);
    return v === BLANK ? undefined : v;
  }

  private decimal(i: number, comma: boolean): number | undefined {
    if (i < 0) return undefined;
    const v = plainDecimal(this.texts[i]!, this.from[i]!, this.to[i]!, comma);
    return v === BLANK ? undefined : v;
  }

  private fraction(i: number, comma: boolean): number | undefined {
    if (i < 0) return undefined;
    const v = plainFraction(this.texts[i]!, this.from[i]!, this.to[i]!, comma);
    return v === BLANK ? undefined : v;
  }
}

/**
 * A date (or date-time) cell to minutes since the epoch, plus `addMin`;
 * undefined after reporting why not. `a/b/yyyy` dates: see readForecast.
 * Sets `ctx.alt` (the mm/dd reading) when the cell reads both ways and the
 * order is not known yet, and decides the order on a field above 12.
 */
function readDate(text: string, col: "interval_start" | "date", given: RowCells, ctx: ParseContext, addMin: number): number | undefined {
  let order = ctx.dateOrder;
  let fields: [number, number] | undefined;
  if (order === undefined || ctx.dateFrom !== "option") fields = text.length === 16 && text.charCodeAt(4) === 45 ? undefined : slashDateFields(text);
  if (fields !== undefined && order === undefined) {
    const [a, b] = fields;
    if (a > 12 !== b > 12) {
      order = ctx.dateOrder = a > 12 ? "dmy" : "mdy";
      ctx.dateFrom = "values";
      ctx.decidedBy = { line: given.scratch.line, text };
      ctx.justDecided = true;
    } else if (a <= 12 && b <= 12) {
      const dmy = parseDateTime(text, "dmy");
      const mdy = parseDateTime(text, "mdy");
      if (dmy !== undefined && mdy !== undefined) {
        ctx.alt = mdy + addMin;
        ctx.firstAmbiguousText ??= text.trim();
        return dmy + addMin;
      }
    }
  }
  const minutes = parseDateTime(text, order ?? "dmy");
  if (minutes !== undefined && (col === "interval_start" || minuteOfDay(minutes) === 0)) return minutes + addMin;
  const src = given.src(col);
  // A a/b/yyyy date that the other order would read: the file mixes them.
  if (fields !== undefined && order !== undefined && ctx.dateFrom === "values" && parseDateTime(text, order === "dmy" ? "mdy" : "dmy") !== undefined) {
    const by = ctx.decidedBy!;
    ctx.report(
      problem(
        "INPUT_AMBIGUOUS_DATE",
        `${src.field}: got ${quoted(text)}, which reads only as ${order === "dmy" ? "mm/dd" : "dd/mm"}, but line ${by.line} has ${quoted(by.text)}, which reads only as ${order === "dmy" ? "dd/mm" : "mm/dd"}: expected one date format in a file — fix the rows, or give --date-format dmy or mdy`,
        { ...src, value: text },
      ),
    );
    return undefined;
  }
  const example = col === "date" ? "2026-11-23 or 23/11/2026" : "2026-11-23T08:30 or 23/11/2026 08:30";
  ctx.report(
    problem("INPUT_BAD_DATE", `${src.field}: got ${quoted(text)}, expected a ${col === "date" ? "date" : "date-time"} such as ${example}${order === "mdy" ? " (month first in this file)" : ""}`, {
      ...src,
      value: text,
    }),
  );
  return undefined;
}

/** Report a name with a control or invisible character (INPUT_BAD_NAME); true when there is one. */
function badName(text: string, col: "typology" | "channel" | "direction", given: RowCells, report: (d: Diagnostic) => void): boolean {
  const c = invisibleCharacter(text);
  if (c === undefined) return false;
  const src = given.src(col);
  report(
    problem(
      "INPUT_BAD_NAME",
      `${src.field}: got ${quoted(text)}, with an invisible character (${codePointName(c.codePoint)}) at position ${c.index + 1}: expected visible characters only — remove it (a name that prints the same as another would make a second queue)`,
      { ...src, value: text },
    ),
  );
  return true;
}

/** The warnings of an implausible AHT, patience or deadline (see {@link Plausibility}). */
function notePlausibility(given: RowCells, p: Plausibility, ahtSec: number, patienceSec: number | undefined, deadlineSec: number | undefined): void {
  const where = (col: Column) => ({ ...given.src(col), value: given.text(col)! });
  const cell = (col: Column) => quoted(given.text(col)!);
  if (ahtSec < AHT_MIN_SEC) {
    p.note("aht-low", () =>
      warning(
        "INPUT_IMPLAUSIBLE",
        `${given.field("aht")}: got ${cell("aht")}, read as ${secondsText(ahtSec)} s: an AHT under ${AHT_MIN_SEC} s is unusual — ` +
          (ahtSec * 60 >= AHT_MIN_SEC ? `if it is minutes, write ${minutesSeconds(ahtSec * 60)} or ${secondsText(ahtSec * 60)}` : "expected seconds such as 270, or mm:ss such as 4:30"),
        where("aht"),
      ),
    );
  }
  if (ahtSec > AHT_MAX_SEC) {
    p.note("aht-high", () =>
      warning(
        "INPUT_IMPLAUSIBLE",
        `${given.field("aht")}: got ${cell("aht")}, read as ${secondsText(ahtSec)} s (${secondsText(ahtSec / 3600)} h): an AHT over 4 h is unusual — if it is milliseconds, write ${secondsText(ahtSec / 1000)}; mm:ss is written 4:30, hh:mm:ss 1:04:30`,
        where("aht"),
      ),
    );
  }
  if (patienceSec !== undefined && patienceSec > PATIENCE_MAX_SEC) {
    p.note("patience-high", () =>
      warning(
        "INPUT_IMPLAUSIBLE",
        `${given.field("patience")}: got ${cell("patience")}, read as ${secondsText(patienceSec)} s (${secondsText(patienceSec / 86_400)} days): a patience over a day is unusual — it is the mean time a caller waits before hanging up, in seconds (90) or mm:ss (1:30)`,
        where("patience"),
      ),
    );
  }
  if (deadlineSec !== undefined && deadlineSec < ahtSec) {
    p.note("deadline-short", () =>
      warning(
        "INPUT_IMPLAUSIBLE",
        `${given.field("deadline")}: got ${cell("deadline")}, read as ${secondsText(deadlineSec)} s, shorter than the row's AHT (${secondsText(ahtSec)} s): a deadline shorter than the handling time is unusual — write hours as 24:00 or 24h, days as 2d`,
        where("deadline"),
      ),
    );
  }
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
  /** Whether the file has the column. */
  has(col: Column): boolean;
}

const parsePositiveDuration = (t: string, s: ValueSource, c: boolean) => parseDuration(t, s, c, true);
/** A deadline: `24:00` is 24 hours (hh:mm), `1:00:00` one hour; see {@link parseDuration}. */
const parseDeadline = (t: string, s: ValueSource, c: boolean) => parseDuration(t, s, c, true, "hh:mm");

function describeQueue(q: QueueKey): string {
  return escaped(`${q.typology} / ${q.channel} / ${q.direction}`);
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
