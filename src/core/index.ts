export { trafficErlangs, MAX_TRAFFIC_ERLANGS } from "./traffic.js";
export { tautString } from "./taut-string.js";
export { deadlineStaffing, type DeadlineQueue, type DeadlineStaffing } from "./deadline-staffing.js";
export { outboundWorkloadSec, workloadAgents } from "./outbound.js";
export { combinedShrinkage, scheduledStaff, fte, headcount } from "./people.js";
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
