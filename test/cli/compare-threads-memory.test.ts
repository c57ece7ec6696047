import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { readScenario } from "../../src/read/scenario-read.js";
import { ForecastColumnsBuilder } from "../../src/plan/forecast-columns.js";
import { planOnColumns } from "../../src/plan/compare.js";
import { forecastRow, MONDAY } from "../helpers/forecast-row.js";

describe("runJobs with workers in bounded heaps (the built module)", () => {
  it("bounds each worker's heap, and plans again on this thread, in job order, a job whose worker ran out of it: every outcome a plan equal to planning it here", async () => {
    const threadsModule = (await import(pathToFileURL("dist/cli/compare-threads.js").href)) as typeof import("../../src/cli/compare-threads.js");
    expect(threadsModule.WORKER_LIMITS.maxOldGenerationSizeMb).toBeGreaterThanOrEqual(256);
    // 600 queues (a team each under the sourcing fixtures' organisation): a planning's live heap is ~10 MB, well above
    // what a worker needs to load (~6 MB), so the heaps tried below kill a worker while it plans, not only as it loads
    const builder = new ForecastColumnsBuilder();
    for (let j = 0; j < 4; j++) for (let k = 0; k < 600; k++) builder.add(forecastRow({ line: 2 + j * 600 + k, typology: `t${k}`, startMin: MONDAY + 540 + 30 * j, volume: 20 + (k % 7), ahtSec: 200 }));
    const columns = builder.finish(true);
    const scenarios = ["sourcing-in-house", "sourcing-split"].map((n) => readScenario(readFileSync(`fixtures/scenarios/${n}.yaml`, "utf8"), n));
    const points = [0.9, 1.1].map((volumeFactor) => ({ volumeFactor, ahtFactor: 1 }));
    const plan = (job: number) => planOnColumns(columns, scenarios[job % 2]!, points[Math.floor(job / 2)]!);
    const expected = Array.from({ length: 4 }, (_, job) => plan(job));
    let replanned = 0;
    // heaps from too small to load the worker to enough to load it but not to plan: a worker dies before or while planning
    for (const maxOldGenerationSizeMb of [3, 7, 9, 11]) {
      const here: number[] = [];
      const progress: number[] = [];
      const outcomes = await threadsModule.runJobs({ columns, scenarios, points }, 2, (job) => (here.push(job), plan(job)), (d) => progress.push(d), { maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 1 });
      outcomes.forEach((o, job) => expect(o !== undefined && "plan" in o && o.plan).toEqual(expected[job]));
      expect(progress.at(-1)).toBe(4);
      // a job planned here after a later one: the one a worker claimed and could not finish
      if (here.some((job, k) => k > 0 && job < here[k - 1]!)) replanned++;
    }
    expect(replanned).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
