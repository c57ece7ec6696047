import type { ChalkInstance } from "chalk";
import type { CurvePoint, ErlangAnswer } from "../plan/erlang-case.js";
import { csvCell, csvRecords, csvStart, csvStyle } from "./csv-cell.js";
import { FRENCH_THOUSANDS, grouped, jsonNumber, percent, seconds } from "./number-format.js";
import { isFrench, label, tr } from "./labels.js";
import { tableWidth } from "./settings.js";
import { renderTable } from "./table.js";
import { wrapProse } from "./text-wrap.js";

/** Version of the JSON document of `ccplan erlang`. */
export const ERLANG_SCHEMA_VERSION = 1;

type Value = string | number | boolean | null;

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

/** One row of the JSON document. */
export function erlangJsonRow(answer: ErlangAnswer): string {
  return JSON.stringify(erlangRecord(answer));
}

/** The JSON document around rows made by {@link erlangJsonRow}. */
export function erlangJsonDocument(rows: readonly string[]): string {
  return `{"schemaVersion":${ERLANG_SCHEMA_VERSION},"rows":[\n${rows.join(",\n")}\n]}\n`;
}

/** One CSV line per answer with the fields of {@link erlangRecord}; numbers to 6 decimals. */
export function renderErlangCsv(answers: readonly ErlangAnswer[]): string {
  return erlangCsvDocument(answers.map(erlangCsvRow));
}

/** One CSV line (no newline), in the run's CSV style (see `csvStyle`). */
export function erlangCsvRow(answer: ErlangAnswer): string {
  const rec = erlangRecord(answer);
  const style = csvStyle();
  let line = "";
  for (let k = 0; k < ERLANG_FIELDS.length; k++) line += (k === 0 ? "" : style.delimiter) + csvCell(rec[ERLANG_FIELDS[k]!] as Value, style);
  return line;
}

/** The CSV document: BOM (French style), header, then rows made by {@link erlangCsvRow}. */
export function erlangCsvDocument(rows: readonly string[]): string {
  const style = csvStyle();
  return csvStart(ERLANG_FIELDS, style) + csvRecords(rows, style);
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
  const model = r.model === "erlang-a" ? tr`Erlang A (patience ${c.queue.patienceSec} s)` : "Erlang C";
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
