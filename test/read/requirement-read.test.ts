import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readRequirement } from "../../src/read/requirement-read.js";
import { diagnosticsOf } from "../helpers/diagnostics.js";

const enc = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes of a text whose characters are all in Latin-1 (é, É…). */
const latin1 = (text: string) => Uint8Array.from(Buffer.from(text, "latin1"));
/** Minutes since 1970-01-01T00:00 of a date and time. */
const at = (y: number, m: number, d: number, hh = 0, mm = 0) => Date.UTC(y, m - 1, d, hh, mm) / 60_000;

describe("readRequirement", () => {
  it("reads the fixture week: two teams on a 30-minute grid, Monday to Friday 08:00–20:00 and Saturday 09:00–17:00", () => {
    const bytes = readFileSync("fixtures/requirement-week.csv");
    const r = readRequirement(bytes, "fixtures/requirement-week.csv");
    expect(r.gridMin).toBe(30);
    expect(r.teams.map((t) => [t.team, t.rows.length])).toEqual([
      ["level 1", 5 * 24 + 16],
      ["level 2", 5 * 24 + 16],
    ]);
    const level1 = r.teams[0]!.rows;
    // every row of the file, by team, once
    const lines = bytes.toString().trim().split("\n").slice(1).map((l) => l.split(","));
    const fromFile = lines.filter((c) => c[1] === "level 1").map((c) => ({ startMin: Date.parse(`${c[0]}Z`) / 60_000, agents: Number(c[2]) }));
    expect(level1).toEqual(fromFile);
    expect(level1[0]!.startMin).toBe(at(2026, 11, 23, 8));
    expect(level1.at(-1)!.startMin).toBe(at(2026, 11, 28, 16, 30));
    expect(level1.every((row, k) => k === 0 || row.startMin > level1[k - 1]!.startMin)).toBe(true);
  });

  it("without a team column has one team, named all; infers the interval from the spacing; reads dd/mm dates and date + time columns", () => {
    const r = readRequirement(enc("interval_start,agents\n23/11/2026 08:00,4\n23/11/2026 08:15,5.5\n23/11/2026 08:30,0\n"), "r.csv");
    expect(r).toEqual({
      gridMin: 15,
      teams: [
        {
          team: "all",
          rows: [
            { startMin: at(2026, 11, 23, 8), agents: 4 },
            { startMin: at(2026, 11, 23, 8, 15), agents: 5.5 },
            { startMin: at(2026, 11, 23, 8, 30), agents: 0 },
          ],
        },
      ],
    });
    const split = readRequirement(enc("date,time,agents\n2026-11-23,08:00,4\n2026-11-23,08:30,5\n"), "r.csv");
    expect(split.gridMin).toBe(30);
    expect(split.teams[0]!.rows.map((row) => row.startMin)).toEqual([at(2026, 11, 23, 8), at(2026, 11, 23, 8, 30)]);
  });

  it("reads a French export: ; delimiter, decimal comma, Windows-1252, French headers, an interval_minutes column", () => {
    const text = "Début intervalle;Équipe;Besoin;Pas\r\n23/11/2026 08:00;niveau 1;12,5;30\r\n23/11/2026 08:30;niveau 1;1.234,5;30\r\n23/11/2026 08:00;niveau 2;3,0;60\r\n";
    const r = readRequirement(latin1(text), "besoin.csv");
    expect(r.gridMin).toBe(30);
    expect(r.teams).toEqual([
      {
        team: "niveau 1",
        rows: [
          { startMin: at(2026, 11, 23, 8), agents: 12.5 },
          { startMin: at(2026, 11, 23, 8, 30), agents: 1234.5 },
        ],
      },
      // a 60-minute row covers two 30-minute intervals of the common grid, with its agents in each
      {
        team: "niveau 2",
        rows: [
          { startMin: at(2026, 11, 23, 8), agents: 3 },
          { startMin: at(2026, 11, 23, 8, 30), agents: 3 },
        ],
      },
    ]);
  });

  it("puts teams of 15 and 30 minutes on a 15-minute grid, and takes an interval option for a sparse file", () => {
    const text = "interval_start,team,agents\n2026-11-23T08:00,a,2\n2026-11-23T08:15,a,3\n2026-11-23T08:00,b,10\n2026-11-23T08:30,b,20\n";
    const r = readRequirement(enc(text), "r.csv");
    expect(r.gridMin).toBe(15);
    expect(r.teams[1]!.rows.map((row) => row.agents)).toEqual([10, 10, 20, 20]);
    const sparse = readRequirement(enc("interval_start,agents\n2026-11-23T08:00,2\n2026-11-23T10:00,3\n"), "r.csv", { intervalMin: 30 });
    expect(sparse.gridMin).toBe(30);
    expect(sparse.teams[0]!.rows).toHaveLength(2);
  });

  it("reports every bad cell with its line and column: negative agents, a bad date, a blank, a duplicate row naming the first", () => {
    const text = [
      "interval_start,team,agents",
      "2026-11-23T08:00,level 1,-2",
      "2026-11-31T08:30,level 1,3",
      "2026-11-23T09:00,level 1,",
      "2026-11-23T09:30,level 1,4",
      "2026-11-23T09:30,level 1,5",
      "2026-11-23T10:00,,5",
      "2026-11-23T10:00,level 2,deux",
      "",
    ].join("\n");
    const d = diagnosticsOf(() => readRequirement(enc(text), "bad.csv"));
    expect(d.map((x) => [x.code, x.line, x.column ?? null])).toEqual([
      ["INPUT_NEGATIVE", 2, 3],
      ["INPUT_BAD_DATE", 3, 1],
      ["INPUT_MISSING_VALUE", 4, 3],
      ["INPUT_DUPLICATE_ROW", 6, null],
      ["INPUT_MISSING_VALUE", 7, 2],
      ["INPUT_NOT_A_NUMBER", 8, 3],
    ]);
    expect(d.map((x) => x.message)).toEqual([
      'agents: got "-2", expected a number >= 0',
      'interval_start: got "2026-11-31T08:30", expected a date-time such as 2026-11-23T08:30 or 23/11/2026 08:30',
      "agents is blank: expected the agents needed (0 or more)",
      'a second row for team "level 1" at 2026-11-23T09:30, after line 5: expected one row per interval and team',
      "team is blank: expected the team's name",
      'agents: got "deux", expected a number',
    ]);
  });

  it("refuses a start off its team's grid, two interval lengths in one team, and an interval that does not divide an hour", () => {
    const text = ["interval_start,team,agents,interval_minutes", "2026-11-23T08:00,a,1,30", "2026-11-23T08:15,a,1,30", "2026-11-23T08:30,a,1,15", "2026-11-23T08:00,b,1,45", ""].join("\n");
    const d = diagnosticsOf(() => readRequirement(enc(text), "bad.csv"));
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([
      ["INPUT_OFF_GRID", 3, 1],
      ["INPUT_CONFLICT", 4, 4],
      ["INPUT_OUT_OF_RANGE", 5, 4],
    ]);
    expect(d[0]!.message).toBe('interval start 2026-11-23T08:15 is not on the 30-minute grid of team "a": expected a start at a multiple of 30 minutes after midnight');
    expect(d[1]!.message).toBe('interval_minutes: got 15 for team "a", but line 2 has 30: expected one interval length per team');
    expect(d[2]!.message).toBe('interval_minutes: got "45", expected a divisor of an hour (5, 10, 15, 20, 30 or 60 minutes)');
  });

  it("decides dd/mm or mm/dd from a day above 12, else from the spacing of the rows, and refuses a file that cannot tell or mixes them", () => {
    const us = readRequirement(enc("interval_start,agents\n11/23/2026 08:00,1\n11/23/2026 08:30,1\n"), "r.csv");
    expect(us.teams[0]!.rows[0]!.startMin).toBe(at(2026, 11, 23, 8));
    // 01/12 then 02/12: a day apart as dd/mm, a month as mm/dd
    const spaced = readRequirement(enc("interval_start,agents\n01/12/2026 08:00,1\n02/12/2026 08:00,1\n03/12/2026 08:00,1\n"), "r.csv", { intervalMin: 30 });
    expect(spaced.teams[0]!.rows.map((row) => row.startMin)).toEqual([at(2026, 12, 1, 8), at(2026, 12, 2, 8), at(2026, 12, 3, 8)]);
    const one = "interval_start,agents\n05/06/2026 08:00,1\n05/06/2026 08:30,1\n";
    const [d] = diagnosticsOf(() => readRequirement(enc(one), "r.csv"));
    expect([d!.code, d!.line, d!.column]).toEqual(["INPUT_AMBIGUOUS_DATE", 2, 1]);
    expect(d!.message).toMatch(/read as 5 June 2026 \(dd\/mm\) or 6 May 2026 \(mm\/dd\).*expected --date-format dmy or --date-format mdy$/);
    expect(readRequirement(enc(one), "r.csv", { dateFormat: "mdy" }).teams[0]!.rows[0]!.startMin).toBe(at(2026, 5, 6, 8));
    const [m] = diagnosticsOf(() => readRequirement(enc("interval_start,agents\n23/11/2026 08:00,1\n11/24/2026 08:00,1\n"), "r.csv", { intervalMin: 30 }));
    expect([m!.code, m!.line, m!.column]).toEqual(["INPUT_AMBIGUOUS_DATE", 3, 1]);
    expect(m!.message).toMatch(/reads only as mm\/dd, but line 2 has "23\/11\/2026 08:00", which reads only as dd\/mm/);
  });

  it("refuses a file that is no requirement: a forecast, a missing agents column, a header alone", () => {
    const [f] = diagnosticsOf(() => readRequirement(readFileSync("fixtures/forecast-week.csv"), "forecast-week.csv"));
    expect([f!.code, f!.line]).toEqual(["CSV_WRONG_KIND", 1]);
    expect(f!.message).toMatch(/^this looks like a forecast \(.*\), not a requirement of agents to schedule: give it as the forecast: ccplan shifts forecast-week.csv/);
    const d = diagnosticsOf(() => readRequirement(enc("interval_start,agent\n2026-11-23T08:00,1\n"), "r.csv"));
    expect(d.map((x) => [x.code, x.line, x.column ?? null])).toEqual([
      ["CSV_UNKNOWN_COLUMN", 1, 2],
      ["CSV_MISSING_COLUMN", 1, null],
    ]);
    expect(diagnosticsOf(() => readRequirement(enc("interval_start,agents\n\n"), "r.csv")).map((x) => x.code)).toEqual(["CSV_NO_DATA"]);
  });
});
