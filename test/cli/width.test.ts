import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import stringWidth from "string-width";
import { afterAll, describe, expect, it } from "vitest";
import { binEnv } from "../helpers/bin-env.js";
import { runCli } from "../helpers/fake-io.js";
import { smallForecastCsv } from "../helpers/small-forecast.js";

/**
 * Every command's default tables fit the width they are given (`--width`,
 * `COLUMNS`), say what they leave out, and stay whole with `--wide` or in a
 * pipe. Widths are display columns: colour codes take none, wide characters
 * two (string-width).
 */

const F = "fixtures/forecast-week.csv";
const IN_HOUSE = "fixtures/scenarios/in-house.yaml";
const GROUPS = "fixtures/scenarios/org-groups.yaml";

const dir = mkdtempSync(join(tmpdir(), "ccplan-width-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SMALL = join(dir, "small.csv");
const SMALL_SHIFTS = join(dir, "small-shifts.yaml");
writeFileSync(SMALL, smallForecastCsv(["demande d'information", "administration des ventes"])); // two phone queues the shift solver schedules in a moment
writeFileSync(
  SMALL_SHIFTS,
  `name: small shifts with a rather long name to wrap
shrinkage: { breaks: 5%, absence: 10% }
contract_hours: 35
shifts:
  templates:
    - { name: full-time-with-lunch, days_per_week: 5, days_off: [saturday, sunday], length: 8h, paid_hours: 7, start: { from: "09:00", to: "09:00" }, breaks: [{ length: 60, paid: false, after: 3h, before: 5h }], cost_per_hour: 20 }
    - { name: half, days_per_week: 4, days_off: any, length: 4h, start: { from: "09:00", to: "13:00", step: 30 }, cost_per_hour: 22, max_share: 60% }
`,
);

/** The default table of every command, as a user types it. */
const COMMANDS: Record<string, string[]> = {
  "plan (summary)": ["plan", F, "--scenario", IN_HOUSE],
  "plan --report queues": ["plan", F, "--scenario", IN_HOUSE, "--report", "queues"],
  "plan --report days": ["plan", F, "--scenario", IN_HOUSE, "--report", "days"],
  "plan --report weeks": ["plan", F, "--scenario", IN_HOUSE, "--report", "weeks"],
  "plan --report months": ["plan", F, "--scenario", IN_HOUSE, "--report", "months"],
  "plan --report intervals": ["plan", SMALL, "--scenario", IN_HOUSE, "--report", "intervals"],
  "plan --report heatmap": ["plan", F, "--scenario", IN_HOUSE, "--report", "heatmap"],
  "plan (summary, three levels in teams)": ["plan", F, "--scenario", GROUPS],
  "plan --by tier": ["plan", F, "--scenario", GROUPS, "--by", "tier"],
  "plan --by group": ["plan", F, "--scenario", GROUPS, "--by", "group"],
  gaps: ["gaps", F, "--roster", "fixtures/roster.csv", "--scenario", "fixtures/scenarios/gaps-two-sites.yaml"],
  erlang: ["erlang", "--volume", "100", "--aht", "3:00", "--interval", "30", "--sl", "80/20", "--patience", "90"],
  "erlang --input": ["erlang", "--input", "fixtures/erlang-cases.csv"],
  "shifts (summary)": ["shifts", SMALL, "--scenario", SMALL_SHIFTS],
  "shifts --report tours": ["shifts", SMALL, "--scenario", SMALL_SHIFTS, "--report", "tours"],
  "shifts --report coverage": ["shifts", SMALL, "--scenario", SMALL_SHIFTS, "--report", "coverage"],
};

const linesOf = (text: string) => text.split("\n");
const widest = (text: string) => Math.max(...linesOf(text).map((l) => stringWidth(l)));

describe.each(Object.entries(COMMANDS))("%s", (name, args) => {
  it("keeps every line within --width 80 and --width 120, colour or not; --wide gives the whole table, as in a pipe", async () => {
    for (const [width, env] of [
      [80, {}],
      [80, { FORCE_COLOR: "1" }],
      [120, {}],
    ] as const) {
      const r = await runCli([...args, "--width", String(width)], env);
      expect(r.code, r.stderr).toBe(0);
      for (const line of linesOf(r.stdout)) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
    }
    const wide = await runCli([...args, "--width", "80", "--wide"]);
    expect(wide.code, wide.stderr).toBe(0);
    expect(wide.stdout).not.toMatch(/hidden at \d+ columns|shortened with …/);
    expect(wide.stdout).toBe((await runCli([...args, "--width", "1000"])).stdout);
    // in a pipe nothing is fitted either (the shifts summary keeps to 80 columns there, as it always has)
    if (!name.startsWith("shifts")) expect(wide.stdout).toBe((await runCli(args)).stdout);
  }, 90_000);
});

describe("the width of a run", () => {
  it("is COLUMNS when no --width is given, and --width wins over it", async () => {
    const args = COMMANDS["plan (summary)"]!;
    const r = await runCli(args, { COLUMNS: "100" });
    expect(widest(r.stdout)).toBeLessThanOrEqual(100);
    expect(r.stdout).toMatch(/hidden at 100 columns/);
    const flag = await runCli([...args, "--width", "90"], { COLUMNS: "100" });
    expect(flag.stdout).toMatch(/hidden at 90 columns/);
    expect(widest(flag.stdout)).toBeLessThanOrEqual(90);
  }, 30_000);

  it("is unlimited in a pipe without --width: the summary table keeps its 16 columns", async () => {
    const r = await runCli(COMMANDS["plan (summary)"]!);
    const head = linesOf(r.stdout).find((l) => l.startsWith("│ class"))!;
    expect(head.split("│").length - 2).toBe(16);
    expect(widest(r.stdout)).toBeGreaterThan(120);
  }, 30_000);

  it("says under a fitted table which columns it hides, and that --wide or CSV shows them", async () => {
    const r = await runCli([...COMMANDS["plan (summary)"]!, "--width", "80"]);
    const head = linesOf(r.stdout).find((l) => l.startsWith("│ class"))!;
    const shown = head.split("│").slice(1, -1).map((c) => c.trim());
    const all = ["class", "channel", "typology", "dir.", "tier", "volume", "workload h", "peak agents", "agent-hours", "scheduled h", "FTE", "headcount", "SL", "ASA", "aband.", "missed"];
    const hidden = all.filter((h) => !shown.includes(h));
    expect(hidden.length).toBeGreaterThan(0);
    for (const h of ["class", "typology", "FTE", "headcount"]) expect(shown).toContain(h);
    const prose = r.stdout.replace(/\n/g, " ");
    expect(prose).toContain(`${hidden.length} columns hidden at 80 columns (${hidden.join(", ")})`);
    expect(prose).toMatch(/--wide or --format csv shows them all/);
  }, 30_000);
});

/** The box tables of a report: each one's header cells and rows (cells trimmed). */
function boxes(text: string): { head: string[]; rows: string[][] }[] {
  const cells = (l: string) => l.slice(1, -1).split("│").map((c) => c.trim());
  const out: { head: string[]; rows: string[][] }[] = [];
  let current: string[][] | undefined;
  for (const line of linesOf(text)) {
    if (line.startsWith("┌")) current = [];
    else if (line.startsWith("└") && current !== undefined) {
      out.push({ head: current[0]!, rows: current.slice(1) });
      current = undefined;
    } else if (line.startsWith("│") && current !== undefined) current.push(cells(line));
  }
  return out;
}

/** The first table whose header holds `column`. */
const tableWith = (text: string, column: string) => boxes(text).find((b) => b.head.includes(column))!;

/**
 * Rows that differ in their key columns in the full table (`--wide`) still
 * differ in the fitted one, in the key columns it shows: no two queues read
 * the same. Returns the fitted table.
 */
async function expectRowsApart(args: string[], width: number, column: string, keys: readonly string[]) {
  const full = tableWith((await runCli([...args, "--wide"])).stdout, column);
  const r = await runCli([...args, "--width", String(width)]);
  expect(r.code, r.stderr).toBe(0);
  const fitted = tableWith(r.stdout, column);
  expect(fitted.rows).toHaveLength(full.rows.length);
  const key = (t: { head: string[] }, row: string[]) => t.head.map((h, k) => (keys.includes(h) ? row[k] : undefined)).filter((c) => c !== undefined).join(" | ");
  const seen = new Map<string, string>();
  full.rows.forEach((row, k) => {
    const shown = key(fitted, fitted.rows[k]!);
    const whole = key(full, row);
    const before = seen.get(shown);
    expect(before === undefined || before === whole, `at ${width} columns "${shown}" reads as both ${before} and ${whole}`).toBe(true);
    seen.set(shown, whole);
  });
  return { fitted, full, stdout: r.stdout };
}

describe("a fitted table still tells its rows apart", () => {
  const QUEUE_KEYS = ["class", "channel", "typology", "dir.", "tier"];

  it("plan --report intervals: keeps the direction of inbound and outbound queues sharing a typology and channel; the flag column has a header", async () => {
    const args = ["plan", F, "--report", "intervals"];
    for (const width of [80, 40]) {
      const { fitted, full } = await expectRowsApart(args, width, "interval", ["interval", ...QUEUE_KEYS]);
      expect(full.head.every((h) => h !== ""), full.head.join(",")).toBe(true);
      expect(fitted.head).toContain("dir.");
      expect(fitted.head).toContain("agents");
    }
  }, 90_000);

  it("plan (summary): keeps the channel of chat and phone queues at 80 and 40 columns", async () => {
    for (const width of [80, 40]) {
      const { fitted } = await expectRowsApart(["plan", F], width, "typology", QUEUE_KEYS);
      expect(fitted.head).toContain("channel");
      expect(fitted.head).toContain("headcount");
    }
  }, 60_000);

  it("plan --report heatmap: sparkline labels keep what tells the queues apart (typology whole or cut at its end), each the full name with parts left out", async () => {
    const args = ["plan", F, "--report", "heatmap"];
    const labelsOf = (text: string) =>
      linesOf(text)
        .filter((l) => /  peak [\d.,]+$/.test(l))
        .map((l) => l.split(/ {2,}/)[0]!);
    const full = labelsOf((await runCli([...args, "--wide"])).stdout);
    expect(new Set(full).size).toBe(full.length);
    for (const width of [80, 40]) {
      const shown = labelsOf((await runCli([...args, "--width", String(width)])).stdout);
      expect(shown).toHaveLength(full.length);
      expect(new Set(shown).size, shown.join("\n")).toBe(shown.length);
      shown.forEach((s, k) => {
        // the characters shown are the full name's, in order, each gap marked by …
        const pattern = s.split("…").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+");
        expect(new RegExp(`^${pattern}$`, "u").test(full[k]!), `${s} from ${full[k]}`).toBe(true);
        // what differs between the queues, the typology, keeps its start
        const typology = full[k]!.split(" ").slice(3).join(" ");
        expect(s, full[k]).toContain(typology.slice(0, width >= 80 ? 10 : 4));
      });
    }
    const at80 = labelsOf((await runCli([...args, "--width", "80"])).stdout);
    expect(at80.filter((l) => /\bfidélisation\b/.test(l) && /\(o/.test(l))).toHaveLength(1);
    expect(at80.filter((l) => /\brecouvrement\b/.test(l) && /\(o/.test(l))).toHaveLength(1);
  }, 60_000);

  it("gaps --only-gaps: keeps the skill's place and the reason each skill is listed (its gap, or its gap after training)", async () => {
    const args = ["gaps", F, "--roster", "fixtures/roster.csv", "--scenario", "fixtures/scenarios/gaps-two-sites.yaml", "--only-gaps"];
    for (const width of [80, 40]) {
      const { fitted } = await expectRowsApart(args, width, "skill", ["level", "site", "skill"]);
      const gap = fitted.head.indexOf("gap");
      const after = fitted.head.indexOf("gap after training");
      expect(after).toBeGreaterThan(0);
      for (const row of fitted.rows) expect(row[gap] !== "" || row[after] !== "", row.join(" | ")).toBe(true);
    }
  }, 60_000);
});

describe("binEnv (the environment of a spawned ccplan)", () => {
  it("drops COLUMNS and CCPLAN_LOCALE a CI may export, keeping what a test sets on purpose", () => {
    const saved = { COLUMNS: process.env.COLUMNS, CCPLAN_LOCALE: process.env.CCPLAN_LOCALE };
    process.env.COLUMNS = "50";
    process.env.CCPLAN_LOCALE = "fr";
    try {
      expect(binEnv().COLUMNS).toBeUndefined();
      expect(binEnv().CCPLAN_LOCALE).toBeUndefined();
      expect(binEnv().PATH).toBe(process.env.PATH);
      expect(binEnv({ COLUMNS: "90" }).COLUMNS).toBe("90");
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
