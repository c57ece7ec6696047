// A worker thread of `ccplan compare` (see compare-threads.ts): claims the
// comparison's plannings one by one from the shared counter, plans each on the
// shared forecast columns and posts its plan (or what it threw) back.
import { parentPort, workerData } from "node:worker_threads";
import { planOnColumns } from "../plan/compare.js";
import { runClaimed, sendError, type WorkerInput, type WorkerMessage } from "./compare-threads.js";

const { jobs, counters } = workerData as WorkerInput;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const scenarioCount = jobs.scenarios.length;
runClaimed(scenarioCount * jobs.points.length, counters, (job) => {
  try {
    const plan = planOnColumns(jobs.columns, jobs.scenarios[job % scenarioCount]!, jobs.points[Math.floor(job / scenarioCount)]!);
    post({ job, outcome: { plan } });
    return true;
  } catch (error) {
    post({ job, outcome: { error: sendError(error) } });
    return false;
  }
});
post({ done: true });
