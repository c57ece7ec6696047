import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";
import type { ForecastColumns } from "../plan/forecast-columns.js";
import { InputError, type Diagnostic } from "../read/diagnostics.js";
import { PlanLimitError, type PlanLimit } from "../plan/plan-limit.js";
import type { Scenario } from "../plan/scenario.js";
import type { SourcingPlan, WhatIf } from "../plan/sourcing.js";

/**
 * The plannings of a comparison: every scenario at every what-if point, job
 * `j` being scenario `j mod S` at point `⌊j / S⌋` (the order the single
 * thread plans them in).
 */
export interface CompareJobs {
  columns: ForecastColumns;
  scenarios: Scenario[];
  points: WhatIf[];
}

/** What a job left: its plan, or what it threw (as sent between threads; on this thread, also the error itself). */
export type JobOutcome = { plan: SourcingPlan } | { error: SentError; thrown?: unknown };

/** An error as it crosses a thread boundary (structured clone keeps no class). */
export type SentError =
  | { kind: "limit"; limit: PlanLimit }
  | { kind: "input"; diagnostics: Diagnostic[] }
  | { kind: "internal"; name: string; message: string; stack: string | undefined };

/** What a worker is given: the jobs, and the counters every thread shares. */
export interface WorkerInput {
  jobs: CompareJobs;
  /** [next job to claim, stop (1 after a failure), jobs done]. */
  counters: Int32Array;
}

/** The messages a worker posts. */
export type WorkerMessage = { job: number; outcome: JobOutcome } | { done: true };

const NEXT = 0;
const STOP = 1;
const DONE = 2;

/**
 * Below this many rows × plannings a comparison is planned on one thread: a
 * worker costs about 0.15 s of CPU to start (loading the modules, warming up
 * its own JIT) and a planning of a row 10–80 µs, so below ~20,000 the
 * worker would cost about what it saves.
 */
export const THREADS_MIN_WORK = 20_000;

/**
 * Claim jobs one after the other from the shared counter and run them, until
 * none is left or a job failed. A claimed job is always run, so when a job
 * fails every job before it has run (or is running): the first failure in
 * job order is the one a single thread would have met.
 */
export function runClaimed(count: number, counters: Int32Array, run: (job: number) => boolean): void {
  while (Atomics.load(counters, STOP) === 0) {
    const job = Atomics.add(counters, NEXT, 1);
    if (job >= count) return;
    const ok = run(job);
    Atomics.add(counters, DONE, 1);
    if (!ok) Atomics.store(counters, STOP, 1);
  }
}

/** An error thrown by a planning, as it can be posted. */
export function sendError(error: unknown): SentError {
  const e = error as { name?: unknown; message?: unknown; stack?: unknown } | null | undefined;
  if (error instanceof PlanLimitError) return { kind: "limit", limit: error.limit };
  if (error instanceof InputError) return { kind: "input", diagnostics: error.diagnostics };
  return {
    kind: "internal",
    name: typeof e?.name === "string" ? e.name : "Error",
    message: typeof e?.message === "string" ? e.message : String(error),
    stack: typeof e?.stack === "string" ? e.stack : undefined,
  };
}

/** The error a job sent, as the one it threw: a PlanLimitError or InputError again (exit 2), else an internal error (exit 70). */
export function receivedError(sent: SentError): Error {
  if (sent.kind === "limit") return new PlanLimitError(sent.limit);
  if (sent.kind === "input") return new InputError(sent.diagnostics);
  const e = new Error(sent.message);
  e.name = sent.name;
  if (sent.stack !== undefined) e.stack = sent.stack;
  return e;
}

/**
 * How many threads plan a comparison: `CCPLAN_THREADS` when it is a whole
 * number ≥ 1 (1: all on the main thread; N: N − 1 workers beside it, even for
 * a tiny forecast — for tests), else the cores (`os.availableParallelism()`)
 * up to one per job, and one thread for a small forecast. One thread too when
 * the worker's module is not there (running from the TypeScript sources).
 */
export function threadCount(rows: number, jobs: number, env: Record<string, string | undefined>): number {
  if (!existsSync(fileURLToPath(WORKER_URL))) return 1;
  const given = env.CCPLAN_THREADS;
  if (given !== undefined && /^[1-9][0-9]{0,2}$/.test(given.trim())) return Math.min(Number(given), Math.max(1, jobs));
  if (rows * jobs < THREADS_MIN_WORK) return 1;
  return Math.max(1, Math.min(availableParallelism(), jobs));
}

const WORKER_URL = new URL("./compare-worker.js", import.meta.url);

/**
 * A worker's heap: a small young generation and an old generation bounded
 * far above what a planning holds, so that V8 collects as the planning's
 * garbage builds up instead of growing the heap first (a heap bound to
 * 512 MB grows by about 1.4× what survives a collection, an unbound one by
 * up to 4×). A year of 50 queues keeps about 20 MB alive on a worker's heap
 * (its series and team columns are typed arrays, outside the heap); with
 * the default heap each planning thread held about 100 MB, with this one
 * about 30. A worker that reaches the bound anyway is not an error: its
 * planning is done again on this thread (see {@link runJobs}).
 */
export const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512 };

/**
 * Run every job of a comparison on `threads` threads: this one and
 * `threads − 1` workers, each claiming the next job from a shared counter
 * (so a slow scenario does not hold the others back). The forecast's
 * columns are in shared memory: the workers read them, nothing is copied;
 * scenarios go to each worker once, each plan comes back by structured clone
 * (plain data: numbers, strings, arrays, Maps and `undefined` kept as they
 * are). Outcomes come back in job order whatever the scheduling.
 *
 * Jobs on this thread run through `runHere` (which may do what a worker
 * cannot: `--shifts` schedules with HiGHS); on a worker through
 * `planOnColumns`, in a heap bounded by `limits`. Stops claiming jobs after
 * the first failure. A worker that reaches its heap's bound stops, and the
 * job it was planning is planned again here (in job order, after the
 * others): the outcome is the same, only later. A worker that dies
 * otherwise (a crash) makes an internal error, never a wait.
 *
 * @param onProgress - called with the number of jobs done so far, now and then
 * @param limits - each worker's heap (default {@link WORKER_LIMITS})
 * @returns each job's outcome; a job not run (after a failure) is undefined
 */
export async function runJobs(
  jobs: CompareJobs,
  threads: number,
  runHere: (job: number) => SourcingPlan,
  onProgress: (done: number) => void,
  limits: ResourceLimits = WORKER_LIMITS,
): Promise<(JobOutcome | undefined)[]> {
  const count = jobs.scenarios.length * jobs.points.length;
  const outcomes: (JobOutcome | undefined)[] = new Array(count).fill(undefined);
  const counters = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const crashes: Error[] = [];
  const finished: Promise<void>[] = [];
  // Progress never goes back, and ends at the number of outcomes in hand: a
  // worker posts a job's outcome before it counts the job done, so the
  // shared counter can lag behind the last message.
  let shown = 0;
  let settled = 0;
  const progress = (done: number): void => {
    if (done > shown) onProgress((shown = done));
  };
  for (let w = 1; w < threads; w++) {
    const worker = new Worker(WORKER_URL, { workerData: { jobs, counters } satisfies WorkerInput, resourceLimits: limits });
    finished.push(
      new Promise<void>((resolve) => {
        let done = false;
        let outOfMemory = false;
        worker.on("message", (m: WorkerMessage) => {
          if ("done" in m) done = true;
          else {
            outcomes[m.job] = m.outcome;
            settled++;
            progress(Math.max(settled, Atomics.load(counters, DONE)));
          }
        });
        worker.on("error", (error) => {
          // out of its heap: the job it had claimed is planned again on this thread (below)
          if ((error as { code?: unknown }).code === "ERR_WORKER_OUT_OF_MEMORY") {
            outOfMemory = true;
            return;
          }
          Atomics.store(counters, STOP, 1);
          crashes.push(error instanceof Error ? error : new Error(String(error)));
        });
        worker.on("exit", (code) => {
          if (!done && !outOfMemory && crashes.length === 0) {
            Atomics.store(counters, STOP, 1);
            crashes.push(new Error(`a planning thread stopped before its work was done (exit code ${code})`));
          }
          resolve();
        });
      }),
    );
  }
  const here = (job: number): boolean => {
    try {
      outcomes[job] = { plan: runHere(job) };
      return true;
    } catch (error) {
      outcomes[job] = { error: sendError(error), thrown: error };
      return false;
    } finally {
      settled++;
      progress(Math.max(settled, Atomics.load(counters, DONE) + 1));
    }
  };
  runClaimed(count, counters, here);
  await Promise.all(finished);
  if (crashes.length > 0) throw crashes[0]!;
  // jobs claimed by a worker that ran out of heap: planned here, in job order, up to the first failure
  const claimed = Math.min(count, Atomics.load(counters, NEXT));
  for (let job = 0; job < claimed; job++) {
    const o = outcomes[job];
    if (o === undefined ? !here(job) : "error" in o) break;
  }
  return outcomes;
}
