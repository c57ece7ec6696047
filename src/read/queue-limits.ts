import { MAX_TRAFFIC_ERLANGS } from "../core/traffic.js";
import type { QueueLoad } from "../core/required-agents.js";
import { problem, type Diagnostic } from "./diagnostics.js";
import type { ValueSource } from "./values.js";

/** Most sessions per agent accepted from input (chat platforms allow a handful). */
export const MAX_INPUT_CONCURRENCY = 100;

/** Where each field of a queue was read, for its diagnostic. */
export type QueueSources = Partial<Record<"volume" | "concurrency", ValueSource>>;

/** Whether {@link queueLimitProblems} would find anything (cheap: no allocation). */
export function exceedsLimits(queue: QueueLoad): boolean {
  return (
    !((queue.volume * queue.ahtSec) / (queue.intervalMin * 60) <= MAX_TRAFFIC_ERLANGS) ||
    (queue.concurrency !== undefined && queue.concurrency > MAX_INPUT_CONCURRENCY)
  );
}

/**
 * Checks on a whole queue that no single value shows: the load the volume,
 * AHT and interval make, the concurrency. (Any patience is computed: Erlang A
 * at any patience, up to Erlang C when callers never abandon.)
 */
export function queueLimitProblems(queue: QueueLoad, sources: QueueSources): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const load = (queue.volume * queue.ahtSec) / (queue.intervalMin * 60);
  if (!(load <= MAX_TRAFFIC_ERLANGS)) {
    const src = sources.volume ?? { field: "volume" };
    problems.push(
      problem(
        "INPUT_OUT_OF_RANGE",
        `${src.field}: the load volume × aht / interval is ${load.toPrecision(4)} Erlangs, expected at most ${MAX_TRAFFIC_ERLANGS}`,
        { ...src, value: String(queue.volume) },
      ),
    );
  }
  if (queue.concurrency !== undefined && queue.concurrency > MAX_INPUT_CONCURRENCY) {
    const src = sources.concurrency ?? { field: "concurrency" };
    problems.push(
      problem("INPUT_OUT_OF_RANGE", `${src.field}: got ${queue.concurrency}, expected at most ${MAX_INPUT_CONCURRENCY} sessions per agent`, {
        ...src,
        value: String(queue.concurrency),
      }),
    );
  }
  return problems;
}
