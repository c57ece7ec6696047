/**
 * Small inline SVG charts for the HTML reports: no script, no network
 * asset, deterministic text (coordinates rounded to 0.1 px).
 */

import { label as word, tr } from "./labels.js";
import { localDigits } from "./number-format.js";

/** A palette that stays readable in print and for common colour blindness (Okabe–Ito). */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#8C564B", "#7F7F7F", "#17BECF", "#BCBD22"];

/** Text for HTML and SVG: `&`, `<`, `>`, quotes escaped. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const r1 = (x: number) => String(Math.round(x * 10) / 10);

/** A round upper bound for an axis: 1, 2, 2.5 or 5 × 10^k, at least `max`. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(max)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

function fmt(x: number): string {
  return localDigits(x >= 1000 ? Math.round(x).toLocaleString("en-US") : String(Math.round(x * 10) / 10));
}

/** An axis tick: exact to the step (0.25 stays 0.25). */
function tick(x: number): string {
  return localDigits(x >= 1000 ? Math.round(x).toLocaleString("en-US") : String(Math.round(x * 1000) / 1000));
}

/** At most as many series as the palette has colours: the rest summed into "others", so no two share a colour. */
export function capSeries(series: readonly Series[], max = PALETTE.length): Series[] {
  if (series.length <= max) return [...series];
  const kept = series.slice(0, max - 1);
  const rest = series.slice(max - 1);
  const n = Math.max(...rest.map((s) => s.values.length));
  return [...kept, { name: `${rest.length} others`, values: Array.from({ length: n }, (_, i) => rest.reduce((t, s) => t + (Number.isFinite(s.values[i]) ? s.values[i]! : 0), 0)) }];
}

/** One named series of values. */
export interface Series {
  name: string;
  values: number[];
}

/** The legend, wrapped to `width`; returns its SVG and the height it takes. */
function legend(series: readonly Series[], x: number, y: number, width: number): { svg: string; height: number } {
  let out = "";
  let dx = 0;
  let line = 0;
  series.forEach((s, k) => {
    const name = word(s.name);
    const w = 26 + name.length * 6.8;
    if (dx > 0 && x + dx + w > width - 8) {
      dx = 0;
      line++;
    }
    const yy = y + line * 16;
    out += `<rect x="${r1(x + dx)}" y="${r1(yy - 9)}" width="10" height="10" fill="${PALETTE[k % PALETTE.length]}"/><text x="${r1(x + dx + 14)}" y="${r1(yy)}" font-size="11">${escapeXml(name)}</text>`;
    dx += w;
  });
  return { svg: out, height: (line + 1) * 16 };
}

/** Left margin wide enough for the axis labels up to `max`. */
function leftMargin(max: number): number {
  return Math.max(56, 30 + tick(max).length * 6.5);
}

function yAxis(top: number, bottom: number, left: number, right: number, max: number, label: string): string {
  let out = "";
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    const y = bottom - ((bottom - top) * k) / 4;
    out += `<line x1="${left}" x2="${right}" y1="${r1(y)}" y2="${r1(y)}" stroke="#ddd"/><text x="${left - 6}" y="${r1(y + 4)}" font-size="10" text-anchor="end">${tick(v)}</text>`;
  }
  return out + `<text x="12" y="${r1((top + bottom) / 2)}" font-size="11" transform="rotate(-90 12 ${r1((top + bottom) / 2)})" text-anchor="middle">${escapeXml(word(label))}</text>`;
}

/**
 * Stacked areas over a time axis (one point per interval).
 * @param ticks - [index, label] pairs shown under the axis (e.g. each day's start)
 */
export function stackedAreaChart(title: string, input: readonly Series[], ticks: readonly [number, string][], yLabel: string, width = 900, minHeight = 300): string {
  const series = capSeries(input);
  const n = Math.max(1, ...series.map((s) => s.values.length));
  const totals = Array.from({ length: n }, (_, i) => series.reduce((t, s) => t + (s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const left = leftMargin(max);
  const right = width - 12;
  const key = legend(series, left, 22, width);
  const top = 20 + key.height;
  const height = Math.max(minHeight, top + 180 + 28); // a long legend makes the chart taller, never the plot flatter
  const bottom = height - 28;
  const x = (i: number) => left + ((right - left) * i) / Math.max(1, n - 1);
  const y = (v: number) => bottom - ((bottom - top) * v) / max;
  let body = yAxis(top, bottom, left, right, max, yLabel);
  const base = new Array<number>(n).fill(0);
  series.forEach((s, k) => {
    const upper = base.map((b, i) => b + (s.values[i] ?? 0));
    const pts = upper.map((v, i) => `${r1(x(i))},${r1(y(v))}`).concat(base.map((v, i) => `${r1(x(i))},${r1(y(v))}`).reverse());
    body += `<polygon points="${pts.join(" ")}" fill="${PALETTE[k % PALETTE.length]}" fill-opacity="0.85"><title>${escapeXml(word(s.name))}</title></polygon>`;
    upper.forEach((v, i) => (base[i] = v));
  });
  // at most about one label per 70 px: every k-th tick
  const every = Math.max(1, Math.ceil((ticks.length * 70) / (right - left)));
  for (const [i, label] of ticks.filter((_, k) => k % every === 0)) body += `<line x1="${r1(x(i))}" x2="${r1(x(i))}" y1="${bottom}" y2="${bottom + 4}" stroke="#333"/><text x="${r1(x(i) + 3)}" y="${bottom + 16}" font-size="10">${escapeXml(label)}</text>`;
  return svg(title, width, height, body + key.svg);
}

/** Average width of a character at font-size 10, px, on the safe side (system-ui's letters are narrower on average). */
const CHAR_PX = 6.2;

/** Words in lines of at most `chars` characters; a longer word is cut into pieces. */
export function wrapWords(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (let word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length <= chars) {
      line += " " + word;
      continue;
    }
    if (line !== "") lines.push(line);
    while (word.length > chars) {
      lines.push(word.slice(0, chars));
      word = word.slice(chars);
    }
    line = word;
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Every category label whole under its bar: wrapped on words within the
 * bar's slot, or, when the slots are too narrow for the longest word (or 8
 * characters), written upwards on one line. Returns each label's SVG (given its centre x
 * and the axis' y) and the height they take under the axis.
 */
function wholeLabels(categories: readonly string[], slot: number): { height: number; draw: (cat: string, x: number, axis: number) => string } {
  const chars = Math.floor((slot - 8) / CHAR_PX);
  const longestWord = Math.max(0, ...categories.flatMap((c) => c.split(/\s+/).map((w) => w.length)));
  if (chars >= Math.max(8, longestWord)) {
    const lines = Math.max(1, ...categories.map((c) => wrapWords(c, chars).length));
    return {
      height: 10 + lines * 12,
      draw: (cat, x, axis) =>
        `<text class="category" x="${r1(x)}" y="${axis + 16}" font-size="10" text-anchor="middle">${wrapWords(cat, chars)
          .map((l, k) => `<tspan x="${r1(x)}" dy="${k === 0 ? 0 : 12}">${escapeXml(l)}</tspan>`)
          .join("")}</text>`,
    };
  }
  const longest = Math.max(0, ...categories.map((c) => c.length));
  return {
    height: Math.ceil(14 + longest * CHAR_PX),
    draw: (cat, x, axis) => `<text class="category" x="${r1(x + 3)}" y="${axis + 8}" font-size="10" text-anchor="end" transform="rotate(-90 ${r1(x + 3)} ${axis + 8})">${escapeXml(cat)}</text>`,
  };
}

/**
 * Bars per category, each bar stacked from the series.
 * @param categories - one label per bar
 * @param options - `wholeLabels`: never shorten or skip a category's label (wrapped, or written upwards when the bars are narrow), e.g. scenario names
 */
export function stackedBarChart(title: string, categories: readonly string[], input: readonly Series[], yLabel: string, width = 900, minHeight = 320, options: { wholeLabels?: boolean } = {}): string {
  const series = capSeries(input);
  // a value that is not a number (NaN) is "no data": no bar, "n/a" above the category
  const missing = categories.map((_, c) => series.every((s) => !Number.isFinite(s.values[c] ?? 0)));
  const totals = categories.map((_, c) => series.reduce((t, s) => t + (Number.isFinite(s.values[c] ?? 0) ? (s.values[c] ?? 0) : 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const left = leftMargin(max);
  const right = width - 12;
  const key = legend(series, left, 22, width);
  const top = 24 + key.height;
  const slot = (right - left) / Math.max(1, categories.length);
  const labels = options.wholeLabels === true ? wholeLabels(categories, slot) : undefined;
  const below = labels === undefined ? 44 : Math.max(44, labels.height + 8);
  const height = Math.max(minHeight, top + 180 + below);
  const bottom = height - below;
  const w = Math.min(90, slot * 0.6);
  // labels no closer than about 70 px: every k-th category when there are many
  const labelEvery = Math.max(1, Math.ceil(70 / slot));
  let body = yAxis(top, bottom, left, right, max, yLabel);
  categories.forEach((cat, c) => {
    let acc = 0;
    const cx = left + slot * c + (slot - w) / 2;
    series.forEach((s, k) => {
      const v = s.values[c] ?? 0;
      if (!(v > 0)) return;
      const y0 = bottom - ((bottom - top) * acc) / max;
      const y1 = bottom - ((bottom - top) * (acc + v)) / max;
      body += `<rect x="${r1(cx)}" y="${r1(y1)}" width="${r1(w)}" height="${r1(y0 - y1)}" fill="${PALETTE[k % PALETTE.length]}"><title>${escapeXml(`${cat}: ${word(s.name)} ${fmt(v)}`)}</title></rect>`;
      acc += v;
    });
    // the value over the bar when there is room for it (else in the bar's tooltip)
    if (slot >= 36 || missing[c]) body += `<text x="${r1(cx + w / 2)}" y="${r1(bottom - ((bottom - top) * acc) / max - 4)}" font-size="10" text-anchor="middle">${missing[c] ? "n/a" : fmt(acc)}</text>`;
    if (labels !== undefined) body += labels.draw(cat, left + slot * c + slot / 2, bottom);
    else if (c % labelEvery === 0) body += `<text x="${r1(left + slot * c + slot / 2)}" y="${bottom + 16}" font-size="10" text-anchor="middle">${escapeXml(cat.length > 28 ? cat.slice(0, 27) + "…" : cat)}</text>`;
  });
  return svg(title, width, height, body + key.svg);
}

/** Horizontal bars: for each row, a grey `required` bar with the `covered` part over it (and the gap in red). */
export function coverageChart(title: string, rows: readonly { label: string; required: number; covered: number }[], width = 900): string {
  const rowH = 16;
  const left = 260;
  const right = width - 60;
  const top = 40;
  const height = top + rows.length * rowH + 24;
  const max = niceMax(Math.max(0, ...rows.map((r) => r.required)));
  const x = (v: number) => left + ((right - left) * v) / max;
  let body = "";
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    body += `<text x="${left - 6}" y="${r1(y + 11)}" font-size="10" text-anchor="end">${escapeXml(r.label)}</text>`;
    body += `<rect x="${left}" y="${r1(y + 2)}" width="${r1(x(r.required) - left)}" height="${rowH - 4}" fill="#D55E00"><title>${escapeXml(tr`${r.label}: required ${fmt(r.required)} FTE`)}</title></rect>`;
    body += `<rect x="${left}" y="${r1(y + 2)}" width="${r1(x(Math.min(r.covered, r.required)) - left)}" height="${rowH - 4}" fill="#009E73"><title>${escapeXml(tr`${r.label}: covered ${fmt(r.covered)} FTE`)}</title></rect>`;
    const gap = r.required - r.covered;
    if (gap >= 0.005) body += `<text x="${r1(x(r.required) + 4)}" y="${r1(y + 11)}" font-size="10" fill="#D55E00">−${gap.toFixed(2)}</text>`;
  });
  body += `<text x="${left}" y="${height - 6}" font-size="10">0</text><text x="${right}" y="${height - 6}" font-size="10" text-anchor="end">${fmt(max)} FTE</text>`;
  body += `<rect x="${left}" y="14" width="10" height="10" fill="#009E73"/><text x="${left + 14}" y="23" font-size="11">${escapeXml(word("covered"))}</text><rect x="${left + 80}" y="14" width="10" height="10" fill="#D55E00"/><text x="${left + 94}" y="23" font-size="11">${escapeXml(word("gap"))}</text>`;
  return svg(title, width, height, body);
}

function svg(title: string, width: number, height: number, body: string): string {
  const shown = word(title);
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(shown)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif"><title>${escapeXml(shown)}</title>${body}</svg>`;
}
