import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readScenario } from "../../src/read/scenario-read.js";
import { DEFAULT_SCENARIO, isOpen, targetsFor } from "../../src/plan/scenario.js";
import { diagnosticsOf } from "../helpers/diagnostics.js";

describe("readScenario", () => {
  it("reads the fixture scenario over the defaults", () => {
    const s = readScenario(readFileSync("fixtures/scenarios/in-house.yaml", "utf8"), "in-house.yaml");
    expect(s.name).toBe("In-house, Paris");
    expect(s.targets.sync).toMatchObject({ serviceLevel: 0.8, answerWithinSec: 20, maxOccupancy: 0.85 });
    expect(s.targets.channels.chat).toMatchObject({ serviceLevel: 0.8, answerWithinSec: 60, concurrency: 2 });
    expect(s.targets.channels.social!.deadlineSec).toBe(3600);
    expect(s.targets.channels.mail!.deadlineSec).toBe(72 * 3600);
    expect(s.shrinkage).toEqual({ breaks: 0.08, absence: 0.05, holidays: 0.1, training: 0.03, meetings: 0.01, offline: 0.03 });
    expect(s.contractHours).toBe(35);
    expect(s.openingHours.default[0]).toEqual([[480, 1200]]);
    expect(s.openingHours.default[6]).toEqual([]);
    expect(s.openingHours.channels.social![6]).toEqual([[480, 1320]]);
  });

  it("an empty file is the default scenario", () => {
    const s = readScenario("", "empty.yaml");
    expect(s.targets).toEqual(DEFAULT_SCENARIO.targets);
    expect(s.name).toBe("empty");
  });

  it("reads JSON too", () => {
    expect(readScenario('{"contract_hours": 39, "targets": {"sync": {"service_level": "90/15"}}}', "s.json")).toMatchObject({
      contractHours: 39,
      targets: { sync: { serviceLevel: 0.9, answerWithinSec: 15, maxOccupancy: 0.85 } },
    });
  });

  it("reports every bad value and unknown key with its line and column", () => {
    const d = diagnosticsOf(() => readScenario(readFileSync("fixtures/bad/scenario-bad.yaml", "utf8"), "bad.yaml"));
    expect(d.map((x) => [x.code, x.line, x.field])).toEqual([
      ["CONFIG_INVALID", 4, "targets.sync.service_level"],
      ["CONFIG_UNKNOWN_KEY", 5, "targets.sync"],
      ["CONFIG_INVALID", 7, "targets.channels.pigeon"],
      ["CONFIG_INVALID", 9, "shrinkage.breaks"],
      ["CONFIG_INVALID", 10, "contract_hours"],
      ["CONFIG_INVALID", 12, "opening_hours.default.mon-fri"],
    ]);
    expect(d[1]!.message).toMatch(/unknown key "max_ocupancy"/);
    expect(d[2]!.message).toMatch(/unknown channel "pigeon"/);
  });

  it("reads outbound calling hours, spreading, campaigns and blending", () => {
    const s = readScenario(
      [
        "outbound:",
        '  calling_hours: { mon-fri: "10:00-13:00, 14:00-20:00" }',
        "  spread: day",
        "  campaigns:",
        "    Fidélisation: { spread: horizon }",
        "  blending: true",
        "  blend_occupancy: 80%",
      ].join("\n"),
      "o.yaml",
    );
    expect(s.outbound).toMatchObject({ spread: "day", blending: true, blendOccupancy: 0.8, campaigns: { fidelisation: { spread: "horizon" } } });
    expect(s.outbound.callingHours![0]).toEqual([
      [600, 780],
      [840, 1200],
    ]);
    expect(readScenario("", "e.yaml").outbound).toEqual(DEFAULT_SCENARIO.outbound);
    const d = diagnosticsOf(() => readScenario("outbound:\n  spread: weekly\n  campaigns:\n    x: { window: 1 }\n", "o.yaml"));
    expect(d.map((x) => [x.code, x.line])).toEqual([
      ["CONFIG_INVALID", 2],
      ["CONFIG_UNKNOWN_KEY", 4],
    ]);
  });

  it("reads tiers: escalation shares, levels, typology overrides and minimum presence", () => {
    const s = readScenario(readFileSync("fixtures/scenarios/org-separate.yaml", "utf8"), "org-separate.yaml");
    expect(s.tiers!.escalation).toEqual({ toLevel2: 0.15, toLevel3: 0.1 });
    expect(s.tiers!.level3).toMatchObject({ handling: "back-office", ahtFactor: 2, targets: { deadlineSec: 48 * 3600 } });
    expect(s.tiers!.minOnDuty).toEqual({ 1: 0, 2: 0, 3: 1 });
    expect(s.tiers!.typologies["support technique"]).toMatchObject({ escalation: { toLevel2: 0.35, toLevel3: 0.3 }, level3: { ahtSec: 2400 } });
    expect(s.tiers!.typologies["fidelisation"]!.level2).toMatchObject({ handling: "live-transfer", ahtSec: 480, targets: { serviceLevel: 0.8, answerWithinSec: 30 } });
    expect(s.tiers!.typologies["demande d'information"]!.escalation).toEqual({ toLevel2: 0.05, toLevel3: 0 });
    expect(s.spans).toEqual({ teamLead: { 1: 12, 2: 10, 3: 5 }, manager: 8 });
    expect(s.supportRoles).toContainEqual({ role: "community-manager", basis: "social", per: 3 });
    expect(s.supportRoles).toContainEqual({ role: "data-analyst", basis: "fixed", per: 1 });
    expect(s.organisation).toMatchObject({ model: "separate", trainingHoursPerSkill: 21, fillIdleTime: true, fillOccupancy: 0.85 });
    expect(readScenario("", "e.yaml")).toMatchObject({ tiers: null, organisation: DEFAULT_SCENARIO.organisation, spans: DEFAULT_SCENARIO.spans, supportRoles: [] });
  });

  it("reads an organisation as a model name, or with families and explicit groups", () => {
    expect(readScenario("organisation: polyvalent", "o.yaml").organisation.model).toBe("polyvalent");
    const s = readScenario(readFileSync("fixtures/scenarios/org-groups.yaml", "utf8"), "org-groups.yaml");
    expect(s.organisation.model).toBe("groups");
    expect(s.organisation.groups[0]).toEqual({
      name: "voice front office",
      channels: ["phone"],
      tiers: [1],
      directions: ["inbound"],
      typologies: ["demande d'information", "administration des ventes", "reclamation", "recouvrement"],
    });
    const f = readScenario("organisation:\n  families:\n    Claims: [Réclamation, Litiges]\n", "f.yaml").organisation;
    expect(f).toMatchObject({ model: "separate", families: { Claims: ["reclamation", "litiges"] } });
  });

  it("reports bad tiers, groups, spans and roles with line and column", () => {
    const text = [
      "tiers:",
      "  escalation: { level_2: 150% }",
      "  level_2: { handling: phone }",
      "organisation:",
      "  model: groups",
      "  groups:",
      "    - name: voice",
      "      channels: [pigeon]",
      "spans:",
      "  team_lead: 0",
      "support_roles:",
      "  quality: { per: 40, fixed: 2 }",
    ].join("\n");
    const d = diagnosticsOf(() => readScenario(text, "bad.yaml"));
    expect(d.map((x) => [x.code, x.line])).toEqual([
      ["CONFIG_INVALID", 2],
      ["CONFIG_INVALID", 3],
      ["CONFIG_INVALID", 8],
      ["CONFIG_INVALID", 10],
      ["CONFIG_INVALID", 12],
    ]);
    expect(d[2]!.message).toMatch(/unknown channel "pigeon"/);
    const roles = diagnosticsOf(() => readScenario("support_roles:\n  Quality analyst: { per: 40 }\n  quality_analyst: { fixed: 1 }\n  Total: { fixed: 1 }\n", "r.yaml"));
    expect(roles.map((x) => [x.code, x.line, x.message.replace(/:.*/, "")])).toEqual([
      ["CONFIG_INVALID", 3, "support_roles.quality_analyst"],
      ["CONFIG_INVALID", 4, "support_roles.Total"],
    ]);
    expect(roles[0]!.message).toMatch(/is the same role as "Quality analyst"/);
    expect(diagnosticsOf(() => readScenario("tiers:\n  level_2: { concurrency: 3 }\n", "c.yaml"))[0]).toMatchObject({ code: "CONFIG_UNKNOWN_KEY", line: 2 });
    const g = diagnosticsOf(() => readScenario("organisation:\n  model: groups\n", "g.yaml"));
    expect(g[0]).toMatchObject({ code: "CONFIG_INVALID", line: 2 });
    expect(g[0]!.message).toMatch(/needs a list of groups/);
  });

  it("reads sites with their parameters and cost models, and the allocation rules", () => {
    const s = readScenario(readFileSync("fixtures/scenarios/sourcing-hybrid.yaml", "utf8"), "hybrid.yaml");
    expect(s.currency).toBe("EUR");
    expect(s.sites.map((x) => [x.name, x.kind, x.location, x.sharing, x.ahtFactor])).toEqual([
      ["Paris", "internal", "onshore", "dedicated", 1],
      ["Rabat", "outsourced", "nearshore", "dedicated", 1.08],
    ]);
    expect(s.sites[0]!.cost).toMatchObject({ kind: "internal", agentHour: { 1: 30, 2: 38, 3: 50 }, attrition: 0.3, existingTeam: true });
    expect(s.sites[1]!.cost).toMatchObject({ kind: "outsourced", pricing: "hour", price: 36, supervisionIncluded: true, setupFee: 60000 });
    expect(s.sites[1]!.overrides).toMatchObject({ contractHours: 44, spans: { teamLead: { 1: 15, 2: 15, 3: 15 }, manager: 10 }, supportRoles: [] });
    expect(s.allocation).toEqual([
      { match: { typologies: undefined, channels: ["phone", "chat"], directions: ["inbound"], tiers: [1] }, to: [["Rabat", 1]] },
      { match: { typologies: undefined, channels: undefined, directions: undefined, tiers: undefined }, to: [["Paris", 1]] },
    ]);
    expect(readScenario("sites:\n  - name: Solo\n", "s.yaml").allocation).toEqual([{ match: {}, to: [["Solo", 1]] }]);
  });

  it("reports shares that do not add up to 100 %, unknown or twice-named sites, and costs of the wrong kind, with line and column", () => {
    const text = [
      "sites:",
      "  - name: A",
      "    cost: { agent_hour: 30, team_lead_hour: 40, manager_hour: 50, per_contact: 2 }",
      "  - name: B",
      "    kind: outsourced",
      "    cost: { per_productive_hour: 20, per_contact: 3 }",
      "  - name: A",
      "allocation:",
      "  - to: { A: 60%, B: 30% }",
      "  - to: { C: 100% }",
    ].join("\n");
    const d = diagnosticsOf(() => readScenario(text, "bad.yaml"));
    expect(d.map((x) => [x.code, x.line, x.field])).toEqual([
      ["CONFIG_INVALID", 3, "sites.0.cost.per_contact"],
      ["CONFIG_INVALID", 6, "sites.1.cost.per_contact"],
      ["CONFIG_INVALID", 7, "sites.2.name"],
      ["CONFIG_INVALID", 9, "allocation.0.to"],
      ["CONFIG_INVALID", 10, "allocation.1.to.C"],
    ]);
    expect(d[3]!.message).toMatch(/the shares of a rule add up to 90%: expected 100%/);
    expect(d[4]!.message).toMatch(/unknown site "C": expected one of "A", "B"/);
    const limits = diagnosticsOf(() => readScenario("shrinkage: { absence: 100% }\ncontract_fraction: 0\nsites:\n  - name: S\n    sharing: shared\n    shared_pool: 100000\n", "l.yaml"));
    expect(limits.map((x) => [x.code, x.line, x.field])).toEqual([
      ["CONFIG_INVALID", 1, "shrinkage.absence"],
      ["CONFIG_INVALID", 2, "contract_fraction"],
      ["CONFIG_INVALID", 6, "sites.0.shared_pool"],
    ]);
    const two = diagnosticsOf(() => readScenario("sites:\n  - name: A\n  - name: B\n", "two.yaml"));
    expect(two[0]!.message).toMatch(/several sites need an allocation/);
  });

  it("reports a YAML syntax error with its position", () => {
    const d = diagnosticsOf(() => readScenario("targets: [1,\n sync: 2", "s.yaml"));
    expect(d[0]).toMatchObject({ code: "CONFIG_SYNTAX", file: "s.yaml" });
    expect(d[0]!.line).toBeGreaterThan(0);
  });

  it("targetsFor layers class defaults, channel overrides and the row's own targets", () => {
    const t = targetsFor(DEFAULT_SCENARIO, "sync", "chat", { serviceLevel: 0.9 });
    expect(t).toMatchObject({ serviceLevel: 0.9, answerWithinSec: 60, maxOccupancy: 0.85, concurrency: 2 });
  });

  it("isOpen needs the whole interval inside the opening hours (Monday 2026-11-23)", () => {
    const monday8 = (Date.UTC(2026, 10, 23) / 60_000) + 8 * 60;
    const hours = DEFAULT_SCENARIO.openingHours.default;
    expect(isOpen(hours, monday8, 30)).toBe(true);
    expect(isOpen(hours, monday8 - 30, 30)).toBe(false);
    expect(isOpen(hours, monday8 + 11.5 * 60, 30)).toBe(true); // 19:30–20:00
    expect(isOpen(hours, monday8 + 6 * 1440, 30)).toBe(false); // Sunday
  });

  describe("messages of the schema", () => {
    const where = (text: string) => diagnosticsOf(() => readScenario(text, "s.yaml")).map((d) => [d.code, d.line, d.column, d.message]);

    it("shrinkage given as a number or a list: write a list of named shares", () => {
      const advice = "shrinkage: write a list of named shares, e.g. { absence: 12% }";
      expect(where("shrinkage: 30%\n")).toEqual([["CONFIG_INVALID", 1, 12, advice]]);
      expect(where("shrinkage: 0.3\n")).toEqual([["CONFIG_INVALID", 1, 12, advice]]);
      expect(where("shrinkage:\n  - absence: 12%\n")).toEqual([["CONFIG_INVALID", 2, 3, advice]]);
      expect(where("sites:\n  - name: A\n    shrinkage: [breaks, absence]\n")).toEqual([["CONFIG_INVALID", 3, 16, `sites.0.${advice}`]]);
    });

    it("a cost written with its currency: write a number, the currency is set once", () => {
      const text = ["currency: EUR", "sites:", "  - name: Lyon", "    cost:", "      agent_hour: 18 EUR", "      team_lead_hour: €30", "      manager_hour: 40", "      hiring_per_hire: lots"].join("\n");
      expect(where(text)).toEqual([
        ["CONFIG_INVALID", 5, 19, 'sites.0.cost.agent_hour: "18 EUR": write a number, the currency is set once with currency:'],
        ["CONFIG_INVALID", 6, 23, 'sites.0.cost.team_lead_hour: "€30": write a number, the currency is set once with currency:'],
        ["CONFIG_INVALID", 8, 24, 'sites.0.cost.hiring_per_hire: expected an amount such as 29, got "lots"'],
      ]);
      // per level: the problem is on the level's own line and column
      expect(where("sites:\n  - name: A\n    cost: { agent_hour: { level_1: 20 EUR }, team_lead_hour: 30, manager_hour: 40 }\n")).toEqual([
        ["CONFIG_INVALID", 3, 36, 'sites.0.cost.agent_hour.level_1: "20 EUR": write a number, the currency is set once with currency:'],
      ]);
    });

    it("unknown keys: did you mean the closest key of that place, one problem per key at the key", () => {
      expect(where("shrinkge: { breaks: 8% }\ncontract_hour: 35\n")).toEqual([
        ["CONFIG_UNKNOWN_KEY", 1, 1, 'unknown key "shrinkge": did you mean "shrinkage"?'],
        ["CONFIG_UNKNOWN_KEY", 2, 1, 'unknown key "contract_hour": did you mean "contract_hours"?'],
      ]);
      expect(where("targets:\n  sync: { max_ocupancy: 80%, colour: red }\n")).toEqual([
        ["CONFIG_UNKNOWN_KEY", 2, 11, 'unknown key "max_ocupancy" in targets.sync: did you mean "max_occupancy"?'],
        ["CONFIG_UNKNOWN_KEY", 2, 30, 'unknown key "colour" in targets.sync: expected only the keys of the scenario format (see the README)'],
      ]);
      expect(where("sites:\n  - name: A\n    locaton: offshore\n")).toEqual([["CONFIG_UNKNOWN_KEY", 3, 5, 'unknown key "locaton" in sites.0: did you mean "location"?']]);
    });

    it("zod's generic problems read 'expected Y, got X'", () => {
      expect(where("contract_hours: 35 h\n")).toEqual([["CONFIG_INVALID", 1, 17, 'contract_hours: expected a number, got "35 h"']]);
      expect(where("name: 3\n")).toEqual([["CONFIG_INVALID", 1, 7, "name: expected text, got 3"]]);
      expect(where("sites: { name: A }\n")).toEqual([["CONFIG_INVALID", 1, 8, "sites: expected a list, got keys and values"]]);
      expect(where("organisation: polyvalant\n")).toEqual([
        ["CONFIG_INVALID", 1, 15, 'organisation.model: expected one of separate, specialised-by-typology, specialised-by-channel, polyvalent, groups, got "polyvalant"'],
      ]);
    });
  });
});

