import type { ChalkInstance } from "chalk";
import type { CurvePoint, ErlangAnswer } from "../plan/erlang-case.js";
import { csvCell, csvRecords, csvStart, csvStyle, type CsvStyle } from "./csv-cell.js";
import { ByteWriter } from "./byte-writer.js";
import { FRENCH_THOUSANDS, grouped, jsonNumber, percent, seconds } from "./number-format.js";
import { isFrench, label, tr } from "./labels.js";
import { tableWidth } from "./settings.js";
import { renderTable } from "./table.js";
import { wrapProse } from "./text-wrap.js";

/** Version of the JSON document of `ccplan erlang`. */
export const ERLANG_SCHEMA_VERSION = 1;

/**
 * The fields of one answer, in order: the same names and values in JSON and
 * CSV. Inputs are echoed so that a row can be read without its source file.
 * One object literal, so every record has the same shape (V8 serialises such
 * objects fast: 100,000 rows are the batch calculator's everyday size).
 */
export function erlangRecord(answer: ErlangAnswer) {
  const { case: c, result: r } = answer;
  return {
    line: c.line,
    id: c.id ?? null,
    model: r.model,
    volume: c.queue.volume,
    ahtSec: c.queue.ahtSec,
    intervalMin: c.queue.intervalMin,
    patienceSec: jsonNumber(c.queue.patienceSec),
    concurrency: c.queue.concurrency ?? 1,
    slTarget: jsonNumber(c.targets.serviceLevel),
    slSeconds: jsonNumber(c.targets.answerWithinSec),
    asaMaxSec: jsonNumber(c.targets.maxAsaSec),
    maxOccupancy: jsonNumber(c.targets.maxOccupancy),
    maxAbandon: jsonNumber(c.targets.maxAbandonRate),
    feasible: r.feasible,
    agents: r.feasible ? r.agents : null,
    servers: r.feasible ? r.servers : null,
    trafficErlangs: r.trafficErlangs,
    serviceLevel: jsonNumber(r.metrics.serviceLevel),
    asaSec: jsonNumber(r.metrics.asaSec),
    probWait: jsonNumber(r.metrics.probWait),
    occupancy: jsonNumber(r.metrics.occupancy),
    abandonRate: r.model === "erlang-a" ? jsonNumber(r.metrics.abandonRate) : null,
    binding: r.binding,
    reason: r.reason ?? null,
  };
}

export type ErlangRecord = ReturnType<typeof erlangRecord>;

function placeholder(): ErlangAnswer {
  return {
    case: { line: 0, queue: { volume: 0, ahtSec: 1, intervalMin: 1 }, targets: {} },
    result: requiredAgentsPlaceholder,
  };
}

const requiredAgentsPlaceholder: ErlangAnswer["result"] = {
  agents: 0,
  servers: 0,
  trafficErlangs: 0,
  model: "erlang-c",
  feasible: true,
  binding: "none",
  metrics: { probWait: 0, serviceLevel: 1, asaSec: 0, occupancy: 0, abandonRate: 0 },
};

/** Field names in output order (JSON keys and CSV columns). */
export const ERLANG_FIELDS = Object.keys(erlangRecord(placeholder())) as (keyof ErlangRecord)[];

/** `{"schemaVersion": 1, "rows": [...]}`, one row per line, numbers unrounded, absent values null. */
export function renderErlangJson(answers: readonly ErlangAnswer[]): string {
  return erlangJsonDocument(answers.map(erlangJsonRow));
}

/** The JSON document's start; rows follow, separated by {@link ERLANG_JSON_SEPARATOR}, then {@link ERLANG_JSON_END}. */
export const ERLANG_JSON_START = `{"schemaVersion":${ERLANG_SCHEMA_VERSION},"rows":[\n`;
/** Between two rows of the JSON document. */
export const ERLANG_JSON_SEPARATOR = ",\n";
/** The JSON document's end, after its last row. */
export const ERLANG_JSON_END = "\n]}\n";

/**
 * One row of the JSON document: the fields of {@link erlangRecord} in a
 * fixed template — the bytes `JSON.stringify(erlangRecord(answer))` gives
 * (a test holds them equal on every kind of answer), written into `w`
 * without building the record or a string per field: the batch writes a
 * million rows. A field added to erlangRecord is added here and in
 * {@link writeErlangCsvRow}, in the same place.
 */
export function writeErlangJsonRow(w: ByteWriter, answer: ErlangAnswer): void {
  const { case: c, result: r } = answer;
  const q = c.queue;
  const t = c.targets;
  const m = r.metrics;
  w.text('{"line":');
  jsonNum(w, c.line);
  w.text(',"id":');
  jsonText(w, c.id);
  w.text(',"model":');
  jsonText(w, r.model);
  w.text(',"volume":');
  jsonNum(w, q.volume);
  w.text(',"ahtSec":');
  jsonNum(w, q.ahtSec);
  w.text(',"intervalMin":');
  jsonNum(w, q.intervalMin);
  w.text(',"patienceSec":');
  jsonNum(w, q.patienceSec);
  w.text(',"concurrency":');
  jsonNum(w, q.concurrency ?? 1);
  w.text(',"slTarget":');
  jsonNum(w, t.serviceLevel);
  w.text(',"slSeconds":');
  jsonNum(w, t.answerWithinSec);
  w.text(',"asaMaxSec":');
  jsonNum(w, t.maxAsaSec);
  w.text(',"maxOccupancy":');
  jsonNum(w, t.maxOccupancy);
  w.text(',"maxAbandon":');
  jsonNum(w, t.maxAbandonRate);
  w.text(r.feasible ? ',"feasible":true,"agents":' : ',"feasible":false,"agents":');
  jsonNum(w, r.feasible ? r.agents : undefined);
  w.text(',"servers":');
  jsonNum(w, r.feasible ? r.servers : undefined);
  w.text(',"trafficErlangs":');
  jsonNum(w, r.trafficErlangs);
  w.text(',"serviceLevel":');
  jsonNum(w, m.serviceLevel);
  w.text(',"asaSec":');
  jsonNum(w, m.asaSec);
  w.text(',"probWait":');
  jsonNum(w, m.probWait);
  w.text(',"occupancy":');
  jsonNum(w, m.occupancy);
  w.text(',"abandonRate":');
  jsonNum(w, r.model === "erlang-a" ? m.abandonRate : undefined);
  w.text(',"binding":');
  jsonText(w, r.binding);
  w.text(',"reason":');
  jsonText(w, r.reason);
  w.char(125); // }
}

/** A number as JSON.stringify writes it (its shortest round-trip digits, `-0` as `0`), null when absent or not finite. */
function jsonNum(w: ByteWriter, x: number | undefined): void {
  if (x === undefined || x !== x || x === Infinity || x === -Infinity) w.text("null");
  else w.jsonNumber(x);
}

/** A string as JSON.stringify writes it (in quotes as it is, unless it holds a character JSON escapes: then JSON.stringify itself); null when absent. */
function jsonText(w: ByteWriter, s: string | undefined): void {
  if (s === undefined) {
    w.text("null");
    return;
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) {
      w.text(JSON.stringify(s));
      return;
    }
  }
  w.char(34);
  w.text(s);
  w.char(34);
}

/** Text made by a row writer (for the documents written whole, and tests): one writer, reused. */
let rowText = "";
const rowWriter = new ByteWriter((bytes) => {
  rowText += bytes.toString("utf8");
});
function textOf(write: (w: ByteWriter) => void): string {
  rowText = "";
  write(rowWriter);
  rowWriter.flush();
  return rowText;
}

/** One row of the JSON document (see {@link writeErlangJsonRow}). */
export function erlangJsonRow(answer: ErlangAnswer): string {
  return textOf((w) => writeErlangJsonRow(w, answer));
}

/** The JSON document around rows made by {@link erlangJsonRow}. */
export function erlangJsonDocument(rows: readonly string[]): string {
  return ERLANG_JSON_START + rows.join(ERLANG_JSON_SEPARATOR) + ERLANG_JSON_END;
}

/** One CSV line per answer with the fields of {@link erlangRecord}; numbers to 6 decimals. */
export function renderErlangCsv(answers: readonly ErlangAnswer[]): string {
  const style = csvStyle();
  return erlangCsvStart(style) + textOf((w) => answers.forEach((a) => writeErlangCsvRow(w, a, style)));
}

/**
 * One CSV record in `style` (the run's, see `csvStyle`), its line ending
 * included: the fields of {@link erlangRecord} in a fixed template, each
 * cell as `csvCell` writes it (a test holds them equal) — numbers as
 * `csvDecimal` (fixed-decimal.ts) writes them, digit by digit into `w`, text quoted only
 * when it must be.
 */
export function writeErlangCsvRow(w: ByteWriter, answer: ErlangAnswer, style: CsvStyle): void {
  const { case: c, result: r } = answer;
  const q = c.queue;
  const t = c.targets;
  const m = r.metrics;
  const d = style.delimiter.charCodeAt(0);
  const mark = style.decimalComma ? 44 : 46;
  csvNum(w, c.line, mark);
  w.char(d);
  csvText(w, c.id, style);
  w.char(d);
  csvText(w, r.model, style);
  w.char(d);
  csvNum(w, q.volume, mark);
  w.char(d);
  csvNum(w, q.ahtSec, mark);
  w.char(d);
  csvNum(w, q.intervalMin, mark);
  w.char(d);
  csvFinite(w, q.patienceSec, mark);
  w.char(d);
  csvNum(w, q.concurrency ?? 1, mark);
  w.char(d);
  csvFinite(w, t.serviceLevel, mark);
  w.char(d);
  csvFinite(w, t.answerWithinSec, mark);
  w.char(d);
  csvFinite(w, t.maxAsaSec, mark);
  w.char(d);
  csvFinite(w, t.maxOccupancy, mark);
  w.char(d);
  csvFinite(w, t.maxAbandonRate, mark);
  w.char(d);
  w.text(r.feasible ? "true" : "false");
  w.char(d);
  if (r.feasible) csvNum(w, r.agents, mark);
  w.char(d);
  if (r.feasible) csvNum(w, r.servers, mark);
  w.char(d);
  csvNum(w, r.trafficErlangs, mark);
  w.char(d);
  csvFinite(w, m.serviceLevel, mark);
  w.char(d);
  csvFinite(w, m.asaSec, mark);
  w.char(d);
  csvFinite(w, m.probWait, mark);
  w.char(d);
  csvFinite(w, m.occupancy, mark);
  w.char(d);
  if (r.model === "erlang-a") csvFinite(w, m.abandonRate, mark);
  w.char(d);
  csvText(w, r.binding, style);
  w.char(d);
  csvText(w, r.reason, style);
  w.text(style.newline);
}

/** A number as csvCell writes it: blank for NaN, `inf` for infinities. */
function csvNum(w: ByteWriter, x: number, mark: number): void {
  if (x !== x) return;
  if (x === Infinity || x === -Infinity) w.text(x > 0 ? "inf" : "-inf");
  else w.csvNumber(x, mark);
}

/** A field that erlangRecord passes through jsonNumber: blank when absent or not finite. */
function csvFinite(w: ByteWriter, x: number | undefined, mark: number): void {
  if (x === undefined || x !== x || x === Infinity || x === -Infinity) return;
  w.csvNumber(x, mark);
}

/** Text as `csvCell` writes it: as it is unless it needs quotes (or, in the French style, may be a date-time): then csvCell itself; nothing when absent. */
function csvText(w: ByteWriter, s: string | undefined, style: CsvStyle): void {
  if (s === undefined) return;
  if (style.dateTimeSeparator !== "T" && s.length === 16) {
    w.text(csvCell(s, style));
    return;
  }
  const delimiter = style.delimiter.charCodeAt(0);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 10 || c === 13 || c === delimiter) {
      w.text(csvCell(s, style));
      return;
    }
  }
  w.text(s);
}

/** One CSV line (no line ending) in `style` (see {@link writeErlangCsvRow}). */
export function erlangCsvRow(answer: ErlangAnswer, style: CsvStyle = csvStyle()): string {
  return textOf((w) => writeErlangCsvRow(w, answer, style)).slice(0, -style.newline.length);
}

/** The CSV document: BOM (French style), header, then rows made by {@link erlangCsvRow}. */
export function erlangCsvDocument(rows: readonly string[]): string {
  const style = csvStyle();
  return erlangCsvStart(style) + csvRecords(rows, style);
}

/** The CSV document's start: the BOM (French style) and the header line. */
export function erlangCsvStart(style: CsvStyle = csvStyle()): string {
  return csvStart(ERLANG_FIELDS, style);
}

/** Describe the targets in words: `SL 80% in 20 s, ASA ≤ 30 s`. */
export function describeTargets(answer: ErlangAnswer): string {
  const t = answer.case.targets;
  const parts: string[] = [];
  // Shown as given (trailing zeros trimmed, never rounded): 99.5% is not 100%.
  const share = (x: number) => `${grouped(x * 100, 6, 0)}${isFrench() ? FRENCH_THOUSANDS : ""}%`;
  if (t.serviceLevel !== undefined) parts.push(tr`SL ${share(t.serviceLevel)} in ${grouped(t.answerWithinSec ?? 0, 3, 0)} s`);
  if (t.maxAsaSec !== undefined) parts.push(tr`ASA ≤ ${grouped(t.maxAsaSec, 3, 0)} s`);
  if (t.maxOccupancy !== undefined) parts.push(tr`occupancy ≤ ${share(t.maxOccupancy)}`);
  if (t.maxAbandonRate !== undefined) parts.push(tr`abandonment ≤ ${share(t.maxAbandonRate)}`);
  return parts.length > 0 ? parts.join(", ") : label("none (stability only)");
}

/**
 * The single-queue answer: a headline, then the curve of N around it with the
 * chosen N marked.
 */
export function renderErlangSingle(answer: ErlangAnswer, curve: readonly CurvePoint[], color: ChalkInstance): string {
  const { case: c, result: r } = answer;
  const k = c.queue.concurrency ?? 1;
  const model =
    r.model === "erlang-a"
      ? tr`Erlang A (patience ${c.queue.patienceSec} s)`
      : r.model === "erlang-chat"
        ? tr`Erlang Chat (chats last ${c.queue.ahtByConcurrencySec!.join(" / ")} s at 1…${c.queue.ahtByConcurrencySec!.length} per agent)`
        : "Erlang C";
  const out: string[] = [];
  out.push(
    tr`Load ${grouped(r.trafficErlangs, 3)} Erlangs (${grouped(c.queue.volume, 2, 0)} contacts × ${c.queue.ahtSec} s / ${c.queue.intervalMin} min), ${model}` + (k > 1 ? tr`, ${k} sessions per agent` : ""),
  );
  out.push(tr`Targets: ${describeTargets(answer)}`);
  if (!r.feasible) {
    out.push(color.red(tr`No staffing meets the targets: ${r.reason}`));
    return wrapProse(out, tableWidth()).join("\n") + "\n";
  }
  if (r.trafficErlangs === 0) {
    out.push(color.bold(tr`No volume: 0 agents.`));
    return wrapProse(out, tableWidth()).join("\n") + "\n";
  }
  out.push(color.bold(tr`Agents needed: ${r.agents}`) + tr`  (binding: ${r.binding})`);
  out.push("");
  const erlangA = r.model === "erlang-a";
  const head = ["agents", "service level", "ASA", "P(wait)", "occupancy", ...(erlangA ? ["abandoned"] : []), "targets"];
  const rows = curve.map((p) => {
    const chosen = p.agents === r.agents;
    const cells = [
      `${chosen ? "▶ " : "  "}${p.agents}`,
      percent(p.metrics.serviceLevel),
      seconds(p.metrics.asaSec),
      percent(p.metrics.probWait),
      percent(p.metrics.occupancy),
      ...(erlangA ? [percent(p.metrics.abandonRate)] : []),
      p.meetsTargets ? tr`met` : tr`missed`,
    ];
    return chosen ? cells.map((x) => color.bold.green(x)) : cells.map((x) => (p.meetsTargets ? x : color.dim(x)));
  });
  const targets = head.length - 1;
  out.push(renderTable(head, rows, ["right", "right", "right", "right", "right", ...(erlangA ? ["right" as const] : []), "left"], { priority: [1, targets, 2, ...(erlangA ? [5] : []), 4, 3] }));
  return wrapProse(out, tableWidth()).join("\n") + "\n";
}

/** One line per case for the batch form. */
export function renderErlangBatchTable(answers: readonly ErlangAnswer[], color: ChalkInstance): string {
  const head = ["line", "id", "model", "load (Erl)", "agents", "service level", "ASA", "P(wait)", "occupancy", "abandoned", "binding"];
  const rows = answers.map(({ case: c, result: r }) => {
    if (!r.feasible) {
      return [String(c.line), c.id ?? "", r.model, grouped(r.trafficErlangs, 2), color.red("—"), "", "", "", "", "", color.red(r.reason ?? "infeasible")];
    }
    return [
      String(c.line),
      c.id ?? "",
      r.model,
      grouped(r.trafficErlangs, 2),
      grouped(r.agents),
      percent(r.metrics.serviceLevel),
      seconds(r.metrics.asaSec),
      percent(r.metrics.probWait),
      percent(r.metrics.occupancy),
      r.model === "erlang-a" ? percent(r.metrics.abandonRate) : "",
      r.binding,
    ];
  });
  // the case and its answer first; ids keep their end (`…-phone-0900`), reasons their start
  const fit = { priority: [1, 4, 5, 6, 10, 8, 3, 9, 7, 2], shorten: { 1: "middle", 10: "end" }, minWidths: { 1: 14, 10: 17 } } as const;
  return renderTable(head, rows, ["right", "left", "left", "right", "right", "right", "right", "right", "right", "right", "left"], fit) + "\n";
}
