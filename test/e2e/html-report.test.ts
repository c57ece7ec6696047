import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";

// The HTML reports opened in a real browser: Debian's chromium, driven by playwright-core.
// .ci/run installs chromium and sets CCPLAN_REQUIRE_BROWSER=1, so CI never skips this.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && process.env.CCPLAN_REQUIRE_BROWSER === "1") throw new Error(`CCPLAN_REQUIRE_BROWSER=1 but no browser at ${CHROMIUM}`);
const ARTIFACTS = "test-artifacts";

const S = "fixtures/scenarios";
const REPORTS: [string, string[]][] = [
  ["plan", ["plan", "fixtures/forecast-week.csv", "--scenario", `${S}/org-polyvalent.yaml`]],
  ["compare", ["compare", "fixtures/forecast-week.csv", "--scenario", `${S}/sourcing-in-house.yaml`, "--scenario", `${S}/sourcing-hybrid.yaml`, "--scenario", `${S}/sourcing-nearshore.yaml`]],
  ["gaps", ["gaps", "fixtures/forecast-week.csv", "--roster", "fixtures/roster.csv", "--scenario", `${S}/gaps-two-sites.yaml`]],
];

describe.skipIf(!available)("HTML reports in headless Chromium", () => {
  it("render their charts (SVG with a size), with no console error and no network request; screenshots saved", async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
    });
    const dir = mkdtempSync(join(tmpdir(), "ccplan-html-"));
    mkdirSync(ARTIFACTS, { recursive: true });
    try {
      for (const [name, args] of REPORTS) {
        const r = await runCli([...args, "--format", "html"]);
        expect(r.code).toBe(0);
        const file = join(dir, `${name}.html`);
        writeFileSync(file, r.stdout);
        const page = await browser.newPage({ viewport: { width: 1240, height: 900 } });
        const errors: string[] = [];
        const requests: string[] = [];
        page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
        page.on("pageerror", (e) => errors.push(String(e)));
        page.on("request", (q) => !q.url().startsWith("file:") && requests.push(q.url()));
        await page.goto(pathToFileURL(file).href);
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
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
        await page.close();
      }
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
