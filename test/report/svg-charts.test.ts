import { describe, expect, it } from "vitest";
import { stackedBarChart, wrapWords } from "../../src/report/svg-charts.js";

describe("wrapWords(text, chars)", () => {
  it("breaks on spaces into lines of at most `chars`, cutting only a word longer than a line", () => {
    expect(wrapWords("Hybrid, level-1 phone and chat nearshore", 16)).toEqual(["Hybrid, level-1", "phone and chat", "nearshore"]);
    expect(wrapWords("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
    expect(wrapWords("", 4)).toEqual([""]);
  });
});

describe("stackedBarChart(…, { wholeLabels })", () => {
  const names = ["All in-house, Paris", "Hybrid, level-1 phone and chat nearshore", "Nearshore dedicated team in Rabat with Paris retained, long name"];
  const series = [{ name: "cost", values: [3, 2, 1] }];
  const labels = (svg: string) => [...svg.matchAll(/<text class="category"[^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<tspan[^>]*>/g, " ").replace(/<\/tspan>/g, "").trim());

  it("writes every category whole, wrapped on words under wide bars", () => {
    const svg = stackedBarChart("t", names, series, "EUR", 900, 320, { wholeLabels: true });
    expect(labels(svg)).toEqual(names);
    expect(svg).not.toContain("…");
  });

  it("writes them upwards on one line when the bars are too narrow for the longest word, and makes room under the axis", () => {
    const many = Array.from({ length: 14 }, (_, k) => `${k + 1}. ${names[k % 3]}`);
    const svg = stackedBarChart("t", many, [{ name: "cost", values: many.map(() => 1) }], "EUR", 900, 320, { wholeLabels: true });
    expect(labels(svg)).toEqual(many);
    expect(svg.match(/class="category"[^>]*transform="rotate\(-90 /g)).toHaveLength(14);
    const height = Number(/viewBox="0 0 900 ([\d.]+)"/.exec(svg)![1]);
    expect(height).toBeGreaterThan(320);
  });

  it("without the option, long labels are shortened as before (dates and skills)", () => {
    expect(stackedBarChart("t", names, series, "EUR")).toContain("Nearshore dedicated team in…");
  });
});
