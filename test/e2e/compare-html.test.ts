import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { browserAvailable as available, expectQuietAndSave, openReport, withBrowser } from "../helpers/browser.js";
import { runCli } from "../helpers/fake-io.js";
import type { Page } from "playwright-core";

const S = "fixtures/scenarios";
const week = "fixtures/forecast-week.csv";

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Each chart's category labels (tspans joined by a space), with their boxes, and the chart's own box. */
async function chartLabels(page: Page): Promise<{ chart: string; box: Box; labels: Box[] }[]> {
  return page.$$eval("svg", (svgs) =>
    svgs.map((svg) => {
      const box = (e: { getBoundingClientRect(): { left: number; right: number; top: number; bottom: number } }, text: string) => {
        const r = e.getBoundingClientRect();
        return { text, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      };
      const labels = [...svg.querySelectorAll("text.category")].map((t) => {
        const spans = [...t.querySelectorAll("tspan")];
        return box(t, spans.length > 0 ? spans.map((s) => s.textContent).join(" ") : (t.textContent ?? ""));
      });
      return { chart: svg.getAttribute("aria-label") ?? "", box: box(svg, ""), labels };
    }),
  );
}

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function check(page: Page, names: string[], costOverYears: number[]): Promise<void> {
  const charts = await chartLabels(page);
  expect(charts.length).toBe(3);
  for (const c of charts) {
    // every scenario's name whole under its bar, inside the chart, no two labels overlapping
    expect(c.labels.map((l) => l.text)).toEqual(names);
    for (const l of c.labels) {
      expect(l.right - l.left).toBeGreaterThan(0);
      expect(l.left).toBeGreaterThanOrEqual(c.box.left);
      expect(l.right).toBeLessThanOrEqual(c.box.right);
      expect(l.bottom).toBeLessThanOrEqual(c.box.bottom);
    }
    for (let i = 0; i < c.labels.length; i++) for (let j = i + 1; j < c.labels.length; j++) expect(overlap(c.labels[i]!, c.labels[j]!), `${c.labels[i]!.text} / ${c.labels[j]!.text}`).toBe(false);
  }
  // the cost chart plots the ranking's figure: its bar totals are each scenario's cost over the years
  const cost = charts.find((c) => c.chart.startsWith("Cost over 3 years"));
  expect(cost).toBeDefined();
  const totals = await page.$$eval('svg[aria-label^="Cost over"] text[text-anchor="middle"]:not(.category):not([transform])', (ts) => ts.map((t) => t.textContent));
  expect(totals).toEqual(costOverYears.map((x) => Math.round(x).toLocaleString("en-US")));
  // the tables: every name whole in its cell, nothing wider than the window
  const cells = await page.$$eval(".names table tbody tr td:first-child", (tds) => tds.map((td) => ({ text: td.textContent ?? "", clipped: td.scrollWidth > td.clientWidth })));
  for (const name of names) expect(cells.some((c) => c.text.startsWith(name))).toBe(true);
  expect(cells.filter((c) => c.clipped)).toEqual([]);
  expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
}

describe.skipIf(!available)("compare's HTML in headless Chromium", () => {
  it("writes every scenario name whole and apart in the charts and tables (six fixtures; 40- and 70-character names; twelve scenarios); the cost chart is the ranking's figure; screenshots saved", async () => {
    await withBrowser("ccplan-compare-html-", async (browser, dir) => {
      const six = ["in-house", "nearshore", "offshore-shared", "hybrid", "homeshoring", "split"].map((n) => `${S}/sourcing-${n}.yaml`);
      const long = join(dir, "long.yaml");
      writeFileSync(long, readFileSync(six[1]!, "utf8").replace(/^name: .*$/m, 'name: "Nearshore dedicated team in Rabat with Paris retained, long name"'));
      const twelve = Array.from({ length: 12 }, (_, k) => {
        const file = join(dir, `s${k}.yaml`);
        writeFileSync(file, readFileSync(six[k % 6]!, "utf8").replace(/^name: "?([^"\n]*)"?$/m, `name: "${k + 1}. $1"`));
        return file;
      });
      for (const [name, files] of [
        ["compare-six", six],
        ["compare-long-names", [six[0]!, long, six[3]!]],
        ["compare-twelve", twelve],
      ] as const) {
        const args = ["compare", week, ...files.flatMap((f) => ["--scenario", f])];
        const html = await runCli([...args, "--format", "html"]);
        expect(html.code).toBe(0);
        const doc = JSON.parse((await runCli([...args, "--format", "json"])).stdout) as { scenarios: { name: string; totals: { costOverYears: number } }[] };
        const report = await openReport(browser, dir, name, html.stdout);
        const { page } = report;
        await check(page, doc.scenarios.map((s) => s.name), doc.scenarios.map((s) => s.totals.costOverYears));
        expect(await page.locator("h2", { hasText: "Against the baseline: All in-house, Paris" }).count()).toBe(name === "compare-twelve" ? 0 : 1);
        await expectQuietAndSave(report, name);
      }
    });
  }, 120_000);
});
