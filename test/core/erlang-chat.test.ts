import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangCMetrics } from "../../src/core/erlang-c.js";
import { chatStateCount, erlangChatMetrics, requiredAgentsChat } from "../../src/core/erlang-chat.js";
import { requiredAgents } from "../../src/core/required-agents.js";
import { expectRelative } from "../helpers/relative.js";

/**
 * An independent check of the chain for a few agents: the chain of every
 * agent's own count (k + 1)^N states, not the counts by level, with the
 * queue written out to a length where r^q is below 1e-30, solved by dense
 * Gaussian elimination. The service level is summed over the queue states
 * from the Erlang distribution of the q + 1 slot releases a chat waits for,
 * not from the closed form of erlang-chat.ts.
 */
function bruteForce(agents: number, lambda: number, aht: number[], within: number) {
  const k = aht.length;
  const vectors: number[][] = [];
  const rec = (prefix: number[]): void => {
    if (prefix.length === agents) vectors.push(prefix);
    else for (let j = 0; j <= k; j++) rec([...prefix, j]);
  };
  rec([]);
  const fullRate = (k * agents) / aht[k - 1]!;
  const r = lambda / fullRate;
  const queueMax = Math.ceil(Math.log(1e-30) / Math.log(r));
  const key = (v: number[]) => v.join(",");
  const index = new Map(vectors.map((v, i) => [key(v), i]));
  const full = index.get(key(new Array(agents).fill(k)))!;
  const size = vectors.length + queueMax; // queue state q ≥ 1 at vectors.length + q − 1
  const q = Array.from({ length: size }, () => new Float64Array(size));
  const add = (from: number, to: number, rate: number) => {
    q[from]![to]! += rate;
    q[from]![from]! -= rate;
  };
  vectors.forEach((v, s) => {
    const low = Math.min(...v);
    if (low < k) {
      const w = [...v];
      w[v.indexOf(low)]! += 1; // least busy, ties to the first agent
      add(s, index.get(key(w))!, lambda);
    } else add(s, vectors.length, lambda);
    v.forEach((j, a) => {
      if (j === 0) return;
      const w = [...v];
      w[a]! -= 1;
      add(s, index.get(key(w))!, j / aht[j - 1]!);
    });
  });
  for (let qi = 1; qi <= queueMax; qi++) {
    const s = vectors.length + qi - 1;
    if (qi < queueMax) add(s, s + 1, lambda);
    add(s, qi === 1 ? full : s - 1, fullRate);
  }
  // π Q = 0, Σπ = 1: solve Qᵀ π = 0 with the last equation replaced by the sum.
  const pi = stationary(q, size);
  // wait of a chat that finds q waiting (and every agent at k): Erlang(q + 1, fullRate)
  const waitWithin = (ahead: number) => {
    const x = fullRate * within;
    let term = Math.exp(-x);
    let below = term;
    for (let i = 1; i <= ahead; i++) below += (term *= x / i);
    return 1 - below;
  };
  let probWait = 0;
  let late = 0;
  let inService = 0;
  let meanWait = 0;
  for (let s = 0; s < size; s++) {
    const ahead = s === full ? 0 : s >= vectors.length ? s - vectors.length + 1 : -1;
    inService += pi[s]! * (s >= vectors.length ? k * agents : vectors[s]!.reduce((x, y) => x + y, 0));
    if (ahead < 0) continue;
    probWait += pi[s]!;
    late += pi[s]! * (1 - waitWithin(ahead));
    meanWait += (pi[s]! * (ahead + 1)) / fullRate;
  }
  return { probWait, serviceLevel: 1 - late, asaSec: meanWait, occupancy: inService / (k * agents), pi, vectors };
}

/**
 * A second independent check for more agents: the chain on the counts of
 * agents holding 0..k chats (string keys, not erlang-chat.ts's ranking), the
 * queue written out to r^q < 1e-30, dense Gaussian elimination.
 */
function histogramChain(agents: number, lambda: number, aht: number[], within: number) {
  const k = aht.length;
  const hist: number[][] = [];
  const rec = (prefix: number[], left: number): void => {
    if (prefix.length === k) hist.push([left, ...prefix]);
    else for (let c = 0; c <= left; c++) rec([...prefix, c], left - c);
  };
  rec([], agents);
  const index = new Map(hist.map((h, i) => [h.join(","), i]));
  const fullRate = (k * agents) / aht[k - 1]!;
  const queueMax = Math.ceil(Math.log(1e-30) / Math.log(lambda / fullRate));
  const size = hist.length + queueMax;
  const q = Array.from({ length: size }, () => new Float64Array(size));
  const add = (from: number, to: number, rate: number) => {
    q[from]![to]! += rate;
    q[from]![from]! -= rate;
  };
  const full = index.get([...new Array<number>(k).fill(0), agents].join(","))!;
  hist.forEach((h, s) => {
    const low = h.findIndex((c) => c > 0);
    if (low < k) {
      const w = [...h];
      w[low]! -= 1;
      w[low + 1]! += 1;
      add(s, index.get(w.join(","))!, lambda);
    } else add(s, hist.length, lambda);
    for (let j = 1; j <= k; j++) {
      if (h[j] === 0) continue;
      const w = [...h];
      w[j]! -= 1;
      w[j - 1]! += 1;
      add(s, index.get(w.join(","))!, (h[j]! * j) / aht[j - 1]!);
    }
  });
  for (let qi = 1; qi <= queueMax; qi++) {
    const s = hist.length + qi - 1;
    if (qi < queueMax) add(s, s + 1, lambda);
    add(s, qi === 1 ? full : s - 1, fullRate);
  }
  const pi = stationary(q, size);
  let probWait = 0;
  let late = 0;
  let meanWait = 0;
  let inService = 0;
  for (let s = 0; s < size; s++) {
    const ahead = s === full ? 0 : s >= hist.length ? s - hist.length + 1 : -1;
    inService += pi[s]! * (s >= hist.length ? k * agents : hist[s]!.reduce((x, c, j) => x + c * j, 0));
    if (ahead < 0) continue;
    probWait += pi[s]!;
    const x = fullRate * within;
    let term = Math.exp(-x);
    let below = term;
    for (let i = 1; i <= ahead; i++) below += term *= x / i;
    late += pi[s]! * below;
    meanWait += (pi[s]! * (ahead + 1)) / fullRate;
  }
  return { probWait, serviceLevel: 1 - late, asaSec: meanWait, occupancy: inService / (k * agents) };
}

describe("erlangChatMetrics", () => {
  it("erlangChatMetrics(N, λ, [a, …, a], t) is Erlang C of k·N servers, to 1e-12", () => {
    for (const [n, k, lambda, a, t] of [
      [1, 2, 0.001, 300, 60],
      [5, 2, 0.02, 360, 60],
      [12, 3, 0.08, 400, 30],
      [20, 3, 0.13, 420, 60],
      [9, 4, 0.1, 300, 20],
      [6, 5, 0.05, 480, 60],
      [40, 2, 0.25, 300, 0],
    ] as const) {
      const chat = erlangChatMetrics(n, lambda, new Array<number>(k).fill(a), t);
      const c = erlangCMetrics(n * k, lambda * a, a, t);
      const label = `N=${n} k=${k} λ=${lambda}`;
      expectRelative(chat.probWait, c.probWait, 1e-12, `${label} probWait`);
      expectRelative(chat.serviceLevel, c.serviceLevel, 1e-12, `${label} serviceLevel`);
      expectRelative(chat.asaSec, c.asaSec, 1e-12, `${label} asaSec`);
      expectRelative(chat.occupancy, c.occupancy, 1e-12, `${label} occupancy`);
    }
  });

  it("erlangChatMetrics matches the chain of every agent's own count (N ≤ 3) to 1e-10", () => {
    for (const [n, lambda, aht, t] of [
      [2, 0.006, [300, 390], 60],
      [2, 0.011, [240, 300, 420], 20],
      [3, 0.012, [300, 345], 60],
      [3, 0.016, [300, 375, 450], 60],
      [2, 0.01, [200, 260, 330, 400], 30],
    ] as const) {
      const exact = bruteForce(n, lambda, [...aht], t);
      const chat = erlangChatMetrics(n, lambda, aht, t);
      const label = `N=${n} aht=${aht.join(",")}`;
      expectRelative(chat.probWait, exact.probWait, 1e-10, `${label} probWait`);
      expectRelative(chat.serviceLevel, exact.serviceLevel, 1e-10, `${label} serviceLevel`);
      expectRelative(chat.asaSec, exact.asaSec, 1e-10, `${label} asaSec`);
      expectRelative(chat.occupancy, exact.occupancy, 1e-10, `${label} occupancy`);
    }
  });

  it("erlangChatMetrics matches the histogram chain solved by dense Gaussian elimination (N = 12, k = 2; N = 6, k = 3) to 1e-10", () => {
    for (const [n, lambda, aht, t] of [
      [12, 0.065, [300, 345], 60],
      [6, 0.035, [300, 375, 450], 30],
    ] as const) {
      const exact = histogramChain(n, lambda, [...aht], t);
      const chat = erlangChatMetrics(n, lambda, aht, t);
      for (const key of ["probWait", "serviceLevel", "asaSec", "occupancy"] as const) expectRelative(chat[key], exact[key], 1e-10, `N=${n} ${key}`);
    }
  });

  it("the chats in service do not determine the agents' counts: with N = k = 2, two chats are (1, 1) or (2, 0)", () => {
    const { pi, vectors } = bruteForce(2, 0.006, [300, 390], 60);
    const at = (v: number[]) => pi[vectors.findIndex((w) => w.join() === v.join())]!;
    expect(at([1, 1])).toBeGreaterThan(0.01);
    expect(at([2, 0]) + at([0, 2])).toBeGreaterThan(0.01);
  });

  it("chatStateCount(N, k) is C(N + k, k)", () => {
    expect(chatStateCount(2, 2)).toBe(6);
    expect(chatStateCount(20, 3)).toBe(1771);
    expect(chatStateCount(0, 4)).toBe(1);
  });

  it("erlangChatMetrics refuses a broken precondition with a RangeError that names it", () => {
    expect(() => erlangChatMetrics(0, 0.1, [300, 360], 60)).toThrow(/agents >= 1, got 0/);
    expect(() => erlangChatMetrics(3, 0.1, [300, -1], 60)).toThrow(/every AHT > 0, got -1/);
    expect(() => erlangChatMetrics(200, 0.1, [300, 360, 450, 500], 60)).toThrow(/at most 100000 states/);
  });

  it("erlangChatMetrics is unstable (every chat waits) when λ·AHTₖ ≥ k·N", () => {
    expect(erlangChatMetrics(10, 0.1, [200, 300], 60)).toMatchObject({ probWait: 1, serviceLevel: 0, asaSec: Infinity, occupancy: 1 });
  });
});

interface SimFigure {
  mean: number;
  halfWidth95: number;
}
interface SimCase {
  concurrency: number;
  ahtByConcurrencySec: number[];
  arrivalsPerSec: number;
  agents: number;
  answerWithinSec: number;
  probWait: SimFigure;
  serviceLevel: SimFigure;
  asaSec: SimFigure;
  occupancy: SimFigure;
}

describe("erlangChatMetrics against the simulation (test/core/reference/chat-sim.json)", () => {
  const table = JSON.parse(readFileSync(new URL("./reference/chat-sim.json", import.meta.url), "utf8")) as { cases: SimCase[] };
  // 18 cases × 4 figures: a 95 % interval alone would miss about 4 by chance;
  // two half-widths (≈ 99.99 % for a normal mean) keep the check meaningful.
  const WIDTHS = 2;
  it.each(table.cases.map((c) => [`k=${c.concurrency} AHTs ${c.ahtByConcurrencySec.join(",")} N=${c.agents}`, c] as const))(
    "%s: P(wait), SL, ASA and occupancy within the simulation's confidence interval",
    (_label, c) => {
      const m = erlangChatMetrics(c.agents, c.arrivalsPerSec, c.ahtByConcurrencySec, c.answerWithinSec);
      for (const key of ["probWait", "serviceLevel", "asaSec", "occupancy"] as const) {
        const sim = c[key];
        expect(Math.abs(m[key] - sim.mean), `${key}: chain ${m[key]}, simulation ${sim.mean} ± ${sim.halfWidth95}`).toBeLessThanOrEqual(WIDTHS * sim.halfWidth95);
      }
    },
  );
});

describe("requiredAgentsChat", () => {
  const targets = { serviceLevel: 0.8, answerWithinSec: 60 };

  it("requiredAgentsChat returns the smallest N that meets every target, and N − 1 misses one", () => {
    for (const aht of [
      [300, 345],
      [300, 375, 450],
      [240, 300, 360, 420],
    ]) {
      const r = requiredAgentsChat({ volume: 200, intervalMin: 30, ahtByConcurrencySec: aht }, { ...targets, maxAsaSec: 30 });
      expect(r.feasible).toBe(true);
      const lambda = 200 / 1800;
      const at = erlangChatMetrics(r.agents, lambda, aht, 60);
      const below = erlangChatMetrics(r.agents - 1, lambda, aht, 60);
      expect(at.serviceLevel >= 0.8 && at.asaSec <= 30).toBe(true);
      expect(below.serviceLevel >= 0.8 && below.asaSec <= 30).toBe(false);
      expect(r.servers).toBe(r.agents * aht.length);
      expect(r.model).toBe("erlang-chat");
    }
  });

  it("requiredAgents with equal AHTs by concurrency is today's k·N-server model, same result", () => {
    const queue = { volume: 120, ahtSec: 360, intervalMin: 30, concurrency: 3 };
    expect(requiredAgents({ ...queue, ahtByConcurrencySec: [360, 360, 360] }, targets)).toEqual(requiredAgents(queue, targets));
  });

  it("requiredAgents with AHTs that differ by concurrency uses the chat chain", () => {
    const r = requiredAgents({ volume: 200, ahtSec: 450, intervalMin: 30, concurrency: 3, ahtByConcurrencySec: [300, 375, 450] }, targets);
    expect(r.model).toBe("erlang-chat");
    expect(r).toEqual(requiredAgentsChat({ volume: 200, intervalMin: 30, ahtByConcurrencySec: [300, 375, 450] }, targets));
  });

  it("requiredAgents names the chat model on impossible targets and on no chats when the AHTs differ", () => {
    const queue = { volume: 200, ahtSec: 450, intervalMin: 30, concurrency: 3, ahtByConcurrencySec: [300, 375, 450] };
    expect(requiredAgents(queue, { serviceLevel: 1, answerWithinSec: 0 })).toMatchObject({ feasible: false, model: "erlang-chat" });
    expect(requiredAgents({ ...queue, volume: 0 }, targets)).toMatchObject({ agents: 0, model: "erlang-chat" });
    expect(requiredAgents({ ...queue, ahtByConcurrencySec: [450, 450, 450] }, { serviceLevel: 1, answerWithinSec: 0 }).model).toBe("erlang-c");
  });

  it("requiredAgentsChat returns no agents for no chats", () => {
    expect(requiredAgentsChat({ volume: 0, intervalMin: 30, ahtByConcurrencySec: [300, 400] }, targets)).toMatchObject({ agents: 0, feasible: true, binding: "none" });
  });

  it("requiredAgentsChat reports a staffing past the chain's states as infeasible, with the reason", () => {
    const r = requiredAgentsChat({ volume: 4000, intervalMin: 30, ahtByConcurrencySec: [300, 330, 360, 400] }, targets);
    expect(r.feasible).toBe(false);
    expect(r.reason).toMatch(/stops at 100000 states; 223 agents at concurrency 4 need 107734200/);
  });
});

describe("Erlang Chat invariants (property tests)", () => {
  const ahts = fc
    .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 120, max: 600 }), fc.double({ min: 0, max: 0.4, noNaN: true }))
    .map(([k, a1, g]) => Array.from({ length: k }, (_, j) => a1 * (1 + g * j)));

  it("serviceLevel is non-decreasing and ASA non-increasing in N", () => {
    fc.assert(
      fc.property(ahts, fc.double({ min: 2, max: 30, noNaN: true }), (aht, loadAtK) => {
        const k = aht.length;
        const lambda = loadAtK / aht[k - 1]!;
        let prev = erlangChatMetrics(Math.floor(loadAtK / k) + 1, lambda, aht, 60);
        for (let n = Math.floor(loadAtK / k) + 2; n <= Math.floor(loadAtK / k) + 8; n++) {
          const m = erlangChatMetrics(n, lambda, aht, 60);
          if (m.serviceLevel < prev.serviceLevel - 1e-12 || m.asaSec > prev.asaSec * (1 + 1e-12) || m.occupancy > prev.occupancy * (1 + 1e-12)) return false;
          prev = m;
        }
        return true;
      }),
      { numRuns: 25 },
    );
  });

  it("longer AHTs never need fewer agents", () => {
    fc.assert(
      fc.property(ahts, fc.integer({ min: 20, max: 200 }), fc.nat(), fc.double({ min: 1, max: 1.5, noNaN: true }), (aht, volume, which, factor) => {
        const longer = [...aht];
        longer[which % aht.length]! *= factor;
        const base = requiredAgentsChat({ volume, intervalMin: 30, ahtByConcurrencySec: aht }, { serviceLevel: 0.8, answerWithinSec: 60 });
        const more = requiredAgentsChat({ volume, intervalMin: 30, ahtByConcurrencySec: longer }, { serviceLevel: 0.8, answerWithinSec: 60 });
        return more.agents >= base.agents;
      }),
      { numRuns: 25 },
    );
  });
});

/**
 * The stationary distribution π of a small chain by Gauss–Jordan elimination
 * with partial pivoting: πQ = 0 and Σπ = 1 (Qᵀπ = 0, its last equation
 * replaced by the sum). `q[i][j]` is the rate from state i to state j.
 */
function stationary(q: readonly (ArrayLike<number>)[], size: number): number[] {
  const a = Array.from({ length: size }, (_, i) => Float64Array.from({ length: size + 1 }, (_, j) => (j === size ? (i === size - 1 ? 1 : 0) : i === size - 1 ? 1 : q[j]![i]!)));
  for (let c = 0; c < size; c++) {
    let p = c;
    for (let i = c + 1; i < size; i++) if (Math.abs(a[i]![c]!) > Math.abs(a[p]![c]!)) p = i;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let i = 0; i < size; i++) {
      if (i === c) continue;
      const f = a[i]![c]! / a[c]![c]!;
      if (f !== 0) for (let j = c; j <= size; j++) a[i]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((row, i) => row[size]! / row[i]!);
}
