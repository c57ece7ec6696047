/**
 * ccplan as a library: the exact, dependency-free queueing core.
 *
 * @example
 * import { requiredAgents } from "ccplan";
 * requiredAgents({ volume: 100, ahtSec: 180, intervalMin: 30 }, { serviceLevel: 0.8, answerWithinSec: 20 }).agents; // 14
 */
export * from "./core/index.js";
