import { erlangAMetrics } from "../core/erlang-a.js";
import { erlangCMetrics, type QueueMetrics } from "../core/erlang-c.js";
import { chatStateCount, erlangChatMetrics, MAX_CHAT_STATES } from "../core/erlang-chat.js";
import { meetsTargets, requiredAgents, type QueueLoad, type StaffingResult, type StaffingTargets } from "../core/required-agents.js";

/** One single-queue question: a load and its targets (a row of `ccplan erlang`). */
export interface ErlangCase {
  /** Where the case came from: the input line, or 1 for the flags form. */
  line: number;
  /** Optional label carried to the output. */
  id?: string | undefined;
  queue: QueueLoad;
  targets: StaffingTargets;
}

/** A solved case. */
export interface ErlangAnswer {
  case: ErlangCase;
  result: StaffingResult;
}

/** One point of the staffing curve around the answer. */
export interface CurvePoint {
  agents: number;
  metrics: QueueMetrics;
  meetsTargets: boolean;
}

/** Solve one case. */
export function solveErlangCase(c: ErlangCase): ErlangAnswer {
  return { case: c, result: requiredAgents(c.queue, c.targets) };
}

/**
 * Metrics for `agents − span … agents + span` around an answer (fewer than
 * one agent, and for Erlang C agents whose servers cannot carry the load,
 * are left out).
 */
export function staffingCurve(answer: ErlangAnswer, span = 3): CurvePoint[] {
  const { queue, targets } = answer.case;
  const { result } = answer;
  if (result.trafficErlangs === 0) return [];
  const k = queue.concurrency ?? 1;
  const erlangA = result.model === "erlang-a";
  const chat = result.model === "erlang-chat";
  const centre = result.feasible ? result.agents : Math.ceil(result.trafficErlangs / k) + span;
  const points: CurvePoint[] = [];
  for (let agents = Math.max(1, centre - span); agents <= centre + span; agents++) {
    const servers = agents * k;
    if (!erlangA && servers <= result.trafficErlangs) continue;
    if (chat && !(chatStateCount(agents, k) <= MAX_CHAT_STATES)) continue;
    const within = targets.answerWithinSec ?? 0;
    const metrics = chat
      ? erlangChatMetrics(agents, queue.volume / (queue.intervalMin * 60), queue.ahtByConcurrencySec!, within)
      : erlangA
      ? erlangAMetrics(servers, result.trafficErlangs, queue.ahtSec, queue.patienceSec!, within)
      : erlangCMetrics(servers, result.trafficErlangs, queue.ahtSec, within);
    points.push({ agents, metrics, meetsTargets: meetsTargets(metrics, targets, erlangA) });
  }
  return points;
}
