import type { MipStatus } from "../../src/plan/shifts/mip.js";
import type { ShiftPlan, TeamSchedule, TemplateUse, Tour, WeekSchedule } from "../../src/plan/shifts/schedule-types.js";
import { DEFAULT_IN_SHIFT_SHRINKAGE, DEFAULT_LEGAL_FLOORS, type ShiftTemplate } from "../../src/plan/shifts/template.js";
import type { Tier } from "../../src/plan/forecast.js";

/**
 * Hand-built shift plans for the renderers' tests. Every derived figure
 * (on the floor, people, paid hours, cost, over and under, efficiency, the
 * team's and the plan's totals) is computed here from the tours, on-the-floor
 * agents minute by minute, independently of src/plan/shifts/coverage.ts.
 */

const WEEK = 10_080;

/** Minutes since 1970-01-01 of "YYYY-MM-DD" 00:00. */
export function dayMin(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 60_000;
}

/** Minutes of "HH:MM". */
export const hm = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** A template with everyday defaults (5 days, 8 h on site, 7 paid, one unpaid hour of lunch, 28 an hour). */
export function template(over: Partial<ShiftTemplate> = {}): ShiftTemplate {
  return {
    name: "full-time",
    daysPerWeek: 5,
    daysOff: { kind: "consecutive" },
    lengthMin: 480,
    paidHours: 7,
    firstStartMin: 420,
    lastStartMin: 750,
    startStepMin: 30,
    startBandMin: 0,
    breaks: [{ lengthMin: 60, paid: false, afterMin: 180, beforeMin: 300, stepMin: 15 }],
    costPerHour: 28,
    minShare: null,
    maxShare: null,
    maxCount: null,
    ...over,
  };
}

/** A tour as a test writes it: days (0 = the week's first day), a start per day or one for all, breaks as [offset from the start, length] per day or for all. */
export interface TourSpec {
  template: string;
  days: number[];
  start: string | string[];
  breaks?: [number, number, boolean?][] | [number, number, boolean?][][];
  people: number;
}

export interface WeekSpec {
  /** "YYYY-MM-DD" of the week's first day. */
  start: string;
  tours: TourSpec[];
  /** Agents required in interval k of the week. */
  required: (k: number) => number;
  status?: MipStatus;
  gap?: number;
  understaffingCostPerHour?: number;
}

export interface TeamSpec {
  site?: string;
  team?: string;
  tier?: Tier;
  gridMin?: number;
  templates?: ShiftTemplate[];
  outOfShiftShrinkage?: number;
  planFte?: number;
  planHeadcount?: number;
  weeks: WeekSpec[];
}

function buildTour(spec: TourSpec, templates: readonly ShiftTemplate[]): Tour {
  const t = templates.find((x) => x.name === spec.template);
  if (t === undefined) throw new Error(`no template ${spec.template}`);
  const days = spec.days.map((day, k) => {
    const start = day * 1440 + hm(Array.isArray(spec.start) ? spec.start[k]! : spec.start);
    const raw = spec.breaks === undefined ? [] : Array.isArray(spec.breaks[0]?.[0]) ? (spec.breaks as [number, number, boolean?][][])[k]! : (spec.breaks as [number, number, boolean?][]);
    return { day, startMin: start, endMin: start + t.lengthMin, breaks: raw.map(([off, len, paid]) => ({ startMin: start + off, endMin: start + off + len, paid: paid ?? false })) };
  });
  const paidHours = spec.days.length * t.paidHours;
  return { template: t.name, days, people: spec.people, paidHours, cost: paidHours * (t.costPerHour ?? 1) };
}

/** On the floor per interval, minute by minute (the slow, obvious way). */
export function bruteCoverage(tours: readonly Tour[], gridMin: number): number[] {
  const perMinute = new Array<number>(WEEK).fill(0);
  const wrap = (m: number) => ((m % WEEK) + WEEK) % WEEK;
  for (const tour of tours) {
    for (const d of tour.days) {
      for (let m = d.startMin; m < d.endMin; m++) {
        const onBreak = d.breaks.some((b) => m >= b.startMin && m < b.endMin);
        if (!onBreak) perMinute[wrap(m)]! += tour.people;
      }
    }
  }
  return Array.from({ length: WEEK / gridMin }, (_, k) => perMinute.slice(k * gridMin, (k + 1) * gridMin).reduce((s, x) => s + x, 0) / gridMin);
}

const STATUS_RANK: Record<MipStatus, number> = { optimal: 0, "time-limit": 1, "no-solution": 2, infeasible: 3 };
const worst = (statuses: MipStatus[]) => statuses.reduce<MipStatus>((w, s) => (STATUS_RANK[s] > STATUS_RANK[w] ? s : w), "optimal");

function buildWeek(spec: WeekSpec, templates: readonly ShiftTemplate[], gridMin: number): WeekSchedule {
  const tours = spec.tours.map((t) => buildTour(t, templates));
  const n = WEEK / gridMin;
  const required = Float64Array.from({ length: n }, (_, k) => spec.required(k));
  const onFloor = Float64Array.from(bruteCoverage(tours, gridMin));
  const h = gridMin / 60;
  let requiredHours = 0;
  let onFloorHours = 0;
  let overHours = 0;
  let underHours = 0;
  for (let k = 0; k < n; k++) {
    requiredHours += required[k]! * h;
    onFloorHours += onFloor[k]! * h;
    overHours += Math.max(0, onFloor[k]! - required[k]!) * h;
    underHours += Math.max(0, required[k]! - onFloor[k]!) * h;
  }
  const byTemplate: TemplateUse[] = templates.map((t) => {
    const own = tours.filter((x) => x.template === t.name);
    return { template: t.name, people: own.reduce((s, x) => s + x.people, 0), paidHours: own.reduce((s, x) => s + x.people * x.paidHours, 0), cost: own.reduce((s, x) => s + x.people * x.cost, 0) };
  });
  const cost = byTemplate.reduce((s, u) => s + u.cost, 0);
  const gap = spec.gap ?? 0;
  return {
    weekStartMin: dayMin(spec.start),
    status: spec.status ?? "optimal",
    gap,
    boundCost: cost * (1 - gap),
    tours,
    required,
    onFloor,
    byTemplate,
    people: byTemplate.reduce((s, u) => s + u.people, 0),
    paidHours: byTemplate.reduce((s, u) => s + u.paidHours, 0),
    cost,
    requiredHours,
    onFloorHours,
    overHours,
    underHours,
    understaffingCost: (spec.understaffingCostPerHour ?? 0) * underHours,
    efficiency: onFloorHours === 0 ? 1 : requiredHours / onFloorHours,
  };
}

function buildTeam(spec: TeamSpec): TeamSchedule {
  const templates = spec.templates ?? [template()];
  const gridMin = spec.gridMin ?? 30;
  const weeks = spec.weeks.map((w) => buildWeek(w, templates, gridMin));
  const nw = Math.max(1, weeks.length);
  const oos = spec.outOfShiftShrinkage ?? 0.12;
  const mean = (f: (w: WeekSchedule) => number) => weeks.reduce((s, w) => s + f(w), 0) / nw;
  const people = mean((w) => w.people);
  const onFloor = weeks.reduce((s, w) => s + w.onFloorHours, 0);
  return {
    site: spec.site ?? "Lyon",
    team: spec.team ?? "support",
    tier: spec.tier ?? 1,
    gridMin,
    rules: { inShiftShrinkage: DEFAULT_IN_SHIFT_SHRINKAGE, understaffingCost: null, templates, legal: DEFAULT_LEGAL_FLOORS },
    inShiftShrinkage: 0.05,
    outOfShiftShrinkage: oos,
    weeks,
    people,
    headcount: Math.ceil(people / (1 - oos) - 1e-9),
    paidHoursPerWeek: mean((w) => w.paidHours) / (1 - oos),
    costPerWeek: mean((w) => w.cost) / (1 - oos),
    efficiency: onFloor === 0 ? 1 : weeks.reduce((s, w) => s + w.requiredHours, 0) / onFloor,
    meanWeek: {
      byTemplate: templates
        .map((t) => {
          const uses = weeks.flatMap((w) => w.byTemplate.filter((u) => u.template === t.name));
          return { template: t.name, people: uses.reduce((s, u) => s + u.people, 0) / nw, paidHours: uses.reduce((s, u) => s + u.paidHours, 0) / nw, cost: uses.reduce((s, u) => s + u.cost, 0) / nw };
        })
        .filter((u) => u.people > 0),
      scheduledPaidHours: mean((w) => w.paidHours),
      scheduledCost: mean((w) => w.cost),
      requiredHours: mean((w) => w.requiredHours),
      onFloorHours: mean((w) => w.onFloorHours),
      overHours: mean((w) => w.overHours),
      underHours: mean((w) => w.underHours),
      understaffingCost: mean((w) => w.understaffingCost),
    },
    gap: Math.max(0, ...weeks.map((w) => w.gap)),
    status: worst(weeks.map((w) => w.status)),
    planFte: spec.planFte ?? people * 0.9,
    planHeadcount: spec.planHeadcount ?? Math.ceil(people * 0.9),
  };
}

/** A whole plan from team specs; totals summed (efficiency over every team's hours). */
export function shiftPlan(teams: TeamSpec[], over: { scenario?: string; currency?: string } = {}): ShiftPlan {
  const built = teams.map(buildTeam);
  const sum = (f: (t: TeamSchedule) => number) => built.reduce((s, t) => s + f(t), 0);
  const weeks = Math.max(1, ...built.map((t) => t.weeks.length));
  const required = built.reduce((s, t) => s + t.weeks.reduce((a, w) => a + w.requiredHours, 0), 0);
  const onFloor = built.reduce((s, t) => s + t.weeks.reduce((a, w) => a + w.onFloorHours, 0), 0);
  return {
    scenario: over.scenario ?? "test",
    currency: over.currency ?? "EUR",
    weeks,
    teams: built,
    totals: {
      people: sum((t) => t.people),
      headcount: sum((t) => t.headcount),
      paidHoursPerWeek: sum((t) => t.paidHoursPerWeek),
      costPerWeek: sum((t) => t.costPerWeek),
      efficiency: onFloor === 0 ? 1 : required / onFloor,
      overHours: sum((t) => t.meanWeek.overHours),
      underHours: sum((t) => t.meanWeek.underHours),
      gap: Math.max(0, ...built.map((t) => t.gap)),
      status: worst(built.map((t) => t.status)),
      planFte: sum((t) => t.planFte ?? 0),
      planHeadcount: sum((t) => t.planHeadcount ?? 0),
    },
  };
}
