import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";
import { binEnv } from "../helpers/bin-env.js";

const week = "fixtures/forecast-week.csv";

describe("scenario and roster checks on the command line", () => {
  it("validate refuses the alias bomb with exit 2 and its position, in the real binary too, at once", async () => {
    const r = await runCli(["validate", "fixtures/traps/scenario-alias-bomb.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fixtures\/traps\/scenario-alias-bomb\.yaml:9:8: error CONFIG_TOO_COMPLEX YAML alias \*d takes the aliases of the file past 10000 values/);
    const bin = spawnSync(process.execPath, ["bin/ccplan.js", "plan", week, "--scenario", "fixtures/traps/scenario-alias-bomb.yaml"], { encoding: "utf8", timeout: 15_000, env: binEnv() });
    expect(bin.status).toBe(2);
    expect(bin.stdout).toBe("");
    expect(bin.stderr).toMatch(/scenario-alias-bomb\.yaml:9:8: error CONFIG_TOO_COMPLEX/);
    expect(bin.stderr).not.toMatch(/internal error/);
  });

  it("plan refuses a JSON scenario nested a million deep with exit 2 and CONFIG_TOO_COMPLEX on line 1", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "ccplan-")), "deep.json");
    writeFileSync(file, `{"sites": ${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}}`);
    const r = await runCli(["plan", week, "--scenario", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^[^\n]*deep\.json:1:\d+: error CONFIG_TOO_COMPLEX nesting deeper than 64 levels/);
  });

  it("validate says ok with its warnings for a valid but implausible scenario and a roster with FTE in the hours column, exit 0", async () => {
    const r = await runCli(["validate", "fixtures/traps/scenario-implausible-warnings.yaml", "fixtures/traps/roster-fte-in-hours.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^fixtures\/traps\/scenario-implausible-warnings\.yaml: ok, 6 warnings \(scenario;/);
    expect(r.stdout).toMatch(/\nfixtures\/traps\/roster-fte-in-hours\.csv: ok, 1 warning \(roster;/);
    const lines = r.stderr.trim().split("\n");
    expect(lines.map((l) => l.split(" ").slice(0, 3).join(" "))).toEqual([
      ...["4:17", "5:20", "6:12", "8:48", "10:49", "11:21"].map((at) => `fixtures/traps/scenario-implausible-warnings.yaml:${at}: warning CONFIG_IMPLAUSIBLE`),
      "fixtures/traps/roster-fte-in-hours.csv:2:4: warning INPUT_IMPLAUSIBLE",
    ]);
    const json = JSON.parse((await runCli(["validate", "fixtures/traps/roster-fte-in-hours.csv", "--format", "json"])).stdout);
    expect(json.files[0]).toMatchObject({ ok: true, diagnostics: [{ code: "INPUT_IMPLAUSIBLE", severity: "warning", line: 2, column: 4, field: "contract_hours", value: "1" }] });
  });

  it("plan prints a scenario's warnings on stderr and plans; -q silences them", async () => {
    const args = ["plan", week, "--scenario", "fixtures/traps/scenario-implausible-warnings.yaml", "--format", "csv"];
    const r = await runCli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toBe("");
    expect(r.stderr).toMatch(/^fixtures\/traps\/scenario-implausible-warnings\.yaml:4:17: warning CONFIG_IMPLAUSIBLE contract_hours: got 8 h for a full-time week/m);
    expect((await runCli([...args, "-q"])).stderr).not.toMatch(/CONFIG_IMPLAUSIBLE/);
  });

  it("gaps prints the roster's warning (FTE in the hours column) and goes on", async () => {
    const r = await runCli(["gaps", week, "--roster", "fixtures/traps/roster-fte-in-hours.csv", "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^fixtures\/traps\/roster-fte-in-hours\.csv:2:4: warning INPUT_IMPLAUSIBLE contract_hours: every value is 2 or less/m);
  });
});

describe("validate collects every problem of a scenario", () => {
  it("lists the warnings of the keys that parse beside the errors of the others, in file order", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "ccplan-")), "s.yaml");
    writeFileSync(file, "contract_hours: 4\nsites:\n  - name: A\n    aht_factor: 7\n");
    const r = await runCli(["validate", file]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n").filter((l) => l.startsWith(file));
    expect(lines.map((l) => l.slice(file.length).split(" ").slice(0, 3).join(" "))).toEqual([":1:17: error CONFIG_IMPLAUSIBLE", ":4:17: warning CONFIG_IMPLAUSIBLE"]);
  });
});
