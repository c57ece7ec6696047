import type { ForecastRow } from "./forecast.js";
import type { LiveLoad } from "./group-staffing.js";
import { targetsFor, type AhtByConcurrency, type QueueTargets, type Scenario } from "./scenario.js";

/** How far (relative) a channel's mean forecast AHT may lie from the key's last value before a warning. */
export const AHT_SHAPE_TOLERANCE = 0.25;

/**
 * A live load with its channel's `aht_by_concurrency` (see
 * {@link AhtByConcurrency}): the shape vⱼ ÷ v_k, applied when the row's
 * concurrency is the key's number of values and the values differ (equal
 * ones are the one-AHT model: nothing changes). The chat chain has no
 * abandonment: a shaped load has no patience (so no abandonment target).
 */
export function withAhtShape(c: QueueTargets, live: LiveLoad): LiveLoad {
  const key = c.ahtByConcurrency;
  if (key === undefined) return live;
  const v = key.valuesSec;
  const vk = v[v.length - 1]!;
  if (v.length !== live.concurrency || v.every((x) => x === v[0])) return { ...live, ahtShapeOf: key };
  return { ...live, patienceSec: undefined, targets: { ...live.targets, maxAbandonRate: undefined }, ahtShape: v.map((x) => x / vk), ahtShapeOf: key };
}

/** The durations of a shaped load for a row of that AHT (the duration at full concurrency): AHTⱼ = AHT × vⱼ ÷ v_k. */
export function ahtByConcurrencyOf(live: LiveLoad, ahtSec: number): number[] | undefined {
  return live.ahtShape?.map((r, j, all) => (j === all.length - 1 ? ahtSec : ahtSec * r));
}

/** A warning about a channel's `aht_by_concurrency`, at the key. */
export interface AhtShapeNote {
  at: AhtByConcurrency["at"];
  message: string;
}

/** Per channel with the key: the forecast's volume, Σ volume × AHT, and the rows the shape could not apply to. */
export class AhtShapeNotes {
  private readonly channels = new Map<AhtByConcurrency, { channel: string; volume: number; volumeAht: number; otherConcurrency: number; patience: number }>();

  /** Count one live row of a channel that has the key. */
  add(row: ForecastRow, live: LiveLoad): void {
    const key = live.ahtShapeOf!;
    let s = this.channels.get(key);
    if (s === undefined) this.channels.set(key, (s = { channel: row.channel, volume: 0, volumeAht: 0, otherConcurrency: 0, patience: 0 }));
    s.volume += row.volume;
    s.volumeAht += row.volume * row.ahtSec;
    if (key.valuesSec.length !== live.concurrency) s.otherConcurrency++;
    else if (live.ahtShape !== undefined && row.patienceSec !== undefined) s.patience++;
  }

  /** The warnings, one per channel and kind, in channel order. */
  notes(): AhtShapeNote[] {
    const out: AhtShapeNote[] = [];
    const all = [...this.channels.entries()].sort((a, b) => (a[1].channel < b[1].channel ? -1 : a[1].channel > b[1].channel ? 1 : 0));
    for (const [key, s] of all) {
      const vk = key.valuesSec[key.valuesSec.length - 1]!;
      const k = key.valuesSec.length;
      if (s.volume > 0) {
        const mean = s.volumeAht / s.volume;
        if (Math.abs(mean - vk) > AHT_SHAPE_TOLERANCE * vk) {
          out.push({
            at: key.at,
            message: `${s.channel}: the forecast's mean AHT is ${round(mean)} s, the duration at full concurrency here ${round(vk)} s (${signedPercent(mean / vk - 1)}): a row's AHT is taken as the duration while its agent holds ${k} chats, the key giving only the shape (is the forecast's AHT the mean over all chats?)`,
          });
        }
      }
      if (s.otherConcurrency > 0) {
        out.push({ at: key.at, message: `${s.channel}: ${s.otherConcurrency} forecast row${s.otherConcurrency === 1 ? " has" : "s have"} a concurrency other than ${k}: planned with one AHT, without aht_by_concurrency` });
      }
      if (s.patience > 0) {
        out.push({ at: key.at, message: `${s.channel}: the chat model of aht_by_concurrency has no abandonment: the patience of ${s.patience} forecast row${s.patience === 1 ? "" : "s"} is not used (chats wait until answered, which needs more agents than with abandonment)` });
      }
    }
    return out;
  }
}

function round(x: number): string {
  return String(Math.round(x * 10) / 10);
}

function signedPercent(x: number): string {
  return `${x >= 0 ? "+" : "−"}${Math.round(Math.abs(x) * 100)}%`;
}

/**
 * The warnings of {@link AhtShapeNotes} straight from the forecast's rows
 * (level 1, live), for callers that plan elsewhere (`compare`, on worker
 * threads): one counter per scenario that has the key, or undefined when none has.
 */
export function ahtShapeCounters(scenarios: readonly Scenario[]): { add(row: ForecastRow): void; notes(): AhtShapeNote[] } | undefined {
  const shaped = scenarios.filter((s) => Object.values(s.targets.channels).some((c) => c.ahtByConcurrency !== undefined));
  if (shaped.length === 0) return undefined;
  const counters = shaped.map((s) => ({ s, notes: new AhtShapeNotes() }));
  return {
    add(row) {
      if (row.channelClass !== "sync") return;
      for (const { s, notes } of counters) {
        const c = targetsFor(s, "sync", row.channel);
        if (c.ahtByConcurrency === undefined) continue;
        const live = withAhtShape(c, { patienceSec: row.patienceSec ?? c.patienceSec, concurrency: row.concurrency ?? c.concurrency ?? 1, targets: {} });
        notes.add(row, live);
      }
    },
    notes: () => counters.flatMap(({ notes }) => notes.notes()),
  };
}
