import type { ChalkInstance } from "chalk";
import type { GapsPlan, Hire, Training } from "../plan/gaps.js";
import { csvNumber, grouped, jsonNumber } from "./number-format.js";
import { csvCell, type Cell } from "./csv-cell.js";
import { renderTable } from "./table.js";

/** Version of the JSON documents of `ccplan gaps`. */
export const GAPS_SCHEMA_VERSION = 1;

/** What the gaps were computed on. */
export interface GapsContext {
  forecast: string;
  roster: string;
  scenario: string;
  minLevel: number;
  productivity: Record<1 | 2 | 3, number>;
  hireFte: number;
}

/** The CSV tables of `ccplan gaps`. */
export type GapsReport = "skills" | "people" | "hires" | "trainings";


function csv(head: string[], rows: Cell[][]): string {
  return [head.join(","), ...rows.map((r) => r.map(csvCell).join(","))].join("\n") + "\n";
}

const site = (s: string | null) => s ?? "any";

/** "train 3 level-1 agents holding X on Y: closes 2.4 of 2.6 FTE" lines, by (level, site, skill learnt). */
export function trainingSummary(g: GapsPlan): string[] {
  const groups = new Map<string, { t: Training; count: number; fte: number }>();
  for (const t of g.trainings) {
    const key = `${t.tier}\u001f${t.site}\u001f${t.skill}\u001f${t.holds.join("|")}`;
    const e = groups.get(key);
    if (e === undefined) groups.set(key, { t, count: 1, fte: t.fte });
    else {
      e.count++;
      e.fte += t.fte;
    }
  }
  return [...groups.values()].map(({ t, count, fte }) => {
    const gap = g.skills.find((s) => s.tier === t.tier && (s.site === null || s.site === t.site) && `${s.typology}:${s.channel}` === t.skill)?.gapFte ?? 0;
    const holds = t.holds.length === 0 ? "no skill yet" : t.holds.join(", ");
    return `train ${count} level-${t.tier} ${count === 1 ? "agent" : "agents"} in ${t.site} (${holds}) on ${t.skill}: ${grouped(fte, 2)} FTE of it (gap there ${grouped(gap, 2)} FTE)`;
  });
}

function hireRows(hires: Hire[]): string[][] {
  return hires.map((h) => [`L${h.tier}`, site(h.site), h.skills.join(" + "), grouped(h.count, 0), grouped(h.closesFte, 2)]);
}

/** Gaps for a terminal: the totals, the skills short or in surplus, the hires, the trainings. */
export function renderGapsTable(g: GapsPlan, ctx: GapsContext, color: ChalkInstance): string {
  const t = g.totals;
  const lines = [
    color.bold(`Gaps of ${ctx.roster} against ${ctx.forecast}`) + `  (scenario ${ctx.scenario}; a skill held from level ${ctx.minLevel}; one hire = ${grouped(ctx.hireFte, 2)} FTE)`,
    `Required ${grouped(t.requiredFte, 1)} FTE, covered ${grouped(t.coveredFte, 1)}, gap ${grouped(t.gapFte, 1)} FTE: ` +
      `${grouped(t.hires, 0)} hire${t.hires === 1 ? "" : "s"}, or ${grouped(t.trainings, 0)} training${t.trainings === 1 ? "" : "s"} (gap left ${grouped(t.gapAfterTrainingFte, 1)} FTE) and ${grouped(t.hiresAfterTraining, 0)} hire${t.hiresAfterTraining === 1 ? "" : "s"}.`,
    "",
  ];
  const rows = g.skills.map((s) => [
    `L${s.tier}`,
    site(s.site),
    `${s.typology}:${s.channel}`,
    grouped(s.requiredFte, 2),
    grouped(s.holders, 0),
    grouped(s.holdersFte, 2),
    grouped(s.coveredFte, 2),
    s.gapFte > 0 ? color.red(grouped(s.gapFte, 2)) : "",
    grouped(s.surplusFte, 2),
    grouped(s.peakAgents, 1),
    s.peakShortAgents > 0 ? color.yellow(grouped(s.peakShortAgents, 1)) : "",
  ]);
  lines.push(
    renderTable(
      ["level", "site", "skill", "required FTE", "holders", "holders FTE", "covered", "gap", "idle of holders", "peak agents", "short at peak"],
      rows,
      ["left", "left", "left", "right", "right", "right", "right", "right", "right", "right", "right"],
    ),
  );
  lines.push("", color.bold("Hires that close every gap (fewest people):"));
  lines.push(g.hires.length === 0 ? "none" : renderTable(["level", "site", "skills", "people", "closes FTE"], hireRows(g.hires), ["left", "left", "left", "right", "right"]));
  lines.push("", color.bold(`Cross-training (fewest trainings for the most gap closed${g.trainingStatus === "optimal" ? "" : "; best found within the search limit"}):`));
  lines.push(...(g.trainings.length === 0 ? ["none: no one with idle time at a short skill's level and site"] : trainingSummary(g)));
  if (g.trainings.length > 0) {
    lines.push("", color.bold("Hires still needed after those trainings:"));
    lines.push(g.hiresAfterTraining.length === 0 ? "none" : renderTable(["level", "site", "skills", "people", "closes FTE"], hireRows(g.hiresAfterTraining), ["left", "left", "left", "right", "right"]));
  }
  lines.push(
    "",
    "Coverage shares each person's FTE among the skills they hold (a maximum-flow allocation: never counted twice); holders FTE counts each holder whole, as a naive count would.",
  );
  return lines.join("\n") + "\n";
}

/** One table of the gaps as CSV. */
export function renderGapsCsv(g: GapsPlan, report: GapsReport): string {
  switch (report) {
    case "skills":
      return csv(
        ["typology", "channel", "tier", "site", "required_fte", "holders", "holders_fte", "covered_fte", "gap_fte", "surplus_fte", "peak_agents", "peak_short_agents"],
        g.skills.map((s) => [s.typology, s.channel, s.tier, s.site, s.requiredFte, s.holders, s.holdersFte, s.coveredFte, s.gapFte, s.surplusFte, s.peakAgents, s.peakShortAgents]),
      );
    case "people":
      return csv(
        ["agent_id", "site", "tier", "fte", "allocated_fte", "idle_fte", "allocation"],
        g.people.map((p) => [p.agentId, p.site, p.tier, p.fte, p.allocatedFte, p.idleFte, p.allocation.map(([k, x]) => `${k}=${csvNumber(x)}`).join("|")]),
      );
    case "hires":
      return csv(
        ["when", "tier", "site", "skills", "count", "closes_fte"],
        [...g.hires.map((h) => ["now", h] as const), ...g.hiresAfterTraining.map((h) => ["after-training", h] as const)].map(([when, h]) => [when, h.tier, h.site, h.skills.join("|"), h.count, h.closesFte]),
      );
    case "trainings":
      return csv(
        ["agent_id", "site", "tier", "holds", "skill", "fte"],
        g.trainings.map((t) => [t.agentId, t.site, t.tier, t.holds.join("|"), t.skill, t.fte]),
      );
  }
}

const num = (x: number) => jsonNumber(x);
const hireJson = (h: Hire) => ({ tier: h.tier, site: h.site, skills: h.skills, count: h.count, closesFte: num(h.closesFte) });

/** The gaps as JSON (`schemaVersion` 1), numbers unrounded. */
export function renderGapsJson(g: GapsPlan, ctx: GapsContext): string {
  const doc = {
    schemaVersion: GAPS_SCHEMA_VERSION,
    report: "gaps",
    forecast: ctx.forecast,
    roster: ctx.roster,
    scenario: ctx.scenario,
    minLevel: ctx.minLevel,
    productivity: ctx.productivity,
    hireFte: ctx.hireFte,
    totals: Object.fromEntries(Object.entries(g.totals).map(([k, v]) => [k, num(v)])),
    skills: g.skills.map((s) => ({
      typology: s.typology,
      channel: s.channel,
      tier: s.tier,
      site: s.site,
      requiredFte: num(s.requiredFte),
      coveredFte: num(s.coveredFte),
      gapFte: num(s.gapFte),
      surplusFte: num(s.surplusFte),
      holders: s.holders,
      holdersFte: num(s.holdersFte),
      peakAgents: num(s.peakAgents),
      peakShortAgents: num(s.peakShortAgents),
    })),
    people: g.people.map((p) => ({ agentId: p.agentId, site: p.site, tier: p.tier, fte: num(p.fte), allocatedFte: num(p.allocatedFte), idleFte: num(p.idleFte), allocation: Object.fromEntries(p.allocation.map(([k, x]) => [k, num(x)])) })),
    hires: g.hires.map(hireJson),
    trainings: g.trainings.map((t) => ({ agentId: t.agentId, site: t.site, tier: t.tier, holds: t.holds, skill: t.skill, fte: num(t.fte) })),
    hiresAfterTraining: g.hiresAfterTraining.map(hireJson),
    trainingStatus: g.trainingStatus,
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
