import { tautString } from "./taut-string.js";

/** One deferred-work queue (email, mail, forms, social) over a run of intervals. */
export interface DeadlineQueue {
  /** Calendar interval length, minutes. */
  intervalMin: number;
  /** Per calendar interval: whether agents can work (opening hours). */
  open: readonly boolean[];
  /** Items arriving in each calendar interval. */
  items: readonly number[];
  /** Handle time per item, seconds: one value, or one per interval. */
  ahtSec: number | readonly number[];
  /** Answer deadline, seconds of **open** time (business hours) after arrival. */
  deadlineSec: number;
  /** Share of logged-in time spent on items (async occupancy), (0, 1]; default 1. */
  maxOccupancy?: number | undefined;
  /**
   * The intervals are one period of a repeating pattern (a typical week):
   * work left at the end because it is due later (and what arrives after the
   * last opening) is carried into the start, so the profile is the steady
   * state and does exactly one period's work. Default false: the horizon
   * starts empty and ends with only what is due done.
   */
  repeats?: boolean | undefined;
}

/** The staffing of a deferred-work queue, per calendar interval. */
export interface DeadlineStaffing {
  /** Agents to log in (fractional; 0 when closed). */
  agents: number[];
  /** Work done, agent-seconds. */
  workSec: number[];
  /** Items waiting at the end of the interval. */
  backlogItems: number[];
  /** Age of the oldest waiting item at the end of the interval, minutes (0 when none waits). */
  oldestAgeMin: number[];
  /** Items that arrive after the last open interval and so wait beyond the horizon. */
  itemsAfterLastOpening: number;
  /** Open intervals an item may wait after the one it is worked from: ⌊deadline / interval⌋ − 1 (at least 0). */
  slackIntervals: number;
}

const EPSILON_ITEMS = 1e-9;

/**
 * Deadline staffing (SPEC 5.2): the lowest staffing profile that leaves no
 * item late, with the backlog simulated interval by interval.
 *
 * Model, on the open intervals only (the deadline clock runs in business
 * time, as service-level agreements for email and mail usually do):
 * - an item arriving in an open interval can be worked from that interval
 *   on; one arriving while closed, from the next opening;
 * - it is due by the end of the open interval ⌊deadline / interval⌋ − 1
 *   after it (the same one when the deadline is shorter than an interval) —
 *   never later than its true deadline, whenever in the interval it came;
 * - the cumulative work done must stay between the work due and the work
 *   arrived; the profile is the taut string between them ({@link tautString}):
 *   the lowest possible peak and the most level staffing, doing by the end
 *   only what is due (the rest is the backlog carried beyond the horizon);
 * - agents = work / interval / maxOccupancy; items are worked first in,
 *   first out, which with one deadline is earliest-deadline-first, so the
 *   simulated backlog never holds a late item.
 *
 * @param queue - calendar intervals with opening flags, arrivals, AHT (s) and the deadline (s of open time)
 * @returns agents, work (agent-s), backlog (items) and oldest age (min) per calendar interval
 * @throws RangeError for lengths that differ or values out of range
 * @example
 * deadlineStaffing({ intervalMin: 60, open: [true, true, true, true], items: [10, 0, 0, 0], ahtSec: 360, deadlineSec: 4 * 3600 }).agents;
 * // [0.25, 0.25, 0.25, 0.25]
 */
export function deadlineStaffing(queue: DeadlineQueue): DeadlineStaffing {
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
  const aht = (t: number) => (typeof queue.ahtSec === "number" ? queue.ahtSec : queue.ahtSec[t]!);
  for (let t = 0; t < n; t++) {
    if (!(items[t]! >= 0)) throw new RangeError(`deadlineStaffing needs items >= 0, got ${items[t]} at ${t}`);
    if (!(aht(t) > 0)) throw new RangeError(`deadlineStaffing needs ahtSec > 0, got ${aht(t)} at ${t}`);
  }
  const intervalSec = intervalMin * 60;
  const slack = Math.max(0, Math.floor(deadlineSec / intervalSec) - 1);

  // Work per open slot (items arriving while closed join the next opening).
  const slotOf = new Array<number>(n);
  const slotWork: number[] = [];
  const slotInterval: number[] = [];
  let pendingWork = 0;
  let afterLast = 0;
  for (let t = 0; t < n; t++) {
    pendingWork += items[t]! * aht(t);
    if (open[t]) {
      slotOf[t] = slotWork.length;
      slotWork.push(pendingWork);
      slotInterval.push(t);
      pendingWork = 0;
    } else {
      slotOf[t] = -1;
    }
  }
  for (let t = n - 1; t >= 0 && !open[t]; t--) afterLast += items[t]!;

  const m = slotWork.length;
  const upper: number[] = new Array(m);
  const lower: number[] = new Array(m);
  let arrived = 0;
  for (let j = 0; j < m; j++) {
    arrived += slotWork[j]!;
    upper[j] = arrived;
  }
  for (let j = 0; j < m; j++) lower[j] = j - slack >= 0 ? upper[j - slack]! : 0;

  // Repeating pattern: the work this period leaves at its end (due in the
  // next one, or arriving after its last opening) comes in at its start.
  const repeats = queue.repeats === true && m > 0;
  const carryDue = new Array<number>(m).fill(0); // carried-in work due by the end of slot j
  let carried = 0;
  if (repeats) {
    for (let j = Math.max(0, m - slack); j < m; j++) {
      const due = Math.min(m - 1, j + slack - m);
      carryDue[due] = carryDue[due]! + slotWork[j]!;
      carried += slotWork[j]!;
    }
    const closedTail = pendingWork; // arrived after the last opening
    carryDue[Math.min(m - 1, slack)] = carryDue[Math.min(m - 1, slack)]! + closedTail;
    carried += closedTail;
    let dueSoFar = 0;
    for (let j = 0; j < m; j++) {
      dueSoFar += carryDue[j]!;
      upper[j] = upper[j]! + carried;
      lower[j] = lower[j]! + dueSoFar;
    }
  }
  const work = m === 0 ? [] : tautString(lower, upper, lower[m - 1]!);

  // Calendar view and the FIFO backlog.
  const agents = new Array<number>(n).fill(0);
  const workSec = new Array<number>(n).fill(0);
  const backlogItems = new Array<number>(n).fill(0);
  const oldestAgeMin = new Array<number>(n).fill(0);
  const waiting: { arrival: number; items: number; aht: number }[] = [];
  let head = 0;
  let waitingItems = 0;
  if (repeats) {
    // the carried-in items, oldest first: those of the last slots and after the last opening, one period ago
    // items of the first carried slot include those that arrived while closed just before it
    const s0 = Math.max(0, m - slack);
    const from = s0 === 0 ? 0 : slotInterval[s0 - 1]! + 1;
    for (let t = from; t < n; t++) {
      if (items[t]! > 0) {
        waiting.push({ arrival: t - n, items: items[t]!, aht: aht(t) });
        waitingItems += items[t]!;
      }
    }
  }
  for (let t = 0; t < n; t++) {
    if (items[t]! > 0) {
      waiting.push({ arrival: t, items: items[t]!, aht: aht(t) });
      waitingItems += items[t]!;
    }
    if (open[t]) {
      const done = Math.max(0, work[slotOf[t]!]!);
      workSec[t] = done;
      agents[t] = done / intervalSec / occupancy;
      let budget = done;
      while (head < waiting.length && budget > 0) {
        const w = waiting[head]!;
        const can = budget / w.aht;
        if (can >= w.items - EPSILON_ITEMS) {
          budget -= w.items * w.aht;
          waitingItems -= w.items;
          head++;
        } else {
          w.items -= can;
          waitingItems -= can;
          budget = 0;
        }
      }
    }
    backlogItems[t] = Math.max(0, waitingItems);
    oldestAgeMin[t] = head < waiting.length ? (t + 1 - waiting[head]!.arrival) * intervalMin : 0;
  }
  return { agents, workSec, backlogItems, oldestAgeMin, itemsAfterLastOpening: afterLast, slackIntervals: slack };
}
