export { trafficErlangs } from "./traffic.js";
export { erlangB, erlangBInverse } from "./erlang-b.js";
export { erlangC, erlangCMetrics, type QueueMetrics } from "./erlang-c.js";
export { erlangAMetrics } from "./erlang-a.js";
export {
  requiredAgents,
  meetsTargets,
  type QueueLoad,
  type StaffingTargets,
  type StaffingResult,
  type Binding,
} from "./required-agents.js";
