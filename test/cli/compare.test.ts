import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSweep } from "../../src/cli/compare.js";
import { runCli } from "../helpers/fake-io.js";
import { expectRelative } from "../helpers/relative.js";

const S = "fixtures/scenarios";
const week = "fixtures/forecast-week.csv";
const scenarios = ["sourcing-in-house", "sourcing-nearshore", "sourcing-offshore-shared", "sourcing-hybrid", "sourcing-homeshoring", "sourcing-split"].flatMap((n) => ["--scenario", `${S}/${n}.yaml`]);

interface Totals {
  headcount: number;
  fte: number;
  weeklyCost: number;
  annualCost: number;
  oneOffCost: number;
  costOverYears: number;
  costPerContact: number;
  serviceLevel: number;
  missedIntervals: number;
  splitLossFte: number;
}
interface Role {
  role: string;
  fte: number;
  headcount: number;
  weeklyCost: number;
}
interface ScenarioDoc {
  name: string;
  totals: Totals;
  delta: { headcount: number; annualCost: number } | null;
  roles: Role[];
  sites: { name: string; headcount: number; weeklyCost: number; roles: Role[] }[];
}

describe("ccplan compare", () => {
  it("puts the fixture scenarios side by side in versioned JSON whose figures add up", async () => {
    const r = await runCli(["compare", week, ...scenarios, "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { schemaVersion: number; scenarios: ScenarioDoc[]; cheapest: string; years: number };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.years).toBe(3);
    expect(doc.scenarios.map((s) => s.name)).toEqual([
      "All in-house, Paris",
      "All outsourced, nearshore dedicated",
      "Offshore, shared team",
      "Hybrid, level-1 phone and chat nearshore",
      "Homeshoring, level 1 at home",
      "Split, level-1 live half nearshore",
    ]);
    const first = doc.scenarios[0]!;
    expect(first.delta).toBeNull();
    for (const s of doc.scenarios) {
      expect(Object.keys(s.totals)).toEqual(["headcount", "fte", "weeklyCost", "annualCost", "oneOffCost", "costOverYears", "costPerContact", "serviceLevel", "missedIntervals", "splitLossFte"]);
      // per role, per site and in total
      expect(s.roles.reduce((n, x) => n + x.headcount, 0)).toBe(s.totals.headcount);
      expect(s.sites.reduce((n, x) => n + x.headcount, 0)).toBe(s.totals.headcount);
      expectRelative(s.roles.reduce((n, x) => n + x.weeklyCost, 0), s.totals.weeklyCost, 1e-12);
      expectRelative(s.sites.reduce((n, x) => n + x.weeklyCost, 0), s.totals.weeklyCost, 1e-12);
      for (const site of s.sites) expectRelative(site.roles.reduce((n, x) => n + x.weeklyCost, 0), site.weeklyCost, 1e-12);
      expectRelative(s.totals.costOverYears, 3 * s.totals.annualCost + s.totals.oneOffCost, 1e-12);
      if (s !== first) expect(s.delta!.headcount).toBe(s.totals.headcount - first.totals.headcount);
    }
    const split = doc.scenarios[5]!;
    expect(split.totals.splitLossFte).toBeGreaterThan(0);
    expect(doc.scenarios.slice(0, 5).every((s) => s.totals.splitLossFte === 0)).toBe(true);
    const meeting = doc.scenarios.filter((s) => s.totals.missedIntervals === 0);
    const best = meeting.reduce((a, b) => (b.totals.costOverYears < a.totals.costOverYears ? b : a));
    expect(doc.cheapest).toBe(best.name);
  });

  it("prints a table with deltas and the verdict; CSV per scenario or per site and role", async () => {
    const two = ["--scenario", `${S}/sourcing-in-house.yaml`, "--scenario", `${S}/sourcing-hybrid.yaml`];
    const table = await runCli(["compare", week, ...two]);
    expect(table.code).toBe(0);
    const people = JSON.parse((await runCli(["compare", week, ...two, "--format", "json"])).stdout).scenarios[0].totals.headcount as number;
    expect(table.stdout).toMatch(new RegExp(`│ people\\s+│\\s+${people} │\\s+\\d+ \\([+−]\\d+\\) │`));
    expect(table.stdout).toMatch(/Cheapest meeting every target over 3 years: Hybrid, level-1 phone and chat nearshore \(saves [\d,]+ EUR over 3 years against the baseline, All in-house, Paris\)\./);
    const csv = await runCli(["compare", week, ...two, "--format", "csv"]);
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^scenario,headcount,fte,level_1_headcount,.*,cheapest,baseline,.*,saving_over_years$/);
    expect(lines).toHaveLength(3);
    const bySite = await runCli(["compare", week, ...two, "--format", "csv", "--by", "site"]);
    expect(bySite.stdout.split("\n")[0]).toBe("scenario,site,kind,location,sharing,role,fte,headcount,weekly_cost");
    expect(bySite.stdout).toMatch(/\n"Hybrid, level-1 phone and chat nearshore",Rabat,outsourced,nearshore,dedicated,level-1,/);
  });

  it("applies what-if factors to every scenario and sweeps a factor, saying where the ranking changes", async () => {
    const two = ["--scenario", `${S}/sourcing-in-house.yaml`, "--scenario", `${S}/sourcing-nearshore.yaml`];
    const base = JSON.parse((await runCli(["compare", week, ...two, "--format", "json"])).stdout);
    const more = JSON.parse((await runCli(["compare", week, ...two, "--format", "json", "--volume-factor", "1.2"])).stdout);
    expect(more.whatIf).toEqual({ volumeFactor: 1.2, ahtFactor: 1 });
    expect(more.scenarios[0].totals.fte).toBeGreaterThan(base.scenarios[0].totals.fte);
    const sweep = await runCli(["compare", week, ...two, "--sweep", "volume-factor=0.9:1.1:0.1", "--format", "json"]);
    const doc = JSON.parse(sweep.stdout);
    expect(doc.points.map((p: { value: number }) => p.value)).toEqual([0.9, 1, 1.1]);
    expect(doc.points[1].scenarios[0].costOverYears).toBe(base.scenarios[0].totals.costOverYears);
    const table = await runCli(["compare", week, ...two, "--sweep", "volume-factor=0.9:1.1:0.1"]);
    expect(table.stdout).toMatch(/volume-factor/);
    expect(table.stdout).toMatch(/The cheapest at equal service is the same over the whole sweep\.|changes from/);
  });

  it("a flow that no allocation rule takes, a bad factor or a bad sweep is an input error (exit 2, nothing written)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccplan-compare-"));
    try {
      const file = join(dir, "gap.yaml");
      writeFileSync(file, "sites:\n  - name: A\n  - name: B\nallocation:\n  - match: { channels: [phone] }\n    to: { A: 100% }\n");
      const out = join(dir, "out.json");
      const r = await runCli(["compare", week, "--scenario", file, "--out", out]);
      expect(r.code).toBe(2);
      expect(r.stderr.split("\n")[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: error CONFIG_UNALLOCATED no allocation rule matches .* / (chat|email|mail|social) / inbound / level 1`));
      expect(() => rmSync(out)).toThrow(/ENOENT/);
      expect((await runCli(["compare", week, "--scenario", `${S}/sourcing-in-house.yaml`, "--volume-factor", "-1"])).code).toBe(2);
      const bad = await runCli(["compare", week, "--scenario", `${S}/sourcing-in-house.yaml`, "--sweep", "volume=1:2:0.1"]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/USAGE_BAD_OPTION --sweep: got "volume=1:2:0.1", expected volume-factor=FROM:TO:STEP/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves out of the verdict a scenario with other service targets, and refuses mixed currencies", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccplan-compare-"));
    try {
      const base = readFileSync(`${S}/sourcing-in-house.yaml`, "utf8");
      const loose = join(dir, "loose.yaml");
      writeFileSync(loose, base.replace(/^name: .*$/m, "name: Loose").replace("service_level: 80/20, max_occupancy: 85%, max_abandon: 5%", "service_level: 50/60, max_occupancy: 95%"));
      const r = await runCli(["compare", week, "--scenario", `${S}/sourcing-in-house.yaml`, "--scenario", loose]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Cheapest meeting every target over 3 years: All in-house, Paris \(the baseline itself\)\.\nLeft out, other service targets than the baseline \(All in-house, Paris\): Loose\./);
      const mad = join(dir, "mad.yaml");
      writeFileSync(mad, readFileSync(`${S}/sourcing-nearshore.yaml`, "utf8").replace("currency: EUR", "currency: MAD"));
      const m = await runCli(["compare", week, "--scenario", `${S}/sourcing-in-house.yaml`, "--scenario", mad]);
      expect(m.code).toBe(2);
      expect(m.stderr).toMatch(/error CONFIG_INVALID currency MAD differs from EUR of fixtures\/scenarios\/sourcing-in-house.yaml/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every example of --help runs as written (exit 0)", async () => {
    const help = await runCli(["compare", "--help"]);
    const examples = help.stdout.split("\n").filter((l) => l.startsWith("  $ ccplan compare "));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      const r = await runCli(example.replace("  $ ccplan ", "").split(" "));
      expect([example, r.code]).toEqual([example, 0]);
    }
  });
});

describe("parseSweep", () => {
  it("gives the values from an integer index, without float drift", () => {
    expect(parseSweep("volume-factor=0.8:1.3:0.05")).toEqual({ parameter: "volume-factor", values: [0.8, 0.85, 0.9, 0.95, 1, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3] });
    expect(parseSweep("aht-factor=1:1:0.1")).toEqual({ parameter: "aht-factor", values: [1] });
    expect(parseSweep("volume-factor=1.3:0.8:0.05")).toMatch(/expected 0 < FROM <= TO/);
    expect(parseSweep("volume-factor=0.1:100:0.01")).toMatch(/expected at most 200/);
  });
});
