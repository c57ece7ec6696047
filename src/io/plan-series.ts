import type { ChannelClass } from "../plan/forecast.js";
import type { IntervalPlan } from "../plan/interval.js";

/**
 * What the charts of a plan need, gathered interval by interval as the plan
 * is made (so no interval is kept): agents per interval start by channel
 * class, and agent-hours per queue and hour of the horizon.
 */
export class PlanSeries {
  /** Interval start → agents, by channel class. */
  readonly byStart = new Map<number, Record<ChannelClass, number>>();
  /** Queue label → hour index (minutes since epoch ÷ 60) → agent-hours in that hour. */
  readonly byQueueHour = new Map<string, Map<number, number>>();
  /** Hour index → agent-hours of every queue. */
  readonly byHour = new Map<number, number>();
  gridMin = Infinity;

  add(i: IntervalPlan): void {
    let slot = this.byStart.get(i.startMin);
    if (slot === undefined) this.byStart.set(i.startMin, (slot = { sync: 0, async: 0, outbound: 0 }));
    slot[i.channelClass] += i.agents;
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

  /** Agents by class on a regular grid from `firstMin` to `endMin` (missing intervals are 0). */
  grid(firstMin: number, endMin: number): { starts: number[]; sync: number[]; async: number[]; outbound: number[] } {
    const step = Number.isFinite(this.gridMin) ? this.gridMin : 60;
    const starts: number[] = [];
    const out = { starts, sync: [] as number[], async: [] as number[], outbound: [] as number[] };
    for (let k = 0; firstMin + k * step < endMin; k++) {
      const t = firstMin + k * step;
      const v = this.byStart.get(t);
      starts.push(t);
      out.sync.push(v?.sync ?? 0);
      out.async.push(v?.async ?? 0);
      out.outbound.push(v?.outbound ?? 0);
    }
    return out;
  }
}
