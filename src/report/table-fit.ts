import stringWidth from "string-width";
import { displayCharacters, stripAnsi, wrapText } from "./text-wrap.js";
import { clauses, isFrench, label, tr } from "./labels.js";

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
  /**
   * The key columns: the text that tells one row from another (class,
   * channel, typology, direction, tier, site, skill…); default: the
   * left-aligned columns. Column 0 is always one. Two rows whose keys differ
   * in the full table still differ once fitted: a key column whose hiding
   * would make them read the same stays, and figure columns go instead.
   */
  keys?: readonly number[];
  /** Columns never hidden, besides the label: what explains why a row is in the table (a gap after training in a table of gaps). */
  keep?: readonly number[];
}

/** Distinct rows a {@link RowKeys} compares exactly; beyond, it assumes every two rows may share their label (it then keeps more key columns, never fewer). */
export const ROW_KEYS_EXACT = 20_000;

/**
 * The key cells of a table's rows (see {@link TableFit.keys}), gathered row
 * by row, to tell which key columns may be hidden without two rows that
 * differ reading the same. Memory is bounded: each distinct combination of
 * the key cells other than the label is kept once; the label beside it only
 * for the first {@link ROW_KEYS_EXACT} distinct rows.
 */
export class RowKeys {
  /** The key columns other than the label, in order. */
  readonly columns: readonly number[];
  /** Each distinct combination of those columns' cells, and its number. */
  private readonly ids = new Map<string, number>();
  private readonly tuples: string[][] = [];
  /** Distinct (label, combination) pairs while they are few; undefined once too many. */
  private rows: Map<string, Set<number>> | undefined = new Map();
  private pairs = 0;
  private readonly answers = new Map<string, boolean>();

  constructor(keys: readonly number[]) {
    this.columns = [...new Set(keys)].filter((c) => c > 0).sort((a, b) => a - b);
  }

  /** Take a row's cells (colour codes and padding do not count). */
  add(cells: readonly string[]): void {
    if (this.columns.length === 0) return;
    const tuple = this.columns.map((c) => stripAnsi(cells[c] ?? "").trim());
    const text = tuple.join("\u0000");
    let id = this.ids.get(text);
    if (id === undefined) {
      this.ids.set(text, (id = this.tuples.length));
      this.tuples.push(tuple);
      this.answers.clear();
    }
    if (this.rows === undefined) return;
    const labelText = stripAnsi(cells[0] ?? "").trim();
    let ids = this.rows.get(labelText);
    if (ids === undefined) this.rows.set(labelText, (ids = new Set()));
    if (ids.has(id)) return;
    ids.add(id);
    this.answers.clear();
    if (++this.pairs > ROW_KEYS_EXACT) this.rows = undefined;
  }

  /**
   * Whether rows whose key cells differ still differ when, of the key
   * columns, only the label and `shown` are drawn (each drawn column keeping
   * distinct cells distinct, as {@link fitLayout} shortens them).
   */
  distinguishes(shown: ReadonlySet<number>): boolean {
    const kept = this.columns.map((c, k) => (shown.has(c) ? k : -1)).filter((k) => k >= 0);
    if (kept.length === this.columns.length || this.tuples.length <= 1) return true;
    const memo = kept.join(",");
    const known = this.answers.get(memo);
    if (known !== undefined) return known;
    const seen = this.tuples.map((t) => kept.map((k) => t[k]!).join("\u0000"));
    let ok: boolean;
    if (this.rows === undefined) ok = new Set(seen).size === this.tuples.length;
    else {
      ok = true;
      for (const ids of this.rows.values()) {
        if (ids.size > 1 && new Set([...ids].map((id) => seen[id]!)).size < ids.size) {
          ok = false;
          break;
        }
      }
    }
    this.answers.set(memo, ok);
    return ok;
  }
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
 * column, the most important other one (and the most important that is not
 * a key, when there are keys) and `fit.keep` are never hidden, nor
 * a key column without which rows that differ (`keys`, see {@link RowKeys})
 * would read the same: a less important column goes instead. When even
 * they do not fit, the narrowest such table is drawn and `tooWide` says so.
 * Without a width, or when the table fits, every column is shown whole.
 */
export function fitLayout(
  head: readonly string[],
  natural: readonly number[],
  distinct: ReadonlyMap<number, ReadonlySet<string>>,
  width: number | undefined,
  fit: TableFit = {},
  constant: ReadonlySet<number> = new Set(),
  keys?: RowKeys,
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
  // the most important column, the most important figure (a column that is not a key) and `keep` never go; a key column stays when rows would read the same without it
  const keep = new Set(fit.keep ?? []);
  const figures = dropOrder.filter((k) => !(keys?.columns.includes(k) ?? true));
  if (figures.length > 0) keep.add(figures[figures.length - 1]!);
  const candidates = dropOrder.slice(0, -1).filter((k) => !keep.has(k));
  const gone = new Set<number>();
  for (let next = 0; ; next++) {
    const kept = natural.map((_, k) => k).filter((k) => !gone.has(k));
    const targets = shrinkTo(kept, natural, shrinkers, width);
    chosen = { kept, targets };
    if (boxWidth(kept.map((k) => shownWidth(k, targets))) <= width) break;
    for (; next < candidates.length; next++) {
      const c = candidates[next]!;
      if (keys === undefined || !keys.columns.includes(c) || keys.distinguishes(new Set(kept.filter((k) => k !== c)))) break;
    }
    if (next >= candidates.length) break;
    gone.add(candidates[next]!);
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
  // in the run's language: the headers are already (see table.ts)
  const name = (k: number) => (stripAnsi(head[k] ?? "").trim() === "" ? tr`column ${k + 1}` : stripAnsi(head[k]!).trim());
  const parts: string[] = [];
  if (layout.hidden.length > 0) {
    const n = layout.hidden.length;
    const names = layout.hidden.map(name).join(", ");
    parts.push(n === 1 ? tr`${n} column hidden at ${width} columns (${names})` : tr`${n} columns hidden at ${width} columns (${names})`);
  }
  const shortened = tr`long ${layout.shortened.map(name).join(isFrench() ? " et " : " and ")} shortened with …`;
  if (layout.shortened.length > 0) parts.push(parts.length === 0 ? tr`${shortened} at ${width} columns` : shortened);
  if (layout.tooWide) parts.push(parts.length === 0 ? tr`at ${width} columns even the narrowest table takes ${layout.tableWidth}` : tr`even the narrowest table takes ${layout.tableWidth}`);
  return wrapText(tr`${clauses(parts)}: ${label(hint)}`, width);
}

/**
 * Labels (a list that must stay a key, such as the queues beside their
 * sparklines) shortened towards `width` display columns, keeping what tells
 * each from the others. The words a label shares with others at its start
 * (`L1 async email …`, up to its longest start another label has) or at its
 * end (`… (outbound)`, the end of every label that starts so) lose their
 * letters first, alike in every label (`L1 a… e…`), the most common first
 * (and before any, a word repeating an earlier one of its label: `(o…`).
 * Then, if need be, the label's own words between them (its typology) are
 * cut at their end, no further than keeps it apart from every other label
 * (`administration d…`), never below their first four characters. Labels
 * that differ never read the same; a label that cannot become narrower so is
 * left wider than `width`.
 */
export function shortenDistinct(labels: readonly string[], width: number): string[] {
  const plain = [...new Set(labels.map(stripAnsi))];
  const shown = shortenWords(plain, Math.max(2, width));
  const of = new Map(plain.map((l, k) => [l, shown[k]!]));
  return labels.map((l) => of.get(stripAnsi(l))!);
}

/** Narrowest a label's own words become in {@link shortenDistinct}: four characters and `…`. */
const OWN_WORDS_SHORTEST = 5;

/** A word of labels being shortened: its characters, how many are shown, the fewest it may show (its first letter, with what comes before it: `(o…`). */
interface LabelWord {
  chars: { text: string; width: number }[];
  kept: number;
  least: number;
}

const wordOf = (word: string): LabelWord => {
  const chars = displayCharacters(word);
  const first = chars.findIndex((c) => /[\p{L}\p{N}]/u.test(c.text));
  return { chars, kept: chars.length, least: first < 0 ? chars.length : first + 1 };
};
const wordText = (w: LabelWord, kept = w.kept) => (kept >= w.chars.length ? w.chars.map((c) => c.text).join("") : w.chars.slice(0, kept).map((c) => c.text).join("") + "…");
const wordWidth = (w: LabelWord, kept = w.kept) => w.chars.slice(0, kept).reduce((a, c) => a + c.width, 0) + (kept >= w.chars.length ? 0 : 1);
/** How many characters a word shows one step narrower, or undefined when it can shrink no more. */
function narrowerWord(w: LabelWord): number | undefined {
  const from = wordWidth(w);
  for (let k = Math.min(w.kept, w.chars.length - 1); k >= w.least; k--) if (wordWidth(w, k) < from) return k;
  return undefined;
}
/** A word as compared with the others of its label: letters only, in lower case. */
const letters = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * The labels (distinct) shortened word by word towards `width`
 * ({@link shortenDistinct}), never two alike. A label's shared words are its
 * longest start shared with another label and the end shared by every label
 * that starts so (`L1 outbound phone` … `(outbound)`): each such word is
 * shortened alike in every label, the most common first (and first of all a
 * word repeating an earlier one of its label). Its other words, its own, are
 * then cut at their end in that label only, no further than keeps labels
 * apart nor below {@link OWN_WORDS_SHORTEST}. A label that cannot shrink
 * more is left wider.
 */
function shortenWords(plain: readonly string[], width: number): string[] {
  const split = plain.map((l) => l.split(" "));
  const starts = new Map<string, number>();
  for (const words of split) for (let j = 1; j <= words.length; j++) starts.set(words.slice(0, j).join(" "), (starts.get(words.slice(0, j).join(" ")) ?? 0) + 1);
  // which words of each label are shared (start or end), and how common each shared word is
  const shared = split.map((words) => {
    let lead = 0;
    while (lead < words.length && starts.get(words.slice(0, lead + 1).join(" "))! > 1) lead++;
    const start = words.slice(0, lead).join(" ");
    const siblings = lead === 0 ? [] : split.filter((o) => o.length >= lead && o.slice(0, lead).join(" ") === start);
    let tail = 0;
    while (lead > 0 && lead + tail < words.length && siblings.every((o) => o.length - tail - 1 >= lead && o[o.length - tail - 1] === words[words.length - tail - 1])) tail++;
    return { lead, tail };
  });
  const isShared = (k: number, j: number) => j < shared[k]!.lead || j >= split[k]!.length - shared[k]!.tail;
  const common = new Map<string, number>(); // shared word → labels holding it (Infinity: it repeats an earlier word of a label)
  const own = new Set<string>();
  split.forEach((words, k) =>
    words.forEach((w, j) => {
      if (!isShared(k, j)) own.add(w);
      else {
        const repeats = letters(w) !== "" && words.slice(0, j).some((o) => letters(o) === letters(w));
        common.set(w, repeats ? Infinity : (common.get(w) ?? 0) + 1);
      }
    }),
  );
  for (const w of own) common.delete(w);
  const global = new Map([...common.keys()].map((w) => [w, wordOf(w)]));
  const local = split.map((words) => words.map((w) => (global.has(w) ? undefined : wordOf(w))));
  const text = (k: number) => split[k]!.map((w, j) => wordText(local[k]![j] ?? global.get(w)!)).join(" ");
  let shown = plain.map((_, k) => text(k));
  const tooWide = () => shown.map((l, k) => (stringWidth(l) > width ? k : -1)).filter((k) => k >= 0);
  // shared words, alike in every label: never two words nor two labels reading the same
  for (let wide = tooWide(); wide.length > 0; wide = tooWide()) {
    const inWide = new Set(wide.flatMap((k) => split[k]!.filter((w) => global.has(w))));
    const order = [...inWide].sort((a, b) => common.get(b)! - common.get(a)! || wordWidth(global.get(b)!) - wordWidth(global.get(a)!) || (a < b ? -1 : a > b ? 1 : 0));
    let moved = false;
    for (const w of order) {
      const word = global.get(w)!;
      const next = narrowerWord(word);
      if (next === undefined) continue;
      const form = wordText(word, next);
      if ([...global].some(([o, ow]) => o !== w && wordText(ow) === form)) continue;
      const before = word.kept;
      word.kept = next;
      const texts = plain.map((_, k) => text(k));
      if (new Set(texts).size === texts.length) {
        shown = texts;
        moved = true;
        break;
      }
      word.kept = before;
    }
    if (!moved) break;
  }
  // then a label's own words, cut at their end in that label only, no further than keeps it apart
  const taken = new Set(shown);
  for (const k of tooWide()) {
    const { lead, tail } = shared[k]!;
    const words = split[k]!;
    const middle = words.slice(lead, words.length - tail).join(" ");
    if (middle === "") continue;
    const part = (from: number, to: number) => words.slice(from, to).map((w, j) => wordText(local[k]![from + j] ?? global.get(w)!));
    const before = part(0, lead);
    const after = part(words.length - tail, words.length);
    const room = width - stringWidth([...before, ...after].join(" ")) - (before.length + after.length);
    // never below its first characters (`fidé…`): they tell the queue, the label may be wider
    for (let w = Math.max(OWN_WORDS_SHORTEST, room); w < stringWidth(middle); w++) {
      const t = [...before, shownText(middle, w, "end"), ...after].join(" ");
      if (taken.has(t)) continue;
      taken.delete(shown[k]!);
      taken.add(t);
      shown[k] = t;
      break;
    }
  }
  return shown;
}
