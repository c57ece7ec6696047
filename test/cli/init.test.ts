import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-io.js";
import { run } from "../../src/cli/main.js";
import { runCli } from "../helpers/fake-io.js";

/** Run `ccplan init DIR` in-process as if the shell had started `script`; returns exit code and stderr. */
async function initAs(script: string, dir: string) {
  let stderr = "";
  const io: CliIo = {
    stdout: { write: () => true, isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: {},
    readFile: async (path) => readFileSync(path),
    openStream: async function* (path) {
      yield readFileSync(path);
    },
    script,
  };
  return { code: await run(["init", dir], io), stderr };
}

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

  it("hints the command that works in the new folder: npx --package <this ccplan> outside a clone, the installed ccplan when a ccplan link started it", async () => {
    const root = realpathSync(resolve("."));
    const base = mkdtempSync(join(tmpdir(), "ccplan-hint-"));
    try {
      const fromClone = await initAs(join(root, "bin", "ccplan.js"), join(base, "a"));
      expect(fromClone.code).toBe(0);
      expect(fromClone.stderr.split("\n")[1]).toBe(`next: cd ${join(base, "a")} && npx --package ${root} ccplan plan forecast.csv --scenario scenario.yaml`);
      expect(readFileSync(join(base, "a", "README.md"), "utf8")).toContain(`\n    npx --package ${root} ccplan plan forecast.csv --scenario scenario.yaml\n`);
      const installed = await initAs("/usr/local/bin/ccplan", join(base, "b"));
      expect(installed.stderr.split("\n")[1]).toBe(`next: cd ${join(base, "b")} && ccplan plan forecast.csv --scenario scenario.yaml`);
      for (const name of ["README.md", "scenario.yaml", "sourcing-in-house.yaml"]) {
        expect([name, readFileSync(join(base, "b", name), "utf8").includes("npx ccplan")]).toEqual([name, false]);
      }
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
