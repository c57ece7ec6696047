import { describe, expect, it } from "vitest";
import { escapeXml, niceMax, stackedAreaChart, stackedBarChart } from "../../src/io/svg-charts.js";
import { runCli } from "../helpers/fake-io.js";

describe("svg charts", () => {
  it("niceMax rounds an axis up to 1, 2, 2.5 or 5 × 10^k", () => {
    expect([0, 0.3, 7, 10, 11, 190, 2400, 21_737_143].map(niceMax)).toEqual([1, 0.5, 10, 10, 20, 200, 2500, 25_000_000]);
  });

  it("escapes text, and draws the same bytes for the same data", () => {
    expect(escapeXml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    const chart = () => stackedBarChart("t <1>", ["a", "b"], [{ name: "s&p", values: [1, 2] }], "y");
    expect(chart()).toBe(chart());
    expect(chart()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*><title>t &lt;1&gt;<\/title>/);
    expect(stackedAreaChart("t", [{ name: "x", values: [0, 1, 2] }], [[0, "mon"]], "agents")).toMatch(/<polygon points="[\d., ]+"/);
  });
});

describe("--format html", () => {
  it("writes one self-contained page: no script, no link, no external asset; same bytes twice", async () => {
    const args = ["plan", "fixtures/forecast-week.csv", "--format", "html"];
    const a = await runCli(args);
    expect(a.code).toBe(0);
    expect(a.stdout.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(a.stdout).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect((a.stdout.match(/<svg /g) ?? []).length).toBe(3);
    expect(a.stdout).toMatch(/<h2>Inputs and assumptions<\/h2>/);
    expect((await runCli(args)).stdout).toBe(a.stdout);
  });

  it("is offered by compare and gaps, and refused for a sweep", async () => {
    const c = await runCli(["compare", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/sourcing-in-house.yaml", "--format", "html"]);
    expect(c.stdout).toMatch(/<h1>Scenario comparison on fixtures\/forecast-week.csv<\/h1>/);
    const s = await runCli(["compare", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/sourcing-in-house.yaml", "--sweep", "volume-factor=1:1.1:0.1", "--format", "html"]);
    expect(s.code).toBe(2);
  });
});
