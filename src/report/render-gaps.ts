import type { ChalkInstance } from "chalk";
import type { GapsPlan, Hire, SkillCoverage, SkillHire } from "../plan/gaps.js";
import { csvNumber, grouped, jsonNumber } from "./number-format.js";
import { csvDocument, type Cell } from "./csv-cell.js";
import { label, plural as countOf, tr } from "./labels.js";
import { tableWidth } from "./settings.js";
import { renderTable } from "./table.js";
import { wrapProse } from "./text-wrap.js";

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
export type GapsReport = "skills" | "people" | "hires" | "trainings" | "plan";

/** Options of {@link renderGapsTable} and {@link renderGapsCsv}. */
export interface GapsTableOptions {
  /** Only the skills with a gap in the skill table (and the `skills` CSV). */
  onlyGaps?: boolean;
}


function csv(head: string[], rows: Cell[][]): string {
  return csvDocument(head, rows);
}

const site = (s: string | null) => s ?? label("any");

/** Where a person or a hire works, as every line of the plan names it: "Lyon, level 1". */
function where(site: string | null, tier: number): string {
  return site === null ? tr`any site, level ${tier}` : tr`${site}, level ${tier}`;
}

/** "train A042 (Lyon, level 1) on recouvrement:email: closes 0.22 FTE", one line per training, in the plan's order (net FTE). */
export function trainingSummary(g: GapsPlan): string[] {
  return g.trainings.map((t) => tr`train ${t.agentId} (${where(t.site, t.tier)}) on ${t.skill}: closes ${grouped(t.netFte, 2)} FTE`);
}

/** "hire 2 for recouvrement:email (Lyon, level 1) …: closes 1.80 FTE", one line per skill, level and site. */
export function hireSummary(rows: readonly SkillHire[]): string[] {
  return rows.map((h) => {
    const parts = [
      ...(h.soloHires > 0 ? [tr`${countOf(h.soloHires, grouped(h.soloHires, 0), "person", "people")} on it alone`] : []),
      ...(h.sharedFte > 0 ? [tr`${grouped(h.sharedFte, 2)} FTE in ${h.sharedHires === 1 ? label("a shared hire") : tr`${grouped(h.sharedHires, 0)} shared hires`} (with ${h.sharedWith.join(", ")})`] : []),
    ];
    return tr`hire for ${h.skill} (${where(h.site, h.tier)}): ${parts.join(" + ")}: closes ${grouped(h.closesFte, 2)} FTE`;
  });
}

/** New people per level and site, each shared hire counted once: "4 new people (Lyon, level 1)". */
function hireTotals(hires: readonly Hire[]): string[] {
  const by = new Map<string, { site: string | null; tier: number; count: number }>();
  for (const h of hires) {
    const key = `${h.tier}\u001f${h.site ?? ""}`;
    const e = by.get(key) ?? { site: h.site, tier: h.tier, count: 0 };
    e.count += h.count;
    by.set(key, e);
  }
  return [...by.values()].map((e) => tr`${countOf(e.count, grouped(e.count, 0), "new person", "new people")} (${where(e.site, e.tier)})`);
}

const plural = (n: number, one: string, many = `${one}s`) => countOf(n, grouped(n, 0), one, many);

/** The recommended plan: the trainings (people named, net FTE), then the hires by skill and site; lines indented by two spaces are its items. */
export function recommendedPlan(g: GapsPlan, color: ChalkInstance): string[] {
  const t = g.totals;
  const hired = g.hirePlan.reduce((n, h) => n + h.closesFte, 0);
  const lines = [
    color.bold(tr`Recommended plan: ${plural(t.trainings, "training")}, then ${plural(t.hiresAfterTraining, "hire")}`) +
      tr` (gap ${grouped(t.gapFte, 2)} FTE → ${grouped(t.gapAfterTrainingFte, 2)} after training → ${grouped(Math.max(0, t.gapAfterTrainingFte - hired), 2)} after hiring)`,
  ];
  if (t.ignoredSkills > 0) {
    lines.push(tr`Ignored as dust: ${plural(t.ignoredSkills, "skill")} short by less than ${grouped(t.minGapFte, 2)} FTE (${grouped(t.ignoredGapFte, 2)} FTE in all); --min-gap 0 plans for them too.`);
  }
  lines.push(
    g.trainings.length === 0
      ? tr`Train: no one (no one with idle time at a short skill's level and site).`
      : tr`Train these people (net FTE of gap each closes, added in this order${g.trainingStatus === "optimal" ? tr`; fewest trainings` : tr`; best found within the search limit`}):`,
  );
  lines.push(...trainingSummary(g).map((l) => `  ${l}`));
  lines.push(g.hirePlan.length === 0 ? tr`Then hire: no one.` : tr`Then hire these, ${hireTotals(g.hiresAfterTraining).join("; ")} in all (a shared hire serves several skills):`);
  lines.push(...hireSummary(g.hirePlan).map((l) => `  ${l}`));
  return lines;
}

/** The skills the table shows: all, or those with a gap. */
function shownSkills(g: GapsPlan, o: GapsTableOptions): SkillCoverage[] {
  return o.onlyGaps ? g.skills.filter((s) => s.gapFte > 0 || s.gapAfterTrainingFte > 0) : g.skills;
}

/** Whether `--only-gaps` lists a skill with no gap now, for its gap after training alone. */
function afterTrainingOnly(skills: readonly SkillCoverage[], o: GapsTableOptions): boolean {
  return o.onlyGaps === true && skills.some((s) => !(s.gapFte > 0) && s.gapAfterTrainingFte > 0);
}

function hireRows(hires: Hire[]): string[][] {
  return hires.map((h) => [`L${h.tier}`, site(h.site), h.skills.join(" + "), grouped(h.count, 0), grouped(h.closesFte, 2)]);
}

/** Gaps for a terminal: the totals, the recommended plan (trainings, then hires), the skill table, hires without training. */
export function renderGapsTable(g: GapsPlan, ctx: GapsContext, color: ChalkInstance, o: GapsTableOptions = {}): string {
  const t = g.totals;
  const lines = [
    color.bold(tr`Gaps of ${ctx.roster} against ${ctx.forecast}`) +
      tr`  (scenario ${ctx.scenario}; a skill held from level ${ctx.minLevel}; one hire = ${grouped(ctx.hireFte, 2)} FTE; gaps below ${grouped(t.minGapFte, 2)} FTE ignored)`,
    tr`Required ${grouped(t.requiredFte, 1)} FTE, covered ${grouped(t.coveredFte, 1)}, gap ${grouped(t.gapFte, 1)} FTE.`,
    "",
    ...recommendedPlan(g, color),
    "",
  ];
  const skills = shownSkills(g, o);
  const rows = skills.map((s) => [
    `L${s.tier}`,
    site(s.site),
    `${s.typology}:${s.channel}`,
    grouped(s.requiredFte, 2),
    grouped(s.holders, 0),
    grouped(s.holdersFte, 2),
    grouped(s.coveredFte, 2),
    s.gapFte > 0 ? (s.belowMinGap ? `${grouped(s.gapFte, 2)}*` : color.red(grouped(s.gapFte, 2))) : "",
    s.gapAfterTrainingFte > 0 ? grouped(s.gapAfterTrainingFte, 2) : "",
    grouped(s.surplusFte, 2),
    grouped(s.peakAgents, 1),
    s.peakShortAgents > 0 ? color.yellow(grouped(s.peakShortAgents, 1)) : "",
  ]);
  lines.push(color.bold(o.onlyGaps ? tr`Skills with a gap (${skills.length} of ${g.skills.length}):` : tr`Skills:`));
  lines.push(
    rows.length === 0
      ? label("none")
      : renderTable(
          ["level", "site", "skill", "required FTE", "holders", "holders FTE", "covered", "gap", "gap after training", "idle of holders", "peak agents", "short at peak"],
          rows,
          ["left", "left", "left", "right", "right", "right", "right", "right", "right", "right", "right", "right"],
          // the skill and its gap first, then where; a skill keeps its channel when shortened (`demande d…:email`);
          // a skill listed for its gap after training alone keeps that column, the reason it is listed
          afterTrainingOnly(skills, o)
            ? { priority: [2, 7, 8, 1, 3, 6, 11, 4, 10, 9, 5], shorten: { 2: "middle" }, minWidths: { 2: 20 }, keep: [8] }
            : { priority: [2, 7, 1, 3, 8, 6, 11, 4, 10, 9, 5], shorten: { 2: "middle" }, minWidths: { 2: 20 } },
        ),
  );
  if (skills.some((s) => s.belowMinGap)) lines.push(tr`* below --min-gap ${grouped(t.minGapFte, 2)} FTE: ignored (no training, no hire).`);
  lines.push("", color.bold(tr`Without training, hires that close every gap (fewest people: ${plural(t.hires, "hire")}):`));
  lines.push(g.hires.length === 0 ? label("none") : renderTable(["level", "site", "skills", "people", "closes FTE"], hireRows(g.hires), ["left", "left", "left", "right", "right"], { priority: [2, 3, 1, 4], shorten: { 2: "end" }, minWidths: { 2: 24 } }));
  lines.push(
    "",
    tr`Coverage shares each person's FTE among the skills they hold (a maximum-flow allocation: never counted twice); holders FTE counts each holder whole, as a naive count would.`,
    tr`A training's net FTE is the drop of the total gap when it is added after the trainings above it: the net FTE add up to the gap closed by training.`,
  );
  // prose to the run's width; the plan's items (indented) continue further in
  return wrapProse(lines, tableWidth()).join("\n") + "\n";
}

/** One table of the gaps as CSV. */
export function renderGapsCsv(g: GapsPlan, report: GapsReport, o: GapsTableOptions = {}): string {
  const t = gapsTable(g, report, o);
  return csv(t.names, t.rows);
}

/** One table of the gaps: its column names and rows (the CSV's and the xlsx sheet's). */
export function gapsTable(g: GapsPlan, report: GapsReport, o: GapsTableOptions = {}): { names: string[]; rows: Cell[][] } {
  const table = (names: string[], rows: Cell[][]) => ({ names, rows });
  switch (report) {
    case "skills":
      return table(
        ["typology", "channel", "tier", "site", "required_fte", "holders", "holders_fte", "covered_fte", "gap_fte", "surplus_fte", "peak_agents", "peak_short_agents", "below_min_gap", "gap_after_training_fte"],
        shownSkills(g, o).map((s) => [s.typology, s.channel, s.tier, s.site, s.requiredFte, s.holders, s.holdersFte, s.coveredFte, s.gapFte, s.surplusFte, s.peakAgents, s.peakShortAgents, s.belowMinGap, s.gapAfterTrainingFte]),
      );
    case "people":
      return table(
        ["agent_id", "site", "tier", "fte", "allocated_fte", "idle_fte", "allocation"],
        g.people.map((p) => [p.agentId, p.site, p.tier, p.fte, p.allocatedFte, p.idleFte, p.allocation.map(([k, x]) => `${k}=${csvNumber(x)}`).join("|")]),
      );
    case "hires":
      return table(
        ["when", "tier", "site", "skills", "count", "closes_fte", "fte_by_skill"],
        [...g.hires.map((h) => ["now", h] as const), ...g.hiresAfterTraining.map((h) => ["after-training", h] as const)].map(([when, h]) => [
          when,
          h.tier,
          h.site,
          h.skills.join("|"),
          h.count,
          h.closesFte,
          h.fteBySkill.map(([k, x]) => `${k}=${csvNumber(x)}`).join("|"),
        ]),
      );
    case "trainings":
      return table(
        ["agent_id", "site", "tier", "holds", "skill", "fte", "net_fte"],
        g.trainings.map((t) => [t.agentId, t.site, t.tier, t.holds.join("|"), t.skill, t.fte, t.netFte]),
      );
    case "plan":
      return table(
        ["step", "action", "agent_id", "site", "tier", "skill", "closes_fte", "solo_hires", "shared_fte", "shared_hires", "shared_with"],
        [
          ...g.trainings.map((t) => ["train", t.agentId, t.site, t.tier, t.skill, t.netFte, null, null, null, null] as Cell[]),
          ...g.hirePlan.map((h) => ["hire", null, h.site, h.tier, h.skill, h.closesFte, h.soloHires, h.sharedFte, h.sharedHires, h.sharedWith.join("|")] as Cell[]),
        ].map((row, k) => [k + 1, ...row]),
      );
  }
}

const num = (x: number) => jsonNumber(x);
const hireJson = (h: Hire) => ({ tier: h.tier, site: h.site, skills: h.skills, count: h.count, closesFte: num(h.closesFte), fteBySkill: Object.fromEntries(h.fteBySkill.map(([k, x]) => [k, num(x)])) });

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
      belowMinGap: s.belowMinGap,
      gapAfterTrainingFte: num(s.gapAfterTrainingFte),
    })),
    people: g.people.map((p) => ({ agentId: p.agentId, site: p.site, tier: p.tier, fte: num(p.fte), allocatedFte: num(p.allocatedFte), idleFte: num(p.idleFte), allocation: Object.fromEntries(p.allocation.map(([k, x]) => [k, num(x)])) })),
    hires: g.hires.map(hireJson),
    trainings: g.trainings.map((t) => ({ agentId: t.agentId, site: t.site, tier: t.tier, holds: t.holds, skill: t.skill, fte: num(t.fte), netFte: num(t.netFte) })),
    hiresAfterTraining: g.hiresAfterTraining.map(hireJson),
    hirePlan: g.hirePlan.map((h) => ({ tier: h.tier, site: h.site, skill: h.skill, closesFte: num(h.closesFte), soloHires: h.soloHires, sharedFte: num(h.sharedFte), sharedHires: h.sharedHires, sharedWith: h.sharedWith })),
    trainingStatus: g.trainingStatus,
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
