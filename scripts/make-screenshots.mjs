// Screenshots of the HTML reports for the README (docs/*.png), taken in
// Debian's headless Chromium: `npm run build && node scripts/make-screenshots.mjs`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const S = "fixtures/scenarios";
const reports = [
  ["plan", ["plan", "fixtures/forecast-week.csv", "--scenario", `${S}/org-polyvalent.yaml`]],
  ["compare", ["compare", "fixtures/forecast-week.csv", "--scenario", `${S}/sourcing-in-house.yaml`, "--scenario", `${S}/sourcing-hybrid.yaml`, "--scenario", `${S}/sourcing-nearshore.yaml`, "--scenario", `${S}/sourcing-offshore-shared.yaml`]],
  ["shifts", ["shifts", "fixtures/forecast-week.csv", "--scenario", `${S}/in-house-shifts.yaml`, "--quiet"]],
];
const dir = mkdtempSync(join(tmpdir(), "ccplan-shots-"));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
});
try {
  for (const [name, args] of reports) {
    const html = execFileSync(process.execPath, ["bin/ccplan.js", ...args, "--format", "html"], { encoding: "utf8" });
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1240, height: 1000 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(file).href);
    await page.screenshot({ path: `docs/${name}.png`, clip: { x: 0, y: 0, width: 1240, height: name === "compare" ? 1000 : 880 } });
    await page.close();
    console.log(`docs/${name}.png`);
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
