import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import stringWidth from "string-width";
import { clearMissingLabels, missingLabels } from "../../src/report/labels.js";
import { runCli } from "../helpers/fake-io.js";
import { smallForecastCsv } from "../helpers/small-forecast.js";

// `--locale fr` / `CCPLAN_LOCALE=fr`: CSV for French Excel (`;`, decimal
// comma, BOM, CRLF), French words in tables; JSON and English CSV unchanged.

const F = "fixtures/forecast-week.csv";
const TWO_SCENARIOS = ["--scenario", "fixtures/scenarios/sourcing-in-house.yaml", "--scenario", "fixtures/scenarios/sourcing-offshore-shared.yaml"];

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
  writeFileSync(join(dir, "small.csv"), smallForecastCsv(["info"])); // a small schedule to solve, so that `shifts` runs in a moment
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

// ---------------------------------------------------------------------------
// French throughout: compare, the cost build-up, plan notes, the fitting notes

const SOURCING = ["homeshoring", "hybrid", "in-house", "nearshore", "offshore-shared", "split"].map((s) => `fixtures/scenarios/sourcing-${s}.yaml`);
const ALL_SIX = SOURCING.flatMap((f) => ["--scenario", f]);

/** The widest line of a report, in terminal columns. */
const widest = (text: string) => Math.max(0, ...text.split("\n").map((l) => stringWidth(l)));

/**
 * English that must not be left in a French report (words of the tables,
 * notes and verdict; flags such as --baseline or --report weeks are code,
 * not words, hence the look-behind).
 */
const ENGLISH = [
  /(?<![-\w])people\b/,
  /(?<![-\w])baseline\b/,
  /\bweekly cost\b/,
  /\bannual cost\b/,
  /\bCheapest\b/,
  /\bagents only\b/,
  /\bhidden\b/,
  /\b[Hh]eadcount\b/,
  /\bNot counted\b/,
  /\bone-off\b/,
  /\brunning cost\b/,
  /\bper site\b/,
  /\bsaving\b/,
  /\bshows them\b/,
  /\bLeft out\b/,
  /\ba (week|year)\b/,
  /\bOver \d/,
];

/** Input names a report shows as given (scenarios, sites, roles; from the JSON): the only text `missingLabels()` may list. */
async function inputNames(args: string[]): Promise<Set<string>> {
  const r = await runCli([...args, "--format", "json"]);
  const doc = JSON.parse(r.stdout) as { scenarios: { name: string; roles: { role: string }[]; sites: { name: string; roles: { role: string }[] }[] }[] };
  const names = new Set<string>();
  for (const s of doc.scenarios) {
    names.add(s.name);
    s.roles.forEach((x) => names.add(x.role));
    for (const site of s.sites) {
      names.add(site.name);
      site.roles.forEach((x) => names.add(x.role));
    }
  }
  doc.scenarios.forEach((s, k) => names.add(`#${k + 1} ${s.name}`));
  return names;
}

/** A French run in-process, with the English it asked labels.ts for and found no French for. */
async function frenchRun(args: string[]): Promise<{ text: string; missing: string[] }> {
  clearMissingLabels();
  const r = await runCli([...args, "--locale", "fr"]);
  expect(r.code, r.stderr).toBe(0);
  const missing = missingLabels();
  clearMissingLabels();
  return { text: r.stdout, missing };
}

describe("--locale fr: French throughout the tables and notes", () => {
  it("compare: the table, the verdict and the cost build-up of the six sourcing scenarios have no English words left", async () => {
    const args = ["compare", F, ...ALL_SIX, "--width", "80"];
    const { text, missing } = await frenchRun(args);
    for (const english of ENGLISH) expect(text, String(english)).not.toMatch(english);
    // the French is there: rows, verdict, build-up, what is not counted
    expect(text).toMatch(/^│ personnes +│/m);
    expect(text).toMatch(/^│ {3}écart à la référence +│/m);
    expect(text).toMatch(/^│ coût sur 3 ans +│/m);
    expect(text).toMatch(/^│ économie sur 3 ans +│ +référence │/m);
    expect(text).toMatch(/^Le moins cher atteignant tous les objectifs sur 3 ans\u00A0: /m);
    expect(text).toMatch(/^ {2}Sur 3 ans\u00A0: 3 × [\d\u202F]+ \+ [\d\u202F]+ ponctuel = [\d\u202F]+, le chiffre/m);
    expect(text).toMatch(/^│ {3}= une semaine +│/m);
    expect(text).toMatch(/^Non pris en compte\u00A0:$/m);
    // labels.ts knew every word it was asked for: only the inputs' own names are left as given
    const names = await inputNames(["compare", F, ...ALL_SIX]);
    expect(missing.filter((m) => !names.has(m))).toEqual([]);
  });

  it("compare --report build-up and a sweep are French too", async () => {
    const buildUp = await frenchRun(["compare", F, ...TWO_SCENARIOS, "--report", "build-up", "--width", "80"]);
    for (const english of ENGLISH) expect(buildUp.text, String(english)).not.toMatch(english);
    expect(buildUp.text).toMatch(/^La colonne « calcul » est omise à 80 colonnes/m);
    const sweep = await frenchRun(["compare", F, ...TWO_SCENARIOS, "--sweep", "volume-factor=0.9:1.1:0.1", "--width", "80"]);
    expect(sweep.text).toMatch(/^Balayage de volume-factor sur /m);
    expect(sweep.text).toMatch(/│ +0,9 │/);
    expect(sweep.text).not.toMatch(/\bcheapest\b|\branking\b/);
    const names = await inputNames(["compare", F, ...TWO_SCENARIOS]);
    expect([...buildUp.missing, ...sweep.missing].filter((m) => !names.has(m))).toEqual([]);
  });

  it("plan: the summary's notes, --by tier, --by group, --report days and the table-fit note are French, every word known", async () => {
    for (const args of [
      ["plan", F, "--width", "80"],
      ["plan", F, "--scenario", "fixtures/scenarios/org-groups.yaml", "--width", "80"],
      ["plan", F, "--by", "tier", "--width", "80"],
      ["plan", F, "--by", "group", "--width", "80"],
      ["plan", F, "--report", "days", "--width", "80"],
      ["plan", F, "--report", "months", "--width", "80"],
      ["plan", F, "--report", "heatmap", "--width", "80"],
    ]) {
      const { text, missing } = await frenchRun(args);
      for (const english of ENGLISH) expect(text, `${args.join(" ")}: ${String(english)}`).not.toMatch(english);
      expect(missing, args.join(" ")).toEqual([]);
    }
    const summary = (await frenchRun(["plan", F, "--width", "80"])).text;
    expect(summary).toMatch(/^Effectif = ETP ÷ contrat moyen, arrondi au-dessus une seule fois\u00A0: les 220 de la/m);
    expect(summary).toMatch(/= 245 personnes ; voir --by tier et --by group\./);
    expect(summary).toMatch(/^\d+ colonnes masquées à 80 colonnes \(/m);
    expect(summary).toMatch(/--wide ou --format csv les montre toutes$/m);
  });

  it("shifts: notes, statuses and tours (day names too) are French; the CSV keeps English day names", async () => {
    const summary = await frenchRun([...shiftsArgs, "--width", "80"]);
    expect(summary.text).toMatch(/^Efficacité = heures-agents requises/m);
    expect(summary.text).not.toMatch(/\bEfficiency\b|\bNot shown\b/);
    const tours = await frenchRun([...shiftsArgs, "--report", "tours", "--width", "80"]);
    expect(tours.text).toMatch(/│ lun\.–ven\. +│/);
    expect(tours.text).toMatch(/personnes en \d+ cycles?/);
    expect(tours.text).not.toMatch(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/);
    const csv = await runCli([...shiftsArgs, "--report", "tours", "--format", "csv", "--locale", "fr"]);
    expect(csv.stdout).toMatch(/;Mon Tue Wed Thu Fri;/);
  });

  it("the compare and plan HTML pages: headings, verdict, build-up, notes and assumptions in French", async () => {
    /** What a reader sees of a page: its text, without the style sheet and the tags. */
    const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]+>/g, " ").replace(/&#39;/g, "'");
    const compare = await frenchRun(["compare", F, ...ALL_SIX, "--format", "html"]);
    const page = text(compare.text);
    for (const english of ENGLISH) expect(page, String(english)).not.toMatch(english);
    expect(compare.text).toMatch(/<h2>Décomposition des coûts<\/h2>/);
    expect(compare.text).toMatch(/<h3>Non pris en compte<\/h3>/);
    expect(page).toMatch(/Le moins cher à service égal sur 3 ans\u00A0: /);
    expect(page).toMatch(/Sur 3 ans\u00A0: 3 × [\d\u202F]+ par an \+ [\d\u202F]+ ponctuel = /);
    const names = await inputNames(["compare", F, ...ALL_SIX]);
    expect(compare.missing.filter((m) => !names.has(m) && m !== "EUR")).toEqual([]);
    const plan = await frenchRun(["plan", F, "--format", "html"]);
    expect(plan.text).toMatch(/<dd>heures planifiées de la semaine calendaire ÷ heures du contrat<\/dd>/);
    expect(text(plan.text)).not.toMatch(/\bscheduled hours\b|\brounded up\b|\(outbound\)/);
  });

  it("every line fits --width 80 in French: plan, compare (the six sourcing scenarios, together and each against in-house), gaps, erlang, shifts", async () => {
    const runs: string[][] = [
      ["plan", F],
      ["plan", F, "--report", "queues"],
      ["plan", F, "--report", "days"],
      ["plan", F, "--report", "weeks"],
      ["plan", F, "--report", "months"],
      ["plan", F, "--report", "heatmap"],
      ["plan", F, "--report", "intervals"],
      ["plan", F, "--by", "tier"],
      ["plan", F, "--by", "group"],
      ["plan", F, "--scenario", "fixtures/scenarios/org-groups.yaml"],
      ["compare", F, ...ALL_SIX],
      ["compare", F, ...ALL_SIX, "--report", "build-up"],
      ...SOURCING.filter((f) => !f.endsWith("in-house.yaml")).map((f) => ["compare", F, "--scenario", "fixtures/scenarios/sourcing-in-house.yaml", "--scenario", f]),
      ["compare", F, ...TWO_SCENARIOS, "--roster", "fixtures/roster.csv"],
      ["gaps", F, "--roster", "fixtures/roster.csv"],
      ["erlang", "--volume", "100", "--aht", "180", "--sl", "80/20"],
      ["erlang", "--input", "fixtures/erlang-cases.csv"],
      shiftsArgs,
      [...shiftsArgs, "--report", "tours"],
      [...shiftsArgs, "--report", "coverage"],
    ];
    for (const args of runs) {
      const r = await runCli([...args, "--locale", "fr", "--width", "80"]);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
      expect(widest(r.stdout), args.join(" ")).toBeLessThanOrEqual(80);
    }
  });

  it("the build-up CSV's `how` stays in English words under fr (only its numbers take the French style)", async () => {
    const args = ["compare", F, ...TWO_SCENARIOS, "--report", "build-up", "--format", "csv"];
    const en = readEnglish((await runCli(args)).stdout);
    const fr = readFrench((await runCli([...args, "--locale", "fr"])).stdout);
    const how = en[0]!.indexOf("how");
    expect(how).toBeGreaterThan(0);
    // the same words; numbers read back the same (12,345.6 ↔ 12 345,6; 30% ↔ 30 %)
    const englishNumbers = (s: string) => s.replace(/(\d),(?=\d{3})/g, "$1");
    const frenchNumbers = (s: string) => s.replace(/(\d)\u202F(?=\d{3}|%)/g, "$1").replace(/(\d),(\d)/g, "$1.$2");
    expect(fr.map((row) => frenchNumbers(row[how]!))).toEqual(en.map((row) => englishNumbers(row[how]!)));
    expect(en.slice(1).some((row) => / FTE × [\d.]+ h a week$/.test(row[how]!))).toBe(true);
  });
});
