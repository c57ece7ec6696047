import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readRoster } from "../../src/read/roster-read.js";
import { skillKey } from "../../src/plan/gaps.js";
import { diagnosticsOf } from "../helpers/diagnostics.js";

const enc = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes of a text whose characters are all in Latin-1 (é, è…). */
const latin1 = (text: string) => Uint8Array.from(Buffer.from(text, "latin1"));
const hours35 = () => 35;

describe("readRoster", () => {
  it("reads the fixture roster: about 150 people on two sites, skills as a matrix", () => {
    const r = readRoster(readFileSync("fixtures/roster.csv"), "fixtures/roster.csv", hours35);
    expect(r.summary).toMatchObject({ people: 149, sites: ["Lyon", "Paris"], skills: 30, delimiter: "," });
    const first = r.people[0]!;
    expect(first).toMatchObject({ agentId: "A001", site: "Lyon", tier: 1, fte: 1 });
    expect([...first.skills.keys()].every((k) => k.startsWith("demande d'information:"))).toBe(true);
    expect(new Set(r.people.map((p) => p.tier))).toEqual(new Set([1, 2, 3]));
  });

  it("reads a French export (; delimiter, decimal comma, Windows-1252) with the matrix and a skills list", () => {
    const text = "Matricule;Site;Niveau;Heures contrat;Réclamation:Téléphone;Compétences\nA1;Lyon;N2;17,5;3;information:courriel=2|recouvrement:tel\nA2;Lyon;niveau 1;35;;\n";
    const r = readRoster(latin1(text), "r.csv", hours35);
    expect(r.people).toHaveLength(2);
    const a1 = r.people[0]!;
    expect(a1).toMatchObject({ agentId: "A1", tier: 2, fte: 0.5 });
    expect([...a1.skills]).toEqual([
      [skillKey("réclamation", "phone"), 3],
      [skillKey("information", "email"), 2],
      [skillKey("recouvrement", "phone"), 1],
    ]);
    expect(r.people[1]!.skills.size).toBe(0);
  });

  it("takes a site's own contract hours and an fte column as given", () => {
    const r = readRoster(enc("agent_id,site,tier,contract_hours,fte,a:phone\nA,Rabat,1,44,,1\nB,Paris,1,,0.8,1\n"), "r.csv", (s) => (s === "Rabat" ? 44 : 35));
    expect(r.people.map((p) => p.fte)).toEqual([1, 0.8]);
  });

  it("reports every bad cell with line and column: tier, duplicate agent, blank site, hours, proficiency, skills list", () => {
    const text = "agent_id,site,tier,contract_hours,info:phone,skills\nA1,Paris,L4,35,2,\nA1,,2,abc,5,\nA3,Paris,1,35,,info:pigeon=2|x\n";
    const d = diagnosticsOf(() => readRoster(enc(text), "bad.csv", hours35));
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([
      ["INPUT_OUT_OF_RANGE", 2, 3],
      ["INPUT_CONFLICT", 3, 1],
      ["INPUT_MISSING_VALUE", 3, 2],
      ["INPUT_NOT_A_NUMBER", 3, 4],
      ["INPUT_OUT_OF_RANGE", 3, 5],
      ["INPUT_UNKNOWN_CHANNEL", 4, 6],
      ["INPUT_OUT_OF_RANGE", 4, 6],
    ]);
    expect(d[4]!.message).toBe("info:phone: got \"5\", expected a proficiency 0, 1, 2 or 3 (blank = 0)");
  });

  it("reports a skill column twice (case or accents aside), still checks the rows past a bad skill header, and takes 2.0 as 2", () => {
    const d = diagnosticsOf(() => readRoster(enc("agent_id,site,tier,fte,info:phone,Info:Téléphone,x:pigeon\nA1,Paris,L4,1,2,,\n"), "r.csv", hours35));
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([
      ["CSV_DUPLICATE_COLUMN", 1, 6],
      ["INPUT_UNKNOWN_CHANNEL", 1, 7],
    ]);
    const rows = diagnosticsOf(() => readRoster(enc("agent_id,site,tier,fte,info:phone,x:pigeon\nA1,Paris,L4,1,2.0,\n"), "r.csv", hours35));
    expect(rows.map((x) => [x.code, x.line])).toEqual([
      ["INPUT_UNKNOWN_CHANNEL", 1],
      ["INPUT_OUT_OF_RANGE", 2],
    ]);
    expect([...readRoster(enc("agent_id,site,tier,fte,info:phone\nA1,Paris,1,1,\"2,0\"\n"), "r.csv", hours35).people[0]!.skills.values()]).toEqual([2]);
  });

  it("reports a missing column, a skill column on an unknown channel, no skills at all, and an empty file", () => {
    expect(diagnosticsOf(() => readRoster(enc("agent_id,tier,fte,a:phone\nA,1,1,1\n"), "r.csv", hours35)).map((x) => x.code)).toEqual(["CSV_MISSING_COLUMN"]);
    expect(diagnosticsOf(() => readRoster(enc("agent_id,site,tier,fte,a:pigeon\nA,P,1,1,1\n"), "r.csv", hours35))[0]).toMatchObject({ code: "INPUT_UNKNOWN_CHANNEL", line: 1, column: 5 });
    expect(diagnosticsOf(() => readRoster(enc("agent_id,site,tier,fte\nA,P,1,1\n"), "r.csv", hours35))[0]!.message).toMatch(/no skills/);
    expect(diagnosticsOf(() => readRoster(enc(""), "r.csv", hours35))[0]!.code).toBe("CSV_EMPTY");
  });

  it("names a blank or bad cell's column as the file writes it (Matricule, Site, Niveau, Heures)", () => {
    const text = "Matricule,Site,Niveau,Heures,a:phone\n,Lyon,1,35,1\nA2,,1,35,1\nA3,Lyon,7,35,1\nA4,Lyon,1,,1\nA5,Lyon,1,90,1\n";
    expect(diagnosticsOf(() => readRoster(enc(text), "r.csv", hours35)).map((x) => [x.line, x.field, x.message])).toEqual([
      [2, "Matricule", "Matricule is blank: expected an identifier"],
      [3, "Site", "Site is blank: expected the person's site"],
      [4, "Niveau", 'Niveau: got "7", expected 1, 2 or 3 (also L1, N2, level 3)'],
      [5, "Heures", "Heures is blank: expected the person's weekly hours"],
      [6, "Heures", 'Heures: got "90", expected weekly hours above 0 and at most 80'],
    ]);
  });

  it("warns once, at the first row, when every contract_hours is 2 or less (FTE written in the hours column)", () => {
    const r = readRoster(readFileSync("fixtures/traps/roster-fte-in-hours.csv"), "roster-fte-in-hours.csv", hours35);
    expect(r.people).toHaveLength(5);
    expect(r.warnings.map((w) => [w.code, w.severity, w.line, w.column, w.field])).toEqual([["INPUT_IMPLAUSIBLE", "warning", 2, 4, "contract_hours"]]);
    expect(r.warnings[0]!.message).toBe(
      'contract_hours: every value is 2 or less (here "1", read as 1 h a week, 0.029 FTE): these look like FTE, not weekly hours: expected hours a week such as 35, or these values in an fte column',
    );
  });

  it("warns at the first row of contract_hours of 2 or less among real hours, above 60 hours, and fte above 1.5, with the count of rows", () => {
    const r = readRoster(readFileSync("fixtures/traps/roster-implausible.csv"), "roster-implausible.csv", hours35);
    expect(r.people).toHaveLength(6);
    expect(r.warnings.map((w) => [w.code, w.line, w.column, w.field])).toEqual([
      ["INPUT_IMPLAUSIBLE", 3, 4, "contract_hours"],
      ["INPUT_IMPLAUSIBLE", 4, 4, "contract_hours"],
      ["INPUT_IMPLAUSIBLE", 5, 5, "fte"],
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'contract_hours: got "1", read as 1 h a week (and 1 more row): expected weekly hours such as 35 (an FTE such as 1 or 0.8 goes in an fte column)',
      'contract_hours: got "70" h a week: expected at most 60 (35 to 44 h is a full-time week)',
      'fte: got "1.8" FTE: expected at most 1.5 (1 is full time)',
    ]);
  });

  it("has no warnings for the fixture roster, nor for hours of 35 and FTE of 1", () => {
    expect(readRoster(readFileSync("fixtures/roster.csv"), "fixtures/roster.csv", hours35).warnings).toEqual([]);
    expect(readRoster(enc("agent_id,site,tier,contract_hours,fte,a:phone\nA,P,1,35,,1\nB,P,1,,1,1\nC,P,1,60,,1\nD,P,1,,1.5,1\n"), "r.csv", hours35).warnings).toEqual([]);
  });
});
