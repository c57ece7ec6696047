import { tautSlopes, tautStringInto } from "./taut-string.js";

/** Work already waiting when a run of intervals opens (carried in), or still waiting when it closes (carried out). */
export interface CarriedWork {
  /** Items waiting. */
  items: number;
  /** Handle time of each, seconds. */
  ahtSec: number;
  /**
   * The open interval by whose end the items are due, counted from the first
   * open interval of the run they are carried into (0 = the first; a value
   * ≤ 0 means due in the first open interval: already overdue or due now).
   */
  dueSlot: number;
  /** When they arrived, minutes relative to the start of the run they are carried into (≤ 0). */
  arrivedMin: number;
}

/** One deferred-work queue (email, mail, forms, social) over a run of intervals. */
export interface DeadlineQueue {
  /** Calendar interval length, minutes. */
  intervalMin: number;
  /** Per calendar interval: whether agents can work (opening hours). */
  open: ArrayLike<boolean>;
  /** Items arriving in each calendar interval. */
  items: ArrayLike<number>;
  /** Handle time per item, seconds: one value, or one per interval. */
  ahtSec: number | ArrayLike<number>;
  /** Answer deadline, seconds of **open** time (business hours) after arrival. */
  deadlineSec: number;
  /** Share of logged-in time spent on items (async occupancy), (0, 1]; default 1. */
  maxOccupancy?: number | undefined;
  /**
   * The intervals are one period of a repeating pattern (a typical week):
   * the period's work left at its end is carried into its start (steady
   * state), and the profile does exactly one period's work. The amount
   * carried is chosen to make the peak lowest. Default false: an open run
   * that starts with `carriedIn` and ends having done only what is due.
   */
  repeats?: boolean | undefined;
  /** Open run only: work waiting at its start (e.g. a previous week's backlog), oldest first. */
  carriedIn?: readonly CarriedWork[] | undefined;
  /**
   * Open run only: the work (agent-seconds) to leave waiting at the end, e.g.
   * the last week's own steady-state backlog so that the run ends as it
   * would go on. Clamped to what may wait (no item late, none done before it
   * arrives). Default: everything not yet due (the lowest peak).
   */
  leaveWorkSec?: number | undefined;
}

/** The staffing of a deferred-work queue, per calendar interval. */
export interface DeadlineStaffing {
  /** Agents to log in (fractional; 0 when closed). */
  agents: number[];
  /** Work done, agent-seconds. */
  workSec: number[];
  /** Items waiting at the end of the interval, for a team working first in, first out at the planned capacity. */
  backlogItems: number[];
  /** Age of the oldest waiting item at the end of the interval, minutes (0 when none waits). */
  oldestAgeMin: number[];
  /** Open intervals an item may wait (whole intervals of the deadline, at least 0). */
  deadlineSlots: number;
  /** What is still waiting at the end, oldest first, in the next run's terms (repeating: what the period carries into its own start). */
  carriedOut: CarriedWork[];
  /** Items waiting at the end (Σ carriedOut). */
  endBacklogItems: number;
  /** Work waiting at the end, agent-seconds. */
  endBacklogWorkSec: number;
  /** Items that no open interval can ever work (a queue that is never open). */
  neverWorkedItems: number;
}

/**
 * {@link DeadlineStaffing} with its per-interval figures in columns that the
 * next call on the same thread overwrites (see {@link deadlineStaffingColumns}).
 */
export interface DeadlineStaffingColumns extends Omit<DeadlineStaffing, "agents" | "workSec" | "backlogItems" | "oldestAgeMin"> {
  agents: Float64Array;
  workSec: Float64Array;
  backlogItems: Float64Array;
  oldestAgeMin: Float64Array;
}

const EPSILON_ITEMS = 1e-9;

/** A batch of items in arrival order. */
interface Batch {
  items: number;
  aht: number;
  /** Arrival, minutes from the start of the run. */
  arrivedMin: number;
  /** Open interval by whose end it is due (this run's open-slot index; may be beyond the run). */
  due: number;
  /** Open slot from which it may be worked (−1: before the run). */
  from: number;
}

/**
 * Deadline staffing (SPEC 5.2): the lowest staffing peak that leaves no item
 * late, with the backlog simulated interval by interval.
 *
 * Model, on the open intervals ("slots") only (the deadline clock runs in
 * business time, as service-level agreements for email and mail usually do),
 * with D = ⌊deadline ÷ interval⌋ whole slots (a deadline between two
 * multiples is rounded down: never later than the true deadline):
 * - items that arrive while the queue is open arrive evenly through their
 *   slot and may be worked from it; those arriving in slot s are due evenly
 *   through slot s + D, i.e. all by its end (fluid model: with work done at
 *   a steady rate within a slot, checking slot ends is exact);
 * - items that arrive while closed wait for the next opening and are due by
 *   the end of slot (opening + D − 1), D open slots after the opening;
 * - a deadline shorter than one interval (D = 0): due by the end of the slot
 *   they can first be worked in;
 * - the cumulative work done stays between the work due and the work
 *   arrived; among all such profiles the taut string ({@link tautString}) has
 *   the lowest peak and is the most level;
 * - an open run (default) starts with `carriedIn` and ends having done only
 *   what is due: ending with less done never raises the peak (cap any
 *   profile at the work due: its steps only shrink), so this is the lowest
 *   peak; what is left is `carriedOut`. With `leaveWorkSec` it ends leaving
 *   that much instead (the lowest peak that does);
 * - a repeating period (`repeats`) carries the last C agent-seconds of its
 *   arrivals into its own start (items that arrive after its last opening
 *   always). C is free between 0 and all the work not yet due at the end;
 *   the peak is a convex function of C (the feasible set of (C, profile) is
 *   a polyhedron), so C is found by golden-section search for the lowest
 *   peak, then, among equal peaks, the most level profile;
 * - agents = work ÷ interval ÷ maxOccupancy; the backlog and the oldest
 *   item's age are those of a team working first in, first out at that
 *   capacity (which with one deadline is earliest-deadline-first).
 *
 * @param queue - calendar intervals with opening flags, arrivals, AHT (s) and the deadline (s of open time)
 * @returns agents, work (agent-s), backlog (items) and oldest age (min) per calendar interval; the work left at the end
 * @throws RangeError for lengths that differ or values out of range
 * @example
 * deadlineStaffing({ intervalMin: 60, open: [true, true, true, true], items: [10, 0, 0, 0], ahtSec: 360, deadlineSec: 4 * 3600 }).agents;
 * // [0.25, 0.25, 0.25, 0.25]
 */
export function deadlineStaffing(queue: DeadlineQueue): DeadlineStaffing {
  const s = deadlineStaffingColumns(queue);
  return { ...s, agents: Array.from(s.agents), workSec: Array.from(s.workSec), backlogItems: Array.from(s.backlogItems), oldestAgeMin: Array.from(s.oldestAgeMin) };
}

/**
 * {@link deadlineStaffing} without an array per call: the same figures, its
 * four per-interval columns being views of buffers that this thread's next
 * call overwrites (read them, or copy them, before calling again). For a
 * plan that staffs a hundred deferred queues of a year each: every call's
 * columns would otherwise be ~35,000 numbers each, garbage at once but too
 * big for the young generation.
 *
 * @param queue - as for {@link deadlineStaffing}
 * @returns as {@link deadlineStaffing}, the columns valid until the next call
 * @throws RangeError as {@link deadlineStaffing} does
 */
export function deadlineStaffingColumns(queue: DeadlineQueue): DeadlineStaffingColumns {
  const { intervalMin, open, items, deadlineSec } = queue;
  const n = items.length;
  const occupancy = queue.maxOccupancy ?? 1;
  if (open.length !== n) throw new RangeError(`deadlineStaffing needs one opening flag per interval, got ${open.length} for ${n}`);
  if (typeof queue.ahtSec !== "number" && queue.ahtSec.length !== n) {
    throw new RangeError(`deadlineStaffing needs one AHT per interval, got ${queue.ahtSec.length} for ${n}`);
  }
  if (!(intervalMin > 0)) throw new RangeError(`deadlineStaffing needs intervalMin > 0, got ${intervalMin}`);
  if (!(deadlineSec > 0)) throw new RangeError(`deadlineStaffing needs deadlineSec > 0, got ${deadlineSec}`);
  if (!(occupancy > 0 && occupancy <= 1)) throw new RangeError(`deadlineStaffing needs maxOccupancy in (0, 1], got ${occupancy}`);
  if (queue.repeats === true && queue.carriedIn !== undefined && queue.carriedIn.length > 0) {
    throw new RangeError("deadlineStaffing takes carriedIn only for an open run (repeats: false)");
  }
  const aht = (t: number) => (typeof queue.ahtSec === "number" ? queue.ahtSec : queue.ahtSec[t]!);
  for (let t = 0; t < n; t++) {
    if (!(items[t]! >= 0)) throw new RangeError(`deadlineStaffing needs items >= 0, got ${items[t]} at ${t}`);
    if (!(aht(t) > 0)) throw new RangeError(`deadlineStaffing needs ahtSec > 0, got ${aht(t)} at ${t}`);
  }
  const intervalSec = intervalMin * 60;
  const slots = Math.floor(deadlineSec / intervalSec + 1e-9);
  const duringLag = slots; // arrived evenly through slot s: due by the end of s + D
  const openingLag = Math.max(0, slots - 1); // waiting at the opening of slot s: due by the end of s + D − 1
  for (const c of queue.carriedIn ?? []) {
    // work that waits before the run arrived before any of it: due no later than what waits at the first opening
    if (!(c.items >= 0 && c.ahtSec > 0 && Number.isFinite(c.dueSlot) && c.dueSlot <= openingLag && c.arrivedMin <= 0)) {
      throw new RangeError(`deadlineStaffing needs carried work with items >= 0, ahtSec > 0, dueSlot <= ${openingLag} and arrivedMin <= 0, got ${JSON.stringify(c)}`);
    }
  }

  // Slots, and the batches in arrival order as columns (no object per interval: a year of a queue is
  // ~35,000 of them): [wrapped (repeating: the tail, one period earlier)] [regular] [tail].
  const slotOf = scratchInt32(n).fill(-1);
  let m = 0;
  for (let t = 0; t < n; t++) if (open[t]) slotOf[t] = m++;
  let arrivalsCount = 0;
  for (let t = 0; t < n; t++) if (items[t]! > 0) arrivalsCount++;
  const cap = 2 * arrivalsCount; // room for the wrapped copies
  const bItems = scratchFloat64(B_ITEMS, cap);
  const bAht = scratchFloat64(B_AHT, cap);
  const bArrived = scratchFloat64(B_ARRIVED, cap);
  const bDue = scratchFloat64(B_DUE, cap);
  const bFrom = scratchFloat64(B_FROM, cap);
  // the arrivals go after room for the wrapped ones; moved down once their number is known
  let end = arrivalsCount;
  let firstTail = -1; // arrived after the last opening
  let nextSlot = 0;
  for (let t = 0; t < n; t++) {
    if (open[t]) nextSlot = slotOf[t]! + 1;
    if (!(items[t]! > 0)) continue;
    bItems[end] = items[t]!;
    bAht[end] = aht(t);
    bArrived[end] = t * intervalMin;
    if (open[t]) {
      bDue[end] = slotOf[t]! + duringLag;
      bFrom[end] = slotOf[t]!;
    } else {
      bDue[end] = nextSlot + openingLag;
      bFrom[end] = nextSlot;
    }
    if (firstTail < 0 && bFrom[end]! >= m) firstTail = end;
    end++;
  }
  const tailCount = firstTail < 0 ? 0 : end - firstTail;
  const carried: Batch[] = [];
  const wrappedCount = m > 0 && queue.repeats === true ? tailCount : 0;
  // [bStart, bEnd): the batches worked in the run's slots (wrapped, then regular); [bEnd, end): the tail
  const bStart = arrivalsCount - wrappedCount;
  const bEnd = end - tailCount;
  let neverWorkedItems = 0;
  if (m === 0) {
    for (let k = arrivalsCount; k < end; k++) neverWorkedItems += bItems[k]!;
    for (const c of queue.carriedIn ?? []) neverWorkedItems += c.items;
  } else if (queue.repeats === true) {
    // the items after the last opening come round to the first opening, one period later
    for (let k = 0; k < tailCount; k++) {
      const from = bEnd + k;
      const to = bStart + k;
      bItems[to] = bItems[from]!;
      bAht[to] = bAht[from]!;
      bArrived[to] = bArrived[from]! - n * intervalMin;
      bDue[to] = openingLag;
      bFrom[to] = 0;
    }
  } else {
    for (const c of queue.carriedIn ?? []) {
      if (c.items > 0) carried.push({ items: c.items, aht: c.ahtSec, arrivedMin: c.arrivedMin, due: Math.max(0, c.dueSlot), from: -1 });
    }
  }

  // Work per slot becoming available and falling due.
  const arrives = scratchFloat64(ARRIVES, m);
  const dueAt = scratchFloat64(DUE_AT, m);
  for (let k = bStart; k < bEnd; k++) {
    const w = bItems[k]! * bAht[k]!;
    const from = bFrom[k]!;
    const dueK = bDue[k]!;
    arrives[from] = arrives[from]! + w;
    if (dueK < m) dueAt[dueK] = dueAt[dueK]! + w;
  }
  let carriedWork = 0;
  for (const c of carried) {
    const w = c.items * c.aht;
    carriedWork += w;
    if (c.due < m) dueAt[c.due] = dueAt[c.due]! + w;
  }
  const arrived = cumulative(arrives, scratchFloat64(ARRIVED, m));
  const due = cumulative(dueAt, scratchFloat64(DUE, m));

  let work: ArrayLike<number> = [];
  if (m > 0 && queue.repeats === true) {
    const periodWork = arrived[m - 1]!;
    // the work that may be carried: due after the period (a suffix of the batches, deadlines rise with arrival)
    let carryMax = 0;
    for (let k = bStart; k < bEnd; k++) if (bDue[k]! >= m) carryMax += bItems[k]! * bAht[k]!;
    // the carry-able work from the end of the period, and its due slot in the next period
    const carryWork: number[] = [];
    const carryDue: number[] = [];
    for (let k = bEnd - 1; k >= bStart && bDue[k]! >= m; k--) {
      carryWork.push(bItems[k]! * bAht[k]!);
      carryDue.push(bDue[k]! - m);
    }
    // one corridor per carry, in arrays reused by every profile the search tries
    const lo = scratchFloat64(LO, m + 1);
    const hi = scratchFloat64(HI, m + 1);
    const carriedDue = scratchFloat64(CARRIED_DUE, m);
    const slopes = scratchFloat64(SLOPES, m);
    const profile = (carry: number): Float64Array => {
      carriedDue.fill(0);
      let left = carry;
      for (let k = 0; k < carryWork.length && left > 0; k++) {
        const w = Math.min(left, carryWork[k]!);
        left -= w;
        if (carryDue[k]! < m) carriedDue[carryDue[k]!]! += w;
      }
      let dueCarried = 0;
      for (let j = 0; j < m - 1; j++) {
        dueCarried += carriedDue[j]!;
        lo[j + 1] = due[j]! + dueCarried;
        hi[j + 1] = arrived[j]! + carry;
      }
      // the end: exactly one period's work (within rounding of the bounds)
      lo[m] = periodWork;
      hi[m] = periodWork;
      tautSlopes(lo, hi, m, slopes);
      return slopes;
    };
    const best = lowestPeakCarry(profile, carryMax);
    work = profile(best);
    // the carried-in batches: the last `best` agent-seconds of the period, one period earlier
    let left = best;
    for (let k = bEnd - 1; k >= bStart && left > 1e-12 * Math.max(1, carryMax); k--) {
      const w = Math.min(left, bItems[k]! * bAht[k]!);
      left -= w;
      carried.unshift({ items: w / bAht[k]!, aht: bAht[k]!, arrivedMin: bArrived[k]! - n * intervalMin, due: Math.max(0, bDue[k]! - m), from: -1 });
    }
  } else if (m > 0) {
    const upper = scratchFloat64(UPPER, m);
    for (let k = 0; k < m; k++) upper[k] = arrived[k]! + carriedWork;
    // what arrives after the last opening waits anyway: leave the rest of `leaveWorkSec` from the open slots' work
    let afterLastOpening = 0;
    for (let k = bEnd; k < end; k++) afterLastOpening += bItems[k]! * bAht[k]!;
    const leave = queue.leaveWorkSec === undefined ? undefined : Math.max(0, queue.leaveWorkSec - afterLastOpening);
    const last = leave === undefined ? due[m - 1]! : Math.min(upper[m - 1]!, Math.max(due[m - 1]!, upper[m - 1]! - leave));
    const slopes = scratchFloat64(SLOPES, m);
    tautStringInto(due, upper, last, scratchFloat64(LO, m + 1), scratchFloat64(HI, m + 1), slopes);
    work = slopes;
  }

  // Calendar view and the first-in, first-out backlog at the planned capacity.
  const agents = scratchFloat64(AGENTS, n);
  const workSec = scratchFloat64(WORK_SEC, n);
  const backlogItems = scratchFloat64(BACKLOG_ITEMS, n);
  const oldestAgeMin = scratchFloat64(OLDEST_AGE_MIN, n);
  // the queue, oldest first: carried-in work, (repeating) the previous period's after-hours arrivals, then
  // this run's arrivals (regular and tail) as they come; [0, next) has arrived, [head, next) waits
  const c0 = carried.length;
  const total = c0 + (end - bStart);
  const qItems = scratchFloat64(Q_ITEMS, total);
  const qAht = scratchFloat64(Q_AHT, total);
  const qArrived = scratchFloat64(Q_ARRIVED, total);
  const qDue = scratchFloat64(Q_DUE, total);
  for (let k = 0; k < c0; k++) {
    const c = carried[k]!;
    qItems[k] = c.items;
    qAht[k] = c.aht;
    qArrived[k] = c.arrivedMin;
    qDue[k] = c.due;
  }
  qItems.set(bItems.subarray(bStart, end), c0);
  qAht.set(bAht.subarray(bStart, end), c0);
  qArrived.set(bArrived.subarray(bStart, end), c0);
  qDue.set(bDue.subarray(bStart, end), c0);
  let next = c0 + wrappedCount;
  let waitingItems = 0;
  for (let k = 0; k < next; k++) waitingItems += qItems[k]!;
  let head = 0;
  for (let t = 0; t < n; t++) {
    while (next < total && qArrived[next] === t * intervalMin) waitingItems += qItems[next++]!;
    if (open[t]) {
      const done = Math.max(0, work[slotOf[t]!]!);
      workSec[t] = done;
      agents[t] = done / intervalSec / occupancy;
      let budget = done;
      while (head < next && budget > 0) {
        const a = qAht[head]!;
        const left = qItems[head]!;
        const can = budget / a;
        if (can >= left - EPSILON_ITEMS) {
          budget -= left * a;
          waitingItems -= left;
          head++;
        } else {
          qItems[head] = left - can;
          waitingItems -= can;
          budget = 0;
        }
      }
    }
    backlogItems[t] = Math.max(0, waitingItems);
    oldestAgeMin[t] = head < next ? (t + 1) * intervalMin - qArrived[head]! : 0;
  }
  // What waits at the end, in the next run's terms (a repeating period: what it carries into its own start).
  const carriedOut: CarriedWork[] = [];
  let endBacklogWorkSec = 0;
  if (m > 0) {
    for (let k = head; k < next; k++) {
      const left = qItems[k]!;
      if (!(left > EPSILON_ITEMS)) continue;
      carriedOut.push({ items: left, ahtSec: qAht[k]!, dueSlot: qDue[k]! - m, arrivedMin: qArrived[k]! - n * intervalMin });
      endBacklogWorkSec += left * qAht[k]!;
    }
  }
  return {
    agents,
    workSec,
    backlogItems,
    oldestAgeMin,
    deadlineSlots: slots,
    carriedOut,
    endBacklogItems: carriedOut.reduce((s, c) => s + c.items, 0),
    endBacklogWorkSec,
    neverWorkedItems,
  };
}

// Scratch columns of deadlineStaffing, reused by every call (a thread runs one
// call at a time; only deadlineStaffingColumns returns some, its four
// results): a year of a queue's intervals is ~35,000, and a plan staffs up to
// a hundred deferred queues, each needing a dozen such typed arrays, whose
// memory each planning thread's C memory pool would keep. Measured when the
// first dozen became scratch: compare of a year × 6 scenarios on two threads
// peaked at 448–463 MB with them, 460–480 MB without; making the results and
// running sums scratch too took it to 430 MB (see the README's Performance).
const B_ITEMS = 0;
const B_AHT = 1;
const B_ARRIVED = 2;
const B_DUE = 3;
const B_FROM = 4;
const LO = 5;
const HI = 6;
const CARRIED_DUE = 7;
const SLOPES = 8;
const Q_ITEMS = 9;
const Q_AHT = 10;
const Q_ARRIVED = 11;
const Q_DUE = 12;
const ARRIVES = 13;
const DUE_AT = 14;
const ARRIVED = 15;
const DUE = 16;
const UPPER = 17;
/** deadlineStaffingColumns' results. */
const AGENTS = 18;
const WORK_SEC = 19;
const BACKLOG_ITEMS = 20;
const OLDEST_AGE_MIN = 21;
const float64Scratch: Float64Array[] = [];
let int32Scratch = new Int32Array(0);

/** Scratch column `slot` at length n, all zeros (a view of a reused buffer, grown as needed). */
function scratchFloat64(slot: number, n: number): Float64Array {
  let buffer = float64Scratch[slot];
  if (buffer === undefined || buffer.length < n) float64Scratch[slot] = buffer = new Float64Array(Math.max(n, 2 * (buffer?.length ?? 0)));
  return buffer.subarray(0, n).fill(0);
}

/** The Int32 scratch column at length n (its values as left: the caller fills it). */
function scratchInt32(n: number): Int32Array {
  if (int32Scratch.length < n) int32Scratch = new Int32Array(Math.max(n, 2 * int32Scratch.length));
  return int32Scratch.subarray(0, n);
}

/** Running sums of `values` into `out` (as long), returned. */
function cumulative(values: ArrayLike<number>, out: Float64Array): Float64Array {
  let sum = 0;
  for (let k = 0; k < values.length; k++) out[k] = sum += values[k]!;
  return out;
}

function peakOf(work: ArrayLike<number>): number {
  let peak = 0;
  for (let k = 0; k < work.length; k++) if (work[k]! > peak) peak = work[k]!;
  return peak;
}

function squares(work: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < work.length; k++) s += work[k]! * work[k]!;
  return s;
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** Golden-section search of a convex function on [lo, hi]: the argument of its minimum. */
function goldenMin(f: (x: number) => number, lo: number, hi: number, steps: number): number {
  let a = lo;
  let b = hi;
  let c = b - GOLDEN * (b - a);
  let d = a + GOLDEN * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let k = 0; k < steps && b - a > 0; k++) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - GOLDEN * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + GOLDEN * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

/**
 * The carry of a repeating period with the lowest peak, then (among carries
 * whose peak is within rounding of it) the most level profile. Both the
 * peak and the sum of squares are convex in the carry. About 50 profiles
 * when the lowest peak has one carry; up to ~160 when a range of carries
 * shares it.
 */
function lowestPeakCarry(profile: (carry: number) => ArrayLike<number>, carryMax: number): number {
  if (!(carryMax > 0)) return 0;
  const peak = (c: number) => peakOf(profile(c));
  const atBest = goldenMin(peak, 0, carryMax, 52); // 0.618^52 ≈ 1.4e-11 of the range
  let start = atBest;
  let bestPeak = peak(atBest);
  for (const c of [0, carryMax]) {
    const p = peak(c);
    if (p < bestPeak) [start, bestPeak] = [c, p];
  }
  const tolerance = bestPeak * 1e-12 + 1e-12;
  const within = (c: number) => peak(c) <= bestPeak + tolerance;
  // the carries within the lowest peak form an interval around `start` (convexity): is it more than a point?
  const probe = carryMax * 1e-9;
  const below = start - probe >= 0 && within(start - probe);
  const above = start + probe <= carryMax && within(start + probe);
  if (!below && !above) return start;
  const edge = (outside: number) => {
    if (within(outside)) return outside;
    let inside = start;
    let out = outside;
    for (let k = 0; k < 36 && Math.abs(out - inside) > probe; k++) {
      const mid = (inside + out) / 2;
      if (within(mid)) inside = mid;
      else out = mid;
    }
    return inside;
  };
  const lo = below ? edge(0) : start;
  const hi = above ? edge(carryMax) : start;
  if (!(hi > lo)) return start;
  return goldenMin((c) => squares(profile(c)), lo, hi, 40);
}
