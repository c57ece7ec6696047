import { describe, expect, it } from "vitest";
import { DEFAULT_IN_SHIFT_SHRINKAGE, DEFAULT_LEGAL_FLOORS } from "../../src/plan/shifts/template.js";
import type { Diagnostic } from "../../src/read/diagnostics.js";
import { readScenario } from "../../src/read/scenario-read.js";
import { readShiftMinutes } from "../../src/read/shift-minutes.js";
import { diagnosticsOf } from "../helpers/diagnostics.js";

/** The lines of one template in `shifts.templates`: a valid full-time template, `keys` over it (an empty value drops a key). */
function template(keys: Record<string, string> = {}): string[] {
  const all: Record<string, string> = { name: "full-time", length: "8h", start: '{ from: "07:00", to: "12:30" }', breaks: "[{ length: 60, after: 3h, before: 5h }]", ...keys };
  return Object.entries(all)
    .filter(([, v]) => v !== "")
    .map(([k, v], i) => `${i === 0 ? "    - " : "      "}${k}: ${v}`);
}

/** A scenario whose `shifts` has these templates, after `head` lines of the block (in_shift_shrinkage, legal…). */
function shifts(templates: string[][], head: string[] = [], tail: string[] = []): string {
  return ["shifts:", ...head.map((l) => `  ${l}`), "  templates:", ...templates.flat(), ...tail, ""].join("\n");
}

/** Line and column (1-based) of the one occurrence of `needle` in `text` (the `nth` when it repeats). */
function pos(text: string, needle: string, nth = 1): [number, number] {
  let at = -1;
  for (let n = 0; n < nth; n++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`no ${needle} in the text`);
  const before = text.slice(0, at);
  return [before.split("\n").length, at - before.lastIndexOf("\n")];
}

/** The one diagnostic of a scenario that fails, as [code, line, column, field]. */
function onlyProblem(text: string): { where: [string, number, number, string]; message: string } {
  const d = diagnosticsOf(() => readScenario(text, "s.yaml"));
  expect(d).toHaveLength(1);
  return { where: [d[0]!.code, d[0]!.line!, d[0]!.column!, d[0]!.field!], message: d[0]!.message };
}

function withWarnings(text: string) {
  const warnings: Diagnostic[] = [];
  const scenario = readScenario(text, "s.yaml", { onWarning: (w) => warnings.push(w) });
  return { scenario, warnings };
}

describe("readShiftMinutes", () => {
  it("readShiftMinutes(\"8h\") is 480, (\"7h30\") 450, (\"480min\") 480, (\"8:00\") 480 (h:mm), (60) 60: a bare number is minutes", () => {
    expect(readShiftMinutes("8h")).toEqual({ ok: true, value: 480, bare: false });
    expect(readShiftMinutes("7h30")).toEqual({ ok: true, value: 450, bare: false });
    expect(readShiftMinutes("7 h 30 min")).toEqual({ ok: true, value: 450, bare: false });
    expect(readShiftMinutes("480min")).toEqual({ ok: true, value: 480, bare: false });
    expect(readShiftMinutes("90m")).toEqual({ ok: true, value: 90, bare: false });
    expect(readShiftMinutes("8:00")).toEqual({ ok: true, value: 480, bare: false });
    expect(readShiftMinutes("7.5h")).toEqual({ ok: true, value: 450, bare: false });
    expect(readShiftMinutes(60)).toEqual({ ok: true, value: 60, bare: true });
    expect(readShiftMinutes("45")).toEqual({ ok: true, value: 45, bare: true });
  });

  it("refuses what is no duration, a negative one, and fractions of a minute", () => {
    expect(readShiftMinutes("8 hours")).toMatchObject({ ok: false, message: 'got "8 hours", expected a duration such as 8h, 7h30, 480min or 8:00 (h:mm); a bare number is minutes' });
    expect(readShiftMinutes("7h75")).toMatchObject({ ok: false });
    expect(readShiftMinutes(-5)).toMatchObject({ ok: false });
    expect(readShiftMinutes(true)).toMatchObject({ ok: false });
    expect(readShiftMinutes("90s")).toMatchObject({ ok: false, message: 'got "90s", read as 1.5 min: expected whole minutes' });
  });
});

describe("readScenario: shifts", () => {
  it("has no shifts without the key, nor with shifts: null", () => {
    expect(readScenario("", "s.yaml").shifts).toBeNull();
    expect(readScenario("shifts: null\n", "s.yaml").shifts).toBeNull();
  });

  it("fills every default of a minimal template (DOMAIN.md): 5 days, days off together, starts every 30 min within an hour's band, paid = length − unpaid breaks", () => {
    const s = readScenario(shifts([template({ breaks: "[{ length: 60, after: 3h, before: 5h }, { length: 15, after: 5h, before: 7h }]" })]), "s.yaml");
    expect(s.shifts!.levels).toEqual({});
    expect(s.shifts!.rules).toEqual({
      inShiftShrinkage: DEFAULT_IN_SHIFT_SHRINKAGE,
      understaffingCost: null,
      legal: DEFAULT_LEGAL_FLOORS,
      templates: [
        {
          name: "full-time",
          daysPerWeek: 5,
          daysOff: { kind: "consecutive" },
          lengthMin: 480,
          paidHours: 7,
          firstStartMin: 420,
          lastStartMin: 750,
          startStepMin: 30,
          startBandMin: 60,
          breaks: [
            // a break of 30 minutes or more is unpaid unless it says, a shorter one paid
            { lengthMin: 60, paid: false, afterMin: 180, beforeMin: 300, stepMin: 15 },
            { lengthMin: 15, paid: true, afterMin: 300, beforeMin: 420, stepMin: 15 },
          ],
          costPerHour: null,
          minShare: null,
          maxShare: null,
          maxCount: null,
        },
      ],
    });
  });

  it("reads the issue's example: two templates, every key written", () => {
    const text = [
      "shifts:",
      "  in_shift_shrinkage: [breaks, meetings, training, offline]",
      "  understaffing_cost: null",
      "  legal: { min_daily_rest_hours: 11, min_weekly_rest_hours: 35, max_daily_work_hours: 10, break_after_work_hours: 6, min_break_minutes: 20 }",
      "  templates:",
      "    - name: full-time",
      "      days_per_week: 5",
      "      days_off: consecutive",
      "      length: 8h",
      "      paid_hours: 7",
      '      start: { from: "07:00", to: "12:30", step: 30 }',
      "      same_start_all_week: true",
      "      breaks:",
      "        - { length: 60, paid: false, after: 3h, before: 5h }",
      "        - { length: 15, paid: true, after: 5h30, before: 6h30, step: 5 }",
      "      cost_per_hour: 28",
      "      max_share: 100%",
      "    - name: part-time-mornings",
      "      days_per_week: 5",
      "      days_off: [saturday, sunday]",
      "      length: 4h",
      "      paid_hours: 4",
      '      start: { from: "08:00", to: "10:00", step: 15 }',
      "      start_band: 30",
      "      min_share: 10%",
      "      max_share: 30%",
      "      max_count: 12",
    ].join("\n");
    const [full, part] = readScenario(text, "s.yaml").shifts!.rules.templates;
    expect(full).toMatchObject({ daysOff: { kind: "consecutive" }, paidHours: 7, startBandMin: 0, costPerHour: 28, maxShare: 1, minShare: null });
    expect(full!.breaks[1]).toEqual({ lengthMin: 15, paid: true, afterMin: 330, beforeMin: 390, stepMin: 5 });
    expect(part).toEqual({
      name: "part-time-mornings",
      daysPerWeek: 5,
      daysOff: { kind: "fixed", days: [5, 6] },
      lengthMin: 240,
      paidHours: 4,
      firstStartMin: 480,
      lastStartMin: 600,
      startStepMin: 15,
      startBandMin: 30,
      breaks: [],
      costPerHour: null,
      minShare: 0.1,
      maxShare: 0.3,
      maxCount: 12,
    });
  });

  it("reads lengths and offsets as 7h30, 450min, 7:30 (h:mm) or a bare number of minutes, and paid_hours as hours", () => {
    const s = readScenario(
      shifts([
        template({ name: "a", length: "7h30", paid_hours: "6.5" }),
        template({ name: "b", length: "450min", paid_hours: '"6h30"', breaks: '[{ length: "1h", after: "3:00", before: 300 }]' }),
        template({ name: "c", length: '"7:30"', breaks: "[{ length: 30, after: 3h, before: 4h }]" }),
        template({ name: "d", length: "450", breaks: "[{ length: 30, after: 3h, before: 4h }]" }),
      ]),
      "s.yaml",
    );
    const [a, b, c, d] = s.shifts!.rules.templates;
    expect([a, b, c, d].map((t) => t!.lengthMin)).toEqual([450, 450, 450, 450]);
    expect([a!.paidHours, b!.paidHours, c!.paidHours]).toEqual([6.5, 6.5, 7]);
    expect(b!.breaks).toEqual([{ lengthMin: 60, paid: false, afterMin: 180, beforeMin: 300, stepMin: 15 }]);
  });

  it("refuses a bare length under 60 (minutes: a shift's hours without their unit) as CONFIG_IMPLAUSIBLE, and a length over 24h", () => {
    const text = shifts([template({ length: "8" })]);
    const p = onlyProblem(text);
    expect(p.where).toEqual(["CONFIG_IMPLAUSIBLE", ...pos(text, "8\n"), "shifts.templates.0.length"]);
    expect(p.message).toBe("shifts.templates.0.length: got 8, read as 8 min (a bare number is minutes in shifts): expected the time on site with its unit, such as 8h or 8h30");
    const long = shifts([template({ length: "25h" })]);
    expect(onlyProblem(long).where).toEqual(["CONFIG_INVALID", ...pos(long, "25h"), "shifts.templates.0.length"]);
    expect(onlyProblem(long).message).toBe('shifts.templates.0.length: got "25h", read as 25h: expected a time on site above 0 and at most 24h, such as 8h');
  });

  it("counts fixed days off from the scenario's week_start, with English or French day names in any case", () => {
    const monday = readScenario(shifts([template({ days_off: "[Samedi, DIMANCHE]" })]), "s.yaml");
    expect(monday.shifts!.rules.templates[0]!.daysOff).toEqual({ kind: "fixed", days: [5, 6] });
    const sunday = readScenario(`week_start: dimanche\n${shifts([template({ days_off: "[sat, Sunday]" })])}`, "s.yaml");
    expect(sunday.shifts!.rules.templates[0]!.daysOff).toEqual({ kind: "fixed", days: [0, 6] });
    const six = readScenario(shifts([template({ days_per_week: "6", days_off: "mercredi", length: "7h" })]), "s.yaml");
    expect(six.shifts!.rules.templates[0]!.daysOff).toEqual({ kind: "fixed", days: [2] });
  });

  it("takes start_band, or 0 with same_start_all_week, and refuses both", () => {
    expect(readScenario(shifts([template({ start_band: "90" })]), "s.yaml").shifts!.rules.templates[0]!.startBandMin).toBe(90);
    expect(readScenario(shifts([template({ same_start_all_week: "false" })]), "s.yaml").shifts!.rules.templates[0]!.startBandMin).toBe(60);
    const text = shifts([template({ same_start_all_week: "true", start_band: "60" })]);
    const p = onlyProblem(text);
    expect(p.where).toEqual(["CONFIG_INVALID", ...pos(text, "60\n"), "shifts.templates.0.start_band"]);
    expect(p.message).toBe("shifts.templates.0.start_band: start_band and same_start_all_week are both given: expected one of them (same_start_all_week: true is start_band: 0)");
  });
});

describe("readScenario: shifts that cannot be worked", () => {
  it("refuses a break window that ends after the shift", () => {
    const text = shifts([template({ breaks: "[{ length: 60, after: 6h, before: 9h }]" })]);
    const p = onlyProblem(text);
    expect(p.where).toEqual(["CONFIG_INVALID", ...pos(text, "9h"), "shifts.templates.0.breaks.0.before"]);
    expect(p.message).toBe("shifts.templates.0.breaks.0.before: got 9h, after the end of the 8h shift: expected a window inside the shift (before at most the template's length)");
  });

  it("refuses a window shorter than its break", () => {
    const text = shifts([template({ breaks: "[{ length: 60, after: 3h, before: 3h30 }]" })]);
    const p = onlyProblem(text);
    expect(p.where).toEqual(["CONFIG_INVALID", ...pos(text, "60"), "shifts.templates.0.breaks.0.length"]);
    expect(p.message).toBe(
      "shifts.templates.0.breaks.0.length: got 1h, longer than its window from 3h to 3h30 after the shift start: expected a break that fits between after and before (widen the window or shorten the break)",
    );
  });

  it("refuses break windows out of order or overlapping, the defaults included (a whole-shift window)", () => {
    const text = shifts([template({ breaks: "[{ length: 60, after: 3h, before: 5h }, { length: 15, after: 4h, before: 6h }]" })]);
    const p = onlyProblem(text);
    expect(p.where).toEqual(["CONFIG_INVALID", ...pos(text, "4h"), "shifts.templates.0.breaks.1.after"]);
    expect(p.message).toBe(
      "shifts.templates.0.breaks.1.after: got 4h, before the end of the previous break's window (breaks.0.before: 5h): expected breaks in order with windows that do not overlap (after at least the previous break's before), so that one person's breaks never overlap",
    );
    const defaults = shifts([template({ breaks: "[{ length: 15 }, { length: 15 }]" })]);
    const q = onlyProblem(defaults);
    expect(q.where).toEqual(["CONFIG_INVALID", ...pos(defaults, "{ length: 15 }", 2), "shifts.templates.0.breaks.1.after"]);
    expect(q.message).toMatch(/^shifts\.templates\.0\.breaks\.1\.after: got 0 min \(the default\), before the end of the previous break's window \(breaks\.0\.before: 8h\)/);
  });

  it("refuses min_share above max_share, and minimum shares that add up past 100 %", () => {
    const text = shifts([template({ min_share: "40%", max_share: "30%" })]);
    const p = onlyProblem(text);
    expect(p.where).toEqual(["CONFIG_INVALID", ...pos(text, "40%"), "shifts.templates.0.min_share"]);
    expect(p.message).toBe("shifts.templates.0.min_share: got 40%, above max_share 30%: expected min_share at most max_share");
    const sum = shifts([template({ min_share: "60%" }), template({ name: "part", length: "4h", breaks: "", min_share: "0.5" })]);
    const q = onlyProblem(sum);
    expect(q.where).toEqual(["CONFIG_INVALID", ...pos(sum, "0.5"), "shifts.templates.1.min_share"]);
    expect(q.message).toBe("shifts.templates.1.min_share: the min_share of the templates add up to 110%: expected at most 100% (shares of one team's people)");
  });

  it("reads shares like the rest of the scenario: a bare 1 is ambiguous, a bare fraction beside a bare percent too", () => {
    const one = shifts([template({ max_share: "1" })]);
    expect(onlyProblem(one).where).toEqual(["CONFIG_AMBIGUOUS_SHARE", ...pos(one, "1\n"), "shifts.templates.0.max_share"]);
    const mixed = shifts([template({ min_share: "0.1", max_share: "30" })]);
    const p = onlyProblem(mixed);
    expect(p.where).toEqual(["CONFIG_AMBIGUOUS_SHARE", ...pos(mixed, "0.1"), "shifts.templates.0.min_share"]);
    expect(p.message).toMatch(/got 0\.1 beside templates\.0\.max_share: 30 \(read as 30%\)/);
  });

  it("refuses a days-off list of the wrong length, a day twice, and a day it does not know", () => {
    const short = shifts([template({ days_off: "[sunday]" })]);
    const p = onlyProblem(short);
    expect(p.where).toEqual(["CONFIG_INVALID", ...pos(short, "[sunday]"), "shifts.templates.0.days_off"]);
    expect(p.message).toBe("shifts.templates.0.days_off: got 1 day off (sunday), expected 2: 7 − days_per_week (5, the default)");
    const twice = shifts([template({ days_off: "[dim, sunday, sat]", days_per_week: "4" })]);
    const d = diagnosticsOf(() => readScenario(twice, "s.yaml"));
    expect(d.map((x) => [x.code, x.line, x.column, x.field])).toEqual([["CONFIG_INVALID", ...pos(twice, "sunday"), "shifts.templates.0.days_off.1"]]);
    expect(d[0]!.message).toBe("shifts.templates.0.days_off.1: got sunday twice: expected distinct days off");
    const unknown = shifts([template({ days_off: "[saturday, sundae]" })]);
    const u = onlyProblem(unknown);
    expect(u.where).toEqual(["CONFIG_INVALID", ...pos(unknown, "sundae"), "shifts.templates.0.days_off.1"]);
    expect(u.message).toBe('shifts.templates.0.days_off.1: got "sundae", expected a day of the week such as saturday, sat or samedi');
    const word = shifts([template({ days_off: "weekends" })]);
    expect(onlyProblem(word).message).toBe('shifts.templates.0.days_off: got "weekends", expected consecutive, any, or a list of week days such as [saturday, sunday]');
  });

  it("refuses paid hours above the time on site", () => {
    const text = shifts([template({ paid_hours: "8.5" })]);
    const p = onlyProblem(text);
    expect(p.where).toEqual(["CONFIG_INVALID", ...pos(text, "8.5"), "shifts.templates.0.paid_hours"]);
    expect(p.message).toBe("shifts.templates.0.paid_hours: got 8.5 h, more than the 8h on site (length): expected at most 8");
  });

  it("refuses paid hours above the legal day, naming the legal key to change (the default's or the one written)", () => {
    const text = shifts([template({ length: "12h", paid_hours: "11", breaks: "[{ length: 60, after: 4h, before: 6h }]" })], [], []);
    const d = diagnosticsOf(() => readScenario(text, "s.yaml"));
    expect(d.map((x) => [x.code, x.line, x.column, x.field])).toEqual([["CONFIG_INVALID", ...pos(text, "11"), "shifts.templates.0.paid_hours"]]);
    expect(d[0]!.message).toBe(
      "shifts.templates.0.paid_hours: got 11 h paid a day, above legal.max_daily_work_hours (10, the default): expected at most 10 h of work a day, or change that key",
    );
    const written = shifts([template()], ["legal: { max_daily_work_hours: 6.5 }"]);
    const p = onlyProblem(written);
    // paid_hours not written: the length is pointed at (8h less the unpaid hour)
    expect(p.where).toEqual(["CONFIG_INVALID", ...pos(written, "8h"), "shifts.templates.0.length"]);
    expect(p.message).toBe("shifts.templates.0.length: got 7 h paid a day, above legal.max_daily_work_hours (6.5): expected at most 6.5 h of work a day, or change that key");
  });

  it("refuses 7 working days a week while a weekly rest is required, and allows it without", () => {
    const text = shifts([template({ length: "4h", breaks: "", days_per_week: "7", same_start_all_week: "true" })]);
    const p = onlyProblem(text);
    expect(p.where).toEqual(["CONFIG_INVALID", ...pos(text, "7\n"), "shifts.templates.0.days_per_week"]);
    expect(p.message).toBe("shifts.templates.0.days_per_week: got 7 working days a week, which leaves no weekly rest (legal.min_weekly_rest_hours (35, the default)): expected at most 6");
    const free = shifts([template({ length: "4h", breaks: "", days_per_week: "7", same_start_all_week: "true" })], ["legal: { min_weekly_rest_hours: 0 }"]);
    expect(readScenario(free, "s.yaml").shifts!.rules.templates[0]!.daysPerWeek).toBe(7);
  });

  it("refuses a shift and start band that leave less than the daily rest between two working days", () => {
    const text = shifts([template({ length: "12h", paid_hours: "10", breaks: "[{ length: 60, after: 4h, before: 6h }, { length: 60, after: 7h, before: 9h }]", start_band: "90" })]);
    const p = onlyProblem(text);
    expect(p.where).toEqual(["CONFIG_INVALID", ...pos(text, "12h"), "shifts.templates.0.length"]);
    expect(p.message).toBe(
      "shifts.templates.0.length: got 12h on site: 24h − length 12h − start band 1h30 leaves 10h30 of rest between two working days, below legal.min_daily_rest_hours (11, the default): expected a shorter shift or start band",
    );
    // the band counts only as far as the start window lets starts move: one start, no band
    const fixed = shifts([template({ length: "12h", paid_hours: "10", breaks: "[{ length: 60, after: 4h, before: 6h }, { length: 60, after: 7h, before: 9h }]", start: '{ from: "07:00", to: "07:00" }', start_band: "90" })]);
    expect(readScenario(fixed, "s.yaml").shifts!.rules.templates[0]!.startBandMin).toBe(90);
    // two working days never adjacent: no daily rest to check
    const apart = shifts([
      template({ length: "12h", paid_hours: "10", breaks: "[{ length: 60, after: 4h, before: 6h }, { length: 60, after: 7h, before: 9h }]", start_band: "90", days_per_week: "2", days_off: "[tue, thu, fri, sat, sun]" }),
    ]);
    expect(readScenario(apart, "s.yaml").shifts!.rules.templates[0]!.daysOff).toEqual({ kind: "fixed", days: [1, 3, 4, 5, 6] });
  });

  it("refuses days off that leave less than the weekly rest: (longest run of days off + 1) × 24h − length − start band", () => {
    // split days off: the longest run is 1 day: 48h − 8h − 1h = 39h, above 35h; with a 14-hour day no longer
    const ok = shifts([template({ days_off: "[wed, sun]" })]);
    expect(readScenario(ok, "s.yaml").shifts!.rules.templates[0]!.daysOff).toEqual({ kind: "fixed", days: [2, 6] });
    const text = shifts([template({ days_off: "[wed, sun]", same_start_all_week: "true" })], ["legal: { min_weekly_rest_hours: 41 }"]);
    const p = onlyProblem(text);
    expect(p.where).toEqual(["CONFIG_INVALID", ...pos(text, "[wed"), "shifts.templates.0.days_off"]);
    expect(p.message).toBe(
      "shifts.templates.0.days_off: got at most 1 day off in a row (the longest run of the listed days): (1 + 1) × 24h − length 8h leaves 40h of weekly rest, below legal.min_weekly_rest_hours (41): expected more days off in a row, a shorter shift",
    );
    // six days a week: one day off, (1 + 1) × 24h − 10h − 1h = 37h; with 13h no longer (dpw written: pointed at)
    const six = shifts([template({ days_per_week: "6", length: "10h", paid_hours: "9", breaks: "[{ length: 60, after: 4h, before: 6h }]" })], ["legal: { min_daily_rest_hours: 9, min_weekly_rest_hours: 38 }"]);
    const q = onlyProblem(six);
    expect(q.where).toEqual(["CONFIG_INVALID", ...pos(six, "6\n"), "shifts.templates.0.days_per_week"]);
    expect(q.message).toMatch(/^shifts\.templates\.0\.days_per_week: got at most 1 day off in a row \(7 − days_per_week\): \(1 \+ 1\) × 24h − length 10h − start band 1h leaves 37h of weekly rest, below legal\.min_weekly_rest_hours \(38\)/);
  });

  it("refuses a day of more than 6 hours of work without a break of 20 minutes or more", () => {
    const text = shifts([template({ length: "7h", breaks: "[{ length: 15, after: 2h, before: 3h }, { length: 15, after: 4h, before: 5h }]" })]);
    const p = onlyProblem(text);
    expect(p.where).toEqual(["CONFIG_INVALID", ...pos(text, "[{ length: 15"), "shifts.templates.0.breaks"]);
    expect(p.message).toBe(
      "shifts.templates.0.breaks: got 6h30 of work a day (7h on site − 30 min of breaks) and no break of legal.min_break_minutes (20, the default) or more, over legal.break_after_work_hours (6, the default): expected a break at least that long",
    );
    const none = shifts([template({ length: "6h30", breaks: "" })]);
    expect(onlyProblem(none).where).toEqual(["CONFIG_INVALID", ...pos(none, "6h30"), "shifts.templates.0.length"]);
    expect(readScenario(shifts([template({ length: "6h", breaks: "" })]), "s.yaml").shifts!.rules.templates[0]!.breaks).toEqual([]);
  });

  it("refuses a start window that ends before it starts, a time that is not one, and a step under 5 minutes", () => {
    const text = shifts([template({ start: '{ from: "12:00", to: "07:00", step: 2 }' })]);
    const d = diagnosticsOf(() => readScenario(text, "s.yaml"));
    expect(d.map((x) => [x.code, x.line, x.column, x.field])).toEqual([["CONFIG_INVALID", ...pos(text, "2 }"), "shifts.templates.0.start.step"]]);
    expect(d[0]!.message).toBe("shifts.templates.0.start.step: got 2, read as 2 min (a bare number is minutes): expected a step of 5 minutes or more, such as 15 or 30");
    const backwards = shifts([template({ start: '{ from: "12:00", to: "07:00" }' })]);
    const p = onlyProblem(backwards);
    expect(p.where).toEqual(["CONFIG_INVALID", ...pos(backwards, '"07:00"'), "shifts.templates.0.start.to"]);
    expect(p.message).toBe('shifts.templates.0.start.to: got "07:00", before from "12:00": expected the last start at or after the first (starts after midnight go in a template of their own)');
    const clock = shifts([template({ start: '{ from: "24:00", to: "12:00" }' })]);
    expect(onlyProblem(clock).message).toBe('shifts.templates.0.start.from: got "24:00", expected a time of day from "00:00" to "23:59", such as "07:00"');
  });

  it("refuses unknown keys, a missing length or start, no templates, and a name used twice", () => {
    const typo = shifts([template({ lenght: "8h" })]);
    const u = onlyProblem(typo);
    expect(u.where).toEqual(["CONFIG_UNKNOWN_KEY", ...pos(typo, "lenght"), "shifts.templates.0"]);
    const missing = shifts([template({ length: "", start: "" })]);
    const d = diagnosticsOf(() => readScenario(missing, "s.yaml"));
    expect(d.map((x) => [x.code, x.field, x.message])).toEqual([
      ["CONFIG_INVALID", "shifts.templates.0.length", "shifts.templates.0.length: expected the time on site a day, breaks included, such as 8h or 7h30"],
      ["CONFIG_INVALID", "shifts.templates.0.start", 'shifts.templates.0.start: expected the start window, such as { from: "07:00", to: "12:30", step: 30 }'],
    ]);
    expect(d[0]!.line).toBe(pos(missing, "name")[0]);
    const empty = "shifts:\n  templates: []\n";
    expect(onlyProblem(empty).where).toEqual(["CONFIG_INVALID", 2, 14, "shifts.templates"]);
    const none = "shifts:\n  understaffing_cost: 40\n";
    expect(onlyProblem(none).message).toBe("shifts.templates: expected a list of shift templates (at least one)");
    const twice = shifts([template(), template()]);
    expect(onlyProblem(twice).where).toEqual(["CONFIG_INVALID", ...pos(twice, "full-time", 2), "shifts.templates.1.name"]);
  });

  it("refuses in_shift_shrinkage names that are not components of the shrinkage, listing the known ones", () => {
    const text = `shrinkage: { pauses: 8%, absence: 5% }\n${shifts([template()], ["in_shift_shrinkage: [Pauses, breaks]"])}`;
    const p = onlyProblem(text);
    expect(p.where).toEqual(["CONFIG_INVALID", ...pos(text, "breaks]"), "shifts.in_shift_shrinkage.1"]);
    expect(p.message).toBe('shifts.in_shift_shrinkage.1: unknown shrinkage component "breaks": expected one of pauses, absence (the components of the scenario\'s shrinkage)');
    // the default list is kept as it is whatever the shrinkage (a component it lacks counts 0)
    const s = readScenario(`shrinkage: { pauses: 8% }\n${shifts([template()])}`, "s.yaml");
    expect(s.shifts!.rules.inShiftShrinkage).toEqual(DEFAULT_IN_SHIFT_SHRINKAGE);
    expect(readScenario(`shrinkage: { Team meetings: 2% }\n${shifts([template()], ["in_shift_shrinkage: [team meetings]"])}`, "s.yaml").shifts!.rules.inShiftShrinkage).toEqual(["team_meetings"]);
  });
});

describe("readScenario: shifts of a site and of a level", () => {
  const site = (lines: string[]) => ["sites:", "  - name: Lyon", ...lines.map((l) => `    ${l}`)].join("\n");

  it("a site's shifts replace the scenario's for that site; shifts: null takes them away", () => {
    const text = [
      shifts([template()]),
      "sites:",
      "  - name: Lyon",
      "    shifts:",
      "      templates:",
      '        - { name: short, length: 4h, start: { from: "08:00", to: "10:00" } }',
      "  - name: Rabat",
      "    kind: outsourced",
      "    shifts: null",
      "  - name: Paris",
      "allocation: [{ to: { Lyon: 40%, Rabat: 40%, Paris: 20% } }]",
    ].join("\n");
    const s = readScenario(text, "s.yaml");
    expect(s.shifts!.rules.templates.map((t) => t.name)).toEqual(["full-time"]);
    const [lyon, rabat, paris] = s.sites;
    expect(lyon!.overrides.shifts!.rules.templates.map((t) => t.name)).toEqual(["short"]);
    expect(lyon!.overrides.shifts!.rules.legal).toEqual(DEFAULT_LEGAL_FLOORS);
    expect(rabat!.overrides.shifts).toBeNull();
    expect("shifts" in paris!.overrides).toBe(false);
  });

  it("checks a site's shifts like the scenario's, its in-shift names against the site's own shrinkage", () => {
    const text = site(["shrinkage: { pauses: 8% }", "shifts:", "  in_shift_shrinkage: [breaks]", "  templates:", '    - { name: x, length: 8h, start: { from: "09:00", to: "08:00" } }']);
    const d = diagnosticsOf(() => readScenario(text, "s.yaml"));
    expect(d.map((x) => [x.code, x.line, x.column, x.field])).toEqual([
      ["CONFIG_INVALID", ...pos(text, "breaks]"), "sites.0.shifts.in_shift_shrinkage.0"],
      ["CONFIG_INVALID", ...pos(text, "8h"), "sites.0.shifts.templates.0.length"],
      ["CONFIG_INVALID", ...pos(text, '"08:00"'), "sites.0.shifts.templates.0.start.to"],
    ]);
    expect(d[0]!.message).toBe('sites.0.shifts.in_shift_shrinkage.0: unknown shrinkage component "breaks": expected one of pauses (the components of site "Lyon"\'s shrinkage)');
    expect(d[1]!.message).toMatch(/^sites\.0\.shifts\.templates\.0\.length: got 8h of work a day/);
    // a site without shrinkage of its own: the scenario's
    const inherited = `shrinkage: { pauses: 8% }\n${site(["shifts:", "  in_shift_shrinkage: [breaks]", "  templates:", '    - { name: x, length: 4h, start: { from: "09:00", to: "10:00" } }'])}`;
    expect(onlyProblem(inherited).message).toBe(
      'sites.0.shifts.in_shift_shrinkage.0: unknown shrinkage component "breaks": expected one of pauses (the components of the scenario\'s shrinkage, which site "Lyon" uses)',
    );
  });

  it("a level's block replaces the templates as a whole and the other keys one by one (legal key by key)", () => {
    const text = shifts(
      [template()],
      ["in_shift_shrinkage: [breaks, meetings]", "understaffing_cost: 50", "legal: { min_daily_rest_hours: 12 }"],
      [
        "  levels:",
        "    3:",
        "      understaffing_cost: null",
        "      legal: { max_daily_work_hours: 9 }",
        "    level-2:",
        "      in_shift_shrinkage: [breaks]",
        "      templates:",
        '        - { name: back-office, length: 7h, breaks: [{ length: 45, after: 3h, before: 4h }], start: { from: "09:00", to: "09:00" } }',
      ],
    );
    const s = readScenario(text, "s.yaml").shifts!;
    expect(Object.keys(s.levels)).toEqual(["2", "3"]);
    expect(s.levels[3]).toEqual({
      inShiftShrinkage: ["breaks", "meetings"],
      understaffingCost: null,
      templates: s.rules.templates,
      legal: { ...DEFAULT_LEGAL_FLOORS, minDailyRestHours: 12, maxDailyWorkHours: 9 },
    });
    expect(s.levels[2]).toMatchObject({ inShiftShrinkage: ["breaks"], understaffingCost: 50, legal: { ...DEFAULT_LEGAL_FLOORS, minDailyRestHours: 12 } });
    expect(s.levels[2]!.templates.map((t) => [t.name, t.paidHours])).toEqual([["back-office", 6.25]]);
  });

  it("checks a level's templates, and the scenario's templates against a level's own legal floors, once", () => {
    const text = shifts(
      [template()],
      [],
      ["  levels:", "    3:", "      legal: { max_daily_work_hours: 6 }", "    2:", "      templates:", '        - { name: x, length: 8h, start: { from: "09:00", to: "10:00" } }'],
    );
    const d = diagnosticsOf(() => readScenario(text, "s.yaml"));
    expect(d.map((x) => [x.code, x.line, x.column, x.field])).toEqual([
      ["CONFIG_INVALID", ...pos(text, "8h"), "shifts.templates.0.length"],
      ["CONFIG_INVALID", ...pos(text, "8h", 2), "shifts.levels.2.templates.0.length"],
    ]);
    expect(d[0]!.message).toBe(
      "shifts.templates.0.length: got 7 h paid a day, above levels.3.legal.max_daily_work_hours (6): expected at most 6 h of work a day, or change that key (as levels.3 uses this template)",
    );
    expect(d[1]!.message).toMatch(/^shifts\.levels\.2\.templates\.0\.length: got 8h of work a day \(8h on site − 0 min of breaks\) and no break/);
  });

  it("refuses a level it does not know, and a level twice", () => {
    const text = shifts([template()], [], ["  levels:", "    4: { understaffing_cost: 10 }", "    level-2: { understaffing_cost: 10 }", "    L2: { understaffing_cost: 20 }"]);
    const d = diagnosticsOf(() => readScenario(text, "s.yaml"));
    expect(d.map((x) => [x.code, x.line, x.column, x.field])).toEqual([
      ["CONFIG_INVALID", ...pos(text, "{ understaffing_cost: 10 }"), "shifts.levels.4"],
      ["CONFIG_INVALID", ...pos(text, "{ understaffing_cost: 20 }"), "shifts.levels.L2"],
    ]);
    expect(d.map((x) => x.message)).toEqual([
      'shifts.levels.4: got level "4", expected 1, 2 or 3 (or level-1, level-2, level-3)',
      'shifts.levels.L2: got level 2 twice ("level-2" and "L2"): expected each level once',
    ]);
  });
});

describe("readScenario: shifts that are allowed but unlikely", () => {
  it("warns when paid_hours is not length − unpaid breaks, saying what was read, and about a start step that does not divide an hour", () => {
    const text = shifts([template({ paid_hours: "7.5", start: '{ from: "07:00", to: "12:30", step: 45 }' })]);
    const { scenario, warnings } = withWarnings(text);
    expect(scenario.shifts!.rules.templates[0]!.paidHours).toBe(7.5);
    // in file order: the start line comes before paid_hours
    expect(warnings.map((w) => [w.code, w.severity, w.line, w.column, w.field])).toEqual([
      ["CONFIG_IMPLAUSIBLE", "warning", ...pos(text, "45"), "shifts.templates.0.start.step"],
      ["CONFIG_IMPLAUSIBLE", "warning", ...pos(text, "7.5"), "shifts.templates.0.paid_hours"],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      "shifts.templates.0.start.step: got 45 min: starts drift through the hour (07:00, 07:45, 08:30…): expected a step that divides an hour, such as 15 or 30",
      "shifts.templates.0.paid_hours: got 7.5 h paid a day, but 8h on site less 1h of unpaid breaks is 7 h: expected paid_hours equal to length − unpaid breaks (is a break's paid flag wrong?)",
    ]);
  });

  it("does not warn within a minute, nor about steps of whole hours, and warns in sites and levels too", () => {
    expect(withWarnings(shifts([template({ paid_hours: '"7h01"', start: '{ from: "07:00", to: "12:00", step: 120 }' })])).warnings).toEqual([]);
    const text = [
      "sites:",
      "  - name: Lyon",
      "    shifts:",
      "      templates:",
      '        - { name: x, length: 4h, paid_hours: 3, start: { from: "09:00", to: "10:00" } }',
      "      levels:",
      "        2:",
      "          templates:",
      '            - { name: y, length: 4h, start: { from: "09:00", to: "10:00", step: 25 } }',
    ].join("\n");
    expect(withWarnings(text).warnings.map((w) => [w.line, w.field])).toEqual([
      [5, "sites.0.shifts.templates.0.paid_hours"],
      [9, "sites.0.shifts.levels.2.templates.0.start.step"],
    ]);
  });
});
