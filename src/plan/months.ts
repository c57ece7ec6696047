import { headcount as toHeadcount } from "../core/people.js";
import { formatDateTime, MINUTES_PER_DAY } from "./calendar.js";
import type { WeekPlan } from "./plan.js";

/** One calendar month of a plan, from its weeks. */
export interface MonthPlan {
  /** `2026-11`. */
  month: string;
  /** Calendar weeks counted in the month (a week counts in the month that holds its middle day, so most of its days). */
  weeks: number;
  /** Of them, weeks the forecast covers only partly. */
  partialWeeks: number;
  volume: number;
  workloadHours: number;
  agentHours: number;
  scheduledHours: number;
  /** Largest number of agents at one moment in any of its weeks. */
  peakAgents: number;
  /** Mean of its weeks' FTE (a month is planned as its mean week, like the horizon). */
  fte: number;
  /** From that FTE, rounded up once. */
  headcount: number;
  /** Volume-weighted over its weeks (null when none has a service level). */
  serviceLevel: number | null;
  missedIntervals: number;
}

/**
 * The plan by calendar month: each calendar week goes to the month that
 * holds its middle day (4 of its 7 days at least, as ISO weeks go to the
 * year of their Thursday), so that no week is split or counted twice;
 * volumes and hours add up over the month's weeks, FTE is the mean of its
 * weeks' and headcount comes from that mean, rounded up once.
 *
 * @param weekly - the plan's weeks, in time order
 * @param contractFraction - mean contract, share of full time (headcount = FTE ÷ this)
 */
export function monthsOf(weekly: readonly WeekPlan[], contractFraction: number): MonthPlan[] {
  const months = new Map<string, WeekPlan[]>();
  for (const w of weekly) {
    const month = formatDateTime(w.startMin + 3 * MINUTES_PER_DAY).slice(0, 7);
    const list = months.get(month);
    if (list === undefined) months.set(month, [w]);
    else list.push(w);
  }
  return [...months].map(([month, weeks]) => {
    const sum = (f: (w: WeekPlan) => number) => weeks.reduce((n, w) => n + f(w), 0);
    const fte = sum((w) => w.fte) / weeks.length;
    const slVolume = sum((w) => (w.serviceLevel === null ? 0 : w.volume));
    return {
      month,
      weeks: weeks.length,
      partialWeeks: weeks.filter((w) => w.partial).length,
      volume: sum((w) => w.volume),
      workloadHours: sum((w) => w.workloadHours),
      agentHours: sum((w) => w.agentHours),
      scheduledHours: sum((w) => w.scheduledHours),
      peakAgents: Math.max(...weeks.map((w) => w.peakAgents)),
      fte,
      headcount: toHeadcount(fte, contractFraction),
      serviceLevel: slVolume > 0 ? sum((w) => (w.serviceLevel === null ? 0 : w.volume * w.serviceLevel)) / slVolume : null,
      missedIntervals: sum((w) => w.missedIntervals),
    };
  });
}
