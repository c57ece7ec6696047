import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readScenario } from "../../src/read/scenario-read.js";
import { targetsFor } from "../../src/plan/scenario.js";
import { diagnosticsOf } from "../helpers/diagnostics.js";

const chat = (key: string, concurrency = "concurrency: 3, ") => `targets:\n  channels:\n    chat: { ${concurrency}aht_by_concurrency: ${key} }\n`;

describe("readScenario: aht_by_concurrency of a channel", () => {
  it("reads one duration per chat held, in the scenario's duration syntax, with where the key is", () => {
    const s = readScenario(chat('[300, "6:00", 7.5min]'), "s.yaml");
    expect(s.targets.channels.chat!.ahtByConcurrency).toEqual({ valuesSec: [300, 360, 450], at: { file: "s.yaml", line: 3, column: 49, field: "targets.channels.chat.aht_by_concurrency" } });
    expect(targetsFor(s, "sync", "chat").ahtByConcurrency?.valuesSec).toEqual([300, 360, 450]);
  });

  it("takes the channel's default concurrency when the scenario gives none (chat: 2)", () => {
    expect(readScenario(chat("[300, 400]", ""), "s.yaml").targets.channels.chat!.ahtByConcurrency?.valuesSec).toEqual([300, 400]);
  });

  it("allows values that do not grow", () => {
    expect(readScenario(chat("[400, 300, 300]"), "s.yaml").targets.channels.chat!.ahtByConcurrency?.valuesSec).toEqual([400, 300, 300]);
  });

  it("refuses a number of values other than the concurrency, at the key's line and column", () => {
    const [d, ...more] = diagnosticsOf(() => readScenario(chat("[300, 360]"), "s.yaml"));
    expect(more).toEqual([]);
    expect(d).toMatchObject({ code: "CONFIG_INVALID", severity: "error", file: "s.yaml", line: 3, column: 49, field: "targets.channels.chat.aht_by_concurrency" });
    expect(d!.message).toContain("got 2 values for a concurrency of 3");
  });

  it("refuses the key on a deferred channel", () => {
    const [d] = diagnosticsOf(() => readScenario("targets:\n  channels:\n    email: { aht_by_concurrency: [300] }\n", "s.yaml"));
    expect(d).toMatchObject({ code: "CONFIG_INVALID", line: 3, field: "targets.channels.email.aht_by_concurrency" });
  });

  it("refuses a value that is not a duration, and the key on a class or a level", () => {
    expect(diagnosticsOf(() => readScenario(chat("[300, soon, 450]"), "s.yaml"))[0]).toMatchObject({ code: "CONFIG_INVALID", line: 3, field: "targets.channels.chat.aht_by_concurrency.1" });
    expect(diagnosticsOf(() => readScenario("targets:\n  sync: { aht_by_concurrency: [300] }\n", "s.yaml"))[0]).toMatchObject({ code: "CONFIG_UNKNOWN_KEY", line: 2 });
    expect(diagnosticsOf(() => readScenario("tiers:\n  level_2: { aht_by_concurrency: [300] }\n", "s.yaml"))[0]).toMatchObject({ code: "CONFIG_UNKNOWN_KEY", line: 2 });
  });

  it("the fixture scenario with the key is the in-house one but for it", () => {
    const shaped = readScenario(readFileSync("fixtures/scenarios/chat-aht-by-concurrency.yaml", "utf8"), "c.yaml");
    const plain = readScenario(readFileSync("fixtures/scenarios/in-house.yaml", "utf8"), "i.yaml");
    const { ahtByConcurrency, ...rest } = shaped.targets.channels.chat!;
    expect(ahtByConcurrency?.valuesSec).toEqual([480, 600]);
    expect(rest).toEqual(plain.targets.channels.chat);
    expect({ ...shaped, name: "", targets: { ...shaped.targets, channels: { ...shaped.targets.channels, chat: rest } } }).toEqual({ ...plain, name: "" });
  });
});
