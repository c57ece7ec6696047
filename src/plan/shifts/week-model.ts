import type { MipModel } from "./mip.js";
import { dayPatterns, distinctBreakOffsets, startBands, startTimes, type DayMask } from "./tour-options.js";
import type { ShiftRules, ShiftTemplate } from "./template.js";
import { spanShares, WEEK_MIN } from "./week-grid.js";

/**
 * The integer programme of one team's week (SPEC 5.4b), in the implicit
 * form of the shift-scheduling literature (days-off and start-band
 * variables linked per day, break placements linked per day and start):
 *
 * - `n[T, p, b]` people on template T, day pattern p, start band b
 *   (cost: days × paid hours × cost per hour; at equal cost fewer people
 *   win: see {@link WeekModel.objective});
 * - `x[T, d, b, s]` of them starting at s on day d: Σₛ x = Σ_{p ∋ d} n;
 * - `z[T, d, s, k, o]` of those starting at s on day d who take break k at
 *   offset o: Σₒ z = Σ_b x[T, d, b, s];
 * - `u[i]` agents short in interval i (only when understaffing has a cost);
 * - coverage: Σ shift shares · x − Σ break shares · z + u ≥ required, for
 *   every interval with a requirement (raised to the next multiple of the
 *   shares' lattice when understaffing has no cost: whole people cannot put
 *   12.37 agents on the floor, only 12.5 or 13);
 * - shares: Σ n[T] ≤ max_share × Σ n (and ≥ min_share ×), Σ n[T] ≤ max_count.
 *
 * Any integer solution decomposes into concrete tours (see
 * {@link decodeWeek}): within a band, each person's starts on different days
 * are free, and break windows do not overlap, so each person's breaks are too.
 */
export interface WeekModel {
  model: MipModel;
  gridMin: number;
  templates: readonly ShiftTemplate[];
  /** Per template: its columns. */
  parts: TemplatePart[];
  /** Column of u[i] per interval (−1: none). */
  shortColumn: Int32Array;
  /**
   * How the objective encodes cost and the tie-break: `exact` — objective =
   * cost ÷ unit × (peopleBound + 1) + people, all whole numbers, so that
   * fewer people win exactly at equal cost and the solver can round its
   * bounds; else objective = cost + tieBreak × people.
   */
  objective: { kind: "exact"; unit: number; peopleBound: number } | { kind: "weighted"; tieBreak: number };
  understaffingCostPerAgentInterval: number;
}

/** The columns of one template. */
export interface TemplatePart {
  template: ShiftTemplate;
  /** Cost of one person's week. */
  tourCost: number;
  starts: number[];
  bands: number[][];
  patterns: DayMask[];
  /** n column of pattern p, band b: `peopleCol[p * bands + b]`. */
  peopleCol: Int32Array;
  /** x column of day d, band b, k-th start of the band: `startCol[d][b][k]`. */
  startCol: number[][][];
  /** Per break: offsets, and z column of day d, start index s, offset o: `breakCol[k][d][s][o]`. */
  breakOffsets: number[][];
  breakCol: number[][][][];
}

/** Problems that make a week impossible to schedule, found before solving. */
export interface Uncoverable {
  /** Interval index in the week. */
  interval: number;
  required: number;
}

/** Builder of a sparse model row by row. */
class Rows {
  lower: number[] = [];
  upper: number[] = [];
  starts: number[] = [0];
  indices: number[] = [];
  values: number[] = [];
  add(entries: Map<number, number> | [number, number][], lower: number, upper: number): void {
    const list = entries instanceof Map ? [...entries] : entries;
    list.sort((a, b) => a[0] - b[0]);
    for (const [c, v] of list) {
      if (v === 0) continue;
      this.indices.push(c);
      this.values.push(v);
    }
    this.starts.push(this.indices.length);
    this.lower.push(lower);
    this.upper.push(upper);
  }
}

/**
 * Build the week's programme.
 *
 * @param required - agents needed on the floor per interval of the week (length 10,080 ÷ gridMin)
 * @param gridMin - interval length, minutes
 * @param rules - templates with their cost per hour resolved
 * @returns the model, or the intervals with a requirement that no shift of any template can cover (when understaffing has no cost)
 */
export function buildWeekModel(
  required: Float64Array,
  gridMin: number,
  rules: ShiftRules,
  /** A larger people bound for the exact objective (see {@link peopleBoundHolds}). */
  peopleBoundAtLeast = 0,
): { ok: true; week: WeekModel } | { ok: false; uncoverable: Uncoverable[] } {
  if (WEEK_MIN % gridMin !== 0 || required.length !== WEEK_MIN / gridMin) throw new RangeError(`buildWeekModel needs one value per ${gridMin}-minute interval of a week, got ${required.length}`);
  const intervals = required.length;
  const cost: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const integer: number[] = [];
  const column = (c: number, lo = 0, hi = Infinity, isInteger = 1): number => {
    cost.push(c);
    lower.push(lo);
    upper.push(hi);
    integer.push(isInteger);
    return cost.length - 1;
  };
  const rows = new Rows();
  /** Coverage row entries per interval: column → coefficient. */
  const cover: Map<number, number>[] = Array.from({ length: intervals }, () => new Map());
  const addCover = (col: number, fromMin: number, toMin: number, sign: number) => {
    for (const [i, share] of spanShares(gridMin, fromMin, toMin)) cover[i]!.set(col, (cover[i]!.get(col) ?? 0) + sign * share);
  };

  const tourCosts = rules.templates.map((t) => t.daysPerWeek * t.paidHours * (t.costPerHour ?? 1));
  /** People columns and their tour's cost: their objective weight is set once the model is known. */
  const peopleColumns: [number, number][] = [];
  const parts: TemplatePart[] = [];
  rules.templates.forEach((t, ti) => {
    const starts = startTimes(t);
    const bands = startBands(t);
    const patterns = dayPatterns(t, rules.legal);
    const peopleCol = new Int32Array(patterns.length * bands.length);
    for (let p = 0; p < patterns.length; p++) {
      for (let b = 0; b < bands.length; b++) {
        const col = column(0);
        peopleCol[p * bands.length + b] = col;
        peopleColumns.push([col, tourCosts[ti]!]);
      }
    }
    const startCol: number[][][] = [];
    for (let d = 0; d < 7; d++) {
      startCol.push(bands.map((band) => band.map(() => column(0))));
    }
    const offsets = t.breaks.map((_, k) => distinctBreakOffsets(t, k, gridMin));
    const breakCol: number[][][][] = offsets.map((os) => Array.from({ length: 7 }, () => starts.map(() => os.map(() => column(0)))));
    parts.push({ template: t, tourCost: tourCosts[ti]!, starts, bands, patterns, peopleCol, startCol, breakOffsets: offsets, breakCol });

    for (let d = 0; d < 7; d++) {
      // a day no pattern works has its columns held at 0 by the linking rows: they cover nothing
      const worked = patterns.some((p) => p & (1 << d));
      for (let b = 0; b < bands.length; b++) {
        // people of band b working day d = those starting at one of the band's times
        const entries: [number, number][] = bands[b]!.map((_, k) => [startCol[d]![b]![k]!, 1]);
        for (let p = 0; p < patterns.length; p++) if (patterns[p]! & (1 << d)) entries.push([peopleCol[p * bands.length + b]!, -1]);
        rows.add(entries, 0, 0);
        if (worked) bands[b]!.forEach((s, k) => addCover(startCol[d]![b]![k]!, d * 1440 + starts[s]!, d * 1440 + starts[s]! + t.lengthMin, 1));
      }
      for (let s = 0; s < starts.length; s++) {
        for (let k = 0; k < t.breaks.length; k++) {
          // everyone starting at s on day d takes break k once, at one of its offsets
          const entries: [number, number][] = offsets[k]!.map((_, o) => [breakCol[k]![d]![s]![o]!, 1]);
          for (let b = 0; b < bands.length; b++) {
            const at = bands[b]!.indexOf(s);
            if (at >= 0) entries.push([startCol[d]![b]![at]!, -1]);
          }
          rows.add(entries, 0, 0);
          if (worked) offsets[k]!.forEach((o, oi) => {
            const from = d * 1440 + starts[s]! + o;
            addCover(breakCol[k]![d]![s]![oi]!, from, from + t.breaks[k]!.lengthMin, -1);
          });
        }
      }
    }
  });

  // Every coverage coefficient is a multiple of 1 / lattice (shift and break edges on a finer step than the
  // grid): whole people put a multiple of it on the floor, so a requirement of 12.37 can be raised to 12.5
  // (lattice 2) without losing any schedule; the LP relaxation is tighter and the search shorter.
  const q = coverageLattice(cover);
  const lattice = rules.understaffingCost === null ? q : 0;
  const shortColumn = new Int32Array(intervals).fill(-1);
  const perInterval = rules.understaffingCost === null ? 0 : (rules.understaffingCost * gridMin) / 60;
  const uncoverable: Uncoverable[] = [];
  for (let i = 0; i < intervals; i++) {
    const need = required[i]!;
    if (!(need > 1e-9)) continue;
    const entries = cover[i]!;
    let reach = false;
    for (const v of entries.values()) if (v > 1e-12) reach = true;
    if (rules.understaffingCost !== null) {
      shortColumn[i] = column(perInterval, 0, Infinity, 0);
      entries.set(shortColumn[i]!, 1);
    } else if (!reach) {
      uncoverable.push({ interval: i, required: need });
      continue;
    }
    // a hair below the requirement: 10.000000001 agents from a division is 10 agents
    rows.add(entries, lattice > 0 ? Math.ceil(need * lattice - 1e-7) / lattice : need - 1e-7, Infinity);
  }
  if (uncoverable.length > 0) return { ok: false, uncoverable };

  // the objective: cost first, then fewer people (see WeekModel.objective)
  // Priced understaffing is a continuous cost: no whole-number encoding ranks it against people; there a
  // small weight on people breaks ties (and the same with a template's cost not in whole cents).
  const unit = rules.understaffingCost === null ? costUnit(tourCosts) : 0;
  const minShares = rules.templates.reduce((n, t) => n + (t.minShare ?? 0), 0);
  let objective: WeekModel["objective"];
  if (unit > 0 && q > 0 && minShares < 1) {
    // In a least-cost schedule each person is needed: in some interval i (where at most q × required + 1
    // people can be), or for a template's min share (then at most (needed + templates) ÷ (1 − Σ min shares)).
    // A max share can force others in beyond that: the bound is checked against the schedule found (peopleBoundHolds).
    let needed = 0;
    for (let i = 0; i < intervals; i++) if (required[i]! > 1e-9) needed += Math.ceil(q * required[i]! - 1e-7) + 1;
    const peopleBound = Math.max(peopleBoundAtLeast, Math.ceil((needed + rules.templates.length) / (1 - minShares)));
    objective = { kind: "exact", unit, peopleBound };
    for (const [col, c] of peopleColumns) cost[col] = Math.round(c / unit) * (peopleBound + 1) + 1;
    for (const col of shortColumn) if (col >= 0) cost[col] = (perInterval / unit) * (peopleBound + 1);
  } else {
    // a person weighs 10⁻⁵ of the cheapest tour (10⁻⁴ without priced understaffing): less than any cost
    // difference a schedule can make in practice, more than the solver's tolerances
    const tieBreak = (rules.understaffingCost === null ? 1e-4 : 1e-5) * Math.max(1e-3, Math.min(...tourCosts));
    objective = { kind: "weighted", tieBreak };
    for (const [col, c] of peopleColumns) cost[col] = c + tieBreak;
  }

  // shares of the team's people, and counts
  const everyone: [number, number][] = parts.flatMap((part) => [...part.peopleCol].map((c): [number, number] => [c, 1]));
  for (const part of parts) {
    const t = part.template;
    const own = new Set(part.peopleCol);
    const shareRow = (share: number): [number, number][] => everyone.map(([c]) => [c, (own.has(c) ? 1 : 0) - share]);
    if (t.maxShare !== null && t.maxShare < 1) rows.add(shareRow(t.maxShare), -Infinity, 0);
    if (t.minShare !== null && t.minShare > 0) rows.add(shareRow(t.minShare), 0, Infinity);
    if (t.maxCount !== null) rows.add([...part.peopleCol].map((c): [number, number] => [c, 1]), -Infinity, t.maxCount);
  }

  const model: MipModel = {
    numCols: cost.length,
    numRows: rows.lower.length,
    colCost: Float64Array.from(cost),
    colLower: Float64Array.from(lower),
    colUpper: Float64Array.from(upper),
    integrality: Int32Array.from(integer),
    rowLower: Float64Array.from(rows.lower),
    rowUpper: Float64Array.from(rows.upper),
    starts: Int32Array.from(rows.starts),
    indices: Int32Array.from(rows.indices),
    values: Float64Array.from(rows.values),
  };
  return { ok: true, week: { model, gridMin, templates: rules.templates, parts, shortColumn, objective, understaffingCostPerAgentInterval: perInterval } };
}


/**
 * A lower bound of the cost (tours plus understaffing) from a lower bound of
 * the objective proven by the solver.
 */
export function costBound(week: WeekModel, objectiveBound: number): number {
  const o = week.objective;
  if (!Number.isFinite(objectiveBound)) return objectiveBound;
  if (o.kind === "weighted") return objectiveBound; // the tie-break is at most 10⁻⁴ of a tour a person
  const bound = ((objectiveBound - o.peopleBound) * o.unit) / (o.peopleBound + 1);
  // without understaffing the cost is a multiple of the unit
  const priced = week.shortColumn.some((c) => c >= 0);
  return Math.max(0, priced ? bound : o.unit * Math.ceil(bound / o.unit - 1e-9));
}

/**
 * Whether the exact objective ranked the schedule found correctly: any
 * cheaper schedule has at most cost ÷ (cheapest tour) people, and the
 * encoding ranks cost first for schedules of up to `peopleBound` people.
 * @returns true, or the people bound to build the model again with
 */
export function peopleBoundHolds(week: WeekModel, cost: number): true | number {
  if (week.objective.kind !== "exact") return true;
  const cheapest = Math.min(...week.parts.map((p) => p.tourCost));
  const most = Math.floor(cost / cheapest + 1e-9);
  return most <= week.objective.peopleBound ? true : most;
}

/** The largest amount every tour's cost is a whole multiple of, to the cent (0 when there is none, or a tour is free). */
function costUnit(costs: readonly number[]): number {
  let g = 0;
  for (const c of costs) {
    const cents = Math.round(c * 100);
    if (cents <= 0 || Math.abs(c * 100 - cents) > 1e-6 || cents > 1e12) return 0;
    let a = g;
    let b = cents;
    while (b !== 0) [a, b] = [b, a % b];
    g = a;
  }
  return g / 100;
}

/** The smallest q ≤ 120 such that every coverage coefficient × q is whole (0 when there is none). */
function coverageLattice(cover: readonly Map<number, number>[]): number {
  const values = new Set<number>();
  for (const row of cover) for (const v of row.values()) values.add(Math.abs(v));
  for (let q = 1; q <= 120; q++) {
    let whole = true;
    for (const v of values) {
      if (Math.abs(v * q - Math.round(v * q)) > 1e-9) {
        whole = false;
        break;
      }
    }
    if (whole) return q;
  }
  return 0;
}
