import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";
import { dateCell, durationCell, forecastSheetFromCsv, sheetFromCsv, workbookBytes, type TestCell } from "../helpers/workbook.js";

let dir: string;
let forecast: string; // forecast-week.csv as a workbook: a "Notes" sheet first, then "Prévisions"
let roster: string;
let cases: string;
let badCells: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ccplan-xlsx-"));
  const week = forecastSheetFromCsv("Prévisions", readFileSync("fixtures/forecast-week.csv", "utf8"), "dd/mm/yyyy hh:mm");
  forecast = join(dir, "week.xlsx");
  writeFileSync(forecast, await workbookBytes([{ name: "Notes", rows: [["export of 2026-11-20"]] }, week]));
  roster = join(dir, "roster.xlsx");
  writeFileSync(roster, await workbookBytes([sheetFromCsv("Équipe", readFileSync("fixtures/roster.csv", "utf8"))]));
  cases = join(dir, "cases.xlsx");
  const batch = sheetFromCsv("Files", readFileSync("fixtures/erlang-cases.csv", "utf8"), (text, column): TestCell => {
    if (column === "id") return text;
    const clock = /^(\d+):(\d\d)$/.exec(text);
    if (clock) return durationCell(Number(clock[1]) * 60 + Number(clock[2]), "mm:ss");
    if (text.endsWith("%")) return { value: Number(text.slice(0, -1)) / 100, numFmt: "0%" };
    return Number(text);
  });
  writeFileSync(cases, await workbookBytes([batch]));
  badCells = join(dir, "bad.xlsx");
  const rows: TestCell[][] = [["interval_start", "typology", "channel", "volume", "aht"]];
  for (let h = 0; h < 7; h++) rows.push([dateCell(`2026-11-23T${String(8 + h).padStart(2, "0")}:00`), "billing", h === 5 ? "fax" : "phone", 10, 240]);
  writeFileSync(badCells, await workbookBytes([{ name: "Week 48", rows }]));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** stdout with the input's path replaced, to compare the runs of two twins. */
const named = (stdout: string, path: string) => stdout.split(path).join("INPUT");

describe("ccplan reads .xlsx inputs", { timeout: 120_000 }, () => {
  it("plan gives the JSON of its CSV twin for a workbook written by exceljs (--sheet Prévisions)", async () => {
    const csv = await runCli(["plan", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/in-house.yaml", "--format", "json"]);
    const xlsx = await runCli(["plan", forecast, "--sheet", "Prévisions", "--scenario", "fixtures/scenarios/in-house.yaml", "--format", "json"]);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stderr).toBe(csv.stderr.split("fixtures/forecast-week.csv").join(forecast));
    expect(named(xlsx.stdout, forecast)).toBe(named(csv.stdout, "fixtures/forecast-week.csv"));
  });

  it("plan gives the same plan for the French fixture workbook as for the French CSV export, in every report", async () => {
    for (const args of [["--format", "json"], ["--report", "days", "--format", "csv"], ["--report", "intervals", "--format", "csv"]]) {
      const csv = await runCli(["plan", "fixtures/forecast-week-fr.csv", ...args]);
      const xlsx = await runCli(["plan", "fixtures/forecast-week-fr.xlsx", ...args]);
      expect(xlsx.code).toBe(0);
      expect(named(xlsx.stdout, "fixtures/forecast-week-fr.xlsx")).toBe(named(csv.stdout, "fixtures/forecast-week-fr.csv"));
    }
  });

  it("gaps --roster x.xlsx gives the JSON of the CSV roster", async () => {
    const base = ["gaps", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/gaps-two-sites.yaml", "--format", "json"];
    const csv = await runCli([...base, "--roster", "fixtures/roster.csv"]);
    const xlsx = await runCli([...base, "--roster", roster]);
    expect(xlsx.code).toBe(0);
    expect(named(xlsx.stdout, roster)).toBe(named(csv.stdout, "fixtures/roster.csv"));
    const fixture = await runCli([...base, "--roster", "fixtures/roster.xlsx"]);
    expect(named(fixture.stdout, "fixtures/roster.xlsx")).toBe(named(csv.stdout, "fixtures/roster.csv"));
  });

  it("erlang --input x.xlsx gives the answers of the CSV batch", async () => {
    for (const format of ["json", "csv", "table"]) {
      const csv = await runCli(["erlang", "--input", "fixtures/erlang-cases.csv", "--format", format]);
      const xlsx = await runCli(["erlang", "--input", cases, "--format", format]);
      expect(xlsx.code).toBe(0);
      expect(named(xlsx.stdout, cases)).toBe(named(csv.stdout, "fixtures/erlang-cases.csv"));
    }
  });

  it("a bad cell is reported as file:Sheet!C7 with the code the CSV reader gives, exit 2; JSON diagnostics carry the sheet and cell", async () => {
    const r = await runCli(["plan", badCells]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^${badCells.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:'Week 48'!C7: error INPUT_UNKNOWN_CHANNEL channel: got "fax"`));
    const json = await runCli(["plan", badCells, "--format", "json"]);
    expect(JSON.parse(json.stdout).diagnostics[0]).toMatchObject({ code: "INPUT_UNKNOWN_CHANNEL", line: 7, column: 3, sheet: "Week 48", cell: "C7" });
  });

  it("the fixture with broken cells gives every problem with its cell", async () => {
    const r = await runCli(["validate", "fixtures/bad/forecast-bad-cells.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n").map((l) => l.split(": error ")[0] + " " + l.split(" ")[2])).toEqual([
      "fixtures/bad/forecast-bad-cells.xlsx:Prévisions!E4 INPUT_NOT_A_NUMBER",
      "fixtures/bad/forecast-bad-cells.xlsx:Prévisions!F5 INPUT_EXCEL_ERROR",
      "fixtures/bad/forecast-bad-cells.xlsx:Prévisions!E6 INPUT_UNCOMPUTED_FORMULA",
      "fixtures/bad/forecast-bad-cells.xlsx:Prévisions!E7 INPUT_NEGATIVE",
    ]);
  });

  it("--sheet picks a sheet; the first sheet is read without it; an unknown sheet exits 2 with the sheets listed and no stack trace", async () => {
    const first = await runCli(["plan", forecast]);
    expect(first.code).toBe(2);
    expect(first.stderr).toContain(`${forecast}:Notes!1:1: error CSV_MISSING_COLUMN`);
    const unknown = await runCli(["plan", forecast, "--sheet", "Previsions2"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`${forecast}: error USAGE_BAD_OPTION --sheet: got "Previsions2", expected one of the sheets of ${forecast}: "Notes", "Prévisions" — did you mean "Prévisions"?\n`);
    for (const args of [
      ["compare", forecast, "--scenario", "fixtures/scenarios/sourcing-in-house.yaml", "--scenario", "fixtures/scenarios/sourcing-hybrid.yaml", "--sheet", "Nope"],
      ["shifts", "--requirement", forecast, "--scenario", "fixtures/scenarios/in-house-shifts.yaml", "--sheet", "Nope"],
      ["erlang", "--input", cases, "--sheet", "Nope"],
      ["validate", forecast, "--sheet", "Nope"],
    ]) {
      const r = await runCli(args);
      expect([args[0], r.code, r.stderr.includes('USAGE_BAD_OPTION --sheet: got "Nope"'), r.stderr.includes("    at ")]).toEqual([args[0], 2, true, false]);
    }
  });

  it("validate finds a header below a title and warns at its cell; a sheet of no known kind is refused at its sheet and the row taken as its header (its row of column names, not its title)", async () => {
    const rows: TestCell[][] = [["Prévisions semaine 48 – service clients"], [], ["interval_start", "typology", "channel", "volume", "aht"]];
    for (let h = 0; h < 4; h++) rows.push([dateCell(`2026-11-23T${String(8 + h).padStart(2, "0")}:00`), "billing", "phone", 10, 240]);
    const titled = join(dir, "titled.xlsx");
    writeFileSync(titled, await workbookBytes([{ name: "Prévisions S48", rows }]));
    const r = await runCli(["validate", titled]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${titled.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: ok, 1 warning \\(forecast; rows 4, `));
    expect(r.stderr).toBe(`${titled}:'Prévisions S48'!A3: warning INPUT_HEADER_ROW the header is on row 3; rows 1–2 above it are ignored ("Prévisions semaine 48 – service clients")\n`);
    const plan = await runCli(["plan", titled, "--format", "json"]);
    expect([plan.code, plan.stderr]).toEqual([0, r.stderr]);

    const unknown = join(dir, "unknown.xlsx");
    writeFileSync(unknown, await workbookBytes([{ name: "Notes", rows: [["Prévisions semaine 48"], null, ["Quand", "Quoi", "Combien"], [1, 2, 3]] }]));
    const u = await runCli(["validate", unknown]);
    expect(u.code).toBe(2);
    expect(u.stderr).toBe(
      `${unknown}:Notes!3:3: error CSV_MISSING_COLUMN not a file ccplan knows (row 3 taken as the header: no row among the first 20 names the columns of one): expected a forecast (interval_start, typology, channel, volume, aht), an erlang batch (volume, aht), a roster (agent_id, site, tier) or a requirement (interval_start, agents)\n`,
    );
  });

  it("the planner's-layout fixture: the header under a title is found with a warning, a blank cell of a merged range says so; errors and warnings counted apart", async () => {
    const r = await runCli(["validate", "fixtures/traps/forecast-title-merged.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("fixtures/traps/forecast-title-merged.xlsx: 1 problem, 1 warning (forecast)\n");
    expect(r.stderr.split("\n")).toEqual([
      `fixtures/traps/forecast-title-merged.xlsx:'Prévisions S48'!A3: warning INPUT_HEADER_ROW the header is on row 3; rows 1–2 above it are ignored ("Prévisions semaine 48 – service clients")`,
      "fixtures/traps/forecast-title-merged.xlsx:'Prévisions S48'!C7: error INPUT_MISSING_VALUE Motif is blank: expected a value (C7 is part of the merged cell C6:C7: unmerge and fill each row)",
      "",
    ]);
  });

  it("--roster-sheet picks the roster's sheet in gaps and compare", async () => {
    for (const command of [
      ["gaps", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/gaps-two-sites.yaml"],
      ["compare", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/sourcing-in-house.yaml", "--scenario", "fixtures/scenarios/sourcing-hybrid.yaml"],
    ]) {
      const r = await runCli([...command, "--roster", roster, "--roster-sheet", "Equipe2"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error USAGE_BAD_OPTION --roster-sheet: got "Equipe2", expected one of the sheets of');
    }
    const ok = await runCli(["gaps", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/gaps-two-sites.yaml", "--roster", roster, "--roster-sheet", "equipe", "--format", "json"]);
    expect(ok.code).toBe(0);
  });

  it("gaps names a roster workbook's cell in its warnings (a skill the plan does not have)", async () => {
    const extra = join(dir, "extra.xlsx");
    const rows: TestCell[][] = [
      ["agent_id", "site", "tier", "contract_hours", "réclamation:phone", "astrologie:phone"],
      ["A1", "Paris", "L1", 35, 2, 1],
    ];
    writeFileSync(extra, await workbookBytes([{ name: "Équipe", rows }]));
    const r = await runCli(["gaps", "fixtures/forecast-week.csv", "--roster", extra, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${extra}:Équipe!F1: warning PLAN_UNUSED_RULE skill "astrologie:phone" is no skill of the plan`);
  });

  it("--sheet with a CSV file is a warning: the file is read", async () => {
    const r = await runCli(["erlang", "--input", "fixtures/erlang-cases.csv", "--sheet", "Files", "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('fixtures/erlang-cases.csv: warning USAGE_BAD_OPTION --sheet "Files" is not used: the file is CSV, not a workbook\n');
  });

  it("a damaged workbook, a junk zip and an .xls exit 2 with CSV_BINARY saying what they are, never a stack trace", async () => {
    const truncated = join(dir, "truncated.xlsx");
    writeFileSync(truncated, readFileSync("fixtures/roster.xlsx").subarray(0, 4000));
    const xls = join(dir, "old.xls");
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    for (const [args, what] of [
      [["plan", truncated], /truncated or damaged/],
      [["plan", "fixtures/bad/forecast-binary.xlsx"], /starts like a zip archive/],
      [["gaps", "fixtures/forecast-week.csv", "--roster", truncated], /truncated or damaged/],
      [["erlang", "--input", xls], /Excel 97–2003 workbook \(\.xls\)/],
      [["validate", xls], /Excel 97–2003 workbook \(\.xls\)/],
    ] as const) {
      const r = await runCli([...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^[^\n]*: error CSV_BINARY /);
      expect(r.stderr).toMatch(what);
      expect(r.stderr).not.toContain("    at ");
    }
  });

  it("the real binary reads a workbook from stdin and from a file, exceljs's reader loaded from dist", () => {
    const piped = spawnSync(process.execPath, ["bin/ccplan.js", "validate", "-"], { input: readFileSync("fixtures/roster.xlsx"), encoding: "utf8" });
    expect([piped.status, piped.stdout]).toEqual([0, "-: ok (roster; people 149, sites Lyon Paris, skills 30, sheet Effectifs)\n"]);
    const bad = spawnSync(process.execPath, ["bin/ccplan.js", "plan", "fixtures/bad/forecast-bad-cells.xlsx"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr.split("\n")[0]).toBe('fixtures/bad/forecast-bad-cells.xlsx:Prévisions!E4: error INPUT_NOT_A_NUMBER Appels: got "douze", expected a number');
  });

  it("validate tells each workbook's kind from its sheet's header and names the sheet read", async () => {
    const r = await runCli(["validate", "fixtures/forecast-week-fr.xlsx", "fixtures/roster.xlsx", "fixtures/erlang-cases.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")).toEqual([
      "fixtures/forecast-week-fr.xlsx: ok (forecast; rows 6034, queues 32, intervalMin 30, intervalFrom inferred, first 2026-11-23T00:00, last 2026-11-29T23:30, sheet Prévisions)",
      "fixtures/roster.xlsx: ok (roster; people 149, sites Lyon Paris, skills 30, sheet Effectifs)",
      "fixtures/erlang-cases.xlsx: ok (erlang-cases; rows 15, sheet Files)",
      "",
    ]);
  });
});
