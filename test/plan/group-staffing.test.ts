import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requiredAgents } from "../../src/core/required-agents.js";
import type { ForecastRow } from "../../src/plan/forecast.js";
import { groupName, type Organisation, type OrganisationModel } from "../../src/plan/organisation.js";
import { planForecast, Planner } from "../../src/plan/plan.js";
import { DEFAULT_SCENARIO, typologyKey, type Scenario } from "../../src/plan/scenario.js";
import { DEFAULT_TIER_RULES } from "../../src/plan/tiers.js";
import { forecastRow, MONDAY } from "../helpers/forecast-row.js";
import { expectRelative } from "../helpers/relative.js";

const row = forecastRow;

function scenario(model: OrganisationModel, over: Partial<Organisation> = {}, rest: Partial<Scenario> = {}): Scenario {
  return {
    ...DEFAULT_SCENARIO,
    shrinkage: { all: 0.3 },
    contractFraction: 1,
    targets: { ...DEFAULT_SCENARIO.targets, sync: { serviceLevel: 0.8, answerWithinSec: 20 } },
    organisation: { ...DEFAULT_SCENARIO.organisation, model, ...over },
    ...rest,
  };
}

/** Agents of each team in the one interval of a one-interval plan (agent-hours × 2 for 30 minutes). */
const agentsOf = (rows: ForecastRow[], s: Scenario) => planForecast(rows, s).organisation.groups.map((g) => g.agentHours * 2);

describe("GroupStaffing: pooled live queues", () => {
  it("two queues of 50 calls / 30 min at 180 s need 8 + 8 agents apart and 14 pooled (mpmath; DOMAIN: 100 calls → 14)", () => {
    const rows = [row({ volume: 50 }), row({ typology: "complaint", volume: 50 })];
    expect(agentsOf(rows, scenario("separate"))).toEqual([16]);
    expect(agentsOf(rows, scenario("polyvalent"))).toEqual([14]);
  });

  it("with equal AHTs and targets a pool is exactly the Erlang C staffing of the combined load", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 400, noNaN: true })), { minLength: 1, maxLength: 6 }), fc.integer({ min: 60, max: 600 }), (volumes, ahtSec) => {
        const rows = volumes.map((volume, k) => row({ typology: `t${k}`, volume, ahtSec }));
        const total = volumes.reduce((a, b) => a + b, 0);
        const combined = requiredAgents({ volume: total, ahtSec, intervalMin: 30 }, { serviceLevel: 0.8, answerWithinSec: 20 }).agents;
        expect(agentsOf(rows, scenario("polyvalent"))).toEqual([combined]);
      }),
      { numRuns: 100 },
    );
  });

  it("mixes AHTs by volume weight, so the pooled load is the sum of the loads", () => {
    // 30 calls × 240 s + 60 calls × 120 s over 30 min = 4 + 4 Erlangs; pooled AHT 160 s
    const rows = [row({ volume: 30, ahtSec: 240 }), row({ typology: "b", volume: 60, ahtSec: 120 })];
    const pooled = requiredAgents({ volume: 90, ahtSec: 160, intervalMin: 30 }, { serviceLevel: 0.8, answerWithinSec: 20 }).agents;
    expect(agentsOf(rows, scenario("polyvalent"))).toEqual([pooled]);
  });

  it("meets every member's targets: the stricter service level binds the pool, but never beyond the queues apart", () => {
    const strict = { serviceLevel: 0.95, answerWithinSec: 10 };
    const rows = [row({ volume: 100 }), row({ typology: "vip", volume: 100, targets: strict })];
    const pooled = requiredAgents({ volume: 200, ahtSec: 180, intervalMin: 30 }, strict).agents;
    const apart = requiredAgents({ volume: 100, ahtSec: 180, intervalMin: 30 }, { serviceLevel: 0.8, answerWithinSec: 20 }).agents + requiredAgents({ volume: 100, ahtSec: 180, intervalMin: 30 }, strict).agents;
    expect(agentsOf(rows, scenario("polyvalent"))).toEqual([Math.min(pooled, apart)]);
    // a tiny queue with a very strict target: pooling everything under it would cost more than keeping it apart
    const tiny = [row({ volume: 400 }), row({ typology: "vip", volume: 1, targets: { serviceLevel: 0.99, answerWithinSec: 1 } })];
    const tinyApart = agentsOf(tiny, scenario("separate"))[0]!;
    expect(agentsOf(tiny, scenario("polyvalent"))[0]).toBeLessThanOrEqual(tinyApart);
  });

  it("pools only queues with the same concurrency: phone and 2-session chat stay two pools in one team", () => {
    const rows = [row({ volume: 50 }), row({ channel: "chat", volume: 50, concurrency: 2 })];
    const phone = requiredAgents({ volume: 50, ahtSec: 180, intervalMin: 30 }, { serviceLevel: 0.8, answerWithinSec: 20 }).agents;
    const chat = requiredAgents({ volume: 50, ahtSec: 180, intervalMin: 30, concurrency: 2 }, { serviceLevel: 0.8, answerWithinSec: 20 }).agents;
    expect(agentsOf(rows, scenario("polyvalent"))).toEqual([phone + chat]);
  });
});

describe("GroupStaffing: deferred work in a team", () => {
  const phoneAndEmail = [row({ volume: 100 }), row({ channel: "email", channelClass: "async", volume: 20, ahtSec: 360 })];

  it("adds the email agents to the phone agents when idle time is not filled", () => {
    const apart = planForecast(phoneAndEmail, scenario("separate")).organisation.groups[0]!;
    const pooled = planForecast(phoneAndEmail, scenario("polyvalent", { fillIdleTime: false })).organisation.groups[0]!;
    expectRelative(pooled.agentHours, apart.agentHours, 1e-12);
  });

  it("fills the phone agents' idle time up to the fill occupancy first: 14 agents at 10 Erlangs idle 1.9 agent-Erlangs at 85 %", () => {
    const apart = planForecast(phoneAndEmail, scenario("separate"));
    const pooled = planForecast(phoneAndEmail, scenario("polyvalent")).organisation.groups[0]!;
    const phoneHours = apart.queues.find((q) => q.queue!.channel === "phone")!.agentHours;
    const emailHours = apart.queues.find((q) => q.queue!.channel === "email")!.agentHours;
    // the email work done at 9:00 (its taut-string profile) is what is saved there, up to 14 × 0.85 − 10 = 1.9 agent-Erlangs
    expect(pooled.agentHours).toBeLessThan(phoneHours + emailHours);
    expect(pooled.agentHours).toBeGreaterThanOrEqual(phoneHours + emailHours - 1.9 * 0.5 / 0.9 - 1e-9);
  });
});

describe("organisation models", () => {
  const models: OrganisationModel[] = ["specialised-by-typology", "specialised-by-channel", "polyvalent"];

  it("a pooled organisation never needs more agent-hours than the same queues apart, per tier (property)", () => {
    const queue = fc.record({
      typology: fc.constantFrom("information", "complaint", "collections", "technical support"),
      channel: fc.constantFrom("phone", "chat", "email"),
      volume: fc.double({ min: 0, max: 300, noNaN: true }),
      ahtSec: fc.integer({ min: 60, max: 900 }),
      strict: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(queue, { minLength: 1, maxLength: 8 }), fc.constantFrom(...models), (qs, model) => {
        const seen = new Set<string>();
        const rows = qs
          .filter((q) => !seen.has(q.typology + q.channel) && seen.add(q.typology + q.channel))
          .flatMap((q) =>
            [0, 1, 2].map((k) =>
              row({
                typology: q.typology,
                channel: q.channel,
                channelClass: q.channel === "email" ? "async" : "sync",
                concurrency: q.channel === "chat" ? 2 : undefined,
                startMin: MONDAY + 9 * 60 + 30 * k,
                volume: q.volume * (1 + k / 3),
                ahtSec: q.ahtSec,
                targets: q.strict ? { serviceLevel: 0.9, answerWithinSec: 10 } : {},
              }),
            ),
          );
        const apart = planForecast(rows, scenario("separate")).organisation;
        const pooled = planForecast(rows, scenario(model)).organisation;
        const hours = (o: typeof apart) => o.groups.reduce((n, g) => n + g.agentHours, 0);
        expect(hours(pooled)).toBeLessThanOrEqual(hours(apart) + 1e-9);
        expect(pooled.totals.poolingGainFte).toBeGreaterThanOrEqual(-1e-9);
      }),
      { numRuns: 80 },
    );
  });

  it("puts queues in teams: families of work, channel classes, one pool per tier, or explicit groups (first match, else other)", () => {
    const q = (typology: string, channel: string, channelClass: "sync" | "async" | "outbound", tier: 1 | 2 | 3 = 1) => ({ typology, channel, channelClass, direction: "inbound" as const, tier });
    const org = (model: OrganisationModel, over: Partial<Organisation> = {}): Organisation => ({ ...DEFAULT_SCENARIO.organisation, model, ...over });
    expect(groupName(org("specialised-by-typology"), q("Réclamation", "phone", "sync"), typologyKey)).toBe("back office");
    expect(groupName(org("specialised-by-typology"), q("Demande d’information", "chat", "sync"), typologyKey)).toBe("front office");
    expect(groupName(org("specialised-by-typology"), q("Loyalty", "chat", "sync"), typologyKey)).toBe("Loyalty");
    expect(groupName(org("specialised-by-channel"), q("x", "email", "async"), typologyKey)).toBe("async");
    expect(groupName(org("polyvalent"), q("x", "email", "async", 2), typologyKey)).toBe("level 2");
    const groups = org("groups", {
      groups: [
        { name: "voice", channels: ["phone"], tiers: [1] },
        { name: "complaints", typologies: ["reclamation"] },
      ],
    });
    expect(groupName(groups, q("réclamation", "phone", "sync"), typologyKey)).toBe("voice");
    expect(groupName(groups, q("Réclamation", "email", "async"), typologyKey)).toBe("complaints");
    expect(groupName(groups, q("information", "email", "async"), typologyKey)).toBe("other");
  });

  it("rounds headcount once per team, gives each team its leads and counts managers from the leads", () => {
    // three typologies of 20 calls each, specialised: three small teams, each with a team lead
    const rows = ["a", "b", "c"].map((typology) => row({ typology, volume: 20 }));
    const s = scenario("specialised-by-typology", {}, { spans: { teamLead: { 1: 10, 2: 10, 3: 5 }, manager: 2 } });
    const o = planForecast(rows, s).organisation;
    expect(o.groups).toHaveLength(3);
    for (const g of o.groups) {
      expect(g.headcount).toBe(Math.ceil(g.fte - 1e-9));
      expect(g.teamLeads).toBe(1);
    }
    const role = (name: string) => o.roles.find((r) => r.role === name)!;
    expect(role("level-1").headcount).toBe(o.groups.reduce((n, g) => n + g.headcount, 0));
    expect(role("team-lead").headcount).toBe(3);
    expect(role("manager").headcount).toBe(2); // ⌈3 ÷ 2⌉
    expect(o.totals.headcount).toBe(o.roles.reduce((n, r) => n + r.headcount, 0));
    expectRelative(o.totals.fte, o.roles.reduce((n, r) => n + r.fte, 0), 1e-12);
  });

  it("sizes support roles by ratio of agents, of social and messaging FTE, or as a fixed number", () => {
    const rows = [row({ volume: 400 }), row({ channel: "social", channelClass: "async", volume: 40, ahtSec: 300 })];
    const s = scenario("separate", {}, {
      supportRoles: [
        { role: "quality-analyst", basis: "agents", per: 10 },
        { role: "community-manager", basis: "social", per: 0.5 },
        { role: "data-analyst", basis: "fixed", per: 1 },
      ],
    });
    const p = planForecast(rows, s);
    const role = (name: string) => p.organisation.roles.find((r) => r.role === name)!;
    const agents = role("level-1").headcount;
    expectRelative(role("quality-analyst").fte, agents / 10, 1e-12);
    expect(role("quality-analyst").headcount).toBe(Math.ceil(agents / 10 - 1e-9));
    const socialFte = p.queues.find((q) => q.queue!.channel === "social")!.fte;
    expectRelative(role("community-manager").fte, socialFte / 0.5, 1e-12);
    expect(role("data-analyst")).toMatchObject({ fte: 1, headcount: 1 });
  });

  it("reports the training polyvalence needs: people × skills beyond the first × hours per skill", () => {
    const rows = [row({ volume: 50 }), row({ typology: "b", volume: 50 }), row({ channel: "email", channelClass: "async", volume: 10 })];
    const g = planForecast(rows, scenario("polyvalent", { trainingHoursPerSkill: 14 })).organisation.groups[0]!;
    expect(g.skillsPerPerson).toBe(3);
    expect(g.trainingHours).toBe(g.headcount * 2 * 14);
    expect(planForecast(rows, scenario("separate")).organisation.groups[0]!.trainingHours).toBe(0);
  });

  it("counts each interval for its own length when a team's queues are on 15- and 30-minute grids", () => {
    // Monday 08:00–20:00: a 30-minute queue and a 15-minute queue; level 3 with one engineer on duty
    const rows = [
      ...Array.from({ length: 24 }, (_, k) => row({ startMin: MONDAY + 480 + 30 * k, volume: 60, ahtSec: 300 })),
      ...Array.from({ length: 48 }, (_, k) => row({ typology: "sales", intervalMin: 15, startMin: MONDAY + 480 + 15 * k, volume: 30, ahtSec: 300 })),
    ];
    const s = scenario("separate", {}, { tiers: { ...DEFAULT_TIER_RULES, escalation: { toLevel2: 0, toLevel3: 0 }, minOnDuty: { 1: 0, 2: 0, 3: 1 } } });
    const p = planForecast(rows, s);
    const l1 = p.organisation.groups.find((g) => g.tier === 1)!;
    expectRelative(l1.agentHours, p.queues.reduce((n, q) => n + q.agentHours, 0), 1e-12);
    expect(l1.poolingGainFte).toBe(0);
    // a level without work still has its engineer, in every open hour of the planned week (5 × 12 h + Saturday 8 h)
    expectRelative(p.organisation.groups.find((g) => g.tier === 3)!.agentHours, 68, 1e-12);
    // the 30-minute queue's agents count at both quarter hours of its interval
    const poly = planForecast(rows, scenario("polyvalent")).organisation.roles[0]!;
    const apartPeak = p.organisation.roles[0]!.agentsPeak!;
    expect(poly.agentsPeak).toBeLessThanOrEqual(apartPeak);
    expect(apartPeak).toBe(Math.max(...p.queues.map((q) => q.peakAgents)) + Math.min(...p.queues.map((q) => q.peakAgents)));
  });

  it("staffs outbound work that blending lent to inbound queues again in a pooled team (never unstaffed)", () => {
    const rows = [
      row({ volume: 20, ahtSec: 300 }),
      row({ typology: "sales", volume: 20, ahtSec: 300 }),
      row({ typology: "sales", direction: "outbound", channelClass: "outbound", volume: 20, ahtSec: 300 }),
    ];
    const outbound = { ...DEFAULT_SCENARIO.outbound, blending: true, blendWith: "channel" as const };
    const apart = planForecast(rows, scenario("separate", {}, { outbound })).organisation.groups[0]!;
    const pooled = planForecast(rows, scenario("polyvalent", {}, { outbound })).organisation.groups[0]!;
    // 10 Erlangs of work in all (6.67 inbound + 3.33 outbound): at most 85 % occupancy → at least 11.76 agents
    expect(pooled.agentHours * 2).toBeGreaterThanOrEqual(10 / 0.85 - 1e-9);
    expect(pooled.agentHours).toBeLessThanOrEqual(apart.agentHours + 1e-9);
  });
});

describe("GroupStaffing: pools solved as each interval ends (rows in time order)", () => {
  const models: OrganisationModel[] = ["separate", "specialised-by-typology", "specialised-by-channel", "polyvalent"];
  const planned = (rows: ForecastRow[], s: Scenario, timeOrdered: boolean) => {
    const p = new Planner(s, { timeOrdered, keepTeamCurves: true });
    for (const r of rows) p.add(r);
    return p.finish();
  };
  /** Rows in time order: a day of live phone and chat, e-mail and 15/30-minute queues, some intervals without work. */
  const dayRows = fc
    .array(
      fc.record({
        k: fc.integer({ min: 0, max: 5 }),
        slot: fc.integer({ min: 0, max: 11 }),
        volume: fc.oneof(fc.constant(0), fc.double({ min: 0.5, max: 300, noNaN: true })),
        ahtSec: fc.integer({ min: 60, max: 600 }),
      }),
      { minLength: 1, maxLength: 40 },
    )
    .map((cells) => {
      const kinds = [
        { typology: "information", channel: "phone" },
        { typology: "complaint", channel: "phone", patienceSec: 90 },
        { typology: "information", channel: "chat", concurrency: 2 },
        { typology: "billing", channel: "email", channelClass: "async" as const },
        { typology: "retention", channel: "phone", intervalMin: 15 },
        { typology: "complaint", channel: "phone", targets: { serviceLevel: 0.9, answerWithinSec: 15 } },
      ];
      const seen = new Set<string>();
      return cells
        .filter((c) => !seen.has(`${c.k} ${c.slot}`) && seen.add(`${c.k} ${c.slot}`))
        .map((c) => {
          const kind = kinds[c.k]!;
          return row({ ...kind, typology: kind.typology + (c.k === 5 ? " vip" : ""), startMin: MONDAY + 480 + 30 * c.slot, volume: c.volume, ahtSec: c.ahtSec });
        })
        .sort((a, b) => a.startMin - b.startMin);
    });

  it("gives the same teams, roles and curves, number for number, as keeping every pool to the end (property)", () => {
    fc.assert(
      fc.property(dayRows, fc.constantFrom(...models), fc.boolean(), (rows, model, fill) => {
        const s = scenario(model, { fillIdleTime: fill }, { tiers: DEFAULT_TIER_RULES });
        expect(planned(rows, s, true).organisation).toEqual(planned(rows, s, false).organisation);
      }),
      { numRuns: 150 },
    );
  });

  it("told the queues beforehand, keeps no idle time for teams without deferred work, and still gives the same plan (property)", () => {
    const expecting = (rows: ForecastRow[], s: Scenario) => {
      const p = new Planner(s, { timeOrdered: true, keepTeamCurves: true });
      const queues = new Map(rows.map((r) => [`${r.typology}|${r.channel}|${r.channelClass}`, r]));
      p.expectQueues([...queues.values()]);
      for (const r of rows) p.add(r);
      return p.finish();
    };
    fc.assert(
      fc.property(dayRows, fc.constantFrom(...models), fc.boolean(), fc.boolean(), (rows, model, fill, tiers) => {
        const s = scenario(model, { fillIdleTime: fill }, { tiers: tiers ? DEFAULT_TIER_RULES : null });
        expect(expecting(rows, s).organisation).toEqual(planned(rows, s, false).organisation);
      }),
      { numRuns: 150 },
    );
  });

  it("throws, never plans wrong, when deferred work reaches a team told to expect none after its idle time was let go", () => {
    const s = scenario("polyvalent", {}, { tiers: null });
    const live = [row({ startMin: MONDAY + 480, volume: 40 }), row({ startMin: MONDAY + 510, volume: 40 })];
    const email = row({ typology: "billing", channel: "email", channelClass: "async", startMin: MONDAY + 480, volume: 30 });
    const told = (queues: ForecastRow[], rows: ForecastRow[]) => {
      const p = new Planner(s, { timeOrdered: true, keepTeamCurves: true });
      p.expectQueues(queues);
      for (const r of rows) p.add(r);
      return p.finish().organisation;
    };
    // the e-mail's intervals reach the team at the end, after its first pool was solved without idle time
    expect(() => told([live[0]!], [...live, email])).toThrow(/not expected to get any/);
    expect(told([live[0]!, email], [...live, email])).toEqual(planned([...live, email], s, false).organisation);
    // and expectDeferred only before the first interval
    const p = new Planner(s, { timeOrdered: true });
    p.add(live[0]!);
    expect(() => p.expectQueues([email])).toThrow(/before|after intervals/);
  });

  it("refuses a live interval before the current one when told the rows come in time order (a caller's bug)", () => {
    const p = new Planner(scenario("polyvalent"), { timeOrdered: true });
    p.add(row({ startMin: MONDAY + 600 }));
    expect(() => p.add(row({ startMin: MONDAY + 540 }))).toThrow(/time order/);
  });

  it("names the same team, interval and load when a pool is beyond the models' limits, whether solved early or at the end", () => {
    // two 60,000-Erlang queues: each within the limit (100,000), pooled beyond it
    const rows = [row({ startMin: MONDAY + 480, volume: 10 }), row({ volume: 600_000, ahtSec: 180 }), row({ typology: "b", volume: 600_000, ahtSec: 180 }), row({ startMin: MONDAY + 600, volume: 10 })];
    const message = (timeOrdered: boolean) => {
      try {
        planned(rows, scenario("polyvalent"), timeOrdered);
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    };
    expect(message(true)).toMatch(/team "level 1"/);
    expect(message(true)).toBe(message(false));
  });

  it("counts a team's intervals in any order the rows come: the same agent-hours (to rounding) and peak as in time order (property)", () => {
    fc.assert(
      fc.property(dayRows, fc.constantFrom(...models), fc.integer({ min: 0, max: 1000 }), (rows, model, seed) => {
        const s = scenario(model);
        const shuffled = rows.map((r, k) => [((k + 1) * 7919 * (seed + 1)) % 1009, r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
        const a = planned(rows, s, false).organisation.groups;
        const b = planned(shuffled, s, false).organisation.groups;
        expect(b.map((g) => g.name)).toEqual(a.map((g) => g.name));
        b.forEach((g, k) => {
          expect(Math.abs(g.agentHours - a[k]!.agentHours)).toBeLessThanOrEqual(1e-9 * (1 + a[k]!.agentHours));
          expect(g.peakAgents).toBeCloseTo(a[k]!.peakAgents, 9);
        });
      }),
      { numRuns: 100 },
    );
  });
});
