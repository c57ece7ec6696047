import { appendFileSync, closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChalkInstance } from "chalk";
import { queueId } from "../plan/forecast.js";
import type { IntervalPlan, Plan } from "../plan/plan.js";
import {
  INTERVAL_CSV_NAMES,
  INTERVAL_TABLE_ALIGN,
  INTERVAL_TABLE_FIT,
  INTERVAL_TABLE_HEAD,
  intervalCsvLine,
  intervalJsonLine,
  intervalTableCells,
  planJsonHead,
  planTitle,
} from "./render-plan.js";
import { csvRecords, csvStart } from "./csv-cell.js";
import { label } from "./labels.js";
import { temporaries } from "./temporaries.js";
import { tableWidth } from "./settings.js";
import { BoxTable } from "./table.js";

/** Bytes of formatted rows held in memory before they go to the spool files. */
const SPOOL_MEMORY_BYTES = 8 << 20;
/** Separates a table row's cells in the spool (cells are one-line labels and numbers). */
const CELL_SEPARATOR = "\u001f";
/** Ends each record in the spool (a CSV record may hold a quoted newline). */
const RECORD_END = "\u001e";

interface QueueSpool {
  parts: string[];
  file: string | undefined;
  lastStart: number;
  /** Rows came in time order (a WFM export's usual order): copied as they are, else sorted at the end. */
  inOrder: boolean;
}

/**
 * The intervals report of a plan of any length, in memory that does not grow
 * with it: each interval is formatted as it is planned and spooled per queue
 * (in memory up to 8 MB, then in temporary files), then the report is written
 * queue by queue in the plan's order, each queue's rows by time — the same
 * bytes as `renderPlan…(plan, "intervals")` would give from a kept plan.
 * Lines start with the ISO interval start, so sorting a queue's lines sorts
 * them by time.
 */
export class IntervalReport {
  private readonly queues = new Map<string, QueueSpool>();
  private buffered = 0;
  private dir: string | undefined;
  private readonly box: BoxTable | undefined;
  /** What the table leaves out at the run's width, said under it. */
  private fitNote: string[] = [];

  constructor(
    private readonly format: "table" | "csv" | "json",
    private readonly color: ChalkInstance,
    /** Bytes held in memory before spilling to temporary files. */
    private readonly memoryBytes = SPOOL_MEMORY_BYTES,
  ) {
    this.box = format === "table" ? new BoxTable(INTERVAL_TABLE_HEAD.map(label), INTERVAL_TABLE_ALIGN, INTERVAL_TABLE_FIT) : undefined;
  }

  /** Take one planned interval. */
  add(i: IntervalPlan): void {
    let line: string;
    if (this.format === "csv") line = intervalCsvLine(i);
    else if (this.format === "json") line = intervalJsonLine(i);
    else {
      const cells = intervalTableCells(i, this.color).map((c) => c.replaceAll(CELL_SEPARATOR, " ").replace(/[\n\r\t]/g, " "));
      this.box!.measure(cells);
      line = cells.join(CELL_SEPARATOR);
    }
    if (line.includes(RECORD_END)) line = line.replaceAll(RECORD_END, " ");
    const id = queueId(i);
    let q = this.queues.get(id);
    if (q === undefined) this.queues.set(id, (q = { parts: [], file: undefined, lastStart: -Infinity, inOrder: true }));
    if (i.startMin <= q.lastStart) q.inOrder = false;
    q.lastStart = i.startMin;
    q.parts.push(line + RECORD_END);
    this.buffered += line.length + 1;
    if (this.buffered > this.memoryBytes) this.spill();
  }

  /** Write the report (header, then every queue's rows) through `write`, then remove the spool. */
  writeTo(plan: Plan, write: (text: string) => void): void {
    try {
      if (this.format === "csv") write(csvStart(INTERVAL_CSV_NAMES)); // the BOM (French style) once, before the header
      else if (this.format === "json") write(planJsonHead(plan, "intervals") + '"rows":[\n');
      else {
        // every row is measured: the columns that fit the run's width are known before the first is drawn
        this.fitNote = this.box!.fitTo(tableWidth());
        write([...planTitle(plan, "intervals", this.color), this.box!.top(this.queues.size > 0)].join("\n") + "\n");
      }
      let first = true;
      for (const q of plan.queues) {
        const spool = this.queues.get(queueId(q.queue!));
        if (spool === undefined) continue;
        this.copy(spool, (records) => {
          if (this.format === "csv") write(csvRecords(records));
          else if (this.format === "json") {
            // Rows are separated by ",\n": a comma before every row but the first.
            write((first ? "" : ",\n") + records.join(",\n"));
            first = false;
          } else {
            let out = "";
            for (const row of records) out += this.box!.row(row.split(CELL_SEPARATOR)) + "\n";
            write(out);
          }
        });
      }
      if (this.format === "json") write((first ? "" : "\n") + "]}\n");
      else if (this.format === "table") write([this.box!.bottom(), ...this.fitNote].join("\n") + "\n");
    } finally {
      this.dispose();
    }
  }

  /** Remove the temporary files. */
  dispose(): void {
    if (this.dir !== undefined) {
      rmSync(this.dir, { recursive: true, force: true });
      temporaries.dirs.delete(this.dir);
    }
    this.dir = undefined;
  }

  /** A queue's records, in time order, in blocks. */
  private copy(q: QueueSpool, emit: (records: string[]) => void): void {
    const records = (text: string) => text.slice(0, -1).split(RECORD_END);
    if (!q.inOrder) {
      const all = records((q.file === undefined ? "" : readFileSync(q.file, "utf8")) + q.parts.join("")).sort();
      for (let k = 0; k < all.length; k += 10_000) emit(all.slice(k, k + 10_000));
      return;
    }
    if (q.file !== undefined) {
      const fd = openSync(q.file, "r");
      try {
        const buffer = Buffer.alloc(1 << 20);
        const decoder = new TextDecoder("utf-8");
        let carry = "";
        for (;;) {
          const n = readSync(fd, buffer, 0, buffer.length, null);
          if (n === 0) break;
          const text = carry + decoder.decode(buffer.subarray(0, n), { stream: true });
          const end = text.lastIndexOf(RECORD_END) + 1;
          if (end > 0) emit(records(text.slice(0, end)));
          carry = text.slice(end);
        }
      } finally {
        closeSync(fd);
      }
    }
    if (q.parts.length > 0) emit(records(q.parts.join("")));
  }

  /** Move every queue's buffered lines to its spool file. */
  private spill(): void {
    if (this.dir === undefined) {
      this.dir = mkdtempSync(join(tmpdir(), "ccplan-intervals-"));
      temporaries.dirs.add(this.dir); // removed on a signal too
    }
    let k = 0;
    for (const q of this.queues.values()) {
      k++;
      if (q.parts.length === 0) continue;
      q.file ??= join(this.dir, `q${k}.txt`);
      appendFileSync(q.file, q.parts.join(""));
      q.parts = [];
    }
    this.buffered = 0;
  }
}

export { streamReport } from "./output.js";
