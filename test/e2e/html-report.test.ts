import { describe, expect, it } from "vitest";
import { browserAvailable as available, expectQuietAndSave, openReport, withBrowser } from "../helpers/browser.js";
import { runCli } from "../helpers/fake-io.js";

const S = "fixtures/scenarios";
const REPORTS: [string, string[]][] = [
  ["plan", ["plan", "fixtures/forecast-week.csv", "--scenario", `${S}/org-polyvalent.yaml`]],
  ["compare", ["compare", "fixtures/forecast-week.csv", "--scenario", `${S}/sourcing-in-house.yaml`, "--scenario", `${S}/sourcing-hybrid.yaml`, "--scenario", `${S}/sourcing-nearshore.yaml`]],
  ["gaps", ["gaps", "fixtures/forecast-week.csv", "--roster", "fixtures/roster.csv", "--scenario", `${S}/gaps-two-sites.yaml`]],
];

describe.skipIf(!available)("HTML reports in headless Chromium", () => {
  it("render their charts (SVG with a size), with no console error and no network request; screenshots saved", async () => {
    await withBrowser("ccplan-html-", async (browser, dir) => {
      for (const [name, args] of REPORTS) {
        const r = await runCli([...args, "--format", "html"]);
        expect(r.code).toBe(0);
        const report = await openReport(browser, dir, name, r.stdout);
        const { page } = report;
        const boxes = await page.$$eval("svg", (els) => els.map((e) => e.getBoundingClientRect()).map((b) => [b.width, b.height]));
        expect(boxes.length).toBeGreaterThanOrEqual(1);
        for (const [w, h] of boxes) {
          expect(w).toBeGreaterThan(100);
          expect(h).toBeGreaterThan(100);
        }
        // the charts draw something: bars or areas with a size
        const marks = await page.$$eval("svg rect, svg polygon", (els) => els.filter((e) => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().height > 0).length);
        expect(marks).toBeGreaterThan(5);
        expect(await page.locator("table").count()).toBeGreaterThanOrEqual(1);
        await expectQuietAndSave(report, name);
      }
    });
  }, 60_000);
});
