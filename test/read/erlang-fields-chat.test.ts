import { describe, expect, it } from "vitest";
import { problem } from "../../src/read/diagnostics.js";
import { parseErlangFields, type ErlangFields } from "../../src/read/erlang-fields.js";

const ctx = {
  decimalComma: false,
  defaults: { intervalMin: 30 },
  names: { sl_seconds: "sl_seconds" },
  missing: (col: "volume" | "aht", line: number) => problem("INPUT_MISSING_VALUE", `${col} missing`, { line }),
  noTarget: () => ({ serviceLevel: 0.8, answerWithinSec: 20 }),
};
const cell = (text: string, column: number) => ({ text, src: { file: "b.csv", line: 2, column, field: "aht_by_concurrency" } });
const fields = (extra: ErlangFields): ErlangFields => ({ volume: { text: "200", src: { file: "b.csv", line: 2, column: 1, field: "volume" } }, ...extra });

describe("parseErlangFields with aht_by_concurrency", () => {
  it("reads 5:00|6:15|7:30 as three durations, concurrency 3 and the AHT at full concurrency", () => {
    const r = parseErlangFields(fields({ aht_by_concurrency: cell("5:00|6:15|7:30", 5) }), 2, ctx);
    expect(r.ok && r.case.queue).toMatchObject({ ahtSec: 450, concurrency: 3, ahtByConcurrencySec: [300, 375, 450] });
  });

  it("refuses a count of durations that differs from concurrency with INPUT_CONFLICT at the cell", () => {
    const r = parseErlangFields(
      fields({ aht_by_concurrency: cell("300|360|450", 5), concurrency: { text: "2", src: { file: "b.csv", line: 2, column: 4, field: "concurrency" } } }),
      2,
      ctx,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([["INPUT_CONFLICT", 2, 5]]);
  });

  it("refuses an aht that is not the last duration with INPUT_CONFLICT", () => {
    const r = parseErlangFields(fields({ aht_by_concurrency: cell("300|360|450", 5), aht: { text: "400", src: { file: "b.csv", line: 2, column: 3, field: "aht" } } }), 2, ctx);
    expect(!r.ok && r.problems[0]!.code).toBe("INPUT_CONFLICT");
  });

  it("refuses a bad duration in the list with INPUT_BAD_DURATION", () => {
    const r = parseErlangFields(fields({ aht_by_concurrency: cell("300|x|450", 5) }), 2, ctx);
    expect(!r.ok && [r.problems[0]!.code, r.problems[0]!.column]).toEqual(["INPUT_BAD_DURATION", 5]);
  });

  it("refuses handle times by concurrency with a patience (no abandonment in the chat model)", () => {
    const r = parseErlangFields(fields({ aht_by_concurrency: cell("300|450", 5), patience: { text: "120", src: { file: "b.csv", line: 2, column: 6, field: "patience" } } }), 2, ctx);
    expect(!r.ok && r.problems[0]!.code).toBe("INPUT_CONFLICT");
  });
});
