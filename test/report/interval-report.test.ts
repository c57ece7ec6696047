import { readFileSync } from "node:fs";
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { readForecast } from "../../src/read/forecast-read.js";
import { IntervalReport, streamReport } from "../../src/report/interval-report.js";
import { renderPlanCsv, renderPlanJson, renderPlanTable } from "../../src/report/render-plan.js";
import type { ForecastRow } from "../../src/plan/forecast.js";
import { Planner, planForecast } from "../../src/plan/plan.js";
import { DEFAULT_SCENARIO } from "../../src/plan/scenario.js";

async function fixtureRows(): Promise<ForecastRow[]> {
  const rows: ForecastRow[] = [];
  await readForecast([readFileSync("fixtures/forecast-week.csv")], "w.csv", {}, (r) => rows.push(r));
  return rows;
}

function streamed(rows: readonly ForecastRow[], format: "csv" | "json" | "table", memoryBytes: number): string {
  const color = new Chalk({ level: 1 });
  const report = new IntervalReport(format, color, memoryBytes);
  const planner = new Planner(DEFAULT_SCENARIO, { onInterval: (i) => report.add(i) });
  for (const r of rows) planner.add(r);
  const plan = planner.finish();
  let out = "";
  report.writeTo(plan, (t) => (out += t));
  return out;
}

/** A deterministic shuffle, so some queues' rows come out of time order. */
function shuffled<T>(xs: readonly T[]): T[] {
  const out = [...xs];
  let seed = 7;
  for (let k = out.length - 1; k > 0; k--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (k + 1);
    [out[k], out[j]] = [out[j]!, out[k]!];
  }
  return out;
}

describe("IntervalReport", () => {
  it("streams the same bytes as the in-memory report, spilled to files or not, rows in order or shuffled", async () => {
    const rows = await fixtureRows();
    const plan = planForecast(rows, DEFAULT_SCENARIO);
    const color = new Chalk({ level: 1 });
    const expected = {
      csv: renderPlanCsv(plan, "intervals"),
      json: renderPlanJson(plan, "intervals"),
      table: renderPlanTable(plan, "intervals", color),
    };
    for (const format of ["csv", "json", "table"] as const) {
      expect(streamed(rows, format, 8 << 20)).toBe(expected[format]);
      expect(streamed(rows, format, 5_000)).toBe(expected[format]); // spilled to temporary files many times
      expect(streamed(shuffled(rows), format, 5_000)).toBe(expected[format]); // queues out of order: sorted
    }
    expect(JSON.parse(expected.json).rows).toHaveLength(plan.intervals.length);
  });

  it("writes an empty plan as a valid document", () => {
    const plan = new Planner(DEFAULT_SCENARIO).finish();
    for (const format of ["csv", "json"] as const) {
      const report = new IntervalReport(format, new Chalk({ level: 0 }));
      let out = "";
      report.writeTo(plan, (t) => (out += t));
      if (format === "json") expect(JSON.parse(out).rows).toEqual([]);
      else expect(out).toBe(renderPlanCsv(plan, "intervals"));
    }
  });

  it("leaves no output file and no temporary file when writing fails half-way", async () => {
    const { mkdtempSync, readdirSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "ccplan-test-"));
    expect(() =>
      streamReport(join(dir, "out.csv"), { write: () => undefined }, (write) => {
        write("interval_start\n");
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(readdirSync(dir)).toEqual([]);
  });
});
