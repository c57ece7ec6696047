import highsModule, { type Highs } from "highs";
import type { MipLimits, MipModel, MipResult, MipSolver } from "../plan/shifts/mip.js";

// The package's types are written as CommonJS (`default` property); its ES module exports the loader itself.
const loadHighs = highsModule as unknown as typeof highsModule.default;

let loaded: Promise<Highs> | undefined;

/**
 * The HiGHS MIP solver (WebAssembly, single-threaded), loaded once per
 * process. Options that make a run reproducible: single-threaded build, fixed random
 * seed, no log; the search stops at the requested relative gap (the same on
 * every machine) or at the time limit (not: reported as `time-limit`).
 */
export async function highsSolver(): Promise<MipSolver> {
  const highs = await (loaded ??= loadHighs());
  return (m: MipModel, limits: MipLimits): MipResult => solveWith(highs, m, limits);
}

function solveWith(highs: Highs, m: MipModel, limits: MipLimits): MipResult {
  const started = performance.now();
  const model = highs.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    colCost: m.colCost,
    colLower: m.colLower.map((v) => (v === -Infinity ? -highs.infinity : v)),
    colUpper: m.colUpper.map((v) => (v === Infinity ? highs.infinity : v)),
    rowLower: m.rowLower.map((v) => (v === -Infinity ? -highs.infinity : v)),
    rowUpper: m.rowUpper.map((v) => (v === Infinity ? highs.infinity : v)),
    matrix: { format: "csr", numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
    integrality: m.integrality as unknown as Int32Array,
  });
  try {
    model.options.set({
      output_flag: false,
      random_seed: 0,
      mip_rel_gap: limits.relGap,
      time_limit: limits.timeLimitSec,
    });
    model.run();
    const status = model.getModelStatus();
    const seconds = (performance.now() - started) / 1000;
    const C = highs.constants.modelStatus;
    if (status === C.infeasible) return empty("infeasible", seconds);
    const hasSolution = model.info.get("primal_solution_status") === 2;
    const gap = Number(model.info.get("mip_gap"));
    if (!hasSolution) {
      if (status === C.optimal) throw new RangeError("HiGHS reported optimal without a solution");
      return { ...empty("no-solution", seconds), gap: Number.isFinite(gap) ? gap : Infinity };
    }
    const x = Float64Array.from(model.getSolution().colValue);
    const objective = Number(model.info.get("objective_function_value"));
    const bound = Number(model.info.get("mip_dual_bound"));
    if (status === C.optimal) return { status: "optimal", x, objective, bound, gap: Math.max(0, gap), seconds };
    if (status === C.timeLimit || status === C.interrupted || status === C.iterationLimit) return { status: "time-limit", x, objective, bound, gap: Math.max(0, gap), seconds };
    throw new RangeError(`HiGHS ended with model status ${status}`);
  } finally {
    model.dispose();
  }
}

function empty(status: "infeasible" | "no-solution", seconds: number): MipResult {
  return { status, x: new Float64Array(0), objective: NaN, bound: NaN, gap: Infinity, seconds };
}
