import { describe, expect, it } from "vitest";
import { browserAvailable as available, expectQuietAndSave, openReport, withBrowser } from "../helpers/browser.js";
import { renderShiftsHtml } from "../../src/report/render-shifts-html.js";
import { shiftPlan, template } from "../helpers/shift-plan.js";

// The shifts page opened in a real browser, as html-report.test.ts does for the other reports
// (skipped without Chromium, except under CCPLAN_REQUIRE_BROWSER=1). It renders a hand-built plan,
// so it needs no solver.

const fullTime = template({ breaks: [{ lengthMin: 60, paid: false, afterMin: 180, beforeMin: 300, stepMin: 15 }, { lengthMin: 15, paid: true, afterMin: 90, beforeMin: 150, stepMin: 15 }] });
const partTime = template({ name: "part-time", lengthMin: 240, paidHours: 4, firstStartMin: 480, lastStartMin: 600, breaks: [], costPerHour: 25, daysOff: { kind: "fixed", days: [5, 6] }, maxShare: 0.3 });
/** Two peaks a weekday (10:00–12:00 and 14:00–16:00), a quieter Saturday morning. */
const required = (k: number) => {
  const day = Math.floor(k / 48);
  const slot = k % 48;
  if (day < 5 && slot >= 16 && slot < 36) return (slot >= 20 && slot < 24) || (slot >= 28 && slot < 32) ? 11 : 7;
  return day === 5 && slot >= 18 && slot < 26 ? 3 : 0;
};
const plan = shiftPlan(
  [
    {
      templates: [fullTime, partTime],
      weeks: [
        {
          start: "2026-11-23",
          required,
          status: "time-limit",
          gap: 0.018,
          tours: [
            { template: "full-time", days: [0, 1, 2, 3, 4], start: "08:00", breaks: [[210, 60], [90, 15, true]], people: 4 },
            { template: "full-time", days: [0, 1, 2, 3, 4], start: "09:00", breaks: [[180, 60], [120, 15, true]], people: 3 },
            { template: "full-time", days: [0, 1, 3, 4, 5], start: ["08:00", "08:00", "08:00", "08:00", "09:00"], breaks: [[240, 60]], people: 2 },
            { template: "part-time", days: [0, 1, 2, 3, 4], start: "10:00", people: 2 },
            { template: "part-time", days: [0, 1, 2, 3, 4], start: "13:30", people: 2 },
          ],
        },
      ],
    },
  ],
  { scenario: "in-house shifts" },
);

describe.skipIf(!available)("the shifts HTML report in headless Chromium", () => {
  it("renders its charts (SVG with a size) with no console error and no network request; screenshot saved", async () => {
    await withBrowser("ccplan-html-", async (browser, dir) => {
      const report = await openReport(browser, dir, "shifts", renderShiftsHtml(plan, { forecast: "fixtures/forecast-week.csv" }));
      const { page } = report;
      const boxes = await page.$$eval("svg", (els) => els.map((e) => e.getBoundingClientRect()).map((b) => [b.width, b.height]));
      expect(boxes.length).toBe(2);
      for (const [w, h] of boxes) {
        expect(w).toBeGreaterThan(100);
        expect(h).toBeGreaterThan(100);
      }
      // the coverage chart's stacked areas and requirement line, and the start-time bars, have a size
      const areas = await page.$$eval("svg polygon", (els) => els.filter((e) => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().height > 0).length);
      expect(areas).toBe(2);
      const line = await page.$$eval("svg polyline", (els) => els.map((e) => e.getBoundingClientRect().height));
      expect(line).toHaveLength(1);
      expect(line[0]).toBeGreaterThan(50);
      const bars = await page.$$eval("svg rect", (els) => els.filter((e) => e.getBoundingClientRect().height > 10).length);
      expect(bars).toBeGreaterThanOrEqual(4);
      expect(await page.locator("table").count()).toBeGreaterThanOrEqual(3);
      await expectQuietAndSave(report, "shifts");
    });
  }, 60_000);
});
