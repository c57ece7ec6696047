import { createRequire } from "node:module";
import type CliTable from "cli-table3";
import stringWidth from "string-width";
import { label } from "./labels.js";
import { tableWidth } from "./settings.js";
import { fitLayout, fitNote, RowKeys, shortenText, type TableFit, type TableLayout } from "./table-fit.js";
import { stripAnsi } from "./text-wrap.js";

export type { TableFit } from "./table-fit.js";

export type Align = "left" | "right" | "center";

/** Coloured tables longer than this are drawn line by line too (cli-table3's layout is quadratic in rows: cli-table3#68). */
const CLI_TABLE_MAX_ROWS = 100;

/** cli-table3, loaded for the first coloured table (see {@link renderTable}). */
let cliTable: typeof CliTable | undefined;

/** Whether a cell holds a terminal colour code. */
const coloured = (cell: string) => cell.includes("\u001b");

/**
 * A plain box table, fitted to the run's width ({@link tableWidth}): when it
 * is wider, columns are hidden by `fit.priority` (the label column never,
 * nor a key column without which two rows would read the same: see
 * `fit.keys`) and long labels shortened with `…` (`fit.shorten`), and one line under the
 * table says what was left out and how to see it all. Numbers are never
 * changed, only hidden. Styles are emptied so cli-table3 never adds colour
 * codes of its own: colour comes only from the caller's chalk instance.
 * Drawn by {@link BoxTable}, character for character cli-table3's compact
 * box (property tests hold them equal), except a short table with coloured
 * cells, which cli-table3 still draws.
 */
export function renderTable(head: string[], rows: string[][], align: Align[], fit: TableFit = {}): string {
  const header = head.map((h) => oneLine(label(h))); // headers in the run's language (see labels.ts)
  const cells = rows.map((r) => r.map(oneLine));
  const box = new BoxTable(header, align, fit);
  for (const r of cells) box.measure(r);
  const note = box.fitTo(tableWidth());
  let text: string;
  if (cells.length > CLI_TABLE_MAX_ROWS || !(header.some(coloured) || cells.some((r) => r.some(coloured)))) {
    // BoxTable: cli-table3's characters (test/report/table-cli-table3.test.ts), in linear time and
    // without loading cli-table3 (a sixth of a one-row `ccplan erlang`'s start-up)
    text = [box.top(cells.length > 0), ...cells.map((r) => box.row(r)), box.bottom()].join("\n");
  } else {
    // coloured cells: cli-table3 closes the colour of a shortened one its own way; kept as it was
    cliTable ??= createRequire(import.meta.url)("cli-table3") as typeof CliTable;
    const table = new cliTable({
      head: box.shown(header, false),
      colAligns: box.shownAlign(),
      style: { head: [], border: [], compact: true },
    });
    for (const r of cells) table.push(box.shown(r));
    text = table.toString();
  }
  return note.length === 0 ? text : [text, ...note].join("\n");
}

/** A cell on one line (a newline or tab from an input label would break the box). */
function oneLine(cell: string): string {
  return /[\n\r\t]/.test(cell) ? cell.replace(/[\n\r\t]/g, " ") : cell;
}

/**
 * The same box as cli-table3's compact style, drawn line by line in linear
 * time: measure every row first ({@link measure}), fit the columns to a width
 * if there is one ({@link fitTo}), then print the top (with the header), each
 * row, and the bottom. Widths are display columns (ANSI codes take none,
 * wide characters two), as cli-table3 counts them.
 */
export class BoxTable {
  /** Each column's natural width: the widest of its header and cells. */
  readonly widths: number[];
  /** Distinct cells (as seen, colour codes removed) of the columns that may be shortened. */
  private readonly distinct = new Map<number, Set<string>>();
  /** For each column of `fit.dropIfConstant`: its one non-blank text so far, or null once two differ. */
  private readonly sameText = new Map<number, string | null | undefined>();
  /** The columns drawn: set by {@link fitTo}, else every column whole (made again after each measure). */
  private fitted: TableLayout | undefined;
  /** Shortened cells already made, per shown column. */
  private readonly shortened = new Map<number, Map<string, string>>();
  /** The rows' key cells (`fit.keys`, else the left-aligned columns): what must still tell rows apart once fitted. */
  private readonly keys: RowKeys;

  constructor(
    private readonly head: readonly string[],
    private readonly align: readonly Align[],
    private readonly fit: TableFit = {},
  ) {
    this.widths = head.map((h) => stringWidth(h));
    for (const key of Object.keys(fit.shorten ?? {})) if (Number(key) < head.length) this.distinct.set(Number(key), new Set());
    for (const c of fit.dropIfConstant ?? []) this.sameText.set(c, undefined);
    this.keys = new RowKeys(fit.keys ?? head.map((_, k) => k).filter((k) => (align[k] ?? "left") === "left"));
  }

  private get layout(): TableLayout {
    return (this.fitted ??= fitLayout(this.head, this.widths, this.distinct, undefined));
  }

  /** Widen the columns to hold a row, and note its key cells. */
  measure(cells: readonly string[]): void {
    for (let c = 0; c < this.widths.length; c++) {
      const w = stringWidth(cells[c] ?? "");
      if (w > this.widths[c]!) this.widths[c] = w;
    }
    for (const [c, seen] of this.distinct) seen.add(stripAnsi(cells[c] ?? ""));
    for (const [c, text] of this.sameText) {
      const t = stripAnsi(cells[c] ?? "").trim();
      if (t !== "" && text !== null && text !== t) this.sameText.set(c, text === undefined ? t : null);
    }
    this.keys.add(cells);
    this.fitted = undefined;
  }

  /**
   * Choose the columns to draw at `width` (undefined: all, whole), once every
   * row is measured (a later {@link measure} undoes it); returns the line(s) to print under the table, none when
   * it is drawn whole.
   */
  fitTo(width: number | undefined): string[] {
    const constant = new Set([...this.sameText].filter(([, t]) => t !== null).map(([c]) => c));
    this.fitted = fitLayout(this.head, this.widths, this.distinct, width, this.fit, constant, this.keys);
    this.shortened.clear();
    return fitNote(this.head, this.layout, width, this.fit.hint);
  }

  /** The cells of a row that are drawn, shortened where the layout says (the header is never shortened). */
  shown(cells: readonly string[], shorten = true): string[] {
    return this.layout.columns.map((col) => {
      const text = cells[col.index] ?? "";
      if (!shorten || col.shortenTo === undefined) return text;
      let cache = this.shortened.get(col.index);
      if (cache === undefined) this.shortened.set(col.index, (cache = new Map()));
      let s = cache.get(text);
      if (s === undefined) cache.set(text, (s = shortenText(text, col.shortenTo, col.at)));
      return s;
    });
  }

  /** Indexes (in the full table) of the drawn columns, in order. */
  shownColumns(): number[] {
    return this.layout.columns.map((col) => col.index);
  }

  /** Alignment of the drawn columns. */
  shownAlign(): Align[] {
    return this.layout.columns.map((col) => this.align[col.index] ?? "left");
  }

  /** Top border, header and (when rows follow, as cli-table3 does) the line under it. */
  top(rowsFollow = true): string {
    const rule = (l: string, m: string, r: string) => l + this.layout.columns.map((col) => "─".repeat(col.width + 2)).join(m) + r;
    const lines = [rule("┌", "┬", "┐"), this.draw(this.shown(this.head, false))];
    if (rowsFollow) lines.push(rule("├", "┼", "┤"));
    return lines.join("\n");
  }

  /** One row, each cell padded to its column. */
  row(cells: readonly string[]): string {
    return this.draw(this.shown(cells));
  }

  /** Bottom border. */
  bottom(): string {
    return "└" + this.layout.columns.map((col) => "─".repeat(col.width + 2)).join("┴") + "┘";
  }

  /** Shown cells padded to their columns, between the box's bars. */
  private draw(cells: readonly string[]): string {
    let line = "│";
    this.layout.columns.forEach((col, k) => {
      const text = cells[k] ?? "";
      const extra = col.width - stringWidth(text);
      const a = this.align[col.index] ?? "left";
      const left = a === "right" ? extra : a === "center" ? Math.floor(extra / 2) : 0;
      line += " " + " ".repeat(left) + text + " ".repeat(extra - left) + " │";
    });
    return line;
  }
}
