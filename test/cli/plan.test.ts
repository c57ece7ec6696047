import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";

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
    const out = execFileSync("bash", ["-c", "cat fixtures/forecast-week-fr.csv | node bin/ccplan.js plan - --report days --format csv"], { encoding: "utf8" });
    expect(out.split("\n")[0]).toBe("date,volume,workload_hours,peak_agents,agent_hours,scheduled_hours");
    expect(out.trim().split("\n")).toHaveLength(8);
    const r = spawnSync(process.execPath, ["bin/ccplan.js", "plan", "nope.csv"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("nope.csv: error IO_READ cannot read nope.csv (no such file): expected a readable file\n");
  });
});
