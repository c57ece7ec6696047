import { z } from "zod";
import { DEFAULT_IN_SHIFT_SHRINKAGE, DEFAULT_LEGAL_FLOORS, type DaysOff, type ShiftRules, type ShiftSettings, type ShiftTemplate } from "../plan/shifts/template.js";
import { normalizeHeader } from "./names.js";
import { blockProblems, legalFloors, levelTier, SHIFT_DEFAULTS, templateFacts, templateProblems, type DaysOffInput } from "./scenario-shift-checks.js";
import { shareSchema } from "./scenario-share.js";
import { BARE_NUMBER, clockText, H_MM, minutesText, readShiftMinutes } from "./shift-minutes.js";
import { weekDayIndex } from "./week-days.js";

/**
 * The scenario's `shifts` (SPEC 5.4b; also a site's, and per level): shift
 * templates and the rules a weekly schedule follows, read from YAML, checked
 * against themselves and the legal floors ({@link blockProblems}), and
 * turned into the planner's {@link ShiftSettings}.
 *
 * Units, as written in a `shifts` block:
 * - durations (`length`, a break's `length`, `after`, `before`, `step`,
 *   `start_band`) take a unit — `8h`, `7h30`, `480min`, `90m`, `8:00` (h:mm)
 *   — and a bare number is **minutes** (`length: 60` is an hour). This is
 *   not the rest of the scenario's rule (a bare duration is seconds there):
 *   no shift duration is a few seconds, and a break written `length: 15` is
 *   15 minutes to everyone. A template `length` written as a bare number
 *   under 60 (`length: 8`) is refused (`CONFIG_IMPLAUSIBLE`): 8 minutes is
 *   no shift, 8 hours is written `8h`;
 * - `paid_hours` is hours (`7`, `7.5`, or `7h30`);
 * - `start.from` / `start.to` are times of day `"07:00"`;
 * - shares (`min_share`, `max_share`) follow the scenario's rule
 *   ({@link readShare}: `30%`, `0.3` or `30`; a bare `1` is ambiguous).
 */

/** A duration in whole minutes from `min` to `max`; `expected` says what, for the message. */
function minutesIn(min: number, max: number, expected: string) {
  return z.union([z.number(), z.string()], { error: `expected ${expected}` }).transform((v, ctx) => {
    const r = readShiftMinutes(v);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.message });
      return z.NEVER;
    }
    if (r.value < min || r.value > max) {
      ctx.addIssue({ code: "custom", message: `got ${JSON.stringify(v)}, read as ${minutesText(r.value)}${r.bare ? " (a bare number is minutes)" : ""}: expected ${expected}` });
      return z.NEVER;
    }
    return r.value;
  });
}

/**
 * A template's time on site: above 0 and at most 24 h. A bare number under
 * 60 is refused: it is minutes by the rule of `shifts`, and a shift of a few
 * minutes is hours written without their unit.
 */
const shiftLength = z.union([z.number(), z.string()], { error: "expected the time on site a day, breaks included, such as 8h or 7h30" }).transform((v, ctx) => {
  const r = readShiftMinutes(v);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: r.message });
    return z.NEVER;
  }
  if (r.bare && r.value > 0 && r.value < 60) {
    ctx.addIssue({
      code: "custom",
      params: { diagnostic: "CONFIG_IMPLAUSIBLE" },
      message: `got ${JSON.stringify(v)}, read as ${r.value} min (a bare number is minutes in shifts): expected the time on site with its unit, such as ${r.value}h or ${r.value}h30`,
    });
    return z.NEVER;
  }
  if (!(r.value > 0 && r.value <= 1440)) {
    ctx.addIssue({ code: "custom", message: `got ${JSON.stringify(v)}, read as ${minutesText(r.value)}: expected a time on site above 0 and at most 24h, such as 8h` });
    return z.NEVER;
  }
  return r.value;
});

const offset = minutesIn(0, 1440, "an offset from the shift start from 0 to 24h, such as 3h or 2h30");
const breakLength = minutesIn(1, 1440, "a break length above 0, such as 15 or 60 (minutes) or 1h");
const gridStep = minutesIn(5, 1440, "a step of 5 minutes or more, such as 15 or 30");
const startBand = minutesIn(0, 1440, "how far a start may move through the week, from 0 to 24h, such as 60 (minutes)");

/** Paid hours a working day: a number of hours (`7`, `7.5`) or a duration (`7h30`); above 0 and at most 24. */
const paidHours = z.union([z.number(), z.string()]).transform((v, ctx) => {
  let hours: number | undefined;
  if (typeof v === "number") hours = v;
  else if (BARE_NUMBER.test(v.trim())) hours = Number(v.trim());
  else {
    const r = readShiftMinutes(v);
    hours = r.ok ? r.value / 60 : undefined;
  }
  if (hours === undefined || !(hours > 0 && hours <= 24)) {
    ctx.addIssue({ code: "custom", message: `got ${JSON.stringify(v)}, expected the paid hours of a working day, above 0 and at most 24, such as 7 or 7h30 (a bare number is hours)` });
    return z.NEVER;
  }
  return hours;
});

/** A time of day `"07:00"` → minutes after midnight, 0 … 1439. */
const clockTime = z.union([z.string(), z.number()], { error: 'expected a time of day such as "07:00"' }).transform((v, ctx) => {
  const m = typeof v === "string" ? H_MM.exec(v.trim()) : null;
  if (!m || +m[1]! > 23 || +m[2]! > 59) {
    ctx.addIssue({ code: "custom", message: `got ${JSON.stringify(v)}, expected a time of day from "00:00" to "23:59", such as "07:00"` });
    return z.NEVER;
  }
  return +m[1]! * 60 + +m[2]!;
});

const money = z.number().min(0).max(1e9);

const startSchema = z
  .object({ from: clockTime, to: clockTime, step: gridStep.optional() }, { error: 'expected the start window, such as { from: "07:00", to: "12:30", step: 30 }' })
  .strict()
  .superRefine((s, ctx) => {
    if (s.to < s.from) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `got ${clockText(s.to)}, before from ${clockText(s.from)}: expected the last start at or after the first (starts after midnight go in a template of their own)`,
      });
    }
  });

/** `consecutive`, `any`, or a list of week days (English or French, `saturday`, `sam`, `samedi`). */
const daysOffSchema = z.union([z.string(), z.array(z.union([z.string(), z.number()]))]).transform((v, ctx): DaysOffInput => {
  if (typeof v === "string") {
    const kind = v.trim().toLowerCase();
    if (kind === "consecutive" || kind === "any") return { kind };
    const day = weekDayIndex(v);
    if (day !== undefined) return { kind: "fixed", days: [day] };
    ctx.addIssue({ code: "custom", message: `got ${JSON.stringify(v)}, expected consecutive, any, or a list of week days such as [saturday, sunday]` });
    return z.NEVER;
  }
  const days: number[] = [];
  v.forEach((name, i) => {
    const day = typeof name === "string" ? weekDayIndex(name) : undefined;
    if (day === undefined) ctx.addIssue({ code: "custom", path: [i], message: `got ${JSON.stringify(name)}, expected a day of the week such as saturday, sat or samedi` });
    else days.push(day);
  });
  return { kind: "fixed", days };
});

const breakSchema = z
  .object({
    length: breakLength,
    paid: z.boolean().optional(),
    after: offset.optional(),
    before: offset.optional(),
    step: gridStep.optional(),
  })
  .strict();

const shareOrNull = shareSchema.nullable();

const templateSchema = z
  .object({
    name: z.string({ error: "expected the template's name, such as full-time" }).min(1),
    days_per_week: z.number().int().min(1).max(7).optional(),
    days_off: daysOffSchema.optional(),
    length: shiftLength,
    paid_hours: paidHours.optional(),
    start: startSchema,
    same_start_all_week: z.boolean().optional(),
    start_band: startBand.optional(),
    breaks: z.array(breakSchema).optional(),
    cost_per_hour: money.nullable().optional(),
    min_share: shareOrNull.optional(),
    max_share: shareOrNull.optional(),
    max_count: z.number().int().min(0).max(1_000_000).nullable().optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    for (const p of templateProblems(t)) ctx.addIssue({ code: "custom", path: p.path, message: p.message });
  });

const legalSchema = z
  .object({
    min_daily_rest_hours: z.number().min(0).max(24).optional(),
    min_weekly_rest_hours: z.number().min(0).max(168).optional(),
    max_daily_work_hours: z.number().positive().max(24).optional(),
    break_after_work_hours: z.number().positive().max(24).optional(),
    min_break_minutes: z.number().min(0).max(1440).optional(),
  })
  .strict();

const blockFields = {
  in_shift_shrinkage: z.array(z.string().min(1)).optional(),
  understaffing_cost: money.nullable().optional(),
  legal: legalSchema.optional(),
  templates: z.array(templateSchema, { error: "expected a list of shift templates (at least one)" }).min(1),
};

const levelSchema = z.object({ ...blockFields, templates: blockFields.templates.optional() }).strict();

/** The `shifts` key of a scenario or a site (see the module's documentation for units and defaults). */
export const shiftsSchema = z
  .object({ ...blockFields, levels: z.record(z.string(), levelSchema).optional() })
  .strict()
  .superRefine((block, ctx) => {
    for (const p of blockProblems(block)) ctx.addIssue({ code: "custom", path: p.path, message: p.message });
  });

/** A `shifts` block as validated (minutes, hours and shares read; defaults not filled in). */
export type ShiftsInput = z.output<typeof shiftsSchema>;
export type TemplateInput = z.output<typeof templateSchema>;
export type LevelInput = z.output<typeof levelSchema>;
export type LegalInput = z.output<typeof legalSchema>;

/**
 * A `shifts` block as the planner uses it: its rules, and per level the
 * rules that replace them (the level's keys over the block's; `legal` key by
 * key; `templates` as a whole). Fixed days off are counted from the
 * scenario's week start (0 = `week_start`).
 *
 * @param weekStart - the scenario's first day of the week, Monday = 0 … Sunday = 6
 */
export function toShiftSettings(block: ShiftsInput, weekStart: number): ShiftSettings {
  const rules: ShiftRules = {
    inShiftShrinkage: inShiftNames(block.in_shift_shrinkage) ?? [...DEFAULT_IN_SHIFT_SHRINKAGE],
    understaffingCost: block.understaffing_cost ?? null,
    templates: block.templates.map((t) => toTemplate(t, weekStart)),
    legal: legalFloors(DEFAULT_LEGAL_FLOORS, block.legal),
  };
  const levels: ShiftSettings["levels"] = {};
  for (const [key, level] of Object.entries(block.levels ?? {})) {
    levels[levelTier(key)!] = {
      inShiftShrinkage: inShiftNames(level.in_shift_shrinkage) ?? rules.inShiftShrinkage,
      understaffingCost: level.understaffing_cost !== undefined ? level.understaffing_cost : rules.understaffingCost,
      templates: level.templates?.map((t) => toTemplate(t, weekStart)) ?? rules.templates,
      legal: legalFloors(rules.legal, level.legal),
    };
  }
  return { rules, levels };
}

/** Shrinkage names as shrinkage keys are read (`Team meetings` → `team_meetings`), each once. */
function inShiftNames(names: readonly string[] | undefined): string[] | undefined {
  return names === undefined ? undefined : [...new Set(names.map(normalizeHeader))];
}

function toTemplate(t: TemplateInput, weekStart: number): ShiftTemplate {
  const f = templateFacts(t);
  const daysOff: DaysOff = f.daysOff.kind === "fixed" ? { kind: "fixed", days: f.daysOff.days.map((d) => (d - weekStart + 7) % 7).sort((a, b) => a - b) } : f.daysOff;
  return {
    name: t.name,
    daysPerWeek: f.daysPerWeek,
    daysOff,
    lengthMin: t.length,
    paidHours: f.paidHours,
    firstStartMin: t.start.from,
    lastStartMin: t.start.to,
    startStepMin: t.start.step ?? SHIFT_DEFAULTS.startStepMin,
    startBandMin: f.startBandMin,
    breaks: f.breaks,
    costPerHour: t.cost_per_hour ?? null,
    minShare: t.min_share ?? null,
    maxShare: t.max_share ?? null,
    maxCount: t.max_count ?? null,
  };
}
