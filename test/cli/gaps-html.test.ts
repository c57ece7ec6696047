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
});
