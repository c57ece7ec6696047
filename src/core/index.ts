export { trafficErlangs, MAX_TRAFFIC_ERLANGS } from "./traffic.js";
export { erlangB, erlangBInverse } from "./erlang-b.js";
export { erlangC, erlangCMetrics, type QueueMetrics } from "./erlang-c.js";
export { erlangAMetrics } from "./erlang-a.js";
export {
  requiredAgents,
  meetsTargets,
  MAX_CONCURRENCY,
  MAX_SERVERS,
  type QueueLoad,
  type StaffingTargets,
  type StaffingResult,
  type Binding,
} from "./required-agents.js";
