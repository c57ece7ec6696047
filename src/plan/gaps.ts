import { solve } from "yalps";
import type { Tier } from "./forecast.js";
import { typologyKey } from "./scenario.js";
import type { SourcingPlan } from "./sourcing.js";

/** One person of the roster: where they work, how much, and what they can handle (skill key → proficiency 0–3). */
export interface RosterPerson {
  agentId: string;
  site: string;
  tier: Tier;
  /** Paid FTE (contract hours ÷ the scenario's full-time hours). */
  fte: number;
  /** `typologyKey:channel` → proficiency 0 (none) to 3 (expert). */
  skills: Map<string, number>;
}

/** What one skill (typology × channel at a level and site) needs, from the plan. */
export interface SkillRequirement {
  /** Typology as the forecast writes it. */
  typology: string;
  channel: string;
  tier: Tier;
  /** The site whose people must cover it; null when the plan has no sites (anyone at the level). */
  site: string | null;
  /** Paid FTE (shrinkage included): the same basis as the roster's FTE. */
  requiredFte: number;
  /** Agents the skill's queues need at their busiest (the sum of its queues' peaks: exact for one queue, high otherwise). */
  peakAgents: number;
}

/** Options of {@link skillGaps}. */
export interface GapOptions {
  /** Lowest proficiency that counts as holding a skill (1–3). */
  minLevel: number;
  /** FTE of requirement one FTE of a person covers, by proficiency (1, 2, 3); all 1 by default. */
  productivity: Record<1 | 2 | 3, number>;
  /** FTE of one new hire (the mean contract). */
  hireFte: number;
  /** Share of paid time people are there at a site (1 − its shrinkage), for the peak check. */
  availability: (site: string) => number;
  /** Branch-and-bound iterations of the cross-training search (deterministic, unlike a time limit). */
  maxIterations?: number;
  /** Skill gaps below this FTE are dust: no training and no hire for them ({@link DEFAULT_MIN_GAP_FTE} by default). */
  minGapFte?: number;
}

/** Skill gaps below 0.1 FTE (about 3.5 hours a week) are not worth a training or a hire. */
export const DEFAULT_MIN_GAP_FTE = 0.1;

/** Coverage of one skill. */
export interface SkillCoverage extends SkillRequirement {
  /** FTE of the people who hold the skill, each counted whole (the naive count). */
  holdersFte: number;
  holders: number;
  /** FTE the allocation covers (each person's hours shared, never counted twice). */
  coveredFte: number;
  gapFte: number;
  /** Idle FTE of the skill's holders after the allocation, each idle person's time shared equally among the skills they hold (so surpluses add up to the idle FTE). */
  surplusFte: number;
  /** Holders present at once (Σ min(1, FTE) × their site's availability) against peak agents: the shortfall (0 when enough). */
  peakShortAgents: number;
  /** The gap is above 0 but below the minimum gap: ignored as dust (no training, no hire). */
  belowMinGap: boolean;
  /** The gap left after the recommended trainings. */
  gapAfterTrainingFte: number;
}

/** What one person is given. */
export interface PersonAllocation {
  agentId: string;
  site: string;
  tier: Tier;
  fte: number;
  allocatedFte: number;
  idleFte: number;
  /** Skill key → FTE of the person's time on it. */
  allocation: [string, number][];
}

/** New people of one profile. */
export interface Hire {
  tier: Tier;
  site: string | null;
  /** The skills each of them needs (typology:channel, as the forecast writes the typology). */
  skills: string[];
  count: number;
  /** FTE of gap they close together. */
  closesFte: number;
  /** What they close of each skill, in the order of `skills`. */
  fteBySkill: [string, number][];
}

/** The hires of one skill at one level and site: one row of the recommended plan. */
export interface SkillHire {
  tier: Tier;
  site: string | null;
  /** typology:channel, as the forecast writes the typology. */
  skill: string;
  /** FTE of gap the hires close on this skill. */
  closesFte: number;
  /** New people on this skill alone. */
  soloHires: number;
  /** FTE of this skill in hires shared with other skills. */
  sharedFte: number;
  /** Hires shared with other skills that take part of this one (each counted once per skill it serves). */
  sharedHires: number;
  /** The other skills of those shared hires. */
  sharedWith: string[];
}

/** One person learning one skill. */
export interface Training {
  agentId: string;
  site: string;
  tier: Tier;
  /** What they hold today (typology:channel, at or above the threshold). */
  holds: string[];
  /** The skill to learn (typology:channel). */
  skill: string;
  /** FTE of their time on the new skill in the allocation after training (others may shift to close other gaps): the gross figure. */
  fte: number;
  /**
   * Net FTE of total gap this training closes: what it adds to the cover of
   * the trainings listed before it (the list's order). The trainings' net FTE
   * add up to the drop of the total gap (gap before − gap after training).
   */
  netFte: number;
}

/** Gaps, hires and cross-trainings. */
export interface GapsPlan {
  skills: SkillCoverage[];
  people: PersonAllocation[];
  /** Fewest hires that close every gap of today's roster. */
  hires: Hire[];
  /** Fewest trainings of people with idle time that close as much of the gaps as their idle time can. */
  trainings: Training[];
  /** Hires still needed after the trainings. */
  hiresAfterTraining: Hire[];
  /** {@link hiresAfterTraining} as one row per skill, level and site. */
  hirePlan: SkillHire[];
  /** `optimal`, or `best-found` when the search stopped at its iteration limit. */
  trainingStatus: "optimal" | "best-found";
  /**
   * `gapFte` and `gapAfterTrainingFte` count every skill, dust included;
   * `ignoredSkills` and `ignoredGapFte` are the skills short by less than the
   * minimum gap (`minGapFte`) and their gap.
   */
  totals: {
    requiredFte: number;
    coveredFte: number;
    gapFte: number;
    gapAfterTrainingFte: number;
    hires: number;
    trainings: number;
    hiresAfterTraining: number;
    minGapFte: number;
    ignoredSkills: number;
    ignoredGapFte: number;
  };
}

/** The typology of a minimum presence without work: any person at the level and site covers it. */
export const ON_DUTY = "(on duty)";

/** Below this, an FTE is rounding noise (1e-4 FTE is under 4 minutes a week). */
const EPS = 1e-4;

/** A skill's key: typology (ignoring case and accents) and channel. */
export function skillKey(typology: string, channel: string): string {
  return `${typologyKey(typology)}:${channel}`;
}

/**
 * The FTE each skill (typology × channel × level × site) needs, from a
 * sourcing plan: each team's FTE shared over its queues in proportion to
 * what they need staffed apart (pooling gains shared alike), inbound and
 * outbound of one typology × channel together. Flows sent to outsourcers
 * need none of our people and are left out.
 */
export function skillRequirements(plan: SourcingPlan): SkillRequirement[] {
  const out = new Map<string, SkillRequirement>();
  const named = plan.sites.length > 1 || plan.sites.some((s) => s.site.name !== "in-house" || s.site.cost !== null);
  for (const { site, plan: p } of plan.sites) {
    if (site.kind !== "internal") continue;
    const queues = new Map(p.queues.map((q) => [`${q.queue!.typology}\u001f${q.queue!.channel}\u001f${q.queue!.direction}\u001f${q.queue!.tier}`, q]));
    for (const g of p.organisation.groups) {
      const ratio = g.separateFte > 0 ? g.fte / g.separateFte : 0;
      if (g.separateFte <= 0 && g.fte > 0) {
        // a team that is only a minimum presence: anyone at its level and site can be on duty
        const siteName = named ? site.name : null;
        const key = `${g.tier}\u001f${siteName ?? ""}\u001f${ON_DUTY}`;
        const r = out.get(key) ?? { typology: ON_DUTY, channel: "any", tier: g.tier, site: siteName, requiredFte: 0, peakAgents: 0 };
        r.requiredFte += g.fte;
        r.peakAgents = Math.max(r.peakAgents, g.peakAgents);
        out.set(key, r);
        continue;
      }
      for (const id of g.members) {
        const q = queues.get(id);
        if (q === undefined || q.queue === null) continue;
        const siteName = named ? site.name : null;
        const key = `${q.queue.tier}\u001f${siteName ?? ""}\u001f${skillKey(q.queue.typology, q.queue.channel)}`;
        let r = out.get(key);
        if (r === undefined) {
          r = { typology: q.queue.typology, channel: q.queue.channel, tier: q.queue.tier, site: siteName, requiredFte: 0, peakAgents: 0 };
          out.set(key, r);
        }
        r.requiredFte += q.fte * ratio;
        r.peakAgents += q.peakAgents;
      }
    }
  }
  return [...out.values()].sort(
    (a, b) => a.tier - b.tier || cmp(a.site ?? "", b.site ?? "") || cmp(skillKey(a.typology, a.channel), skillKey(b.typology, b.channel)),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Can this person work for this requirement at all (level and site)? */
function sameTeam(p: RosterPerson, r: SkillRequirement): boolean {
  return p.tier === r.tier && (r.site === null || r.site === p.site);
}

/** An edge person → requirement: held (level ≥ threshold) or to be trained. */
interface Edge {
  person: number;
  req: number;
  gain: number;
  trained: boolean;
}

/**
 * Solve the allocation: maximise the covered FTE (then, with trainings,
 * fewest trainings for that cover). The people and skills that edges link
 * form independent parts (levels, sites, families of skills): each is solved
 * on its own, which keeps every 0–1 programme small.
 */
function allocate(people: readonly RosterPerson[], reqs: readonly SkillRequirement[], edges: readonly Edge[], fewestTrainings: boolean, maxIterations: number) {
  const parent = Array.from({ length: people.length + reqs.length }, (_, k) => k);
  const root = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k]!]!;
    return k;
  };
  for (const e of edges) {
    const a = root(e.person);
    const b = root(people.length + e.req);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const parts = new Map<number, number[]>();
  edges.forEach((e, k) => {
    const r = root(e.person);
    let list = parts.get(r);
    if (list === undefined) parts.set(r, (list = []));
    list.push(k);
  });
  const x = edges.map(() => 0);
  let status: "optimal" | "best-found" = "optimal";
  for (const part of parts.values()) {
    const solved = allocatePart(people, reqs, part.map((k) => edges[k]!), fewestTrainings, maxIterations);
    part.forEach((k, i) => (x[k] = solved.x[i]!));
    if (solved.status !== "optimal") status = "best-found";
  }
  return { x, status };
}

/** Trainings a part may have for the exact 0–1 programme; above, the LP-guided search. */
const EXACT_TRAININGS = 40;

/** The maximum cover of a part with the given edges (the others closed): its value and each edge's FTE. */
function coverLp(people: readonly RosterPerson[], reqs: readonly SkillRequirement[], edges: readonly Edge[], open: (k: number) => boolean) {
  const constraints: Record<string, { max?: number; min?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  edges.forEach((e, k) => {
    if (!open(k)) return;
    constraints[`p${e.person}`] = { max: people[e.person]!.fte };
    constraints[`r${e.req}`] = { max: reqs[e.req]!.requiredFte };
    variables[`x${k}`] = { [`p${e.person}`]: 1, [`r${e.req}`]: e.gain, cover: e.gain };
  });
  const solved = solve({ direction: "maximize", objective: "cover", constraints, variables }, { maxPivots: 1 << 20 });
  if (solved.status !== "optimal") throw new RangeError(`coverage LP: ${solved.status}`);
  const values = new Map(solved.variables);
  return { cover: solved.result, x: edges.map((_, k) => values.get(`x${k}`) ?? 0) };
}

/**
 * {@link allocate} on one connected part. With trainings: the cover with
 * every training edge open is the target; then the fewest trainings that
 * reach it — exactly (a 0–1 programme) when the part has at most
 * {@link EXACT_TRAININGS} possible trainings and the search ends within its
 * iteration limit; otherwise the trainings its linear relaxation uses,
 * then dropped one by one (smallest first) while the cover holds: a set from
 * which no training can be removed (`best-found`).
 */
function allocatePart(people: readonly RosterPerson[], reqs: readonly SkillRequirement[], edges: readonly Edge[], fewestTrainings: boolean, maxIterations: number) {
  const all = coverLp(people, reqs, edges, () => true);
  if (!fewestTrainings || !edges.some((e) => e.trained)) return { x: all.x, status: "optimal" as const };
  const target = all.cover - 1e-9 * (1 + all.cover);
  // the tightest bound on a training edge: the person's FTE, or what the skill needs
  const bound = (e: Edge) => Math.min(people[e.person]!.fte, reqs[e.req]!.requiredFte / e.gain);
  const model = (binary: boolean) => {
    const constraints: Record<string, { max?: number; min?: number }> = { cover: { min: target } };
    const variables: Record<string, Record<string, number>> = {};
    const binaries: string[] = [];
    edges.forEach((e, k) => {
      constraints[`p${e.person}`] = { max: people[e.person]!.fte };
      constraints[`r${e.req}`] = { max: reqs[e.req]!.requiredFte };
      variables[`x${k}`] = { [`p${e.person}`]: 1, [`r${e.req}`]: e.gain, cover: e.gain };
      if (!e.trained) return;
      constraints[`u${k}`] = { max: 0 };
      variables[`x${k}`]![`u${k}`] = 1;
      variables[`t${k}`] = { [`u${k}`]: -bound(e), trainings: 1 };
      if (binary) binaries.push(`t${k}`);
      else constraints[`tmax${k}`] = { max: 1 };
      if (!binary) variables[`t${k}`]![`tmax${k}`] = 1;
    });
    return { direction: "minimize" as const, objective: "trainings", constraints, variables, binaries };
  };
  const trainings = edges.filter((e) => e.trained).length;
  if (trainings <= EXACT_TRAININGS) {
    const exact = solve(model(true), { maxIterations, maxPivots: 1 << 20 });
    if (exact.status === "optimal") {
      const v = new Map(exact.variables);
      return { x: edges.map((_, k) => v.get(`x${k}`) ?? 0), status: "optimal" as const };
    }
  }
  // The linear relaxation's trainings, then drop what the cover does not need.
  const relaxed = solve(model(false), { maxPivots: 1 << 20 });
  if (relaxed.status !== "optimal") return { x: all.x, status: "best-found" as const };
  const rv = new Map(relaxed.variables);
  const kept = new Set(edges.map((e, k) => [e, k] as const).filter(([e, k]) => e.trained && (rv.get(`x${k}`) ?? 0) > EPS).map(([, k]) => k));
  const order = [...kept].sort((a, b) => (rv.get(`x${a}`) ?? 0) - (rv.get(`x${b}`) ?? 0) || a - b);
  for (const k of order) {
    kept.delete(k);
    if (coverLp(people, reqs, edges, (j) => !edges[j]!.trained || kept.has(j)).cover < target) kept.add(k);
  }
  return { x: coverLp(people, reqs, edges, (j) => !edges[j]!.trained || kept.has(j)).x, status: "best-found" as const };
}

/**
 * The fewest hires that close the gaps: per level and site, ⌈Σ gaps ÷ hire
 * FTE⌉ people — no fewer is possible, since each hire adds at most one hire's
 * FTE. Whole hires take one skill each (⌊gap ÷ hire FTE⌋ per skill); the
 * remainders, in skill order (a typology's channels together), are packed
 * into as few mixed profiles as that.
 */
export function fewestHires(gaps: readonly { req: SkillRequirement; gapFte: number }[], hireFte: number): Hire[] {
  const groups = new Map<string, { tier: Tier; site: string | null; gaps: { skill: string; gap: number }[] }>();
  for (const { req, gapFte } of gaps) {
    if (gapFte <= EPS) continue;
    const key = `${req.tier}\u001f${req.site ?? ""}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { tier: req.tier, site: req.site, gaps: [] }));
    g.gaps.push({ skill: `${req.typology}:${req.channel}`, gap: gapFte });
  }
  const hires: Hire[] = [];
  for (const g of groups.values()) {
    const rest: { skill: string; gap: number }[] = [];
    for (const { skill, gap } of g.gaps) {
      const whole = Math.floor(gap / hireFte + EPS);
      if (whole > 0) hires.push({ tier: g.tier, site: g.site, skills: [skill], count: whole, closesFte: whole * hireFte, fteBySkill: [[skill, whole * hireFte]] });
      const left = gap - whole * hireFte;
      if (left > EPS) rest.push({ skill, gap: left });
    }
    // by skill, so that a mixed profile holds neighbouring skills (one typology's channels)
    rest.sort((a, b) => cmp(a.skill, b.skill));
    let current: Hire | undefined;
    let room = 0;
    for (let { skill, gap } of rest) {
      while (gap > EPS) {
        if (current === undefined || room <= EPS) {
          current = { tier: g.tier, site: g.site, skills: [], count: 1, closesFte: 0, fteBySkill: [] };
          hires.push(current);
          room = hireFte;
        }
        const take = Math.min(room, gap);
        if (!current.skills.includes(skill)) {
          current.skills.push(skill);
          current.fteBySkill.push([skill, 0]);
        }
        current.fteBySkill[current.fteBySkill.length - 1]![1] += take;
        current.closesFte += take;
        room -= take;
        gap -= take;
      }
    }
  }
  return hires;
}

/**
 * Hires as one row per skill, level and site (in the hires' order): the FTE
 * closed on the skill, the people hired for it alone, and its share of the
 * hires shared with other skills. The rows' FTE add up to the hires'.
 */
export function hiresBySkill(hires: readonly Hire[]): SkillHire[] {
  const rows = new Map<string, SkillHire>();
  for (const h of hires) {
    for (const [skill, fte] of h.fteBySkill) {
      const key = `${h.tier}\u001f${h.site ?? ""}\u001f${skill}`;
      let row = rows.get(key);
      if (row === undefined) rows.set(key, (row = { tier: h.tier, site: h.site, skill, closesFte: 0, soloHires: 0, sharedFte: 0, sharedHires: 0, sharedWith: [] }));
      row.closesFte += fte;
      if (h.skills.length === 1) row.soloHires += h.count;
      else {
        row.sharedFte += fte;
        row.sharedHires += h.count;
        for (const other of h.skills) if (other !== skill && !row.sharedWith.includes(other)) row.sharedWith.push(other);
      }
    }
  }
  return [...rows.values()];
}

/**
 * Skill gaps of a roster against a plan's requirements (SPEC 5.8).
 *
 * Coverage is the maximum allocation of people's FTE to the skills they
 * hold (proficiency ≥ `minLevel`) at their level and site — a linear
 * programme (a maximum flow when every productivity is 1), so a polyvalent
 * person's hours are shared, never counted twice. Both sides are paid FTE
 * (requirements include shrinkage). Cross-training adds, for each person with
 * idle FTE and each skill short at their level and site, an edge they could
 * learn; the covered FTE is maximised again, then the number of trainings
 * is minimised for that cover (a 0–1 programme). Hires close what is left.
 *
 * A gap below `minGapFte` is dust, judged at each step: a skill short by less
 * than that today gets no training and no hire; after the trainings, a skill
 * still short by less than that gets no hire. Each training's net FTE
 * is the drop of the total gap when it is added, in the listed order (most
 * FTE on the new skill first, then agent id, then skill), to the roster and
 * the trainings above it: a telescoping sum, so the net FTE add up to
 * `gapFte − gapAfterTrainingFte` exactly (up to float rounding).
 */
export function skillGaps(reqs: readonly SkillRequirement[], people: readonly RosterPerson[], o: GapOptions): GapsPlan {
  const level = (p: RosterPerson, r: SkillRequirement) => (r.typology === ON_DUTY ? Math.max(1, o.minLevel) : (p.skills.get(skillKey(r.typology, r.channel)) ?? 0));
  const labels = new Map(reqs.map((r) => [skillKey(r.typology, r.channel), `${r.typology}:${r.channel}`]));
  const held: Edge[] = [];
  people.forEach((p, i) =>
    reqs.forEach((r, j) => {
      const l = level(p, r);
      if (sameTeam(p, r) && l >= o.minLevel && l >= 1) held.push({ person: i, req: j, gain: o.productivity[l as 1 | 2 | 3], trained: false });
    }),
  );
  const base = allocate(people, reqs, held, false, 0).x;
  const covered = reqs.map(() => 0);
  const used = people.map(() => 0);
  held.forEach((e, k) => {
    covered[e.req]! += base[k]! * e.gain;
    used[e.person]! += base[k]!;
  });
  const gap = reqs.map((r, j) => Math.max(0, r.requiredFte - covered[j]!));
  const minGap = o.minGapFte ?? DEFAULT_MIN_GAP_FTE;
  if (!(minGap >= 0)) throw new RangeError(`skillGaps needs minGapFte >= 0, got ${minGap}`);
  const actionable = gap.map((g) => g > EPS && g >= minGap);
  const idle = people.map((p, i) => Math.max(0, p.fte - used[i]!));

  // Cross-training: people with idle time × skills short at their level and site that they do not hold.
  const candidates: Edge[] = [];
  people.forEach((p, i) => {
    if (idle[i]! <= EPS) return;
    reqs.forEach((r, j) => {
      if (actionable[j] && sameTeam(p, r) && level(p, r) < Math.max(o.minLevel, 1)) candidates.push({ person: i, req: j, gain: o.productivity[Math.max(o.minLevel, 1) as 1 | 2 | 3], trained: true });
    });
  });
  const trained = allocate(people, reqs, [...held, ...candidates], true, o.maxIterations ?? 4_000);
  const afterCover = reqs.map(() => 0);
  const trainings: (Training & { edge: Edge })[] = [];
  [...held, ...candidates].forEach((e, k) => {
    const x = trained.x[k]!;
    afterCover[e.req]! += x * e.gain;
    if (e.trained && x > EPS) {
      const p = people[e.person]!;
      const r = reqs[e.req]!;
      trainings.push({
        agentId: p.agentId,
        site: p.site,
        tier: p.tier,
        holds: [...p.skills]
          .filter(([, l]) => l >= Math.max(o.minLevel, 1))
          .map(([s]) => labels.get(s) ?? s)
          .sort(),
        skill: `${r.typology}:${r.channel}`,
        fte: x,
        netFte: 0,
        edge: e,
      });
    }
  });
  trainings.sort((a, b) => b.fte - a.fte || cmp(a.agentId, b.agentId) || cmp(a.skill, b.skill));
  const gapAfter = reqs.map((r, j) => Math.max(0, r.requiredFte - afterCover[j]!));
  // Net closure, telescoping: the total gap with the roster and the first k trainings, k = 0 … n.
  const clean = (g: number) => (g <= EPS ? 0 : g);
  const totalGap = (cover: number[]) => reqs.reduce((n, r, j) => n + clean(Math.max(0, r.requiredFte - cover[j]!)), 0);
  let before = totalGap(covered);
  trainings.forEach((t, k) => {
    let after: number;
    if (k === trainings.length - 1) after = totalGap(afterCover);
    else {
      const edges = [...held, ...trainings.slice(0, k + 1).map((x) => x.edge)];
      const x = allocate(people, reqs, edges, false, 0).x;
      const cover = reqs.map(() => 0);
      edges.forEach((e, i) => (cover[e.req]! += x[i]! * e.gain));
      after = totalGap(cover);
    }
    t.netFte = before - after;
    before = after;
  });

  const holds = (p: RosterPerson, r: SkillRequirement) => sameTeam(p, r) && level(p, r) >= Math.max(o.minLevel, 1);
  const heldCount = people.map((p) => reqs.filter((r) => holds(p, r)).length);
  const skills: SkillCoverage[] = reqs.map((r, j) => {
    const holders = people.filter((p) => holds(p, r));
    return {
      ...r,
      holders: holders.length,
      holdersFte: holders.reduce((n, p) => n + p.fte, 0),
      coveredFte: covered[j]!,
      gapFte: gap[j]! <= EPS ? 0 : gap[j]!,
      surplusFte: people.reduce((n, p, i) => n + (heldCount[i]! > 0 && holds(p, r) ? idle[i]! / heldCount[i]! : 0), 0),
      peakShortAgents: Math.max(0, r.peakAgents - holders.reduce((n, p) => n + Math.min(1, p.fte) * o.availability(p.site), 0)),
      belowMinGap: gap[j]! > EPS && !actionable[j],
      gapAfterTrainingFte: clean(gapAfter[j]!),
    };
  });
  const allocation: PersonAllocation[] = people.map((p, i) => ({
    agentId: p.agentId,
    site: p.site,
    tier: p.tier,
    fte: p.fte,
    allocatedFte: used[i]!,
    idleFte: idle[i]!,
    allocation: held
      .map((e, k) => [e, base[k]!] as const)
      .filter(([e, x]) => e.person === i && x > EPS)
      .map(([e, x]) => [labels.get(skillKey(reqs[e.req]!.typology, reqs[e.req]!.channel))!, x] as [string, number]),
  }));
  const hires = fewestHires(reqs.map((req, j) => ({ req, gapFte: actionable[j] ? gap[j]! : 0 })), o.hireFte);
  const hiresAfterTraining = fewestHires(reqs.map((req, j) => ({ req, gapFte: gapAfter[j]! > EPS && gapAfter[j]! >= minGap ? gapAfter[j]! : 0 })), o.hireFte);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const count = (hs: Hire[]) => hs.reduce((n, h) => n + h.count, 0);
  return {
    skills,
    people: allocation,
    hires,
    trainings: trainings.map(({ edge: _edge, ...t }) => t),
    hiresAfterTraining,
    hirePlan: hiresBySkill(hiresAfterTraining),
    trainingStatus: trained.status,
    totals: {
      requiredFte: sum(reqs.map((r) => r.requiredFte)),
      coveredFte: sum(covered),
      gapFte: totalGap(covered),
      gapAfterTrainingFte: totalGap(afterCover),
      hires: count(hires),
      trainings: trainings.length,
      hiresAfterTraining: count(hiresAfterTraining),
      minGapFte: minGap,
      ignoredSkills: gap.filter((g, j) => g > EPS && !actionable[j]).length,
      ignoredGapFte: sum(gap.filter((g, j) => g > EPS && !actionable[j])),
    },
  };
}
