import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";

const dir = mkdtempSync(join(tmpdir(), "ccplan-validate-rules-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PLAN_UNUSED_RULE lines of a run's stderr. */
const unused = (stderr: string) => stderr.split("\n").filter((l) => l.includes("PLAN_UNUSED_RULE"));

describe("validate checks a scenario's rules against the forecasts given with it (PLAN_UNUSED_RULE)", () => {
  const split = readFileSync("fixtures/scenarios/sourcing-split.yaml", "utf8");
  const withRules = split.replace(
    "  - match: { tiers: [1], channels: [phone, chat], directions: [inbound] }",
    ["  - match: { typologies: [information], channels: [phone] }", "    to: { Rabat: 100% }", "  - match: { channels: [video] }", "    to: { Rabat: 100% }", "  - match: { tiers: [1], channels: [phone, chat], directions: [inbound] }"].join("\n"),
  );
  const file = join(dir, "rules.yaml");
  writeFileSync(file, withRules);

  it("warns at the rule's line and column, and stays exit 0 (a warning)", async () => {
    expect(withRules).not.toBe(split);
    const r = await runCli(["validate", "fixtures/forecast-week.csv", file]);
    expect(r.code).toBe(0);
    const lines = withRules.split("\n");
    const line = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    const col = (needle: string) => lines[line(needle) - 1]!.indexOf(needle) + 1;
    expect(unused(r.stderr)).toEqual([
      `${file}:${line("[information]")}:${col("information]")}: warning PLAN_UNUSED_RULE allocation[0].typologies: "information" is no typology of fixtures/forecast-week.csv: expected one of the forecast's typologies (the rule is not applied); did you mean "demande d’information"?`,
      `${file}:${line("[video]")}:${col("match: { channels: [video]")}: warning PLAN_UNUSED_RULE allocation[1]: it matches no flow of the forecast (typology, channel, direction and level together) (the rule is not applied)`,
    ]);
    expect(r.stdout).toContain(`${file}: ok, 2 warnings (scenario;`);
  });

  it("finds what compare finds, level-2 and level-3 queues included, for every fixture scenario and the rules above", async () => {
    const scenarios = [...readdirSync("fixtures/scenarios").map((f) => join("fixtures/scenarios", f)), file];
    for (const s of scenarios) {
      const v = await runCli(["validate", "fixtures/forecast-week.csv", s]);
      const c = await runCli(["compare", "fixtures/forecast-week.csv", "--scenario", s, "--format", "json"]);
      expect(c.code, c.stderr).toBe(0);
      expect(unused(v.stderr), s).toEqual(unused(c.stderr));
    }
  }, 120_000);

  it("says nothing of rules without a forecast beside the scenario", async () => {
    const r = await runCli(["validate", file]);
    expect(r.code).toBe(0);
    expect(unused(r.stderr)).toEqual([]);
  });
});
