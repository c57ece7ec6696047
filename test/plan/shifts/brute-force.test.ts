import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { MipSolver } from "../../../src/plan/shifts/mip.js";
import { scheduleWeek } from "../../../src/plan/shifts/schedule-week.js";
import type { WeekSchedule } from "../../../src/plan/shifts/schedule-types.js";
import type { ShiftBreak, ShiftRules, ShiftTemplate } from "../../../src/plan/shifts/template.js";
import { highsSolver } from "../../../src/solve/highs-solver.js";
import { requirement, rules, template } from "../../helpers/shift-builders.js";
import {
  bruteForce,
  oracleCoverage,
  personCost,
  shortageCost,
  OracleTooBig,
  tourProblems,
  type OracleResult,
} from "../../helpers/shift-oracle.js";

// The integer programme of scheduleWeek against an independent oracle
// (test/helpers/shift-oracle.ts): every tour the SPEC 5.4b conventions allow,
// enumerated from the template's own words, and the least cost (then the
// fewest people) found by exhaustive search on tiny instances.

let solve: MipSolver;
beforeAll(async () => {
  solve = await highsSolver();
});
const exact = { relGap: 0, timeLimitSec: 60 };
const WEEK = 10_080;

function close(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

/** Solve with the MIP and with the oracle; check the MIP's schedule by the oracle's rules and its optimum against the oracle's. */
function agree(required: Float64Array, gridMin: number, r: ShiftRules, limits?: Parameters<typeof bruteForce>[3]): { oracle: OracleResult; week: WeekSchedule | null } {
  const oracle = bruteForce(required, gridMin, r, limits);
  const solved = scheduleWeek(required, gridMin, r, solve, exact);
  if (!oracle.feasible) {
    expect(solved.ok ? `scheduleWeek found ${solved.week.people} people at cost ${solved.week.cost}` : "no schedule", "the oracle finds no schedule").toBe("no schedule");
    return { oracle, week: null };
  }
  if (!solved.ok) throw new Error(`the oracle schedules ${oracle.people} people at cost ${oracle.cost}, scheduleWeek finds none: ${JSON.stringify(solved.failure)}`);
  const w = solved.week;
  expect(w.status).toBe("optimal");
  for (const tour of w.tours) expect(tourProblems(tour, r), JSON.stringify(tour)).toEqual([]);

  // coverage, people and cost recomputed from the tours alone
  const onFloor = oracleCoverage(w.tours, gridMin);
  let worst = 0;
  for (let i = 0; i < onFloor.length; i++) worst = Math.max(worst, Math.abs(w.onFloor[i]! - onFloor[i]!));
  expect(worst, "reported onFloor vs recounted").toBeLessThanOrEqual(1e-9);
  const people = w.tours.reduce((n, t) => n + t.people, 0);
  const peopleCost = w.tours.reduce((n, t) => n + t.people * personCost(r.templates.find((x) => x.name === t.template)!), 0);
  expect(w.people).toBe(people);
  close(w.cost, peopleCost, "cost = Σ people × days × paid hours × rate");
  let total = peopleCost;
  if (r.understaffingCost === null) {
    const short = [...required.keys()].filter((i) => onFloor[i]! < required[i]! - 1e-9);
    expect(short, "intervals short").toEqual([]);
  } else {
    const shortage = shortageCost(required, onFloor, gridMin, r.understaffingCost);
    close(w.understaffingCost, shortage, "understaffing cost");
    total += shortage;
  }

  // template counts and shares
  const n = r.templates.map((t) => w.tours.filter((x) => x.template === t.name).reduce((a, x) => a + x.people, 0));
  r.templates.forEach((t, k) => {
    if (t.maxCount !== null) expect(n[k]!).toBeLessThanOrEqual(t.maxCount);
    if (t.maxShare !== null) expect(n[k]!).toBeLessThanOrEqual(t.maxShare * people + 1e-9);
    if (t.minShare !== null) expect(n[k]!).toBeGreaterThanOrEqual(t.minShare * people - 1e-9);
  });

  close(total, oracle.cost, "least cost (people + understaffing)");
  expect(people, "people at the least cost").toBe(oracle.people);
  return { oracle, week: w };
}

/** A one-day, one-hour, 09:00-only template at 1 an hour, any day: the cases below change what they need. */
function tpl(over: Partial<ShiftTemplate> = {}): ShiftTemplate {
  return template({ name: "t", daysPerWeek: 1, daysOff: { kind: "any" }, lengthMin: 60, paidHours: 1, firstStartMin: 540, lastStartMin: 540, startStepMin: 60, ...over });
}

const MON = 0;
const TUE = 1;
const WED = 2;
const FRI = 4;
const SAT = 5;
const SUN = 6;

interface Case {
  name: string;
  gridMin: number;
  required: Float64Array;
  rules: ShiftRules;
  /** Worked by hand: least cost and people, or null when nothing can be scheduled. */
  expected: { cost: number; people: number } | null;
}

const CASES: Case[] = [
  {
    name: "one agent for an hour on Monday, one 2-hour template with two starts: one person, 2 paid hours",
    gridMin: 60,
    required: requirement(60, [{ days: [MON], fromMin: 600, toMin: 660, agents: 1 }]),
    rules: rules([tpl({ lengthMin: 120, paidHours: 2, lastStartMin: 600 })]),
    expected: { cost: 2, people: 1 },
  },
  {
    name: "a 30-minute break in a 60-minute interval counts half: 1 agent 09–12 takes two people",
    gridMin: 60,
    required: requirement(60, [{ days: [MON], fromMin: 540, toMin: 720, agents: 1 }]),
    rules: rules([tpl({ lengthMin: 180, paidHours: 2.5, breaks: [{ lengthMin: 30, paid: false, afterMin: 60, beforeMin: 120, stepMin: 30 }] })]),
    expected: { cost: 5, people: 2 },
  },
  {
    name: "the same with understaffing at 4 an agent-hour: one person and half an agent-hour short (2.5 + 2)",
    gridMin: 60,
    required: requirement(60, [{ days: [MON], fromMin: 540, toMin: 720, agents: 1 }]),
    rules: rules([tpl({ lengthMin: 180, paidHours: 2.5, breaks: [{ lengthMin: 30, paid: false, afterMin: 60, beforeMin: 120, stepMin: 30 }] })], { understaffingCost: 4 }),
    expected: { cost: 4.5, people: 1 },
  },
  {
    name: "1.5 agents over two 30-minute intervals with 15-minute breaks: two people, breaks in different intervals",
    gridMin: 30,
    required: requirement(30, [{ days: [MON], fromMin: 630, toMin: 690, agents: 1.5 }]),
    rules: rules([tpl({ lengthMin: 120, paidHours: 2, firstStartMin: 600, lastStartMin: 600, breaks: [{ lengthMin: 15, paid: true, afterMin: 30, beforeMin: 90, stepMin: 15 }] })]),
    expected: { cost: 4, people: 2 },
  },
  {
    name: "a shift edge inside an interval counts its share: a 09:15 start covers half of 09:00–09:30, two people for one agent",
    gridMin: 30,
    required: requirement(30, [{ days: [MON], fromMin: 540, toMin: 570, agents: 1 }]),
    rules: rules([tpl({ firstStartMin: 555, lastStartMin: 555, startStepMin: 15 })]),
    expected: { cost: 2, people: 2 },
  },
  {
    name: "Monday, Wednesday, Friday: one person with any days off, two when the four days off are consecutive",
    gridMin: 60,
    required: requirement(60, [{ days: [MON, WED, FRI], fromMin: 540, toMin: 600, agents: 1 }]),
    rules: rules([tpl({ daysPerWeek: 3, daysOff: { kind: "consecutive" } })]),
    expected: { cost: 6, people: 2 },
  },
  {
    name: "… and with any days off",
    gridMin: 60,
    required: requirement(60, [{ days: [MON, WED, FRI], fromMin: 540, toMin: 600, agents: 1 }]),
    rules: rules([tpl({ daysPerWeek: 3 })]),
    expected: { cost: 3, people: 1 },
  },
  {
    name: "a 48-hour weekly rest needs two days off in a row: Mon, Wed, Fri, Sat, Sun take two 5-day people",
    gridMin: 60,
    required: requirement(60, [{ days: [MON, WED, FRI, SAT, SUN], fromMin: 540, toMin: 600, agents: 1 }]),
    rules: { ...rules([tpl({ daysPerWeek: 5 })]), legal: { ...rules([]).legal, minWeeklyRestHours: 48 } },
    expected: { cost: 10, people: 2 },
  },
  {
    name: "… while 35 hours let Tuesday and Thursday off: one person",
    gridMin: 60,
    required: requirement(60, [{ days: [MON, WED, FRI, SAT, SUN], fromMin: 540, toMin: 600, agents: 1 }]),
    rules: rules([tpl({ daysPerWeek: 5 })]),
    expected: { cost: 5, people: 1 },
  },
  {
    name: "Monday 09:00 and Tuesday 10:00 with the same start all week: two 2-day people",
    gridMin: 60,
    required: requirement(60, [
      { days: [MON], fromMin: 540, toMin: 600, agents: 1 },
      { days: [TUE], fromMin: 600, toMin: 660, agents: 1 },
    ]),
    rules: rules([tpl({ daysPerWeek: 2, lastStartMin: 600 })]),
    expected: { cost: 4, people: 2 },
  },
  {
    name: "… and one with a 60-minute start band",
    gridMin: 60,
    required: requirement(60, [
      { days: [MON], fromMin: 540, toMin: 600, agents: 1 },
      { days: [TUE], fromMin: 600, toMin: 660, agents: 1 },
    ]),
    rules: rules([tpl({ daysPerWeek: 2, lastStartMin: 600, startBandMin: 60 })]),
    expected: { cost: 2, people: 1 },
  },
  {
    name: "max_count: one cheap person, the second at the dearer rate",
    gridMin: 60,
    required: requirement(60, [{ days: [MON], fromMin: 540, toMin: 600, agents: 2 }]),
    rules: rules([tpl({ name: "cheap", maxCount: 1 }), tpl({ name: "dear", costPerHour: 2 })]),
    expected: { cost: 3, people: 2 },
  },
  {
    name: "min_share 50 % of the dear template: two dear and one cheap for three agents",
    gridMin: 60,
    required: requirement(60, [{ days: [MON], fromMin: 540, toMin: 600, agents: 3 }]),
    rules: rules([tpl({ name: "cheap" }), tpl({ name: "dear", costPerHour: 2, minShare: 0.5 })]),
    expected: { cost: 5, people: 3 },
  },
  {
    name: "max_share 50 % of the cheap template: one cheap and two dear for three agents",
    gridMin: 60,
    required: requirement(60, [{ days: [MON], fromMin: 540, toMin: 600, agents: 3 }]),
    rules: rules([tpl({ name: "cheap", maxShare: 0.5 }), tpl({ name: "dear", costPerHour: 2 })]),
    expected: { cost: 5, people: 3 },
  },
  {
    name: "at equal cost fewer people: one 4-hour person rather than two 2-hour ones",
    gridMin: 60,
    required: requirement(60, [{ days: [MON], fromMin: 540, toMin: 780, agents: 1 }]),
    rules: rules([tpl({ name: "four", lengthMin: 240, paidHours: 4 }), tpl({ name: "two", lengthMin: 120, paidHours: 2, lastStartMin: 660, startStepMin: 120 })]),
    expected: { cost: 4, people: 1 },
  },
  {
    name: "fixed days off (works Monday and Wednesday) plus a dearer any-day template for Friday",
    gridMin: 60,
    required: requirement(60, [{ days: [MON, WED, FRI], fromMin: 540, toMin: 600, agents: 1 }]),
    rules: rules([tpl({ name: "mon-wed", daysPerWeek: 2, daysOff: { kind: "fixed", days: [1, 3, 4, 5, 6] } }), tpl({ name: "any", costPerHour: 3 })]),
    expected: { cost: 5, people: 2 },
  },
  {
    name: "Monday 00:00–02:00 is reached only by a 22:00 start on Sunday (the week is cyclic)",
    gridMin: 60,
    required: requirement(60, [{ days: [MON], fromMin: 0, toMin: 120, agents: 1 }]),
    rules: rules([tpl({ lengthMin: 240, paidHours: 4, firstStartMin: 1320, lastStartMin: 1320 })]),
    expected: { cost: 4, people: 1 },
  },
  {
    name: "max_count 1 for two agents and no price for understaffing: no schedule",
    gridMin: 60,
    required: requirement(60, [{ days: [MON], fromMin: 540, toMin: 600, agents: 2 }]),
    rules: rules([tpl({ maxCount: 1 })]),
    expected: null,
  },
];

describe("scheduleWeek against a brute-force oracle (SPEC 5.4b)", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { oracle } = agree(c.required, c.gridMin, c.rules);
      // the oracle itself against the hand-worked answer
      if (c.expected === null) expect(oracle.feasible).toBe(false);
      else expect(oracle.feasible && { cost: oracle.cost, people: oracle.people }).toEqual(c.expected);
    });
  }

  it("a 22:00 8-hour shift on Sunday covers Monday 00:00–06:00 (cyclic week, 60-minute grid)", () => {
    const need = requirement(60, [{ days: [MON], fromMin: 0, toMin: 360, agents: 1 }]);
    const night = tpl({ name: "night", daysOff: { kind: "fixed", days: [0, 1, 2, 3, 4, 5] }, lengthMin: 480, paidHours: 8, firstStartMin: 1320, lastStartMin: 1320 });
    const { week } = agree(need, 60, rules([night]));
    expect(week!.tours).toHaveLength(1);
    const [tour] = week!.tours;
    expect(tour!.people).toBe(1);
    expect(tour!.days).toEqual([{ day: SUN, startMin: SUN * 1440 + 1320, endMin: SUN * 1440 + 1320 + 480, breaks: [] }]);
    const cover = oracleCoverage(week!.tours, 60);
    const covered = [...cover.keys()].filter((i) => cover[i]! > 0);
    expect(covered).toEqual([0, 1, 2, 3, 4, 5, 166, 167]);
    expect(covered.every((i) => cover[i] === 1)).toBe(true);
    expect([...week!.onFloor]).toEqual([...cover]);
  });

  it("a 22:00 8-hour shift on Sunday and Monday with a 30-minute break at 23:45, 30-minute grid: Monday 00:00–06:00 and Tuesday's too", () => {
    const need = requirement(30, [{ days: [MON, TUE], fromMin: 0, toMin: 360, agents: 1 }]);
    const night = tpl({
      name: "night",
      daysPerWeek: 2,
      daysOff: { kind: "fixed", days: [1, 2, 3, 4, 5] },
      lengthMin: 480,
      paidHours: 7.5,
      firstStartMin: 1320,
      lastStartMin: 1320,
      breaks: [{ lengthMin: 30, paid: false, afterMin: 105, beforeMin: 135, stepMin: 15 }],
    });
    const cover = oracleCoverage(
      [{ template: "night", people: 1, paidHours: 15, cost: 15, days: [MON, SUN].map((d) => ({ day: d, startMin: d * 1440 + 1320, endMin: d * 1440 + 1800, breaks: [{ startMin: d * 1440 + 1425, endMin: d * 1440 + 1455, paid: false }] })) }],
      30,
    );
    // Sunday 23:30–00:00 and Monday 00:00–00:30 lose half each (break 23:45–00:15), across the week's end
    expect(cover[WEEK / 30 - 1]).toBe(0.5);
    expect(cover[0]).toBe(0.5);
    expect(cover[1]).toBe(1);
    expect(cover[11]).toBe(1);
    expect(cover[12]).toBe(0);
    // the break must leave Monday 00:00–00:30 half covered for one person: two people are needed
    const { oracle } = agree(need, 30, rules([night]));
    expect(oracle.feasible && oracle.people).toBe(2);
  });
});

// ---------------------------------------------------------------------------
// random tiny instances

interface TemplateGen {
  dpw: number;
  offKind: "any" | "consecutive" | "fixed";
  order: number[];
  lengthMin: number;
  firstStartMin: number;
  stepMin: number;
  starts: number;
  bandSteps: number;
  /** Breaks, each window after the previous one's. */
  brks: { lengthMin: number; stepMin: number; afterSteps: number; offsets: number; paid: boolean }[];
  rate: number | null;
  minShare: number | null;
  maxShare: number | null;
  maxCount: number | null;
}

const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

const templateGen: fc.Arbitrary<TemplateGen> = fc.record({
  dpw: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 4, max: 6 }) }),
  offKind: fc.constantFrom("any" as const, "consecutive" as const, "fixed" as const),
  order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 7, maxLength: 7 }),
  lengthMin: fc.constantFrom(60, 90, 120, 180, 240),
  firstStartMin: fc.constantFrom(480, 510, 540, 1320, 1380),
  stepMin: fc.constantFrom(15, 30, 60),
  starts: fc.integer({ min: 1, max: 4 }),
  // start bands on the step, up to the widest window (a band off the step is a known disagreement, tested below)
  bandSteps: fc.constantFrom(0, 1, 2, 3),
  brks: fc.array(fc.record({ lengthMin: fc.constantFrom(15, 30), stepMin: fc.constantFrom(15, 30), afterSteps: fc.integer({ min: 0, max: 3 }), offsets: fc.integer({ min: 1, max: 3 }), paid: fc.boolean() }), { maxLength: 2 }),
  rate: fc.constantFrom(1, 2, 3, null),
  minShare: rarely(fc.constantFrom(0.25, 0.5)),
  maxShare: rarely(fc.constantFrom(0.5, 0.75)),
  maxCount: rarely(fc.integer({ min: 2, max: 4 })),
});

const instanceGen = fc.record({
  gridMin: fc.constantFrom(15, 30, 60),
  templates: fc.array(templateGen, { minLength: 1, maxLength: 3 }),
  needs: fc.array(
    fc.record({ template: fc.nat(), day: fc.integer({ min: 0, max: 6 }), at: fc.integer({ min: 0, max: 999 }), width: fc.integer({ min: 1, max: 3 }), agents: fc.constantFrom(0.5, 0.7, 1, 1, 1.3, 1.5, 2, 2.2, 3) }),
    { minLength: 1, maxLength: 4 },
  ),
  understaffingCost: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(2, 4, 10, 40) }),
  weeklyRestHours: fc.constantFrom(35, 48, 0),
});
type Instance = { gridMin: number; required: Float64Array; rules: ShiftRules };

function toTemplate(g: TemplateGen, k: number): ShiftTemplate {
  const breaks: ShiftBreak[] = [];
  for (const b of g.brks) {
    // windows in order, inside the shift (as the scenario reader requires)
    const afterMin = (breaks.at(-1)?.beforeMin ?? 0) + b.afterSteps * b.stepMin;
    const beforeMin = Math.min(g.lengthMin, afterMin + b.lengthMin + (b.offsets - 1) * b.stepMin);
    if (beforeMin - afterMin >= b.lengthMin) breaks.push({ lengthMin: b.lengthMin, paid: b.paid, afterMin, beforeMin, stepMin: b.stepMin });
  }
  const unpaid = breaks.reduce((n, b) => n + (b.paid ? 0 : b.lengthMin), 0);
  const minShare = g.minShare !== null && g.maxShare !== null && g.minShare > g.maxShare ? null : g.minShare;
  return {
    name: `t${k}`,
    daysPerWeek: g.dpw,
    daysOff: g.offKind === "fixed" ? { kind: "fixed", days: g.order.slice(0, 7 - g.dpw).sort((a, b) => a - b) } : { kind: g.offKind },
    lengthMin: g.lengthMin,
    paidHours: (g.lengthMin - unpaid) / 60,
    firstStartMin: g.firstStartMin,
    lastStartMin: g.firstStartMin + (g.starts - 1) * g.stepMin,
    startStepMin: g.stepMin,
    startBandMin: g.bandSteps * g.stepMin,
    breaks,
    costPerHour: g.rate,
    minShare,
    maxShare: g.maxShare,
    maxCount: g.maxCount,
  };
}

type InstanceGen = typeof instanceGen extends fc.Arbitrary<infer I> ? I : never;

function toInstance(g: InstanceGen): Instance {
  // shares only between several templates (one template under a max share below 1 could only be empty)
  const templates = g.templates.map(toTemplate).map((t, _, all) => (all.length > 1 ? t : { ...t, minShare: null, maxShare: null }));
  const r: ShiftRules = { ...rules(templates, { understaffingCost: g.understaffingCost }), legal: { ...rules([]).legal, minWeeklyRestHours: g.weeklyRestHours } };
  const required = new Float64Array(WEEK / g.gridMin);
  for (const n of g.needs) {
    // an interval some shift of the template could reach on that day
    const t = templates[n.template % templates.length]!;
    const span = t.lastStartMin - t.firstStartMin + t.lengthMin;
    // on a day the template works (fixed days off)
    const off = t.daysOff.kind === "fixed" ? t.daysOff.days : [];
    const workdays = [0, 1, 2, 3, 4, 5, 6].filter((d) => !off.includes(d));
    const day = workdays[n.day % workdays.length]!;
    const minute = (day * 1440 + t.firstStartMin + Math.floor((n.at / 1000) * span)) % WEEK;
    for (let w = 0; w < n.width; w++) {
      const i = (Math.floor(minute / g.gridMin) + w) % required.length;
      required[i] = Math.max(required[i]!, n.agents);
    }
  }
  return { gridMin: g.gridMin, required, rules: r };
}

function describeInstance(x: Instance): string {
  const need = [...x.required.keys()].filter((i) => x.required[i]! > 0).map((i) => `${i}:${x.required[i]}`);
  return JSON.stringify({ gridMin: x.gridMin, required: need, rules: x.rules });
}

/** Random instances per run (ORACLE_RUNS=500 FC_SEED=… to explore further). */
const RUNS = Number(process.env.ORACLE_RUNS ?? 40);

describe("scheduleWeek against the oracle on random tiny instances", () => {
  it("finds the oracle's least cost and, at that cost, its fewest people; every tour valid, coverage and cost recounted", () => {
    let checked = 0;
    let infeasible = 0;
    let tooBig = 0;
    fc.assert(
      fc.property(instanceGen, (g) => {
        const x = toInstance(g);
        try {
          const { oracle } = agree(x.required, x.gridMin, x.rules, { maxTours: 20_000, maxNodes: 100_000, maxExtra: 30 });
          checked++;
          if (!oracle.feasible) infeasible++;
        } catch (e) {
          if (e instanceof OracleTooBig) {
            tooBig++;
            fc.pre(false);
          }
          throw new Error(`${(e as Error).message}\ninstance: ${describeInstance(x)}`);
        }
      }),
      { numRuns: RUNS },
    );
    expect(checked).toBeGreaterThanOrEqual(RUNS);
    expect(infeasible).toBeLessThan(checked / 3);
    expect(tooBig).toBeLessThan(checked / 10);
  }, Math.max(20_000, RUNS * 1_000));

  it("is deterministic: the same inputs give the same tours, in the same order", () => {
    fc.assert(
      fc.property(instanceGen, (g) => {
        const x = toInstance(g);
        const a = scheduleWeek(x.required, x.gridMin, x.rules, solve, exact);
        const b = scheduleWeek(x.required, x.gridMin, x.rules, solve, exact);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        if (a.ok && b.ok) expect(b.week.tours).toEqual(a.week.tours);
      }),
      { numRuns: 15 },
    );
  });
});

describe("disagreements found by the oracle", () => {
  // week-model.ts (since 8bb584d) weighs cost and people as cost ÷ unit × (peopleBound + 1) + people.
  // With understaffing priced, shortage costs are not multiples of the unit, so one person is worth
  // unit ÷ (peopleBound + 1) of cost: here unit 2, peopleBound 2, a person 2 × 3 + 1 = 4 against a
  // shortage of 2.5 ÷ 2 × 3 = 3.75: the interval is left short at 2.5 rather than staffed at 2.
  it("understaffing priced a little above a person: one agent for 15 minutes, short 2.5 (10 an agent-hour), a 2-hour person 2: hire", () => {
    const need = requirement(15, [{ days: [MON], fromMin: 480, toMin: 495, agents: 1 }]);
    const t = tpl({ lengthMin: 120, paidHours: 2, firstStartMin: 480, lastStartMin: 480, startStepMin: 15 });
    const { oracle } = agree(need, 15, rules([t], { understaffingCost: 10 }));
    expect(oracle.feasible && { cost: oracle.cost, people: oracle.people }).toEqual({ cost: 2, people: 1 });
  });

  // The same weighing assumes a least-cost schedule has at most peopleBound = Σ (⌈q × required⌉ + 1)
  // people; a min_share can force many more (people who cover nothing required). Here peopleBound 4:
  // two 1-hour people and 14 trainees (cost 16, 16 people) lose to one 2-hour person at 10 and 7
  // trainees (cost 17, 8 people): 16 × 5 + 16 = 96 > 17 × 5 + 8 = 93.
  it("min_share forcing people who cover nothing: still the least cost (16 with 16 people, not 17 with 8)", () => {
    const need = requirement(60, [{ days: [MON], fromMin: 540, toMin: 660, agents: 1 }]);
    const one = tpl({ name: "a-hour", lastStartMin: 600 });
    const two = tpl({ name: "b-two-hours", lengthMin: 120, paidHours: 2, costPerHour: 5 });
    const trainee = tpl({ name: "c-trainee", firstStartMin: 1200, lastStartMin: 1200, minShare: 0.875 });
    const { oracle } = agree(need, 60, rules([one, two, trainee]));
    expect(oracle.feasible && { cost: oracle.cost, people: oracle.people }).toEqual({ cost: 16, people: 16 });
  });

  // A start band that is not a multiple of the start step: tour-options.ts startBands() drops
  // every band whose first start + band passes the last start, so the last start(s) belong to
  // no band and are never used. Here starts 07:00, 09:00, 11:00 (step 2 h, a whole-hours step
  // the reader accepts without warning) with the reader's default band of 60 minutes: bands
  // [07:00] and [09:00] only; 11:00 is lost, and Monday 11:00–12:00 is reported uncoverable.
  it("a start band off the start step keeps the last start (07:00, 09:00, 11:00 every 2 h, band 60 min)", () => {
    const need = requirement(60, [{ days: [MON], fromMin: 660, toMin: 720, agents: 1 }]);
    const t = tpl({ firstStartMin: 420, lastStartMin: 660, startStepMin: 120, startBandMin: 60 });
    const { oracle } = agree(need, 60, rules([t]));
    expect(oracle.feasible && oracle.cost).toBe(1);
  });
});

describe("what the MIP reports against what the oracle recounts", () => {
  // Up to 9d3ebd9 boundCost was HiGHS's dual bound as is, tie-break included: 10.001 for 10 people
  // at 1 here, above the cost it bounds. 8bb584d reports min(cost, bound turned back into cost).
  it("boundCost is at most the schedule's cost (people + understaffing) at a proven optimum", () => {
    const need = requirement(60, [{ days: [MON], fromMin: 540, toMin: 600, agents: 10 }]);
    const { week } = agree(need, 60, rules([tpl()]));
    expect(week!.status).toBe("optimal");
    expect(week!.gap).toBe(0);
    expect(week!.boundCost).toBeLessThanOrEqual(week!.cost + week!.understaffingCost + 1e-9);
  });

  // SPEC 5.4b: least cost, and at equal cost fewer people. With a real-valued requirement and priced
  // understaffing, one 2-hour person leaving 0.00001 agent short (cost 20.0005) must lose to two
  // 1-hour people covering everything (cost 20). Up to 9d3ebd9 the tie-break (10⁻⁴ of the cheapest
  // tour a person, 0.001 here) outweighed the 0.0005; since 8bb584d a person weighs unit ÷
  // (peopleBound + 1) = 10 ÷ 11 of cost (see "understaffing priced a little above a person").
  it("at a proven optimum the cost is the least cost, fewer people only at equal cost", () => {
    const need = new Float64Array(WEEK / 60);
    need[9] = 1;
    need[10] = 0.75001;
    const long = tpl({ name: "long", lengthMin: 120, paidHours: 2, costPerHour: 10, breaks: [{ lengthMin: 15, paid: true, afterMin: 60, beforeMin: 120, stepMin: 15 }] });
    const short = tpl({ name: "short", costPerHour: 10, lastStartMin: 600 });
    const { oracle } = agree(need, 60, rules([long, short], { understaffingCost: 50 }));
    expect(oracle.feasible && { cost: oracle.cost, people: oracle.people }).toEqual({ cost: 20, people: 2 });
  });
});
