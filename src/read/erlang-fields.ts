import type { ErlangCase } from "../plan/erlang-case.js";
import { problem, type Diagnostic } from "./diagnostics.js";
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
  const concurrency = take("concurrency", parseCount);
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
  if (given.aht === undefined) problems.push(ctx.missing("aht", line));
  const abandonCell = given.max_abandon;
  if (abandonCell !== undefined && given.patience === undefined) {
    problems.push(
      problem("INPUT_NEEDS_PATIENCE", `${abandonCell.src.field}: an abandonment target needs a patience (Erlang A)`, { ...abandonCell.src, value: abandonCell.text }),
    );
  }
  if (problems.length > 0 || volume === undefined || ahtSec === undefined) return { ok: false, problems };

  const queue = { volume, ahtSec, intervalMin, patienceSec, concurrency };
  problems.push(...queueLimitProblems(queue, { volume: given.volume?.src, patience: given.patience?.src, concurrency: given.concurrency?.src }));
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

