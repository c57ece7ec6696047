import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QueueMap, queueId, type QueueKey } from "../../src/plan/forecast.js";

const key = fc.record({
  typology: fc.constantFrom("a", "b", "é", "a b", "A"),
  channel: fc.constantFrom("phone", "chat", "email"),
  direction: fc.constantFrom("inbound" as const, "outbound" as const),
  tier: fc.constantFrom(1 as const, 2 as const, 3 as const),
});

describe("QueueMap", () => {
  it("finds, counts and lists values as a Map keyed by queueId does, in insertion order", () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 60 }), (keys) => {
        const byId = new Map<string, number>();
        const map = new QueueMap<number>();
        keys.forEach((k: QueueKey, n) => {
          expect(map.get({ ...k })).toBe(byId.get(queueId(k)));
          if (!byId.has(queueId(k))) {
            byId.set(queueId(k), n);
            map.set(k, n);
          }
        });
        expect(map.size).toBe(byId.size);
        expect([...map.values()]).toEqual([...byId.values()]);
      }),
    );
  });

  it("refuses a second value for a queue", () => {
    const map = new QueueMap<number>();
    const q: QueueKey = { typology: "a", channel: "phone", direction: "inbound", tier: 1 };
    map.set(q, 1);
    expect(() => map.set({ ...q }, 2)).toThrow(/has a value/);
  });
});
