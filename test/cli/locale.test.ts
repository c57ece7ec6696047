import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";

// `--locale fr` / `CCPLAN_LOCALE=fr`: CSV for French Excel (`;`, decimal
// comma, BOM, CRLF), French words in tables; JSON and English CSV unchanged.

const F = "fixtures/forecast-week.csv";
const TWO_SCENARIOS = ["--scenario", "fixtures/scenarios/sourcing-in-house.yaml", "--scenario", "fixtures/scenarios/sourcing-offshore-shared.yaml"];

/** A small schedule to solve (weekdays 09:00–17:00, one phone queue) so that `shifts` runs in a moment. */
function smallForecast(): string {
  const rows = ["interval_start,typology,channel,direction,volume,aht"];
  for (let day = 0; day < 5; day++) {
    for (let k = 0; k < 16; k++) {
      const minute = 540 + 30 * k;
      rows.push(`2026-11-${23 + day}T${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")},info,phone,inbound,${20 + 10 * (k % 5) + 3 * day},300`);
    }
  }
  return rows.join("\n") + "\n";
}
const SMALL_SHIFTS = `name: small shifts
shrinkage:
  absence: 10%
contract_hours: 35
shifts:
  templates:
    - name: half
      days_per_week: 5
      days_off: [saturday, sunday]
      length: 4h
      start: { from: "09:00", to: "13:00", step: 30 }
      cost_per_hour: 22
`;

let dir: string;
let shiftsArgs: string[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ccplan-locale-"));
  writeFileSync(join(dir, "small.csv"), smallForecast());
  writeFileSync(join(dir, "small.yaml"), SMALL_SHIFTS);
  shiftsArgs = ["shifts", join(dir, "small.csv"), "--scenario", join(dir, "small.yaml")];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readEnglish = (text: string): string[][] => parse(text, { delimiter: "," });
const readFrench = (text: string): string[][] => parse(text, { delimiter: ";", bom: true });

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** The French CSV says the same as the English one: same header and text, the same numbers (`3,5` read as 3.5, compared exactly), date-times with a space. */
function expectSameTable(english: string, french: string): void {
  const en = readEnglish(english);
  const fr = readFrench(french);
  expect(fr[0]).toEqual(en[0]);
  expect(fr).toHaveLength(en.length);
  let numbers = 0;
  en.forEach((row, r) =>
    row.forEach((cell, c) => {
      const got = fr[r]![c]!;
      if (r > 0 && NUMBER.test(cell)) {
        numbers++;
        expect(got).toMatch(/^-?\d+(,\d+)?$/);
        expect(Number(got.replace(",", "."))).toBe(Number(cell));
      } else if (DATE_TIME.test(cell)) expect(got).toBe(cell.replace("T", " "));
      else expect(got).toBe(cell);
    }),
  );
  expect(numbers).toBeGreaterThan(0);
}

/** Both runs: English, then `--locale fr`; both exit 0. */
async function bothLocales(args: string[]): Promise<{ en: string; fr: string }> {
  const en = await runCli([...args, "--format", "csv"]);
  const fr = await runCli([...args, "--format", "csv", "--locale", "fr"]);
  expect(en.code, en.stderr).toBe(0);
  expect(fr.code, fr.stderr).toBe(0);
  return { en: en.stdout, fr: fr.stdout };
}

describe("--locale fr CSV", () => {
  it("plan summary, queues, intervals, days and weeks read back in French give the English numbers", async () => {
    for (const report of ["summary", "queues", "intervals", "days", "weeks"]) {
      const { en, fr } = await bothLocales(["plan", F, "--report", report]);
      expectSameTable(en, fr);
    }
  });

  it("is written for French Excel: one BOM at the start, ';' between cells, CRLF after every record", async () => {
    const { en, fr } = await bothLocales(["plan", F]);
    expect(fr.startsWith("\uFEFFchannel_class;channel;typology;")).toBe(true);
    expect(fr.split("\uFEFF")).toHaveLength(2);
    expect(fr.endsWith("\r\n")).toBe(true);
    expect(fr.split("\r\n")).toHaveLength(en.split("\n").length);
    expect(fr.replaceAll("\r\n", "")).not.toContain("\n");
  });

  it("the streamed interval report to --out has one BOM and the French style too", async () => {
    const out = join(dir, "intervals.csv");
    const r = await runCli(["plan", F, "--report", "intervals", "--format", "csv", "--locale", "fr", "--out", out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("\uFEFFinterval_start;typology;")).toBe(true);
    expect(text.split("\uFEFF")).toHaveLength(2);
    expect(text.split("\r\n")[1]).toMatch(/^2026-11-23 \d\d:\d\d;/);
  });

  it("compare (by scenario and by site), gaps (skills and plan) and shifts read back give the English numbers", async () => {
    for (const args of [
      ["compare", F, ...TWO_SCENARIOS],
      ["compare", F, ...TWO_SCENARIOS, "--by", "site"],
      ["gaps", F, "--roster", "fixtures/roster.csv"],
      ["gaps", F, "--roster", "fixtures/roster.csv", "--report", "plan"],
      shiftsArgs,
      [...shiftsArgs, "--report", "coverage"],
    ]) {
      const { en, fr } = await bothLocales(args);
      expectSameTable(en, fr);
    }
  });

  it("the erlang batch (streamed row by row) reads back the same, with CCPLAN_LOCALE=fr as with --locale fr", async () => {
    const { en, fr } = await bothLocales(["erlang", "--input", "fixtures/erlang-cases.csv"]);
    expectSameTable(en, fr);
    const env = await runCli(["erlang", "--input", "fixtures/erlang-cases.csv", "--format", "csv"], { CCPLAN_LOCALE: "fr_FR.UTF-8" });
    expect(env.stdout).toBe(fr);
  });

  it("quotes a text cell holding ';' (and not one holding ',')", async () => {
    const batch = "id,volume,aht,interval_minutes,sl_target,sl_seconds\n\"morning; phone\",100,180,30,80%,20\n\"noon, chat\",50,180,30,80%,20\n";
    const r = await runCli(["erlang", "--input", "-", "--format", "csv", "--locale", "fr"], {}, batch);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\r\n");
    expect(lines[1]).toMatch(/^2;"morning; phone";erlang-c;100;180;30;/);
    expect(lines[2]).toMatch(/^3;noon, chat;erlang-c;50;180;30;/);
    expect(readFrench(r.stdout)[1]![1]).toBe("morning; phone");
  });

  it("English CSV stays as it was: --locale en and no locale give the same bytes, with ',' and LF and no BOM", async () => {
    const plain = await runCli(["plan", F, "--format", "csv"]);
    const en = await runCli(["plan", F, "--format", "csv", "--locale", "en"]);
    expect(en.stdout).toBe(plain.stdout);
    expect(plain.stdout.startsWith("channel_class,channel,typology,direction,")).toBe(true);
    expect(plain.stdout).not.toMatch(/[\uFEFF\r;]/);
  });
});

describe("--locale fr JSON", () => {
  it("is byte for byte the English JSON, from the flag or from CCPLAN_LOCALE", async () => {
    for (const args of [
      ["plan", F],
      ["plan", F, "--report", "weeks"],
      ["compare", F, ...TWO_SCENARIOS],
      ["gaps", F, "--roster", "fixtures/roster.csv"],
      ["erlang", "--input", "fixtures/erlang-cases.csv"],
      ["erlang", "--volume", "100", "--aht", "180", "--sl", "80/20"],
      shiftsArgs,
    ]) {
      const en = await runCli([...args, "--format", "json"]);
      const flag = await runCli([...args, "--format", "json", "--locale", "fr"]);
      const env = await runCli([...args, "--format", "json"], { CCPLAN_LOCALE: "fr" });
      expect(en.code).toBe(0);
      expect(flag.stdout).toBe(en.stdout);
      expect(env.stdout).toBe(en.stdout);
    }
  });
});

describe("--locale fr tables", () => {
  it("the plan summary has French headers (ETP, effectif) and decimal commas", async () => {
    const r = await runCli(["plan", F, "--locale", "fr", "--wide"]);
    expect(r.code).toBe(0);
    const head = r.stdout.split("\n").find((l) => l.startsWith("│ classe"))!;
    expect(head).toMatch(/│ +ETP │/);
    expect(head).toMatch(/│ effectif │/);
    expect(head).not.toMatch(/headcount|FTE/);
    expect(r.stdout).toMatch(/│ +\d+,\d │/);
  });

  it("--report weeks says semaine; the English table stays English", async () => {
    const fr = await runCli(["plan", F, "--report", "weeks"], { CCPLAN_LOCALE: "fr" });
    expect(fr.stdout).toMatch(/│ semaine du │/);
    expect(fr.stdout).toMatch(/ETP/);
    const en = await runCli(["plan", F, "--report", "weeks"]);
    expect(en.stdout).toMatch(/│ week of +│/);
    expect(en.stdout).not.toMatch(/semaine|ETP/);
  });

  it("gaps, erlang and the HTML page speak French too", async () => {
    const gaps = await runCli(["gaps", F, "--roster", "fixtures/roster.csv", "--locale", "fr", "--wide"]);
    expect(gaps.stdout).toMatch(/│ niveau +│ site +│ compétence +│ ETP requis +│/);
    expect(gaps.stdout).toMatch(/^Requis [\d\u202F]+,\d ETP, couvert/m);
    const erlang = await runCli(["erlang", "--volume", "100", "--aht", "180", "--sl", "80/20", "--locale", "fr"]);
    expect(erlang.stdout).toMatch(/Agents requis\u00A0: 14/);
    expect(erlang.stdout).toMatch(/niveau de service/);
    const html = await runCli(["plan", F, "--format", "html", "--locale", "fr"]);
    expect(html.stdout).toMatch(/<html lang="fr">/);
    expect(html.stdout).toMatch(/<h2>Entrées et hypothèses<\/h2>/);
    expect(html.stdout).toMatch(/<th>effectif<\/th>/);
    const englishHtml = await runCli(["plan", F, "--format", "html"]);
    expect(englishHtml.stdout).toMatch(/<html lang="en">/);
  });
});
