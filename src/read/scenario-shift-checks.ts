import { WEEK_DAY_NAMES } from "../plan/calendar.js";
import type { Tier } from "../plan/forecast.js";
import { DEFAULT_LEGAL_FLOORS, type LegalFloors, type ShiftBreak } from "../plan/shifts/template.js";
import { normalizeHeader } from "./names.js";
import { percentText } from "./scenario-share.js";
import type { LegalInput, LevelInput, ShiftsInput, TemplateInput } from "./scenario-shifts.js";
import { clockText, hoursText, minutesText } from "./shift-minutes.js";

/**
 * What a `shifts` block means once its defaults are filled in, and what is
 * wrong with it: templates that contradict themselves, template lists, the
 * legal floors (DOMAIN.md: France by default), and the values that are valid
 * but unlikely. Problems are paths (relative to the block or the template)
 * and messages; the schema turns them into diagnostics.
 */

type Path = (string | number)[];
type LegalKey = keyof LegalInput;

/** Defaults of a template's keys (DOMAIN.md "Shifts and schedules"). */
export const SHIFT_DEFAULTS = {
  daysPerWeek: 5,
  /** Start grid, minutes. */
  startStepMin: 30,
  /** How far a start may move through the week, minutes: a frequent fairness rule is one hour. */
  startBandMin: 60,
  /** A break's start grid, minutes. */
  breakStepMin: 15,
  /** A break shorter than this is paid unless it says (a 15-minute screen break); this long or longer (a lunch) unpaid. */
  paidBreakBelowMin: 30,
} as const;

/** What `days_off` says, days counted from Monday (0) until the scenario's `week_start` is known. */
export type DaysOffInput = { kind: "consecutive" } | { kind: "any" } | { kind: "fixed"; days: number[] };

/** A problem found in a `shifts` block: where (relative to the block or the template) and what. */
export interface Problem {
  path: Path;
  message: string;
}

/** A template against a legal floor: which floor. */
interface LegalProblem extends Problem {
  rule: LegalKey | "days_per_week";
}

/** What a template says once its defaults are filled in (days off still counted from Monday). */
export interface TemplateFacts {
  daysPerWeek: number;
  daysOff: DaysOffInput;
  breaks: ShiftBreak[];
  paidHours: number;
  /** As the template says: 0 with `same_start_all_week`. */
  startBandMin: number;
  /** How far starts can really move: the band, at most the width of the start window. */
  effectiveBandMin: number;
}

/**
 * A template's defaults filled in: 5 days a week, days off together, a
 * break paid when shorter than 30 minutes, its window the whole shift, its
 * starts every 15 minutes; paid hours = length − unpaid breaks; a start band
 * of an hour (0 with `same_start_all_week`). See {@link SHIFT_DEFAULTS}.
 */
export function templateFacts(t: TemplateInput): TemplateFacts {
  const breaks = (t.breaks ?? []).map(
    (b): ShiftBreak => ({
      lengthMin: b.length,
      paid: b.paid ?? b.length < SHIFT_DEFAULTS.paidBreakBelowMin,
      afterMin: b.after ?? 0,
      beforeMin: b.before ?? t.length,
      stepMin: b.step ?? SHIFT_DEFAULTS.breakStepMin,
    }),
  );
  const unpaidMin = breaks.reduce((n, b) => n + (b.paid ? 0 : b.lengthMin), 0);
  const startBandMin = t.same_start_all_week === true ? 0 : (t.start_band ?? SHIFT_DEFAULTS.startBandMin);
  return {
    daysPerWeek: t.days_per_week ?? SHIFT_DEFAULTS.daysPerWeek,
    daysOff: t.days_off ?? { kind: "consecutive" },
    breaks,
    paidHours: t.paid_hours ?? (t.length - unpaidMin) / 60,
    startBandMin,
    effectiveBandMin: Math.min(startBandMin, t.start.to - t.start.from),
  };
}

/**
 * A template's problems that need nothing but the template: the start band
 * given twice, a days-off list of the wrong length or with a day twice,
 * breaks outside the shift, longer than their window or with windows out of
 * order or overlapping, paid hours above the time on site, and min_share
 * above max_share. Paths are relative to the template.
 */
export function templateProblems(t: TemplateInput): Problem[] {
  const out: Problem[] = [];
  const f = templateFacts(t);
  if (t.same_start_all_week !== undefined && t.start_band !== undefined) {
    out.push({ path: ["start_band"], message: `start_band and same_start_all_week are both given: expected one of them (same_start_all_week: true is start_band: 0)` });
  }
  if (f.daysOff.kind === "fixed") out.push(...daysOffProblems(f.daysOff.days, f.daysPerWeek, t.days_per_week === undefined));
  f.breaks.forEach((b, j) => {
    const at = ["breaks", j];
    if (b.beforeMin > t.length) {
      out.push({ path: [...at, "before"], message: `got ${minutesText(b.beforeMin)}, after the end of the ${minutesText(t.length)} shift: expected a window inside the shift (before at most the template's length)` });
    } else if (b.beforeMin - b.afterMin < b.lengthMin) {
      out.push({
        path: [...at, "length"],
        message: `got ${minutesText(b.lengthMin)}, longer than its window from ${minutesText(b.afterMin)} to ${minutesText(b.beforeMin)} after the shift start: expected a break that fits between after and before (widen the window or shorten the break)`,
      });
    }
    const previous = f.breaks[j - 1];
    if (previous !== undefined && b.afterMin < previous.beforeMin) {
      out.push({
        path: [...at, "after"],
        message: `got ${minutesText(b.afterMin)}${t.breaks![j]!.after === undefined ? " (the default)" : ""}, before the end of the previous break's window (breaks.${j - 1}.before: ${minutesText(previous.beforeMin)}): expected breaks in order with windows that do not overlap (after at least the previous break's before), so that one person's breaks never overlap`,
      });
    }
  });
  if (t.paid_hours !== undefined && t.paid_hours * 60 > t.length + 1e-9) {
    out.push({ path: ["paid_hours"], message: `got ${hoursText(t.paid_hours)} h, more than the ${minutesText(t.length)} on site (length): expected at most ${hoursText(t.length / 60)}` });
  } else if (t.paid_hours === undefined && !(f.paidHours > 0)) {
    out.push({ path: ["breaks"], message: `the unpaid breaks take the whole ${minutesText(t.length)} shift: expected some paid time (paid_hours, or paid: true on short breaks)` });
  }
  if (t.min_share != null && t.max_share != null && t.min_share > t.max_share) {
    out.push({ path: ["min_share"], message: `got ${percentText(t.min_share)}, above max_share ${percentText(t.max_share)}: expected min_share at most max_share` });
  }
  return out;
}

/** A days-off list must name 7 − days_per_week distinct days. */
function daysOffProblems(days: readonly number[], daysPerWeek: number, defaultDays: boolean): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<number>();
  days.forEach((d, i) => {
    if (seen.has(d)) out.push({ path: ["days_off", i], message: `got ${WEEK_DAY_NAMES[d]} twice: expected distinct days off` });
    seen.add(d);
  });
  const want = 7 - daysPerWeek;
  if (days.length !== want) {
    out.push({
      path: ["days_off"],
      message: `got ${days.length} day${days.length === 1 ? "" : "s"} off (${days.map((d) => WEEK_DAY_NAMES[d]).join(", ") || "none"}), expected ${want}: 7 − days_per_week (${daysPerWeek}${defaultDays ? ", the default" : ""})`,
    });
  }
  return out;
}

/**
 * The problems of a whole block: those of its template lists (names,
 * minimum shares) and those of each template against the legal floors that
 * apply to it — the block's, and for each level the level's over the
 * block's. A level without templates of its own but with its own legal
 * floors has the block's templates checked against them too (each problem
 * once: one the block's floors already give is not repeated). Paths are
 * relative to the block.
 */
export function blockProblems(block: ShiftsInput): Problem[] {
  const out: Problem[] = [];
  const legal = legalFloors(DEFAULT_LEGAL_FLOORS, block.legal);
  const name = (key: LegalKey) => legalName(key, legal, block.legal === undefined || block.legal[key] === undefined ? "default" : "legal");
  out.push(...listProblems(block.templates, ["templates"]));
  const blockLegal = block.templates.flatMap((t, k) => legalProblems(t, legal, name).map((p) => ({ ...p, path: ["templates", k, ...p.path] })));
  out.push(...blockLegal);
  const tiers = new Map<Tier, string>();
  for (const [key, level] of Object.entries(block.levels ?? {})) {
    const tier = levelTier(key);
    if (tier === undefined) {
      out.push({ path: ["levels", key], message: `got level ${JSON.stringify(key)}, expected 1, 2 or 3 (or level-1, level-2, level-3)` });
      continue;
    }
    const twin = tiers.get(tier);
    if (twin !== undefined) out.push({ path: ["levels", key], message: `got level ${tier} twice (${JSON.stringify(twin)} and ${JSON.stringify(key)}): expected each level once` });
    tiers.set(tier, key);
    out.push(...levelProblems(block, level, key, legal, name, blockLegal));
  }
  return out;
}

function levelProblems(block: ShiftsInput, level: LevelInput, key: string, parentLegal: LegalFloors, parentName: (key: LegalKey) => string, parentProblems: LegalProblem[]): Problem[] {
  const legal = legalFloors(parentLegal, level.legal);
  const name = (k: LegalKey) => (level.legal?.[k] !== undefined ? legalName(k, legal, `levels.${key}.legal`) : parentName(k));
  if (level.templates !== undefined) {
    const base = ["levels", key, "templates"];
    return [...listProblems(level.templates, base), ...level.templates.flatMap((t, k) => legalProblems(t, legal, name).map((p) => ({ ...p, path: [...base, k, ...p.path] })))];
  }
  if (level.legal === undefined) return [];
  const known = new Set(parentProblems.map((p) => `${p.path.join(".")} ${p.rule}`));
  return block.templates.flatMap((t, k) =>
    legalProblems(t, legal, name)
      .filter((p) => !known.has(`templates.${k}.${p.path.join(".")} ${p.rule}`))
      .map((p) => ({ path: ["templates", k, ...p.path], message: `${p.message} (as levels.${key} uses this template)` })),
  );
}

/** Names used twice, and minimum shares that add up past 100 %. */
function listProblems(templates: readonly TemplateInput[], base: Path): Problem[] {
  const out: Problem[] = [];
  const names = new Set<string>();
  templates.forEach((t, k) => {
    if (names.has(t.name)) out.push({ path: [...base, k, "name"], message: `a second template named ${JSON.stringify(t.name)}: expected unique names` });
    names.add(t.name);
  });
  let total = 0;
  let last = -1;
  templates.forEach((t, k) => {
    if (t.min_share != null && t.min_share > 0) {
      total += t.min_share;
      last = k;
    }
  });
  if (total > 1 + 1e-9) {
    out.push({ path: [...base, last, "min_share"], message: `the min_share of the templates add up to ${percentText(total)}: expected at most 100% (shares of one team's people)` });
  }
  return out;
}

/**
 * A template against the legal floors (DOMAIN.md; France by default):
 * - paid hours a day at most `max_daily_work_hours`;
 * - 7 days a week only without a weekly rest;
 * - between two working days, 24 h − length − start band (starts may move
 *   by the band) at least `min_daily_rest_hours`, when two working days can
 *   follow each other (always for `consecutive` and `any` with 2 days or
 *   more; for a fixed list, when two of its working days are adjacent);
 * - the weekly rest, (longest run of days off + 1) × 24 h − length − start
 *   band, at least `min_weekly_rest_hours` (the longest run: 7 − days_per_week
 *   for `consecutive` and `any`, the longest run of the list, the week being
 *   cyclic, for a fixed list);
 * - a day of more than `break_after_work_hours` of work (length − all its
 *   breaks) has a break of at least `min_break_minutes`.
 * The start band counts for as far as the start window lets starts move.
 * Paths are relative to the template; nothing is checked on a template with
 * problems of its own ({@link templateProblems}).
 */
function legalProblems(t: TemplateInput, legal: LegalFloors, name: (key: LegalKey) => string): LegalProblem[] {
  if (templateProblems(t).length > 0) return [];
  const out: LegalProblem[] = [];
  const f = templateFacts(t);
  const band = f.effectiveBandMin;
  const less = `24h − length ${minutesText(t.length)}${band > 0 ? ` − start band ${minutesText(band)}` : ""}`;
  if (f.paidHours > legal.maxDailyWorkHours + 1e-9) {
    out.push({
      rule: "max_daily_work_hours",
      path: [t.paid_hours !== undefined ? "paid_hours" : "length"],
      message: `got ${hoursText(f.paidHours)} h paid a day, above ${name("max_daily_work_hours")}: expected at most ${hoursText(legal.maxDailyWorkHours)} h of work a day, or change that key`,
    });
  }
  if (f.daysPerWeek === 7 && legal.minWeeklyRestHours > 0) {
    out.push({ rule: "days_per_week", path: ["days_per_week"], message: `got 7 working days a week, which leaves no weekly rest (${name("min_weekly_rest_hours")}): expected at most 6` });
  }
  const dailyRestMin = 1440 - t.length - band;
  if (adjacentWorkingDays(f) && dailyRestMin < legal.minDailyRestHours * 60 - 1e-9) {
    out.push({
      rule: "min_daily_rest_hours",
      path: ["length"],
      message: `got ${minutesText(t.length)} on site: ${less} leaves ${minutesText(dailyRestMin)} of rest between two working days, below ${name("min_daily_rest_hours")}: expected a shorter shift${band > 0 ? " or start band" : ""}`,
    });
  }
  if (f.daysPerWeek < 7) {
    const run = longestRunOff(f);
    const weeklyRestMin = (run + 1) * 1440 - t.length - band;
    if (weeklyRestMin < legal.minWeeklyRestHours * 60 - 1e-9) {
      const how = f.daysOff.kind === "fixed" ? "the longest run of the listed days" : "7 − days_per_week";
      out.push({
        rule: "min_weekly_rest_hours",
        path: [t.days_off !== undefined ? "days_off" : t.days_per_week !== undefined ? "days_per_week" : "length"],
        message: `got at most ${run} day${run === 1 ? "" : "s"} off in a row (${how}): (${run} + 1) × ${less} leaves ${minutesText(weeklyRestMin)} of weekly rest, below ${name("min_weekly_rest_hours")}: expected more days off in a row, a shorter shift${band > 0 ? " or start band" : ""}`,
      });
    }
  }
  const breakMin = f.breaks.reduce((n, b) => n + b.lengthMin, 0);
  const workMin = t.length - breakMin;
  if (workMin > legal.breakAfterWorkHours * 60 + 1e-9 && !f.breaks.some((b) => b.lengthMin >= legal.minBreakMin)) {
    out.push({
      rule: "min_break_minutes",
      path: [t.breaks !== undefined ? "breaks" : "length"],
      message: `got ${minutesText(workMin)} of work a day (${minutesText(t.length)} on site − ${minutesText(breakMin)} of breaks) and no break of ${name("min_break_minutes")} or more, over ${name("break_after_work_hours")}: expected a break at least that long`,
    });
  }
  return out;
}

/** `legal.max_daily_work_hours (10)`, with where the value comes from. */
function legalName(key: LegalKey, legal: LegalFloors, from: string): string {
  const value = legal[LEGAL_KEYS[key]];
  return from === "default" ? `legal.${key} (${value}, the default)` : `${from}.${key} (${value})`;
}

/** Whether two working days can follow each other (the week is cyclic). */
function adjacentWorkingDays(f: TemplateFacts): boolean {
  if (f.daysOff.kind !== "fixed") return f.daysPerWeek >= 2;
  const off = new Set(f.daysOff.days);
  for (let d = 0; d < 7; d++) if (!off.has(d) && !off.has((d + 1) % 7)) return true;
  return false;
}

/** The most days off in a row a template allows (the week is cyclic: Sunday then Monday counts). */
function longestRunOff(f: TemplateFacts): number {
  if (f.daysOff.kind !== "fixed") return 7 - f.daysPerWeek;
  const off = new Set(f.daysOff.days);
  if (off.size === 7) return 7;
  let best = 0;
  for (let start = 0; start < 7; start++) {
    let n = 0;
    while (n < 7 && off.has((start + n) % 7)) n++;
    best = Math.max(best, n);
  }
  return best;
}

/** Snake-case keys of `legal` → fields of {@link LegalFloors}. */
const LEGAL_KEYS: Record<LegalKey, keyof LegalFloors> = {
  min_daily_rest_hours: "minDailyRestHours",
  min_weekly_rest_hours: "minWeeklyRestHours",
  max_daily_work_hours: "maxDailyWorkHours",
  break_after_work_hours: "breakAfterWorkHours",
  min_break_minutes: "minBreakMin",
};

export function legalFloors(base: LegalFloors, legal: LegalInput | undefined): LegalFloors {
  const out = { ...base };
  for (const [key, field] of Object.entries(LEGAL_KEYS) as [LegalKey, keyof LegalFloors][]) {
    const v = legal?.[key];
    if (v !== undefined) out[field] = v;
  }
  return out;
}

const LEVEL_KEY = /^(?:level|niveau|tier|l|n)?\s*[-_ ]?\s*([123])$/i;

/** `3`, `level-3`, `level_3`, `L3`, `N3` → 3. */
export function levelTier(key: string): Tier | undefined {
  const m = LEVEL_KEY.exec(key.trim());
  return m ? (Number(m[1]) as Tier) : undefined;
}

/**
 * Names of `in_shift_shrinkage` (of a block and of its levels) that are not
 * components of the shrinkage that applies (case, accents and spacing
 * aside, as shrinkage keys are read). Only names written are checked: the
 * default list keeps its names whatever the shrinkage (a component the
 * shrinkage does not have is 0).
 *
 * @param components - the shrinkage components' keys, as read (normalized)
 * @param whose - whose shrinkage, for the message (`the scenario's shrinkage`)
 */
export function unknownShrinkageNames(block: ShiftsInput, components: readonly string[], whose: string): Problem[] {
  const known = new Set(components);
  const check = (names: readonly string[] | undefined, base: Path) =>
    (names ?? []).flatMap((n, i) =>
      known.has(normalizeHeader(n))
        ? []
        : [{ path: [...base, "in_shift_shrinkage", i], message: `unknown shrinkage component ${JSON.stringify(n)}: expected one of ${components.join(", ") || "(none)"} (the components of ${whose})` }],
    );
  return [...check(block.in_shift_shrinkage, []), ...Object.entries(block.levels ?? {}).flatMap(([key, level]) => check(level.in_shift_shrinkage, ["levels", key]))];
}

/**
 * Values of a `shifts` block that are valid but unlikely (warnings):
 * - `paid_hours` more than a minute away from length − unpaid breaks (a
 *   break's `paid` flag may be wrong, or the hours);
 * - a start step that neither divides an hour nor is whole hours (starts
 *   then drift through the hour: 07:00, 07:45, 08:30…).
 *
 * @param base - the block's path in the scenario (`["sites", 0, "shifts"]`)
 */
export function implausibleShifts(block: ShiftsInput, base: Path): Problem[] {
  const lists: [Path, readonly TemplateInput[]][] = [[[...base, "templates"], block.templates]];
  for (const [key, level] of Object.entries(block.levels ?? {})) if (level.templates !== undefined) lists.push([[...base, "levels", key, "templates"], level.templates]);
  return lists.flatMap(([path, templates]) => templates.flatMap((t, k) => implausibleTemplate(t, [...path, k])));
}

function implausibleTemplate(t: TemplateInput, path: Path): Problem[] {
  const out: Problem[] = [];
  const f = templateFacts(t);
  const unpaidMin = f.breaks.reduce((n, b) => n + (b.paid ? 0 : b.lengthMin), 0);
  if (t.paid_hours !== undefined && Math.abs(t.paid_hours * 60 - (t.length - unpaidMin)) > 1) {
    out.push({
      path: [...path, "paid_hours"],
      message: `got ${hoursText(t.paid_hours)} h paid a day, but ${minutesText(t.length)} on site less ${unpaidMin > 0 ? `${minutesText(unpaidMin)} of unpaid breaks` : "no unpaid break"} is ${hoursText((t.length - unpaidMin) / 60)} h: expected paid_hours equal to length − unpaid breaks (is a break's paid flag wrong?)`,
    });
  }
  const step = t.start.step;
  if (step !== undefined && 60 % step !== 0 && step % 60 !== 0) {
    const starts = [0, 1, 2].map((n) => clockText((t.start.from + n * step) % 1440).replace(/"/g, "")).join(", ");
    out.push({ path: [...path, "start", "step"], message: `got ${step} min: starts drift through the hour (${starts}…): expected a step that divides an hour, such as 15 or 30` });
  }
  return out;
}
