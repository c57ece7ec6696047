import type { Tier } from "../forecast.js";

/**
 * Shift templates and the rules a weekly schedule follows (SPEC 5.4b,
 * scenario `shifts`). Times are minutes; days are 0 … 6 from the scenario's
 * `week_start` (0 = the week's first day, Monday by default).
 */

/** Which days of the week a template's people do not work. */
export type DaysOff =
  /** The 7 − days_per_week days off follow each other (cyclically: Sunday then Monday counts). */
  | { kind: "consecutive" }
  /** Any days. */
  | { kind: "any" }
  /** These week days (0 = the week's first day), always: one pattern. */
  | { kind: "fixed"; days: readonly number[] };

/** One break of a working day, placed by the schedule inside its window. */
export interface ShiftBreak {
  lengthMin: number;
  /** Whether it is paid (already counted in the template's `paidHours`; informative). */
  paid: boolean;
  /** The break lies entirely between these offsets from the shift start: it starts at `afterMin` at the earliest and ends at `beforeMin` at the latest. */
  afterMin: number;
  beforeMin: number;
  /** Grid of its start offsets, minutes (default 15). */
  stepMin: number;
}

/** A kind of shift people can be given: contract, length, start window, breaks, cost and share. */
export interface ShiftTemplate {
  name: string;
  /** Working days a week, 1 … 7. */
  daysPerWeek: number;
  daysOff: DaysOff;
  /** Time on site a day, breaks included, minutes. */
  lengthMin: number;
  /** Paid hours a working day (length minus unpaid breaks unless written). */
  paidHours: number;
  /** First and last allowed start, minutes after midnight (`lastStartMin` ≥ `firstStartMin`; a shift may end after midnight). */
  firstStartMin: number;
  lastStartMin: number;
  /** Grid of start times, minutes. */
  startStepMin: number;
  /** How far a person's start may move through the week, minutes (0 = same start all week). */
  startBandMin: number;
  breaks: readonly ShiftBreak[];
  /** Cost of a paid hour; null: the site's cost of an agent hour of the team's level, else 1 (costs are then paid hours). */
  costPerHour: number | null;
  /** Share of the team's scheduled people, 0 … 1 (null: no bound). */
  minShare: number | null;
  maxShare: number | null;
  /** Most people on this template in a team (null: no bound). */
  maxCount: number | null;
}

/** Legal floors a template must respect (France by default, shared/DOMAIN.md). */
export interface LegalFloors {
  /** Rest between two working days, hours (11). */
  minDailyRestHours: number;
  /** Consecutive weekly rest, hours (35 = 24 + 11). */
  minWeeklyRestHours: number;
  /** Paid work a day, hours (10). */
  maxDailyWorkHours: number;
  /** A day of more than this many hours of work needs a break of at least `minBreakMin` (6 h, 20 min). */
  breakAfterWorkHours: number;
  minBreakMin: number;
}

/** The scenario's `shifts`, as one team (site × group × level) uses them. */
export interface ShiftRules {
  /** Names of the scenario's shrinkage components kept inside shifts (breaks, meetings, training, offline…); the others turn scheduled people into headcount. */
  inShiftShrinkage: readonly string[];
  /** Cost of an agent-hour short; null: every interval is covered. */
  understaffingCost: number | null;
  templates: readonly ShiftTemplate[];
  legal: LegalFloors;
}

/** `shifts` of a scenario or of a site: the rules, and per level the rules that replace them. */
export interface ShiftSettings {
  rules: ShiftRules;
  levels: Partial<Record<Tier, ShiftRules>>;
}

export const DEFAULT_LEGAL_FLOORS: LegalFloors = {
  minDailyRestHours: 11,
  minWeeklyRestHours: 35,
  maxDailyWorkHours: 10,
  breakAfterWorkHours: 6,
  minBreakMin: 20,
};

/** Shrinkage components kept inside shifts when the scenario does not say (the rest is absence and holidays). */
export const DEFAULT_IN_SHIFT_SHRINKAGE: readonly string[] = ["breaks", "meetings", "training", "offline"];
