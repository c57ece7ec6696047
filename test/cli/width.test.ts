import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import stringWidth from "string-width";
import { afterAll, describe, expect, it } from "vitest";
import { binEnv } from "../helpers/bin-env.js";
import { runCli } from "../helpers/fake-io.js";

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

/** A small forecast the shift solver schedules in a moment: two phone queues, weekdays 09:00–17:00. */
function smallForecast(): string {
  const rows = ["interval_start,typology,channel,direction,volume,aht"];
  for (let day = 0; day < 5; day++) {
    for (let k = 0; k < 16; k++) {
      const minute = 540 + 30 * k;
      const at = `2026-11-${23 + day}T${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
      ["demande d'information", "administration des ventes"].forEach((typology, q) => rows.push(`${at},${typology},phone,inbound,${20 + 10 * (k % 5) + 3 * day - 8 * q},300`));
    }
  }
  return rows.join("\n") + "\n";
}
const SMALL = join(dir, "small.csv");
const SMALL_SHIFTS = join(dir, "small-shifts.yaml");
writeFileSync(SMALL, smallForecast());
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
