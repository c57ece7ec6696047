import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";
import { expectRelative } from "../helpers/relative.js";

const FORECAST = "fixtures/forecast-week.csv";
const IN_HOUSE = "fixtures/scenarios/in-house.yaml";
const dir = mkdtempSync(join(tmpdir(), "ccplan-what-if-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file in the temp folder. */
function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function planJson(...args: string[]) {
  const r = await runCli(["plan", ...args, "--format", "json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** The flag changed something: the plan's total FTE moved from the scenario's own. */
async function expectChanged(plan: Record<string, unknown>, ...args: string[]) {
  const fte = (p: Record<string, unknown>) => (p.totals as { fte: number }).fte;
  expect(fte(plan)).not.toBe(fte(await planJson(...args)));
}

/** Two plans are the same: numbers within a relative 1e-9 (a scaled shrinkage is exact to the last bits only), the rest exact; `whatIf` aside. */
function expectSamePlan(actual: unknown, expected: unknown, path = "plan"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    if (Number.isInteger(expected) && Number.isInteger(actual)) expect(actual, path).toBe(expected);
    else expectRelative(actual, expected, 1e-9, path);
    return;
  }
  if (expected === null || typeof expected !== "object") {
    expect(actual, path).toEqual(expected);
    return;
  }
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => k !== "whatIf");
  expect(keys(a), path).toEqual(keys(e));
  for (const k of keys(e)) expectSamePlan(a[k], e[k], `${path}.${k}`);
}

describe("ccplan plan: what-if flags give the plan of the scenario edited", () => {
  const scenario = readFileSync(IN_HOUSE, "utf8");

  it("--shrinkage 30% plans as a scenario whose components combine to 30%", async () => {
    const one = write("one-component.yaml", scenario.replace(/^shrinkage:[\s\S]*?\n\n/m, "shrinkage: { absence: 20% }\n\n"));
    const edited = write("thirty.yaml", scenario.replace(/^shrinkage:[\s\S]*?\n\n/m, "shrinkage: { absence: 30% }\n\n"));
    const flag = await planJson(FORECAST, "--scenario", one, "--shrinkage", "30%");
    expectSamePlan(flag, await planJson(FORECAST, "--scenario", edited));
    expectRelative(flag.shrinkage as number, 0.3, 1e-12);
    await expectChanged(flag, FORECAST, "--scenario", one);
    expect(flag.whatIf).toEqual({ shrinkage: 0.3 });
  });

  it("--occupancy 80% plans as every max_occupancy at 80%", async () => {
    const text = scenario.replace(/max_occupancy: \d+%/g, "max_occupancy: 80%");
    expect(text.match(/max_occupancy: 80%/g)).toHaveLength(3);
    const flag = await planJson(FORECAST, "--scenario", IN_HOUSE, "--occupancy", "80%");
    expectSamePlan(flag, await planJson(FORECAST, "--scenario", write("occupancy.yaml", text)));
    await expectChanged(flag, FORECAST, "--scenario", IN_HOUSE);
  });

  it("--sl 90/30 plans as the sync class and chat at 90/30", async () => {
    const edited = write("sl.yaml", scenario.replace("service_level: 80/20", "service_level: 90/30").replace("service_level: 80/60", "service_level: 90/30"));
    const flag = await planJson(FORECAST, "--scenario", IN_HOUSE, "--sl", "90/30");
    expectSamePlan(flag, await planJson(FORECAST, "--scenario", edited));
    expect(flag.whatIf).toEqual({ serviceLevel: 0.9, answerWithinSec: 30 });
    await expectChanged(flag, FORECAST, "--scenario", IN_HOUSE);
  });

  it("--sl 90% keeps each threshold (phone 20 s, chat 60 s)", async () => {
    const edited = write("sl-share.yaml", scenario.replace("service_level: 80/20", "service_level: 90/20").replace("service_level: 80/60", "service_level: 90/60"));
    const flag = await planJson(FORECAST, "--scenario", IN_HOUSE, "--sl", "90%");
    expectSamePlan(flag, await planJson(FORECAST, "--scenario", edited));
    await expectChanged(flag, FORECAST, "--scenario", IN_HOUSE);
  });

  it("--contract-hours 39 plans as contract_hours: 39", async () => {
    const edited = write("hours.yaml", scenario.replace(/^contract_hours: 35/m, "contract_hours: 39"));
    const flag = await planJson(FORECAST, "--scenario", IN_HOUSE, "--contract-hours", "39");
    expectSamePlan(flag, await planJson(FORECAST, "--scenario", edited));
    await expectChanged(flag, FORECAST, "--scenario", IN_HOUSE);
  });

  it("--volume-factor 1.1 --aht-factor 0.9 plan as the forecast with volumes, attempts and handle times scaled", async () => {
    const [head, ...rows] = readFileSync(FORECAST, "utf8").trimEnd().split("\n");
    const names = head!.split(",");
    const scale: Record<string, number> = { volume: 1.1, attempts: 1.1, aht: 0.9 };
    const edited = rows.map((line) =>
      line
        .split(",")
        .map((cell, k) => (scale[names[k]!] !== undefined && cell !== "" ? String(Number(cell) * scale[names[k]!]!) : cell))
        .join(","),
    );
    const forecast = write("scaled.csv", [head, ...edited].join("\n") + "\n");
    const flag = await planJson(FORECAST, "--scenario", IN_HOUSE, "--volume-factor", "1.1", "--aht-factor", "0.9");
    expectSamePlan(flag, await planJson(forecast, "--scenario", IN_HOUSE));
    expect(flag.whatIf).toEqual({ volumeFactor: 1.1, ahtFactor: 0.9 });
    await expectChanged(flag, FORECAST, "--scenario", IN_HOUSE);
  });

  it("the flags win over the scenario's sites, and --site plans with them", async () => {
    const r = await runCli(["plan", FORECAST, "--scenario", "fixtures/scenarios/sourcing-split.yaml", "--site", "Paris", "--contract-hours", "39", "--volume-factor", "1.2", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ contractHours: 39, whatIf: { volumeFactor: 1.2, contractHours: 39 } });
  });
});

describe("ccplan plan: what-ifs listed under inputs and assumptions", () => {
  it("the table title lists them as flags, in lines of at most 80 columns", async () => {
    const one = await runCli(["plan", FORECAST, "--aht-factor", "1.1", "--sl", "80/20"]);
    expect(one.stdout.split("\n").slice(0, 4)).toEqual([expect.stringMatching(/^Plan "default"/), expect.stringMatching(/^Shrinkage /), "What-ifs: --aht-factor 1.1, --sl 80/20", ""]);
    const all = await runCli(["plan", FORECAST, "--volume-factor", "1.05", "--aht-factor", "1.1", "--shrinkage", "0.3", "--occupancy", "85", "--sl", "80/20", "--contract-hours", "39"]);
    const lines = all.stdout.split("\n").slice(2, 4);
    expect(lines).toEqual(["What-ifs: --volume-factor 1.05, --aht-factor 1.1, --shrinkage 30%,", "  --occupancy 85%, --sl 80/20, --contract-hours 39"]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("the HTML inputs section lists them", async () => {
    const r = await runCli(["plan", FORECAST, "--occupancy", "85%", "--format", "html"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("<dt>what-ifs</dt><dd>--occupancy 85% (over the scenario)</dd>");
  });

  it("without a flag: no whatIf in the JSON, no what-ifs line or entry", async () => {
    const json = await planJson(FORECAST);
    expect(json).not.toHaveProperty("whatIf");
    expect((await runCli(["plan", FORECAST])).stdout).not.toContain("What-ifs");
    expect((await runCli(["plan", FORECAST, "--format", "html"])).stdout).not.toContain("what-ifs");
  });
});

describe("ccplan plan: what-ifs as planners write them", () => {
  it("--aht-factor +10% is --aht-factor 1.1, -5% is 0.95, 110% is 1.1, and 1,1 (decimal comma) is 1.1", async () => {
    const base = await planJson(FORECAST, "--aht-factor", "1.1", "--volume-factor", "0.95");
    for (const [aht, volume] of [["+10%", "-5%"], ["110%", "95%"], ["1,1", "0,95"]]) {
      const other = await planJson(FORECAST, "--aht-factor", aht!, "--volume-factor", volume!);
      expect(other.totals, `${aht} ${volume}`).toEqual(base.totals);
    }
  });

  it("--shrinkage 30,5% and --contract-hours 35,5 read their decimal comma", async () => {
    const comma = await planJson(FORECAST, "--shrinkage", "30,5%", "--contract-hours", "35,5");
    const point = await planJson(FORECAST, "--shrinkage", "30.5%", "--contract-hours", "35.5");
    expect(comma.totals).toEqual(point.totals);
  });

  it("compare takes the same factors: --aht-factor +10% equals 1.1", async () => {
    const S = ["--scenario", "fixtures/scenarios/sourcing-in-house.yaml", "--format", "json"];
    const a = await runCli(["compare", FORECAST, ...S, "--aht-factor", "+10%"]);
    const b = await runCli(["compare", FORECAST, ...S, "--aht-factor", "1.1"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe("ccplan plan: bad what-if values", () => {
  it.each([
    ["--volume-factor", "0"],
    ["--volume-factor", "abc"],
    ["--aht-factor", "-1"],
    ["--aht-factor", "-100%"],
    ["--volume-factor", "+x%"],
    ["--shrinkage", "95%"],
    ["--shrinkage", "120%"],
    ["--occupancy", "0"],
    ["--occupancy", "x"],
    ["--sl", "80/20/5"],
    ["--sl", "100/20"],
    ["--sl", "abc"],
    ["--contract-hours", "0.8"],
    ["--contract-hours", "90"],
  ])("%s %s exits 2 with USAGE_BAD_OPTION and the value", async (flag, value) => {
    const r = await runCli(["plan", FORECAST, flag, value]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`error USAGE_BAD_OPTION ${flag}: got "${value}", expected `);
  });

  it("every bad flag is reported at once", async () => {
    const r = await runCli(["plan", FORECAST, "--sl", "abc", "--contract-hours", "2"]);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/USAGE_BAD_OPTION/g)).toHaveLength(2);
  });
});
