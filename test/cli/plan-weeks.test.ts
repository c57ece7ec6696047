import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";
import { expectRelative } from "../helpers/relative.js";

const IN_HOUSE = ["--scenario", "fixtures/scenarios/in-house.yaml"];

async function planJson(file: string, ...extra: string[]) {
  const r = await runCli(["plan", file, ...IN_HOUSE, "--format", "json", ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout), stderr: r.stderr };
}

// fixtures/traps/weeks-*.csv come from scripts/make-week-traps.mjs (the fixture week cut and moved as exports do).
describe("ccplan plan: FTE per calendar week on real exports", () => {
  it("a Monday–Friday export plans the same FTE and headcount as the same work in a seven-day file", async () => {
    const weekdays = await planJson("fixtures/traps/weeks-weekdays.csv");
    const seven = await planJson("fixtures/traps/weeks-seven-days.csv");
    expect(weekdays.json.horizon.weeks).toBe(1);
    expectRelative(weekdays.json.totals.fte, seven.json.totals.fte, 1e-12);
    expect(weekdays.json.totals.headcount).toBe(seven.json.totals.headcount);
    expect(weekdays.stderr).not.toContain("PLAN_PARTIAL_WEEK");
  });

  it("a Monday–Saturday export plans the same FTE as the seven-day file", async () => {
    const monSat = await planJson("fixtures/traps/weeks-mon-sat.csv");
    const seven = await planJson("fixtures/traps/weeks-mon-sat-seven.csv");
    expectRelative(monSat.json.totals.fte, seven.json.totals.fte, 1e-12);
  });

  it("an inclusive end (zero rows at the next Monday 00:00) is still one week, with the fixture week's FTE", async () => {
    const inclusive = await planJson("fixtures/traps/weeks-inclusive-end.csv");
    const week = await planJson("fixtures/forecast-week.csv");
    expect(inclusive.json.horizon.weeks).toBe(1);
    expectRelative(inclusive.json.totals.fte, week.json.totals.fte, 1e-12);
    expect(inclusive.json.totals.headcount).toBe(week.json.totals.headcount);
  });

  it("--report weeks: one line per calendar week; the summary says mean week and peak week", async () => {
    const r = await runCli(["plan", "fixtures/traps/weeks-four-growing.csv", ...IN_HOUSE, "--report", "weeks", "--format", "csv"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("week_start,partial,intervals,volume,workload_hours,peak_agents,agent_hours,scheduled_hours,fte,headcount,service_level,asa_sec,abandon_rate,missed_intervals");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14"]);
    const fte = lines.slice(1).map((l) => Number(l.split(",")[8]));
    expect([...fte].sort((a, b) => a - b)).toEqual(fte); // growing 20 % a week
    const { json } = await planJson("fixtures/traps/weeks-four-growing.csv");
    expect(json.horizon.weeks).toBe(4);
    expect(json.peakWeek.weekStart).toBe("2026-12-14");
    expectRelative(json.meanWeek.fte, fte.reduce((a, b) => a + b, 0) / 4, 1e-5);
    const table = await runCli(["plan", "fixtures/traps/weeks-four-growing.csv", ...IN_HOUSE]);
    expect(table.stdout).toMatch(/FTE and headcount are of the mean week: [\d.,]+ FTE, [\d,]+ headcount \(4 weeks\)\.\nPeak week 2026-12-14: [\d.,]+ FTE, [\d,]+ headcount/);
    expect(table.stdout).toContain("Deferred work waiting at the end (not yet due)");
  });

  it("week 1 of four growing weeks plans as it does alone (no backlog wrapped from week 4)", async () => {
    const month = await runCli(["plan", "fixtures/traps/weeks-four-growing.csv", ...IN_HOUSE, "--report", "weeks", "--format", "json"]);
    const week1 = JSON.parse(month.stdout).rows[0];
    const alone = await planJson("fixtures/forecast-week.csv");
    expectRelative(week1.fte, alone.json.totals.fte, 0.005);
  });

  it("warns about partial first and last weeks, naming their dates; --weeks 1 plans the rolling week as one", async () => {
    const r = await runCli(["plan", "fixtures/traps/weeks-partial.csv", ...IN_HOUSE, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("fixtures/traps/weeks-partial.csv: warning PLAN_PARTIAL_WEEK the first week (from 2026-11-23) has rows only 2026-11-25 to 2026-11-29");
    expect(r.stderr).toContain("warning PLAN_PARTIAL_WEEK the last week (from 2026-11-30) has rows only 2026-11-30 to 2026-12-01");
    const one = await planJson("fixtures/traps/weeks-partial.csv", "--weeks", "1");
    expect(one.stderr).not.toContain("PLAN_PARTIAL_WEEK");
    expect(one.json.horizon).toMatchObject({ weeks: 1, weeksGiven: true, weeksStart: "2026-11-25T00:00", weeksEnd: "2026-12-02T00:00" });
    // the same work as the fixture week, moved: within a few tenths of a percent of its FTE
    const week = await planJson("fixtures/forecast-week.csv");
    expectRelative(one.json.totals.fte, week.json.totals.fte, 0.01);
  });

  it("--weeks takes a whole number of weeks, else exit 2", async () => {
    for (const bad of ["0", "1.5", "abc", "600"]) {
      const r = await runCli(["plan", "fixtures/forecast-week.csv", "--weeks", bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("USAGE_BAD_OPTION --weeks");
    }
  });

  it("compare and gaps take --weeks too, and compare's weekly cost follows the weeks", async () => {
    const args = ["compare", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/sourcing-in-house.yaml", "--format", "json"];
    const one = JSON.parse((await runCli(args)).stdout);
    const two = JSON.parse((await runCli([...args, "--weeks", "2"])).stdout);
    const cost = (c: { scenarios: { totals: { weeklyCost: number } }[] }) => c.scenarios[0]!.totals.weeklyCost;
    expect(cost(two)).toBeLessThan(cost(one) * 0.6);
    const gaps = await runCli(["gaps", "fixtures/forecast-week.csv", "--roster", "fixtures/roster.csv", "--scenario", "fixtures/scenarios/gaps-two-sites.yaml", "--weeks", "x"]);
    expect(gaps.code).toBe(2);
  });

  it("compare refuses scenarios planned over different weeks (horizon, week_start), unless --weeks sets them all", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccplan-weeks-"));
    try {
      const base = readFileSync("fixtures/scenarios/sourcing-in-house.yaml", "utf8");
      writeFileSync(join(dir, "h4.yaml"), `${base}\nhorizon: 4\n`);
      writeFileSync(join(dir, "sun.yaml"), `${base}\nweek_start: sunday\n`);
      const args = ["compare", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/sourcing-in-house.yaml", "--scenario"];
      const h4 = await runCli([...args, join(dir, "h4.yaml")]);
      expect(h4.code).toBe(2);
      expect(h4.stderr).toContain("h4.yaml: error CONFIG_INVALID horizon is 4 weeks here but the forecast's calendar weeks in fixtures/scenarios/sourcing-in-house.yaml");
      expect((await runCli([...args, join(dir, "h4.yaml"), "--weeks", "1"])).code).toBe(0);
      const sun = await runCli([...args, join(dir, "sun.yaml")]);
      expect(sun.code).toBe(2);
      expect(sun.stderr).toContain("week_start is sunday here but monday");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
