import type { ErlangCase } from "../plan/erlang-case.js";
import { mapColumns, readCsv, type CsvReadOptions } from "./csv-read.js";
import { InputError, problem, type Diagnostic } from "./diagnostics.js";
import { queueLimitProblems } from "./queue-limits.js";
import {
  parseCount,
  parseDuration,
  parseFraction,
  parseNonNegative,
  parsePositive,
  parseServiceLevelPair,
  type Parsed,
  type ValueSource,
} from "./values.js";

/** Columns of a batch file and the header names accepted for each (normalized). */
export const ERLANG_COLUMNS = {
  id: ["id", "name", "label", "queue", "file", "case"],
  volume: ["volume", "calls", "contacts", "offered", "volume_offered", "appels", "contacts_offered"],
  aht: ["aht", "aht_s", "aht_sec", "handle_time", "dmt", "aht_seconds"],
  interval_minutes: ["interval_minutes", "interval", "interval_min", "intervalle", "duree_intervalle"],
  sl_target: ["sl_target", "sl", "service_level", "target_sl", "ns", "niveau_de_service"],
  sl_seconds: ["sl_seconds", "sl_sec", "sl_threshold", "answer_within", "threshold", "seuil"],
  asa_max: ["asa_max", "asa", "max_asa", "asa_target"],
  max_occupancy: ["max_occupancy", "occupancy", "occupancy_max", "max_occ", "occupation_max"],
  patience: ["patience", "patience_s", "patience_sec", "mean_patience"],
  max_abandon: ["max_abandon", "max_abandonment", "abandon_max", "max_abandon_rate", "abandon"],
  concurrency: ["concurrency", "concurrence", "chats", "sessions"],
} as const;

type Column = keyof typeof ERLANG_COLUMNS;

/** Defaults applied when a column is absent or a cell blank. */
export interface ErlangCaseDefaults {
  intervalMin: number;
}

/**
 * Read a batch file of `ccplan erlang --input`: one queue per row, blank
 * cells meaning "no such target". Every bad cell is reported.
 *
 * With `visit`, each good case is handed over as soon as it is read and the
 * returned list is empty: a 100,000-row batch then never holds every case at
 * once. The file is still read to the end, so that every problem is found.
 *
 * @throws InputError with every diagnostic found (capped when printed)
 */
export function readErlangCases(
  bytes: Uint8Array,
  file: string,
  defaults: ErlangCaseDefaults,
  options: CsvReadOptions = {},
  visit?: (c: ErlangCase) => void,
): ErlangCase[] {
  const table = readCsv(bytes, file, options);
  const { index, diagnostics } = mapColumns<Column>(table, ERLANG_COLUMNS, ["volume", "aht"], true);
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  const problems: Diagnostic[] = [];
  const cases: ErlangCase[] = [];
  const comma = table.decimalComma;
  const width = table.header.length;

  for (const { line, cells } of table.rows) {
    if (cells.length !== width) {
      problems.push(
        problem("CSV_FIELD_COUNT", `row has ${cells.length} fields: expected ${width} like the header`, { file, line }),
      );
      continue;
    }
    const rowProblems: Diagnostic[] = [];
    const cell = (col: Column): { text: string; src: ValueSource } | undefined => {
      const i = index[col];
      if (i === undefined) return undefined;
      const text = cells[i]!;
      if (text.trim() === "") return undefined;
      return { text, src: { file, line, column: i + 1, field: table.header[i]! } };
    };
    const take = <T>(col: Column, parse: (text: string, src: ValueSource, comma: boolean) => Parsed<T>): T | undefined => {
      const c = cell(col);
      if (c === undefined) return undefined;
      const parsed = parse(c.text, c.src, comma);
      if (!parsed.ok) {
        rowProblems.push(parsed.diagnostic);
        return undefined;
      }
      return parsed.value;
    };
    const missing = (col: Column) => {
      const i = index[col];
      rowProblems.push(
        problem("INPUT_MISSING_VALUE", `${col} is blank: expected a value`, { file, line, field: col, ...(i !== undefined ? { column: i + 1 } : {}) }),
      );
    };

    const volume = take("volume", parseNonNegative);
    const ahtSec = take("aht", (t, s, c) => parseDuration(t, s, c, true));
    const intervalMin = take("interval_minutes", parsePositive) ?? defaults.intervalMin;
    const patienceSec = take("patience", (t, s, c) => parseDuration(t, s, c, true));
    const concurrency = take("concurrency", parseCount);
    let serviceLevel: number | undefined;
    let answerWithinSec = take("sl_seconds", (t, s, c) => parseDuration(t, s, c));
    const slCell = cell("sl_target");
    if (slCell !== undefined) {
      const parsed = slCell.text.includes("/")
        ? parseServiceLevelPair(slCell.text, slCell.src, comma)
        : parseFraction(slCell.text, slCell.src, comma);
      if (!parsed.ok) rowProblems.push(parsed.diagnostic);
      else if (typeof parsed.value === "number") serviceLevel = parsed.value;
      else {
        serviceLevel = parsed.value.share;
        if (answerWithinSec !== undefined && answerWithinSec !== parsed.value.withinSec) {
          rowProblems.push(
            problem(
              "INPUT_CONFLICT",
              `${slCell.src.field}: ${slCell.text.trim()} says ${parsed.value.withinSec} s but sl_seconds says ${answerWithinSec} s: expected one threshold`,
              { ...slCell.src, value: slCell.text },
            ),
          );
        }
        answerWithinSec = parsed.value.withinSec;
      }
    }
    const maxAsaSec = take("asa_max", (t, s, c) => parseDuration(t, s, c));
    const maxOccupancy = take("max_occupancy", parseFraction);
    const maxAbandonRate = take("max_abandon", parseFraction);

    if (cell("volume") === undefined) missing("volume");
    if (cell("aht") === undefined) missing("aht");
    if (serviceLevel !== undefined && answerWithinSec === undefined && cell("sl_seconds") === undefined) {
      rowProblems.push(
        problem("INPUT_MISSING_VALUE", "sl_seconds is blank: expected the threshold of sl_target (or write it as 80/20)", {
          file,
          line,
          field: "sl_seconds",
        }),
      );
    }
    const abandonCell = cell("max_abandon");
    if (abandonCell !== undefined && cell("patience") === undefined) {
      rowProblems.push(
        problem("INPUT_NEEDS_PATIENCE", `${abandonCell.src.field}: an abandonment target needs a patience on the same row (Erlang A)`, abandonCell.src),
      );
    }
    if (rowProblems.length > 0 || volume === undefined || ahtSec === undefined) {
      problems.push(...rowProblems);
      continue;
    }
    const id = index.id === undefined ? undefined : cells[index.id]!.trim();
    const queue = { volume, ahtSec, intervalMin, patienceSec, concurrency };
    const limits = queueLimitProblems(queue, {
      volume: cell("volume")?.src,
      patience: cell("patience")?.src,
      concurrency: cell("concurrency")?.src,
    });
    if (serviceLevel === undefined && maxAsaSec === undefined && maxOccupancy === undefined && maxAbandonRate === undefined) {
      limits.push(
        problem("INPUT_NO_TARGET", "no target on this row: expected at least one of sl_target, asa_max, max_occupancy, max_abandon", {
          file,
          line,
        }),
      );
    }
    if (limits.length > 0) {
      problems.push(...limits);
      continue;
    }
    const found: ErlangCase = {
      line,
      id,
      queue,
      targets: { serviceLevel, answerWithinSec, maxAsaSec, maxOccupancy, maxAbandonRate },
    };
    if (visit === undefined) cases.push(found);
    else if (problems.length === 0) visit(found);
  }
  if (problems.length > 0) throw new InputError(problems);
  return cases;
}
