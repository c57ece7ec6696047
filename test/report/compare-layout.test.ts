import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { fitCompareTable, type CompareMetric } from "../../src/report/compare-layout.js";

const metric = (label: string, values: string[], deltas?: (string | null)[]): CompareMetric => ({ label, values, ...(deltas === undefined ? {} : { deltas }) });

describe("fitCompareTable(metrics, names, baseline, width)", () => {
  it("keeps the names as headers and deltas in brackets when it fits, and without a width", () => {
    const m = [metric("people", ["359", "271"], [null, "−88"])];
    for (const width of [undefined, 200]) {
      const t = fitCompareTable(m, ["In-house", "Nearshore"], 0, width);
      expect(t.layout).toBe("inline");
      expect(t.lines.join("\n")).toContain("271 (−88)");
    }
  });

  it("gives way step by step: deltas on their own rows, then keys with the names listed, then several tables", () => {
    const names = ["A rather long scenario name number one", "A rather long scenario name number two", "Three", "Four"];
    const m = [metric("people", ["359", "271", "300", "301"], [null, "−88", "−59", "−58"]), metric("annual cost", ["21,685,759", "14,028,957", "15,000,000", "16,000,000"])];
    const costs = [metric("annual cost", ["21,685,759", "14,028,957"], [null, "−7,656,802"])];
    expect(fitCompareTable(costs, ["In-house", "Nearshore"], 0, 54).layout).toBe("inline");
    expect(fitCompareTable(costs, ["In-house", "Nearshore"], 0, 53).layout).toBe("delta-rows");
    expect(fitCompareTable(m, names, 0, 80).layout).toBe("keys");
    const split = fitCompareTable(m, names, 0, 45);
    expect(split.layout).toBe("keys-split");
    expect(split.lines.slice(0, 2)).toEqual(["#1   A rather long scenario name number one", "     (baseline)"]);
  });

  it("every line within the width, every name whole in the list, every value drawn (property)", () => {
    const name = fc.string({ minLength: 1, maxLength: 60, unit: fc.constantFrom("a", "b", " ", "é", "-", ",", "x") }).filter((s) => s.trim() !== "");
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 8 }), fc.integer({ min: 60, max: 200 }), (raw, width) => {
        const names = raw.map((n) => n.trim().replace(/ +/g, " "));
        const values = names.map((_, k) => String(1_000_000 + k * 7919));
        const t = fitCompareTable([metric("annual cost", values, names.map((_, k) => (k === 0 ? null : `+${k}`)))], names, 0, width);
        for (const l of t.lines) expect(stringWidth(l)).toBeLessThanOrEqual(width);
        const text = t.lines.join("\n");
        for (const v of values) expect(text).toContain(v);
        if (t.layout === "keys" || t.layout === "keys-split") {
          const listed = t.lines.join(" ").replace(/\s+/g, " ");
          names.forEach((n, k) => expect(listed).toContain(`#${k + 1} ${n}`));
        } else names.forEach((n) => expect(text).toContain(n));
      }),
    );
  });
});
