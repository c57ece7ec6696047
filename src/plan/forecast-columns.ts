import type { StaffingTargets } from "../core/required-agents.js";
import type { ChannelClass, Direction, ForecastRow, Tier } from "./forecast.js";
import type { VolumeRecipe } from "./volume-source.js";

/**
 * What a forecast row shares with the other intervals of its queue — its
 * names (typology, channel, direction), level, channel class, interval
 * length, patience, concurrency, deadline, outbound rates and own targets —
 * kept once for every row that has the same (see {@link ForecastColumns}).
 */
export interface RowProfile {
  typology: string;
  channel: string;
  direction: Direction;
  tier: Tier;
  channelClass: ChannelClass;
  intervalMin: number;
  patienceSec: number | undefined;
  concurrency: number | undefined;
  deadlineSec: number | undefined;
  contactRate: number | undefined;
  dialTimeSec: number | undefined;
  /** The row's own targets, exactly as the reader gave them (same keys, same order). */
  targets: StaffingTargets;
  /** Whether the rows carry a number of dial attempts (else `attempts` is undefined). */
  hasAttempts: boolean;
}

/** A column of numbers: whole numbers in 32 bits while every value is one, else 64-bit floats. */
export type NumberColumn = Int32Array | Float64Array;

/** A column of profile numbers, in the narrowest that holds them: one byte each for up to 256 profiles, two up to 65,536. */
export type IndexColumn = Uint8Array | Uint16Array | Int32Array;

/**
 * A forecast held as columns instead of row objects, for planning it many
 * times (`compare`: every scenario, every sweep point) on several threads:
 *
 * - per row, only what changes from one interval to the next: `startMin`,
 *   `volume`, `ahtSec`, `attempts` (a column only when some row has
 *   attempts), `line` (a column only when the rows are not on one line each,
 *   one after the other) and the index of the row's {@link RowProfile} (a
 *   byte a row for up to 256 profiles);
 * - everything else (names, targets, patience…) interned once per distinct
 *   profile in `profiles` — a queue with the same settings all year is one
 *   profile.
 *
 * Each number column is an `Int32Array` while every value is a whole number
 * in 32 bits, else a `Float64Array`: a value comes back as the same double
 * (−0 and NaN included). With `shared`, every column lives in a
 * `SharedArrayBuffer`: posted to a worker thread, the columns are shared,
 * not copied. A year of 50 queues in 15-minute intervals (1.75 million rows)
 * takes about 21 bytes a row, against about 1.3 KB as row objects.
 */
export interface ForecastColumns {
  /** Rows, in the order they were added. */
  length: number;
  profiles: RowProfile[];
  /** Each row's index in `profiles`. */
  profile: IndexColumn;
  /** Each row's line; null when row i is on line `firstLine` + i (a file of one row a line, in order). */
  line: NumberColumn | null;
  /** The first row's line (0 when there is no row). */
  firstLine: number;
  startMin: NumberColumn;
  volume: NumberColumn;
  ahtSec: NumberColumn;
  /** Null when no row has attempts. */
  attempts: NumberColumn | null;
}

const fitsInt32 = (v: number) => (v | 0) === v && !(v === 0 && 1 / v < 0);

/** A growing column: 32-bit integers until a value is not one. */
class ColumnBuilder {
  private ints: Int32Array | null = new Int32Array(1024);
  private floats: Float64Array | null = null;
  length = 0;

  push(v: number): void {
    const n = this.length;
    if (this.ints !== null) {
      if (fitsInt32(v)) {
        if (n === this.ints.length) {
          const grown = new Int32Array(Math.max(1024, n * 2));
          grown.set(this.ints);
          this.ints = grown;
        }
        this.ints[n] = v;
        this.length = n + 1;
        return;
      }
      this.floats = new Float64Array(Math.max(1024, this.ints.length));
      for (let k = 0; k < n; k++) this.floats[k] = this.ints[k]!;
      this.ints = null;
    }
    if (n === this.floats!.length) {
      const grown = new Float64Array(Math.max(1024, n * 2));
      grown.set(this.floats!);
      this.floats = grown;
    }
    this.floats![n] = v;
    this.length = n + 1;
  }

  /**
   * The column at its exact length (in shared memory when asked). The
   * builder keeps that copy as its own storage, letting go of the larger
   * one it grew in (up to twice the rows: 48 MB for a year of 50 queues);
   * a row added later grows a new array, never the one returned.
   */
  finish(shared: boolean): NumberColumn {
    const n = this.length;
    const source = this.ints !== null ? this.ints.subarray(0, n) : this.floats!.subarray(0, n);
    const bytes = n * source.BYTES_PER_ELEMENT;
    const buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
    if (source instanceof Int32Array) {
      const out = new Int32Array(buffer);
      out.set(source);
      return (this.ints = out);
    }
    const out = new Float64Array(buffer);
    out.set(source);
    return (this.floats = out);
  }
}

/** Profile numbers (0 ≤ k < count), growing, then put in the narrowest column at the end. */
class IndexColumnBuilder {
  private values = new Int32Array(1024);
  length = 0;

  push(k: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = k;
  }

  /** The numbers at their exact length, a byte each below 256 profiles, two below 65,536 (in shared memory when asked). */
  finish(shared: boolean, count: number): IndexColumn {
    const n = this.length;
    const width = count <= 256 ? 1 : count <= 65_536 ? 2 : 4;
    const buffer = shared ? new SharedArrayBuffer(n * width) : new ArrayBuffer(n * width);
    const out = width === 1 ? new Uint8Array(buffer) : width === 2 ? new Uint16Array(buffer) : new Int32Array(buffer);
    out.set(this.values.subarray(0, n));
    return out;
  }
}

/** Lines: nothing kept while each row is on the line after the row before's; a column from the first row that is not. */
class LineColumnBuilder {
  first = 0;
  private rows = 0;
  private column: ColumnBuilder | null = null;

  push(line: number): void {
    if (this.column === null) {
      if (this.rows === 0) this.first = line;
      if (Object.is(line, this.first + this.rows)) {
        this.rows++;
        return;
      }
      this.column = new ColumnBuilder();
      for (let k = 0; k < this.rows; k++) this.column.push(this.first + k);
    }
    this.column.push(line);
  }

  finish(shared: boolean): NumberColumn | null {
    return this.column?.finish(shared) ?? null;
  }
}

/** Whether two own-target objects are the same: the same keys in the same order, each value the same (`Object.is`). */
function sameTargets(a: StaffingTargets, b: StaffingTargets): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let k = 0; k < ka.length; k++) {
    const key = ka[k]! as keyof StaffingTargets;
    if (key !== kb[k] || !Object.is(a[key], b[key])) return false;
  }
  return true;
}

function sameProfile(p: RowProfile, row: ForecastRow): boolean {
  return (
    p.channel === row.channel &&
    p.direction === row.direction &&
    p.tier === row.tier &&
    p.channelClass === row.channelClass &&
    Object.is(p.intervalMin, row.intervalMin) &&
    Object.is(p.patienceSec, row.patienceSec) &&
    Object.is(p.concurrency, row.concurrency) &&
    Object.is(p.deadlineSec, row.deadlineSec) &&
    Object.is(p.contactRate, row.contactRate) &&
    Object.is(p.dialTimeSec, row.dialTimeSec) &&
    p.hasAttempts === (row.attempts !== undefined) &&
    sameTargets(p.targets, row.targets)
  );
}

/** Profiles of one typology scanned one by one up to this many; beyond, looked up by a key of every field. */
const SCAN_LIMIT = 16;

const numberKey = (v: number | undefined) => (v === undefined ? "u" : Object.is(v, -0) ? "-0" : String(v));

function profileKey(row: ForecastRow): string {
  const t = row.targets;
  const targets = Object.keys(t)
    .map((k) => `${k}=${numberKey(t[k as keyof StaffingTargets])}`)
    .join(",");
  return [
    row.typology,
    row.channel,
    row.direction,
    row.tier,
    row.channelClass,
    numberKey(row.intervalMin),
    numberKey(row.patienceSec),
    numberKey(row.concurrency),
    numberKey(row.deadlineSec),
    numberKey(row.contactRate),
    numberKey(row.dialTimeSec),
    row.attempts !== undefined,
    targets,
  ].join("\u001f");
}

/**
 * Fills a {@link ForecastColumns} row by row (e.g. from `readForecast`'s
 * callback). It keeps nothing of the rows given: the reader may reuse its
 * row object.
 */
export class ForecastColumnsBuilder {
  private readonly profiles: RowProfile[] = [];
  /** Profiles by typology, scanned while few. */
  private readonly byTypology = new Map<string, number[]>();
  /** Profiles by every field, for typologies with many. */
  private readonly byKey = new Map<string, number>();
  private readonly profile = new IndexColumnBuilder();
  private readonly line = new LineColumnBuilder();
  private readonly startMin = new ColumnBuilder();
  private readonly volume = new ColumnBuilder();
  private readonly ahtSec = new ColumnBuilder();
  private attempts: ColumnBuilder | null = null;
  private rows = 0;

  /** Rows added so far. */
  get length(): number {
    return this.rows;
  }

  /** Add one row (after the rows added before). */
  add(row: ForecastRow): void {
    this.profile.push(this.profileOf(row));
    this.line.push(row.line);
    this.startMin.push(row.startMin);
    this.volume.push(row.volume);
    this.ahtSec.push(row.ahtSec);
    if (row.attempts !== undefined && this.attempts === null) {
      this.attempts = new ColumnBuilder();
      for (let k = 0; k < this.rows; k++) this.attempts.push(0);
    }
    this.attempts?.push(row.attempts ?? 0);
    this.rows++;
  }

  private profileOf(row: ForecastRow): number {
    let list = this.byTypology.get(row.typology);
    if (list === undefined) this.byTypology.set(row.typology, (list = []));
    if (list.length <= SCAN_LIMIT) {
      for (const k of list) if (sameProfile(this.profiles[k]!, row)) return k;
      if (list.length < SCAN_LIMIT) {
        const k = this.newProfile(row);
        list.push(k);
        return k;
      }
      // the typology's profiles from now on by key (the ones scanned so far too)
      for (const k of list) this.byKey.set(profileKey(profileRow(this.profiles[k]!)), k);
      list.push(-1);
    }
    const key = profileKey(row);
    let k = this.byKey.get(key);
    if (k === undefined) this.byKey.set(key, (k = this.newProfile(row)));
    return k;
  }

  private newProfile(row: ForecastRow): number {
    this.profiles.push({
      typology: row.typology,
      channel: row.channel,
      direction: row.direction,
      tier: row.tier,
      channelClass: row.channelClass,
      intervalMin: row.intervalMin,
      patienceSec: row.patienceSec,
      concurrency: row.concurrency,
      deadlineSec: row.deadlineSec,
      contactRate: row.contactRate,
      dialTimeSec: row.dialTimeSec,
      targets: { ...row.targets },
      hasAttempts: row.attempts !== undefined,
    });
    return this.profiles.length - 1;
  }

  /**
   * The columns of every row added.
   * @param shared - put the columns in `SharedArrayBuffer`s (for worker threads)
   */
  finish(shared = false): ForecastColumns {
    return {
      length: this.rows,
      profiles: this.profiles,
      profile: this.profile.finish(shared, this.profiles.length),
      line: this.line.finish(shared),
      firstLine: this.rows === 0 ? 0 : this.line.first,
      startMin: this.startMin.finish(shared),
      volume: this.volume.finish(shared),
      ahtSec: this.ahtSec.finish(shared),
      attempts: this.attempts?.finish(shared) ?? null,
    };
  }
}

/** A profile as a row of its fields (line, volume and times left at 0): its key, or its queue as a row. */
export function profileRow(p: RowProfile): ForecastRow {
  return { ...p, line: 0, startMin: 0, volume: 0, ahtSec: 0, attempts: p.hasAttempts ? 0 : undefined };
}

/**
 * Row `i` of the columns as the forecast row it was added as: a new object
 * each call (a planner may keep the rows it is given), with the fields in
 * the reader's order. With `volumeRecipe` (made of `c.volume`), the row
 * says where its volume can be read again (`sourceIndex` = i).
 */
export function columnsRow(c: ForecastColumns, i: number, volumeRecipe?: VolumeRecipe): ForecastRow {
  const p = c.profiles[c.profile[i]!]!;
  const row: ForecastRow = {
    line: c.line === null ? c.firstLine + i : c.line[i]!,
    startMin: c.startMin[i]!,
    intervalMin: p.intervalMin,
    typology: p.typology,
    channel: p.channel,
    direction: p.direction,
    tier: p.tier,
    channelClass: p.channelClass,
    volume: c.volume[i]!,
    ahtSec: c.ahtSec[i]!,
    patienceSec: p.patienceSec,
    concurrency: p.concurrency,
    deadlineSec: p.deadlineSec,
    attempts: p.hasAttempts ? c.attempts![i]! : undefined,
    contactRate: p.contactRate,
    dialTimeSec: p.dialTimeSec,
    targets: { ...p.targets },
  };
  if (volumeRecipe !== undefined) {
    row.sourceIndex = i;
    row.volumeRecipe = volumeRecipe;
  }
  return row;
}
