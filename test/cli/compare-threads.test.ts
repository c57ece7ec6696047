import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readForecast } from "../../src/read/forecast-read.js";
import { readScenario } from "../../src/read/scenario-read.js";
import { ForecastColumnsBuilder } from "../../src/plan/forecast-columns.js";
import { planOnColumns } from "../../src/plan/compare.js";
import { binEnv } from "../helpers/bin-env.js";
import { runCli } from "../helpers/fake-io.js";

// The expected outputs were written by the build from before compare used
// threads (see expected/compare-threads/generate.mjs): the threaded compare
// of the built binary and the one-thread compare run in-process from the
// sources must both give those bytes.
const EXPECTED = "test/cli/expected/compare-threads";
interface Case {
  name: string;
  scenarios: string[];
  args: string[];
  status?: number;
}
const cases = JSON.parse(readFileSync(join(EXPECTED, "cases.json"), "utf8")) as Case[];
const argsOf = (c: Case) => ["compare", "fixtures/forecast-week.csv", ...c.scenarios.flatMap((s) => ["--scenario", `fixtures/scenarios/${s}.yaml`]), ...c.args];
const tmp = mkdtempSync(join(tmpdir(), "ccplan-compare-threads-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function spawnCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ["bin/ccplan.js", ...args], { env: binEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  const out: Buffer[] = [];
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => out.push(d));
  child.stderr!.on("data", (d) => (stderr += d));
  return new Promise<{ code: number | null; stdout: Buffer; stderr: string }>((done) => child.on("close", (code) => done({ code, stdout: Buffer.concat(out), stderr })));
}

describe("compare on worker threads", () => {
  for (const c of cases) {
    const xlsx = c.name.endsWith(".xlsx");
    // three threads too where there are many plannings (scheduling differs more)
    for (const threads of ["six.json", "sweep-volume.json", "limit.json"].includes(c.name) ? ["2", "3"] : ["2"]) {
      it(`writes ${c.name} byte for byte as the build before threads did, on ${threads} threads (built binary)`, async () => {
        const out = join(tmp, `${threads}-${c.name}`);
        const r = await spawnCli([...argsOf(c), ...(xlsx ? ["--out", out] : [])], { CCPLAN_THREADS: threads });
        expect(r.code).toBe(c.status ?? 0);
        expect(r.stderr.replace(/^wrote .*\n/m, "")).toBe(readFileSync(join(EXPECTED, `${c.name}.stderr`), "utf8"));
        const expected = readFileSync(join(EXPECTED, c.name));
        expect((xlsx ? readFileSync(out) : r.stdout).equals(expected)).toBe(true);
      }, 120_000);
    }

    it(`writes ${c.name} byte for byte as the build before threads did, on one thread (in-process, from the sources)`, async () => {
      const out = join(tmp, `1-${c.name}`);
      const r = await runCli([...argsOf(c), ...(xlsx ? ["--out", out] : [])]);
      expect(r.code).toBe(c.status ?? 0);
      expect(r.stderr.replace(/^wrote .*\n/m, "")).toBe(readFileSync(join(EXPECTED, `${c.name}.stderr`), "utf8"));
      const expected = readFileSync(join(EXPECTED, c.name));
      expect(xlsx ? readFileSync(out).equals(expected) : r.stdout === expected.toString("utf8")).toBe(true);
    }, 120_000);
  }
});

describe("runJobs (the built module, with real workers)", () => {
  it("plans every job once, some on the workers, each plan equal to planning it on this thread", async () => {
    const threadsModule = (await import(pathToFileURL("dist/cli/compare-threads.js").href)) as typeof import("../../src/cli/compare-threads.js");
    const builder = new ForecastColumnsBuilder();
    await readForecast([readFileSync("fixtures/forecast-week.csv")], "fixtures/forecast-week.csv", {}, (r) => builder.add(r));
    const columns = builder.finish(true);
    const scenarios = ["sourcing-in-house", "sourcing-split", "sourcing-hybrid"].map((n) => readScenario(readFileSync(`fixtures/scenarios/${n}.yaml`, "utf8"), n));
    const points = [0.9, 1, 1.1].map((volumeFactor) => ({ volumeFactor, ahtFactor: 1 }));
    const here: number[] = [];
    const plan = (job: number) => planOnColumns(columns, scenarios[job % 3]!, points[Math.floor(job / 3)]!);
    const progress: number[] = [];
    const outcomes = await threadsModule.runJobs({ columns, scenarios, points }, 3, (job) => (here.push(job), plan(job)), (done) => progress.push(done));
    expect(outcomes).toHaveLength(9);
    expect(here.length).toBeLessThan(9);
    outcomes.forEach((o, job) => {
      expect(o !== undefined && "plan" in o).toBe(true);
      if (!here.includes(job)) expect((o as { plan: unknown }).plan).toEqual(plan(job));
    });
    // never goes back, and ends at every job done (a worker's last message
    // can arrive before it counts its job in the shared counter)
    expect(progress.at(-1)).toBe(9);
    progress.forEach((d, i) => expect(d).toBeGreaterThan(i === 0 ? 0 : progress[i - 1]!));
  }, 120_000);

  it("sends a planning's internal error back as one (exit 70), and stops claiming jobs after it", async () => {
    const threadsModule = (await import(pathToFileURL("dist/cli/compare-threads.js").href)) as typeof import("../../src/cli/compare-threads.js");
    const builder = new ForecastColumnsBuilder();
    await readForecast([readFileSync("fixtures/forecast-week.csv")], "fixtures/forecast-week.csv", {}, (r) => builder.add(r));
    const columns = builder.finish(true);
    // not a scenario: planning it throws a TypeError, in whichever thread
    const broken = { name: "broken" } as unknown as import("../../src/plan/scenario.js").Scenario;
    const outcomes = await threadsModule.runJobs({ columns, scenarios: [broken], points: Array.from({ length: 40 }, () => ({ volumeFactor: 1, ahtFactor: 1 })) }, 2, (job) => planOnColumns(columns, broken, { volumeFactor: 1, ahtFactor: 1 }) ?? job, () => {});
    const failed = outcomes.filter((o) => o !== undefined);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(40);
    for (const o of failed) {
      expect("error" in o! && o.error.kind).toBe("internal");
      const e = threadsModule.receivedError((o as { error: import("../../src/cli/compare-threads.js").SentError }).error);
      expect(e.name).toBe("TypeError");
    }
  }, 60_000);
});
