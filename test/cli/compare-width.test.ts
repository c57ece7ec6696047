import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";

const S = "fixtures/scenarios";
const week = "fixtures/forecast-week.csv";
const NAMES = ["All in-house, Paris", "All outsourced, nearshore dedicated", "Offshore, shared team", "Hybrid, level-1 phone and chat nearshore", "Homeshoring, level 1 at home", "Split, level-1 live half nearshore"];
const six = ["in-house", "nearshore", "offshore-shared", "hybrid", "homeshoring", "split"].flatMap((n) => ["--scenario", `${S}/sourcing-${n}.yaml`]);

const widest = (text: string) => Math.max(...text.split("\n").map((l) => stringWidth(l)));
/** The header rows of the box tables: the cells of each line that starts a table's header. */
const headers = (text: string) => text.split("\n").filter((l, k, all) => l.startsWith("│") && all[k - 1]?.startsWith("┌"));

describe("compare within the terminal's width", () => {
  for (const width of [80, 120]) {
    it(`six sourcing scenarios: every line of the comparison and of the cost build-up within ${width} columns, every scenario name whole`, async () => {
      const r = await runCli(["compare", week, ...six, "--width", String(width)]);
      expect(r.code).toBe(0);
      expect(widest(r.stdout)).toBeLessThanOrEqual(width);
      const colour = await runCli(["compare", week, ...six, "--width", String(width)], { FORCE_COLOR: "1" });
      expect(colour.stdout).toContain("\u001b[1m");
      expect(widest(colour.stdout)).toBeLessThanOrEqual(width);
      // the names are listed whole, each with its column key; the columns carry the keys
      NAMES.forEach((name, k) => expect(r.stdout).toContain(`#${k + 1}   ${name}`));
      const keys = headers(r.stdout).flatMap((h) => [...h.matchAll(/#(\d)/g)].map((m) => Number(m[1])));
      expect(keys).toEqual([1, 2, 3, 4, 5, 6]);
      // no figure is dropped: every cost over 3 years of the JSON is in the table
      const doc = JSON.parse((await runCli(["compare", week, ...six, "--format", "json"])).stdout) as { scenarios: { totals: { costOverYears: number } }[] };
      for (const s of doc.scenarios) expect(r.stdout).toContain(Math.round(s.totals.costOverYears).toLocaleString("en-US"));
    });
  }

  it("at 120 columns the six scenarios are one table; at 80 two tables of three", async () => {
    const wide = await runCli(["compare", week, ...six, "--width", "120", "--report", "comparison"]);
    const narrow = await runCli(["compare", week, ...six, "--width", "80"]);
    const comparisonTables = (text: string) => headers(text.split("Cost build-up")[0]!);
    expect(comparisonTables(wide.stdout)).toHaveLength(1);
    expect(comparisonTables(narrow.stdout)).toHaveLength(2);
  });

  it("two scenarios whose names fit keep the names as column headers, deltas on rows of their own at 80 columns", async () => {
    const two = ["--scenario", `${S}/sourcing-in-house.yaml`, "--scenario", `${S}/sourcing-offshore-shared.yaml`];
    const r = await runCli(["compare", week, ...two, "--width", "80"]);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(headers(r.stdout)[0]).toMatch(/│ All in-house, Paris │ Offshore, shared team │/);
    expect(r.stdout).toMatch(/│   vs baseline +│ +│ +−\d+ │/);
  });

  it("without a width (a pipe), the layout of old: names as headers, deltas in brackets", async () => {
    const r = await runCli(["compare", week, ...six.slice(0, 4)]);
    expect(headers(r.stdout)[0]).toMatch(/│ All in-house, Paris │ All outsourced, nearshore dedicated │/);
    expect(r.stdout).toMatch(/│ people +│ +\d+ │ +\d+ \(−\d+\) │/);
  });

  it("a sweep within 80 and 120 columns: the ranking and the cheapest first, every scenario's cost after, none hidden", async () => {
    for (const width of [80, 120]) {
      const r = await runCli(["compare", week, ...six, "--sweep", "volume-factor=0.9:1.1:0.1", "--width", String(width)]);
      expect(r.code).toBe(0);
      expect(widest(r.stdout)).toBeLessThanOrEqual(width);
      expect(r.stdout).not.toMatch(/hidden/);
      NAMES.forEach((name, k) => expect(r.stdout).toContain(`#${k + 1}   ${name}`));
      const keys = headers(r.stdout).flatMap((h) => [...h.matchAll(/#(\d) │/g)].map((m) => Number(m[1])));
      expect(keys.slice().sort()).toEqual([1, 2, 3, 4, 5, 6]);
      expect(headers(r.stdout)[0]).toMatch(/│ volume-factor │ ranking +│ cheapest │/);
    }
  });

  it("--report build-up alone fits 80 columns, and says how to see the column it leaves out", async () => {
    const r = await runCli(["compare", week, ...six, "--report", "build-up", "--width", "80"]);
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toContain("Baseline:");
    expect(r.stdout).toMatch(/The "how" column is left out at 80 columns: --wide shows it/);
    const wide = await runCli(["compare", week, ...six, "--report", "build-up", "--width", "80", "--wide"]);
    expect(wide.stdout).toMatch(/│ how +│/);
  });
});
