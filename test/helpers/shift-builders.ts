import type { ShiftRules, ShiftTemplate } from "../../src/plan/shifts/template.js";
import { DEFAULT_LEGAL_FLOORS } from "../../src/plan/shifts/template.js";
import { WEEK_MIN } from "../../src/plan/shifts/week-grid.js";

/** A template with plain defaults: 5 days Mon–Fri, 8 hours paid 8, starts 09:00 only, no breaks, cost 1 an hour. */
export function template(over: Partial<ShiftTemplate> = {}): ShiftTemplate {
  return {
    name: "full-time",
    daysPerWeek: 5,
    daysOff: { kind: "fixed", days: [5, 6] },
    lengthMin: 480,
    paidHours: 8,
    firstStartMin: 540,
    lastStartMin: 540,
    startStepMin: 30,
    startBandMin: 0,
    breaks: [],
    costPerHour: 1,
    minShare: null,
    maxShare: null,
    maxCount: null,
    ...over,
  };
}

export function rules(templates: ShiftTemplate[], over: Partial<ShiftRules> = {}): ShiftRules {
  return { inShiftShrinkage: [], understaffingCost: null, templates, legal: DEFAULT_LEGAL_FLOORS, ...over };
}

/** A week's requirement on a grid: `agents` from `fromMin` to `toMin` (minutes of the day) on the given days. */
export function requirement(gridMin: number, spans: { days: number[]; fromMin: number; toMin: number; agents: number }[]): Float64Array {
  const r = new Float64Array(WEEK_MIN / gridMin);
  for (const s of spans) for (const d of s.days) for (let m = s.fromMin; m < s.toMin; m += gridMin) r[(d * 1440 + m) / gridMin] = Math.max(r[(d * 1440 + m) / gridMin]!, s.agents);
  return r;
}

export const WEEKDAYS = [0, 1, 2, 3, 4];
export const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];
