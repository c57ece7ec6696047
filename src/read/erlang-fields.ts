import type { ErlangCase } from "../plan/erlang-case.js";
import { problem, type Diagnostic } from "./diagnostics.js";
import { MAX_CHAT_CONCURRENCY } from "../core/erlang-chat.js";
import { queueLimitProblems } from "./queue-limits.js";
import {
  parseCount,
  parseDuration,
  parseFraction,
  parseNonNegative,
  parsePositive,
  parseServiceLevelTarget,
  type Parsed,
  thresholdConflict,
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
  aht_by_concurrency: ["aht_by_concurrency", "aht_per_concurrency", "dmt_par_concurrence"],
} as const;

export type ErlangColumn = keyof typeof ERLANG_COLUMNS;
type Column = ErlangColumn;

/** The non-blank values of one case, by canonical column, with where each was read. */
export type ErlangFields = Partial<Record<ErlangColumn, { text: string; src: ValueSource }>>;

/** How {@link parseErlangFields} names and reports what is absent. */
export interface ErlangFieldsContext {
  decimalComma: boolean;
  defaults: ErlangCaseDefaults;
  /** How the user calls each column (CSV canonical names, or flags). */
  names: Record<"sl_seconds", string>;
  /** The diagnostic for a missing volume or aht on `line`. */
  missing(col: "volume" | "aht", line: number): Diagnostic;
  /** What to do without any target on `line`: a diagnostic, or targets to assume. */
  noTarget(line: number): Diagnostic | { serviceLevel: number; answerWithinSec: number };
}

/**
 * `300|360|450` (a cell: `|` works in English and French CSV and in a
 * workbook) or `300,360,450` (the flag; commas also in a quoted cell of a
 * `;` file): the mean duration of a chat while its agent holds 1, 2, 3…
 * chats, each a duration as `aht` reads it.
 */
function ahtByConcurrency(cell: { text: string; src: ValueSource } | undefined, decimalComma: boolean, problems: Diagnostic[]): number[] | undefined {
  if (cell === undefined) return undefined;
  const parts = cell.text.split(cell.text.includes("|") || decimalComma ? "|" : ",");
  const values: number[] = [];
  for (const part of parts) {
    const parsed = parseDuration(part.trim(), cell.src, decimalComma, true);
    if (!parsed.ok) {
      problems.push(parsed.diagnostic);
      return undefined;
    }
    values.push(parsed.value);
  }
  return values;
}

function parsePositiveDuration(text: string, src: ValueSource, decimalComma: boolean): Parsed<number> {
  return parseDuration(text, src, decimalComma, true);
}

/**
 * One case from its fields — the one place where a batch row and the
 * command-line flags become an {@link ErlangCase}, so both read and check
 * values the same way. Collects every problem of the case.
 */
export function parseErlangFields(
  given: ErlangFields,
  line: number,
  ctx: ErlangFieldsContext,
): { ok: true; case: ErlangCase } | { ok: false; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const comma = ctx.decimalComma;
  const take = <T>(col: Column, parse: (text: string, src: ValueSource, comma: boolean) => Parsed<T>): T | undefined => {
    const c = given[col];
    if (c === undefined) return undefined;
    const parsed = parse(c.text, c.src, comma);
    if (!parsed.ok) {
      problems.push(parsed.diagnostic);
      return undefined;
    }
    return parsed.value;
  };

  const volume = take("volume", parseNonNegative);
  const ahtSec = take("aht", parsePositiveDuration);
  const intervalMin = take("interval_minutes", parsePositive) ?? ctx.defaults.intervalMin;
  const patienceSec = take("patience", parsePositiveDuration);
  let concurrency = take("concurrency", parseCount);
  const byConcurrency = ahtByConcurrency(given.aht_by_concurrency, comma, problems);
  let serviceLevel: number | undefined;
  let answerWithinSec = take("sl_seconds", parseDuration);
  const slCell = given.sl_target;
  if (slCell !== undefined) {
    const parsed = parseServiceLevelTarget(slCell.text, slCell.src, comma);
    if (!parsed.ok) problems.push(parsed.diagnostic);
    else {
      serviceLevel = parsed.value.share;
      const conflict = thresholdConflict(slCell.text, slCell.src, parsed.value.withinSec, given.sl_seconds?.src.field ?? "", answerWithinSec);
      if (conflict !== undefined) problems.push(conflict);
      answerWithinSec = parsed.value.withinSec ?? answerWithinSec;
    }
    if (serviceLevel !== undefined && answerWithinSec === undefined && given.sl_seconds === undefined) {
      problems.push(
        problem(
          "INPUT_MISSING_VALUE",
          `${slCell.src.field}: ${slCell.text.trim()} has no threshold: expected ${ctx.names.sl_seconds}, or a value such as 80/20`,
          { ...slCell.src, value: slCell.text },
        ),
      );
    }
  }
  const maxAsaSec = take("asa_max", parseDuration);
  const maxOccupancy = take("max_occupancy", parseFraction);
  const maxAbandonRate = take("max_abandon", parseFraction);

  if (given.volume === undefined) problems.push(ctx.missing("volume", line));
  if (given.aht === undefined && given.aht_by_concurrency === undefined) problems.push(ctx.missing("aht", line));
  const abandonCell = given.max_abandon;
  if (abandonCell !== undefined && given.patience === undefined) {
    problems.push(
      problem("INPUT_NEEDS_PATIENCE", `${abandonCell.src.field}: an abandonment target needs a patience (Erlang A)`, { ...abandonCell.src, value: abandonCell.text }),
    );
  }
  let aht = ahtSec;
  if (byConcurrency !== undefined && problems.length === 0) {
    const cell = given.aht_by_concurrency!;
    const at = { ...cell.src, value: cell.text };
    const atFull = byConcurrency[byConcurrency.length - 1]!;
    if (concurrency !== undefined && concurrency !== byConcurrency.length) {
      problems.push(problem("INPUT_CONFLICT", `${cell.src.field}: got ${byConcurrency.length} durations, expected ${concurrency}, one per chat held at once up to ${given.concurrency!.src.field} ${concurrency}`, at));
    } else if (ahtSec !== undefined && ahtSec !== atFull) {
      problems.push(problem("INPUT_CONFLICT", `${cell.src.field}: ends with ${atFull} s, expected ${given.aht!.src.field} ${ahtSec} s (the duration at full concurrency), or no ${given.aht!.src.field}`, at));
    } else if (patienceSec !== undefined && byConcurrency.some((a) => a !== atFull)) {
      problems.push(problem("INPUT_CONFLICT", `${cell.src.field}: handle times by concurrency do not combine with ${given.patience!.src.field} (no abandonment in the chat model)`, at));
    } else if (byConcurrency.length > MAX_CHAT_CONCURRENCY) {
      problems.push(problem("INPUT_OUT_OF_RANGE", `${cell.src.field}: got ${byConcurrency.length} durations, expected at most ${MAX_CHAT_CONCURRENCY}`, at));
    }
    concurrency ??= byConcurrency.length;
    aht = atFull;
  }
  if (problems.length > 0 || volume === undefined || aht === undefined) return { ok: false, problems };

  const queue = byConcurrency === undefined ? { volume, ahtSec: aht, intervalMin, patienceSec, concurrency } : { volume, ahtSec: aht, intervalMin, patienceSec, concurrency, ahtByConcurrencySec: byConcurrency };
  problems.push(...queueLimitProblems(queue, { volume: given.volume?.src, concurrency: given.concurrency?.src }));
  if (serviceLevel === undefined && maxAsaSec === undefined && maxOccupancy === undefined && maxAbandonRate === undefined) {
    const assumed = ctx.noTarget(line);
    if ("code" in assumed) problems.push(assumed);
    else {
      serviceLevel = assumed.serviceLevel;
      answerWithinSec ??= assumed.answerWithinSec;
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    case: {
      line,
      id: given.id?.text.trim(),
      queue,
      targets: { serviceLevel, answerWithinSec, maxAsaSec, maxOccupancy, maxAbandonRate },
    },
  };
}

/** Defaults applied when a column is absent or a cell blank. */
export interface ErlangCaseDefaults {
  intervalMin: number;
}

