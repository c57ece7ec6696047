import stringWidth from "string-width";
import { displayCharacters, stripAnsi, wrapText } from "./text-wrap.js";

/** Where a shortened label loses its characters: in the middle (keeps the end: `recouvre…:email`) or at the end (keeps the start). */
export type Ellipsis = "middle" | "end";

/**
 * How a table gives way when it is wider than the terminal. Only
 * presentation: a column is shown whole, shortened (a label, with `…`) or
 * hidden, never a figure changed.
 */
export interface TableFit {
  /**
   * Columns from the most to the least important. Column 0 (the label) is
   * always kept and need not be listed; columns not listed go first, right to
   * left. Without a priority, columns go right to left.
   */
  priority?: readonly number[];
  /**
   * Text columns whose long cells may be shortened with `…` before any column
   * is hidden, and where the ellipsis goes. Shortened cells stay
   * distinguishable: two different labels never shorten to the same text.
   */
  shorten?: Readonly<Record<number, Ellipsis>>;
  /**
   * Columns that go before any other when every cell that is not blank
   * holds the same text (a "tier" column of a one-level plan: it tells no
   * row from another).
   */
  dropIfConstant?: readonly number[];
  /** Narrowest a shortened column may become (default {@link DEFAULT_SHORTEST}; never narrower than its header). */
  minWidths?: Readonly<Record<number, number>>;
  /** How to see everything, said after what was left out (default `--wide or --format csv shows them all`). */
  hint?: string;
}

/** Narrowest a shortened label column becomes unless a table says otherwise. */
export const DEFAULT_SHORTEST = 12;

/** Said under a fitted table: how to see it whole. */
export const DEFAULT_HINT = "--wide or --format csv shows them all";

/** One column as drawn: its index in the full table, its width, and the width its cells are shortened to (undefined: whole). */
export interface ShownColumn {
  index: number;
  width: number;
  shortenTo: number | undefined;
  at: Ellipsis;
}

/** Which columns a table shows at a width, and how. */
export interface TableLayout {
  columns: ShownColumn[];
  /** Columns left out, in the table's order. */
  hidden: number[];
  /** Columns whose long cells are shortened. */
  shortened: number[];
  /** Even the narrowest table (the label and one column, shortened) is wider than the width. */
  tooWide: boolean;
  /** Width of the table as drawn, in display columns. */
  tableWidth: number;
}

/** Width of a compact box table with these column widths: `│ a │ b │` is Σ widths + 3 × columns + 1. */
export function boxWidth(widths: readonly number[]): number {
  let w = 1;
  for (const x of widths) w += x + 3;
  return w;
}

/**
 * `text` in at most `width` display columns: unchanged when it fits, else
 * cut with `…` in the middle (`recouv…on:email`) or at the end
 * (`administrati…`). The result is always a prefix of the text, `…`, and
 * (middle) a suffix of it; spaces next to the ellipsis are dropped. Colour
 * codes around the whole text are kept.
 */
export function shortenText(text: string, width: number, at: Ellipsis): string {
  if (stringWidth(text) <= width) return text;
  const plain = stripAnsi(text);
  const open = plain === text ? "" : (/^(?:\u001b\[[0-9;]*m)+/.exec(text)?.[0] ?? "");
  const close = plain === text ? "" : (/(?:\u001b\[[0-9;]*m)+$/.exec(text)?.[0] ?? "");
  return open + shortenCharacters(displayCharacters(plain), width, at) + close;
}

/** {@link shortenText} of a plain text already split into its characters and their widths (the text is wider than `width`). */
function shortenCharacters(chars: readonly { text: string; width: number }[], width: number, at: Ellipsis): string {
  const room = Math.max(0, width - 1);
  const headRoom = at === "end" ? room : Math.ceil(room / 2);
  let head = "";
  let used = 0;
  let k = 0;
  for (; k < chars.length && used + chars[k]!.width <= headRoom; k++) {
    head += chars[k]!.text;
    used += chars[k]!.width;
  }
  let tail = "";
  if (at === "middle") {
    let tailUsed = 0;
    for (let j = chars.length - 1; j >= k && used + tailUsed + chars[j]!.width <= room; j--) {
      tail = chars[j]!.text + tail;
      tailUsed += chars[j]!.width;
    }
  }
  return head.trimEnd() + "…" + tail.trimStart();
}

/** What a reader sees of a cell shortened to `width`. */
const shownText = (plain: string, width: number, at: Ellipsis) => (stringWidth(plain) <= width ? plain : shortenText(plain, width, at));

/**
 * The columns of a table that fit `width` display columns, from the
 * columns' natural widths (header and every cell) and, for the columns that
 * may be shortened, their distinct cells (as seen, colour codes removed).
 *
 * `constant` holds the columns whose non-blank cells are all the same: those
 * listed in `fit.dropIfConstant` go first.
 *
 * Rule: hide as few columns as possible, least important first; with that
 * many hidden, shorten labels as little as possible (the widest first, never
 * below their narrowest width that keeps distinct labels distinct); then show
 * again any hidden column that still fits, most important first. The label
 * column and the most important other one are never hidden: when even they
 * do not fit, the narrowest table is drawn and `tooWide` says so.
 * Without a width, or when the table fits, every column is shown whole.
 */
export function fitLayout(
  head: readonly string[],
  natural: readonly number[],
  distinct: ReadonlyMap<number, ReadonlySet<string>>,
  width: number | undefined,
  fit: TableFit = {},
  constant: ReadonlySet<number> = new Set(),
): TableLayout {
  const n = natural.length;
  const whole = (index: number): ShownColumn => ({ index, width: natural[index]!, shortenTo: undefined, at: fit.shorten?.[index] ?? "end" });
  const all = natural.map((_, k) => whole(k));
  if (width === undefined || boxWidth(natural) <= width || n <= 1) {
    return { columns: all, hidden: [], shortened: [], tooWide: width !== undefined && boxWidth(natural) > width, tableWidth: boxWidth(natural) };
  }
  // least important first: unlisted columns right to left, then the priority list from its end
  const listed = (fit.priority ?? []).filter((c, k, a) => c > 0 && c < n && a.indexOf(c) === k);
  const unlisted = natural.map((_, k) => k).filter((k) => k > 0 && !listed.includes(k)).reverse();
  const byPriority = [...unlisted, ...[...listed].reverse()];
  const same = (k: number) => constant.has(k) && (fit.dropIfConstant ?? []).includes(k);
  const dropOrder = [...byPriority.filter(same), ...byPriority.filter((k) => !same(k))];
  const shrinkers = new Map<number, Shrinker>();
  for (const [key, at] of Object.entries(fit.shorten ?? {})) {
    const c = Number(key);
    if (c < 0 || c >= n || !distinct.has(c)) continue;
    const headWidth = stringWidth(head[c] ?? "");
    shrinkers.set(c, new Shrinker(distinct.get(c)!, at, headWidth, Math.max(headWidth, fit.minWidths?.[c] ?? DEFAULT_SHORTEST, 2), natural[c]!));
  }
  let chosen: { kept: number[]; targets: Map<number, number> } | undefined;
  const shownWidth = (k: number, targets: ReadonlyMap<number, number>) => {
    const t = targets.get(k);
    return t === undefined ? natural[k]! : shrinkers.get(k)!.shown(t)!;
  };
  for (let drop = 0; drop <= dropOrder.length - 1; drop++) {
    const gone = new Set(dropOrder.slice(0, drop));
    const kept = natural.map((_, k) => k).filter((k) => !gone.has(k));
    const targets = shrinkTo(kept, natural, shrinkers, width);
    chosen = { kept, targets };
    if (boxWidth(kept.map((k) => shownWidth(k, targets))) <= width) break;
  }
  const { kept, targets } = chosen!;
  let total = boxWidth(kept.map((k) => shownWidth(k, targets)));
  const tooWide = total > width;
  // a hidden column that still fits comes back, most important first
  const keptSet = new Set(kept);
  if (!tooWide) {
    for (const c of [...dropOrder].reverse()) {
      if (keptSet.has(c) || total + natural[c]! + 3 > width) continue;
      keptSet.add(c);
      total += natural[c]! + 3;
    }
  }
  const columns = [...keptSet]
    .sort((a, b) => a - b)
    .map((k): ShownColumn => {
      const t = targets.get(k);
      return t === undefined ? whole(k) : { index: k, width: shownWidth(k, targets), shortenTo: t, at: fit.shorten![k]! };
    });
  return {
    columns,
    hidden: natural.map((_, k) => k).filter((k) => !keptSet.has(k)),
    shortened: columns.filter((c) => c.shortenTo !== undefined).map((c) => c.index),
    tooWide,
    tableWidth: total,
  };
}

/**
 * The targets (widths cells are shortened to) of the shortenable kept
 * columns, the widest column shrunk first, until the table fits `width` or
 * none can shrink more. Columns left whole have no target.
 */
function shrinkTo(kept: readonly number[], natural: readonly number[], shrinkers: ReadonlyMap<number, Shrinker>, width: number): Map<number, number> {
  const targets = new Map<number, number>();
  const candidates = kept.filter((k) => shrinkers.has(k));
  const shown = (k: number) => {
    const t = targets.get(k);
    return t === undefined ? natural[k]! : shrinkers.get(k)!.shown(t)!;
  };
  let excess = boxWidth(kept.map((k) => natural[k]!)) - width;
  while (excess > 0) {
    let best: number | undefined;
    let next: number | undefined;
    for (const k of candidates) {
      const t = shrinkers.get(k)!.narrower(targets.get(k) ?? natural[k]!);
      if (t !== undefined && (best === undefined || shown(k) > shown(best))) [best, next] = [k, t];
    }
    if (best === undefined) break;
    const from = shown(best);
    targets.set(best, next!);
    excess -= from - shown(best);
  }
  return targets;
}

/**
 * One shortenable column: for a target width (cells shortened to it), the
 * width the column then takes (its widest shortened cell, or its header),
 * or null when two distinct cells would read the same.
 */
class Shrinker {
  private readonly shownAt = new Map<number, number | null>();

  /** Each distinct cell, its width, and (split once) its characters. */
  private readonly cells: { text: string; width: number; chars: { text: string; width: number }[] | undefined }[];

  constructor(
    cells: ReadonlySet<string>,
    private readonly at: Ellipsis,
    private readonly headWidth: number,
    /** Narrowest target (the header's width, the table's minimum). */
    private readonly floor: number,
    private readonly natural: number,
  ) {
    this.cells = [...cells].map((text) => ({ text, width: stringWidth(text), chars: undefined }));
  }

  /** Width of the column with its cells shortened to `target`, or null when distinct cells would then read the same. */
  shown(target: number): number | null {
    const known = this.shownAt.get(target);
    if (known !== undefined) return known;
    const seen = new Set<string>();
    let widest = this.headWidth;
    let w: number | null = null;
    let ok = true;
    for (const cell of this.cells) {
      const s = cell.width <= target ? cell.text : shortenCharacters((cell.chars ??= displayCharacters(cell.text)), target, this.at);
      if (seen.has(s)) {
        ok = false;
        break;
      }
      seen.add(s);
      widest = Math.max(widest, stringWidth(s));
    }
    if (ok) w = Math.min(widest, this.natural);
    this.shownAt.set(target, w);
    return w;
  }

  /** The next target below `target` that makes the column narrower and keeps distinct cells apart; undefined when it can shrink no more. */
  narrower(target: number): number | undefined {
    const now = target >= this.natural ? this.natural : (this.shown(target) ?? this.natural);
    for (let t = Math.min(target, now) - 1; t >= this.floor; t--) {
      const w = this.shown(t);
      if (w !== null && w < now) return t;
    }
    return undefined;
  }
}

/**
 * The line under a fitted table saying what was left out and how to see it
 * all, wrapped to `width`; none when the table is shown whole:
 * `4 columns hidden at 80 columns (workload h, agent-hours, ASA, aband.): --wide or --format csv shows them all`.
 */
export function fitNote(head: readonly string[], layout: TableLayout, width: number | undefined, hint = DEFAULT_HINT): string[] {
  if (width === undefined || (layout.hidden.length === 0 && layout.shortened.length === 0 && !layout.tooWide)) return [];
  const name = (k: number) => (stripAnsi(head[k] ?? "").trim() === "" ? `column ${k + 1}` : stripAnsi(head[k]!).trim());
  const parts: string[] = [];
  if (layout.hidden.length > 0) {
    const n = layout.hidden.length;
    parts.push(`${n} column${n === 1 ? "" : "s"} hidden at ${width} columns (${layout.hidden.map(name).join(", ")})`);
  }
  const shortened = `long ${layout.shortened.map(name).join(" and ")} shortened with …`;
  if (layout.shortened.length > 0) parts.push(parts.length === 0 ? `${shortened} at ${width} columns` : shortened);
  if (layout.tooWide) parts.push(`${parts.length === 0 ? `at ${width} columns ` : ""}even the narrowest table takes ${layout.tableWidth}`);
  return wrapText(`${parts.join("; ")}: ${hint}`, width);
}

/**
 * Labels shortened by {@link shortenText} to at most `width` display
 * columns, or to the narrowest width above it at which labels that differ
 * still read differently (a label list that must stay a key, such as the
 * queues beside their sparklines).
 */
export function shortenDistinct(labels: readonly string[], width: number, at: Ellipsis): string[] {
  const plain = [...new Set(labels.map(stripAnsi))];
  const widest = Math.max(0, ...plain.map((l) => stringWidth(l)));
  for (let w = Math.max(2, width); w < widest; w++) {
    const shown = new Set(plain.map((l) => shownText(l, w, at)));
    if (shown.size === plain.length) return labels.map((l) => shownText(l, w, at));
  }
  return [...labels];
}
