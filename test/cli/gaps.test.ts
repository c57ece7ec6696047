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
    expect(Object.keys(doc.skills[0])).toEqual(["typology", "channel", "tier", "site", "requiredFte", "coveredFte", "gapFte", "surplusFte", "holders", "holdersFte", "peakAgents", "peakShortAgents", "belowMinGap", "gapAfterTrainingFte"]);
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

  it("prints the recommended plan first (people named, then one hire row per skill and site), the skill table after; --fail-on-gap exits 1 when a gap remains", async () => {
    const t = await runCli(base);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^Gaps of fixtures\/roster\.csv against fixtures\/forecast-week\.csv/);
    const plan = t.stdout.indexOf("Recommended plan: ");
    expect(plan).toBeGreaterThan(0);
    expect(plan).toBeLessThan(t.stdout.indexOf("Skills:"));
    expect(t.stdout.indexOf("Skills:")).toBeLessThan(t.stdout.indexOf("Without training, hires that close every gap (fewest people: "));
    const doc = JSON.parse((await runCli([...base, "--format", "json"])).stdout);
    const trainLines = t.stdout.split("\n").filter((l) => l.startsWith("  train "));
    expect(trainLines).toHaveLength(doc.trainings.length);
    for (const [k, line] of trainLines.entries()) {
      const tr = doc.trainings[k];
      expect(line).toBe(`  train ${tr.agentId} (${tr.site}, level ${tr.tier}) on ${tr.skill}: closes ${tr.netFte.toFixed(2)} FTE`);
    }
    expect(trainLines[0]).toMatch(/^ {2}train A\d{3} \((Lyon|Paris), level \d\) on .+:.+: closes \d+\.\d\d FTE$/);
    const hireLines = t.stdout.split("\n").filter((l) => l.startsWith("  hire for "));
    expect(hireLines).toHaveLength(doc.hirePlan.length);
    const where = hireLines.map((l) => l.replace(/^ {2}hire for (.+?) \((.+?)\): .*$/, "$1 $2"));
    expect(new Set(where).size).toBe(where.length); // one row per skill and site
    for (const w of where) expect(w).toMatch(/ (Lyon|Paris), level \d$/);
    expect((await runCli([...base, "--fail-on-gap", "--format", "csv"])).code).toBe(1);
  });

  it("gives each training the net FTE of gap it closes: the trainings' net FTE add up to the drop of the total gap", async () => {
    const doc = JSON.parse((await runCli([...base, "--format", "json"])).stdout);
    expect(doc.trainings.length).toBeGreaterThan(1);
    const net = doc.trainings.reduce((n: number, t: { netFte: number }) => n + t.netFte, 0);
    expect(Math.abs(net - (doc.totals.gapFte - doc.totals.gapAfterTrainingFte))).toBeLessThanOrEqual(1e-9);
    // the hire rows add up to the hires after training, skill by skill
    const rows = doc.hirePlan.reduce((n: number, h: { closesFte: number }) => n + h.closesFte, 0);
    const hires = doc.hiresAfterTraining.reduce((n: number, h: { closesFte: number }) => n + h.closesFte, 0);
    expect(Math.abs(rows - hires)).toBeLessThanOrEqual(1e-9 * (1 + hires));
  });

  it("--min-gap ignores skill gaps below it (no training, no hire) and says how many", async () => {
    const dflt = JSON.parse((await runCli([...base, "--format", "json"])).stdout);
    const all = JSON.parse((await runCli([...base, "--format", "json", "--min-gap", "0"])).stdout);
    const big = JSON.parse((await runCli([...base, "--format", "json", "--min-gap", "0.5"])).stdout);
    expect(all.totals.ignoredSkills).toBe(0);
    expect(dflt.totals.minGapFte).toBe(0.1);
    const dust = dflt.skills.filter((s: { gapFte: number }) => s.gapFte > 0 && s.gapFte < 0.1);
    expect(dust.length).toBeGreaterThan(0);
    expect(dflt.totals.ignoredSkills).toBe(dust.length);
    expect(dust.every((s: { belowMinGap: boolean }) => s.belowMinGap)).toBe(true);
    for (const doc of [dflt, big]) {
      const min = doc.totals.minGapFte;
      const shortOf = (skill: string, tier: number, site: string) =>
        doc.skills.find((s: { typology: string; channel: string; tier: number; site: string }) => `${s.typology}:${s.channel}` === skill && s.tier === tier && s.site === site);
      for (const t of doc.trainings) expect(shortOf(t.skill, t.tier, t.site).gapFte).toBeGreaterThanOrEqual(min);
      for (const h of doc.hires) for (const k of h.skills) expect(shortOf(k, h.tier, h.site).gapFte).toBeGreaterThanOrEqual(min);
      for (const h of doc.hirePlan) expect(shortOf(h.skill, h.tier, h.site).gapAfterTrainingFte).toBeGreaterThanOrEqual(min);
    }
    expect(big.totals.ignoredSkills).toBeGreaterThan(dflt.totals.ignoredSkills);
    expect(big.totals.hires).toBeLessThan(dflt.totals.hires);
    expect((await runCli(base)).stdout).toMatch(new RegExp(`\nIgnored as dust: ${dust.length} skills short by less than 0\\.10 FTE`));
    const bad = await runCli([...base, "--min-gap", "-1"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/USAGE_BAD_OPTION --min-gap: got "-1", expected an FTE >= 0/);
  });

  it("--only-gaps shows only the skills with a gap, in the table and the skills CSV", async () => {
    const doc = JSON.parse((await runCli([...base, "--format", "json"])).stdout);
    const short = doc.skills.filter((s: { gapFte: number; gapAfterTrainingFte: number }) => s.gapFte > 0 || s.gapAfterTrainingFte > 0);
    expect(short.length).toBeGreaterThan(0);
    expect(short.length).toBeLessThan(doc.skills.length);
    const t = await runCli([...base, "--only-gaps"]);
    expect(t.stdout).toContain(`Skills with a gap (${short.length} of ${doc.skills.length}):`);
    const csv = (await runCli([...base, "--only-gaps", "--format", "csv"])).stdout.trim().split("\n");
    expect(csv).toHaveLength(1 + short.length);
    expect((await runCli([...base, "--format", "csv"])).stdout.trim().split("\n")).toHaveLength(1 + doc.skills.length);
  });

  it("writes each table as CSV", async () => {
    const heads = {
      skills: "typology,channel,tier,site,required_fte,holders,holders_fte,covered_fte,gap_fte,surplus_fte,peak_agents,peak_short_agents,below_min_gap,gap_after_training_fte",
      people: "agent_id,site,tier,fte,allocated_fte,idle_fte,allocation",
      hires: "when,tier,site,skills,count,closes_fte,fte_by_skill",
      trainings: "agent_id,site,tier,holds,skill,fte,net_fte",
      plan: "step,action,agent_id,site,tier,skill,closes_fte,solo_hires,shared_fte,shared_hires,shared_with",
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
    expect(examples.length).toBeGreaterThanOrEqual(6);
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
