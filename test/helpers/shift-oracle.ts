/**
 * An independent oracle for weekly shift schedules (SPEC 5.4b), for tests.
 *
 * Written from the SPEC's conventions and the TSDoc of
 * src/plan/shifts/template.ts only: it calls nothing of src/ (types only), so
 * that it can disagree with the integer programme. On tiny instances it
 * enumerates every concrete tour a template allows and finds the least cost
 * (then the fewest people) by exhaustive branch and bound over how many
 * people work each tour.
 *
 * Semantics, as read:
 * - working days: `daysPerWeek` distinct days of 0 … 6; days off
 *   `consecutive` = the 7 − daysPerWeek days off form one cyclic run
 *   (Sunday → Monday counts); `any` = any; `fixed` = the listed days are off;
 * - weekly rest: (longest cyclic run of days off + 1) × 24 h − length −
 *   start band ≥ `minWeeklyRestHours`, the band as written (the model uses
 *   min(band, start window): the two differ only for a band wider than the
 *   window on the edge of the floor); daily rest and daily hours are the
 *   scenario reader's checks, not the schedule's;
 * - starts: `firstStartMin + k × startStepMin` ≤ `lastStartMin`, one per
 *   working day, all of a person's starts within `startBandMin` of each other;
 * - each break, each working day: offset `afterMin + k × stepMin` from the
 *   shift start, the break inside [afterMin, beforeMin] and inside the shift;
 * - coverage: a person is on the floor minute by minute from each start to
 *   start + length except during its breaks; an interval gets the number of
 *   its minutes covered ÷ its length (the share convention); the week is
 *   cyclic;
 * - cost of a person: daysPerWeek × paidHours × (costPerHour ?? 1); a short
 *   agent costs understaffingCost × interval hours per interval (continuous);
 * - shares of the team's people: minShare × N ≤ n_T ≤ maxShare × N, n_T ≤
 *   maxCount; at equal cost fewer people.
 */
import type { Tour } from "../../src/plan/shifts/schedule-types.js";
import type { LegalFloors, ShiftRules, ShiftTemplate } from "../../src/plan/shifts/template.js";

const DAY = 1440;
const WEEK = 7 * DAY;

/** One concrete tour of the oracle: a template, its working days (ascending), a start and break offsets per working day. */
export interface OracleTour {
  template: number;
  days: number[];
  /** Minute of the day the shift starts, per working day (same order as `days`). */
  starts: number[];
  /** Per working day, per break of the template: offset from the shift start. */
  breaks: number[][];
}

/** Every k-subset of 0 … 6, ascending. */
function subsets(k: number): number[][] {
  const out: number[][] = [];
  const pick = (from: number, acc: number[]) => {
    if (acc.length === k) {
      out.push([...acc]);
      return;
    }
    for (let d = from; d < 7; d++) pick(d + 1, [...acc, d]);
  };
  pick(0, []);
  return out;
}

/** Longest cyclic run of days that are not worked (7 when none is). */
function longestOffRun(days: readonly number[]): number {
  const works = Array.from({ length: 14 }, (_, i) => days.includes(i % 7));
  let best = 0;
  let run = 0;
  for (const w of works) {
    run = w ? 0 : run + 1;
    best = Math.max(best, run);
  }
  return Math.min(best, 7);
}

/** The sets of working days a template allows (each ascending). */
export function oracleDaySets(t: ShiftTemplate, legal: LegalFloors): number[][] {
  return subsets(t.daysPerWeek).filter((days) => {
    const off = [0, 1, 2, 3, 4, 5, 6].filter((d) => !days.includes(d));
    if (t.daysOff.kind === "consecutive" && off.length > 0) {
      // one cyclic run: exactly one day off whose previous day is worked (or all days off)
      const runStarts = off.filter((d) => days.includes((d + 6) % 7)).length;
      if (off.length < 7 && runStarts !== 1) return false;
    }
    if (t.daysOff.kind === "fixed" && t.daysOff.days.some((d) => days.includes(d))) return false;
    const restMin = (longestOffRun(days) + 1) * DAY - t.lengthMin - t.startBandMin;
    return restMin >= legal.minWeeklyRestHours * 60;
  });
}

/** Start times of a template (minutes of the day). */
export function oracleStarts(t: ShiftTemplate): number[] {
  const out: number[] = [];
  for (let k = 0; t.firstStartMin + k * t.startStepMin <= t.lastStartMin; k++) out.push(t.firstStartMin + k * t.startStepMin);
  return out;
}

/** Every vector of `n` starts (one per working day) within the start band of each other. */
export function oracleStartVectors(t: ShiftTemplate, n: number): number[][] {
  const starts = oracleStarts(t);
  let out: number[][] = [[]];
  for (let k = 0; k < n; k++) out = out.flatMap((v) => starts.map((s) => [...v, s]));
  return out.filter((v) => v.length === 0 || Math.max(...v) - Math.min(...v) <= t.startBandMin);
}

/** Offsets of break k: on its step from `afterMin`, inside its window and inside the shift. */
export function oracleBreakOffsets(t: ShiftTemplate, k: number): number[] {
  const b = t.breaks[k]!;
  const out: number[] = [];
  for (let o = b.afterMin; o + b.lengthMin <= b.beforeMin; o += b.stepMin) if (o + b.lengthMin <= t.lengthMin) out.push(o);
  return out;
}

/** Every choice of one offset per break for one working day. */
export function oracleBreakChoices(t: ShiftTemplate): number[][] {
  let out: number[][] = [[]];
  t.breaks.forEach((_, k) => {
    const offsets = oracleBreakOffsets(t, k);
    out = out.flatMap((v) => offsets.map((o) => [...v, o]));
  });
  return out;
}

/** Every tour of template `ti`. */
export function oracleTours(rules: ShiftRules, ti: number): OracleTour[] {
  const t = rules.templates[ti]!;
  const choices = oracleBreakChoices(t);
  const out: OracleTour[] = [];
  for (const days of oracleDaySets(t, rules.legal)) {
    for (const starts of oracleStartVectors(t, days.length)) {
      let breaks: number[][][] = [[]];
      for (let k = 0; k < days.length; k++) breaks = breaks.flatMap((v) => choices.map((c) => [...v, c]));
      for (const b of breaks) out.push({ template: ti, days, starts, breaks: b });
    }
  }
  return out;
}

/** Minutes on the floor per interval of one working day (sparse: interval → minutes), minute by minute, cyclic. */
export function dayMinutes(t: ShiftTemplate, day: number, start: number, breakOffsets: readonly number[], gridMin: number): Map<number, number> {
  const out = new Map<number, number>();
  for (let m = 0; m < t.lengthMin; m++) {
    if (breakOffsets.some((o, k) => m >= o && m < o + t.breaks[k]!.lengthMin)) continue;
    const at = (((day * DAY + start + m) % WEEK) + WEEK) % WEEK;
    const i = Math.floor(at / gridMin);
    out.set(i, (out.get(i) ?? 0) + 1);
  }
  return out;
}

/** Agents on the floor per interval from src-shaped tours, by the oracle's own minute-by-minute count (time spans as written in the tours). */
export function oracleCoverage(tours: readonly Tour[], gridMin: number): Float64Array {
  const minutes = new Float64Array(WEEK / gridMin);
  for (const tour of tours) {
    for (const d of tour.days) {
      for (let m = d.startMin; m < d.endMin; m++) {
        if (d.breaks.some((b) => m >= b.startMin && m < b.endMin)) continue;
        minutes[Math.floor((((m % WEEK) + WEEK) % WEEK) / gridMin)]! += tour.people;
      }
      // a break outside its shift would take the person off a floor they are not on: count it too
      for (const b of d.breaks) for (let m = b.startMin; m < b.endMin; m++) if (m < d.startMin || m >= d.endMin) minutes[Math.floor((((m % WEEK) + WEEK) % WEEK) / gridMin)]! -= tour.people;
    }
  }
  return minutes.map((v) => v / gridMin);
}

/** Cost of one person's week on a template. */
export function personCost(t: ShiftTemplate): number {
  return t.daysPerWeek * t.paidHours * (t.costPerHour ?? 1);
}

/** What is wrong with a src tour under the oracle's rules (empty: a valid tour). */
export function tourProblems(tour: Tour, rules: ShiftRules): string[] {
  const problems: string[] = [];
  const t = rules.templates.find((x) => x.name === tour.template);
  if (t === undefined) return [`unknown template ${tour.template}`];
  if (!(Number.isInteger(tour.people) && tour.people > 0)) problems.push(`people ${tour.people}`);
  const days = tour.days.map((d) => d.day);
  if (!oracleDaySets(t, rules.legal).some((s) => s.length === days.length && s.every((d, k) => d === days[k]))) problems.push(`days ${days.join(",")} not allowed`);
  const starts = oracleStarts(t);
  const own: number[] = [];
  for (const d of tour.days) {
    const s = d.startMin - d.day * DAY;
    own.push(s);
    if (!starts.includes(s)) problems.push(`day ${d.day}: start ${s} not on the start grid`);
    if (d.endMin - d.startMin !== t.lengthMin) problems.push(`day ${d.day}: length ${d.endMin - d.startMin}`);
    if (d.breaks.length !== t.breaks.length) problems.push(`day ${d.day}: ${d.breaks.length} breaks`);
    d.breaks.forEach((b, k) => {
      const tb = t.breaks[k];
      if (tb === undefined) return;
      if (!oracleBreakOffsets(t, k).includes(b.startMin - d.startMin)) problems.push(`day ${d.day}: break ${k} at offset ${b.startMin - d.startMin}`);
      if (b.endMin - b.startMin !== tb.lengthMin) problems.push(`day ${d.day}: break ${k} lasts ${b.endMin - b.startMin}`);
      if (b.paid !== tb.paid) problems.push(`day ${d.day}: break ${k} paid flag`);
    });
  }
  if (own.length > 0 && Math.max(...own) - Math.min(...own) > t.startBandMin) problems.push(`starts ${own.join(",")} beyond the band ${t.startBandMin}`);
  if (Math.abs(tour.paidHours - t.daysPerWeek * t.paidHours) > 1e-9) problems.push(`paidHours ${tour.paidHours}`);
  if (Math.abs(tour.cost - personCost(t)) > 1e-9) problems.push(`cost ${tour.cost}`);
  return problems;
}

/** Σ max(0, required − on floor) × understaffing cost × interval hours. */
export function shortageCost(required: Float64Array, onFloor: Float64Array, gridMin: number, understaffingCost: number): number {
  let s = 0;
  for (let i = 0; i < required.length; i++) s += Math.max(0, required[i]! - onFloor[i]!);
  return s * understaffingCost * (gridMin / 60);
}

export type OracleResult =
  | { feasible: false; tours: number }
  | {
      feasible: true;
      /** Least cost: people's cost + understaffing. */
      cost: number;
      /** Fewest people at that cost. */
      people: number;
      /** People per template at the optimum found. */
      perTemplate: number[];
      /** Concrete tours enumerated (before merging equal coverage). */
      tours: number;
      /** Search nodes visited. */
      nodes: number;
    };

const EPS = 1e-9;

/** The instance is too big for exhaustive search within the limits (not a finding). */
export class OracleTooBig extends RangeError {}

/**
 * The least cost of covering `required` with the templates of `rules`
 * (understaffing priced or not), and the fewest people at that cost, by
 * exhaustive search. Meant for tiny instances (throws beyond `maxTours`
 * concrete tours or `maxNodes` search nodes).
 */
export function bruteForce(required: Float64Array, gridMin: number, rules: ShiftRules, limits = { maxTours: 200_000, maxNodes: 1_000_000, maxExtra: 30 }): OracleResult {
  const R: number[] = [];
  for (let i = 0; i < required.length; i++) if (required[i]! > EPS) R.push(i);
  const need = R.map((i) => required[i]! * gridMin); // in agent-minutes
  const position = new Map(R.map((i, k) => [i, k]));
  const templates = rules.templates;
  const unitShort = rules.understaffingCost === null ? null : (rules.understaffingCost * gridMin) / 60 / gridMin; // per agent-minute short
  const costs = templates.map(personCost);

  // concrete tours, projected on the required intervals (minutes), merged when equal, dominated ones dropped (same template, same cost)
  interface Column {
    template: number;
    cover: number[];
  }
  let enumerated = 0;
  const columns: Column[] = [];
  const usable: boolean[] = templates.map(() => false);
  templates.forEach((t, ti) => {
    // count before listing: a week of wide windows has billions of tours
    const count = oracleDaySets(t, rules.legal).length * oracleStartVectors(t, t.daysPerWeek).length * oracleBreakChoices(t).length ** t.daysPerWeek;
    if (enumerated + count > limits.maxTours) throw new OracleTooBig(`oracle: more than ${limits.maxTours} tours`);
    const tours = oracleTours(rules, ti);
    enumerated += tours.length;
    if (enumerated > limits.maxTours) throw new OracleTooBig(`oracle: more than ${limits.maxTours} tours`);
    if (tours.length > 0) usable[ti] = true;
    const dayCache = new Map<string, Map<number, number>>();
    const seen = new Map<string, number[]>();
    for (const tour of tours) {
      const cover = new Array<number>(R.length).fill(0);
      tour.days.forEach((d, k) => {
        const key = `${d}|${tour.starts[k]}|${tour.breaks[k]!.join(",")}`;
        let m = dayCache.get(key);
        if (m === undefined) dayCache.set(key, (m = dayMinutes(t, d, tour.starts[k]!, tour.breaks[k]!, gridMin)));
        for (const [i, v] of m) {
          const p = position.get(i);
          if (p !== undefined) cover[p]! += v;
        }
      });
      seen.set(cover.join(","), cover);
    }
    const vectors = [...seen.values()];
    const dominated = (a: number[], b: number[]) => a.every((v, k) => v <= b[k]!) && a.some((v, k) => v < b[k]!);
    for (const v of vectors) if (!vectors.some((w) => dominated(v, w))) columns.push({ template: ti, cover: v });
  });

  let nodes = 0;
  const tol = (c: number) => EPS * Math.max(1, Math.abs(c));
  type Best = { cost: number; people: number; perTemplate: number[] };
  const better = (cost: number, people: number, than: Best | null) => than === null || cost < than.cost - tol(than.cost) || (Math.abs(cost - than.cost) <= tol(than.cost) && people < than.people);

  // per interval: the columns that cover it, the most one person covers, the cheapest such person
  const coveringColumns = R.map((_, k) => columns.map((_, j) => j).filter((j) => columns[j]!.cover[k]! > 0));
  const maxCover = R.map((_, k) => Math.max(0, ...coveringColumns[k]!.map((j) => columns[j]!.cover[k]!)));
  const cheapest = R.map((_, k) => Math.min(Infinity, ...coveringColumns[k]!.map((j) => costs[columns[j]!.template]!)));
  // intervals that no one person's tour links are independent
  const component = R.map((_, k) => k);
  const root = (k: number): number => (component[k] === k ? k : (component[k] = root(component[k]!)));
  for (const c of columns) {
    const touched = c.cover.map((v, k) => (v > 0 ? k : -1)).filter((k) => k >= 0);
    for (const k of touched.slice(1)) component[root(k)] = root(touched[0]!);
  }

  // least (cost, people) of extra people per template that make the shares hold
  const completionMemo = new Map<string, { cost: number; people: number; extra: number[] } | null>();
  const complete = (n: number[]) => {
    const key = n.join(",");
    if (completionMemo.has(key)) return completionMemo.get(key)!;
    let found: { cost: number; people: number; extra: number[] } | null = null;
    const extra = templates.map(() => 0);
    const walk = (ti: number) => {
      if (ti === templates.length) {
        const m = n.map((v, k) => v + extra[k]!);
        const N = m.reduce((a, b) => a + b, 0);
        const ok = templates.every((t, k) => {
          if (t.maxCount !== null && m[k]! > t.maxCount) return false;
          if (t.maxShare !== null && m[k]! > t.maxShare * N + EPS) return false;
          if (t.minShare !== null && m[k]! < t.minShare * N - EPS) return false;
          return true;
        });
        if (!ok) return;
        const cost = extra.reduce((a, e, k) => a + e * costs[k]!, 0);
        const people = extra.reduce((a, b) => a + b, 0);
        if (found === null || cost < found.cost - EPS || (Math.abs(cost - found.cost) <= EPS && people < found.people)) found = { cost, people, extra: [...extra] };
        return;
      }
      for (let e = 0; e <= (usable[ti] ? limits.maxExtra : 0); e++) {
        extra[ti] = e;
        walk(ti + 1);
      }
      extra[ti] = 0;
    };
    walk(0);
    completionMemo.set(key, found);
    return found;
  };

  /**
   * Branch and bound over the people of the intervals `ks` (positions in R)
   * with the columns that cover them: the least (cost, people), shortage
   * included; with `shares`, people are then added for the template shares
   * and counts (coupled: `ks` must be every interval).
   *
   * Complete: at each node the still-short interval with the fewest covering
   * tours is either given one more person among those tours or (understaffing
   * priced) left short for good; any optimum M contains the people P of some
   * leaf, and M − P cover nothing still short, so they cost at least the
   * leaf's completion for the shares.
   */
  const branchAndBound = (ks: number[], shares: boolean): Best | null => {
    const perTemplate = templates.map(() => 0);
    const cover = new Array<number>(R.length).fill(0);
    let best: Best | null = null;
    /** States already searched (deficits, people per template, intervals left short) and the (cost, people) they were reached with. */
    const reached = new Map<string, [number, number][]>();
    const search = (cost: number, people: number, abandoned: number) => {
      if (++nodes > limits.maxNodes) throw new OracleTooBig(`oracle: more than ${limits.maxNodes} search nodes`);
      const deficits = ks.map((k) => Math.max(0, need[k]! - cover[k]!));
      // the rest of the search depends only on this state: a state reached before at no more cost and people is done
      const key = `${deficits.map((d) => Math.round(d * 1e6)).join(",")}|${shares ? perTemplate.join(",") : ""}|${abandoned}`;
      const seen = reached.get(key) ?? [];
      if (seen.some(([c, p]) => c <= cost + tol(cost) && p <= people)) return;
      seen.push([cost, people]);
      reached.set(key, seen);

      // lower bound on what is still to pay (adding up over independent intervals); branch on the interval with the fewest tours covering it
      let pick = -1;
      const lbOf = new Map<number, number>();
      ks.forEach((k, at) => {
        if (abandoned & (1 << at)) return;
        const deficit = deficits[at]!;
        if (deficit <= EPS * gridMin) return;
        if (pick < 0 || coveringColumns[k]!.length < coveringColumns[ks[pick]!]!.length) pick = at;
        const persons = maxCover[k]! > 0 ? Math.ceil(deficit / maxCover[k]! - 1e-9) : Infinity;
        let lbk = Infinity;
        if (unitShort === null) lbk = persons * cheapest[k]!;
        else for (let j = 0; j <= Math.min(persons, 1000); j++) lbk = Math.min(lbk, (j === 0 ? 0 : j * cheapest[k]!) + Math.max(0, deficit - j * maxCover[k]!) * unitShort);
        const r = root(k);
        lbOf.set(r, Math.max(lbOf.get(r) ?? 0, lbk));
      });
      let lb = 0;
      for (const v of lbOf.values()) lb += v;
      if (!Number.isFinite(lb)) return;
      if (best !== null) {
        if (cost + lb > best.cost + tol(best.cost)) return;
        if (cost + lb >= best.cost - tol(best.cost) && people >= best.people) return;
      }
      if (pick < 0) {
        const done = shares ? complete(perTemplate) : { cost: 0, people: 0, extra: templates.map(() => 0) };
        if (done === null) return;
        let short = 0;
        if (unitShort !== null) for (const d of deficits) short += d * unitShort;
        const total = cost + done.cost + short;
        if (better(total, people + done.people, best)) best = { cost: total, people: people + done.people, perTemplate: perTemplate.map((v, k) => v + done.extra[k]!) };
        return;
      }
      const k = ks[pick]!;
      const order = [...coveringColumns[k]!].sort((a, b) => columns[b]!.cover[k]! - columns[a]!.cover[k]! || costs[columns[a]!.template]! - costs[columns[b]!.template]! || a - b);
      for (const j of order) {
        const c = columns[j]!;
        const t = templates[c.template]!;
        if (shares && t.maxCount !== null && perTemplate[c.template]! >= t.maxCount) continue;
        perTemplate[c.template]!++;
        c.cover.forEach((v, i) => (cover[i]! += v));
        search(cost + costs[c.template]!, people + 1, abandoned);
        c.cover.forEach((v, i) => (cover[i]! -= v));
        perTemplate[c.template]!--;
      }
      // or leave this interval short (only when understaffing has a price)
      if (unitShort !== null) search(cost, people, abandoned | (1 << pick));
    };
    search(0, 0, 0);
    return best;
  };

  if (R.length > 30) throw new OracleTooBig("oracle: too many intervals with a requirement");
  const coupled = templates.some((t) => t.maxCount !== null || (t.minShare !== null && t.minShare > 0) || (t.maxShare !== null && t.maxShare < 1));
  let result: Best | null;
  if (coupled) result = branchAndBound(R.map((_, k) => k), true);
  else {
    // no shares nor counts: independent intervals are solved apart and add up (their least costs, and their fewest people at those costs)
    result = { cost: 0, people: 0, perTemplate: templates.map(() => 0) };
    for (const r of new Set(R.map((_, k) => root(k)))) {
      const part = branchAndBound(R.map((_, k) => k).filter((k) => root(k) === r), false);
      if (part === null) {
        result = null;
        break;
      }
      result = { cost: result.cost + part.cost, people: result.people + part.people, perTemplate: result.perTemplate.map((v, k) => v + part.perTemplate[k]!) };
    }
  }
  if (result === null) return { feasible: false, tours: enumerated };
  return { feasible: true, cost: result.cost, people: result.people, perTemplate: result.perTemplate, tours: enumerated, nodes };
}
