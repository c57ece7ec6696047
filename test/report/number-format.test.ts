import { describe, expect, it } from "vitest";
import { csvNumber, grouped, percent, seconds } from "../../src/report/number-format.js";

describe("number formatting", () => {
  it("grouped(x, decimals, minDecimals) separates thousands and trims optional zeros", () => {
    expect(grouped(1234567.891, 2)).toBe("1,234,567.89");
    expect(grouped(100, 2, 0)).toBe("100");
    expect(grouped(12.5, 2, 0)).toBe("12.5");
    expect(grouped(-1234.5, 1)).toBe("-1,234.5");
    expect(grouped(999.999, 2)).toBe("1,000.00");
    expect(grouped(-0.001, 1)).toBe("0.0");
    expect(grouped(Infinity)).toBe("–");
  });

  it("csvNumber keeps at most 6 decimals without trailing zeros", () => {
    expect(csvNumber(0.8883500191794669)).toBe("0.88835");
    expect(csvNumber(7.835937011777241)).toBe("7.835937");
    expect(csvNumber(14)).toBe("14");
    expect(csvNumber(-0.0000001)).toBe("0");
    expect(csvNumber(Infinity)).toBe("inf");
    expect(csvNumber(null)).toBe("");
  });

  it("percent and seconds format for tables", () => {
    expect(percent(0.8883500191794669)).toBe("88.84%");
    expect(seconds(7.8359)).toBe("7.8 s");
    expect(seconds(Infinity)).toBe("∞");
  });
});
