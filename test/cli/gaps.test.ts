import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";
import { expectRelative } from "../helpers/relative.js";

const base = ["gaps", "fixtures/forecast-week.csv", "--roster", "fixtures/roster.csv", "--scenario", "fixtures/scenarios/gaps-two-sites.yaml"];

describe("ccplan gaps", () => {
  it("gives the fixture roster's skills, hires and trainings in versioned JSON whose figures add up", async () => {
    const r = await runCli([...base, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, report: "gaps", minLevel: 1, hireFte: 0.9, trainingStatus: "optimal" });
    expect(Object.keys(doc.skills[0])).toEqual(["typology", "channel", "tier", "site", "requiredFte", "coveredFte", "gapFte", "surplusFte", "holders", "holdersFte", "peakAgents", "peakShortAgents"]);
    expect(new Set(doc.skills.map((s: { site: string }) => s.site))).toEqual(new Set(["Lyon", "Paris"]));
    const sum = (xs: { [k: string]: number }[], k: string) => xs.reduce((n, x) => n + x[k]!, 0);
    expectRelative(sum(doc.skills, "requiredFte"), doc.totals.requiredFte, 1e-12);
    expectRelative(sum(doc.skills, "coveredFte"), doc.totals.coveredFte, 1e-12);
    expectRelative(sum(doc.people, "allocatedFte"), doc.totals.coveredFte, 1e-6);
    expect(doc.totals.gapFte).toBeGreaterThan(0);
    expect(doc.totals.hires).toBe(doc.hires.reduce((n: number, h: { count: number }) => n + h.count, 0));
    expect(doc.totals.trainings).toBe(doc.trainings.length);
    expect(doc.totals.gapAfterTrainingFte).toBeLessThan(doc.totals.gapFte);
    // the naive count misses gaps: some skill short although its holders' FTE exceeds its need
    expect(doc.skills.some((s: { gapFte: number; holdersFte: number; requiredFte: number }) => s.gapFte > 0.1 && s.holdersFte >= s.requiredFte)).toBe(true);
  });

  it("prints the tables and the training plan; --fail-on-gap exits 1 when a gap remains", async () => {
    const t = await runCli(base);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^Gaps of fixtures\/roster\.csv against fixtures\/forecast-week\.csv/);
    expect(t.stdout).toMatch(/Hires that close every gap \(fewest people\):/);
    expect(t.stdout).toMatch(/\ntrain 1 level-\d agent in (Lyon|Paris) \(.+\) on .+: [\d.]+ FTE of it \(gap there [\d.]+ FTE\)\n/);
    expect((await runCli([...base, "--fail-on-gap", "--format", "csv"])).code).toBe(1);
  });

  it("writes each table as CSV", async () => {
    const heads = {
      skills: "typology,channel,tier,site,required_fte,holders,holders_fte,covered_fte,gap_fte,surplus_fte,peak_agents,peak_short_agents",
      people: "agent_id,site,tier,fte,allocated_fte,idle_fte,allocation",
      hires: "when,tier,site,skills,count,closes_fte",
      trainings: "agent_id,site,tier,holds,skill,fte",
    };
    for (const [report, head] of Object.entries(heads)) {
      const r = await runCli([...base, "--format", "csv", "--report", report]);
      expect(r.stdout.split("\n")[0]).toBe(head);
    }
  });

  it("warns about roster sites and skills the plan does not use, and refuses bad options (exit 2)", async () => {
    const r = await runCli(["gaps", "fixtures/forecast-week.csv", "--roster", "fixtures/roster.csv", "--scenario", "fixtures/scenarios/sourcing-in-house.yaml", "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^fixtures\/roster\.csv: warning PLAN_UNUSED_RULE site "Lyon" has no in-house work in the plan/);
    expect((await runCli([...base, "--min-level", "4"])).stderr).toMatch(/USAGE_BAD_OPTION --min-level: got "4", expected 1, 2 or 3/);
    expect((await runCli([...base, "--productivity", "1,2"])).code).toBe(2);
    const bad = await runCli(["gaps", "fixtures/forecast-week.csv", "--roster", "fixtures/bad/forecast-bad.csv"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/CSV_WRONG_KIND this looks like a forecast .*, not a roster/);
  });

  it("every example of --help runs as written (exit 0)", async () => {
    const help = await runCli(["gaps", "--help"]);
    const examples = help.stdout.split("\n").filter((l) => l.startsWith("  $ ccplan gaps "));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) expect([example, (await runCli(example.replace("  $ ccplan ", "").split(" "))).code]).toEqual([example, 0]);
  });

  it("compare --roster adds each scenario's in-house gaps", async () => {
    const r = await runCli(["compare", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/gaps-two-sites.yaml", "--scenario", "fixtures/scenarios/sourcing-hybrid.yaml", "--roster", "fixtures/roster.csv", "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const gaps = (await runCli([...base, "--format", "json"])).stdout;
    expect(doc.scenarios[0].gaps).toEqual(JSON.parse(gaps).totals);
    expect(doc.scenarios[1].gaps.gapFte).toBeGreaterThan(doc.scenarios[0].gaps.gapFte); // Lyon's people cover nothing there
    const html = await runCli(["compare", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/gaps-two-sites.yaml", "--roster", "fixtures/roster.csv", "--format", "html"]);
    expect(html.stdout).toMatch(/<th>roster gaps<\/th>/);
  });
});
