import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";
import { binEnv } from "../helpers/bin-env.js";

/** The first GNU-style diagnostic line of stderr, split: place, severity, code, message. */
function firstDiagnostic(stderr: string) {
  const line = stderr.split("\n")[0]!;
  const m = /^(\S+): (error|warning) (\S+) (.*)$/.exec(line);
  if (m === null) throw new Error(`not a diagnostic: ${line}`);
  return { place: m[1], severity: m[2], code: m[3], message: m[4] };
}

describe("ccplan on files that are not what the command reads", () => {
  it("plan on a roster, an erlang batch or a scenario: exit 2, CSV_WRONG_KIND naming the command to use", async () => {
    const roster = await runCli(["plan", "fixtures/roster.csv"]);
    expect(roster.code).toBe(2);
    expect(firstDiagnostic(roster.stderr)).toEqual({
      place: "fixtures/roster.csv:1",
      severity: "error",
      code: "CSV_WRONG_KIND",
      message: "this looks like a roster (agent_id, site, tier, skills), not a forecast: use ccplan gaps FORECAST --roster fixtures/roster.csv",
    });
    expect(roster.stderr.trim().split("\n")).toHaveLength(1);
    const batch = await runCli(["plan", "fixtures/erlang-cases.csv"]);
    expect(firstDiagnostic(batch.stderr)).toMatchObject({ code: "CSV_WRONG_KIND", message: expect.stringMatching(/not a forecast: use ccplan erlang --input fixtures\/erlang-cases\.csv$/) });
    const scenario = await runCli(["plan", "fixtures/scenarios/in-house.yaml"]);
    expect(scenario.code).toBe(2);
    expect(firstDiagnostic(scenario.stderr)).toMatchObject({ code: "CSV_WRONG_KIND", message: expect.stringMatching(/^this looks like a scenario \(YAML or JSON\).*use it with --scenario/) });
  });

  it("gaps with a forecast as --roster, erlang --input with a forecast: exit 2, CSV_WRONG_KIND", async () => {
    const gaps = await runCli(["gaps", "fixtures/forecast-week.csv", "--roster", "fixtures/forecast-week.csv"]);
    expect(gaps.code).toBe(2);
    expect(firstDiagnostic(gaps.stderr)).toMatchObject({ place: "fixtures/forecast-week.csv:1", code: "CSV_WRONG_KIND", message: expect.stringMatching(/not a roster/) });
    const erlang = await runCli(["erlang", "--input", "fixtures/forecast-week.csv"]);
    expect(erlang.code).toBe(2);
    expect(firstDiagnostic(erlang.stderr)).toMatchObject({ code: "CSV_WRONG_KIND", message: expect.stringMatching(/not an erlang batch: use ccplan plan fixtures\/forecast-week\.csv$/) });
  });

  it("a forecast or a batch with a header and no rows: exit 2, CSV_NO_DATA, nothing on stdout", async () => {
    for (const args of [["plan", "fixtures/bad/forecast-header-only.csv"], ["erlang", "--input", "fixtures/traps/batch-header-only.csv"], ["validate", "fixtures/bad/forecast-header-only.csv"]]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(firstDiagnostic(r.stderr)).toMatchObject({ place: `${args.at(-1)}:1`, code: "CSV_NO_DATA", message: expect.stringMatching(/^no data rows/) });
      if (args[0] !== "validate") expect(r.stdout).toBe("");
    }
  });
});

describe("ccplan --delimiter", () => {
  it("refuses two characters in every command: exit 2, USAGE_BAD_OPTION", async () => {
    const commands = [
      ["plan", "fixtures/forecast-week.csv"],
      ["compare", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/sourcing-in-house.yaml"],
      ["gaps", "fixtures/forecast-week.csv", "--roster", "fixtures/roster.csv"],
      ["validate", "fixtures/forecast-week.csv"],
      ["erlang", "--input", "fixtures/erlang-cases.csv"],
    ];
    for (const args of commands) {
      const r = await runCli([...args, "--delimiter", "ab"]);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toBe('ccplan: error USAGE_BAD_OPTION --delimiter: got "ab" (2 characters), expected one character such as , ; | or tab (also: tab, \\t, comma, semicolon, pipe)\n');
    }
  });

  it("accepts tab, \\t and the character itself alike", async () => {
    const file = "fixtures/traps/bytes-unicode-text-utf16le.csv";
    const outs = await Promise.all(["tab", "\\t", "\t"].map((d) => runCli(["validate", file, "--delimiter", d])));
    for (const r of outs) expect(r.code).toBe(0);
    expect(new Set(outs.map((r) => r.stdout)).size).toBe(1);
  });
});

describe("ccplan on exports in other encodings", () => {
  it("plans Excel's Unicode text (UTF-16LE, tabs) exactly as the same rows in UTF-8", async () => {
    const utf16 = await runCli(["plan", "fixtures/traps/bytes-unicode-text-utf16le.csv", "--report", "queues", "--format", "csv"]);
    expect(utf16.code).toBe(0);
    const text = readFileSync("fixtures/traps/bytes-unicode-text-utf16le.csv").subarray(2).toString("utf16le").replaceAll("\t", ",");
    const utf8 = await runCli(["plan", "-", "--report", "queues", "--format", "csv"], {}, text);
    expect(utf8.code).toBe(0);
    expect(utf16.stdout).toBe(utf8.stdout);
    expect(utf16.stdout).toContain("réclamation");
  });

  it("refuses a file mixing UTF-8 and Windows-1252: exit 2, CSV_ENCODING on the bad byte's line and column", async () => {
    const r = await runCli(["plan", "fixtures/traps/bytes-mixed-utf8-then-1252.csv"]);
    expect(r.code).toBe(2);
    expect(firstDiagnostic(r.stderr)).toMatchObject({ place: "fixtures/traps/bytes-mixed-utf8-then-1252.csv:5:2", code: "CSV_ENCODING" });
    const back = await runCli(["validate", "fixtures/traps/bytes-mixed-1252-then-utf8.csv"]);
    expect(firstDiagnostic(back.stderr)).toMatchObject({ place: "fixtures/traps/bytes-mixed-1252-then-utf8.csv:5:2", code: "CSV_ENCODING" });
  });

  it("end to end, the real binary reads a queue-sorted Windows-1252 export whose first accent is past the first MiB", () => {
    const file = "fixtures/traps/bytes-late-accents-1252.csv";
    expect(readFileSync(file).findIndex((b) => b >= 0x80)).toBeGreaterThan(1 << 20);
    const r = spawnSync(process.execPath, ["bin/ccplan.js", "plan", file, "--report", "queues", "--format", "csv"], { encoding: "utf8", env: binEnv() });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(",fidélisation,");
    expect(r.stdout).toContain(",réclamation,");
    expect(r.stdout).not.toContain("\uFFFD");
    const v = spawnSync(process.execPath, ["bin/ccplan.js", "validate", file], { encoding: "utf8", env: binEnv() });
    expect(v.stdout).toMatch(/ok \(forecast; rows 24136, queues 32, .*encoding windows-1252, delimiter ,\)/);
  });
});

describe("ccplan on CSV syntax errors", () => {
  it("names the true line and field: an unclosed quote on line 4, a stray quote on line 6", async () => {
    const unclosed = await runCli(["plan", "fixtures/bad/forecast-unclosed-quote.csv"]);
    expect(unclosed.code).toBe(2);
    expect(firstDiagnostic(unclosed.stderr)).toMatchObject({ place: "fixtures/bad/forecast-unclosed-quote.csv:4:2", code: "CSV_SYNTAX" });
    const stray = await runCli(["validate", "fixtures/bad/forecast-stray-quote.csv"]);
    expect(firstDiagnostic(stray.stderr)).toMatchObject({
      place: "fixtures/bad/forecast-stray-quote.csv:6:3",
      code: "CSV_SYNTAX",
      message: 'CSV syntax: a quote inside unquoted field 3: got "em\\"ail", expected the whole field in quotes with the quote doubled ("12"" screen")',
    });
    const batch = await runCli(["erlang", "--input", "fixtures/traps/batch-unclosed-quote.csv"]);
    expect(firstDiagnostic(batch.stderr)).toMatchObject({ place: "fixtures/traps/batch-unclosed-quote.csv:4:1", code: "CSV_SYNTAX" });
  });
});

describe("ccplan and control characters", () => {
  it("never writes a control character from a file to the terminal (ANSI clear screen, C1 CSI)", async () => {
    const r = await runCli(["validate", "fixtures/traps/bytes-control-chars.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("\\u{1b}[2J");
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const plan = await runCli(["plan", "fixtures/traps/bytes-control-chars.csv"]);
    expect(plan.code).toBe(2);
    expect(plan.stderr + plan.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe("ccplan on a NUL byte", () => {
  it("refuses a stray NUL inside a name on its line and column (the file is text), and a workbook as binary", async () => {
    const head = readFileSync("fixtures/forecast-week.csv", "utf8").split("\n").slice(0, 3).join("\n");
    const text = `${head}\n2026-11-23T01:00,recla\u0000mation,phone,inbound,3,300,,,,,,\n`;
    const stray = await runCli(["plan", "-"], {}, text);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/^-:4:2: error INPUT_BAD_NAME typology: got "recla\\u\{0\}mation"/);
    const xlsx = await runCli(["plan", "fixtures/bad/forecast-binary.xlsx"]);
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr).toContain("error CSV_BINARY");
  });
});
