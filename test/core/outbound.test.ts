import { describe, expect, it } from "vitest";
import { outboundWorkloadSec, workloadAgents } from "../../src/core/outbound.js";
import { expectRelative } from "../helpers/relative.js";

describe("outbound workload", () => {
  it("outboundWorkloadSec(1,000 contacts at 35 %, 25 dials per agent-hour over 6.4 h) is ≈ 18 agents (DOMAIN)", () => {
    const work = outboundWorkloadSec({ contacts: 1000, ahtSec: 0, contactRate: 0.35, dialTimeSec: 3600 / 25 });
    expectRelative(work / 3600, 1000 / 0.35 / 25, 1e-12); // 114.3 agent-hours
    const agents = workloadAgents(work, 6.4 * 3600, 1);
    expectRelative(agents, 17.857142857142858, 1e-12);
    expect(Math.ceil(agents)).toBe(18);
  });

  it("outboundWorkloadSec = attempts × dial time + contacts × AHT (hand-worked)", () => {
    // 40 attempts × 30 s + 14 contacts × 300 s = 1,200 + 4,200 s
    expect(outboundWorkloadSec({ contacts: 14, ahtSec: 300, attempts: 40, dialTimeSec: 30 })).toBe(5400);
    // 30 minutes at 85 % occupancy: 5,400 / (1,800 × 0.85) = 3.53 agents
    expectRelative(workloadAgents(5400, 1800, 0.85), 5400 / 1530, 1e-15);
  });

  it("outboundWorkloadSec needs attempts or a contact rate when a dial time is given", () => {
    expect(() => outboundWorkloadSec({ contacts: 10, ahtSec: 60, dialTimeSec: 20 })).toThrow(/attempts or a contact rate/);
    expect(outboundWorkloadSec({ contacts: 10, ahtSec: 60 })).toBe(600);
  });
});
