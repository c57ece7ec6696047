import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";

/**
 * One total per table, one story across them: the summary's total line is
 * agents only; the people line adds team leads, managers and support to
 * them; `--by tier` ends on that same number and `--by group` adds its
 * headcount column up to the agents. Figures are checked against the JSON
 * documents, the sums done here.
 */

const F = "fixtures/forecast-week.csv";
const IN_HOUSE = "fixtures/scenarios/in-house.yaml";
const GROUPS = "fixtures/scenarios/org-groups.yaml";

interface Role {
  role: string;
  headcount: number;
}
interface TiersJson {
  roles: Role[];
  totals: { headcount: number };
}
interface GroupsJson {
  groups: { headcount: number }[];
  totals: { headcount: number };
}
interface SummaryJson {
  queues: { channelClass: string; channel: string; typology: string; direction: string; tier: number; workloadHours: number; agentHours: number }[];
  totals: { headcount: number; fte: number };
}

const json = async <T>(args: string[]): Promise<T> => {
  const r = await runCli([...args, "--format", "json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};
const text = async (args: string[]) => {
  const r = await runCli(args);
  expect(r.code, r.stderr).toBe(0);
  return { lines: r.stdout.split("\n"), prose: r.stdout.replace(/\n/g, " ") };
};
const sum = (roles: readonly Role[]) => roles.reduce((n, r) => n + r.headcount, 0);
const split = (roles: readonly Role[]) => ({
  agents: roles.filter((r) => r.role.startsWith("level-")),
  leads: roles.filter((r) => r.role === "team-lead"),
  managers: roles.filter((r) => r.role === "manager"),
  support: roles.filter((r) => !r.role.startsWith("level-") && r.role !== "team-lead" && r.role !== "manager"),
});

const dir = mkdtempSync(join(tmpdir(), "ccplan-totals-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("plan's totals", () => {
  it("summary: the total line is agents only; the people line adds team leads and managers up to the organisation's people", async () => {
    const tiers = await json<TiersJson>(["plan", F, "--scenario", IN_HOUSE, "--by", "tier"]);
    const summary = await json<SummaryJson>(["plan", F, "--scenario", IN_HOUSE]);
    const { agents, leads, managers, support } = split(tiers.roles);
    expect(support).toEqual([]);
    expect(sum(agents) + sum(leads) + sum(managers)).toBe(tiers.totals.headcount);
    const { lines, prose } = await text(["plan", F, "--scenario", IN_HOUSE]);
    const total = lines.find((l) => l.startsWith("│ total"))!;
    expect(total).toMatch(/│ agents only +│/);
    expect(total.split("│").map((c) => c.trim())).toContain(String(summary.totals.headcount));
    expect(prose).toContain(`the total line's ${summary.totals.headcount} are agents only`);
    expect(prose).toContain(`agents ${sum(agents)} + team leads ${sum(leads)} + managers ${sum(managers)} = ${tiers.totals.headcount} people`);
  }, 30_000);

  it("summary of teams pooling queues: says the teams' agents differ from the total line's, and adds support up to the people", async () => {
    const tiers = await json<TiersJson>(["plan", F, "--scenario", GROUPS, "--by", "tier"]);
    const summary = await json<SummaryJson>(["plan", F, "--scenario", GROUPS]);
    const { agents, leads, managers, support } = split(tiers.roles);
    expect(sum(agents) + sum(leads) + sum(managers) + sum(support)).toBe(tiers.totals.headcount);
    const { prose } = await text(["plan", F, "--scenario", GROUPS]);
    expect(sum(agents)).not.toBe(summary.totals.headcount);
    expect(prose).toContain(`queues pooled in teams need ${sum(agents)} agents, where the lines above staff each queue apart`);
    expect(prose).toContain(`agents ${sum(agents)} (${agents.map((r) => `${r.role} ${r.headcount}`).join(", ")}) + team leads ${sum(leads)} + managers ${sum(managers)} + support ${sum(support)}`);
    expect(prose).toContain(`= ${tiers.totals.headcount} people`);
  }, 30_000);

  it("--by tier: its one total is every role's people, the sum said under it", async () => {
    const tiers = await json<TiersJson>(["plan", F, "--scenario", GROUPS, "--by", "tier"]);
    const { agents, leads, managers, support } = split(tiers.roles);
    const { lines, prose } = await text(["plan", F, "--scenario", GROUPS, "--by", "tier"]);
    const total = lines.find((l) => l.startsWith("│ all people"))!;
    expect(total.split("│").map((c) => c.trim()).at(-2)).toBe(String(tiers.totals.headcount));
    expect(prose).toContain(`agents ${sum(agents)} + team leads ${sum(leads)} + managers ${sum(managers)} + support ${sum(support)} = ${tiers.totals.headcount} people`);
  }, 30_000);

  it("--by group: the headcount column adds up to the agents, then to the people", async () => {
    const groups = await json<GroupsJson>(["plan", F, "--scenario", GROUPS, "--by", "group"]);
    const agents = groups.groups.reduce((n, g) => n + g.headcount, 0);
    const { prose } = await text(["plan", F, "--scenario", GROUPS, "--by", "group"]);
    expect(prose).toContain(`Agents ${agents}: the headcount column added up`);
    expect(prose).toContain(`= ${groups.totals.headcount} people`);
  }, 30_000);
});

describe("blended outbound", () => {
  it("that needs no dedicated agent says so on a line of its own, and only when blending took all its work", async () => {
    const blended = await json<SummaryJson>(["plan", F, "--scenario", IN_HOUSE]);
    // the same plan without blending: the queues staff agents of their own
    const unblendedScenario = join(dir, "no-blending.yaml");
    writeFileSync(unblendedScenario, readFileSync(IN_HOUSE, "utf8").replace(/blending: true/, "blending: false"));
    const apart = await json<SummaryJson>(["plan", F, "--scenario", unblendedScenario]);
    const outbound = blended.queues.filter((q) => q.direction === "outbound");
    const absorbed = outbound.filter((q) => q.workloadHours > 0 && q.agentHours === 0);
    expect(absorbed.length).toBeGreaterThan(0);
    for (const q of absorbed) expect(apart.queues.find((a) => a.typology === q.typology && a.direction === "outbound")!.agentHours).toBeGreaterThan(0);
    const { lines } = await text(["plan", F, "--scenario", IN_HOUSE]);
    for (const q of outbound) {
      const said = lines.some((l) => l.startsWith(`* ${q.channelClass} ${q.channel} ${q.typology} (L${q.tier}): blended into inbound idle time: no dedicated agent`));
      expect(said, q.typology).toBe(absorbed.includes(q));
    }
    const rows = lines.filter((l) => l.startsWith("│ outbound"));
    expect(rows.filter((l) => l.startsWith("│ outbound*"))).toHaveLength(absorbed.length);
    const none = await text(["plan", F, "--scenario", unblendedScenario]);
    expect(none.prose).not.toMatch(/blended into inbound idle time/);
  }, 30_000);
});
