import type { ChannelClass } from "../plan/forecast.js";
import type { IntervalPlan } from "../plan/interval.js";

/**
 * What the charts of a plan need, gathered interval by interval as the plan
 * is made (so no interval is kept): agents per interval start by channel
 * class, and agent-hours per queue and hour of the horizon.
 */
export class PlanSeries {
  /** Interval start and length → agents, by channel class. */
  readonly byStart = new Map<string, { startMin: number; intervalMin: number; agents: Record<ChannelClass, number> }>();
  /** Queue label → hour index (minutes since epoch ÷ 60) → agent-hours in that hour. */
  readonly byQueueHour = new Map<string, Map<number, number>>();
  /** Hour index → agent-hours of every queue. */
  readonly byHour = new Map<number, number>();
  gridMin = Infinity;

  add(i: IntervalPlan): void {
    const key = `${i.startMin}|${i.intervalMin}`;
    let slot = this.byStart.get(key);
    if (slot === undefined) this.byStart.set(key, (slot = { startMin: i.startMin, intervalMin: i.intervalMin, agents: { sync: 0, async: 0, outbound: 0 } }));
    slot.agents[i.channelClass] += i.agents;
    if (i.intervalMin < this.gridMin) this.gridMin = i.intervalMin;
    const label = `L${i.tier} ${i.channelClass} ${i.channel} ${i.typology}${i.direction === "outbound" ? " (outbound)" : ""}`;
    let q = this.byQueueHour.get(label);
    if (q === undefined) this.byQueueHour.set(label, (q = new Map()));
    // an interval may span several hours (or part of one): share its agent-hours by the minutes in each hour
    for (let t = i.startMin; t < i.startMin + i.intervalMin; ) {
      const hour = Math.floor(t / 60);
      const end = Math.min(i.startMin + i.intervalMin, (hour + 1) * 60);
      const hours = (i.agents * (end - t)) / 60;
      q.set(hour, (q.get(hour) ?? 0) + hours);
      this.byHour.set(hour, (this.byHour.get(hour) ?? 0) + hours);
      t = end;
    }
  }

  /** Agents by class on the finest grid from `firstMin` to `endMin`: a longer interval counts at every step it covers (missing intervals are 0). */
  grid(firstMin: number, endMin: number): { starts: number[]; sync: number[]; async: number[]; outbound: number[] } {
    const step = Number.isFinite(this.gridMin) ? this.gridMin : 60;
    const n = Math.max(0, Math.ceil((endMin - firstMin) / step));
    const out = { starts: Array.from({ length: n }, (_, k) => firstMin + k * step), sync: new Array<number>(n).fill(0), async: new Array<number>(n).fill(0), outbound: new Array<number>(n).fill(0) };
    for (const { startMin, intervalMin, agents } of this.byStart.values()) {
      for (let t = startMin; t < startMin + intervalMin; t += step) {
        const k = Math.round((t - firstMin) / step);
        if (k < 0 || k >= n) continue;
        out.sync[k]! += agents.sync;
        out.async[k]! += agents.async;
        out.outbound[k]! += agents.outbound;
      }
    }
    return out;
  }
}
