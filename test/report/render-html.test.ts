import { describe, expect, it } from "vitest";
import { PlanSeries } from "../../src/report/plan-series.js";
import { capSeries, escapeXml, niceMax, PALETTE, stackedAreaChart, stackedBarChart } from "../../src/report/svg-charts.js";
import { forecastRow } from "../helpers/forecast-row.js";
import { planForecast } from "../../src/plan/plan.js";
import { DEFAULT_SCENARIO } from "../../src/plan/scenario.js";
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

describe("chart data", () => {
  it("counts a 60-minute interval at every step of a 15-minute grid (no sawtooth)", () => {
    const plan = planForecast([forecastRow({ intervalMin: 60, channel: "chat", volume: 60 }), forecastRow({ intervalMin: 15, volume: 20 })], DEFAULT_SCENARIO);
    const series = new PlanSeries();
    for (const i of plan.intervals) series.add(i);
    const g = series.grid(plan.firstStartMin!, plan.endMin!);
    const chat = plan.intervals.find((i) => i.channel === "chat")!.agents;
    const phone = plan.intervals.find((i) => i.channel === "phone")!.agents;
    expect(g.sync).toEqual([chat + phone, chat, chat, chat]);
  });

  it("gives at most one colour per series (the rest summed as others), ticks exact to the step, and n/a for no data", () => {
    const many = Array.from({ length: 20 }, (_, k) => ({ name: `s${k}`, values: [1, 2] }));
    const capped = capSeries(many);
    expect(capped).toHaveLength(PALETTE.length);
    expect(capped.at(-1)).toEqual({ name: "9 others", values: [9, 18] });
    const chart = stackedBarChart("t", ["a", "b"], [{ name: "sl", values: [0.5, NaN] }], "%");
    expect(chart).toMatch(/>0\.25<\/text>/);
    expect(chart).toMatch(/>n\/a<\/text>/);
    expect(stackedBarChart("t", ["a"], many, "y")).not.toMatch(/height="-/);
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
