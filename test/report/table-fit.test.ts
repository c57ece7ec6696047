import Table from "cli-table3";
import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { Chalk } from "chalk";
import { readForecast } from "../../src/read/forecast-read.js";
import type { ForecastRow } from "../../src/plan/forecast.js";
import { Planner, planForecast } from "../../src/plan/plan.js";
import { DEFAULT_SCENARIO } from "../../src/plan/scenario.js";
import { IntervalReport } from "../../src/report/interval-report.js";
import { renderPlanTable } from "../../src/report/render-plan.js";
import { withReportSettings } from "../../src/report/settings.js";
import { boxWidth, fitLayout, ROW_KEYS_EXACT, RowKeys, shortenDistinct, shortenText, type Ellipsis, type TableFit } from "../../src/report/table-fit.js";
import { BoxTable, renderTable, type Align } from "../../src/report/table.js";
import { stripAnsi, wrapProse, wrapText } from "../../src/report/text-wrap.js";

const lines = (text: string) => text.split("\n");
const widest = (text: string) => Math.max(...lines(text).map((l) => stringWidth(l)));

/** The box of a drawn table read back: its header cells and rows (cells trimmed, colour codes removed), and the lines after it. */
function readBox(text: string): { head: string[]; rows: string[][]; after: string[] } {
  const all = lines(stripAnsi(text));
  const cells = (l: string) => l.slice(1, -1).split("│").map((c) => c.slice(1, -1).trim());
  const boxLines = all.filter((l) => l.startsWith("│"));
  const end = all.findIndex((l) => l.startsWith("└"));
  return { head: cells(boxLines[0]!), rows: boxLines.slice(1).map(cells), after: all.slice(end + 1) };
}

/** Display width of each column of a table: its header and every cell. */
const naturalWidths = (head: readonly string[], rows: readonly string[][]) => head.map((h, c) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[c] ?? ""))));

/** Whether `shown` is `original` shortened: a prefix of it, "…", and (middle) a suffix of it. */
function isShortening(shown: string, original: string): boolean {
  const k = shown.indexOf("…");
  if (k < 0) return false;
  const head = shown.slice(0, k);
  const tail = shown.slice(k + 1);
  return original.startsWith(head) && original.endsWith(tail) && head.length + tail.length < original.length;
}

const word = fc.constantFrom("administration", "des", "ventes", "demande", "d’information", "email", "chat", "réclamation", "日本", "L1", "0", "12.5", "98.7%", "1,234");
const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));

/** A random table: unique headers (so that shown columns can be told apart), 1–30 rows, a priority and shortenable text columns. */
const table = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.record({
    head: fc.tuple(...Array.from({ length: n }, (_, k) => fc.integer({ min: 0, max: 9 }).map((x) => `c${k}${"h".repeat(x)}`))),
    rows: fc.array(fc.tuple(...Array.from({ length: n }, () => fc.oneof(text, fc.constant("")))), { minLength: 1, maxLength: 30 }),
    align: fc.tuple(...Array.from({ length: n }, () => fc.constantFrom<Align>("left", "right"))),
    priority: fc.option(fc.shuffledSubarray(Array.from({ length: n }, (_, k) => k)), { nil: undefined }),
    shorten: fc.subarray(Array.from({ length: n }, (_, k) => k)).chain((cols) => fc.tuple(...cols.map((c) => fc.constantFrom<Ellipsis>("middle", "end").map((at) => [c, at] as const)))),
    minWidth: fc.integer({ min: 2, max: 14 }),
  }),
);

describe("renderTable(head, rows, align, fit) at a width", () => {
  it("never passes the width when it allows the label column and the most important other one (no key column to keep); keeps the label column, the rows in order and every shown cell as it was (labels shortened only where allowed, with …)", () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 20, max: 200 }), ({ head, rows, align, priority, shorten, minWidth }, width) => {
        const fit: TableFit = { priority, shorten: Object.fromEntries(shorten), minWidths: Object.fromEntries(shorten.map(([c]) => [c, minWidth])), keys: [] };
        const natural = naturalWidths(head, rows);
        // the column kept last: the first listed, else (columns going right to left) the second
        const first = (priority ?? []).find((c) => c > 0) ?? 1;
        const text = withReportSettings({ width }, () => renderTable(head, rows, align, fit));
        if (boxWidth([natural[0]!, natural[first]!]) <= width) expect(widest(text)).toBeLessThanOrEqual(width);
        const box = readBox(text);
        expect(box.head[0]).toBe(head[0]);
        const shown = box.head.map((h) => head.indexOf(h));
        expect(shown.every((c) => c >= 0)).toBe(true);
        expect([...shown].sort((a, b) => a - b)).toEqual(shown); // columns in their order
        expect(box.rows).toHaveLength(rows.length);
        box.rows.forEach((row, r) => {
          row.forEach((cell, k) => {
            const original = rows[r]![shown[k]!]!;
            if (cell !== original) {
              expect(fit.shorten![shown[k]!], `column ${shown[k]} is shortened`).toBeDefined();
              expect(isShortening(cell, original), `${cell} from ${original}`).toBe(true);
            }
          });
        });
        // shortened labels stay distinguishable
        for (const [c] of shorten) {
          const k = shown.indexOf(c);
          if (k < 0) continue;
          const pairs = new Map<string, string>();
          box.rows.forEach((row, r) => {
            const before = pairs.get(row[k]!);
            expect(before === undefined || before === rows[r]![c]).toBe(true);
            pairs.set(row[k]!, rows[r]![c]!);
          });
        }
        // what is left out is said under the table
        if (shown.length < head.length) expect(box.after.join(" ")).toMatch(new RegExp(`^${head.length - shown.length} columns? hidden at ${width} columns`));
      }),
      { numRuns: 400 },
    );
  });

  it("draws the narrowest table it can and says so when even the label and one column do not fit, never throwing", () => {
    const head = ["typology", "FTE", "headcount"];
    const rows = [["a very long typology name that will not fit anywhere", "12.5", "14"]];
    const text = withReportSettings({ width: 20 }, () => renderTable(head, rows, ["left", "right", "right"]));
    expect(readBox(text).head).toEqual(["typology", "FTE"]);
    // label 52 + FTE 4 columns wide: 1 + (52 + 3) + (4 + 3)
    expect(text.replace(/\n/g, " ")).toMatch(/1 column hidden at 20 columns \(headcount\); even the narrowest table takes 63: --wide or --format csv shows them all$/);
  });

  it("without a width (a pipe, --wide) draws exactly what cli-table3 draws", () => {
    const head = ["class", "channel", "typology", "FTE"];
    const rows = [["sync", "phone", "administration des ventes", "21.1"]];
    const table = new Table({ head, colAligns: ["left", "left", "left", "right"], style: { head: [], border: [], compact: true } });
    table.push(...rows);
    expect(withReportSettings({}, () => renderTable(head, rows, ["left", "left", "left", "right"], { priority: [2] }))).toBe(table.toString());
    expect(withReportSettings({ width: 30, wide: true }, () => renderTable(head, rows, ["left", "left", "left", "right"], { priority: [2] }))).toBe(table.toString());
  });

  it("hides figure columns right to left without a priority, and says which, at what width and how to see them", () => {
    const head = ["queue", "volume", "workload h", "peak agents", "agent-hours", "FTE", "headcount", "ASA", "aband."];
    const rows = [["phone information", "8,865", "590.8", "25.0", "810.5", "31.6", "36", "2.8 s", "3.9%"]];
    const text = withReportSettings({ width: 60 }, () => renderTable(head, rows, head.map((_, k) => (k === 0 ? "left" : "right"))));
    expect(readBox(text).head).toEqual(["queue", "volume", "workload h", "peak agents"]);
    expect(readBox(text).after.join(" ")).toBe("5 columns hidden at 60 columns (agent-hours, FTE, headcount, ASA, aband.): --wide or --format csv shows them all");
  });

  it("follows the priority: the columns that matter most stay", () => {
    const head = ["class", "channel", "typology", "dir.", "tier", "volume", "workload h", "peak agents", "agent-hours", "scheduled h", "FTE", "headcount", "SL", "ASA", "aband.", "missed"];
    const rows = [["sync", "phone", "recouvrement", "inbound", "L1", "1,524", "178.1", "9.0", "374.0", "510.4", "14.6", "17", "94.4%", "1.6 s", "3.3%", "0"]];
    const text = withReportSettings({ width: 80 }, () => renderTable(head, rows, head.map(() => "left"), { priority: [2, 1, 11, 10, 12] }));
    const shown = readBox(text).head;
    for (const h of ["class", "channel", "typology", "headcount", "FTE", "SL"]) expect(shown).toContain(h);
    expect(widest(text)).toBeLessThanOrEqual(80);
  });

  it("shortens long labels before hiding a figure column, keeping them distinct", () => {
    const head = ["skill", "required FTE", "gap"];
    const rows = [
      ["administration des ventes:email", "4.02", "0.22"],
      ["administration des ventes:social", "0.57", ""],
      ["demande d’information:email", "7.31", ""],
    ];
    const text = withReportSettings({ width: 40 }, () => renderTable(head, rows, ["left", "right", "right"], { shorten: { 0: "middle" } }));
    const box = readBox(text);
    expect(box.head).toEqual(head);
    expect(new Set(box.rows.map((r) => r[0])).size).toBe(3);
    box.rows.forEach((r, k) => expect(isShortening(r[0]!, rows[k]![0]!)).toBe(true));
    expect(box.rows[0]![0]!.endsWith(":email")).toBe(true);
    expect(box.after.join(" ")).toBe("long skill shortened with … at 40 columns: --wide or --format csv shows them all");
  });

  it("hides first a column listed in dropIfConstant whose cells all read the same", () => {
    const head = ["typology", "tier", "volume", "FTE"];
    const rows = [
      ["sales", "L1", "1,000", "10.0"],
      ["support", "L1", "2,000", "20.0"],
      ["total", "", "3,000", "30.0"],
    ];
    const fit: TableFit = { priority: [1, 3, 2], dropIfConstant: [1] };
    const at = (width: number, r = rows) => readBox(withReportSettings({ width }, () => renderTable(head, r, ["left", "left", "right", "right"], fit))).head;
    expect(at(31)).toEqual(["typology", "volume", "FTE"]);
    // with two tiers the column tells rows apart: it stays, the least important figure goes
    expect(at(31, [...rows.slice(0, 2), ["sales", "L2", "500", "5.0"]])).toEqual(["typology", "tier", "FTE"]);
  });

  it("fits a long table (drawn line by line) exactly as a short one", () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 30, max: 120 }), ({ head, rows, align, priority, shorten }, width) => {
        const fit: TableFit = { priority, shorten: Object.fromEntries(shorten) };
        const short = withReportSettings({ width }, () => renderTable(head, rows, align, fit));
        const box = new BoxTable(head, align, fit);
        for (const r of rows) box.measure(r);
        const note = box.fitTo(width);
        expect([box.top(), ...rows.map((r) => box.row(r)), box.bottom(), ...note].join("\n")).toBe(short);
      }),
      { numRuns: 300 },
    );
    // and a table of more than 100 rows goes that way
    const many = Array.from({ length: 150 }, (_, k) => [`2026-11-23T${String(k % 24).padStart(2, "0")}:00`, "administration des ventes", String(k), "x"]);
    const text = withReportSettings({ width: 40 }, () => renderTable(["interval", "typology", "agents", "note"], many, ["left", "left", "right", "left"], { priority: [2, 1], shorten: { 1: "end" } }));
    expect(widest(text)).toBeLessThanOrEqual(40);
    expect(readBox(text).rows).toHaveLength(150);
  });
});

/** Labels that are easy to confuse: the same words in other orders, sharing starts and ends. */
const keyWord = fc.constantFrom("phone", "chat", "email", "inbound", "outbound", "L1", "L2", "Lyon", "administration des ventes", "administration des achats", "fidélisation", "recouvrement:email", "recouvrement:chat", "");
const figure = fc.constantFrom("0", "1.5", "12.5", "98.7%", "1,234", "", "3 s");

/** A random table whose rows are told apart by text columns with few, similar values: left-aligned key columns, right-aligned figures. */
const keyedTable = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc
    .record({
      head: fc.tuple(...Array.from({ length: n }, (_, k) => fc.integer({ min: 0, max: 6 }).map((x) => `c${k}${"h".repeat(x)}`))),
      isKey: fc.tuple(fc.constant(true), ...Array.from({ length: n - 1 }, () => fc.boolean())),
      priority: fc.option(fc.shuffledSubarray(Array.from({ length: n }, (_, k) => k)), { nil: undefined }),
      shorten: fc.subarray(Array.from({ length: n }, (_, k) => k)).chain((cols) => fc.tuple(...cols.map((c) => fc.constantFrom<Ellipsis>("middle", "end").map((at) => [c, at] as const)))),
      minWidth: fc.integer({ min: 2, max: 14 }),
      explicitKeys: fc.boolean(),
      rowCount: fc.integer({ min: 1, max: 30 }),
    })
    .chain((t) =>
      fc.record({
        t: fc.constant(t),
        rows: fc.array(fc.tuple(...t.isKey.map((key) => (key ? keyWord : figure))), { minLength: t.rowCount, maxLength: t.rowCount }),
      }),
    ),
);

describe("a fitted table tells its rows apart (key columns)", () => {
  it("keeps rows whose key cells differ in the full table different once fitted, at any width (hiding figures, not keys)", () => {
    fc.assert(
      fc.property(keyedTable, fc.integer({ min: 40, max: 160 }), ({ t, rows }, width) => {
        const keys = t.isKey.map((k, c) => (k ? c : -1)).filter((c) => c >= 0);
        const align = t.isKey.map((k): Align => (k ? "left" : "right"));
        // the keys said, or left to the default (the left-aligned columns): the same columns
        const fit: TableFit = { priority: t.priority, shorten: Object.fromEntries(t.shorten), minWidths: Object.fromEntries(t.shorten.map(([c]) => [c, t.minWidth])), ...(t.explicitKeys ? { keys } : {}) };
        const box = readBox(withReportSettings({ width }, () => renderTable(t.head, rows, align, fit)));
        const shown = box.head.map((h) => t.head.indexOf(h));
        const fullKey = (r: number) => keys.map((c) => rows[r]![c]!.trim()).join("|");
        const fittedKey = (r: number) => shown.map((c, k) => (t.isKey[c] ? box.rows[r]![k] : "")).join("|");
        for (let a = 0; a < rows.length; a++) {
          for (let b = a + 1; b < rows.length; b++) {
            if (fullKey(a) !== fullKey(b)) expect(fittedKey(a), `rows ${a} and ${b} at ${width}: ${fullKey(a)} / ${fullKey(b)}`).not.toBe(fittedKey(b));
          }
        }
        // and a figure column stays, the most important one
        if (t.isKey.some((k) => !k)) expect(shown.some((c) => !t.isKey[c])).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("keeps the direction that tells an inbound queue from an outbound one and hides a figure instead", () => {
    const head = ["interval", "typology", "channel", "dir.", "volume", "agents", "SL", "missed"];
    const rows = [
      ["2026-11-23T08:00", "fidélisation", "phone", "inbound", "30.1", "8", "85.0%", ""],
      ["2026-11-23T08:00", "fidélisation", "phone", "outbound", "12.0", "3.40", "", ""],
      ["2026-11-23T08:00", "recouvrement", "phone", "inbound", "20.3", "6", "82.5%", ""],
    ];
    const align: Align[] = ["left", "left", "left", "left", "right", "right", "right", "left"];
    const fit: TableFit = { priority: [1, 5, 2, 7, 6, 4, 3], keys: [0, 1, 2, 3] };
    const box = readBox(withReportSettings({ width: 60 }, () => renderTable(head, rows, align, fit)));
    expect(box.head).toContain("dir.");
    expect(new Set(box.rows.map((r) => r.join("|"))).size).toBe(3);
    // without the outbound row the direction tells nothing and goes first
    expect(readBox(withReportSettings({ width: 60 }, () => renderTable(head, [rows[0]!, rows[2]!], align, fit))).head).not.toContain("dir.");
  });

  it("draws the narrowest table that still tells rows apart, and says it is wider than the width", () => {
    const head = ["class", "channel", "typology", "headcount"];
    const rows = [
      ["sync", "chat", "administration des ventes", "7"],
      ["sync", "phone", "administration des ventes", "20"],
    ];
    const text = withReportSettings({ width: 40 }, () => renderTable(head, rows, ["left", "left", "left", "right"], { priority: [2, 3, 1], shorten: { 2: "end" } }));
    const box = readBox(text);
    expect(box.head).toEqual(head);
    expect(box.rows[0]![1]).not.toBe(box.rows[1]![1]);
    expect(box.after.join(" ")).toMatch(/even the narrowest table takes \d+/);
  });

  it("never hides a column listed in keep", () => {
    const head = ["skill", "required FTE", "gap", "gap after training"];
    const rows = [
      ["fidélisation:email", "2.21", "0.21", "0.21"],
      ["recouvrement:email", "2.20", "", "0.80"],
    ];
    const at = (fit: TableFit) => readBox(withReportSettings({ width: 30 }, () => renderTable(head, rows, ["left", "right", "right", "right"], fit))).head;
    expect(at({ priority: [2, 1, 3] })).not.toContain("gap after training");
    expect(at({ priority: [2, 1, 3], keep: [3] })).toContain("gap after training");
  });
});

describe("RowKeys", () => {
  it("tells which key columns keep rows apart, the label column always shown", () => {
    const keys = new RowKeys([0, 1, 2]);
    keys.add(["08:00", "phone", "inbound"]);
    keys.add(["08:00", "phone", "outbound"]);
    keys.add(["08:30", "chat", "inbound"]);
    expect(keys.distinguishes(new Set([1, 2]))).toBe(true);
    expect(keys.distinguishes(new Set([2]))).toBe(true);
    expect(keys.distinguishes(new Set([1]))).toBe(false);
    // colour and padding do not make cells differ
    keys.add(["08:00", "\u001b[31mphone\u001b[39m ", "inbound"]);
    expect(keys.distinguishes(new Set([2]))).toBe(true);
  });

  it("compares exactly while rows are few, then as if any two rows could share a label (keeping more columns, never fewer)", () => {
    const keys = new RowKeys([0, 1]);
    keys.add(["a", "x"]);
    keys.add(["b", "y"]);
    // the label alone tells these two apart
    expect(keys.distinguishes(new Set())).toBe(true);
    for (let k = 0; k <= ROW_KEYS_EXACT; k++) keys.add([`row ${k}`, "x"]);
    expect(keys.distinguishes(new Set())).toBe(false);
    expect(keys.distinguishes(new Set([1]))).toBe(true);
  });
});

describe("fitLayout", () => {
  it("shows every column whole when the table fits or there is no width", () => {
    const layout = fitLayout(["a", "b"], [10, 10], new Map(), 27);
    expect(layout.columns.map((c) => c.index)).toEqual([0, 1]);
    expect(layout.hidden).toEqual([]);
    expect(fitLayout(["a", "b"], [10, 10], new Map(), undefined).tableWidth).toBe(27);
  });

  it("brings back a hidden column that still fits, most important first", () => {
    // widths 10, 5, 30, 3: at 30 columns the 30-wide one must go, the narrow one after it fits
    const layout = fitLayout(["a", "b", "c", "d"], [10, 5, 30, 3], new Map(), 30, { priority: [1, 2, 3] });
    expect(layout.columns.map((c) => c.index)).toEqual([0, 1, 3]);
    expect(layout.hidden).toEqual([2]);
    expect(layout.tableWidth).toBe(1 + 13 + 8 + 6);
  });
});

describe("shortenText(text, width, at)", () => {
  it("returns text that fits unchanged, else a prefix, …, and (middle) a suffix within the width", () => {
    expect(shortenText("fidélisation", 12, "end")).toBe("fidélisation");
    expect(shortenText("administration des ventes", 12, "end")).toBe("administrat…");
    expect(shortenText("administration des ventes:email", 16, "middle")).toBe("administ…s:email");
    expect(shortenText("demande d’information", 10, "end")).toBe("demande d…");
    expect(shortenText("demande d’information", 9, "end")).toBe("demande…"); // no space before the ellipsis
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 30 }), fc.constantFrom<Ellipsis>("middle", "end"), (t, w, at) => {
        const s = shortenText(t, w, at);
        expect(stringWidth(s)).toBeLessThanOrEqual(Math.max(w, stringWidth(t) <= w ? stringWidth(t) : w));
        expect(s === t || isShortening(s, t)).toBe(true);
      }),
    );
  });

  it("counts wide characters as two columns and keeps the colour around a shortened cell", () => {
    expect(stringWidth(shortenText("日本日本日本", 5, "end"))).toBeLessThanOrEqual(5);
    expect(shortenText("\u001b[1madministration des ventes\u001b[22m", 8, "end")).toBe("\u001b[1madminis…\u001b[22m");
  });
});

/** Whether `shown` is `original` with parts left out, each where a "…" is (the characters shown are the original's, in order). */
function isElision(shown: string, original: string): boolean {
  const pattern = shown
    .split("…")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".+");
  return new RegExp(`^${pattern}$`, "su").test(original);
}

const QUEUES = [
  "L1 async email administration des ventes",
  "L1 async email demande d’information",
  "L1 async email fidélisation",
  "L1 async mail administration des ventes",
  "L1 async mail fidélisation",
  "L1 outbound phone fidélisation (outbound)",
  "L1 outbound phone recouvrement (outbound)",
  "L1 sync chat administration des ventes",
  "L1 sync phone administration des ventes",
  "L1 sync phone fidélisation",
];

describe("shortenDistinct(labels, width)", () => {
  it("keeps the words that tell a queue from the others and shortens what it shares with them, alike in every label", () => {
    const out = shortenDistinct(QUEUES, 25);
    expect(new Set(out).size).toBe(QUEUES.length);
    out.forEach((s, k) => {
      expect(stringWidth(s), s).toBeLessThanOrEqual(25);
      expect(isElision(s, QUEUES[k]!), `${s} from ${QUEUES[k]}`).toBe(true);
    });
    // the outbound queues keep their typology whole; their shared start and end are shortened
    expect(out[5]).toMatch(/ fidélisation /);
    expect(out[6]).toMatch(/ recouvrement /);
    // a typology keeps its start (its distinctive word), never only its end
    expect(out[0]).toMatch(/ administrati/);
    expect(out[7]).toMatch(/ administrati/);
    // a shared word reads the same in every label: the class and channel of the email queues
    const start = (l: string) => l.split(" ").slice(0, 3).join(" ");
    expect(new Set(out.slice(0, 3).map(start)).size).toBe(1);
    expect(start(out[0]!)).not.toBe(start(out[3]!));
  });

  it("never makes two labels read the same, changes nothing when every label fits, and marks every cut with …", () => {
    const label = fc.array(fc.constantFrom("L1", "L2", "async", "sync", "email", "mail", "administration", "des", "ventes", "achats", "(outbound)", "outbound", "日本", "a"), { minLength: 1, maxLength: 6 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 12 }), fc.integer({ min: 2, max: 40 }), (labels, width) => {
        const out = shortenDistinct(labels, width);
        expect(out).toHaveLength(labels.length);
        const distinct = [...new Set(labels)];
        expect(new Set(out).size).toBe(distinct.length);
        const allFit = labels.every((l) => stringWidth(l) <= width);
        out.forEach((s, k) => {
          const l = labels[k]!;
          if (allFit) expect(s).toBe(l);
          else expect(s === l || isElision(s, l), `${s} from ${l}`).toBe(true);
          expect(stringWidth(s)).toBeLessThanOrEqual(stringWidth(l));
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("wrapText(text, width, indent)", () => {
  it("keeps text that fits as it is and breaks the rest at spaces into lines within the width, words in order", () => {
    expect(wrapText("Pooling gain 57.8 FTE", 80)).toEqual(["Pooling gain 57.8 FTE"]);
    expect(wrapText("Pooling gain 57.8 FTE against the same queues", 20)).toEqual(["Pooling gain 57.8", "FTE against the same", "queues"]);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.integer({ min: 20, max: 120 }), fc.constantFrom("", "    "), (words, width, indent) => {
        const wrapped = wrapText(words.join(" "), width, indent);
        for (const l of wrapped) expect(stringWidth(l)).toBeLessThanOrEqual(width);
        expect(wrapped.join(" ").split(" ").filter((w) => w !== "")).toEqual(words);
      }),
    );
  });

  it("cuts a word wider than the line, and never breaks without a width", () => {
    const path = "fixtures/" + "very-long-folder-name/".repeat(6) + "forecast.csv";
    for (const l of wrapText(`Gaps of ${path} against`, 40)) expect(stringWidth(l)).toBeLessThanOrEqual(40);
    expect(wrapText("a ".repeat(100), undefined)).toEqual(["a ".repeat(100)]);
  });

  it("continues an indented list item further in", () => {
    expect(wrapProse(["  hire for recouvrement:email (Lyon, level 1): 0.80 FTE in 2 shared hires"], 40)).toEqual([
      "  hire for recouvrement:email (Lyon,",
      "    level 1): 0.80 FTE in 2 shared hires",
    ]);
  });

  it("leaves a table's lines as they are", () => {
    const box = "┌──┐\n│ a very long cell that is wider than the width │\n└──┘";
    expect(wrapProse([box], 20)).toEqual(box.split("\n"));
  });
});

describe("the intervals table streamed line by line (IntervalReport)", () => {
  it("is fitted to the run's width exactly as the in-memory report", async () => {
    const rows: ForecastRow[] = [];
    await readForecast([readFileSync("fixtures/forecast-week.csv")], "w.csv", {}, (r) => rows.push(r));
    const color = new Chalk({ level: 1 });
    for (const width of [80, 120]) {
      withReportSettings({ width }, () => {
        const report = new IntervalReport("table", color);
        const planner = new Planner(DEFAULT_SCENARIO, { onInterval: (i) => report.add(i) });
        for (const r of rows) planner.add(r);
        const plan = planner.finish();
        let out = "";
        report.writeTo(plan, (t) => (out += t));
        expect(out).toBe(renderPlanTable(planForecast(rows, DEFAULT_SCENARIO), "intervals", color));
        expect(widest(out)).toBeLessThanOrEqual(width);
        expect(out).toMatch(new RegExp(`hidden at ${width} columns`));
      });
    }
  }, 60_000);
});
