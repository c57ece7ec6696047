import Table from "cli-table3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { label } from "../../src/report/labels.js";
import { withReportSettings, tableWidth } from "../../src/report/settings.js";
import type { Ellipsis, TableFit } from "../../src/report/table-fit.js";
import { BoxTable, renderTable, type Align } from "../../src/report/table.js";

/**
 * renderTable as it was before every table was drawn by BoxTable: tables of
 * up to 100 rows went through cli-table3, given the cells BoxTable chose and
 * shortened. Kept here as the oracle of the change (same bytes).
 */
function renderTableWithCliTable3(head: string[], rows: string[][], align: Align[], fit: TableFit = {}): string {
  const oneLine = (cell: string) => (/[\n\r\t]/.test(cell) ? cell.replace(/[\n\r\t]/g, " ") : cell);
  const header = head.map((h) => oneLine(label(h)));
  const cells = rows.map((r) => r.map(oneLine));
  const box = new BoxTable(header, align, fit);
  for (const r of cells) box.measure(r);
  const note = box.fitTo(tableWidth());
  const table = new Table({ head: box.shown(header, false), colAligns: box.shownAlign(), style: { head: [], border: [], compact: true } });
  for (const r of cells) table.push(box.shown(r));
  const text = table.toString();
  return note.length === 0 ? text : [text, ...note].join("\n");
}

const word = fc.constantFrom("administration", "des", "ventes", "d’information", "réclamation", "日本", "L1", "0", "12.5", "98.7%", "1,234", "\u001b[31mmissed\u001b[39m", "\u001b[1mtotal\u001b[22m", "a\tb", "x\ny");
const text = fc.oneof(fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(" ")), fc.constant(""), fc.string({ maxLength: 10 }).map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, "")));

/** A random table of 0–12 rows (cli-table3 drew up to 100), with or without fitting options. */
const table = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.record({
    head: fc.tuple(...Array.from({ length: n }, (_, k) => fc.constantFrom(`c${k}`, `col${k}`, `queue${k}`, "FTE", "agents", "volume"))),
    rows: fc.array(fc.tuple(...Array.from({ length: n }, () => text)), { maxLength: 12 }),
    align: fc.tuple(...Array.from({ length: n }, () => fc.constantFrom<Align>("left", "right", "center"))),
    priority: fc.option(fc.shuffledSubarray(Array.from({ length: n }, (_, k) => k)), { nil: undefined }),
    shorten: fc.subarray(Array.from({ length: n }, (_, k) => k)).chain((cols) => fc.tuple(...cols.map((c) => fc.constantFrom<Ellipsis>("middle", "end").map((at) => [c, at] as const)))),
    dropIfConstant: fc.subarray(Array.from({ length: n }, (_, k) => k)),
  }),
);

describe("renderTable draws every table itself, the same bytes cli-table3 drew", () => {
  it("for any cells, alignments, fitting options and width (none, narrow, --wide), in English and French", () => {
    fc.assert(
      fc.property(
        table,
        fc.option(fc.integer({ min: 20, max: 160 }), { nil: undefined }),
        fc.boolean(),
        fc.constantFrom<"en" | "fr">("en", "fr"),
        ({ head, rows, align, priority, shorten, dropIfConstant }, width, wide, locale) => {
          const fit: TableFit = { ...(priority === undefined ? {} : { priority }), shorten: Object.fromEntries(shorten), dropIfConstant };
          withReportSettings({ width, wide, locale }, () => {
            expect(renderTable([...head], rows.map((r) => [...r]), [...align], fit)).toBe(renderTableWithCliTable3([...head], rows.map((r) => [...r]), [...align], fit));
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it("for a table without rows (the header alone, no rule under it)", () => {
    expect(renderTable(["queue", "agents"], [], ["left", "right"])).toBe(renderTableWithCliTable3(["queue", "agents"], [], ["left", "right"]));
    expect(renderTable(["queue", "agents"], [], ["left", "right"])).toBe("┌───────┬────────┐\n│ queue │ agents │\n└───────┴────────┘");
  });
});
