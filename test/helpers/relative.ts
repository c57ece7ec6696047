import { expect } from "vitest";

/**
 * The one tolerance matcher of the suite: |actual − expected| ≤ tol·|expected|
 * (absolute `tol` when expected is 0). Integers are compared with toBe instead.
 */
export function expectRelative(actual: number, expected: number, tol: number, label = ""): void {
  const scale = expected === 0 ? 1 : Math.abs(expected);
  const error = Math.abs(actual - expected) / scale;
  if (!(error <= tol)) {
    expect.fail(`${label ? label + ": " : ""}got ${actual}, expected ${expected} within ${tol} relative (error ${error.toExponential(2)})`);
  }
}
