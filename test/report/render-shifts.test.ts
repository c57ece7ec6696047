import { Chalk } from "chalk";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { describeTour, renderShiftsCsv, renderShiftsJson, renderShiftsTable, statusText } from "../../src/report/render-shifts.js";
import { renderShiftsHtml } from "../../src/report/render-shifts-html.js";
import { expectRelative } from "../helpers/relative.js";
import { dayMin, shiftPlan, template, type TeamSpec } from "../helpers/shift-plan.js";

const plain = new Chalk({ level: 0 });
const coloured = new Chalk({ level: 1 });

const fullTime = template({ breaks: [{ lengthMin: 60, paid: false, afterMin: 180, beforeMin: 300, stepMin: 15 }, { lengthMin: 15, paid: true, afterMin: 90, beforeMin: 150, stepMin: 15 }] });
const partTime = template({ name: "part-time", lengthMin: 240, paidHours: 4, firstStartMin: 480, lastStartMin: 600, breaks: [], costPerHour: 25, daysOff: { kind: "fixed", days: [5, 6] }, maxShare: 0.3 });
const nights = template({ name: "nights", daysPerWeek: 3, firstStartMin: 1260, lastStartMin: 1380, breaks: [{ lengthMin: 30, paid: false, afterMin: 180, beforeMin: 300, stepMin: 15 }], costPerHour: 32 });

/** Weekdays 09:00–17:00 need 7 agents, Saturday 09:00–13:00 needs 2, nights 22:00–06:00 one. */
const required = (k: number) => {
  const day = Math.floor(k / 48);
  const slot = k % 48;
  if (day < 5 && slot >= 18 && slot < 34) return 7;
  if (day === 5 && slot >= 18 && slot < 26) return 2;
  if (slot >= 44 || slot < 12) return 1;
  return 0;
};

const lyon: TeamSpec = {
  site: "Lyon",
  team: "support",
  tier: 1,
  templates: [fullTime, partTime, nights],
  planHeadcount: 11,
  weeks: [
    {
      start: "2026-11-23", // a Monday
      required,
      tours: [
        { template: "full-time", days: [0, 1, 2, 3, 4], start: "08:00", breaks: [[180, 60], [90, 15, true]], people: 5 },
        {
          template: "full-time",
          days: [0, 1, 3, 4, 5],
          start: ["08:00", "08:00", "08:00", "08:00", "08:30"],
          breaks: [[[180, 60], [90, 15, true]], [[180, 60], [90, 15, true]], [[180, 60], [90, 15, true]], [[180, 60], [90, 15, true]], [[210, 60], [90, 15, true]]],
          people: 2,
        },
        { template: "part-time", days: [0, 1, 2, 3, 4], start: "09:00", people: 3 },
        // Saturday, Sunday and Monday nights: Sunday's ends on the next week's Monday and wraps to this week's
        { template: "nights", days: [5, 6, 0], start: "22:00", breaks: [[240, 30]], people: 1 },
      ],
    },
  ],
};

const porto: TeamSpec = {
  site: "Porto",
  team: "sales",
  tier: 2,
  templates: [fullTime],
  planHeadcount: 4,
  weeks: [{ start: "2026-11-23", required: (k) => (Math.floor(k / 48) < 5 && k % 48 >= 18 && k % 48 < 34 ? 3 : 0), status: "time-limit", gap: 0.023, tours: [{ template: "full-time", days: [0, 1, 2, 3, 4], start: "08:30", breaks: [[180, 60]], people: 4 }] }],
};

const twoTeams = shiftPlan([lyon, porto], { scenario: "in-house" });

const lines = (text: string) => text.replace(/\n$/, "").split("\n");

describe("statusText", () => {
  it("statusText(status, gap) never calls a time-out optimal and shows the proven gap", () => {
    expect(statusText("optimal", 0)).toBe("optimal");
    expect(statusText("optimal", 0.004)).toBe("optimal, gap 0.4%");
    expect(statusText("time-limit", 0.023)).toBe("time limit, gap 2.3%");
    expect(statusText("time-limit", 0)).toBe("time limit, gap 0.0%");
    expect(statusText("no-solution", Infinity)).toBe("no schedule in time");
    expect(statusText("infeasible", 0)).toBe("infeasible");
  });
});

describe("describeTour(tour, weekStartMin)", () => {
  const week = twoTeams.teams[0]!.weeks[0]!;
  const [five, mixed, part, night] = [0, 1, 2, 3].map((k) => describeTour(week.tours[k]!, week.weekStartMin));

  it("writes a run of days as a range, others as names, and the common start with the days that differ", () => {
    expect(five).toMatchObject({ days: "Mon–Fri", start: "08:00", end: "16:00", breaks: "11:00-12:00 09:30-09:45" });
    expect(mixed).toMatchObject({ days: "Mon Tue Thu Fri Sat", start: "08:00 (Sat 08:30)", end: "16:00 (Sat 16:30)", breaks: "11:00-12:00 09:30-09:45 …" });
    expect(mixed!.breaksFull).toBe("Mon 11:00-12:00 09:30-09:45; Tue 11:00-12:00 09:30-09:45; Thu 11:00-12:00 09:30-09:45; Fri 11:00-12:00 09:30-09:45; Sat 12:00-13:00 10:00-10:15");
    expect(part).toMatchObject({ days: "Mon–Fri", breaks: "", breaksFull: "" });
  });

  it("treats the week as cyclic: Saturday, Sunday and Monday are the range Sat–Mon; a night ends the next morning", () => {
    expect(night).toMatchObject({ days: "Sat–Mon", dayList: "Mon Sat Sun", start: "22:00", end: "06:00", breaks: "02:00-02:30" });
  });

  it("names days from the calendar when the week starts on another day than Monday", () => {
    const sunday = shiftPlan([{ weeks: [{ start: "2026-11-22", required: () => 0, tours: [{ template: "full-time", days: [0, 1, 2, 3, 4], start: "09:00", people: 1 }] }] }]);
    const w = sunday.teams[0]!.weeks[0]!;
    expect(describeTour(w.tours[0]!, w.weekStartMin).days).toBe("Sun–Thu");
  });
});

describe("renderShiftsTable", () => {
  it("fits the summary in 80 columns, with colour or without, and shows the time limit with its gap", () => {
    for (const color of [plain, coloured]) {
      const text = renderShiftsTable(twoTeams, "summary", color);
      for (const line of lines(text)) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    }
    const text = renderShiftsTable(twoTeams, "summary", plain);
    const porto = lines(text).find((l) => l.includes("Porto sales L2"))!;
    expect(porto).toMatch(/time limit, gap 2\.3%/);
    expect(porto).not.toMatch(/optimal/);
    expect(lines(text).find((l) => l.includes("total"))).toMatch(/time limit, gap 2\.3%/);
    const prose = text.replace(/\n/g, " ");
    expect(prose).toContain("Efficiency = required agent-hours ÷ scheduled on-floor agent-hours; headcount = people ÷ (1 − out-of-shift shrinkage 12.0%), rounded up;");
    expect(prose).toContain("Time limit: stopped before optimality was proven; the best schedule costs at least (1 − gap) × this one.");
  });

  it("keeps every column when the width allows, and says which it leaves out when not", () => {
    const wide = renderShiftsTable(twoTeams, "summary", plain, { width: 200 });
    expect(lines(wide).find((l) => l.includes("Lyon support L1"))).toMatch(/full-time 7, part-time 3, nights 1/);
    expect(wide).not.toMatch(/Not shown/);
    const narrow = renderShiftsTable(twoTeams, "summary", plain);
    expect(narrow).toMatch(/^Not shown at 80 columns: .*\(in the CSV and JSON\)\.$/m);
    // what the narrow table leaves out of people and the plan is said under it
    const prose = narrow.replace(/\n/g, " ");
    expect(prose).toContain("Lyon support L1: 11 people (full-time 7, part-time 3, nights 1); headcount 13 against 11 in the plan (+2).");
    expect(prose).toContain("Total: 15 people; headcount 18 against 15 in the plan (+3).");
  });

  it("adds a block per week when there are several weeks", () => {
    const twoWeeks = shiftPlan([{ ...lyon, weeks: [lyon.weeks[0]!, { ...lyon.weeks[0]!, start: "2026-11-30", status: "time-limit", gap: 0.011 }] }]);
    const text = renderShiftsTable(twoWeeks, "summary", plain);
    expect(text).toMatch(/Per week/);
    expect(text).toMatch(/│ support L1 +│ 2026-11-23 │ +11 │/);
    expect(text).toMatch(/│ support L1 +│ 2026-11-30 │ +11 │.*time limit, gap 1\.1%/);
    for (const line of lines(text)) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    // a team's over and under hours are a week's (the mean of its weeks), as its paid hours and cost
    const csvRows = lines(renderShiftsCsv(twoWeeks, "summary")).map((l) => l.split(","));
    const col = (name: string) => csvRows[0]!.indexOf(name);
    const [teamRow, week1] = [csvRows[1]!, csvRows[2]!];
    expect(teamRow[0]).toBe("team");
    expect(teamRow[col("over_hours")]).toBe(week1[col("over_hours")]);
    expect(teamRow[col("under_hours")]).toBe(week1[col("under_hours")]);
    expect(Number(teamRow[col("under_hours")])).toBeGreaterThan(0);
  });

  it("lists tours per team in a stable order, and coverage per interval with 2 decimals", () => {
    const tours = renderShiftsTable(twoTeams, "tours", plain);
    const rows = lines(tours).filter((l) => /^│ (full-time|part-time|nights)/.test(l));
    expect(rows.map((r) => r.split("│").map((c) => c.trim()).slice(1, -1))).toEqual([
      ["full-time", "Mon–Fri", "08:00", "11:00-12:00 09:30-09:45", "5"],
      ["full-time", "Mon Tue Thu Fri Sat", "08:00 (Sat 08:30)", "11:00-12:00 09:30-09:45 …", "2"],
      ["part-time", "Mon–Fri", "09:00", "", "3"],
      ["nights", "Sat–Mon", "22:00", "02:00-02:30", "1"],
      ["full-time", "Mon–Fri", "08:30", "11:30-12:30", "4"],
    ]);
    expect(renderShiftsTable(twoTeams, "tours", plain)).toBe(tours);
    const coverage = renderShiftsTable(twoTeams, "coverage", plain);
    // Monday 10:00: 7 full-time and 3 part-time on the floor
    expect(coverage).toMatch(/│ 2026-11-23 10:00 │ Lyon support L1 +│ +7\.00 │ +10\.00 │ +3\.00 │ +0\.00 │/);
    // the Sunday night shift wraps to Monday 00:00–06:00 of the same week
    expect(coverage).toMatch(/│ 2026-11-23 00:00 │ Lyon support L1 +│ +1\.00 │ +1\.00 │/);
  });
});

describe("renderShiftsCsv", () => {
  it("writes every summary column: a line per team and week, and the totals", () => {
    const text = renderShiftsCsv(twoTeams, "summary");
    const [head, ...rows] = lines(text);
    expect(head).toBe(
      "scope,site,team,level,week_start,people_by_template,people,headcount,plan_fte,plan_headcount,headcount_vs_plan,paid_hours,cost,scheduled_paid_hours,scheduled_cost,required_hours,on_floor_hours,efficiency,over_hours,under_hours,understaffing_cost,mip_gap,bound_cost,status",
    );
    expect(rows.map((r) => r.split(",")[0])).toEqual(["team", "week", "team", "week", "total"]);
    const lyonRow = rows[0]!.split(",");
    expect(lyonRow.slice(0, 8)).toEqual(["team", "Lyon", "support", "1", "", "full-time=7|part-time=3|nights=1", "11", "13"]);
    expect(rows[2]!.split(",").at(-1)).toBe("time-limit");
    expect(rows[2]!.split(",")[21]).toBe("0.023");
  });

  it("writes tours with every day's breaks, and coverage per interval", () => {
    const tours = lines(renderShiftsCsv(twoTeams, "tours"));
    expect(tours[0]).toBe("site,team,level,week_start,template,days,start,end,breaks,people,paid_hours_per_person,cost_per_person");
    expect(tours[2]).toBe(
      "Lyon,support,1,2026-11-23,full-time,Mon Tue Thu Fri Sat,08:00 (Sat 08:30),16:00 (Sat 16:30),Mon 11:00-12:00 09:30-09:45; Tue 11:00-12:00 09:30-09:45; Thu 11:00-12:00 09:30-09:45; Fri 11:00-12:00 09:30-09:45; Sat 12:00-13:00 10:00-10:15,2,35,980",
    );
    const coverage = lines(renderShiftsCsv(twoTeams, "coverage"));
    expect(coverage[0]).toBe("site,team,level,interval_start,interval_minutes,required,on_floor,over,under");
    // Monday 09:30: the 7 full-time are on a 15-minute break half the interval (3.5) and 3 part-time work
    expect(coverage).toContain("Lyon,support,1,2026-11-23T09:30,30,7,6.5,0,0.5");
  });
});

interface JsonDoc {
  schemaVersion: number;
  templates: { site: string; team: string; level: number; intervalMinutes: number }[];
  requirement: { site: string; team: string; level: number; intervalStart: string; intervalMinutes: number; required: number }[];
  tours: { site: string; team: string; level: number; week: string; template: string; people: number; costPerPerson: number; days: { day: string; start: string; end: string; breaks: { start: string; end: string }[] }[] }[];
  coverage: { site: string; team: string; level: number; intervalStart: string; required: number; onFloor: number; over: number; under: number }[];
  teams: { site: string; team: string; level: number; weeks: { weekStart: string; cost: number }[] }[];
  totals: Record<string, unknown>;
}

/** Minutes since the epoch of "YYYY-MM-DDTHH:MM". */
const at = (s: string) => dayMin(s.slice(0, 10)) + Number(s.slice(11, 13)) * 60 + Number(s.slice(14, 16));

describe("renderShiftsJson", () => {
  const text = renderShiftsJson(twoTeams);
  const doc = JSON.parse(text) as JsonDoc;

  it("is one document with a schema version and a stable key order, the same bytes twice", () => {
    expect(Object.keys(doc)).toEqual(["schemaVersion", "command", "scenario", "currency", "weeks", "templates", "requirement", "tours", "coverage", "teams", "totals"]);
    expect(doc.schemaVersion).toBe(1);
    expect(Object.keys(doc.totals)).toEqual(["headcount", "people", "paidHours", "cost", "efficiency", "overHours", "underHours", "mipGap", "status", "planFte", "planHeadcount"]);
    expect(doc.totals.status).toBe("time-limit");
    expect(Object.keys((doc.templates[0] as unknown as { templates: object[] }).templates[0]!)).toEqual([
      "name", "daysPerWeek", "daysOff", "lengthMin", "paidHours", "firstStart", "lastStart", "startStepMin", "startBandMin", "breaks", "costPerHour", "minShare", "maxShare", "maxCount",
    ]);
    expect((doc.templates[0] as unknown as { templates: { daysOff: unknown }[] }).templates[1]!.daysOff).toEqual(["saturday", "sunday"]);
    expect(renderShiftsJson(twoTeams)).toBe(text);
  });

  it("lets anyone re-check coverage from the tours alone: every interval on the floor, by each edge's share", () => {
    const teams = new Map(doc.templates.map((t) => [`${t.site}|${t.team}|${t.level}`, t.intervalMinutes]));
    // recompute minute by minute from the JSON tours, wrapping each time into its week
    const recomputed = new Map<string, number>();
    for (const tour of doc.tours) {
      const key = `${tour.site}|${tour.team}|${tour.level}`;
      const grid = teams.get(key)!;
      const week = dayMin(tour.week);
      for (const d of tour.days) {
        for (let m = at(d.start); m < at(d.end); m++) {
          if (d.breaks.some((b) => m >= at(b.start) && m < at(b.end))) continue;
          const inWeek = (m - week) % 10_080;
          const slot = week + Math.floor(inWeek / grid) * grid;
          const k = `${key}|${slot}`;
          recomputed.set(k, (recomputed.get(k) ?? 0) + tour.people / grid);
        }
      }
    }
    const listed = new Map(doc.coverage.map((c) => [`${c.site}|${c.team}|${c.level}|${at(c.intervalStart)}`, c]));
    for (const [k, onFloor] of recomputed) {
      expect(listed.has(k), k).toBe(true);
      expectRelative(listed.get(k)!.onFloor, onFloor, 1e-12, k);
    }
    for (const [k, c] of listed) {
      expectRelative(c.onFloor, recomputed.get(k) ?? 0, 1e-12, k);
      expectRelative(c.over, Math.max(0, c.onFloor - c.required), 1e-12, k);
      expectRelative(c.under, Math.max(0, c.required - c.onFloor), 1e-12, k);
    }
    // every interval that requires agents is in the requirement and the coverage
    const requirement = doc.requirement.map((r) => `${r.site}|${r.team}|${r.level}|${at(r.intervalStart)}`);
    expect(requirement.length).toBe(5 * 16 + 8 + 7 * 16 + 5 * 16);
    for (const k of requirement) expect(listed.has(k)).toBe(true);
  });

  it("lets anyone re-check each week's cost: Σ tours' people × cost per person", () => {
    for (const team of doc.teams) {
      for (const w of team.weeks) {
        const cost = doc.tours.filter((t) => t.site === team.site && t.team === team.team && t.level === team.level && t.week === w.weekStart).reduce((s, t) => s + t.people * t.costPerPerson, 0);
        expect(cost).toBe(w.cost);
      }
    }
  });

  it("writes local date-times; a night that crosses the week's end ends in the next week", () => {
    const night = doc.tours.find((t) => t.template === "nights")!;
    expect(night.days.map((d) => [d.day, d.start, d.end])).toEqual([
      ["Mon", "2026-11-23T22:00", "2026-11-24T06:00"],
      ["Sat", "2026-11-28T22:00", "2026-11-29T06:00"],
      ["Sun", "2026-11-29T22:00", "2026-11-30T06:00"],
    ]);
  });
});

describe("renderShiftsHtml", () => {
  it("draws per team the coverage by template against the requirement and the start times, with the tables; no script", () => {
    const html = renderShiftsHtml(twoTeams, { forecast: "fixtures/forecast-week.csv" });
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    // per team: one coverage chart (one week) and one start-time chart
    expect((html.match(/<svg /g) ?? []).length).toBe(4);
    expect(html).toMatch(/<polyline points="[\d., ]+" fill="none" stroke="#000"/);
    expect(html).toMatch(/<title>part-time<\/title><\/polygon>/);
    expect(html).toMatch(/aria-label="Lyon support L1: people by start time, by template"/);
    expect(html).toMatch(/<h2>Schedule of Porto sales L2<\/h2>/);
    expect(html).toMatch(/time limit, gap 2\.3%/);
    expect(html).toMatch(/Mon 11:00-12:00 09:30-09:45; Tue/);
    expect(renderShiftsHtml(twoTeams, { forecast: "fixtures/forecast-week.csv" })).toBe(html);
  });
});
