import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";

const SHAPED = "fixtures/scenarios/chat-aht-by-concurrency.yaml";
const dir = mkdtempSync(join(tmpdir(), "ccplan-aht-shape-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture scenario with another aht_by_concurrency. */
function withKey(values: string): string {
  const file = join(dir, `s${values.length}-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, readFileSync(SHAPED, "utf8").replace('aht_by_concurrency: [8:00, "10:00"]', `aht_by_concurrency: ${values}`));
  return file;
}

interface QueueJson {
  channel: string;
  typology: string;
}

describe("ccplan plan/compare with a channel's aht_by_concurrency", () => {
  it("changes the chat queues only, and warns at the key that the forecast's patience is not used", async () => {
    const shaped = await runCli(["plan", "fixtures/forecast-week.csv", "--scenario", SHAPED, "--format", "json"]);
    const plain = await runCli(["plan", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/in-house.yaml", "--format", "json"]);
    expect(shaped.code).toBe(0);
    expect(shaped.stderr).toMatch(/^fixtures\/scenarios\/chat-aht-by-concurrency\.yaml:16:71: warning CONFIG_IMPLAUSIBLE targets\.channels\.chat\.aht_by_concurrency: chat: .*patience of 816 forecast rows is not used/);
    expect(shaped.stderr.trim().split("\n")).toHaveLength(1);
    const a = JSON.parse(shaped.stdout).queues as QueueJson[];
    const b = JSON.parse(plain.stdout).queues as QueueJson[];
    expect(a.filter((q) => q.channel !== "chat")).toEqual(b.filter((q) => q.channel !== "chat"));
    expect(a.filter((q) => q.channel === "chat")).not.toEqual(b.filter((q) => q.channel === "chat"));
  });

  it("warns when the forecast's mean chat AHT is more than 25 % from the key's last value, with both figures", async () => {
    const file = withKey('[5:00, "6:15"]');
    const r = await runCli(["plan", "fixtures/forecast-week.csv", "--scenario", file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${file}:16:71: warning CONFIG_IMPLAUSIBLE targets.channels.chat.aht_by_concurrency: chat: the forecast's mean AHT is 589 s, the duration at full concurrency here 375 s (+57%)`);
  });

  it("refuses a key with other than concurrency values: exit 2 at its line and column", async () => {
    const file = withKey("[300, 360, 450]");
    const r = await runCli(["plan", "fixtures/forecast-week.csv", "--scenario", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:16:71: error CONFIG_INVALID targets.channels.chat.aht_by_concurrency: got 3 values for a concurrency of 2`);
  });

  it("compare plans with the key and gives its warnings once", async () => {
    const r = await runCli(["compare", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/in-house.yaml", "--scenario", SHAPED, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^fixtures\/scenarios\/chat-aht-by-concurrency\.yaml:16:71: warning CONFIG_IMPLAUSIBLE .*patience of 816 forecast rows/)]);
    const solo = await runCli(["plan", "fixtures/forecast-week.csv", "--scenario", SHAPED, "--format", "json"]);
    const compared = JSON.parse(r.stdout).scenarios[1].totals;
    const planned = JSON.parse(solo.stdout);
    expect(compared.serviceLevel).toBeCloseTo(planned.totals.serviceLevel, 12);
    expect(compared.serviceLevel).not.toBeCloseTo(JSON.parse(r.stdout).scenarios[0].totals.serviceLevel, 3);
  });
});
