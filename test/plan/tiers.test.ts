import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planForecast } from "../../src/plan/plan.js";
import { DEFAULT_SCENARIO, typologyKey, type Scenario } from "../../src/plan/scenario.js";
import { DEFAULT_TIER_RULES, Escalator, type TierRules } from "../../src/plan/tiers.js";
import { forecastRow, MONDAY } from "../helpers/forecast-row.js";
import { expectRelative } from "../helpers/relative.js";

const row = forecastRow;

const tiers = (over: Partial<TierRules> = {}): TierRules => ({ ...DEFAULT_TIER_RULES, ...over });

const scenario = (t: TierRules | null): Scenario => ({ ...DEFAULT_SCENARIO, shrinkage: { all: 0.3 }, contractFraction: 1, tiers: t });

describe("Escalator.escalate", () => {
  it("escalates 20 % of level 1 to level 2 and 10 % of that to level 3, AHT doubling at each level (the defaults)", () => {
    const [two, three] = new Escalator(DEFAULT_TIER_RULES, typologyKey).escalate(row({}));
    expect(two).toMatchObject({ tier: 2, channelClass: "async", typology: "information", channel: "phone", startMin: MONDAY + 540, deadlineSec: 86_400 });
    expectRelative(two!.volume, 20, 1e-15);
    expectRelative(two!.ahtSec, 360, 1e-15);
    expect(three).toMatchObject({ tier: 3, channelClass: "async", deadlineSec: 48 * 3600 });
    expectRelative(three!.volume, 2, 1e-15);
    expectRelative(three!.ahtSec, 720, 1e-15);
  });

  it("a live transfer stays live for a live contact, with the level's targets; an escalated email is back-office work whatever the handling", () => {
    const rules = tiers({ level2: { handling: "live-transfer", ahtFactor: 2, targets: { serviceLevel: 0.8, answerWithinSec: 30 } } });
    const e = new Escalator(rules, typologyKey);
    const [live] = e.escalate(row({ patienceSec: 90 }));
    expect(live).toMatchObject({ tier: 2, channelClass: "sync", patienceSec: 90, targets: { serviceLevel: 0.8, answerWithinSec: 30 } });
    const [email] = e.escalate(row({ channel: "email", channelClass: "async" }));
    expect(email).toMatchObject({ tier: 2, channelClass: "async", patienceSec: undefined });
  });

  it("applies a typology's own shares and AHT over the defaults, matched ignoring case and accents", () => {
    const rules = tiers({ typologies: { "support technique": { escalation: { toLevel2: 0.35 }, level3: { ahtSec: 2400 } } } });
    const [two, three] = new Escalator(rules, typologyKey).escalate(row({ typology: "Support Technique", ahtSec: 300 }));
    expectRelative(two!.volume, 35, 1e-15);
    expectRelative(two!.ahtSec, 600, 1e-15);
    expectRelative(three!.volume, 3.5, 1e-15);
    expect(three!.ahtSec).toBe(2400);
  });

  it("does not escalate outbound rows, rows above level 1, or a share of 0", () => {
    const e = new Escalator(tiers({ typologies: { closed: { escalation: { toLevel2: 0 } } } }), typologyKey);
    expect(e.escalate(row({ direction: "outbound", channelClass: "outbound" }))).toEqual([]);
    expect(e.escalate(row({ tier: 2 }))).toEqual([]);
    expect(e.escalate(row({ typology: "closed" }))).toEqual([]);
    expect(new Escalator(tiers({ escalation: { toLevel2: 0.2, toLevel3: 0 } }), typologyKey).escalate(row({}))).toHaveLength(1);
  });
});

describe("planForecast with tiers", () => {
  it("staffs a live transfer in its interval: 100 calls / 30 min at level 1, 20 % transferred at 360 s → 4 Erlangs → 7 agents at 80/20 (mpmath)", () => {
    const t = tiers({ escalation: { toLevel2: 0.2, toLevel3: 0 }, level2: { handling: "live-transfer", ahtFactor: 2, targets: {} } });
    const p = planForecast([row({})], scenario(t));
    const two = p.intervals.find((i) => i.tier === 2)!;
    expect(two.channelClass).toBe("sync");
    expectRelative(two.trafficErlangs, 4, 1e-12);
    expect(two.agents).toBe(7);
    expect(p.intervals.find((i) => i.tier === 1)!.agents).toBe(14); // level 1 unchanged (DOMAIN)
  });

  it("without tiers, plans level 1 only", () => {
    const p = planForecast([row({})], scenario(null));
    expect(p.queues.map((q) => q.queue!.tier)).toEqual([1]);
    expect(p.organisation.roles.map((r) => r.role)).toEqual(["level-1", "team-lead", "manager"]);
  });

  it("a level's minimum presence holds in every open interval of its team, not when closed", () => {
    const t = tiers({ escalation: { toLevel2: 0.01, toLevel3: 0.01 }, minOnDuty: { 1: 0, 2: 0, 3: 1 } });
    // Monday 06:00–22:00 in 30-minute intervals; open 08:00–20:00 (24 intervals, 12 h)
    const rows = Array.from({ length: 32 }, (_, k) => row({ startMin: MONDAY + 360 + 30 * k, volume: 20 }));
    const p = planForecast(rows, scenario(t));
    const l3 = p.organisation.groups.find((g) => g.tier === 3)!;
    const ownWork = p.queues.filter((q) => q.queue!.tier === 3).reduce((n, q) => n + q.agentHours, 0);
    expect(ownWork).toBeLessThan(0.1);
    // one engineer in every open interval of the planned calendar week (Monday–Friday 12 h + Saturday 8 h under the
    // default opening hours: 68 h, although the rows are Monday's only), and nothing more than the work when closed
    expect(l3.agentHours).toBeGreaterThanOrEqual(68 - 1e-9);
    expect(l3.agentHours).toBeLessThanOrEqual(68 + ownWork + 1e-9);
    expect(p.organisation.roles.find((r) => r.role === "level-3")!.agentsPeak).toBeGreaterThanOrEqual(1);
  });

  it("conserves volume: Σ level 2 = share × Σ level 1 and Σ level 3 = share × Σ level 2, per typology (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ typology: fc.constantFrom("a", "b", "c"), channel: fc.constantFrom("phone", "email"), slot: fc.integer({ min: 0, max: 40 }), volume: fc.double({ min: 0, max: 500, noNaN: true }) }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (specs, r2, r3, r2b) => {
          const seen = new Set<string>();
          const rows = specs
            .filter((s) => !seen.has(`${s.typology}${s.channel}${s.slot}`) && seen.add(`${s.typology}${s.channel}${s.slot}`))
            .map((s) => row({ typology: s.typology, channel: s.channel, channelClass: s.channel === "email" ? "async" : "sync", startMin: MONDAY + 480 + 30 * s.slot, volume: s.volume }));
          const t = tiers({ escalation: { toLevel2: r2, toLevel3: r3 }, typologies: { b: { escalation: { toLevel2: r2b } } } });
          const p = planForecast(rows, scenario(t));
          for (const typology of ["a", "b", "c"]) {
            const at = (tier: number) => p.queues.filter((q) => q.queue!.typology === typology && q.queue!.tier === tier).reduce((n, q) => n + q.volume, 0);
            const share2 = typology === "b" ? r2b : r2;
            expect(Math.abs(at(2) - share2 * at(1))).toBeLessThanOrEqual(1e-9 * (1 + at(1)));
            expect(Math.abs(at(3) - r3 * at(2))).toBeLessThanOrEqual(1e-9 * (1 + at(2)));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
