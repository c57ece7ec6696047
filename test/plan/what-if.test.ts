import { describe, expect, it } from "vitest";
import { combinedShrinkage } from "../../src/core/people.js";
import { DEFAULT_SCENARIO, targetsFor, type Scenario } from "../../src/plan/scenario.js";
import { IMPLICIT_SITE } from "../../src/plan/sites.js";
import { DEFAULT_TIER_RULES } from "../../src/plan/tiers.js";
import { applyWhatIf, hasWhatIf, scaledShrinkage, whatIfFactors } from "../../src/plan/what-if.js";
import { expectRelative } from "../helpers/relative.js";

const TWO_SITES: Scenario = {
  ...DEFAULT_SCENARIO,
  sites: [
    { ...IMPLICIT_SITE, name: "Paris" },
    { ...IMPLICIT_SITE, name: "Lyon", overrides: { shrinkage: { absence: 0.1, breaks: 0.05 }, contractHours: 39 } },
  ],
};

describe("scaledShrinkage(components, total)", () => {
  it("scales the components to combine to the total, keeping their names", () => {
    const out = scaledShrinkage(DEFAULT_SCENARIO.shrinkage, 0.4);
    expect(Object.keys(out)).toEqual(Object.keys(DEFAULT_SCENARIO.shrinkage));
    expectRelative(combinedShrinkage(Object.values(out)), 0.4, 1e-12);
  });

  it("keeps each component's share of the whole, on the log scale of kept time", () => {
    const before = DEFAULT_SCENARIO.shrinkage;
    const after = scaledShrinkage(before, 0.2);
    const ratio = (c: Record<string, number>) => Math.log1p(-c.breaks!) / Math.log1p(-c.absence!);
    expectRelative(ratio(after), ratio(before), 1e-12);
  });

  it("one component becomes the total", () => {
    expectRelative(scaledShrinkage({ absence: 0.2 }, 0.3).absence!, 0.3, 1e-12);
  });

  it("no shrinkage to scale (none, or all 0) becomes one component, total", () => {
    expect(scaledShrinkage({}, 0.3)).toEqual({ total: 0.3 });
    expect(scaledShrinkage({ absence: 0 }, 0.3)).toEqual({ total: 0.3 });
  });

  it("a total of 0 sets every component to 0", () => {
    expect(Object.values(scaledShrinkage({ absence: 0.2, breaks: 0.1 }, 0))).toEqual([0, 0]);
  });

  it("throws a RangeError for a total outside [0, 1)", () => {
    expect(() => scaledShrinkage({ absence: 0.2 }, 1)).toThrow(RangeError);
    expect(() => scaledShrinkage({ absence: 0.2 }, 1)).toThrow("scaledShrinkage needs a total in [0, 1), got 1");
  });
});

describe("applyWhatIf(scenario, whatIf) → Scenario", () => {
  it("without what-ifs is the same scenario", () => {
    expect(applyWhatIf(TWO_SITES, {})).toEqual(TWO_SITES);
    expect(hasWhatIf({})).toBe(false);
    expect(hasWhatIf({ volumeFactor: undefined })).toBe(false);
    expect(whatIfFactors({})).toEqual({ volumeFactor: 1, ahtFactor: 1 });
  });

  it("never changes the scenario it is given", () => {
    const copy = structuredClone(TWO_SITES);
    applyWhatIf(TWO_SITES, { shrinkage: 0.4, maxOccupancy: 0.8, serviceLevel: { share: 0.9, answerWithinSec: 30 }, contractHours: 37 });
    expect(TWO_SITES).toEqual(copy);
  });

  it("--shrinkage: the scenario's and each site's own components combine to the total", () => {
    const s = applyWhatIf(TWO_SITES, { shrinkage: 0.25 });
    expectRelative(combinedShrinkage(Object.values(s.shrinkage)), 0.25, 1e-12);
    expect(s.sites[0]!.overrides.shrinkage).toBeUndefined(); // Paris keeps using the scenario's
    expect(Object.keys(s.sites[1]!.overrides.shrinkage!)).toEqual(["absence", "breaks"]);
    expectRelative(combinedShrinkage(Object.values(s.sites[1]!.overrides.shrinkage!)), 0.25, 1e-12);
  });

  it("--occupancy: every class, and the channels and levels that set one; the others fall through to their class", () => {
    const tiers = { ...DEFAULT_TIER_RULES, level2: { ...DEFAULT_TIER_RULES.level2, targets: { deadlineSec: 3600, maxOccupancy: 0.95 } } };
    const base: Scenario = { ...DEFAULT_SCENARIO, tiers, targets: { ...DEFAULT_SCENARIO.targets, channels: { ...DEFAULT_SCENARIO.targets.channels, video: { maxOccupancy: 0.7 } } } };
    const s = applyWhatIf(base, { maxOccupancy: 0.8 });
    for (const [c, channel] of [["sync", "phone"], ["sync", "chat"], ["sync", "video"], ["async", "email"], ["async", "mail"], ["outbound", "phone"]] as const) {
      expect(targetsFor(s, c, channel).maxOccupancy).toBe(0.8);
    }
    expect(s.targets.channels.chat!.maxOccupancy).toBeUndefined();
    expect(s.tiers!.level2.targets).toEqual({ deadlineSec: 3600, maxOccupancy: 0.8 });
    expect(s.tiers!.level3.targets).toEqual(DEFAULT_TIER_RULES.level3.targets);
  });

  it("--sl 90/30: the sync class and every live channel; --sl 90% keeps each threshold", () => {
    const both = applyWhatIf(DEFAULT_SCENARIO, { serviceLevel: { share: 0.9, answerWithinSec: 30 } });
    for (const channel of ["phone", "chat", "messaging"]) expect(targetsFor(both, "sync", channel)).toMatchObject({ serviceLevel: 0.9, answerWithinSec: 30 });
    expect(both.targets.channels.email).toBeUndefined();
    expect(both.targets.channels.social).toEqual({ deadlineSec: 3600 });
    const share = applyWhatIf(DEFAULT_SCENARIO, { serviceLevel: { share: 0.9, answerWithinSec: undefined } });
    expect(targetsFor(share, "sync", "phone")).toMatchObject({ serviceLevel: 0.9, answerWithinSec: 20 });
    expect(targetsFor(share, "sync", "chat")).toMatchObject({ serviceLevel: 0.9, answerWithinSec: 60 });
  });

  it("--contract-hours: the scenario's and each site's own", () => {
    const s = applyWhatIf(TWO_SITES, { contractHours: 37 });
    expect(s.contractHours).toBe(37);
    expect(s.sites[0]!.overrides.contractHours).toBeUndefined();
    expect(s.sites[1]!.overrides.contractHours).toBe(37);
  });

  it("the factors are not scenario edits", () => {
    expect(applyWhatIf(TWO_SITES, { volumeFactor: 1.2, ahtFactor: 0.9 })).toEqual(TWO_SITES);
    expect(whatIfFactors({ volumeFactor: 1.2 })).toEqual({ volumeFactor: 1.2, ahtFactor: 1 });
  });
});
