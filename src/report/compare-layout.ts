/**
 * How `ccplan compare`'s table is laid out for the width it may take: the
 * scenarios are always columns and the figures rows (a reader compares
 * along a row), and the layout gives way step by step until every line
 * fits — deltas in brackets, then deltas on rows of their own, then short
 * column keys (`#1`, `#2`…) with the full names listed above the table,
 * then the scenarios spread over several tables. Names are never cut.
 */
import stringWidth from "string-width";
import { reportSettings, withReportSettings } from "./settings.js";
import { renderTable, type Align } from "./table.js";
import { wrapText } from "./text-wrap.js";
import { label } from "./labels.js";

/** One figure of the comparison: a row label, its value per scenario, and its delta against the baseline (null: none, e.g. the baseline's own). */
export interface CompareMetric {
  label: string;
  values: string[];
  /** Deltas per scenario, already signed; absent for a figure without deltas. */
  deltas?: (string | null)[];
  /** Under the compact layouts, the rows that replace this one (e.g. one row per site instead of "Paris 192, Rabat 159"). */
  compact?: CompareMetric[];
}

/** The layouts tried, from the roomiest. */
export type CompareLayout = "inline" | "delta-rows" | "keys" | "keys-split";

/** The widest line of a text, in terminal columns (ANSI codes take none). */
export function widestLine(text: string): number {
  return Math.max(0, ...text.split("\n").map((l) => stringWidth(l)));
}

/** A table drawn whole, whatever the run's width (to measure it before choosing a layout). */
export function naturalTable(head: string[], rows: string[][], align: Align[]): string {
  return withReportSettings({ ...reportSettings(), width: undefined }, () => renderTable(head, rows, align));
}

function rowsOf(metrics: readonly CompareMetric[], columns: readonly number[], layout: CompareLayout): string[][] {
  const rows: string[][] = [];
  for (const m of metrics) {
    if (layout === "inline") {
      rows.push([m.label, ...columns.map((k) => (m.deltas?.[k] == null ? m.values[k]! : `${m.values[k]} (${m.deltas[k]})`))]);
      continue;
    }
    for (const x of m.compact ?? [m]) {
      rows.push([x.label, ...columns.map((k) => x.values[k]!)]);
      if (x.deltas !== undefined) rows.push([label("  vs baseline"), ...columns.map((k) => x.deltas![k] ?? "")]);
    }
  }
  return rows;
}

/**
 * The comparison's table (one or several) within `width` columns, and the
 * layout chosen: the first of inline deltas, deltas on rows of their own,
 * column keys with the names listed, keys over several tables, whose
 * every line fits. Without a width, the inline layout.
 *
 * @param names - scenario names, in column order
 * @param baseline - index of the baseline (marked in the key list)
 */
export function fitCompareTable(metrics: readonly CompareMetric[], names: readonly string[], baseline: number, width: number | undefined): { layout: CompareLayout; lines: string[] } {
  const all = names.map((_, k) => k);
  const table = (columns: readonly number[], layout: CompareLayout, head: (k: number) => string) =>
    naturalTable(["", ...columns.map(head)], rowsOf(metrics, columns, layout), ["left", ...columns.map((): Align => "right")]);
  const fits = (text: string) => width === undefined || widestLine(text) <= width;
  for (const layout of ["inline", "delta-rows"] as const) {
    const t = table(all, layout, (k) => names[k]!);
    if (fits(t) || width === undefined) return { layout, lines: t.split("\n") };
  }
  const key = (k: number) => `#${k + 1}`;
  const legend = names.flatMap((n, k) => wrapText(`${key(k).padEnd(4)} ${n}${k === baseline ? ` (${label("baseline")})` : ""}`, width, "     "));
  const whole = table(all, "keys", key);
  if (fits(whole)) return { layout: "keys", lines: [...legend, "", ...whole.split("\n")] };
  // as few tables as fit, the scenarios spread evenly over them in the order given
  for (let count = 2; count <= names.length; count++) {
    const size = Math.ceil(names.length / count);
    const tables: string[] = [];
    for (let k = 0; k < names.length; k += size) tables.push(table(all.slice(k, k + size), "keys", key));
    if (tables.every(fits)) return { layout: "keys-split", lines: [...legend, ...tables.flatMap((t) => ["", ...t.split("\n")])] };
    if (size === 1) {
      // narrower than one scenario's column: the table's own fitting hides what it must, and says so
      const fitted = all.map((k) => renderTable(["", key(k)], rowsOf(metrics, [k], "keys"), ["left", "right"]));
      return { layout: "keys-split", lines: [...legend, ...fitted.flatMap((t) => ["", ...t.split("\n")])] };
    }
  }
  return { layout: "keys", lines: [...legend, "", ...whole.split("\n")] };
}

/**
 * Tables drawn whole within `width` columns, the same columns in each:
 * every column when every table fits, else without the columns of
 * `droppable` (indexes, the first dropped first) until each fits. Returns
 * each table's lines and the headers of the columns left out (the caller
 * says once how to see them).
 */
export function fitColumns(head: readonly string[], tables: readonly (readonly (readonly string[])[])[], align: readonly Align[], droppable: readonly number[], width: number | undefined): { tables: string[][]; dropped: string[] } {
  let keep = head.map((_, k) => k);
  const draw = () => tables.map((rows) => naturalTable(keep.map((k) => head[k]!), rows.map((r) => keep.map((k) => r[k] ?? "")), keep.map((k) => align[k] ?? "left")));
  let texts = draw();
  const dropped: string[] = [];
  for (const k of droppable) {
    if (width === undefined || texts.every((t) => widestLine(t) <= width)) break;
    keep = keep.filter((x) => x !== k);
    dropped.push(head[k]!);
    texts = draw();
  }
  return { tables: texts.map((t) => t.split("\n")), dropped };
}
