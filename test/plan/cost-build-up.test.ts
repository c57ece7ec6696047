import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareScenarios } from "../../src/plan/compare.js";
import { scenarioCostBuildUp, siteCostBuildUp, sumOfLines, type CostLine, type SiteCostBuildUp } from "../../src/plan/cost-build-up.js";
import type { ForecastRow } from "../../src/plan/forecast.js";
import type { Plan } from "../../src/plan/plan.js";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/plan/scenario.js";
import { IMPLICIT_SITE, type OutsourcedCost, type Site } from "../../src/plan/sites.js";
import { SourcingPlanner, type SourcingPlan } from "../../src/plan/sourcing.js";
import { DEFAULT_TIER_RULES } from "../../src/plan/tiers.js";
import { forecastRow, MONDAY } from "../helpers/forecast-row.js";
import { INTERNAL_COST, sitesScenario } from "../helpers/site-scenario.js";

/** Half a cent: "to the cent". */
const CENT = 0.005;


const OUTSOURCED: OutsourcedCost = { kind: "outsourced", pricing: "contact", price: 3, setupFee: 5000, supervisionIncluded: true, teamLeadHour: 0, managerHour: 0, supportHour: 0, trainingPerHire: 100 };

/** {@link sitesScenario} with 35-hour contracts. */
const scenario = (sites: Site[], allocation: Scenario["allocation"], over: Partial<Scenario> = {}): Scenario => sitesScenario(sites, allocation, { contractHours: 35, ...over });

const site = (name: string, over: Partial<Site>): Site => ({ ...IMPLICIT_SITE, name, ...over });

function plan(s: Scenario, rows: ForecastRow[], adjust?: (site: Site, plan: Plan) => Plan): SourcingPlan {
  const p = new SourcingPlanner(s);
  for (const r of rows) p.add(r);
  return p.finish(adjust);
}

const line = (b: SiteCostBuildUp, item: string): CostLine => {
  const found = b.lines.find((l) => l.item === item);
  if (found === undefined) throw new Error(`no line ${item} in ${b.lines.map((l) => l.item).join(", ")}`);
  return found;
};

/** Every site's lines of each period add up to the site's figure, and the sites to the scenario's, to the cent. */
function expectAddsUp(p: SourcingPlan, years: number): void {
  const b = scenarioCostBuildUp(p, compareScenarios([p], years).scenarios[0]!.costOverYears, years);
  b.sites.forEach((s, k) => {
    const cost = p.sites[k]!.cost;
    if (cost.weeklyCost === null) {
      expect(s.lines).toEqual([]);
      return;
    }
    expect(Math.abs(sumOfLines(s.lines, "week") - cost.weeklyCost)).toBeLessThan(CENT);
    expect(Math.abs(sumOfLines(s.lines, "year") - cost.annualCost!)).toBeLessThan(CENT);
    expect(Math.abs(sumOfLines(s.lines, "one-off") - cost.oneOffCost!)).toBeLessThan(CENT);
    // each line is its quantity × its rate (but a schedule's, whose templates have rates of their own)
    for (const l of s.lines) if (l.rate !== null) expect(Math.abs(l.amount - l.quantity * l.rate)).toBeLessThan(CENT);
  });
  if (p.totals.weeklyCost === null) return;
  const all = (period: "week" | "year" | "one-off") => b.sites.reduce((n, s) => n + sumOfLines(s.lines, period), 0);
  expect(Math.abs(all("week") - p.totals.weeklyCost)).toBeLessThan(CENT);
  expect(Math.abs(all("year") * years + all("one-off") - b.totals.overYears!)).toBeLessThan(CENT * (years + 1));
}

describe("siteCostBuildUp", () => {
  // One row: 100 calls in 30 minutes (Monday 09:00) of 180 s, 80 % answered within 20 s.
  // Erlang C needs 14 agents for the half hour (mpmath, see sourcing.test.ts): 7 agent-hours.
  // Shrinkage 30 %: 7 ÷ 0.7 = 10 paid hours; one calendar week, 35 h contract: 10 ÷ 35 = 2/7 FTE, 1 person.
  // One team: 1 team lead (the span's minimum of one a team, a whole FTE); 1 manager.
  const rows = [forecastRow({})];

  it("in-house: paid hours × the role's loaded rate a week; 52 weeks and attrition's hires a year; the whole team hired and trained once (worked by hand)", () => {
    const p = plan(scenario([site("A", { cost: INTERNAL_COST })], [{ match: {}, to: [["A", 1]] }]), rows);
    const b = siteCostBuildUp(p.sites[0]!);
    expect(b.pricing).toBe("internal");
    // a week: level-1 10 paid h × 30 = 300; team lead 1 FTE × 35 h × 45 = 1,575; manager 1 × 35 × 60 = 2,100 → 3,975
    const agents = line(b, "level-1");
    expect(agents).toMatchObject({ period: "week", unit: "paid-hour", rate: 30, source: { kind: "fte-hours", hoursPerFte: 35 } });
    expect(agents.quantity).toBeCloseTo(10, 9);
    expect(agents.amount).toBeCloseTo(300, 9);
    expect(line(b, "team-lead")).toMatchObject({ quantity: 35, rate: 45, amount: 1575 });
    expect(line(b, "manager")).toMatchObject({ quantity: 35, rate: 60, amount: 2100 });
    expect(sumOfLines(b.lines, "week")).toBeCloseTo(3975, 9);
    // a year: 52 × 3,975 = 206,700; 3 people × 30 % = 0.9 hires × 2,000 = 1,800 and × 3,000 = 2,700 → 211,200
    expect(line(b, "running")).toMatchObject({ period: "year", unit: "week", quantity: 52 });
    expect(line(b, "running").amount).toBeCloseTo(206_700, 6);
    expect(line(b, "attrition-hiring")).toMatchObject({ unit: "hire", rate: 2000, source: { kind: "attrition", headcount: 3, attrition: 0.3 } });
    expect(line(b, "attrition-hiring").amount).toBeCloseTo(1800, 6);
    expect(line(b, "attrition-training").amount).toBeCloseTo(2700, 6);
    expect(sumOfLines(b.lines, "year")).toBeCloseTo(211_200, 6);
    // one-off: 3 people × 2,000 + 3 × 3,000 = 15,000 (one skill a person: no cross-training)
    expect(line(b, "hiring")).toMatchObject({ period: "one-off", unit: "person", quantity: 3, rate: 2000, amount: 6000, excluded: null });
    expect(line(b, "training")).toMatchObject({ quantity: 3, rate: 3000, amount: 9000 });
    expect(b.lines.some((l) => l.item.startsWith("cross-training"))).toBe(false);
    expect(sumOfLines(b.lines, "one-off")).toBe(15_000);
    // the totals are the site's own (the comparison's): 3 × 211,200 + 15,000 = 648,600 over 3 years
    expect(b.totals).toEqual({ week: p.sites[0]!.cost.weeklyCost, year: p.sites[0]!.cost.annualCost, oneOff: p.sites[0]!.cost.oneOffCost });
    expect(scenarioCostBuildUp(p, compareScenarios([p], 3).scenarios[0]!.costOverYears, 3).totals.overYears).toBeCloseTo(648_600, 6);
  });

  it("in-house, existing team: the hiring and training of the team are lines of 0 that still count the people", () => {
    const p = plan(scenario([site("A", { cost: { ...INTERNAL_COST, existingTeam: true } })], [{ match: {}, to: [["A", 1]] }]), rows);
    const b = siteCostBuildUp(p.sites[0]!);
    expect(line(b, "hiring")).toMatchObject({ quantity: 3, rate: 0, amount: 0, excluded: "existing-team" });
    expect(line(b, "training")).toMatchObject({ quantity: 3, amount: 0, excluded: "existing-team" });
    expect(b.notCounted.some((n) => n.includes("existing_team"))).toBe(true);
  });

  it("outsourced per contact: handled contacts × price; supervision in the price (lines of 0); set-up fee and each agent's training once (worked by hand)", () => {
    const p = plan(scenario([site("O", { kind: "outsourced", cost: OUTSOURCED })], [{ match: {}, to: [["O", 1]] }]), rows);
    const b = siteCostBuildUp(p.sites[0]!);
    expect(b.pricing).toBe("per-contact");
    // 100 contacts handled (Erlang C: no one abandons) in 1 week × 3 = 300 a week; 52 × 300 = 15,600 a year
    expect(line(b, "level-1")).toMatchObject({ unit: "contact", quantity: 100, rate: 3, amount: 300, source: { kind: "per-week", overHorizon: 100, weeks: 1 } });
    expect(line(b, "team-lead")).toMatchObject({ unit: "person", quantity: 1, amount: 0, excluded: "in-price" });
    expect(line(b, "manager")).toMatchObject({ amount: 0, excluded: "in-price" });
    expect(sumOfLines(b.lines, "year")).toBe(15_600);
    // no attrition line: the provider's
    expect(b.lines.filter((l) => l.period === "year").map((l) => l.item)).toEqual(["running"]);
    // one-off: 5,000 + 1 agent × 100 = 5,100
    expect(line(b, "set-up")).toMatchObject({ unit: "fee", quantity: 1, rate: 5000, amount: 5000 });
    expect(line(b, "initial-training")).toMatchObject({ unit: "person", quantity: 1, rate: 100, amount: 100 });
    expect(sumOfLines(b.lines, "one-off")).toBe(5100);
  });

  it("outsourced per productive hour bills the agent-hours logged in (7 h × 20 = 140 a week); per FTE-month, FTE × 12 ÷ 52 months", () => {
    const hour = siteCostBuildUp(plan(scenario([site("O", { kind: "outsourced", cost: { ...OUTSOURCED, pricing: "hour", price: 20 } })], [{ match: {}, to: [["O", 1]] }]), rows).sites[0]!);
    expect(line(hour, "level-1")).toMatchObject({ unit: "productive-hour", rate: 20, source: { kind: "per-week", weeks: 1 } });
    expect(line(hour, "level-1").quantity).toBeCloseTo(7, 9);
    expect(line(hour, "level-1").amount).toBeCloseTo(140, 9);
    const month = siteCostBuildUp(plan(scenario([site("O", { kind: "outsourced", cost: { ...OUTSOURCED, pricing: "fte-month", price: 2600 } })], [{ match: {}, to: [["O", 1]] }]), rows).sites[0]!);
    // 2/7 FTE × 12 ÷ 52 = 0.0659… FTE-months a week × 2,600 = 171.43…
    expect(line(month, "level-1").quantity).toBeCloseTo(((2 / 7) * 12) / 52, 12);
    expect(line(month, "level-1").amount).toBeCloseTo((2600 * (2 / 7) * 12) / 52, 9);
  });

  it("a site without a cost model has no lines and null totals", () => {
    const p = plan(scenario([site("A", { cost: null })], [{ match: {}, to: [["A", 1]] }]), rows);
    expect(siteCostBuildUp(p.sites[0]!)).toMatchObject({ pricing: null, lines: [], totals: { week: null, year: null, oneOff: null } });
  });
});

describe("the cost build-up adds up", () => {
  const rate = fc.integer({ min: 0, max: 9000 }).map((c) => c / 100);
  const internal = fc.record({
    kind: fc.constant("internal" as const),
    agentHour: fc.record({ 1: rate, 2: rate, 3: rate }),
    teamLeadHour: rate,
    managerHour: rate,
    supportHour: rate,
    hiringPerHire: fc.integer({ min: 0, max: 5000 }),
    trainingPerHire: fc.integer({ min: 0, max: 5000 }),
    attrition: fc.integer({ min: 0, max: 60 }).map((x) => x / 100),
    existingTeam: fc.boolean(),
  });
  const outsourced = fc.record({
    kind: fc.constant("outsourced" as const),
    pricing: fc.constantFrom("hour" as const, "contact" as const, "fte-month" as const),
    price: fc.integer({ min: 1, max: 400000 }).map((c) => c / 100),
    setupFee: fc.integer({ min: 0, max: 100000 }),
    supervisionIncluded: fc.boolean(),
    teamLeadHour: rate,
    managerHour: rate,
    supportHour: fc.oneof(fc.constant(0), rate),
    trainingPerHire: fc.integer({ min: 0, max: 2000 }),
  });
  const siteArb = fc.record({
    cost: fc.oneof({ weight: 4, arbitrary: fc.oneof(internal, outsourced) }, { weight: 1, arbitrary: fc.constant(null) }),
    ahtFactor: fc.constantFrom(1, 1.1),
    sharing: fc.constantFrom("dedicated" as const, "shared" as const),
  });
  const rowArb = fc.record({
    hour: fc.integer({ min: 8, max: 18 }),
    day: fc.integer({ min: 0, max: 4 }),
    typology: fc.constantFrom("billing", "claims", "info"),
    channel: fc.constantFrom("phone", "chat", "email"),
    volume: fc.integer({ min: 0, max: 300 }),
    ahtSec: fc.integer({ min: 60, max: 600 }),
  });

  it("for random scenarios: each site's lines of a week, a year and one-off sum to its figures, each line is quantity × rate, to the cent (property)", () => {
    fc.assert(
      fc.property(
        fc.array(siteArb, { minLength: 1, maxLength: 3 }),
        fc.array(rowArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom("separate" as const, "polyvalent" as const, "specialised-by-typology" as const),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 10 }),
        fc.option(fc.record({ costPerWeek: fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100), paidHoursPerWeek: fc.integer({ min: 0, max: 5000 }), onFloorHoursPerWeek: fc.integer({ min: 0, max: 5000 }) }), { nil: undefined }),
        (sites, rows, model, tiers, support, years, scheduled) => {
          const named = sites.map((s, k) => site(`S${k}`, { ...s, kind: s.cost?.kind ?? "internal", sharedPoolErlangs: 50 }));
          const share = 1 / named.length;
          const s = scenario(named, [{ match: {}, to: named.map((x) => [x.name, share] as [string, number]) }], {
            organisation: { ...DEFAULT_SCENARIO.organisation, model },
            tiers: tiers ? DEFAULT_TIER_RULES : null,
            supportRoles: support ? [{ role: "quality-analyst", basis: "agents", per: 20 }, { role: "trainer", basis: "fixed", per: 1 }] : [],
          });
          const forecast = rows.map((r) =>
            forecastRow({ ...r, startMin: MONDAY + r.day * 1440 + r.hour * 60, channelClass: r.channel === "email" ? "async" : "sync", ...(r.channel === "email" ? { deadlineSec: 86400 } : {}) }),
          );
          // under --shifts a level's schedules set its cost (and a provider's on-floor hours): stand-in schedules for level 1
          const adjust = scheduled === undefined ? undefined : (_: Site, p: Plan): Plan => ({ ...p, organisation: { ...p.organisation, scheduled: { 1: scheduled } } });
          expectAddsUp(plan(s, forecast, adjust), years);
        },
      ),
      { numRuns: 60 },
    );
  });
});
