import { describe, expect, it } from "vitest";
import { requiredAgents } from "../../src/core/required-agents.js";
import { Planner, planForecast } from "../../src/plan/plan.js";
import { DEFAULT_SCENARIO, type AhtByConcurrency, type Scenario } from "../../src/plan/scenario.js";
import { forecastRow, MONDAY } from "../helpers/forecast-row.js";

const at: AhtByConcurrency["at"] = { file: "s.yaml", line: 7, column: 49, field: "targets.channels.chat.aht_by_concurrency" };

/** The default scenario, chat at concurrency 3 with `aht_by_concurrency` (seconds) when given. */
function scenario(valuesSec?: number[], model: Scenario["organisation"]["model"] = "separate"): Scenario {
  const chat = { serviceLevel: 0.8, answerWithinSec: 60, concurrency: 3, ...(valuesSec ? { ahtByConcurrency: { valuesSec, at } } : {}) };
  return {
    ...DEFAULT_SCENARIO,
    targets: { ...DEFAULT_SCENARIO.targets, channels: { ...DEFAULT_SCENARIO.targets.channels, chat } },
    organisation: { ...DEFAULT_SCENARIO.organisation, model },
  };
}

const chatRow = (over: Parameters<typeof forecastRow>[0] = {}) => forecastRow({ channel: "chat", volume: 200, ahtSec: 450, ...over });
// the chat targets merged over the sync class's (its occupancy cap)
const targets = { serviceLevel: 0.8, answerWithinSec: 60, maxOccupancy: DEFAULT_SCENARIO.targets.sync.maxOccupancy };

describe("plan: a chat channel with aht_by_concurrency", () => {
  it("staffs the row with the chat chain at the row's AHT as the duration at full concurrency, as requiredAgents does", () => {
    const i = planForecast([chatRow()], scenario([300, 360, 450])).intervals[0]!;
    const direct = requiredAgents({ volume: 200, ahtSec: 450, intervalMin: 30, concurrency: 3, ahtByConcurrencySec: [300, 360, 450] }, targets);
    expect(direct.model).toBe("erlang-chat");
    expect(i.agents).toBe(direct.agents);
    expect(i.serviceLevel).toBe(direct.metrics.serviceLevel);
    // durations are shorter at lower concurrency: never more agents than one AHT at full concurrency
    const oneAht = requiredAgents({ volume: 200, ahtSec: 450, intervalMin: 30, concurrency: 3 }, targets);
    expect(i.agents).toBeLessThanOrEqual(oneAht.agents);
    expect(planForecast([chatRow()], scenario()).intervals[0]!.agents).toBe(oneAht.agents);
  });

  it("scales the key's shape to the row's AHT: AHTⱼ = row AHT × vⱼ ÷ v_k", () => {
    const i = planForecast([chatRow({ ahtSec: 600 })], scenario([300, 360, 450])).intervals[0]!;
    expect(i.agents).toBe(requiredAgents({ volume: 200, ahtSec: 600, intervalMin: 30, concurrency: 3, ahtByConcurrencySec: [400, 480, 600] }, targets).agents);
  });

  it("needs more agents than one AHT at the shortest duration (the chain is between the two)", () => {
    const i = planForecast([chatRow()], scenario([300, 360, 450])).intervals[0]!;
    expect(i.agents).toBeGreaterThan(requiredAgents({ volume: 200, ahtSec: 300, intervalMin: 30, concurrency: 3 }, targets).agents);
  });

  it("with equal values is today's plan, figure for figure", () => {
    const rows = [chatRow(), chatRow({ startMin: MONDAY + 9 * 60 + 30, volume: 120, patienceSec: 90 })];
    expect(JSON.stringify(planForecast(rows, scenario([450, 450, 450])))).toBe(JSON.stringify(planForecast(rows, scenario())));
  });

  it("drops the row's patience (the chain has no abandonment) and says so once", () => {
    const planner = new Planner(scenario([300, 360, 450]), { keepIntervals: true });
    planner.add(chatRow({ patienceSec: 120 }));
    planner.add(chatRow({ patienceSec: 120, startMin: MONDAY + 9 * 60 + 30 }));
    const i = planner.finish().intervals[0]!;
    expect(i.abandonRate).toBeNull();
    expect(i.agents).toBe(requiredAgents({ volume: 200, ahtSec: 450, intervalMin: 30, concurrency: 3, ahtByConcurrencySec: [300, 360, 450] }, targets).agents);
    const notes = planner.ahtShapeNotes();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.at).toEqual(at);
    expect(notes[0]!.message).toContain("patience of 2 forecast rows is not used");
  });

  it("warns once per channel when the forecast's mean AHT is more than 25 % from the last value, with both figures", () => {
    const planner = new Planner(scenario([200, 250, 300]));
    planner.add(chatRow({ volume: 100, ahtSec: 400 }));
    planner.add(chatRow({ volume: 300, ahtSec: 400, startMin: MONDAY + 9 * 60 + 30 }));
    planner.finish();
    const notes = planner.ahtShapeNotes();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toContain("mean AHT is 400 s");
    expect(notes[0]!.message).toContain("300 s");
    expect(notes[0]!.message).toContain("+33%");
  });

  it("does not warn within 25 %", () => {
    const planner = new Planner(scenario([300, 360, 450]));
    planner.add(chatRow({ ahtSec: 560 }));
    planner.add(chatRow({ ahtSec: 340, startMin: MONDAY + 9 * 60 + 30 }));
    planner.finish();
    expect(planner.ahtShapeNotes()).toEqual([]);
  });

  it("plans a row of another concurrency with one AHT, and says so", () => {
    const planner = new Planner(scenario([300, 360, 450]), { keepIntervals: true });
    planner.add(chatRow({ concurrency: 2 }));
    const i = planner.finish().intervals[0]!;
    expect(i.agents).toBe(requiredAgents({ volume: 200, ahtSec: 450, intervalMin: 30, concurrency: 2 }, targets).agents);
    expect(planner.ahtShapeNotes()[0]!.message).toContain("1 forecast row has a concurrency other than 3");
  });

  it("a pooled team does not pool shaped chats: the team needs the sum of their own agents", () => {
    const rows = [chatRow({ typology: "a", volume: 60 }), chatRow({ typology: "b", volume: 60 })];
    const s = scenario([300, 360, 450], "polyvalent");
    const p = planForecast(rows, s);
    const own = p.intervals.reduce((n, i) => n + i.agents, 0);
    expect(p.organisation.groups[0]!.peakAgents).toBe(own);
    // without the key the same team pools them, into fewer agents
    const plain = planForecast(rows, scenario(undefined, "polyvalent"));
    expect(plain.organisation.groups[0]!.peakAgents).toBeLessThan(plain.intervals.reduce((n, i) => n + i.agents, 0));
  });
});
