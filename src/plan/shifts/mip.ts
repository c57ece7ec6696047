/**
 * A mixed-integer programme as plain arrays, and the solver contract. The
 * schedule model is built here, in pure code; the solver (HiGHS, WebAssembly)
 * is passed in by the command, so `plan` stays free of I/O and packages.
 */

/** Minimise Σ cost·x subject to rowLower ≤ A·x ≤ rowUpper, colLower ≤ x ≤ colUpper, x integer where flagged. */
export interface MipModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 = integer, 0 = continuous. */
  integrality: Int32Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** Rows in compressed sparse row form: row r's entries are `starts[r] … starts[r + 1] − 1`. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/** When the solver stops. */
export interface MipLimits {
  /** Stop once the proven relative gap is at most this (deterministic: the search path does not depend on the machine). */
  relGap: number;
  /** Wall-clock safety limit, seconds: a schedule stopped by it depends on the machine's speed and is reported as such. */
  timeLimitSec: number;
}

/** How a solve ended. */
export type MipStatus =
  /** Proven optimal, or within the requested gap (see `gap`). */
  | "optimal"
  /** Stopped by the time limit with a schedule (see `gap`). */
  | "time-limit"
  /** Stopped by the time limit before any schedule was found. */
  | "no-solution"
  /** No schedule satisfies the rules. */
  | "infeasible";

/** What the solver returns. */
export interface MipResult {
  status: MipStatus;
  /** Values of the columns (empty unless a schedule was found). */
  x: Float64Array;
  /** Objective of `x`. */
  objective: number;
  /** Best proven lower bound of the objective. */
  bound: number;
  /** (objective − bound) ÷ objective, as HiGHS reports it (0 when proven optimal). */
  gap: number;
  /** Seconds spent (informative only: never in the report, which must not depend on the machine). */
  seconds: number;
}

/** A MIP solver: synchronous once loaded. */
export type MipSolver = (model: MipModel, limits: MipLimits) => MipResult;
