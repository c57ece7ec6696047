import type { Tier } from "../forecast.js";
import type { MipStatus } from "./mip.js";
import type { ShiftRules } from "./template.js";

/**
 * What a weekly schedule is made of. Times inside a week are minutes after
 * the week's first day 00:00 (0 … 10,079; a shift may run past the week's
 * end and wraps to its start: the week is cyclic). Days are 0 … 6 from the
 * scenario's `week_start`.
 */

/** One break of one working day. */
export interface PlacedBreak {
  /** Minutes after the week's start (may exceed 10,080 for a shift that crosses the week's end). */
  startMin: number;
  endMin: number;
  paid: boolean;
}

/** One working day of a tour. */
export interface TourDay {
  day: number;
  /** Minutes after the week's start: `day × 1440 + start time` (shift start). */
  startMin: number;
  /** Exclusive end: `startMin + lengthMin` (may exceed 10,080). */
  endMin: number;
  breaks: PlacedBreak[];
}

/** A tour worked by `people` identical people: a template, its days, each day's start and breaks. */
export interface Tour {
  template: string;
  days: TourDay[];
  people: number;
  /** Paid hours of one person over the week: days × the template's paid hours. */
  paidHours: number;
  /** Cost of one person over the week: paidHours × cost per hour. */
  cost: number;
}

/** People, paid hours and cost of one template in one week. */
export interface TemplateUse {
  template: string;
  people: number;
  paidHours: number;
  cost: number;
}

/** One team's schedule for one calendar week. */
export interface WeekSchedule {
  /** 00:00 of the week's first day, minutes since 1970-01-01 in the forecast's own clock. */
  weekStartMin: number;
  status: MipStatus;
  /** Proven relative optimality gap of the cost (0 = proven optimal). */
  gap: number;
  /** Lower bound proven by the solver of the cost plus the understaffing cost (at most both). */
  boundCost: number;
  tours: Tour[];
  /** Agents needed on the floor per interval (the plan's agents ÷ (1 − in-shift shrinkage not placed as breaks)), one value per interval of the week. */
  required: Float64Array;
  /** Agents the schedule puts on the floor per interval (shift and break edges counted by the share of the interval they cover). */
  onFloor: Float64Array;
  byTemplate: TemplateUse[];
  people: number;
  paidHours: number;
  /** Σ tours × people × cost (understaffing not included). */
  cost: number;
  /** Σ required × interval hours. */
  requiredHours: number;
  /** Σ on the floor × interval hours. */
  onFloorHours: number;
  /** Σ max(0, onFloor − required) × interval hours. */
  overHours: number;
  /** Σ max(0, required − onFloor) × interval hours. */
  underHours: number;
  /** Cost of the agent-hours short (understaffingCost × underHours; 0 when every interval is covered). */
  understaffingCost: number;
  /** requiredHours ÷ onFloorHours (1 when nothing is on the floor). */
  efficiency: number;
}

/** A team's figures of a week, means over its weeks (0 when it has none). */
export interface MeanWeek {
  /** People, paid hours and cost by template, in the templates' order (templates with people only). */
  byTemplate: TemplateUse[];
  /** Paid hours and cost of the scheduled people (before out-of-shift shrinkage). */
  scheduledPaidHours: number;
  scheduledCost: number;
  requiredHours: number;
  onFloorHours: number;
  /** Agent-hours above and below the requirement. */
  overHours: number;
  underHours: number;
  /** Cost of priced understaffing. */
  understaffingCost: number;
}

/** One team's schedules over the horizon, and the people they take. */
export interface TeamSchedule {
  site: string;
  /** The organisation group's name. */
  team: string;
  tier: Tier;
  /** Interval length of the requirement, minutes. */
  gridMin: number;
  /** The rules as solved (templates with their cost per hour resolved). */
  rules: ShiftRules;
  /** In-shift shrinkage the requirement is divided by (placed breaks excluded), 0 … 1. */
  inShiftShrinkage: number;
  /** Shrinkage outside shifts (absence, holidays…): headcount = scheduled people ÷ (1 − this). */
  outOfShiftShrinkage: number;
  weeks: WeekSchedule[];
  /** Mean over the weeks of the people scheduled. */
  people: number;
  /** ⌈people ÷ (1 − out-of-shift shrinkage)⌉. */
  headcount: number;
  /** Mean paid hours a week of the scheduled people, grossed up for out-of-shift shrinkage (what is paid). */
  paidHoursPerWeek: number;
  /** Mean cost a week, grossed up the same way. */
  costPerWeek: number;
  /** Σ requiredHours ÷ Σ onFloorHours over the weeks. */
  efficiency: number;
  /** The scheduled people's figures, means over the weeks (before out-of-shift shrinkage). */
  meanWeek: MeanWeek;
  /** Largest gap of its weeks. */
  gap: number;
  /** Worst status of its weeks (infeasible > no-solution > time-limit > optimal). */
  status: MipStatus;
  /** The plan's FTE-based figures of the same team, for comparison (null when the requirement came from a file). */
  planFte: number | null;
  planHeadcount: number | null;
}

/** Every team's schedule. */
export interface ShiftPlan {
  scenario: string;
  currency: string;
  weeks: number;
  teams: TeamSchedule[];
  totals: {
    people: number;
    headcount: number;
    paidHoursPerWeek: number;
    costPerWeek: number;
    efficiency: number;
    overHours: number;
    underHours: number;
    gap: number;
    status: MipStatus;
    planFte: number | null;
    planHeadcount: number | null;
  };
}
