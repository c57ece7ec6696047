import { describe, expect, it } from "vitest";
import { GridEvidence, sparseInterval } from "../../src/read/queue-interval.js";

const evidence = (starts: number[]) => {
  const e = new GridEvidence();
  for (const s of starts) e.add(s);
  return e;
};
const day = Date.UTC(2026, 10, 23) / 60_000;

describe("GridEvidence", () => {
  it("grid() is the longest of 60…5 minutes holding every start; dense() when two rows are one step apart", () => {
    const half = evidence([480, 510, 540, 570].map((m) => day + m));
    expect(half.grid()).toBe(30);
    expect(half.dense(30)).toBe(true);
    const sparse = evidence([540, 660, 840].map((m) => day + m));
    expect(sparse.grid()).toBe(60);
    expect(sparse.dense(60)).toBe(false);
  });

  it("from 10 rows one stray start does not shrink the grid", () => {
    const starts = Array.from({ length: 20 }, (_, k) => day + 480 + 15 * k);
    starts[7] = day + 480 + 15 * 7 + 5; // 10:05
    expect(evidence(starts).grid()).toBe(15);
    expect(evidence(starts.slice(0, 5).concat(day + 600 + 5)).grid()).toBe(5);
  });
});

describe("sparseInterval", () => {
  it("takes the one dense interval that divides the sparse grid, the dense interval when all agree, else the grid or undefined", () => {
    expect(sparseInterval(60, new Set())).toBe(60);
    expect(sparseInterval(60, new Set([30]))).toBe(30);
    expect(sparseInterval(10, new Set([30]))).toBe(30);
    expect(sparseInterval(60, new Set([15, 30]))).toBeUndefined();
    expect(sparseInterval(15, new Set([15, 30]))).toBe(15);
    expect(sparseInterval(10, new Set([15, 30]))).toBeUndefined();
  });
});
