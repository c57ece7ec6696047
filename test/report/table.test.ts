import Table from "cli-table3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BoxTable, renderTable, type Align } from "../../src/report/table.js";

function cliTable3(head: string[], rows: string[][], align: Align[]): string {
  const table = new Table({ head, colAligns: align, style: { head: [], border: [], compact: true } });
  for (const r of rows) table.push(r);
  return table.toString();
}

function box(head: string[], rows: string[][], align: Align[]): string {
  const t = new BoxTable(head, align);
  for (const r of rows) t.measure(r);
  return [t.top(rows.length > 0), ...rows.map((r) => t.row(r)), t.bottom()].join("\n");
}

const cell = fc.oneof(
  fc.constantFrom("", "0", "1 234,5", "98.7%", "3.0 s", "information", "réclamation", "€", "日本", "\u001b[31mmissed\u001b[39m", "\u001b[1mtotal\u001b[22m"),
  fc.string({ maxLength: 12 }).map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, "")),
);

describe("BoxTable", () => {
  it("draws exactly what cli-table3 draws, for any cells and alignments", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.tuple(
            fc.array(cell, { minLength: n, maxLength: n }),
            fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 8 }),
            fc.array(fc.constantFrom<Align>("left", "right", "center"), { minLength: n, maxLength: n }),
          ),
        ),
        ([head, rows, align]) => {
          expect(box(head, rows, align)).toBe(cliTable3(head, rows, align));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("renders a 30,000-row table in well under a second (cli-table3 takes minutes)", () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => [`2026-11-23T${String(i % 24).padStart(2, "0")}:00`, "information", String(i)]);
    const t0 = performance.now();
    const text = renderTable(["interval", "typology", "agents"], rows, ["left", "left", "right"]);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(text.split("\n")).toHaveLength(30_000 + 4);
    expect(text.split("\n")[4]).toBe("│ 2026-11-23T01:00 │ information │      1 │");
  });

  it("keeps a label's newline or tab from breaking the box", () => {
    const text = renderTable(["a"], [["x\ny"]], ["left"]);
    expect(text).toBe(cliTable3(["a"], [["x y"]], ["left"]));
  });
});
