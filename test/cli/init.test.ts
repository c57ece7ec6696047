import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";

describe("ccplan init", () => {
  it("writes starter files that every command runs on, and keeps existing files unless --force", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "ccplan-init-")), "plan");
    try {
      const r = await runCli(["init", dir]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^wrote forecast\.csv, roster\.csv, scenario\.yaml, sourcing-in-house\.yaml, sourcing-nearshore\.yaml, README\.md in /);
      const f = (name: string) => join(dir, name);
      expect(readFileSync(f("scenario.yaml"), "utf8")).toMatch(/^# A scenario: every key is optional/);
      const runs = [
        ["validate", f("forecast.csv"), f("roster.csv"), f("scenario.yaml"), f("sourcing-in-house.yaml"), f("sourcing-nearshore.yaml")],
        ["plan", f("forecast.csv"), "--scenario", f("scenario.yaml"), "--by", "tier"],
        ["compare", f("forecast.csv"), "--scenario", f("sourcing-in-house.yaml"), "--scenario", f("sourcing-nearshore.yaml")],
        ["gaps", f("forecast.csv"), "--roster", f("roster.csv"), "--scenario", f("scenario.yaml")],
      ];
      for (const args of runs) {
        const x = await runCli(args);
        expect([args[0], x.code, x.stderr]).toEqual([args[0], 0, ""]);
      }
      const compare = await runCli(runs[2]!);
      expect(compare.stdout).toMatch(/Cheapest meeting every target over 3 years: /); // both scenarios meet their targets
      const again = await runCli(["init", dir]);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/error USAGE_CONFLICT .*forecast\.csv exists: expected a new folder, or --force to overwrite/);
      expect((await runCli(["init", dir, "--force", "--quiet"])).code).toBe(0);
      expect(existsSync(f("README.md"))).toBe(true);
    } finally {
      rmSync(join(dir, ".."), { recursive: true, force: true });
    }
  });

  it("every example of the top-level --help runs as written (files they write go to a temporary folder)", async () => {
    const help = await runCli(["--help"]);
    const examples = help.stdout.split("\n").filter((l) => l.startsWith("  $ ccplan "));
    expect(examples.length).toBeGreaterThanOrEqual(8);
    const dir = mkdtempSync(join(tmpdir(), "ccplan-help-"));
    try {
      for (const example of examples) {
        const args = example.replace("  $ ccplan ", "").split(" ").map((a) => (a === "intervals.csv" || a === "my-plan" ? join(dir, a) : a));
        expect([example, (await runCli(args)).code]).toEqual([example, 0]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
