import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";
import { binEnv } from "../helpers/bin-env.js";

describe("ccplan plan", () => {
  it("plans the fixture week: one line per queue and a total, exit 0", async () => {
    const r = await runCli(["plan", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/in-house.yaml", "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, report: "summary", scenario: "In-house, Paris", horizon: { start: "2026-11-23T00:00", end: "2026-11-30T00:00", weeks: 1 } });
    expect(doc.queues).toHaveLength(32);
    expect(new Set(doc.queues.map((q: { channelClass: string }) => q.channelClass))).toEqual(new Set(["sync", "async", "outbound"]));
    const fteSum = doc.queues.reduce((s: number, q: { fte: number }) => s + q.fte, 0);
    expect(Math.abs(doc.totals.fte - fteSum)).toBeLessThan(1e-9);
    expect(doc.totals.headcount).toBe(Math.ceil(doc.totals.fte / 0.9 - 1e-9));
    expect(doc.totals.abandonRate).toBeLessThanOrEqual(0.05);
  });

  it("the French export gives byte-identical output in every report and format", async () => {
    const runs: [string, string][] = [
      ["summary", "table"],
      ["summary", "json"],
      ["intervals", "csv"],
      ["days", "csv"],
    ];
    for (const [report, format] of runs) {
      const en = await runCli(["plan", "fixtures/forecast-week.csv", "--report", report, "--format", format]);
      const fr = await runCli(["plan", "fixtures/forecast-week-fr.csv", "--report", report, "--format", format]);
      expect(fr.stdout).toBe(en.stdout);
    }
  });

  it("--report intervals --format csv has the documented columns", async () => {
    const r = await runCli(["plan", "fixtures/forecast-week.csv", "--report", "intervals", "--format", "csv"]);
    const [head, first] = r.stdout.split("\n");
    expect(head).toBe(
      "interval_start,typology,channel,direction,tier,channel_class,interval_minutes,volume,aht_sec,traffic_erlangs,agents,scheduled,service_level,asa_sec,occupancy,abandon_rate,backlog,oldest_age_min,blended_erlangs,target_met,note",
    );
    expect(first).toMatch(/^2026-11-23T08:00,administration des ventes,chat,inbound,1,sync,30,/);
  });

  it("a broken forecast gives its problems (at most 20) and exit 2, writing nothing", async () => {
    const r = await runCli(["plan", "fixtures/bad/forecast-bad.csv", "--out", "/nonexistent/never.csv"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toMatch(/^fixtures\/bad\/forecast-bad\.csv:3:3: error INPUT_UNKNOWN_CHANNEL/);
  });

  it("a broken scenario gives its problems with line and column, exit 2", async () => {
    const r = await runCli(["plan", "fixtures/forecast-week.csv", "--scenario", "fixtures/bad/scenario-bad.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toMatch(/^fixtures\/bad\/scenario-bad\.yaml:4:20: error CONFIG_INVALID targets\.sync\.service_level/);
  });

  it("--strict exits 1 when an interval cannot meet its targets", async () => {
    const forecast = "interval_start,typology,channel,volume,aht,sl_target,sl_seconds\n2026-11-23T09:00,a,phone,100,180,100%,0\n";
    const loose = await runCli(["plan", "-", "--format", "csv"], {}, forecast);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toMatch(/PLAN_TARGET_UNREACHABLE 1 interval could not meet/);
    expect((await runCli(["plan", "-", "--strict"], {}, forecast)).code).toBe(1);
  });

  it("the real binary plans the fixture from a pipe", () => {
    const out = execFileSync("bash", ["-c", "cat fixtures/forecast-week-fr.csv | node bin/ccplan.js plan - --report days --format csv"], { encoding: "utf8", env: binEnv() });
    expect(out.split("\n")[0]).toBe("date,volume,workload_hours,peak_agents,agent_hours,scheduled_hours,fte,people");
    expect(out.trim().split("\n")).toHaveLength(8);
    const r = spawnSync(process.execPath, ["bin/ccplan.js", "plan", "nope.csv"], { encoding: "utf8", env: binEnv() });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("nope.csv: error IO_READ cannot read nope.csv (no such file): expected a readable file\n");
  });

  it("--by tier --format csv: one row per role (levels, team lead, manager, support roles) and a total that adds up", async () => {
    const r = await runCli(["plan", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/org-separate.yaml", "--by", "tier", "--format", "csv"]);
    expect(r.code).toBe(0);
    const [head, ...lines] = r.stdout.trim().split("\n");
    expect(head).toBe("role,agents_peak,fte,headcount");
    const rows = lines.map((l) => l.split(","));
    expect(rows.map((c) => c[0])).toEqual(["level-1", "level-2", "level-3", "team-lead", "manager", "quality-analyst", "workforce-planner", "trainer", "community-manager", "data-analyst", "total"]);
    const total = rows.pop()!;
    expect(rows.reduce((n, c) => n + Number(c[3]), 0)).toBe(Number(total[3]));
    expect(Number(rows[2]![1])).toBeGreaterThanOrEqual(1); // one engineer on duty at least
  });

  it("--by group --format json gives the teams with their pooling gain; --organisation overrides the scenario's model", async () => {
    const run = async (model: string) => {
      const r = await runCli(["plan", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/org-separate.yaml", "--by", "group", "--format", "json", "--organisation", model]);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout);
    };
    const apart = await run("separate");
    const poly = await run("polyvalent");
    expect(poly).toMatchObject({ schemaVersion: 1, report: "groups", organisation: "polyvalent" });
    expect(poly.groups.map((g: { group: string; tier: number }) => [g.group, g.tier])).toEqual([
      ["level 1", 1],
      ["level 2", 2],
      ["level 3", 3],
    ]);
    const fte = (doc: { groups: { fte: number }[] }) => doc.groups.reduce((n, g) => n + g.fte, 0);
    expect(fte(poly)).toBeLessThan(fte(apart));
    expect(poly.totals.poolingGainFte).toBeGreaterThan(0);
    expect(apart.totals.poolingGainFte).toBe(0);
    const byTypology = await run("specialised-by-typology");
    expect(byTypology.groups.filter((g: { tier: number }) => g.tier === 1).map((g: { group: string }) => g.group)).toEqual(["back office", "front office", "retention", "technical"]);
  });

  it("every organisation fixture plans, and the explicit groups put each flow in its team", async () => {
    for (const model of ["separate", "specialised-by-typology", "specialised-by-channel", "polyvalent", "groups"]) {
      const r = await runCli(["plan", "fixtures/forecast-week.csv", "--scenario", `fixtures/scenarios/org-${model}.yaml`, "--by", "group", "--format", "json"]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).organisation).toBe(model);
    }
    const r = await runCli(["plan", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/org-groups.yaml", "--by", "group", "--format", "csv"]);
    const teams = r.stdout.trim().split("\n").slice(1).map((l) => l.split(",").slice(0, 2).join(" L"));
    expect(teams).toEqual(["chat L1", "outbound L1", "voice front office L1", "voice retention and technical L1", "written and social L1", "specialists L2", "engineers L3"]);
  });

  it("--by tier with another report, or --organisation groups without groups, is a usage error (exit 2)", async () => {
    const a = await runCli(["plan", "fixtures/forecast-week.csv", "--by", "tier", "--report", "intervals"]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^ccplan: error USAGE_CONFLICT --by tier cannot be used with --report intervals/);
    const b = await runCli(["plan", "fixtures/forecast-week.csv", "--organisation", "groups"]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^ccplan: error USAGE_CONFLICT --organisation groups needs a scenario with organisation.groups/);
  });

  it("every example of --help runs as written (exit 0)", async () => {
    const help = await runCli(["plan", "--help"]);
    const examples = help.stdout.split("\n").filter((l) => l.startsWith("  $ ccplan plan "));
    expect(examples.length).toBeGreaterThanOrEqual(6);
    const dir = mkdtempSync(join(tmpdir(), "ccplan-help-"));
    try {
      for (const example of examples) {
        const args = example.replace("  $ ccplan ", "").split(" ").map((a) => (a === "intervals.csv" || a === "plan.html" || a === "plan.xlsx" ? join(dir, a) : a));
        const r = await runCli(args);
        expect([example, r.code, r.stderr]).toEqual([example, 0, r.stderr.includes("error") ? "" : r.stderr]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("warns about a scenario rule naming a typology the forecast does not have (a typo), and still plans", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccplan-typo-"));
    try {
      const file = join(dir, "typo.yaml");
      writeFileSync(file, "tiers:\n  typologies:\n    suport technique: { escalation: { level_2: 40% } }\n    Support Technique: { escalation: { level_2: 35% } }\n");
      const r = await runCli(["plan", "fixtures/forecast-week.csv", "--scenario", file, "--by", "tier", "--format", "csv"]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(`${file}:3:5: warning PLAN_UNUSED_RULE tiers.typologies: "suport technique" is no typology of fixtures/forecast-week.csv: expected one of the forecast's typologies (the rule is not applied); did you mean "support technique"?\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--site plans one site of a multi-site scenario, without warning about typologies other sites take", async () => {
    const r = await runCli(["plan", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/sourcing-nearshore.yaml", "--site", "Paris retained", "--by", "tier", "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("role,agents_peak,fte,headcount\nteam-lead,,0,0\nmanager,,0,0\nvendor-manager,,2,2\nquality-analyst,,2,2\ntotal,,4,4\n");
    const missing = await runCli(["plan", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/sourcing-hybrid.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/USAGE_MISSING_OPTION fixtures\/scenarios\/sourcing-hybrid.yaml has 2 sites: expected --site with one of "Paris", "Rabat"/);
  });
});
