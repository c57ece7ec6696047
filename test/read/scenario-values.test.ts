import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/read/diagnostics.js";
import { readScenario } from "../../src/read/scenario-read.js";
import { readShare, shareMixes } from "../../src/read/scenario-share.js";
import { diagnosticsOf } from "../helpers/diagnostics.js";

/** The scenario and the warnings it gave. */
function withWarnings(text: string, file = "s.yaml") {
  const warnings: Diagnostic[] = [];
  const scenario = readScenario(text, file, { onWarning: (w) => warnings.push(w) });
  return { scenario, warnings };
}

describe("readShare", () => {
  it("readShare(\"85%\") is 0.85, readShare(0.85) is 0.85, readShare(85) is 0.85, readShare(\"1%\") is 0.01, readShare(\"100%\") is 1", () => {
    expect(readShare("85%")).toEqual({ ok: true, value: 0.85, bare: false });
    expect(readShare(0.85)).toEqual({ ok: true, value: 0.85, bare: true });
    expect(readShare(85)).toEqual({ ok: true, value: 0.85, bare: true });
    expect(readShare("20")).toEqual({ ok: true, value: 0.2, bare: true });
    expect(readShare("1%")).toEqual({ ok: true, value: 0.01, bare: false });
    expect(readShare("100%")).toEqual({ ok: true, value: 1, bare: false });
    expect(readShare(100)).toEqual({ ok: true, value: 1, bare: true });
    expect(readShare(0)).toEqual({ ok: true, value: 0, bare: true });
  });

  it("readShare(1), readShare(\"1\") and readShare(1.0) are CONFIG_AMBIGUOUS_SHARE; 101, -5, \"lots\" and true are CONFIG_INVALID", () => {
    for (const v of [1, "1", "1.0", " 1 "]) expect(readShare(v)).toMatchObject({ ok: false, code: "CONFIG_AMBIGUOUS_SHARE" });
    expect(readShare(1)).toEqual({ ok: false, code: "CONFIG_AMBIGUOUS_SHARE", message: "got 1, which reads as 100% (a fraction) or as 1% (a percent): write 100% or 1%" });
    for (const v of [101, -5, "lots", "150%", true, null]) expect(readShare(v)).toMatchObject({ ok: false, code: "CONFIG_INVALID" });
  });

  it("shareMixes reports bare fractions beside bare percents in one map, never values with %, 0, or maps of one notation", () => {
    expect(shareMixes({ shrinkage: { breaks: 8, meetings: 0.5, absence: 0 }, tiers: { escalation: { level_2: 0.2, level_3: 0.05 } } })).toEqual([
      { path: ["shrinkage", "meetings"], message: "got 0.5 beside breaks: 8 (read as 8%): alone 0.5 reads as 50%, but beside percents it may mean 0.5%: write 50% or 0.5%" },
    ]);
    expect(shareMixes({ shrinkage: { breaks: "8%", meetings: 0.5 }, allocation: [{ to: { A: 60, B: 40 } }] })).toEqual([]);
    // each map on its own: percents in one, fractions in another
    expect(shareMixes({ shrinkage: { breaks: 8 }, sites: [{ name: "R", shrinkage: { breaks: 0.08 } }] })).toEqual([]);
  });
});

describe("readScenario: shares", () => {
  it("refuses every ambiguous share of the fixture with code, line and column, and keeps the shares written with %", () => {
    const d = diagnosticsOf(() => readScenario(readFileSync("fixtures/bad/scenario-ambiguous-shares.yaml", "utf8"), "ambiguous.yaml"));
    expect(d.map((x) => [x.code, x.line, x.column, x.field, x.value])).toEqual([
      ["CONFIG_AMBIGUOUS_SHARE", 5, 48, "targets.sync.max_occupancy", "1"],
      ["CONFIG_AMBIGUOUS_SHARE", 6, 61, "shrinkage.meetings", "0.5"],
      ["CONFIG_AMBIGUOUS_SHARE", 8, 39, "tiers.escalation.level_3", "1"],
      ["CONFIG_AMBIGUOUS_SHARE", 15, 29, "allocation.0.to.Rabat", "0.3"],
    ]);
    expect(d[0]!.message).toBe("targets.sync.max_occupancy: got 1, which reads as 100% (a fraction) or as 1% (a percent): write 100% or 1%");
    expect(d[2]!.message).toBe("tiers.escalation.level_3: got 1, which reads as 100% (a fraction) or as 1% (a percent): write 100% or 1%");
    expect(d[3]!.message).toBe("allocation.0.to.Rabat: got 0.3 beside Paris: 70 (read as 70%): alone 0.3 reads as 30%, but beside percents it may mean 0.3%: write 30% or 0.3%");
  });

  it("reads 20 as 20 %, 0.2 as 20 %, \"1%\" as 1 % and \"100%\" as 100 % everywhere a share is written", () => {
    const s = readScenario(
      [
        "targets: { sync: { service_level: 80, service_level_seconds: 20, max_occupancy: 0.85, max_abandon: \"1%\" } }",
        "tiers: { escalation: { level_2: 20, level_3: 5 } }",
        "shrinkage: { breaks: 0.08, absence: 0.05 }",
        "outbound: { blend_occupancy: 85 }",
        "organisation: { fill_occupancy: \"100%\" }",
        "sites: [{ name: A }, { name: B }]",
        "allocation: [{ to: { A: 60, B: 40 } }, { to: { A: \"100%\" } }]",
      ].join("\n"),
      "s.yaml",
    );
    expect(s.targets.sync).toMatchObject({ serviceLevel: 0.8, answerWithinSec: 20, maxOccupancy: 0.85, maxAbandonRate: 0.01 });
    expect(s.tiers!.escalation).toEqual({ toLevel2: 0.2, toLevel3: 0.05 });
    expect(s.shrinkage).toEqual({ breaks: 0.08, absence: 0.05 });
    expect(s.outbound.blendOccupancy).toBe(0.85);
    expect(s.organisation.fillOccupancy).toBe(1);
    expect(s.allocation.map((r) => r.to)).toEqual([[["A", 0.6], ["B", 0.4]], [["A", 1]]]);
  });

  it("refuses a bare 1 in a service level, an attrition, an allocation and a contract_fraction, with line and column", () => {
    const text = [
      "targets: { sync: { service_level: 1/20 } }",
      "contract_fraction: 1",
      "sites:",
      "  - name: A",
      "    cost: { agent_hour: 30, team_lead_hour: 40, manager_hour: 50, attrition: 1 }",
      "allocation: [{ to: { A: 1 } }]",
    ].join("\n");
    const d = diagnosticsOf(() => readScenario(text, "ones.yaml"));
    expect(d.map((x) => [x.code, x.line, x.column, x.field])).toEqual([
      ["CONFIG_AMBIGUOUS_SHARE", 1, 35, "targets.sync.service_level"],
      ["CONFIG_AMBIGUOUS_SHARE", 2, 20, "contract_fraction"],
      ["CONFIG_AMBIGUOUS_SHARE", 5, 78, "sites.0.cost.attrition"],
      ["CONFIG_AMBIGUOUS_SHARE", 6, 25, "allocation.0.to.A"],
    ]);
    expect(d[0]!.message).toBe("targets.sync.service_level: the share got 1, which reads as 100% (a fraction) or as 1% (a percent): write 100% or 1%");
  });

  it("still checks that the shares of an allocation rule add up to 100 %, whatever their notation", () => {
    const d = diagnosticsOf(() => readScenario("sites: [{ name: A }, { name: B }]\nallocation: [{ to: { A: 60, B: \"30%\" } }]\n", "sum.yaml"));
    expect(d.map((x) => [x.code, x.line, x.field])).toEqual([["CONFIG_INVALID", 2, "allocation.0.to"]]);
    expect(d[0]!.message).toMatch(/add up to 90%: expected 100%/);
  });
});

describe("readScenario: implausible values", () => {
  it("refuses values that cannot be meant with code, line and column: hours of an FTE, a contract above full time, 96 % shrinkage, a 24-second deadline, half an agent per team lead", () => {
    const d = diagnosticsOf(() => readScenario(readFileSync("fixtures/bad/scenario-implausible.yaml", "utf8"), "implausible.yaml"));
    expect(d.map((x) => [x.code, x.line, x.column, x.field])).toEqual([
      ["CONFIG_IMPLAUSIBLE", 3, 17, "contract_hours"],
      ["CONFIG_INVALID", 4, 20, "contract_fraction"],
      ["CONFIG_IMPLAUSIBLE", 5, 12, "shrinkage"],
      ["CONFIG_IMPLAUSIBLE", 7, 22, "targets.async.deadline"],
      ["CONFIG_INVALID", 8, 21, "spans.team_lead"],
    ]);
    expect(d.map((x) => x.message)).toEqual([
      "contract_hours: got 1 h for a full-time week: expected the weekly hours of a full-time contract such as 35 or 40 (1 looks like an FTE; a mean contract below full time goes in contract_fraction)",
      "contract_fraction: got 1.2: a mean contract above full time (or 1.2% of it): expected the mean contract as a share of full time, at most 1, such as 0.9 or 90%",
      "shrinkage: the components combine to 96% (1 − Π(1 − s)): expected well under 95% (30–35% is usual), or no time is left to work",
      'targets.async.deadline: got 24, read as 24 s: expected a deadline of a minute or more, with its unit, such as 24h, 2d or 90min',
      "spans.team_lead: got 0.5: expected at least 1 (people per team lead or manager, such as 10 agents per team lead and 8 team leads per manager)",
    ]);
  });

  it("refuses a contract above full time written as a percent, a site's shrinkage of 95 %, and a site's week of 4 h", () => {
    const text = ["contract_fraction: 120%", "sites:", "  - name: A", "    shrinkage: { absence: 75%, holidays: 80% }", "    contract_hours: 4"].join("\n");
    const d = diagnosticsOf(() => readScenario(text, "s.yaml"));
    expect(d.map((x) => [x.code, x.line, x.column, x.field])).toEqual([
      ["CONFIG_INVALID", 1, 20, "contract_fraction"],
      ["CONFIG_IMPLAUSIBLE", 4, 16, "sites.0.shrinkage"],
      ["CONFIG_IMPLAUSIBLE", 5, 21, "sites.0.contract_hours"],
    ]);
    expect(d[0]!.message).toBe("contract_fraction: got 120%: a mean contract above full time: expected the mean contract as a share of full time, at most 1, such as 0.9 or 90%");
  });

  it("warns about values allowed but unlikely, with code, line and column, and still reads them", () => {
    const { scenario, warnings } = withWarnings(readFileSync("fixtures/traps/scenario-implausible-warnings.yaml", "utf8"), "w.yaml");
    expect(scenario.contractHours).toBe(8);
    expect(warnings.map((w) => [w.code, w.severity, w.line, w.column, w.field])).toEqual([
      ["CONFIG_IMPLAUSIBLE", "warning", 4, 17, "contract_hours"],
      ["CONFIG_IMPLAUSIBLE", "warning", 5, 20, "contract_fraction"],
      ["CONFIG_IMPLAUSIBLE", "warning", 6, 12, "shrinkage"],
      ["CONFIG_IMPLAUSIBLE", "warning", 8, 48, "targets.sync.max_occupancy"],
      ["CONFIG_IMPLAUSIBLE", "warning", 10, 49, "tiers.level_3.aht_factor"],
      ["CONFIG_IMPLAUSIBLE", "warning", 11, 21, "spans.team_lead"],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      "contract_hours: got 8 h for a full-time week: expected its weekly hours such as 35 or 40 (8 looks like the hours of a day)",
      "contract_fraction: got 20% of full time: expected a mean contract such as 0.9 or 90%",
      "shrinkage: the components combine to 61.36% (1 − Π(1 − s)): expected 20–50% (is a component a percent written as a fraction, or counted twice?)",
      "targets.sync.max_occupancy: got 40%: expected an occupancy of 50% or more (82–88% is usual)",
      "tiers.level_3.aht_factor: got 6, handle times × 6: expected a factor from 0.2 to 5 (1.1 = 10% longer)",
      "spans.team_lead: got 60 agents per team lead: expected 3 to 50 (8–15 is usual)",
    ]);
  });

  it("warns about a site's aht_factor, week, spans and fill occupancy, a channel's occupancy by its label, and says how a bare share was read", () => {
    const text = [
      "targets:",
      "  channels:",
      "    Tchat: { max_occupancy: 0.45 }",
      "sites:",
      "  - name: A",
      "    aht_factor: 0.1",
      "    contract_hours: 60",
      "    spans: { team_lead: { level_3: 2 }, manager: 40 }",
      "    organisation: { fill_occupancy: 30 }",
    ].join("\n");
    const { warnings } = withWarnings(text);
    expect(warnings.map((w) => [w.line, w.column, w.field])).toEqual([
      [3, 29, "targets.channels.Tchat.max_occupancy"],
      [6, 17, "sites.0.aht_factor"],
      [7, 21, "sites.0.contract_hours"],
      [8, 36, "sites.0.spans.team_lead.level_3"],
      [8, 50, "sites.0.spans.manager"],
      [9, 37, "sites.0.organisation.fill_occupancy"],
    ]);
    expect(warnings[0]!.message).toBe("targets.channels.Tchat.max_occupancy: got 0.45, read as 45%: expected an occupancy of 50% or more (82–88% is usual)");
    expect(warnings[2]!.message).toBe("sites.0.contract_hours: got 60 h for a full-time week: expected at most 48 h (35 to 44 h is usual)");
  });

  it("gives no warning without onWarning, and none for the scenario fixtures", () => {
    expect(() => readScenario("contract_hours: 8\n", "s.yaml")).not.toThrow();
    for (const f of readdirSync("fixtures/scenarios").filter((n) => /\.ya?ml$/.test(n))) {
      expect({ f, warnings: withWarnings(readFileSync(`fixtures/scenarios/${f}`, "utf8"), f).warnings }).toEqual({ f, warnings: [] });
    }
  });
});

describe("names in a scenario", () => {
  it("refuses a control or invisible character in any text of a scenario (YAML or JSON), with its line and column, escaped", () => {
    const [d] = diagnosticsOf(() => readScenario('name: "Evil\u001b[31mRED"\n', "s.yaml"));
    expect([d!.code, d!.line, d!.column]).toEqual(["CONFIG_INVALID", 1, 7]);
    expect(d!.message).toContain('got "Evil\\u{1b}[31mRED", with an invisible character (U+001B) at position 5');
    const [j] = diagnosticsOf(() => readScenario('{ "sites": [ { "name": "Pa\u202eris" } ] }', "s.json"));
    expect([j!.code, j!.line]).toEqual(["CONFIG_INVALID", 1]);
    expect(j!.message).not.toMatch(/\u202e/);
  });
});
