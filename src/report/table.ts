import Table from "cli-table3";
import stringWidth from "string-width";

export type Align = "left" | "right" | "center";

/** Tables longer than this are drawn line by line (cli-table3's layout is quadratic in rows: cli-table3#68). */
const CLI_TABLE_MAX_ROWS = 100;

/**
 * A plain box table. Styles are emptied so cli-table3 never adds colour codes
 * of its own: colour comes only from the caller's chalk instance. Long tables
 * (an interval report has thousands of rows) are drawn by {@link BoxTable},
 * character for character the same (a property test holds them equal).
 */
export function renderTable(head: string[], rows: string[][], align: Align[]): string {
  const cells = rows.map((r) => r.map(oneLine));
  const header = head.map(oneLine);
  if (cells.length > CLI_TABLE_MAX_ROWS) {
    const box = new BoxTable(header, align);
    for (const r of cells) box.measure(r);
    return [box.top(), ...cells.map((r) => box.row(r)), box.bottom()].join("\n");
  }
  const table = new Table({
    head: header,
    colAligns: align,
    style: { head: [], border: [], compact: true },
  });
  for (const r of cells) table.push(r);
  return table.toString();
}

/** A cell on one line (a newline or tab from an input label would break the box). */
function oneLine(cell: string): string {
  return /[\n\r\t]/.test(cell) ? cell.replace(/[\n\r\t]/g, " ") : cell;
}

/**
 * The same box as cli-table3's compact style, drawn line by line in linear
 * time: measure every row first ({@link measure}), then print the top (with
 * the header), each row, and the bottom. Widths are display columns (ANSI
 * codes take none, wide characters two), as cli-table3 counts them.
 */
export class BoxTable {
  readonly widths: number[];

  constructor(
    private readonly head: readonly string[],
    private readonly align: readonly Align[],
  ) {
    this.widths = head.map((h) => stringWidth(h));
  }

  /** Widen the columns to hold a row. */
  measure(cells: readonly string[]): void {
    for (let c = 0; c < this.widths.length; c++) {
      const w = stringWidth(cells[c] ?? "");
      if (w > this.widths[c]!) this.widths[c] = w;
    }
  }

  /** Top border, header and (when rows follow, as cli-table3 does) the line under it. */
  top(rowsFollow = true): string {
    const rule = (l: string, m: string, r: string) => l + this.widths.map((w) => "─".repeat(w + 2)).join(m) + r;
    const lines = [rule("┌", "┬", "┐"), this.row(this.head)];
    if (rowsFollow) lines.push(rule("├", "┼", "┤"));
    return lines.join("\n");
  }

  /** One row, each cell padded to its column. */
  row(cells: readonly string[]): string {
    let line = "│";
    for (let c = 0; c < this.widths.length; c++) {
      const text = cells[c] ?? "";
      const extra = this.widths[c]! - stringWidth(text);
      const a = this.align[c] ?? "left";
      const left = a === "right" ? extra : a === "center" ? Math.floor(extra / 2) : 0;
      line += " " + " ".repeat(left) + text + " ".repeat(extra - left) + " │";
    }
    return line;
  }

  /** Bottom border. */
  bottom(): string {
    return "└" + this.widths.map((w) => "─".repeat(w + 2)).join("┴") + "┘";
  }
}
