import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";

// The HTML reports are opened in a real browser: Debian's chromium, driven by playwright-core.
// .ci/run installs chromium and sets CCPLAN_REQUIRE_BROWSER=1, so CI never skips these tests.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable && process.env.CCPLAN_REQUIRE_BROWSER === "1") throw new Error(`CCPLAN_REQUIRE_BROWSER=1 but no browser at ${CHROMIUM}`);
/** Where screenshots are saved for a human to look at. */
export const ARTIFACTS = "test-artifacts";

/** Headless Chromium with no network habits of its own. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * Write `html` to `dir/name.html` and open it at 1240 × 900, collecting console errors, page errors
 * and every request that is not for the file itself (a self-contained report makes none).
 */
export async function openReport(browser: Browser, dir: string, name: string, html: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1240, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (q) => !q.url().startsWith("file:") && requests.push(q.url()));
  await page.goto(pathToFileURL(file).href);
  return { page, errors, requests };
}

/**
 * Run `use` with headless Chromium and a temporary folder named from
 * `prefix` (for the pages opened); the browser is closed and the folder
 * removed afterwards, whatever happens. The screenshot folder
 * ({@link ARTIFACTS}) is made first.
 */
export async function withBrowser(prefix: string, use: (browser: Browser, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(ARTIFACTS, { recursive: true });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    await use(browser, dir);
  } finally {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A page opened by {@link openReport} logged no error and made no request; its screenshot is saved as `ARTIFACTS/name.png`, then it is closed. */
export async function expectQuietAndSave(report: { page: Page; errors: string[]; requests: string[] }, name: string): Promise<void> {
  expect(report.errors).toEqual([]);
  expect(report.requests).toEqual([]);
  await report.page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  await report.page.close();
}
