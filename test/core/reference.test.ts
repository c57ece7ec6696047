import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { erlangAMetricsIntegrated } from "../../src/core/erlang-a.js";
import { erlangAMetrics, erlangB, erlangCMetrics, requiredAgents } from "../../src/core/index.js";
import { expectRelative } from "../helpers/relative.js";

// Tables written by test/core/reference/generate.py (python3 + mpmath, 40+
// digits, methods independent of src/core). Tolerances, relative to the
// reference value:
// - Erlang C: 1e-9 (the product contract; double precision gives ~1e-13);
// - Erlang A: 1e-6 (the product contract; the exact chain gives ~1e-12);
// - required agents: exact.
const ERLANG_C_TOLERANCE = 1e-9;
const ERLANG_A_TOLERANCE = 1e-6;

const table = <T>(name: string): T[] => JSON.parse(readFileSync(new URL(`./reference/${name}`, import.meta.url), "utf8")).cases;

interface ErlangCRow {
  agents: number;
  trafficErlangs: number;
  ahtSec: number;
  answerWithinSec: number;
  erlangB: number;
  probWait: number;
  serviceLevel: number;
  asaSec: number;
  occupancy: number;
}
interface ErlangARow extends ErlangCRow {
  patienceSec: number;
  abandonRate: number;
}
interface RequiredRow {
  volume: number;
  ahtSec: number;
  intervalMin: number;
  patienceSec: number | null;
  concurrency: number;
  serviceLevel: number | null;
  answerWithinSec: number | null;
  maxAsaSec: number | null;
  maxOccupancy: number | null;
  maxAbandonRate: number | null;
  agents: number;
}

const opt = (x: number | null) => (x === null ? undefined : x);

describe("Erlang C against the mpmath reference", () => {
  const rows = table<ErlangCRow>("erlang-c.json");

  it("covers loads from 0.0001 to 10,000 Erlangs", () => {
    const loads = rows.map((r) => r.trafficErlangs);
    expect(Math.min(...loads)).toBeLessThanOrEqual(0.0001);
    expect(Math.max(...loads)).toBeGreaterThanOrEqual(10_000);
  });

  it.each(rows.map((r) => [`N=${r.agents} A=${r.trafficErlangs} AHT=${r.ahtSec} t=${r.answerWithinSec}`, r] as const))(
    "erlangCMetrics(%s) matches to 1e-9",
    (_, r) => {
      const m = erlangCMetrics(r.agents, r.trafficErlangs, r.ahtSec, r.answerWithinSec);
      expectRelative(erlangB(r.agents, r.trafficErlangs), r.erlangB, ERLANG_C_TOLERANCE, "erlangB");
      expectRelative(m.probWait, r.probWait, ERLANG_C_TOLERANCE, "probWait");
      expectRelative(m.serviceLevel, r.serviceLevel, ERLANG_C_TOLERANCE, "serviceLevel");
      expectRelative(m.asaSec, r.asaSec, ERLANG_C_TOLERANCE, "asaSec");
      expectRelative(m.occupancy, r.occupancy, ERLANG_C_TOLERANCE, "occupancy");
    },
  );
});

describe("Erlang A against the mpmath reference", () => {
  const rows = table<ErlangARow>("erlang-a.json");

  it.each(rows.map((r) => [`N=${r.agents} A=${r.trafficErlangs} AHT=${r.ahtSec} patience=${r.patienceSec} t=${r.answerWithinSec}`, r] as const))(
    "erlangAMetrics(%s) matches to 1e-6",
    (_, r) => {
      const m = erlangAMetrics(r.agents, r.trafficErlangs, r.ahtSec, r.patienceSec, r.answerWithinSec);
      expectRelative(m.probWait, r.probWait, ERLANG_A_TOLERANCE, "probWait");
      expectRelative(m.abandonRate, r.abandonRate, ERLANG_A_TOLERANCE, "abandonRate");
      expectRelative(m.serviceLevel, r.serviceLevel, ERLANG_A_TOLERANCE, "serviceLevel");
      expectRelative(m.asaSec, r.asaSec, ERLANG_A_TOLERANCE, "asaSec");
      expectRelative(m.occupancy, r.occupancy, ERLANG_A_TOLERANCE, "occupancy");
    },
  );
});

describe("Erlang A at any patience against the mpmath reference", () => {
  const rows = table<ErlangARow>("erlang-a.json");
  const label = (r: ErlangARow) => `N=${r.agents} A=${r.trafficErlangs} AHT=${r.ahtSec} patience=${r.patienceSec / r.ahtSec}×AHT t=${r.answerWithinSec}`;
  const METRICS = ["probWait", "abandonRate", "serviceLevel", "asaSec", "occupancy"] as const;

  it("covers patience of 1,000, 10,000 and 1,000,000 × AHT, at loads up to 10,000 Erlangs, above and at or below the load", () => {
    for (const k of [1000, 10_000, 1_000_000]) {
      const at = rows.filter((r) => r.patienceSec === k * r.ahtSec);
      expect(Math.max(...at.map((r) => r.trafficErlangs))).toBeGreaterThanOrEqual(k === 10_000 ? 3000 : 10_000);
      expect(at.some((r) => r.agents > r.trafficErlangs)).toBe(true);
      expect(at.some((r) => r.agents <= r.trafficErlangs)).toBe(true);
    }
  });

  it.each(rows.map((r) => [label(r), r] as const))("erlangAMetrics(%s), as dispatched (chain or integral), matches to 1e-10", (_, r) => {
    const m = erlangAMetrics(r.agents, r.trafficErlangs, r.ahtSec, r.patienceSec, r.answerWithinSec);
    for (const k of METRICS) expectRelative(m[k], r[k], 1e-10, k);
  });

  it.each(rows.map((r) => [label(r), r] as const))("the integral form alone at %s matches to 1e-12 (its proven bound)", (_, r) => {
    const m = erlangAMetricsIntegrated(r.agents, r.trafficErlangs, r.ahtSec, r.patienceSec, r.answerWithinSec);
    for (const k of METRICS) expectRelative(m[k], r[k], 1e-12, k);
  });
});

describe("requiredAgents against the mpmath brute-force reference", () => {
  const rows = table<RequiredRow>("required-agents.json");

  it("requiredAgents returns exactly the reference's smallest N for every case", () => {
    const wrong: string[] = [];
    for (const r of rows) {
      const got = requiredAgents(
        { volume: r.volume, ahtSec: r.ahtSec, intervalMin: r.intervalMin, patienceSec: opt(r.patienceSec), concurrency: r.concurrency },
        {
          serviceLevel: opt(r.serviceLevel),
          answerWithinSec: opt(r.answerWithinSec),
          maxAsaSec: opt(r.maxAsaSec),
          maxOccupancy: opt(r.maxOccupancy),
          maxAbandonRate: opt(r.maxAbandonRate),
        },
      );
      if (!got.feasible || got.agents !== r.agents) wrong.push(`${JSON.stringify(r)} → got ${got.feasible ? got.agents : got.reason}`);
    }
    expect(wrong).toEqual([]);
    expect(rows.length).toBeGreaterThan(150);
  });
});
