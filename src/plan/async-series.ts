import type { ForecastRow } from "./forecast.js";

/** Largest block of a {@link NumberBlocks}: 8,192 numbers (64 KB). */
const MAX_BLOCK = 8192;
/** Its first block: a series of a few numbers takes a few hundred bytes. */
const FIRST_BLOCK = 16;

/**
 * Numbers appended one by one, in blocks of doubles that grow 16, 32, … up
 * to 8,192 numbers (64 KB): nothing is copied as it grows, and a short list
 * takes little. A number comes back as the same double (−0 and NaN too).
 */
export class NumberBlocks {
  private readonly blocks: Float64Array[] = [];
  private block: Float64Array | undefined;
  private used = 0;
  /** Numbers held. */
  length = 0;

  push(v: number): void {
    let b = this.block;
    if (b === undefined || this.used === b.length) {
      b = this.block = new Float64Array(b === undefined ? FIRST_BLOCK : Math.min(MAX_BLOCK, b.length * 2));
      this.blocks.push(b);
      this.used = 0;
    }
    b[this.used++] = v;
    this.length++;
  }

  /** Each number, in the order pushed. */
  forEach(f: (v: number) => void): void {
    let left = this.length;
    for (const b of this.blocks) {
      const n = Math.min(left, b.length);
      for (let k = 0; k < n; k++) f(b[k]!);
      left -= n;
    }
  }

  /** A reader of the numbers in the order pushed, one by one (`next()` past the end: NaN). */
  reader(): () => number {
    let block = 0;
    let k = 0;
    let left = this.length;
    const blocks = this.blocks;
    return () => {
      if (left === 0) return NaN;
      let b = blocks[block]!;
      if (k === b.length) {
        b = blocks[++block]!;
        k = 0;
      }
      left--;
      return b[k++]!;
    };
  }
}

/**
 * A deferred (async) queue's rows, kept compact until the queue can be
 * staffed at the end of the horizon: the first row (for its key and
 * targets), each row's volume (8 bytes), and its start and AHT only where
 * they are not what the rows before tell — a start one interval after the
 * row before, the AHT of the row before. A year of a queue in 15-minute
 * intervals with one AHT takes about 280 KB (three numbers a row took 840 KB).
 * Every row comes back exactly (the same doubles), in the order it came.
 */
export class AsyncSeries {
  private readonly volumes = new NumberBlocks();
  /** Starts that are not the row before's + one interval: (row, start) pairs. */
  private readonly starts = new NumberBlocks();
  /** AHTs that are not the row before's: (row, AHT) pairs. */
  private readonly ahts = new NumberBlocks();
  private readonly step: number;
  private lastStart: number;
  private lastAht: number;
  /** The first row's start and AHT (copied: the row object is kept for its key and targets only). */
  readonly firstStart: number;
  private readonly firstAht: number;
  /** Rows taken. */
  rows = 0;
  /** The shortest deadline any row gives (Infinity: none). */
  deadlineSec = Infinity;

  constructor(readonly first: ForecastRow) {
    this.step = first.intervalMin;
    this.firstStart = this.lastStart = first.startMin;
    this.firstAht = this.lastAht = first.ahtSec;
  }

  add(row: ForecastRow): void {
    const k = this.rows;
    const start = k === 0 ? this.firstStart : this.lastStart + this.step;
    if (!Object.is(row.startMin, start)) {
      this.starts.push(k);
      this.starts.push(row.startMin);
    }
    if (!Object.is(row.ahtSec, k === 0 ? this.firstAht : this.lastAht)) {
      this.ahts.push(k);
      this.ahts.push(row.ahtSec);
    }
    this.lastStart = row.startMin;
    this.lastAht = row.ahtSec;
    this.volumes.push(row.volume);
    this.rows = k + 1;
    if (row.deadlineSec !== undefined) this.deadlineSec = Math.min(this.deadlineSec, row.deadlineSec);
  }

  /** Each row's start, volume and AHT, in the order they came. */
  each(f: (startMin: number, volume: number, ahtSec: number) => void): void {
    const nextStart = this.starts.reader();
    const nextAht = this.ahts.reader();
    let startAt = nextStart(); // row of the next start given (NaN: none left)
    let ahtAt = nextAht();
    let start = this.firstStart;
    let aht = this.firstAht;
    let k = 0;
    this.volumes.forEach((volume) => {
      if (k > 0) start += this.step;
      if (k === startAt) {
        start = nextStart();
        startAt = nextStart();
      }
      if (k === ahtAt) {
        aht = nextAht();
        ahtAt = nextAht();
      }
      f(start, volume, aht);
      k++;
    });
  }
}
