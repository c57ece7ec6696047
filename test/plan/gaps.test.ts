import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_MIN_GAP_FTE, fewestHires, hiresBySkill, ON_DUTY, skillGaps, skillKey, skillRequirements, type GapOptions, type RosterPerson, type SkillRequirement } from "../../src/plan/gaps.js";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/plan/scenario.js";
import { IMPLICIT_SITE } from "../../src/plan/sites.js";
import { SourcingPlanner } from "../../src/plan/sourcing.js";
import { DEFAULT_TIER_RULES } from "../../src/plan/tiers.js";
import { forecastRow, MONDAY } from "../helpers/forecast-row.js";
import { expectRelative } from "../helpers/relative.js";

const OPTIONS: GapOptions = { minLevel: 1, productivity: { 1: 1, 2: 1, 3: 1 }, hireFte: 1, availability: () => 0.7 };

const need = (typology: string, channel: string, requiredFte: number, over: Partial<SkillRequirement> = {}): SkillRequirement => ({
  typology,
  channel,
  tier: 1,
  site: null,
  requiredFte,
  peakAgents: requiredFte,
  ...over,
});

const person = (agentId: string, skills: Record<string, number>, over: Partial<RosterPerson> = {}): RosterPerson => ({
  agentId,
  site: "Paris",
  tier: 1,
  fte: 1,
  skills: new Map(Object.entries(skills).map(([k, l]) => [skillKey(k.split(":")[0]!, k.split(":")[1]!), l])),
  ...over,
});

describe("skillGaps: coverage", () => {
  it("finds a gap that naive per-skill counting misses: a polyvalent person's hours are shared, not counted twice", () => {
    // A needs 1.5 FTE (holders: P1, P2 = 2 FTE), B needs 0.8 (holder: P1 = 1 FTE): each skill looks covered,
    // but 2 FTE of people cannot cover 2.3 FTE of work.
    const g = skillGaps([need("a", "phone", 1.5), need("b", "email", 0.8)], [person("P1", { "a:phone": 2, "b:email": 1 }), person("P2", { "a:phone": 1 })], OPTIONS);
    expect(g.skills.map((s) => s.holdersFte >= s.requiredFte)).toEqual([true, true]);
    expectRelative(g.totals.coveredFte, 2, 1e-9);
    expectRelative(g.totals.gapFte, 0.3, 1e-9);
    expect(g.totals.hires).toBe(1);
  });

  it("counts a skill only from the threshold level, and a person only at their level and site", () => {
    const reqs = [need("a", "phone", 1, { site: "Paris" }), need("a", "phone", 1, { tier: 2, site: "Paris" })];
    const people = [person("low", { "a:phone": 1 }), person("lyon", { "a:phone": 3 }, { site: "Lyon" }), person("l2", { "a:phone": 3 }, { tier: 2 })];
    const g = skillGaps(reqs, people, { ...OPTIONS, minLevel: 2 });
    expect(g.skills.map((s) => [s.tier, s.coveredFte, s.gapFte])).toEqual([
      [1, 0, 1],
      [2, 1, 0],
    ]);
    expect(skillGaps(reqs, people, OPTIONS).skills[0]!.coveredFte).toBe(1);
  });

  it("applies the productivity of the person's level: 1 FTE at level 3 covers 1.2 FTE of work at 1.2", () => {
    const g = skillGaps([need("a", "phone", 2)], [person("P", { "a:phone": 3 })], { ...OPTIONS, productivity: { 1: 0.8, 2: 1, 3: 1.2 } });
    expectRelative(g.skills[0]!.coveredFte, 1.2, 1e-9);
    expectRelative(g.people[0]!.allocatedFte, 1, 1e-9);
  });

  it("conserves hours: no one gives more than their FTE, no skill gets more than it needs, cover = hours given (property)", () => {
    const skills = ["a:phone", "a:email", "b:phone", "b:chat"];
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.record({ fte: fc.double({ min: 0.1, max: 1, noNaN: true }), levels: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }) }), { minLength: 1, maxLength: 8 }),
        (required, roster) => {
          const reqs = skills.map((s, k) => need(s.split(":")[0]!, s.split(":")[1]!, required[k]!));
          const people = roster.map((p, i) => person(`P${i}`, Object.fromEntries(skills.map((s, k) => [s, p.levels[k]!])), { fte: p.fte }));
          const g = skillGaps(reqs, people, OPTIONS);
          for (const p of g.people) {
            expect(p.allocatedFte).toBeLessThanOrEqual(p.fte + 1e-7); // the LP works to 1e-8
            expectRelative(p.allocatedFte + p.idleFte, p.fte, 1e-7);
          }
          for (const s of g.skills) {
            // the LP works to 1e-8
            expect(s.coveredFte).toBeLessThanOrEqual(s.requiredFte + 1e-7 * (1 + s.requiredFte));
            expect(s.coveredFte).toBeLessThanOrEqual(s.holdersFte + 1e-7 * (1 + s.holdersFte));
          }
          const given = g.people.reduce((n, p) => n + p.allocatedFte, 0);
          expect(Math.abs(given - g.totals.coveredFte)).toBeLessThanOrEqual(1e-7 * (1 + given));
          // maximum: a gap remains only where every holder of the skill is fully used
          for (const s of g.skills) {
            if (s.gapFte <= 1e-6) continue;
            const holders = g.people.filter((p) => people.find((x) => x.agentId === p.agentId)!.skills.get(skillKey(s.typology, s.channel))! >= 1);
            for (const h of holders) expect(h.idleFte).toBeLessThanOrEqual(1e-6);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("skillGaps: surplus and peak", () => {
  it("shares an idle person's time among the skills they hold, so surpluses add up to the idle FTE", () => {
    const g = skillGaps([need("a", "phone", 0.2), need("b", "email", 0.2), need("c", "chat", 0)], [person("P", { "a:phone": 1, "b:email": 1, "c:chat": 1 })], OPTIONS);
    const idle = g.people.reduce((n, p) => n + p.idleFte, 0);
    expectRelative(idle, 0.6, 1e-9);
    expectRelative(g.skills.reduce((n, s) => n + s.surplusFte, 0), idle, 1e-9);
    expect(g.skills.map((s) => +s.surplusFte.toFixed(6))).toEqual([0.2, 0.2, 0.2]);
  });

  it("checks the peak with the holders present at their site (part-timers as their share)", () => {
    const reqs = [need("a", "phone", 1, { peakAgents: 2, site: "Paris" })];
    const people = [person("full", { "a:phone": 1 }), person("half", { "a:phone": 1 }, { fte: 0.5 })];
    const g = skillGaps(reqs, people, { ...OPTIONS, availability: (site) => (site === "Paris" ? 0.8 : 1) });
    expectRelative(g.skills[0]!.peakShortAgents, 2 - 1.5 * 0.8, 1e-12);
  });
});

describe("fewestHires", () => {
  it("hires ⌈Σ gaps ÷ hire FTE⌉ people per level and site: whole hires on one skill, the remainders packed in skill order", () => {
    const gaps = [
      { req: need("a", "phone", 0), gapFte: 2.5 },
      { req: need("a", "email", 0), gapFte: 0.3 },
      { req: need("b", "chat", 0), gapFte: 0.4 },
      { req: need("a", "phone", 0, { tier: 2 }), gapFte: 0.2 },
    ];
    const hires = fewestHires(gaps, 1);
    // level 1: 3.2 FTE → 4 people (2 on a:phone; 0.3 + 0.5 + 0.2 of b:chat; the last 0.2 of b:chat); level 2: 1
    expect(hires.map((h) => [h.tier, h.skills, h.count])).toEqual([
      [1, ["a:phone"], 2],
      [1, ["a:email", "a:phone", "b:chat"], 1],
      [1, ["b:chat"], 1],
      [2, ["a:phone"], 1],
    ]);
    expectRelative(hires.reduce((n, h) => n + h.closesFte, 0), 3.4, 1e-12);
  });

  it("is optimal: no fewer people can close the gaps, each hire giving at most one hire's FTE (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 4, noNaN: true }), { minLength: 1, maxLength: 8 }), fc.constantFrom(0.8, 0.9, 1), (gaps, hireFte) => {
        const hires = fewestHires(gaps.map((g, k) => ({ req: need(`t${k}`, "phone", 0), gapFte: g })), hireFte);
        const total = gaps.filter((g) => g > 1e-4).reduce((a, b) => a + b, 0);
        const count = hires.reduce((n, h) => n + h.count, 0);
        expect(count).toBe(Math.max(0, Math.ceil(total / hireFte - 1e-4)));
        expect(Math.abs(hires.reduce((n, h) => n + h.closesFte, 0) - total)).toBeLessThanOrEqual(1e-9 * (1 + total));
        for (const h of hires) expect(h.closesFte).toBeLessThanOrEqual(h.count * hireFte + 1e-9);
      }),
    );
  });
});

describe("skillGaps: cross-training", () => {
  it("trains the fewest people: one idle full-timer rather than two half-idle ones", () => {
    const reqs = [need("a", "phone", 1.5), need("b", "email", 0.8)];
    const people = [person("busy", { "a:phone": 2 }), person("half1", { "a:phone": 2 }, { fte: 0.5 }), person("idle", { "c:mail": 1 }), person("half2", { "c:mail": 1 }, { fte: 0.5 })];
    // a:phone takes busy + half1 (1.5); b:email has no holder: 0.8 short; idle people: idle (1) and half2 (0.5)
    const g = skillGaps(reqs, people, OPTIONS);
    expectRelative(g.totals.gapFte, 0.8, 1e-9);
    expect(g.trainings.map((t) => [t.agentId, t.skill])).toEqual([["idle", "b:email"]]);
    expectRelative(g.trainings[0]!.fte, 0.8, 1e-9);
    expect(g.totals.gapAfterTrainingFte).toBe(0);
    expect(g.totals.hiresAfterTraining).toBe(0);
    expect(g.trainingStatus).toBe("optimal");
  });

  it("needs two trainings when no single idle person has enough time, and hires for what idle time cannot close", () => {
    const reqs = [need("b", "email", 1.2)];
    const people = [person("x", { "c:mail": 1 }, { fte: 0.5 }), person("y", { "c:mail": 1 }, { fte: 0.5 })];
    const g = skillGaps(reqs, people, OPTIONS);
    expect(g.totals.trainings).toBe(2);
    expectRelative(g.totals.gapAfterTrainingFte, 0.2, 1e-9);
    expect(g.totals.hiresAfterTraining).toBe(1);
  });
});

describe("skillGaps: net FTE of each training", () => {
  it("credits each training with the net gap it closes: the net FTE add up to gap before − gap after", () => {
    // b:email (1 FTE short) is held by 'mover', who is busy on a:phone; 'idle' can be trained on a:phone or b:email.
    const reqs = [need("a", "phone", 1), need("b", "email", 1), need("c", "chat", 0.5)];
    const people = [person("mover", { "a:phone": 1, "b:email": 1 }), person("idle", { "d:mail": 1 }), person("half", { "d:mail": 1 }, { fte: 0.5 })];
    const g = skillGaps(reqs, people, OPTIONS);
    expectRelative(g.totals.gapFte, 1.5, 1e-9);
    const net = g.trainings.reduce((n, t) => n + t.netFte, 0);
    expect(Math.abs(net - (g.totals.gapFte - g.totals.gapAfterTrainingFte))).toBeLessThanOrEqual(1e-9);
    expect(g.totals.gapAfterTrainingFte).toBe(0);
  });

  it("the trainings' net FTE sum to gap before − gap after training, each at least 0 (property)", () => {
    const skills = ["a:phone", "a:email", "b:phone", "b:chat"];
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.record({ fte: fc.double({ min: 0.1, max: 1, noNaN: true }), levels: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }) }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(0, 0.1, 0.3),
        (required, roster, minGapFte) => {
          const reqs = skills.map((s, k) => need(s.split(":")[0]!, s.split(":")[1]!, required[k]!));
          const people = roster.map((p, i) => person(`P${i}`, Object.fromEntries(skills.map((s, k) => [s, p.levels[k]!])), { fte: p.fte }));
          const g = skillGaps(reqs, people, { ...OPTIONS, minGapFte });
          const net = g.trainings.reduce((n, t) => n + t.netFte, 0);
          expect(Math.abs(net - (g.totals.gapFte - g.totals.gapAfterTrainingFte))).toBeLessThanOrEqual(1e-9);
          for (const t of g.trainings) expect(t.netFte).toBeGreaterThanOrEqual(-1e-6); // the LP works to 1e-8; dust zeroing to 1e-4 per skill never bites here
          expect(Math.abs(g.skills.reduce((n, s) => n + s.gapAfterTrainingFte, 0) - g.totals.gapAfterTrainingFte)).toBeLessThanOrEqual(1e-9);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("skillGaps: --min-gap", () => {
  it("ignores a skill short by less than the minimum gap (no training, no hire) and counts it; 0 plans for every gap", () => {
    const reqs = [need("a", "phone", 1.05), need("b", "email", 0.5)];
    const people = [person("P", { "a:phone": 1 }), person("idle", {}, { fte: 0.3 })];
    const g = skillGaps(reqs, people, OPTIONS);
    expect(DEFAULT_MIN_GAP_FTE).toBe(0.1);
    expect(g.skills.map((s) => s.belowMinGap)).toEqual([true, false]);
    expect(g.totals).toMatchObject({ minGapFte: 0.1, ignoredSkills: 1 });
    expectRelative(g.totals.ignoredGapFte, 0.05, 1e-9);
    expectRelative(g.totals.gapFte, 0.55, 1e-9); // the total gap still counts the dust
    expect(g.trainings.map((t) => [t.agentId, t.skill])).toEqual([["idle", "b:email"]]);
    expect(g.hires.flatMap((h) => h.skills)).toEqual(["b:email"]);
    expect(g.hirePlan.map((h) => h.skill)).toEqual(["b:email"]);
    const all = skillGaps(reqs, people, { ...OPTIONS, minGapFte: 0 });
    expect(all.totals.ignoredSkills).toBe(0);
    expect(new Set(all.hires.flatMap((h) => h.skills))).toEqual(new Set(["a:phone", "b:email"]));
  });

  it("throws a RangeError for a negative minimum gap", () => {
    expect(() => skillGaps([], [], { ...OPTIONS, minGapFte: -1 })).toThrow(/skillGaps needs minGapFte >= 0, got -1/);
  });
});

describe("hiresBySkill", () => {
  it("gives one row per skill, level and site, whole and shared hires apart, adding up to the hires' FTE", () => {
    const hires = fewestHires(
      [
        { req: need("a", "phone", 0, { site: "Lyon" }), gapFte: 2.5 },
        { req: need("a", "email", 0, { site: "Lyon" }), gapFte: 0.3 },
        { req: need("a", "phone", 0, { site: "Paris" }), gapFte: 0.2 },
      ],
      1,
    );
    const rows = hiresBySkill(hires);
    expect(rows.map((r) => [r.site, r.skill, r.soloHires, r.sharedHires, r.sharedWith])).toEqual([
      ["Lyon", "a:phone", 2, 1, ["a:email"]],
      ["Lyon", "a:email", 0, 1, ["a:phone"]],
      ["Paris", "a:phone", 1, 0, []],
    ]);
    expectRelative(rows[0]!.closesFte, 2.5, 1e-12);
    expectRelative(rows[0]!.sharedFte, 0.5, 1e-12);
    expectRelative(rows.reduce((n, r) => n + r.closesFte, 0), hires.reduce((n, h) => n + h.closesFte, 0), 1e-12);
  });
});

describe("skillGaps: cross-training at scale", () => {
  it("finds a small set fast when the exact search is too large, and every training it keeps is needed", () => {
    // 30 idle people and 30 skills short by 0.3 FTE each: 900 possible trainings
    const reqs = Array.from({ length: 30 }, (_, k) => need(`t${k}`, "email", 0.3));
    const people = Array.from({ length: 30 }, (_, k) => person(`P${k}`, {}, { fte: 0.5 }));
    const start = performance.now();
    const g = skillGaps(reqs, people, OPTIONS);
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(g.totals.gapAfterTrainingFte).toBe(0);
    expect(g.trainingStatus).toBe("best-found");
    // 9 FTE of gap with 0.5 FTE people: at least 18 people, at least 30 trainings (one per skill); each person takes at most what fits
    expect(g.totals.trainings).toBeGreaterThanOrEqual(30);
    expect(g.totals.trainings).toBeLessThanOrEqual(47);
  });
});

describe("skillRequirements", () => {
  it("turns a team that is only a minimum presence into an 'on duty' need anyone at its level and site covers", () => {
    const s: Scenario = {
      ...DEFAULT_SCENARIO,
      tiers: { ...DEFAULT_TIER_RULES, escalation: { toLevel2: 0, toLevel3: 0 }, minOnDuty: { 1: 0, 2: 0, 3: 1 } },
    };
    const p = new SourcingPlanner(s);
    for (let k = 0; k < 24; k++) p.add(forecastRow({ startMin: MONDAY + 480 + 30 * k }));
    const reqs = skillRequirements(p.finish());
    const duty = reqs.find((r) => r.tier === 3)!;
    expect(duty).toMatchObject({ typology: ON_DUTY, channel: "any", site: null });
    expect(duty.requiredFte).toBeGreaterThan(0);
    const g = skillGaps(reqs, [person("eng", {}, { tier: 3, fte: 1 })], OPTIONS);
    expectRelative(g.skills.find((x) => x.tier === 3)!.coveredFte, Math.min(1, duty.requiredFte), 1e-9);
  });


  it("shares each team's FTE over its queues and leaves out outsourced sites (the sum is the in-house teams' FTE)", () => {
    const s: Scenario = {
      ...DEFAULT_SCENARIO,
      organisation: { ...DEFAULT_SCENARIO.organisation, model: "polyvalent" },
      sites: [{ ...IMPLICIT_SITE, name: "Paris" }, { ...IMPLICIT_SITE, name: "Out", kind: "outsourced" }],
      allocation: [{ match: { channels: ["chat"] }, to: [["Out", 1]] }, { match: {}, to: [["Paris", 1]] }],
    };
    const p = new SourcingPlanner(s);
    for (const r of [
      forecastRow({ volume: 50 }),
      forecastRow({ typology: "b", volume: 50 }),
      forecastRow({ channel: "chat", volume: 40, concurrency: 2 }),
      forecastRow({ startMin: MONDAY + 600, volume: 70 }),
    ])
      p.add(r);
    const plan = p.finish();
    const reqs = skillRequirements(plan);
    expect(reqs.map((r) => [r.typology, r.channel, r.site])).toEqual([
      ["b", "phone", "Paris"],
      ["information", "phone", "Paris"],
    ]);
    const paris = plan.sites[0]!.plan.organisation.groups.reduce((n, g) => n + g.fte, 0);
    expectRelative(reqs.reduce((n, r) => n + r.requiredFte, 0), paris, 1e-12);
  });
});
