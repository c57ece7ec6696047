import type { ForecastRow } from "./forecast.js";
import type { VolumeRecipe } from "./volume-source.js";

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
 *
 * Rows that say where their volume can be read again (`volumeRecipe`, all
 * with the same one: see {@link VolumeRecipe}) keep their places in its
 * column instead, as runs of evenly spaced places (start, step, count): a
 * queue of a forecast held as columns, one row per interval, takes a few
 * numbers. A row whose volume the recipe does not give back exactly, or
 * without one, or places so uneven that the runs would take more than the
 * volumes, turns the series to volumes for good (those before worked out
 * from their places).
 *
 * Every row comes back exactly (the same doubles), in the order it came.
 */
export class AsyncSeries {
  /** The volumes, once the series keeps volumes (else null, and the rows are in `runs`). */
  private volumes: NumberBlocks | null = null;
  /** Rows by their place in the recipe's column: closed runs as (start, step, count) triples, the open one in `run*`. */
  private runs: NumberBlocks | null = new NumberBlocks();
  private recipe: VolumeRecipe | undefined;
  private runStart = 0;
  private runStep = 0;
  private runCount = 0;
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
    if (this.runs === null || !this.addPlace(row)) this.volumes!.push(row.volume);
    this.rows = k + 1;
    if (row.deadlineSec !== undefined) this.deadlineSec = Math.min(this.deadlineSec, row.deadlineSec);
  }

  /** Whether the row is kept by its place (else the series now keeps volumes, and the row's is for the caller to push). */
  private addPlace(row: ForecastRow): boolean {
    const index = row.sourceIndex;
    const recipe = row.volumeRecipe;
    if (this.rows === 0) this.recipe = recipe;
    if (recipe === undefined || recipe !== this.recipe || index === undefined || !Object.is(recipe.volume(index), row.volume)) {
      this.toVolumes();
      return false;
    }
    if (this.runCount === 0) {
      this.runStart = index;
      this.runCount = 1;
    } else if (this.runCount === 1) {
      this.runStep = index - this.runStart;
      this.runCount = 2;
    } else if (index === this.runStart + this.runCount * this.runStep) this.runCount++;
    else {
      const runs = this.runs!;
      // uneven places: three numbers a run would outgrow a volume a row
      if (runs.length + 3 > 64 && runs.length + 3 > this.rows) {
        this.toVolumes();
        return false;
      }
      runs.push(this.runStart);
      runs.push(this.runStep);
      runs.push(this.runCount);
      this.runStart = index;
      this.runCount = 1;
    }
    return true;
  }

  /** From now on, keep volumes: those of the rows so far from their places. */
  private toVolumes(): void {
    const volumes = new NumberBlocks();
    if (this.rows > 0) this.eachVolume((v) => volumes.push(v));
    this.volumes = volumes;
    this.runs = null;
  }

  /** Each row's volume, in the order they came. */
  private eachVolume(f: (volume: number) => void): void {
    if (this.runs === null) {
      this.volumes!.forEach(f);
      return;
    }
    const recipe = this.recipe!;
    const next = this.runs.reader();
    for (let run = 0; run < this.runs.length; run += 3) {
      const start = next();
      const step = next();
      const count = next();
      for (let j = 0; j < count; j++) f(recipe.volume(start + j * step));
    }
    for (let j = 0; j < this.runCount; j++) f(recipe.volume(this.runStart + j * this.runStep));
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
    this.eachVolume((volume) => {
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
