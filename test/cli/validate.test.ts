import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readForecast } from "../../src/read/forecast-read.js";
import type { ForecastRow } from "../../src/plan/forecast.js";
import { runCli } from "../helpers/fake-io.js";

describe("ccplan validate", () => {
  it("says ok for the fixture forecasts and the erlang batch, exit 0", async () => {
    const r = await runCli(["validate", "fixtures/forecast-week.csv", "fixtures/forecast-week-fr.csv", "fixtures/erlang-cases.csv"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^fixtures\/forecast-week\.csv: ok \(forecast; rows 6034, queues 32, intervalMin 30, intervalFrom inferred/);
    expect(lines[1]).toMatch(/^fixtures\/forecast-week-fr\.csv: ok \(forecast; rows 6034, queues 32, .*encoding windows-1252, delimiter ;\)$/);
    expect(lines[2]).toBe("fixtures/erlang-cases.csv: ok (erlang-cases; rows 15)");
  });

  it("knows a requirement of agents to schedule (ccplan shifts --requirement) and checks it the same way", async () => {
    const ok = await runCli(["validate", "fixtures/requirement-week.csv"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe("fixtures/requirement-week.csv: ok (requirement; teams level 1, level 2, rows 272, intervalMin 30)\n");
    const bad = await runCli(["validate", "-"], {}, "interval_start,agents\n2026-11-23T08:00,-1\n");
    expect(bad.code).toBe(2);
    expect(bad.stdout).toMatch(/^-: 1 problem \(requirement\)/);
    expect(bad.stderr).toMatch(/^-:2:2: error INPUT_NEGATIVE agents: got "-1"/);
  });

  it("lists every problem of the broken forecast in line order, exit 2", async () => {
    const r = await runCli(["validate", "fixtures/bad/forecast-bad.csv"]);
    expect(r.code).toBe(2);
    const codes = r.stderr
      .trim()
      .split("\n")
      .map((l) => l.split(" ").slice(0, 3).join(" "));
    expect(codes).toEqual([
      "fixtures/bad/forecast-bad.csv:3:3: error INPUT_UNKNOWN_CHANNEL",
      "fixtures/bad/forecast-bad.csv:4:5: error INPUT_NEGATIVE",
      "fixtures/bad/forecast-bad.csv:5:5: error INPUT_NOT_A_NUMBER",
      "fixtures/bad/forecast-bad.csv:6:6: error INPUT_NOT_POSITIVE",
      "fixtures/bad/forecast-bad.csv:7:1: error INPUT_BAD_DATE",
      "fixtures/bad/forecast-bad.csv:8:1: error INPUT_OFF_GRID",
      "fixtures/bad/forecast-bad.csv:9: error INPUT_DUPLICATE_ROW",
      "fixtures/bad/forecast-bad.csv:10:4: error INPUT_OUT_OF_RANGE",
    ]);
  });

  it("reports a missing column, a duplicate header, an empty file, a binary file and a missing file", async () => {
    const r = await runCli([
      "validate",
      "fixtures/bad/forecast-missing-column.csv",
      "fixtures/bad/forecast-duplicate-header.csv",
      "fixtures/bad/forecast-empty.csv",
      "fixtures/bad/forecast-binary.xlsx",
      "nope.csv",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n").map((l) => l.split(" ")[2])).toEqual([
      "CSV_MISSING_COLUMN",
      "CSV_DUPLICATE_COLUMN",
      "CSV_EMPTY",
      "CSV_BINARY",
      "IO_READ",
    ]);
  });

  it("--format json gives every file with its diagnostics", async () => {
    const r = await runCli(["validate", "fixtures/bad/forecast-bad.csv", "fixtures/forecast-week.csv", "--format", "json"]);
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.files.map((f: { ok: boolean }) => f.ok)).toEqual([false, true]);
    expect(doc.files[0].diagnostics[0]).toMatchObject({ code: "INPUT_UNKNOWN_CHANNEL", line: 3, column: 3 });
  });
});

describe("the French export of the fixture week", () => {
  it("reads to the same rows as the English one (Windows-1252, ;, decimal comma, dd/mm/yyyy, mm:ss, French labels)", async () => {
    const read = async (path: string) => {
      const rows: Omit<ForecastRow, "line">[] = [];
      await readForecast([readFileSync(path)], path, {}, ({ line: _line, ...rest }) => rows.push(rest));
      return rows;
    };
    const en = await read("fixtures/forecast-week.csv");
    const fr = await read("fixtures/forecast-week-fr.csv");
    expect(fr).toEqual(en);
    expect(en.some((r) => r.typology === "demande d’information")).toBe(true);
    expect(en.some((r) => r.typology === "réclamation")).toBe(true);
  });

  it("says what a scenario plans (levels, organisation, sites) and knows a roster", async () => {
    const r = await runCli(["validate", "fixtures/scenarios/sourcing-hybrid.yaml", "fixtures/roster.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "fixtures/scenarios/sourcing-hybrid.yaml: ok (scenario; levels 3, organisation specialised-by-typology, sites Paris (internal) Rabat (outsourced), name Hybrid, level-1 phone and chat nearshore)\n" +
        "fixtures/roster.csv: ok (roster; people 149, sites Lyon Paris, skills 30, delimiter ,)\n",
    );
  });

  it("--format json names a workbook diagnostic's sheet and cell, as plan's JSON diagnostics do", async () => {
    const v = await runCli(["validate", "fixtures/bad/forecast-bad-cells.xlsx", "--format", "json"]);
    const p = await runCli(["plan", "fixtures/bad/forecast-bad-cells.xlsx", "--format", "json"]);
    expect(v.code).toBe(2);
    const places = (ds: { sheet?: string; cell?: string; code: string }[]) => ds.filter((d) => d.code !== "INPUT_TOO_MANY").map((d) => [d.code, d.sheet, d.cell]);
    const validated = places((JSON.parse(v.stdout) as { files: { diagnostics: { sheet?: string; cell?: string; code: string }[] }[] }).files[0]!.diagnostics);
    expect(validated.length).toBeGreaterThan(0);
    expect(validated.every(([, sheet, cell]) => sheet === "Prévisions" && /^[A-Z]+\d+$/.test(cell ?? ""))).toBe(true);
    const planned = places((JSON.parse(p.stdout) as { diagnostics: { sheet?: string; cell?: string; code: string }[] }).diagnostics);
    expect(validated.filter(([code]) => planned.some(([c]) => c === code))).toEqual(expect.arrayContaining(planned.filter(([code]) => code !== "INPUT_TOO_MANY")));
  });
});
