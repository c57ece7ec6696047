import { describe, expect, it } from "vitest";
import { requiredAgents } from "../../src/core/index.js";
import { expectRelative } from "../helpers/relative.js";

// Public worked examples (shared/DOMAIN.md). Their printed figures carry 4–5
// significant digits, hence the loose tolerance here; the 1e-9 checks are
// against the high-precision reference tables.
const PUBLISHED = 5e-4;

describe("published worked examples", () => {
  it("requiredAgents(100 per 30 min, AHT 180 s, 80/20) is 14 agents, SL 0.88835, P(wait) 0.17413", () => {
    const r = requiredAgents({ volume: 100, ahtSec: 180, intervalMin: 30 }, { serviceLevel: 0.8, answerWithinSec: 20 });
    expect(r.trafficErlangs).toBe(10);
    expect(r.agents).toBe(14);
    expect(r.binding).toBe("service-level");
    expectRelative(r.metrics.serviceLevel, 0.88835, PUBLISHED);
    expectRelative(r.metrics.probWait, 0.17413, PUBLISHED);
    expectRelative(r.metrics.occupancy, 0.7143, PUBLISHED);
    expectRelative(r.metrics.asaSec, 7.84, 2e-3);
  });

  it("requiredAgents(same, Erlang A patience 300 s, abandonment ≤ 5%) is 13 agents", () => {
    const r = requiredAgents(
      { volume: 100, ahtSec: 180, intervalMin: 30, patienceSec: 300 },
      { serviceLevel: 0.8, answerWithinSec: 20, maxAbandonRate: 0.05 },
    );
    expect(r.model).toBe("erlang-a");
    expect(r.agents).toBe(13);
    expectRelative(r.metrics.serviceLevel, 0.8582, PUBLISHED);
    expectRelative(r.metrics.abandonRate, 0.02496, PUBLISHED);
    expectRelative(r.metrics.probWait, 0.2258, PUBLISHED);
    expectRelative(r.metrics.asaSec, 6.91, 2e-3);
  });

  it("requiredAgents(1,000 per 60 min, AHT 120 s, 80/20, occupancy ≤ 85%) is 40 agents, occupancy binding", () => {
    const r = requiredAgents({ volume: 1000, ahtSec: 120, intervalMin: 60 }, { serviceLevel: 0.8, answerWithinSec: 20, maxOccupancy: 0.85 });
    expect(r.agents).toBe(40);
    expect(r.binding).toBe("occupancy");
    expectRelative(r.metrics.serviceLevel, 0.9372, PUBLISHED);
    expectRelative(r.metrics.asaSec, 3.43, 2e-3);
  });

  it("erlang C metrics of 720 per 60 min, AHT 240 s, 55 agents, 15 s match the published figures", async () => {
    const { erlangCMetrics } = await import("../../src/core/index.js");
    const m = erlangCMetrics(55, 48, 240, 15);
    expectRelative(m.probWait, 0.2387, PUBLISHED);
    expectRelative(m.asaSec, 8.18, 2e-3);
    expectRelative(m.serviceLevel, 0.8459, PUBLISHED);
    expectRelative(m.occupancy, 0.8727, PUBLISHED);
  });
});
