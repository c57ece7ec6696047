import { describe, expect, it } from "vitest";
import { baselineIndex } from "../../src/cli/compare.js";
import { runCli } from "../helpers/fake-io.js";

const S = "fixtures/scenarios";
const week = "fixtures/forecast-week.csv";
const IN_HOUSE = `${S}/sourcing-in-house.yaml`;
const NEARSHORE = `${S}/sourcing-nearshore.yaml`;
const HYBRID = `${S}/sourcing-hybrid.yaml`;
const three = ["--scenario", IN_HOUSE, "--scenario", NEARSHORE, "--scenario", HYBRID];
const CENT = 0.005;

interface Doc {
  baseline: string;
  baselineFile: string;
  baselineFrom: string;
  cheapest: string | null;
  years: number;
  scenarios: {
    name: string;
    baseline: boolean;
    savingOverYears: number | null;
    totals: { headcount: number; fte: number; annualCost: number; oneOffCost: number; costOverYears: number; costPerContact: number; serviceLevel: number };
    delta: { headcount: number; fte: number; annualCost: number; costOverYears: number; costPerContact: number; serviceLevel: number } | null;
    sites: { name: string; weeklyCost: number | null; annualCost: number | null; oneOffCost: number | null }[];
    costBuildUp: { site: string; lines: { period: string; amount: number; quantity: number; rate: number | null }[]; weeklyCost: number | null; annualCost: number | null; oneOffCost: number | null; notCounted: string[] }[];
  }[];
}

const json = async (...extra: string[]): Promise<Doc> => {
  const r = await runCli(["compare", week, ...three, "--format", "json", ...extra]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Doc;
};

describe("compare --baseline", () => {
  it("defaults to the first scenario given, and says so in the table and the JSON", async () => {
    const doc = await json();
    expect(doc.baseline).toBe("All in-house, Paris");
    expect(doc.baselineFile).toBe(IN_HOUSE);
    expect(doc.baselineFrom).toBe("first");
    expect(doc.scenarios.map((s) => s.baseline)).toEqual([true, false, false]);
    expect(doc.scenarios[0]!.delta).toBeNull();
    expect(doc.scenarios[0]!.savingOverYears).toBe(0);
    const table = await runCli(["compare", week, ...three]);
    expect(table.stdout).toContain("Baseline: All in-house, Paris (the first scenario given); deltas and savings are against it.");
  });

  it("takes a scenario by name or by its file as given; deltas are this − the baseline, savings the baseline's cost over the years − this one's", async () => {
    const first = await json();
    const byName = await json("--baseline", "All outsourced, nearshore dedicated");
    const byFile = await json("--baseline", NEARSHORE);
    expect(byFile).toEqual({ ...byName });
    expect(byName.baseline).toBe("All outsourced, nearshore dedicated");
    expect(byName.baselineFrom).toBe("--baseline");
    expect(byName.scenarios.map((s) => s.baseline)).toEqual([false, true, false]);
    expect(byName.scenarios[1]!.delta).toBeNull();
    const base = byName.scenarios[1]!.totals;
    for (const s of byName.scenarios.filter((x) => !x.baseline)) {
      const t = s.totals;
      expect(s.delta!.headcount).toBe(t.headcount - base.headcount);
      expect(Math.abs(s.delta!.annualCost - (t.annualCost - base.annualCost))).toBeLessThan(CENT);
      expect(Math.abs(s.delta!.costPerContact - (t.costPerContact - base.costPerContact))).toBeLessThan(1e-9);
      expect(Math.abs(s.delta!.serviceLevel - (t.serviceLevel - base.serviceLevel))).toBeLessThan(1e-12);
      expect(Math.abs(s.savingOverYears! - (base.costOverYears - t.costOverYears))).toBeLessThan(CENT);
    }
    // nearshore has fewer people than in-house: against in-house its delta is negative, against it in-house's is positive
    expect(first.scenarios[1]!.delta!.headcount).toBeLessThan(0);
    expect(byName.scenarios[0]!.delta!.headcount).toBe(-first.scenarios[1]!.delta!.headcount);
    expect(byName.scenarios[0]!.savingOverYears).toBeLessThan(0);
    // the cheapest does not change with the baseline (same targets)
    expect(byName.cheapest).toBe(first.cheapest);
    const table = await runCli(["compare", week, ...three, "--baseline", "all outsourced, nearshore dedicated"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("Baseline: All outsourced, nearshore dedicated (--baseline)");
  });

  it("an unknown baseline is USAGE_BAD_OPTION (exit 2) with the names and a did-you-mean, before any planning", async () => {
    const r = await runCli(["compare", week, ...three, "--baseline", "All in-house Paris"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/error USAGE_BAD_OPTION --baseline: got "All in-house Paris", expected a scenario's name or file: "All in-house, Paris" \(fixtures\/scenarios\/sourcing-in-house\.yaml\), .*; did you mean "All in-house, Paris"\?/);
    const none = await runCli(["compare", week, ...three, "--baseline", "offshore", "--format", "json"]);
    expect(none.code).toBe(2);
    expect(JSON.stringify(JSON.parse(none.stdout))).toMatch(/USAGE_BAD_OPTION/);
  });

  it("baselineIndex: file first, then the exact name, then the name in any case; a name two files share asks for the file", () => {
    const files = ["a.yaml", "b.yaml", "c.yaml"];
    expect(baselineIndex("b.yaml", files, ["X", "Y", "Z"])).toBe(1);
    expect(baselineIndex("Z", files, ["X", "Y", "Z"])).toBe(2);
    expect(baselineIndex("z", files, ["X", "Y", "Z"])).toBe(2);
    expect(baselineIndex("Same", files, ["Same", "Same", "Z"])).toMatch(/the name of 2 scenarios \(a\.yaml, b\.yaml\): expected one of their files/);
    expect(baselineIndex("Same", ["a.yaml", "a.yaml"], ["Same", "Same"])).toBe(0);
    expect(baselineIndex("W", files, ["X", "Y", "Z"])).not.toMatch(/did you mean/);
  });

  it("baselineIndex: the same file written another way (./, absolute, its base name when no other file has it), never suggesting what was typed", () => {
    const files = ["fixtures/scenarios/a.yaml", "fixtures/scenarios/b.yaml", "other/b.yaml"];
    expect(baselineIndex("./fixtures/scenarios/a.yaml", files, ["X", "Y", "Z"])).toBe(0);
    expect(baselineIndex(`${process.cwd()}/fixtures/scenarios/b.yaml`, files, ["X", "Y", "Z"])).toBe(1);
    expect(baselineIndex("a.yaml", files, ["X", "Y", "Z"])).toBe(0);
    expect(baselineIndex("b.yaml", files, ["X", "Y", "Z"])).toMatch(/^--baseline: got "b\.yaml", expected a scenario's name or file/);
    expect(baselineIndex("b.yaml", files, ["X", "Y", "Z"])).not.toMatch(/did you mean "b\.yaml"/);
  });

  it("CSV: a baseline column, deltas blank for the baseline, the saving over the years; the build-up's lines with --report build-up", async () => {
    const csv = await runCli(["compare", week, ...three, "--format", "csv", "--baseline", HYBRID]);
    const [head, ...lines] = csv.stdout.trim().split("\n");
    const names = head!.split(",");
    const col = (line: string, name: string) => line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ""))[names.indexOf(name)];
    expect(lines.map((l) => col(l, "baseline"))).toEqual(["false", "false", "true"]);
    expect(col(lines[2]!, "delta_headcount")).toBe("");
    expect(col(lines[2]!, "saving_over_years")).toBe("0");
    expect(Number(col(lines[0]!, "delta_headcount"))).toBeGreaterThan(0);
    const build = await runCli(["compare", week, ...three, "--format", "csv", "--report", "build-up"]);
    expect(build.code).toBe(0);
    expect(build.stdout.split("\n")[0]).toBe("scenario,baseline,site,site_kind,pricing,period,item,role,quantity,unit,rate,amount,excluded,how");
    expect(build.stdout).toMatch(/\n"Hybrid, level-1 phone and chat nearshore",false,Rabat,outsourced,per-productive-hour,week,level-1,level-1,[\d.]+,productive-hour,36,[\d.]+,,/);
    const conflict = await runCli(["compare", week, ...three, "--format", "csv", "--report", "build-up", "--by", "site"]);
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toMatch(/error USAGE_CONFLICT --by site cannot be used with --report build-up/);
  });
});

describe("compare's cost build-up on the fixtures", () => {
  it("adds up, to the cent, to each site's weekly, annual and one-off cost, and the sites to the figures the ranking uses (six sourcing scenarios)", async () => {
    const six = ["in-house", "nearshore", "offshore-shared", "hybrid", "homeshoring", "split"].flatMap((n) => ["--scenario", `${S}/sourcing-${n}.yaml`]);
    const r = await runCli(["compare", week, ...six, "--format", "json"]);
    const doc = JSON.parse(r.stdout) as Doc;
    let lines = 0;
    for (const s of doc.scenarios) {
      expect(s.costBuildUp.map((b) => b.site)).toEqual(s.sites.map((x) => x.name));
      s.costBuildUp.forEach((b, k) => {
        const site = s.sites[k]!;
        const sum = (period: string) => b.lines.filter((l) => l.period === period).reduce((n, l) => n + l.amount, 0);
        expect(Math.abs(sum("week") - site.weeklyCost!)).toBeLessThan(CENT);
        expect(Math.abs(sum("year") - site.annualCost!)).toBeLessThan(CENT);
        expect(Math.abs(sum("one-off") - site.oneOffCost!)).toBeLessThan(CENT);
        expect(b.notCounted.length).toBeGreaterThan(0);
        lines += b.lines.length;
      });
      const total = (f: (x: Doc["scenarios"][number]["costBuildUp"][number]) => number) => s.costBuildUp.reduce((n, b) => n + f(b), 0);
      const annual = total((b) => b.lines.filter((l) => l.period === "year").reduce((n, l) => n + l.amount, 0));
      const oneOff = total((b) => b.lines.filter((l) => l.period === "one-off").reduce((n, l) => n + l.amount, 0));
      expect(Math.abs(annual * doc.years + oneOff - s.totals.costOverYears)).toBeLessThan(CENT * (doc.years + 1));
    }
    expect(lines).toBeGreaterThan(60);
  });
});
