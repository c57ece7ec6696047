import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";

const ARGS = ["gaps", "fixtures/forecast-week.csv", "--roster", "fixtures/roster.csv", "--scenario", "fixtures/scenarios/gaps-two-sites.yaml"];

/** HTML text with its entities read back. */
const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

describe("gaps --format html", () => {
  it("opens with the recommended plan of the terminal report: the same trainings (people named) and hires, line for line", async () => {
    const table = await runCli([...ARGS, "--width", "200"]);
    const html = await runCli([...ARGS, "--format", "html"]);
    expect(table.code).toBe(0);
    expect(html.code).toBe(0);
    const items = table.stdout
      .split("\n")
      .filter((l) => /^ {2}(train|hire) /.test(l))
      .map((l) => l.trim());
    expect(items.some((l) => l.startsWith("train "))).toBe(true);
    expect(items.some((l) => l.startsWith("hire for "))).toBe(true);
    const page = unescape(html.stdout);
    const plan = page.slice(page.indexOf("<h2>Recommended plan</h2>"), page.indexOf("<h2>Coverage</h2>"));
    const listed = [...plan.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]);
    expect(listed).toEqual(items);
  });

  it("lists the hires after training once per skill and site, as the terminal's hire lines", async () => {
    const table = await runCli([...ARGS, "--width", "200"]);
    const html = unescape((await runCli([...ARGS, "--format", "html"])).stdout);
    const hires = table.stdout.split("\n").filter((l) => /^ {2}hire for /.test(l));
    const from = html.indexOf("<h2>Hires after training, one row per skill and site</h2>");
    expect(from).toBeGreaterThan(0);
    const section = html.slice(from, html.indexOf("<h2>", from + 4));
    const rows = [...section.matchAll(/<tr>(.*?)<\/tr>/gs)].slice(1).map((m) => [...m[1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]!));
    expect(rows).toHaveLength(hires.length);
    const keys = rows.map((r) => `${r[0]} ${r[1]} ${r[2]}`);
    expect(new Set(keys).size).toBe(keys.length);
    // each row's skill and closed FTE are those of its terminal line
    rows.forEach((r, k) => {
      expect(hires[k]).toContain(`hire for ${r[2]} (`);
      expect(hires[k]).toMatch(new RegExp(`closes ${r[6]!.replace(".", "\\.")} FTE$`));
    });
  });
});
