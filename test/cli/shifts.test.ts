import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";
import { expectRelative } from "../helpers/relative.js";
import { binEnv } from "../helpers/bin-env.js";
import { smallForecastCsv } from "../helpers/small-forecast.js";

// `ccplan shifts` and `plan/compare/gaps --shifts`. Every schedule is
// re-checked from its JSON alone, by the conventions of SPEC 5.4b: an edge
// inside an interval counts the share of the interval it covers; the week is
// cyclic. Most cases are tiny (solved in well under a second) and run
// in-process with a fake io; the fixture week is solved once by the built
// binary (bin/ccplan.js → dist/), started first so that it runs beside them.

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process (fake io). */
const cli = (args: string[]): Promise<Run> => runCli(args);

/** Run the built binary (async: the fixture's solve runs beside the other cases). */
function ccplan(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, ["bin/ccplan.js", ...args], { env: binEnv({ NO_COLOR: "1" }), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((done) => child.on("close", (code) => done({ code, stdout, stderr })));
}

const FIXTURE_ARGS = ["shifts", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/in-house-shifts.yaml", "--format", "json"];
let fixtureRun: Promise<Run>;

let dir: string;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** "2026-11-23T09:00" (the file's own clock) → minutes since 1970-01-01. */
const minutesOf = (at: string) => Date.parse(`${at.length === 10 ? `${at}T00:00` : at}Z`) / 60_000;
const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const WEEK = 10_080;
const DAY = 1_440;
const mod = (a: number, n: number) => ((a % n) + n) % n;


/** Two templates, weekdays only: an 8-hour day starting 09:00 with an unpaid lunch, and a 4-hour half day. */
const SMALL_SCENARIO = `name: small shifts
shrinkage:
  breaks: 5%
  absence: 10%
contract_hours: 35
shifts:
  templates:
    - name: full
      days_per_week: 5
      days_off: [saturday, sunday]
      length: 8h
      paid_hours: 7
      start: { from: "09:00", to: "09:00" }
      breaks:
        - { length: 60, paid: false, after: 3h, before: 5h }
      cost_per_hour: 20
    - name: half
      days_per_week: 5
      days_off: [saturday, sunday]
      length: 4h
      start: { from: "09:00", to: "13:00", step: 30 }
      cost_per_hour: 22
      max_share: 60%
`;

/** One internal site with a cost model; the template has no cost_per_hour (the site's agent hour applies). */
const COST_SCENARIO = `name: small cost
shrinkage:
  absence: 10%
contract_hours: 35
currency: EUR
spans: { team_lead: { level_1: 50, level_2: 50, level_3: 50 }, manager: 30 }
sites:
  - name: Paris
    kind: internal
    cost:
      agent_hour: { level_1: 30, level_2: 38, level_3: 50 }
      team_lead_hour: 45
      manager_hour: 65
      support_hour: 42
      existing_team: true
shifts:
  templates:
    - name: half
      days_per_week: 5
      days_off: [saturday, sunday]
      length: 4h
      start: { from: "09:00", to: "13:00", step: 30 }
`;

/** Weekdays only, mornings: starts 09:00–12:00. */
const WEEKDAYS_SCENARIO = `name: weekdays only
shifts:
  templates:
    - name: day
      days_per_week: 5
      days_off: [saturday, sunday]
      length: 4h
      start: { from: "09:00", to: "12:00", step: 30 }
      cost_per_hour: 10
`;

let smallCsv: string;
let twoQueuesCsv: string;
let smallYaml: string;
let costYaml: string;
let weekdaysYaml: string;
let noShiftsYaml: string;

beforeAll(() => {
  // the one fixture solve, started first: it runs while the small cases do
  fixtureRun = ccplan(FIXTURE_ARGS);
  dir = mkdtempSync(join(tmpdir(), "ccplan-shifts-"));
  smallCsv = file("small.csv", smallForecastCsv(["info"]));
  twoQueuesCsv = file("two-queues.csv", smallForecastCsv(["info", "sales"]));
  smallYaml = file("small.yaml", SMALL_SCENARIO);
  costYaml = file("cost.yaml", COST_SCENARIO);
  weekdaysYaml = file("weekdays.yaml", WEEKDAYS_SCENARIO);
  noShiftsYaml = file("no-shifts.yaml", "name: no shifts\nshrinkage:\n  absence: 10%\n");
});
afterAll(async () => {
  await fixtureRun;
  rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------
// The JSON document of `ccplan shifts`, and its re-check

interface TemplateJson {
  name: string;
  daysPerWeek: number;
  daysOff: string | string[];
  lengthMin: number;
  paidHours: number;
  firstStart: string;
  lastStart: string;
  startStepMin: number;
  startBandMin: number;
  breaks: { lengthMin: number; paid: boolean; afterMin: number; beforeMin: number; stepMin: number }[];
  costPerHour: number;
  minShare: number | null;
  maxShare: number | null;
  maxCount: number | null;
}
interface TeamKey {
  site: string;
  team: string;
  level: number;
}
interface TourJson extends TeamKey {
  week: string;
  template: string;
  people: number;
  paidHoursPerPerson: number;
  costPerPerson: number;
  days: { day: string; start: string; end: string; breaks: { start: string; end: string; paid: boolean }[] }[];
}
interface WeekJson {
  weekStart: string;
  people: number;
  cost: number;
  paidHours: number;
  requiredHours: number;
  onFloorHours: number;
  overHours: number;
  underHours: number;
  efficiency: number;
  mipGap: number;
  boundCost: number;
  status: string;
  byTemplate: { template: string; people: number; paidHours: number; cost: number }[];
}
interface TeamJson extends TeamKey {
  people: number;
  headcount: number;
  planFte: number | null;
  planHeadcount: number | null;
  paidHours: number;
  cost: number;
  scheduledPaidHours: number;
  scheduledCost: number;
  mipGap: number;
  status: string;
  weeks: WeekJson[];
}
interface ShiftsJson {
  schemaVersion: number;
  command: string;
  weeks: number;
  templates: (TeamKey & { intervalMinutes: number; outOfShiftShrinkage: number; templates: TemplateJson[] })[];
  requirement: (TeamKey & { intervalStart: string; intervalMinutes: number; required: number })[];
  tours: TourJson[];
  coverage: (TeamKey & { intervalStart: string; required: number; onFloor: number; over: number; under: number })[];
  teams: TeamJson[];
  totals: { headcount: number; people: number; paidHours: number; cost: number; efficiency: number; overHours: number; underHours: number; mipGap: number; status: string; planFte: number | null; planHeadcount: number | null };
}

const keyOf = (t: TeamKey) => `${t.site}|${t.team}|${t.level}`;

/** Adds `people` × the share of each interval inside [from, to) (minutes after the week's start), wrapping at the week's end. */
function addSpan(floor: Float64Array, gridMin: number, from: number, to: number, people: number): void {
  for (let m = from; m < to; ) {
    const i = Math.floor(mod(m, WEEK) / gridMin);
    const intervalEnd = m - mod(m, gridMin) + gridMin;
    const until = Math.min(to, intervalEnd);
    floor[i]! += (people * (until - m)) / gridMin;
    m = until;
  }
}

/** On the floor per interval of each team's week, from the tours alone (one week: the JSON's `weeks` is 1 in every case here). */
function floorFromTours(doc: ShiftsJson): Map<string, { weekStartMin: number; gridMin: number; floor: Float64Array }> {
  const out = new Map<string, { weekStartMin: number; gridMin: number; floor: Float64Array }>();
  for (const t of doc.templates) {
    const week = doc.teams.find((x) => keyOf(x) === keyOf(t))!.weeks[0]!;
    out.set(keyOf(t), { weekStartMin: minutesOf(week.weekStart), gridMin: t.intervalMinutes, floor: new Float64Array(WEEK / t.intervalMinutes) });
  }
  for (const tour of doc.tours) {
    const team = out.get(keyOf(tour))!;
    const week0 = minutesOf(tour.week);
    expect(week0).toBe(team.weekStartMin);
    for (const d of tour.days) {
      addSpan(team.floor, team.gridMin, minutesOf(d.start) - week0, minutesOf(d.end) - week0, tour.people);
      for (const b of d.breaks) addSpan(team.floor, team.gridMin, minutesOf(b.start) - week0, minutesOf(b.end) - week0, -tour.people);
    }
  }
  return out;
}

/**
 * Everything the JSON lets anyone re-check: coverage from the tours equals
 * the JSON's and is at least the requirement (understaffing not priced);
 * costs, paid hours and people add up; each tour obeys its template; shares
 * are kept; a status is never "optimal" beyond the requested gap.
 */
function recheck(doc: ShiftsJson, requestedGap = 0.01): void {
  expect(doc.schemaVersion).toBe(1);
  expect(doc.command).toBe("shifts");
  expect(doc.weeks).toBe(1);
  const floors = floorFromTours(doc);
  const tol = 1e-9;

  // coverage: the listed intervals are exactly those with something required or someone on the floor
  const listed = new Map(doc.coverage.map((c) => [`${keyOf(c)}|${c.intervalStart}`, c]));
  expect(listed.size).toBe(doc.coverage.length);
  for (const r of doc.requirement) {
    const c = listed.get(`${keyOf(r)}|${r.intervalStart}`);
    expect(c, `requirement ${keyOf(r)} ${r.intervalStart} has a coverage row`).toBeDefined();
    expect(c!.required).toBe(r.required);
  }
  for (const [key, team] of floors) {
    const t = doc.teams.find((x) => keyOf(x) === key)!;
    const h = team.gridMin / 60;
    let requiredHours = 0;
    let onFloorHours = 0;
    let overHours = 0;
    for (let i = 0; i < team.floor.length; i++) {
      const at = new Date((team.weekStartMin + i * team.gridMin) * 60_000).toISOString().slice(0, 16);
      const c = listed.get(`${key}|${at}`);
      const floor = team.floor[i]!;
      if (c === undefined) {
        expect(Math.abs(floor), `${key} ${at}: on the floor from the tours, but no coverage row`).toBeLessThan(tol);
        continue;
      }
      expect(Math.abs(floor - c.onFloor), `${key} ${at}: on the floor from the tours ${floor}, JSON ${c.onFloor}`).toBeLessThan(tol);
      expect(c.onFloor, `${key} ${at}: covered`).toBeGreaterThanOrEqual(c.required - 1e-6);
      expect(c.under).toBe(0);
      expectRelative(c.over, Math.max(0, c.onFloor - c.required), 1e-12, `${key} ${at} over`);
      requiredHours += c.required * h;
      onFloorHours += floor * h;
      overHours += Math.max(0, floor - c.required) * h;
    }
    const week = t.weeks[0]!;
    expectRelative(week.requiredHours, requiredHours, 1e-9, `${key} required hours`);
    expectRelative(week.onFloorHours, onFloorHours, 1e-9, `${key} on-floor hours`);
    expect(Math.abs(week.overHours - overHours)).toBeLessThan(1e-5);
    expect(week.underHours).toBe(0);
    expectRelative(week.efficiency, requiredHours / onFloorHours, 1e-9, `${key} efficiency`);
  }

  // each tour obeys its template
  const templatesOf = new Map(doc.templates.map((t) => [keyOf(t), t]));
  for (const tour of doc.tours) {
    const where = `${keyOf(tour)} ${tour.template} ${tour.days.map((d) => `${d.day} ${d.start}`).join(", ")}`;
    const template = templatesOf.get(keyOf(tour))!.templates.find((x) => x.name === tour.template);
    expect(template, where).toBeDefined();
    const t = template!;
    expect(Number.isInteger(tour.people) && tour.people > 0, where).toBe(true);
    expect(tour.days, where).toHaveLength(t.daysPerWeek);
    expectRelative(tour.paidHoursPerPerson, t.daysPerWeek * t.paidHours, 1e-12, `${where} paid hours`);
    expectRelative(tour.costPerPerson, t.daysPerWeek * t.paidHours * t.costPerHour, 1e-12, `${where} cost`);
    const week0 = minutesOf(tour.week);
    const dayIndexes = tour.days.map((d) => Math.floor((minutesOf(d.start) - week0) / DAY));
    expect(new Set(dayIndexes).size, `${where}: one shift a day`).toBe(dayIndexes.length);
    const off = [0, 1, 2, 3, 4, 5, 6].filter((d) => !dayIndexes.includes(d));
    const offNames = off.map((d) => new Date((week0 + d * DAY) * 60_000).toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" }).toLowerCase());
    if (t.daysOff === "consecutive") {
      // one cyclic run: exactly one day off whose previous day is worked (or none off)
      expect(off.length === 0 || off.filter((d) => !off.includes((d + 6) % 7)).length === 1, `${where}: days off ${off} in one run`).toBe(true);
    } else if (Array.isArray(t.daysOff)) {
      expect(new Set(offNames), `${where}: days off`).toEqual(new Set(t.daysOff));
    }
    const startsOfDay: number[] = [];
    for (const d of tour.days) {
      const start = minutesOf(d.start);
      const end = minutesOf(d.end);
      const startOfDay = mod(start, DAY);
      startsOfDay.push(startOfDay);
      expect(new Date(start * 60_000).toLocaleDateString("en-GB", { weekday: "short", timeZone: "UTC" }), where).toBe(d.day);
      expect(startOfDay, `${where}: start within the window`).toBeGreaterThanOrEqual(clock(t.firstStart));
      expect(startOfDay, `${where}: start within the window`).toBeLessThanOrEqual(clock(t.lastStart));
      expect((startOfDay - clock(t.firstStart)) % t.startStepMin, `${where}: start on the step`).toBe(0);
      expect(end - start, `${where}: length`).toBe(t.lengthMin);
      expect(d.breaks, `${where}: breaks`).toHaveLength(t.breaks.length);
      d.breaks.forEach((b, k) => {
        const rule = t.breaks[k]!;
        const offset = minutesOf(b.start) - start;
        expect(minutesOf(b.end) - minutesOf(b.start), `${where}: break ${k} length`).toBe(rule.lengthMin);
        expect(offset, `${where}: break ${k} after`).toBeGreaterThanOrEqual(rule.afterMin);
        expect(offset + rule.lengthMin, `${where}: break ${k} before`).toBeLessThanOrEqual(rule.beforeMin);
        expect((offset - rule.afterMin) % rule.stepMin, `${where}: break ${k} on its step`).toBe(0);
        expect(b.paid).toBe(rule.paid);
      });
    }
    expect(Math.max(...startsOfDay) - Math.min(...startsOfDay), `${where}: start band`).toBeLessThanOrEqual(t.startBandMin);
  }

  // people, paid hours and cost add up; shares; headcount; statuses
  let totalCost = 0;
  for (const team of doc.teams) {
    const tours = doc.tours.filter((x) => keyOf(x) === keyOf(team));
    const people = tours.reduce((s, x) => s + x.people, 0);
    const cost = tours.reduce((s, x) => s + x.people * x.costPerPerson, 0);
    const paid = tours.reduce((s, x) => s + x.people * x.paidHoursPerPerson, 0);
    const week = team.weeks[0]!;
    expect(week.people).toBe(people);
    expect(team.people).toBe(people);
    expectRelative(week.cost, cost, 1e-12, `${keyOf(team)} cost`);
    expectRelative(team.scheduledCost, cost, 1e-12, `${keyOf(team)} scheduled cost`);
    expectRelative(week.paidHours, paid, 1e-12, `${keyOf(team)} paid hours`);
    const settings = templatesOf.get(keyOf(team))!;
    const keep = 1 - settings.outOfShiftShrinkage;
    expectRelative(team.cost, cost / keep, 1e-12, `${keyOf(team)} cost grossed up`);
    expectRelative(team.paidHours, paid / keep, 1e-12, `${keyOf(team)} paid hours grossed up`);
    expect(team.headcount).toBe(Math.ceil(people / keep - 1e-9));
    for (const t of settings.templates) {
      const own = tours.filter((x) => x.template === t.name).reduce((s, x) => s + x.people, 0);
      if (t.maxShare !== null) expect(own, `${t.name} max_share`).toBeLessThanOrEqual(t.maxShare * people + 1e-9);
      if (t.minShare !== null) expect(own, `${t.name} min_share`).toBeGreaterThanOrEqual(t.minShare * people - 1e-9);
      if (t.maxCount !== null) expect(own, `${t.name} max_count`).toBeLessThanOrEqual(t.maxCount);
    }
    for (const w of [team, week]) {
      expect(["optimal", "time-limit"]).toContain(w.status);
      if (w.status === "optimal") expect(w.mipGap, `${keyOf(team)}: optimal within the requested gap`).toBeLessThanOrEqual(requestedGap);
    }
    // the proven bound is within the gap of the cost (that it is ≤ the cost: a test of its own below)
    if (week.status === "optimal") expect((week.cost - week.boundCost) / week.cost).toBeLessThanOrEqual(requestedGap + 1e-6);
    totalCost += team.cost;
  }
  expectRelative(doc.totals.cost, totalCost, 1e-12, "totals.cost");
  expect(doc.totals.headcount).toBe(doc.teams.reduce((s, t) => s + t.headcount, 0));
  expect(doc.totals.underHours).toBe(0);
}

/** The first line of stderr that is no warning. */
const errorLine = (stderr: string) => stderr.split("\n").find((l) => / error /.test(l)) ?? "";

/** Exit 2, an error line of this code in the documented style, no stack trace, and no --out file. */
function expectInputError(r: Run, code: string, out: string): string {
  expect(r.code, r.stderr).toBe(2);
  const line = errorLine(r.stderr);
  expect(line).toMatch(new RegExp(`^(ccplan|[^ ]+?(:\\d+:\\d+)?): error ${code} `));
  expect(r.stderr).not.toMatch(/\n\s+at |internal error|RangeError|TypeError/);
  expect(existsSync(out)).toBe(false);
  return line;
}

// ---------------------------------------------------------------------------

describe("ccplan shifts on small cases", () => {
  it("same inputs, same bytes: two runs of the small case give the same JSON, which re-checks", async () => {
    const args = ["shifts", smallCsv, "--scenario", smallYaml, "--format", "json"];
    const [a, b] = [await cli(args), await cli(args)];
    expect(a.code, a.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const doc = JSON.parse(a.stdout) as ShiftsJson;
    recheck(doc);
    expect(doc.totals.status).toBe("optimal");
    expect(doc.teams.map((t) => t.team)).toEqual(["level 1"]);
    // the FTE-based plan is a lower bound of what shifts take
    expect(doc.totals.headcount).toBeGreaterThanOrEqual(doc.totals.planHeadcount!);
    expect(a.stderr).toMatch(/warning PLAN_SHIFTS_BREAKS_PLACED/);
  });

  it("boundCost (the lower bound the solver proves, tie-break excluded) is at most the week's cost", async () => {
    const r = await cli(["shifts", smallCsv, "--scenario", smallYaml, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const week = (JSON.parse(r.stdout) as ShiftsJson).teams[0]!.weeks[0]!;
    expect(week.status).toBe("optimal");
    expect(week.boundCost).toBeLessThanOrEqual(week.cost);
  });

  it("--report summary|tours|coverage --format table: exit 0, the expected heads; the summary fits 80 columns", async () => {
    const heads = {
      summary: ["team", "headcount", "cost/week", "effic.", "status"],
      tours: ["template", "days", "start", "breaks", "people"],
      coverage: ["interval", "required", "on floor", "over", "under"],
    };
    for (const [report, head] of Object.entries(heads)) {
      const r = await cli(["shifts", smallCsv, "--scenario", smallYaml, "--report", report]);
      expect(r.code, r.stderr).toBe(0);
      // the title's details go on a line of their own when both do not fit 80 columns
      expect(r.stdout.split("\n").slice(0, 2).join("  ")).toMatch(/^Shifts "small shifts" {2}1 week from Mon 2026-11-23; costs in EUR a week/);
      const headLine = r.stdout.split("\n").find((l) => l.startsWith("│ "))!;
      const cells = headLine.split("│").map((c) => c.trim()).filter((c) => c !== "");
      for (const h of head) expect(cells, `${report}: ${headLine}`).toContain(h);
      // the table and the notes under it (the title line is not fitted)
      if (report === "summary") for (const line of r.stdout.split("\n").slice(1)) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    }
  });

  it("--report summary|tours|coverage --format csv: exit 0, the documented columns", async () => {
    const heads = {
      summary:
        "scope,site,team,level,week_start,people_by_template,people,headcount,plan_fte,plan_headcount,headcount_vs_plan,paid_hours,cost,scheduled_paid_hours,scheduled_cost,required_hours,on_floor_hours,efficiency,over_hours,under_hours,understaffing_cost,mip_gap,bound_cost,status",
      tours: "site,team,level,week_start,template,days,start,end,breaks,people,paid_hours_per_person,cost_per_person",
      coverage: "site,team,level,interval_start,interval_minutes,required,on_floor,over,under",
    };
    for (const [report, head] of Object.entries(heads)) {
      const r = await cli(["shifts", smallCsv, "--scenario", smallYaml, "--report", report, "--format", "csv"]);
      expect(r.code, r.stderr).toBe(0);
      const [first, ...rows] = r.stdout.trimEnd().split("\n");
      expect(first).toBe(head);
      expect(rows.length).toBeGreaterThan(0);
      if (report === "summary") expect(rows.map((l) => l.split(",")[0])).toEqual(["team", "week", "total"]);
      if (report === "coverage") expect(rows).toHaveLength(80); // Mon–Fri 09:00–17:00, 30 minutes
    }
  });

  it("--requirement with a tiny CSV of two teams: exit 0, two teams, level 2 from its name", async () => {
    const req = file("req-two.csv", "interval_start,team,agents\n2026-11-23T09:00,level 1,3\n2026-11-23T09:30,level 1,4\n2026-11-24T10:00,level 1,2\n2026-11-23T09:00,level 2,1\n2026-11-25T11:00,level 2,1.5\n");
    const r = await cli(["shifts", "--requirement", req, "--scenario", weekdaysYaml, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as ShiftsJson;
    expect(doc.teams.map((t) => [t.team, t.level])).toEqual([
      ["level 1", 1],
      ["level 2", 2],
    ]);
    recheck(doc);
    // no plan behind a requirement file
    // a requirement file has no plan to compare with
    expect(doc.totals.planFte).toBe(null);
  });
});

describe("ccplan shifts --requirement over a week that does not start on the week's first day", () => {
  // Wednesday 2026-11-25 to Tuesday 2026-12-01, 2 agents 09:00–12:00 every weekday
  const rows = ["interval_start,agents"];
  for (const day of ["2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01"]) for (const t of ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]) rows.push(`${day}T${t},2`);

  it("warns that its calendar weeks are partial (PLAN_PARTIAL_WEEK, each scheduled on its own); --weeks 1 schedules its 7 days as one week", async () => {
    const req = file("rolling.csv", rows.join("\n") + "\n");
    const split = await cli(["shifts", "--requirement", req, "--scenario", weekdaysYaml, "--format", "json"]);
    expect(split.code, split.stderr).toBe(0);
    expect(split.stderr).toMatch(/rolling\.csv: warning PLAN_PARTIAL_WEEK the first week \(from 2026-11-23\) has rows only 2026-11-25 to 2026-11-27/);
    expect((JSON.parse(split.stdout) as ShiftsJson).weeks).toBe(2);
    const rolling = await cli(["shifts", "--requirement", req, "--scenario", weekdaysYaml, "--weeks", "1", "--format", "json"]);
    expect(rolling.code, rolling.stderr).toBe(0);
    expect(rolling.stderr).not.toMatch(/PLAN_PARTIAL_WEEK/);
    const doc = JSON.parse(rolling.stdout) as ShiftsJson;
    expect(doc.weeks).toBe(1);
    // as many people as the same mornings in a week from Monday (the days off follow the calendar: Saturday and Sunday)
    const monday = rows.map((r, k) => (k === 0 ? r : r.replace("2026-11-25", "2026-11-23").replace("2026-11-26", "2026-11-24").replace("2026-11-27", "2026-11-25").replace("2026-11-30", "2026-11-26").replace("2026-12-01", "2026-11-27")));
    const whole = await cli(["shifts", "--requirement", file("monday.csv", monday.join("\n") + "\n"), "--scenario", weekdaysYaml, "--format", "json"]);
    expect(whole.code, whole.stderr).toBe(0);
    const wholeDoc = JSON.parse(whole.stdout) as ShiftsJson;
    expect(doc.totals.people).toBe(wholeDoc.totals.people);
    expect(doc.totals.people).toBeGreaterThan(0);
    expect(split.stdout).not.toBe(rolling.stdout);
  });
});

describe("ccplan shifts with every site's shifts turned off", () => {
  it("is PLAN_SHIFTS_NONE, not an empty schedule", async () => {
    const yaml = file("off.yaml", WEEKDAYS_SCENARIO + "sites:\n  - name: Paris\n    kind: internal\n    shifts: null\n");
    const r = await cli(["shifts", smallCsv, "--scenario", yaml]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/error PLAN_SHIFTS_NONE/);
  });
});

describe("ccplan shifts refuses bad input: exit 2, `ccplan: error CODE` style, no stack trace, no --out file", () => {
  let out: string;
  beforeAll(() => {
    out = join(dir, "never.txt");
  });

  it("the real binary: a scenario without shifts exits 2 with one line on stderr, nothing on stdout", async () => {
    const r = await ccplan(["shifts", smallCsv, "--scenario", noShiftsYaml, "--out", out]);
    expectInputError(r, "PLAN_SHIFTS_NONE", out);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`${noShiftsYaml}: error PLAN_SHIFTS_NONE ${noShiftsYaml} has no \`shifts\` block: expected shift templates (see the README's "Shifts and schedules", or ccplan init)\n`);
  });

  it("no --scenario: USAGE_MISSING_OPTION", async () => {
    const line = expectInputError(await cli(["shifts", smallCsv, "--out", out]), "USAGE_MISSING_OPTION", out);
    expect(line).toMatch(/^ccplan: error USAGE_MISSING_OPTION .*--scenario/);
  });

  it("a scenario without shifts: PLAN_SHIFTS_NONE naming the file", async () => {
    const line = expectInputError(await cli(["shifts", smallCsv, "--scenario", noShiftsYaml, "--out", out]), "PLAN_SHIFTS_NONE", out);
    expect(line).toContain("no-shifts.yaml has no `shifts` block");
  });

  it("both FORECAST and --requirement: USAGE_CONFLICT; neither: USAGE_MISSING_OPTION", async () => {
    const req = file("req-one.csv", "interval_start,agents\n2026-11-23T09:00,2\n");
    expectInputError(await cli(["shifts", smallCsv, "--requirement", req, "--scenario", weekdaysYaml, "--out", out]), "USAGE_CONFLICT", out);
    const line = expectInputError(await cli(["shifts", "--scenario", weekdaysYaml, "--out", out]), "USAGE_MISSING_OPTION", out);
    expect(line).toMatch(/FORECAST.*--requirement/);
  });

  it("--gap abc and --time-limit 0: USAGE_BAD_OPTION naming the option", async () => {
    const req = file("req-one.csv", "interval_start,agents\n2026-11-23T09:00,2\n");
    const gap = expectInputError(await cli(["shifts", "--requirement", req, "--scenario", weekdaysYaml, "--gap", "abc", "--out", out]), "USAGE_BAD_OPTION", out);
    expect(gap).toMatch(/--gap: got "abc"/);
    const limit = expectInputError(await cli(["shifts", "--requirement", req, "--scenario", weekdaysYaml, "--time-limit", "0", "--out", out]), "USAGE_BAD_OPTION", out);
    expect(limit).toMatch(/--time-limit: got "0"/);
  });

  it("agents needed at night, outside every start window: PLAN_SHIFTS_UNCOVERABLE naming the team, the day and the time", async () => {
    const req = file("req-night.csv", "interval_start,agents\n2026-11-23T09:00,2\n2026-11-24T03:30,1\n");
    const line = expectInputError(await cli(["shifts", "--requirement", req, "--scenario", weekdaysYaml, "--out", out]), "PLAN_SHIFTS_UNCOVERABLE", out);
    expect(line).toMatch(/team "all" \(level 1\) at in-house: 1 interval .*Tuesday 2026-11-24 03:30/);
  });

  it("agents needed on Sunday with days_off [saturday, sunday]: PLAN_SHIFTS_UNCOVERABLE naming the team and Sunday 10:00 (not INFEASIBLE)", async () => {
    const req = file("req-sunday.csv", "interval_start,agents\n2026-11-23T09:00,2\n2026-11-29T10:00,1.5\n");
    const r = await cli(["shifts", "--requirement", req, "--scenario", weekdaysYaml, "--out", out]);
    const line = expectInputError(r, "PLAN_SHIFTS_UNCOVERABLE", out);
    expect(line).toMatch(/team "all" \(level 1\) at in-house: 1 interval .*Sunday 2026-11-29 10:00/);
  });

  it("min_share 100% on a morning template when the afternoon needs agents: PLAN_SHIFTS_INFEASIBLE naming the team", async () => {
    const scenario = file(
      "infeasible.yaml",
      `name: infeasible shares
shifts:
  templates:
    - name: morning
      days_per_week: 5
      days_off: [saturday, sunday]
      length: 4h
      start: { from: "09:00", to: "09:00" }
      cost_per_hour: 10
      min_share: 100%
    - name: afternoon
      days_per_week: 5
      days_off: [saturday, sunday]
      length: 4h
      start: { from: "13:00", to: "13:00" }
      cost_per_hour: 10
`,
    );
    const req = file("req-am-pm.csv", "interval_start,agents\n2026-11-23T09:00,2\n2026-11-23T14:00,1\n");
    const line = expectInputError(await cli(["shifts", "--requirement", req, "--scenario", scenario, "--out", out]), "PLAN_SHIFTS_INFEASIBLE", out);
    expect(line).toMatch(/team "all" \(level 1\) at in-house: .*min_share/);
  });

  it("a misspelt key in a template: CONFIG_UNKNOWN_KEY at its line and column; a bad value: CONFIG_INVALID at its line and column", async () => {
    const unknown = file("bad-key.yaml", WEEKDAYS_SCENARIO.replace("      cost_per_hour: 10\n", "      cost_per_hour: 10\n      start_bnad: 60\n"));
    const line = expectInputError(await cli(["shifts", smallCsv, "--scenario", unknown, "--out", out]), "CONFIG_UNKNOWN_KEY", out);
    expect(line).toMatch(/^[^ ]*bad-key\.yaml:10:7: error CONFIG_UNKNOWN_KEY .*"start_bnad".*shifts\.templates\.0/);
    const invalid = file("bad-value.yaml", WEEKDAYS_SCENARIO.replace("days_per_week: 5", "days_per_week: 8"));
    const bad = expectInputError(await cli(["shifts", smallCsv, "--scenario", invalid, "--out", out]), "CONFIG_INVALID", out);
    expect(bad).toMatch(/^[^ ]*bad-value\.yaml:5:22: error CONFIG_INVALID shifts\.templates\.0\.days_per_week/);
  });
});

describe("ccplan shifts --time-limit", () => {
  it("a hard week stopped at 0.05 s is reported as stopped (time-limit + warning, exit 0) or as no schedule (exit 2), never as optimal beyond the gap", async () => {
    // the level-2 curve of the fixture requirement: small fractional agents, long to prove optimal
    const lines = readFileSync("fixtures/requirement-week.csv", "utf8").trimEnd().split("\n");
    const req = file("req-level2.csv", [lines[0], ...lines.filter((l) => l.includes(",level 2,"))].join("\n") + "\n");
    const out = join(dir, "time-limit.json");
    const r = await cli(["shifts", "--requirement", req, "--scenario", "fixtures/scenarios/in-house-shifts.yaml", "--format", "json", "--time-limit", "0.05", "--out", out]);
    if (r.code === 0) {
      const doc = JSON.parse(readFileSync(out, "utf8")) as ShiftsJson;
      recheck(doc);
      const team = doc.teams[0]!;
      if (team.status === "time-limit") {
        expect(doc.totals.status).toBe("time-limit");
        expect(r.stderr).toMatch(/warning PLAN_SHIFTS_TIME_LIMIT team "level 2" at in-house, week of 2026-11-23: stopped by --time-limit 0\.05 s/);
      } else {
        expect(team.mipGap).toBeLessThanOrEqual(0.01);
        expect(r.stderr).not.toMatch(/PLAN_SHIFTS_TIME_LIMIT/);
      }
    } else {
      const line = expectInputError(r, "PLAN_SHIFTS_NO_SOLUTION", out);
      expect(line).toMatch(/team "level 2" at in-house: no schedule found within --time-limit 0\.05 s/);
    }
  });
});

describe("plan, compare and gaps --shifts", () => {
  /** The shifts command's JSON for the same inputs. */
  const shiftsJson = async (forecast: string, scenario: string) => {
    const r = await cli(["shifts", forecast, "--scenario", scenario, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as ShiftsJson;
  };

  it("plan --shifts --by tier|group: the level's and the team's headcount are the schedule's, its FTE the schedule's paid hours ÷ contract hours", async () => {
    const shifts = await shiftsJson(smallCsv, smallYaml);
    const tier = await cli(["plan", smallCsv, "--scenario", smallYaml, "--shifts", "--by", "tier", "--format", "json"]);
    expect(tier.code, tier.stderr).toBe(0);
    expect(tier.stderr).toMatch(new RegExp(`shifts: small shifts: .*headcount ${shifts.totals.headcount} \\(FTE-based ${shifts.totals.planHeadcount}\\)`));
    const roles = JSON.parse(tier.stdout).roles as { role: string; fte: number; headcount: number }[];
    const levels = roles.filter((r) => /^level-\d$/.test(r.role));
    expect(levels.reduce((s, r) => s + r.headcount, 0)).toBe(shifts.totals.headcount);
    expectRelative(
      levels.reduce((s, r) => s + r.fte, 0),
      shifts.totals.paidHours / 35,
      1e-12,
      "level FTE",
    );
    const group = await cli(["plan", smallCsv, "--scenario", smallYaml, "--shifts", "--by", "group", "--format", "json"]);
    expect(group.code, group.stderr).toBe(0);
    const groups = JSON.parse(group.stdout).groups as { group: string; tier: number; headcount: number }[];
    expect(groups.map((g) => [g.group, g.tier, g.headcount])).toEqual(shifts.teams.map((t) => [t.team, t.level, t.headcount]));
    // without --shifts: the FTE-based headcount the schedule reports as the plan's
    const plain = JSON.parse((await cli(["plan", smallCsv, "--scenario", smallYaml, "--by", "tier", "--format", "json"])).stdout).roles as { role: string; headcount: number }[];
    expect(plain.filter((r) => /^level-\d$/.test(r.role)).reduce((s, r) => s + r.headcount, 0)).toBe(shifts.totals.planHeadcount);
  });

  it("compare --shifts with an internal site's agent hour: the level's weekly cost and headcount are the schedule's", async () => {
    const shifts = await shiftsJson(smallCsv, costYaml);
    const r = await cli(["compare", smallCsv, "--scenario", costYaml, "--shifts", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const scenario = JSON.parse(r.stdout).scenarios[0] as { roles: { role: string; headcount: number; weeklyCost: number }[]; sites: { name: string; roles: { role: string; weeklyCost: number }[] }[] };
    const level = scenario.roles.find((x) => x.role === "level-1")!;
    // the schedule's template has no cost_per_hour: the site's 30 an agent hour
    expect(shifts.templates[0]!.templates[0]!.costPerHour).toBe(30);
    expectRelative(level.weeklyCost, shifts.totals.cost, 1e-12, "level-1 weekly cost");
    expect(level.headcount).toBe(shifts.totals.headcount);
    expectRelative(scenario.sites[0]!.roles.find((x) => x.role === "level-1")!.weeklyCost, shifts.totals.cost, 1e-12, "Paris level-1 weekly cost");
  });

  it("gaps --shifts: each skill's required FTE grows by the ratio schedule FTE ÷ plan FTE", async () => {
    const roster = file("roster.csv", "agent_id,site,tier,contract_hours,info:phone,sales:phone\nA1,Paris,L1,35,1,\nA2,Paris,L1,35,2,1\n");
    const shifts = await shiftsJson(twoQueuesCsv, smallYaml);
    const ratio = shifts.totals.paidHours / 35 / shifts.totals.planFte!;
    expect(ratio).toBeGreaterThan(1);
    const plain = await cli(["gaps", twoQueuesCsv, "--roster", roster, "--scenario", smallYaml, "--format", "json"]);
    const scheduled = await cli(["gaps", twoQueuesCsv, "--roster", roster, "--scenario", smallYaml, "--shifts", "--format", "json"]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(scheduled.code, scheduled.stderr).toBe(0);
    type Skill = { typology: string; channel: string; requiredFte: number };
    const before = JSON.parse(plain.stdout) as { totals: { requiredFte: number }; skills: Skill[] };
    const after = JSON.parse(scheduled.stdout) as { totals: { requiredFte: number }; skills: Skill[] };
    expectRelative(before.totals.requiredFte, shifts.totals.planFte!, 1e-12, "plan FTE");
    expect(after.skills.map((s) => s.typology)).toEqual(before.skills.map((s) => s.typology));
    expect(after.skills).toHaveLength(2);
    after.skills.forEach((s, k) => expectRelative(s.requiredFte, before.skills[k]!.requiredFte * ratio, 1e-9, `${s.typology} required FTE`));
    expectRelative(after.totals.requiredFte, shifts.totals.paidHours / 35, 1e-9, "required FTE");
  });

  it("--shifts with a scenario without shifts: exit 2 PLAN_SHIFTS_NONE, for plan, compare and gaps", async () => {
    const roster = file("roster-one.csv", "agent_id,site,tier,contract_hours,info:phone\nA1,Paris,L1,35,1\n");
    const runs = [
      ["plan", smallCsv, "--scenario", noShiftsYaml, "--shifts"],
      ["compare", smallCsv, "--scenario", noShiftsYaml, "--shifts"],
      ["gaps", smallCsv, "--roster", roster, "--scenario", noShiftsYaml, "--shifts"],
    ];
    for (const args of runs) {
      const out = join(dir, `never-${args[0]}.txt`);
      const line = expectInputError(await cli([...args, "--out", out]), "PLAN_SHIFTS_NONE", out);
      expect(line, args[0]).toMatch(/^ccplan: error PLAN_SHIFTS_NONE --shifts needs a scenario with a `shifts` block/);
    }
  });
});

describe("ccplan shifts on the fixture week (one solve, shared)", () => {
  let run: Run;
  let doc: ShiftsJson;
  beforeAll(async () => {
    run = await fixtureRun;
    doc = JSON.parse(run.stdout) as ShiftsJson;
  }, 180_000);

  it("exit 0, optimal within the default 1 % gap, no time-limit warning", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(doc.totals.status).toBe("optimal");
    expect(doc.totals.mipGap).toBeLessThanOrEqual(0.01);
    expect(run.stderr).not.toMatch(/PLAN_SHIFTS_TIME_LIMIT|error/);
    expect(doc.teams.length).toBeGreaterThan(0);
  });

  it("re-checks from the JSON alone: coverage from the tours = the JSON's and ≥ required everywhere; costs add up; tours obey their templates", () => {
    recheck(doc);
  });

  it("the schedule needs at least the FTE-based headcount, team by team", () => {
    for (const t of doc.teams) expect(t.headcount, t.team).toBeGreaterThanOrEqual(t.planHeadcount!);
    expect(doc.totals.headcount).toBeGreaterThanOrEqual(doc.totals.planHeadcount!);
  });
});
