import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deadlineStaffing, deadlineStaffingColumns } from "../../src/core/deadline-staffing.js";
// the old model takes arrays; its queues are queues of the new one too (arrays are array-like)
import { deadlineStaffing as deadlineStaffingObjects, type DeadlineQueue } from "./reference/deadline-staffing-objects.js";

/** A queue of n intervals: random openings, arrivals (often none), AHT, deadline, and optionally carried-in work or work to leave. */
const queueArb = fc
  .record({
    n: fc.integer({ min: 1, max: 60 }),
    seed: fc.array(fc.record({ open: fc.boolean(), items: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 50, noNaN: true })), aht: fc.integer({ min: 30, max: 1200 }) }), { minLength: 60, maxLength: 60 }),
    intervalMin: fc.constantFrom(15, 30, 60),
    deadlineSec: fc.integer({ min: 60, max: 20 * 3600 }),
    occupancy: fc.constantFrom(1, 0.9, 0.75),
    oneAht: fc.boolean(),
    mode: fc.constantFrom("repeats", "open", "carried", "leave"),
    carriedItems: fc.double({ min: 0, max: 30, noNaN: true }),
    leave: fc.double({ min: 0, max: 50_000, noNaN: true }),
  })
  .map((r): DeadlineQueue => {
    const s = r.seed.slice(0, r.n);
    const lag = Math.max(0, Math.floor(r.deadlineSec / (r.intervalMin * 60) + 1e-9) - 1);
    return {
      intervalMin: r.intervalMin,
      open: s.map((x) => x.open),
      items: s.map((x) => x.items),
      ahtSec: r.oneAht ? 300 : s.map((x) => x.aht),
      deadlineSec: r.deadlineSec,
      maxOccupancy: r.occupancy,
      repeats: r.mode === "repeats",
      carriedIn: r.mode === "carried" ? [{ items: r.carriedItems, ahtSec: 240, dueSlot: lag, arrivedMin: -90 }, { items: 2, ahtSec: 600, dueSlot: lag, arrivedMin: -30 }] : undefined,
      leaveWorkSec: r.mode === "leave" ? r.leave : undefined,
    };
  });

describe("deadlineStaffing with its batches in columns", () => {
  it("gives exactly the results of the object-per-batch model it replaced, value for value (property)", () => {
    fc.assert(
      fc.property(queueArb, (q) => {
        // toStrictEqual tells -0 from 0 and compares every number exactly
        expect(deadlineStaffing(q)).toStrictEqual(deadlineStaffingObjects(q));
      }),
      { numRuns: 400 },
    );
  });

  it("gives exactly the old model's results on a year of 15-minute intervals with nights and weekends closed", () => {
    const n = 364 * 96;
    const open = Array.from({ length: n }, (_, t) => t % 672 < 480 && t % 96 >= 32 && t % 96 < 76);
    const items = Array.from({ length: n }, (_, t) => (t % 7 === 3 ? 0 : ((t * 7919) % 23) / 2));
    const ahtSec = Array.from({ length: n }, (_, t) => 200 + ((t * 31) % 400));
    for (const q of [
      { intervalMin: 15, open, items, ahtSec, deadlineSec: 8 * 3600, maxOccupancy: 0.9 },
      { intervalMin: 15, open, items, ahtSec, deadlineSec: 86_400, maxOccupancy: 0.9, leaveWorkSec: 1e5, carriedIn: [{ items: 40, ahtSec: 300, dueSlot: 10, arrivedMin: -60 }] },
      { intervalMin: 15, open: open.slice(0, 672), items: items.slice(0, 672), ahtSec: ahtSec.slice(0, 672), deadlineSec: 86_400, repeats: true },
    ]) {
      expect(deadlineStaffing(q)).toStrictEqual(deadlineStaffingObjects(q));
    }
  });

  it("reuses its scratch columns without a trace: queues of any sizes, one after the other, each as the old model gives it; a result outlives the next call (property)", () => {
    fc.assert(
      fc.property(fc.array(queueArb, { minLength: 2, maxLength: 6 }), (queues) => {
        const results = queues.map((q) => deadlineStaffing(q));
        queues.forEach((q, k) => expect(results[k]).toStrictEqual(deadlineStaffingObjects(q)));
      }),
      { numRuns: 150 },
    );
  });

  it("deadlineStaffingColumns gives the same figures in columns, which the next call overwrites (property)", () => {
    fc.assert(
      fc.property(fc.array(queueArb, { minLength: 2, maxLength: 5 }), (queues) => {
        for (const q of queues) {
          const c = deadlineStaffingColumns(q);
          const copy = { ...c, agents: Array.from(c.agents), workSec: Array.from(c.workSec), backlogItems: Array.from(c.backlogItems), oldestAgeMin: Array.from(c.oldestAgeMin) };
          expect(copy).toStrictEqual(deadlineStaffingObjects(q));
          expect(c.agents).toBeInstanceOf(Float64Array);
        }
        // views of one buffer per column: the second call's figures are where the first's were
        const first = deadlineStaffingColumns(queues[0]!);
        const second = deadlineStaffingColumns(queues[1]!);
        expect(first.agents.buffer).toBe(second.agents.buffer);
      }),
      { numRuns: 150 },
    );
  });
});
