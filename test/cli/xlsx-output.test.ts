import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CliIo } from "../../src/cli/cli-io.js";
import { run } from "../../src/cli/main.js";
import { DAY_FIELDS, GROUP_FIELDS, INTERVAL_FIELDS, MONTH_FIELDS, QUEUE_FIELDS, ROLE_FIELDS, WEEK_FIELDS } from "../../src/report/render-plan.js";
import { runCli } from "../helpers/fake-io.js";
import { smallForecastCsv } from "../helpers/small-forecast.js";
import { asJson, readSheets, records, sheet, type ReadCell, type ReadSheet } from "../helpers/xlsx-sheets.js";

// `--format xlsx` of every command: each workbook is read back with exceljs
// and compared cell by cell with the JSON report of the same run (numbers
// exactly equal: the JSON's are unrounded, and so must the workbook's be);
// every number has a number format; the header is frozen.

type Json = Record<string, unknown>;

/** A CSV column's name as the JSON key of the same figure: `closes_fte` → `closesFte`. */
const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ccplan-xlsx-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

let n = 0;
/** Run a command with `--out FILE.xlsx`: the sheets read back (and the run's stderr). */
async function workbookOf(args: string[]): Promise<{ sheets: ReadSheet[]; bytes: Buffer; stderr: string }> {
  const out = join(dir, `run${++n}.xlsx`);
  const r = await runCli([...args, "--format", "xlsx", "--out", out]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toBe("");
  expect(r.stderr).toContain(`wrote ${out}`);
  const bytes = readFileSync(out);
  return { sheets: await readSheets(bytes), bytes, stderr: r.stderr };
}

async function jsonOf(args: string[]): Promise<Json> {
  const r = await runCli([...args, "--format", "json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

/** The cells of a sheet as the JSON has them (dates as ISO text), next to the JSON's values in the same layout: equal, or the test fails on the first difference. */
function expectRows(s: ReadSheet, expected: readonly (readonly unknown[])[]): void {
  expect(s.rows.length, `${s.name}: rows`).toBe(expected.length);
  const got = s.rows.map((row, i) => row.map((cell, k) => asJson(cell, expected[i]?.[k])));
  expect(got, s.name).toEqual(expected.map((row) => row.map((v) => v ?? null)));
}

/** A sheet of a field table against JSON records keyed by the fields' JSON names. */
function expectFieldSheet(s: ReadSheet, fields: readonly (readonly [string, string, unknown])[], json: readonly Json[], convert: Record<string, (v: unknown) => unknown> = {}): void {
  expect(s.header).toEqual(fields.map(([csv]) => csv));
  expectRows(
    s,
    json.map((r) => fields.map(([, key]) => (convert[key] ?? ((v: unknown) => v))(r[key]))),
  );
}

/** Every number has a number format, every header is bold and frozen, every table has its autofilter. */
function expectTyped(sheets: readonly ReadSheet[]): void {
  for (const s of sheets) {
    expect(s.frozen, s.name).toEqual({ state: "frozen", ySplit: 1 });
    expect(s.headerBold.every(Boolean), s.name).toBe(true);
    expect(s.autoFilter, s.name).toMatch(new RegExp(`^A1:[A-Z]+${s.rows.length + 1}$`));
    s.rows.forEach((row, i) =>
      row.forEach((cell, k) => {
        if (typeof cell === "number" || cell instanceof Date) expect(s.formats[i]![k], `${s.name}!${s.header[k]} row ${i + 2}`).toMatch(/[0#]|yyyy/);
      }),
    );
  }
}

const FORECAST = "fixtures/forecast-week.csv";

/** A small forecast (one phone queue, see smallForecastCsv) written to a file: its path. */
function smallForecast(): string {
  const path = join(dir, "small.csv");
  writeFileSync(path, smallForecastCsv(["billing"]));
  return path;
}
const ORG = ["--scenario", "fixtures/scenarios/org-polyvalent.yaml"];

describe("ccplan plan --format xlsx", () => {
  it("has every table of the plan, each equal cell by cell to the JSON report of the same run", async () => {
    const args = ["plan", FORECAST, ...ORG];
    const { sheets } = await workbookOf(args);
    expect(sheets.map((s) => s.name)).toEqual(["Summary", "Queues", "Days", "Weeks", "Months", "Intervals", "Roles", "Groups"]);
    expectTyped(sheets);
    const summary = await jsonOf(args);
    expectFieldSheet(sheet(sheets, "Queues"), QUEUE_FIELDS, summary.queues as Json[]);
    expectFieldSheet(sheet(sheets, "Days"), DAY_FIELDS, (await jsonOf([...args, "--report", "days"])).rows as Json[]);
    expectFieldSheet(sheet(sheets, "Weeks"), WEEK_FIELDS, (await jsonOf([...args, "--report", "weeks"])).rows as Json[]);
    expectFieldSheet(sheet(sheets, "Months"), MONTH_FIELDS, (await jsonOf([...args, "--report", "months"])).rows as Json[]);
    expectFieldSheet(sheet(sheets, "Intervals"), INTERVAL_FIELDS, (await jsonOf([...args, "--report", "intervals"])).rows as Json[]);
    const tiers = await jsonOf([...args, "--by", "tier"]);
    expectFieldSheet(sheet(sheets, "Roles"), ROLE_FIELDS, tiers.roles as Json[]);
    const groups = await jsonOf([...args, "--by", "group"]);
    expectFieldSheet(sheet(sheets, "Groups"), GROUP_FIELDS, groups.groups as Json[], { skills: (v) => (v as string[]).join("|") });
    // the Summary: the JSON's head and totals
    const s = Object.fromEntries(records(sheet(sheets, "Summary")).map((r) => [r.item as string, r.value]));
    const totals = summary.totals as Json;
    for (const [csv, key] of QUEUE_FIELDS.filter(([csv]) => !["channel_class", "channel", "typology", "direction", "tier"].includes(csv))) {
      expect(s[`total_${csv}`], csv).toEqual(totals[key] ?? null);
    }
    const head = summary as { meanWeek: Json; peakWeek: Json; horizon: Json; shrinkage: number; contractHours: number; contractFraction: number };
    expect([s.mean_week_fte, s.mean_week_headcount, s.peak_week_fte, s.peak_week_headcount]).toEqual([head.meanWeek.fte, head.meanWeek.headcount, head.peakWeek.fte, head.peakWeek.headcount]);
    expect([s.shrinkage, s.contract_hours, s.contract_fraction, s.weeks]).toEqual([head.shrinkage, head.contractHours, head.contractFraction, head.horizon.weeks]);
    expect(asJson(s.start as ReadCell, head.horizon.start)).toBe(head.horizon.start);
    expect([s.organisation_fte, s.organisation_headcount]).toEqual([(tiers.totals as Json).fte, (tiers.totals as Json).headcount]);
  }, 180_000);

  it("--report and --by are not used (a warning says so); the same workbook", async () => {
    const out = join(dir, "with-report.xlsx");
    const r = await runCli(["plan", smallForecast(), "--report", "weeks", "--format", "xlsx", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning --format xlsx writes every table, a sheet each: --report and --by are not used/);
    expect((await readSheets(out)).map((s) => s.name)).toEqual(["Summary", "Queues", "Days", "Weeks", "Months", "Intervals", "Roles", "Groups"]);
  }, 60_000);
});

describe("ccplan compare --format xlsx", () => {
  it("Scenarios, Sites and Deltas equal the JSON report of the same run", async () => {
    const args = ["compare", FORECAST, "--scenario", "fixtures/scenarios/sourcing-in-house.yaml", "--scenario", "fixtures/scenarios/sourcing-hybrid.yaml"];
    const { sheets } = await workbookOf(args);
    expect(sheets.map((s) => s.name)).toEqual(["Summary", "Scenarios", "Sites", "Deltas", "Cost build-up"]);
    expectTyped(sheets);
    const doc = (await jsonOf(args)) as { scenarios: Json[]; cheapest: string | null; years: number };
    const role = (s: Json, name: string) => ((s.roles as Json[]).find((r) => r.role === name)?.headcount as number | undefined) ?? 0;
    const levels = ["level-1", "level-2", "level-3", "team-lead", "manager"];
    // the CSV's columns, read from the JSON by their meaning
    const byName: Record<string, (s: Json) => unknown> = {
      scenario: (s) => s.name,
      headcount: (s) => (s.totals as Json).headcount,
      fte: (s) => (s.totals as Json).fte,
      level_1_headcount: (s) => role(s, "level-1"),
      level_2_headcount: (s) => role(s, "level-2"),
      level_3_headcount: (s) => role(s, "level-3"),
      team_lead_headcount: (s) => role(s, "team-lead"),
      manager_headcount: (s) => role(s, "manager"),
      support_headcount: (s) => (s.roles as Json[]).filter((r) => !levels.includes(r.role as string)).reduce((t, r) => t + (r.headcount as number), 0),
      weekly_cost: (s) => (s.totals as Json).weeklyCost,
      annual_cost: (s) => (s.totals as Json).annualCost,
      one_off_cost: (s) => (s.totals as Json).oneOffCost,
      cost_over_years: (s) => (s.totals as Json).costOverYears,
      cost_per_contact: (s) => (s.totals as Json).costPerContact,
      service_level: (s) => (s.totals as Json).serviceLevel,
      missed_intervals: (s) => (s.totals as Json).missedIntervals,
      split_loss_fte: (s) => (s.totals as Json).splitLossFte,
      cheapest: (s) => doc.cheapest === s.name,
      baseline: (s) => s.baseline,
      saving_over_years: (s) => s.savingOverYears,
    };
    const delta = (name: string) => {
      const key = camel(name.slice("delta_".length));
      return (s: Json) => (s.delta === null ? null : (s.delta as Json)[key]);
    };
    const get = (name: string) => byName[name] ?? (name.startsWith("delta_") ? delta(name) : () => `no meaning for ${name}`);
    const scenarios = sheet(sheets, "Scenarios");
    expectRows(scenarios, doc.scenarios.map((s) => scenarios.header.map((h) => get(h)(s))));
    const deltas = sheet(sheets, "Deltas");
    expect(deltas.header[0]).toBe("scenario");
    expectRows(deltas, doc.scenarios.filter((s) => s.baseline !== true).map((s) => deltas.header.map((h) => get(h)(s))));
    expectRows(
      sheet(sheets, "Sites"),
      doc.scenarios.flatMap((s) =>
        (s.sites as Json[]).flatMap((x) => (x.roles as Json[]).map((r) => [s.name, x.name, x.kind, x.location, x.sharing, r.role, r.fte, r.headcount, r.weeklyCost])),
      ),
    );
    const summary = Object.fromEntries(records(sheet(sheets, "Summary")).map((r) => [r.item as string, r.value]));
    expect([summary.years, summary.cheapest, summary.baseline]).toEqual([doc.years, doc.cheapest, doc.scenarios.find((s) => s.baseline === true)?.name]);
    // the cost build-up: one row per line of the JSON's costBuildUp, amounts exactly the JSON's
    const buildUp = records(sheet(sheets, "Cost build-up"));
    const lines = doc.scenarios.flatMap((s) => (s.costBuildUp as Json[]).flatMap((x) => (x.lines as Json[]).map((l): Json => ({ scenario: s.name, site: x.site, ...l }))));
    expect(buildUp.map((r) => [r.scenario, r.site, r.period, r.item, r.quantity, r.rate, r.amount])).toEqual(lines.map((l) => [l.scenario, l.site, l.period, l.item, l.quantity, l.rate, l.amount]));
  }, 120_000);

  it("refuses --sweep with xlsx (USAGE_CONFLICT), as with html", async () => {
    const r = await runCli(["compare", FORECAST, "--scenario", "fixtures/scenarios/sourcing-in-house.yaml", "--sweep", "volume-factor=0.9:1.1:0.1", "--format", "xlsx", "--out", join(dir, "sweep.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error USAGE_CONFLICT --sweep cannot be written as xlsx/);
  });
});

describe("ccplan gaps --format xlsx", () => {
  it("Plan, Skills, People, Hires and Trainings equal the JSON report of the same run", async () => {
    const args = ["gaps", FORECAST, "--roster", "fixtures/roster.csv", "--scenario", "fixtures/scenarios/gaps-two-sites.yaml"];
    const { sheets } = await workbookOf(args);
    expect(sheets.map((s) => s.name)).toEqual(["Summary", "Plan", "Skills", "People", "Hires", "Trainings"]);
    expectTyped(sheets);
    const doc = (await jsonOf(args)) as { [table in "skills" | "people" | "hires" | "hiresAfterTraining" | "trainings" | "hirePlan"]: Json[] } & { totals: Json };
    const joined = (v: unknown) => (v as string[]).join("|");
    const skills = sheet(sheets, "Skills");
    expectRows(skills, doc.skills.map((s) => skills.header.map((h) => s[camel(h)])));
    const people = sheet(sheets, "People");
    const allocation = people.header.indexOf("allocation");
    expectRows(
      { ...people, rows: people.rows.map((r) => r.filter((_, k) => k !== allocation)) },
      doc.people.map((p) => people.header.filter((h) => h !== "allocation").map((h) => p[camel(h)])),
    );
    const hires = sheet(sheets, "Hires");
    expect(hires.header).toEqual(["when", "tier", "site", "skills", "count", "closes_fte", "fte_by_skill"]);
    expectRows(
      { ...hires, rows: hires.rows.map((r) => r.slice(0, 6)) },
      [...doc.hires.map((h) => ["now", h] as const), ...doc.hiresAfterTraining.map((h) => ["after-training", h] as const)].map(([when, h]) => [when, h.tier, h.site, joined(h.skills), h.count, h.closesFte]),
    );
    expectRows(
      sheet(sheets, "Trainings"),
      doc.trainings.map((t) => [t.agentId, t.site, t.tier, joined(t.holds), t.skill, t.fte, t.netFte]),
    );
    expectRows(sheet(sheets, "Plan"), [
      ...doc.trainings.map((t) => ["train", t.agentId, t.site, t.tier, t.skill, t.netFte, null, null, null, null]),
      ...doc.hirePlan.map((h) => ["hire", null, h.site, h.tier, h.skill, h.closesFte, h.soloHires, h.sharedFte, h.sharedHires, joined(h.sharedWith)]),
    ].map((row, k) => [k + 1, ...row]));
    const summary = Object.fromEntries(records(sheet(sheets, "Summary")).map((r) => [r.item as string, r.value]));
    for (const [key, value] of Object.entries(doc.totals)) expect(summary[key], key).toEqual(value);
  }, 120_000);
});

describe("ccplan erlang --format xlsx", () => {
  it("one sheet, one row per case of a batch, equal to the JSON report's rows; one row for the flags form", async () => {
    for (const args of [["erlang", "--input", "fixtures/erlang-cases.csv"], ["erlang", "--volume", "100", "--aht", "3:00", "--interval", "30", "--sl", "80/20"]]) {
      const { sheets } = await workbookOf(args);
      expect(sheets.map((s) => s.name)).toEqual(["Erlang"]);
      expectTyped(sheets);
      const rows = (await jsonOf(args)).rows as Json[];
      const s = sheet(sheets, "Erlang");
      expect(s.header).toEqual(Object.keys(rows[0]!));
      expectRows(s, rows.map((r) => s.header.map((h) => r[h])));
    }
  }, 60_000);
});

describe("ccplan shifts --format xlsx", () => {
  it("Summary, Tours and Coverage equal the JSON report of the same run", async () => {
    const forecast = smallForecast();
    const scenario = join(dir, "small.yaml");
    writeFileSync(
      scenario,
      `name: small shifts
shrinkage: { breaks: 5%, absence: 10% }
contract_hours: 35
shifts:
  templates:
    - { name: full, days_per_week: 5, days_off: [saturday, sunday], length: 8h, paid_hours: 7, start: { from: "09:00", to: "09:00" }, breaks: [{ length: 60, paid: false, after: 3h, before: 5h }], cost_per_hour: 20 }
    - { name: half, days_per_week: 5, days_off: [saturday, sunday], length: 4h, start: { from: "09:00", to: "13:00", step: 30 }, cost_per_hour: 22, max_share: 60% }
`,
    );
    const args = ["shifts", forecast, "--scenario", scenario];
    const { sheets } = await workbookOf(args);
    expect(sheets.map((s) => s.name)).toEqual(["Summary", "Tours", "Coverage"]);
    expectTyped(sheets);
    const doc = (await jsonOf(args)) as { teams: Json[]; tours: Json[]; coverage: Json[]; totals: Json };
    const summary = sheet(sheets, "Summary");
    const at = (name: string) => summary.header.indexOf(name);
    const figures = ["people", "headcount", "plan_fte", "plan_headcount", "headcount_vs_plan", "paid_hours", "cost", "scheduled_paid_hours", "scheduled_cost", "required_hours", "on_floor_hours", "efficiency", "over_hours", "under_hours", "understaffing_cost", "mip_gap", "status"];
    const teamRows = summary.rows.filter((r) => r[0] === "team");
    expectRows({ ...summary, rows: teamRows.map((r) => figures.map((f) => r[at(f)]!)) }, doc.teams.map((t) => figures.map((f) => t[camel(f)])));
    // a week's figures are the scheduled people's: its paid hours and cost are the JSON week's
    const weekFigures: [string, string][] = [["week_start", "weekStart"], ["people", "people"], ["scheduled_paid_hours", "paidHours"], ["scheduled_cost", "cost"], ["required_hours", "requiredHours"], ["efficiency", "efficiency"], ["mip_gap", "mipGap"], ["bound_cost", "boundCost"]];
    expectRows(
      { ...summary, rows: summary.rows.filter((r) => r[0] === "week").map((r) => weekFigures.map(([f]) => r[at(f)]!)) },
      doc.teams.flatMap((t) => (t.weeks as Json[]).map((w) => weekFigures.map(([, key]) => w[key]))),
    );
    const total = summary.rows.find((r) => r[0] === "total")!;
    expect([total[at("people")], total[at("headcount")], total[at("paid_hours")], total[at("cost")], total[at("efficiency")]]).toEqual([doc.totals.people, doc.totals.headcount, doc.totals.paidHours, doc.totals.cost, doc.totals.efficiency]);
    const tours = sheet(sheets, "Tours");
    const tourCols = ["site", "team", "level", "week_start", "template", "people", "paid_hours_per_person", "cost_per_person"];
    expectRows(
      { ...tours, rows: tours.rows.map((r) => tourCols.map((c) => r[tours.header.indexOf(c)]!)) },
      doc.tours.map((t) => [t.site, t.team, t.level, t.week, t.template, t.people, t.paidHoursPerPerson, t.costPerPerson]),
    );
    const coverage = sheet(sheets, "Coverage");
    expectRows(
      { ...coverage, rows: coverage.rows.map((r) => r.filter((_, k) => coverage.header[k] !== "interval_minutes")) },
      doc.coverage.map((c) => [c.site, c.team, c.level, c.intervalStart, c.required, c.onFloor, c.over, c.under]),
    );
  }, 120_000);
});

/** A fake io whose stdout keeps bytes (as process.stdout takes them) and says whether it is a terminal. */
function byteIo(isTTY: boolean) {
  const chunks: Buffer[] = [];
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (s: string | Uint8Array) => chunks.push(Buffer.from(s as Uint8Array)), isTTY },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: {},
    readFile: async (path) => readFileSync(path),
    openStream: async function* (path) {
      yield readFileSync(path);
    },
  };
  return { io, bytes: () => Buffer.concat(chunks), stderr: () => stderr };
}

const ERLANG = ["erlang", "--volume", "100", "--aht", "180", "--interval", "30"];

describe("where an xlsx report goes", () => {
  it("refuses a terminal for stdout: exit 2, USAGE_BAD_OPTION naming --out FILE.xlsx, nothing written", async () => {
    const t = byteIo(true);
    expect(await run([...ERLANG, "--format", "xlsx"], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/error USAGE_BAD_OPTION --format xlsx writes a binary file, not text for a terminal: expected --out FILE\.xlsx/);
    expect(t.bytes().length).toBe(0);
  });

  it("writes the workbook's bytes to stdout when it is a pipe", async () => {
    const p = byteIo(false);
    expect(await run([...ERLANG, "--format", "xlsx"], p.io)).toBe(0);
    expect(p.bytes().subarray(0, 2).toString("latin1")).toBe("PK");
    expect(sheet(await readSheets(p.bytes()), "Erlang").rows[0]![0]).toBe(1);
  });

  it("--out FILE.xlsx without --format writes a workbook; --format csv --out FILE.xlsx writes CSV as asked", async () => {
    const book = join(dir, "implied.xlsx");
    const a = await runCli([...ERLANG, "--out", book]);
    expect(a.code, a.stderr).toBe(0);
    expect(readFileSync(book).subarray(0, 2).toString("latin1")).toBe("PK");
    const csv = join(dir, "asked.xlsx");
    const b = await runCli([...ERLANG, "--format", "csv", "--out", csv]);
    expect(b.code, b.stderr).toBe(0);
    expect(readFileSync(csv, "utf8")).toMatch(/^line,id,model,/);
  });

  it("same inputs, same bytes: two runs at different times write identical workbooks", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-03-04T05:06:07Z"));
    const a = await workbookOf(["gaps", FORECAST, "--roster", "fixtures/roster.csv", "--scenario", "fixtures/scenarios/gaps-two-sites.yaml"]);
    vi.setSystemTime(new Date("2031-08-09T10:11:13Z"));
    const b = await workbookOf(["gaps", FORECAST, "--roster", "fixtures/roster.csv", "--scenario", "fixtures/scenarios/gaps-two-sites.yaml"]);
    expect(b.bytes.equals(a.bytes)).toBe(true);
  }, 120_000);

  it("a folder that does not exist: IO_WRITE, exit 2, no file", async () => {
    const out = join(dir, "missing", "e.xlsx");
    const r = await runCli([...ERLANG, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`error IO_WRITE cannot write ${out.replace(/[.]/g, "\\.")}`));
  });
});
