import { describe, expect, it } from "vitest";
import { combinedShrinkage, fte, headcount, scheduledStaff } from "../../src/core/people.js";
import { expectRelative } from "../helpers/relative.js";

describe("from agents to people", () => {
  it("combinedShrinkage multiplies the kept shares: 8 %, 5 %, 3 % → 15.216 %", () => {
    expectRelative(combinedShrinkage([0.08, 0.05, 0.03]), 1 - 0.92 * 0.95 * 0.97, 1e-15);
    expect(combinedShrinkage([])).toBe(0);
  });

  it("scheduledStaff(14, 30 %) is 20, (13, 30 %) is 18.57 → 19, (40, 30 %) → 58 (DOMAIN worked examples)", () => {
    expectRelative(scheduledStaff(14, 0.3), 20, 1e-15);
    expect(Math.ceil(scheduledStaff(13, 0.3))).toBe(19);
    expect(Math.ceil(scheduledStaff(40, 0.3))).toBe(58);
  });

  it("fte is paid hours over contract hours; headcount rounds up once after dividing by the contract fraction", () => {
    expect(fte(700, 35)).toBe(20);
    expect(headcount(20.4, 0.9)).toBe(23);
    expect(headcount(18, 0.9)).toBe(20); // 19.999999999999996 is 20 people, not 21
    expect(headcount(0, 0.8)).toBe(0);
  });

  it("people functions throw RangeError for out-of-range shares", () => {
    expect(() => combinedShrinkage([1])).toThrow(/in \[0, 1\), got 1/);
    expect(() => headcount(1, 0)).toThrow(/meanContractFraction in \(0, 1\]/);
  });
});
