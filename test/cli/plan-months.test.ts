import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";

const dir = mkdtempSync(join(tmpdir(), "ccplan-months-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture week repeated six times: 2026-11-23 to 2027-01-03, one week in November and five in December. */
function sixWeeks(): string {
  const [head, ...rows] = readFileSync("fixtures/forecast-week.csv", "utf8").trim().split("\n");
  const out = [head!];
  for (let k = 0; k < 6; k++) {
    for (const line of rows) {
      const cells = line.split(",");
      const t = new Date(`${cells[0]}:00Z`);
      t.setUTCDate(t.getUTCDate() + 7 * k);
      cells[0] = t.toISOString().slice(0, 16);
      out.push(cells.join(","));
    }
  }
  const file = join(dir, "six-weeks.csv");
  writeFileSync(file, out.join("\n") + "\n");
  return file;
}

describe("ccplan plan --report months", () => {
  it("gives calendar months whose volumes and hours add up to the weeks', FTE the mean of their weeks'", async () => {
    const file = sixWeeks();
    const weeks = await runCli(["plan", file, "--report", "weeks", "--format", "json"]);
    const months = await runCli(["plan", file, "--report", "months", "--format", "json"]);
    expect(months.code, months.stderr).toBe(0);
    const w = (JSON.parse(weeks.stdout) as { rows: { volume: number; scheduledHours: number; fte: number }[] }).rows;
    const m = (JSON.parse(months.stdout) as { rows: { month: string; weeks: number; volume: number; scheduledHours: number; fte: number }[] }).rows;
    expect(m.map((x) => [x.month, x.weeks])).toEqual([
      ["2026-11", 1],
      ["2026-12", 5],
    ]);
    expect(m.reduce((s, x) => s + x.volume, 0)).toBeCloseTo(w.reduce((s, x) => s + x.volume, 0), 6);
    expect(m.reduce((s, x) => s + x.scheduledHours, 0)).toBeCloseTo(w.reduce((s, x) => s + x.scheduledHours, 0), 6);
    expect(m[1]!.fte).toBeCloseTo(w.slice(1).reduce((s, x) => s + x.fte, 0) / 5, 9);
    const table = await runCli(["plan", file, "--report", "months"]);
    expect(table.code).toBe(0);
    for (const line of table.stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
    const csv = await runCli(["plan", file, "--report", "months", "--format", "csv"]);
    expect(csv.stdout.split("\n")[0]).toBe("month,weeks,partial_weeks,volume,workload_hours,peak_agents,agent_hours,scheduled_hours,fte,headcount,service_level,missed_intervals");
  });
});
