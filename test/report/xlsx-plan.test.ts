import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ForecastRow } from "../../src/plan/forecast.js";
import { Planner, planForecast } from "../../src/plan/plan.js";
import { DEFAULT_SCENARIO } from "../../src/plan/scenario.js";
import { readForecast } from "../../src/read/forecast-read.js";
import { INTERVAL_FIELDS, renderPlanJson } from "../../src/report/render-plan.js";
import { temporaries } from "../../src/report/temporaries.js";
import { PlanWorkbook } from "../../src/report/xlsx-plan.js";
import { asJson, readSheets, records, sheet } from "../helpers/xlsx-sheets.js";

let dir: string;
let rows: ForecastRow[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ccplan-xlsx-plan-"));
  rows = [];
  await readForecast([readFileSync("fixtures/forecast-week.csv")], "w.csv", {}, (r) => rows.push(r));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Spool folders registered once the planning is done (see `temporaries`). */
let spooled: string[] = [];

/** Plan `input` through a PlanWorkbook and write it; the sheets read back. */
async function workbook(input: readonly ForecastRow[], book: PlanWorkbook, name: string) {
  const planner = new Planner(DEFAULT_SCENARIO, { onInterval: (i) => book.add(i) });
  for (const r of input) planner.add(r);
  const plan = planner.finish();
  spooled = [...temporaries.dirs];
  const path = join(dir, name);
  const fd = openSync(path, "w+");
  try {
    await book.write(plan, fd, { forecast: "w.csv" });
  } finally {
    closeSync(fd);
  }
  return readSheets(path);
}


describe("PlanWorkbook", () => {
  it("has the intervals in the intervals report's order and values, spilled to temporary files and rows shuffled; no spool is left", async () => {
    const expected = (JSON.parse(renderPlanJson(planForecast(rows, DEFAULT_SCENARIO), "intervals")) as { rows: Record<string, unknown>[] }).rows;
    // a deterministic shuffle: queues' rows out of time order are sorted back
    const shuffled = rows.map((r, k) => [((k * 7919) % 104729) / 104729, r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
    {
      const sheets = await workbook(shuffled, new PlanWorkbook(undefined, 5_000), "b.xlsx");
      const s = sheet(sheets, "Intervals");
      expect(records(sheet(sheets, "Summary")).find((r) => r.item === "intervals_sheet")?.value).toBe(expected.length);
      expect(s.header).toEqual(INTERVAL_FIELDS.map(([csv]) => csv));
      const want = expected.map((json) => INTERVAL_FIELDS.map(([, key]) => json[key] ?? null));
      expect(s.rows.map((row, i) => INTERVAL_FIELDS.map(([, key], k) => asJson(row[k]!, expected[i]?.[key])))).toEqual(want);
    }
    // the spool spilled to files (5,000 bytes in memory at most); they are gone, and nothing is left registered
    expect(spooled.length).toBeGreaterThan(0);
    for (const d of spooled) expect(existsSync(d), d).toBe(false);
    expect([...temporaries.dirs]).toEqual([]);
  }, 60_000);

  it("leaves the Intervals sheet out when there are more intervals than a sheet may hold, and says so in the Summary", async () => {
    const book = new PlanWorkbook(100);
    const sheets = await workbook(rows, book, "c.xlsx");
    expect(sheets.map((s) => s.name)).not.toContain("Intervals");
    expect(sheets.map((s) => s.name).slice(0, 5)).toEqual(["Summary", "Queues", "Days", "Weeks", "Months"]);
    expect(book.intervalsLeftOut).toBeGreaterThan(100);
    const line = records(sheet(sheets, "Summary")).find((r) => r.item === "intervals_sheet")!;
    expect(line.value).toBeNull();
    expect(line.note).toMatch(new RegExp(`left out: ${book.intervalsLeftOut} intervals, more than the 100 rows`));
  });

  it("puts the totals in the Summary only: the Queues sheet has one row per queue (a pivot never counts a total twice)", async () => {
    const plan = planForecast(rows, DEFAULT_SCENARIO);
    const sheets = await workbook(rows, new PlanWorkbook(0), "d.xlsx");
    expect(sheet(sheets, "Queues").rows).toHaveLength(plan.queues.length);
    const summary = Object.fromEntries(records(sheet(sheets, "Summary")).map((r) => [r.item, r.value]));
    expect(summary.total_fte).toBe(plan.totals.fte);
    expect(summary.total_headcount).toBe(plan.totals.headcount);
    expect(summary.total_volume).toBe(plan.totals.volume);
    expect(summary.mean_week_fte).toBe(plan.totals.fte);
    expect(summary.shrinkage).toBe(plan.shrinkage);
    expect(summary.contract_hours).toBe(plan.contractHours);
  });
});
