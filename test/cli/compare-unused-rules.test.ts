import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";

const dir = mkdtempSync(join(tmpdir(), "ccplan-unused-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("compare warns of allocation rules that do nothing (PLAN_UNUSED_RULE)", () => {
  it("names a rule whose typology the forecast lacks, one that matches no flow, and one every flow of which an earlier rule takes", async () => {
    const split = readFileSync("fixtures/scenarios/sourcing-split.yaml", "utf8");
    const rules = [
      "  - match: { typologies: [information], channels: [phone] }", // the forecast says "demande d’information"
      "    to: { Rabat: 100% }",
      "  - match: { channels: [video] }", // no video in the fixture week
      "    to: { Rabat: 100% }",
      "  - match: { tiers: [1], channels: [phone, chat], directions: [inbound] }",
      "    to: { Paris: 50%, Rabat: 50% }",
      "  - match: { tiers: [1], channels: [chat], directions: [inbound] }", // taken by the rule above
      "    to: { Rabat: 100% }",
    ].join("\n");
    const text = split.replace(/ {2}- match: \{ tiers: \[1\], channels: \[phone, chat\], directions: \[inbound\] \}\n {4}to: \{ Paris: 50%, Rabat: 50% \}/, rules);
    expect(text).not.toBe(split);
    const file = join(dir, "split-rules.yaml");
    writeFileSync(file, text);
    const r = await runCli(["compare", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/sourcing-in-house.yaml", "--scenario", file, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const warnings = r.stderr.split("\n").filter((l) => l.includes("PLAN_UNUSED_RULE"));
    // each warning at the rule in the file: the typology in its list, or the rule's first key
    const lines = text.split("\n");
    const at = (needle: string, offset = 0) => {
      const k = lines.findIndex((l) => l.includes(needle));
      return `${k + 1}:${lines[k]!.indexOf(needle) + 1 + offset}`;
    };
    expect(warnings).toEqual([
      `${file}:${at("information]")}: warning PLAN_UNUSED_RULE allocation[0].typologies: "information" is no typology of fixtures/forecast-week.csv: expected one of the forecast's typologies (the rule is not applied); did you mean "demande d’information"?`,
      `${file}:${at("match: { channels: [video] }")}: warning PLAN_UNUSED_RULE allocation[1]: it matches no flow of the forecast (typology, channel, direction and level together) (the rule is not applied)`,
      `${file}:${at("match: { tiers: [1], channels: [chat]")}: warning PLAN_UNUSED_RULE allocation[3]: every flow it matches is taken by an earlier rule (the first matching rule wins) (the rule is not applied)`,
    ]);
  });

  it("says nothing for the fixture scenarios", async () => {
    const r = await runCli(["compare", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/sourcing-in-house.yaml", "--scenario", "fixtures/scenarios/sourcing-split.yaml", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/PLAN_UNUSED_RULE/);
  });
});
