import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";
import { binEnv } from "../helpers/bin-env.js";

describe("ccplan erlang (in-process)", () => {
  it("answers the textbook case with 14 agents, the curve around it and the binding target", async () => {
    const r = await runCli(["erlang", "--volume", "100", "--aht", "3:00", "--interval", "30", "--sl", "80/20"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Agents needed: 14 {2}\(binding: service-level\)/);
    expect(r.stdout).toMatch(/▶ 14 │ +88\.84% │/);
    // N = 13: SL 0.795595 by mpmath (erlang-c reference method), so 79.56%
    expect(r.stdout).toMatch(/│ +13 │ +79\.56% │/);
    expect(r.stdout).not.toMatch(/\u001b\[/); // no colour codes into a pipe
    expect(r.stderr).toBe("");
  });

  it("--sl 0.8 --sl-seconds 20 equals --sl 80/20, in JSON with unrounded numbers", async () => {
    const a = await runCli(["erlang", "--volume", "100", "--aht", "180", "--sl", "0.8", "--sl-seconds", "20", "--format", "json"]);
    const b = await runCli(["erlang", "--volume", "100", "--aht", "180", "--sl", "80/20", "--format", "json"]);
    expect(a.stdout).toBe(b.stdout);
    const doc = JSON.parse(a.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.rows).toHaveLength(1);
    expect(doc.rows[0]).toMatchObject({ agents: 14, trafficErlangs: 10, feasible: true, binding: "service-level", model: "erlang-c", abandonRate: null });
    expect(doc.rows[0].serviceLevel).toBeGreaterThan(0.8883);
    expect(String(doc.rows[0].serviceLevel).length).toBeGreaterThan(10);
  });

  it("Erlang A with --patience and --max-abandon gives 13 agents and an abandonment rate", async () => {
    const r = await runCli(["erlang", "--volume", "100", "--aht", "180", "--sl", "80/20", "--patience", "300", "--max-abandon", "5%", "--format", "json"]);
    const row = JSON.parse(r.stdout).rows[0];
    expect(row).toMatchObject({ agents: 13, model: "erlang-a" });
    expect(row.abandonRate).toBeGreaterThan(0.0249);
    expect(row.abandonRate).toBeLessThan(0.0250);
  });

  it("bad flags give every problem, exit 2 and no stack trace", async () => {
    const r = await runCli(["erlang", "--volume", "-5", "--aht", "0", "--sl", "120/20"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n").filter(Boolean)).toEqual([
      'ccplan: error INPUT_NEGATIVE --volume: got "-5", expected a number >= 0',
      'ccplan: error INPUT_NOT_POSITIVE --aht: got "0", expected a duration > 0 s',
      'ccplan: error INPUT_BAD_SERVICE_LEVEL --sl: got "120/20", expected a service level such as 80/20 (share 0–100%)',
    ]);
  });

  it("text in a number, a missing --aht and --max-abandon without --patience are usage errors (exit 2)", async () => {
    const r = await runCli(["erlang", "--volume", "lots", "--max-abandon", "5%"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/USAGE_MISSING_OPTION --aht is required/);
    expect(r.stderr).toMatch(/INPUT_NOT_A_NUMBER --volume: got "lots"/);
    expect(r.stderr).toMatch(/INPUT_NEEDS_PATIENCE/);
    expect(r.stderr).not.toMatch(/at .*\.js/);
  });

  it("an unknown option exits 2", async () => {
    const r = await runCli(["erlang", "--volume", "1", "--aht", "1", "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--bogus'/);
  });

  it("an unreachable target is reported (exit 0), and exit 1 under --strict", async () => {
    const args = ["erlang", "--volume", "100", "--aht", "180", "--sl", "100/0"];
    const loose = await runCli(args);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toMatch(/No staffing meets the targets: a service level of 100%/);
    expect(loose.stderr).toMatch(/warning PLAN_TARGET_UNREACHABLE/);
    expect((await runCli([...args, "--strict"])).code).toBe(1);
  });

  it("--input solves every row in input order; CSV and JSON carry the same fields", async () => {
    const csv = await runCli(["erlang", "--input", "fixtures/erlang-cases.csv", "--format", "csv"]);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split("\n");
    const header = lines[0]!.split(",");
    const json = JSON.parse((await runCli(["erlang", "--input", "fixtures/erlang-cases.csv", "--format", "json"])).stdout);
    expect(header).toEqual(Object.keys(json.rows[0]));
    expect(lines).toHaveLength(json.rows.length + 1);
    expect(json.rows.map((r: { line: number }) => r.line)).toEqual([...Array(json.rows.length).keys()].map((i) => i + 2));
    expect(json.rows.find((r: { id: string }) => r.id === "textbook-80-20").agents).toBe(14);
    expect(json.rows.find((r: { id: string }) => r.id === "night-line-0300").agents).toBe(0);
  });

  it("--input with a bad file lists every problem with file:line:column and exits 2", async () => {
    const r = await runCli(["erlang", "--input", "fixtures/bad/erlang-bad.csv"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe('fixtures/bad/erlang-bad.csv:2:2: error INPUT_NEGATIVE volume: got "-5", expected a number >= 0');
    expect(r.stderr.trim().split("\n")).toHaveLength(6);
  });

  it("--input with a missing file is IO_READ, exit 2", async () => {
    const r = await runCli(["erlang", "--input", "nope.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("nope.csv: error IO_READ cannot read nope.csv (no such file): expected a readable file\n");
  });

  it("--input - reads stdin", async () => {
    const r = await runCli(["erlang", "--input", "-", "--format", "csv"], {}, "volume,aht,sl_target\n100,180,80/20\n");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[1]).toMatch(/^2,,erlang-c,100,180,30,,1,0\.8,20,,,,true,14,14,10,/);
  });

  it("--out writes the report atomically and says so on stderr; a failed run leaves no file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccplan-"));
    const out = join(dir, "r.json");
    const ok = await runCli(["erlang", "--volume", "100", "--aht", "180", "--format", "json", "--out", out]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe("");
    expect(ok.stderr).toBe(`wrote ${out}\n`);
    expect(JSON.parse(readFileSync(out, "utf8")).rows[0].agents).toBe(14);
    const bad = join(dir, "bad.json");
    expect((await runCli(["erlang", "--input", "fixtures/bad/erlang-bad.csv", "--out", bad])).code).toBe(2);
    expect(existsSync(bad)).toBe(false);
  });

  it("colour follows FORCE_COLOR and NO_COLOR", async () => {
    const args = ["erlang", "--volume", "100", "--aht", "180"];
    expect((await runCli(args, { FORCE_COLOR: "1" })).stdout).toMatch(/\u001b\[/);
    expect((await runCli(args, { FORCE_COLOR: "1", NO_COLOR: "1" })).stdout).not.toMatch(/\u001b\[/);
    expect((await runCli([...args, "--no-color"], { FORCE_COLOR: "1" })).stdout).not.toMatch(/\u001b\[/);
  });

  it("--help leads with runnable examples", async () => {
    const r = await runCli(["erlang", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimStart().startsWith("Examples:")).toBe(true);
  });

  it("same inputs give the same bytes", async () => {
    const a = await runCli(["erlang", "--input", "fixtures/erlang-cases.csv", "--format", "json"]);
    const b = await runCli(["erlang", "--input", "fixtures/erlang-cases.csv", "--format", "json"]);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe("ccplan erlang (the real binary)", () => {
  const bin = "bin/ccplan.js";

  it("prints the answer and exits 0", () => {
    const out = execFileSync(process.execPath, [bin, "erlang", "--volume", "100", "--aht", "3:00", "--sl", "80/20", "--format", "csv"], { encoding: "utf8", env: binEnv() });
    expect(out.split("\n")[1]).toMatch(/,true,14,14,10,0\.88835,7\.835937,0\.174132,0\.714286,,service-level,$/);
  });

  it("exits 2 on bad input with a diagnostic and no stack trace", () => {
    const r = spawnSync(process.execPath, [bin, "erlang", "--input", "fixtures/bad/erlang-bad.csv"], { encoding: "utf8", env: binEnv() });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^fixtures\/bad\/erlang-bad\.csv:2:2: error INPUT_NEGATIVE/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("reads the French export like the English one (same agents per row)", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccplan-"));
    const en = join(dir, "en.csv");
    writeFileSync(en, "id,volume,aht,interval_minutes,sl_target,sl_seconds,patience,max_abandon\nappels-info-0900,245,270,30,0.8,20,,\ncomplaints-été,62,465,30,0.8,20,90,0.05\n");
    const run = (f: string) => execFileSync(process.execPath, [bin, "erlang", "--input", f, "--format", "json"], { encoding: "utf8", env: binEnv() });
    expect(run("fixtures/erlang-cases-fr.csv")).toBe(run(en));
  });
});

describe("ccplan erlang output plumbing", () => {
  it("--format json puts the diagnostics on stdout as JSON too (exit 2)", async () => {
    const r = await runCli(["erlang", "--volume", "-5", "--aht", "180", "--format", "json"]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.diagnostics[0]).toMatchObject({ code: "INPUT_NEGATIVE", field: "--volume", value: "-5", line: null });
    expect(r.stderr).toMatch(/INPUT_NEGATIVE/);
  });

  it("--out - writes to stdout and says nothing on stderr", async () => {
    const r = await runCli(["erlang", "--volume", "100", "--aht", "180", "--format", "csv", "--out", "-"]);
    expect(r.stdout).toMatch(/^line,id,model/);
    expect(r.stderr).toBe("");
  });

  it("the Targets line shows targets as given, never rounded (99.5% is not 100%)", async () => {
    const r = await runCli(["erlang", "--volume", "100", "--aht", "180", "--sl", "99.5/20", "--max-occupancy", "85.5%"]);
    expect(r.stdout).toMatch(/Targets: SL 99\.5% in 20 s, occupancy ≤ 85\.5%/);
  });

  it("a reader closing the pipe early ends the run quietly (no EPIPE stack trace)", () => {
    // 50,000 rows of output: far more than the pipe holds when head exits
    const script = "(echo volume,aht,sl; yes 100,180,80/20 | head -50000) | node bin/ccplan.js erlang --input - --format csv | head -1; echo \"status ${PIPESTATUS[2]}\" >&2";
    const r = spawnSync("bash", ["-c", script], { encoding: "utf8", env: binEnv() });
    expect(r.stdout).toMatch(/^line,id,model,volume,/);
    expect(r.stderr).toBe("status 0\n");
  });
});

describe("flags and batch columns are read by one parser", () => {
  it("--sl 0.8 without a threshold is INPUT_MISSING_VALUE naming --sl-seconds", async () => {
    const r = await runCli(["erlang", "--volume", "100", "--aht", "180", "--sl", "0.8"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("ccplan: error INPUT_MISSING_VALUE --sl: 0.8 has no threshold: expected --sl-seconds N, or a value such as 80/20\n");
  });

  it("--sl 80/20 with --sl-seconds 30 is INPUT_CONFLICT, like the same cells in a batch row", async () => {
    const flags = await runCli(["erlang", "--volume", "100", "--aht", "180", "--sl", "80/20", "--sl-seconds", "30"]);
    const batch = await runCli(["erlang", "--input", "-"], {}, "volume,aht,sl_target,sl_seconds\n100,180,80/20,30\n");
    expect(flags.stderr).toMatch(/^ccplan: error INPUT_CONFLICT --sl: 80\/20 says 20 s but --sl-seconds says 30 s/);
    expect(batch.stderr).toMatch(/^-:2:3: error INPUT_CONFLICT sl_target: 80\/20 says 20 s but sl_seconds says 30 s/);
  });

  it("--patience of 20000 s (111 × AHT) is computed as Erlang A, between Erlang C and a short patience", async () => {
    const row = async (patience: string) => JSON.parse((await runCli(["erlang", "--volume", "100", "--aht", "180", "--sl", "80/20", "--patience", patience, "--format", "json"])).stdout).rows[0];
    const long = await row("20000");
    expect(long).toMatchObject({ model: "erlang-a", agents: 14 });
    expect(long.abandonRate).toBeGreaterThan(0);
    expect(long.abandonRate).toBeLessThan((await row("300")).abandonRate);
  });
});
