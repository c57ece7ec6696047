import type { PlacedBreak, Tour, TourDay } from "./schedule-types.js";
import { daysOf } from "./tour-options.js";
import type { WeekModel } from "./week-model.js";

/** One person's week while tours are put together. */
interface Person {
  template: number;
  mask: number;
  /** Start (minute of the day) per day worked, −1 on days off. */
  start: number[];
  /** Per day, per break: offset from the shift start. */
  breaks: number[][];
}

/**
 * Turn an integer solution of {@link buildWeekModel} into concrete tours:
 * people of each template and band are listed by day pattern; on each day
 * they take the band's starts in ascending order as the solution counts
 * them; then everyone starting at the same time on a day takes each break's
 * offsets in ascending order. Identical weeks are merged into one tour with
 * its number of people. Deterministic: the same solution gives the same
 * tours in the same order.
 *
 * @param week - the model
 * @param x - the solution's column values (integers up to rounding)
 */
export function decodeWeek(week: WeekModel, x: Float64Array): Tour[] {
  const count = (c: number) => Math.max(0, Math.round(x[c]!));
  const tours = new Map<string, Tour>();
  week.parts.forEach((part, ti) => {
    const t = part.template;
    const people: Person[] = [];
    /** People of each band, to hand out starts. */
    const ofBand: Person[][] = part.bands.map(() => []);
    for (let b = 0; b < part.bands.length; b++) {
      for (let p = 0; p < part.patterns.length; p++) {
        const n = count(part.peopleCol[p * part.bands.length + b]!);
        for (let k = 0; k < n; k++) {
          const person: Person = { template: ti, mask: part.patterns[p]!, start: new Array<number>(7).fill(-1), breaks: Array.from({ length: 7 }, () => []) };
          people.push(person);
          ofBand[b]!.push(person);
        }
      }
    }
    /** Each person's break offsets on their last working day so far. */
    const lastOffset = new Map<Person, number[]>();
    for (let d = 0; d < 7; d++) {
      /** People starting at each start index on day d, in order. */
      const atStart: Person[][] = part.starts.map(() => []);
      for (let b = 0; b < part.bands.length; b++) {
        const working = ofBand[b]!.filter((q) => q.mask & (1 << d));
        let next = 0;
        part.bands[b]!.forEach((s, k) => {
          const n = count(part.startCol[d]![b]![k]!);
          for (let j = 0; j < n && next < working.length; j++, next++) {
            working[next]!.start[d] = part.starts[s]!;
            atStart[s]!.push(working[next]!);
          }
        });
        if (next !== working.length) throw new RangeError(`decodeWeek: ${working.length} people of ${t.name} band ${b} work day ${d} but ${next} starts were chosen`);
      }
      for (let s = 0; s < part.starts.length; s++) {
        const group = atStart[s]!;
        for (let k = 0; k < t.breaks.length; k++) {
          // people who took this break early on their last working day take the early offsets again:
          // each person's break times stay alike through the week, and fewer distinct tours result
          const order = group.map((q, i) => ({ q, i, last: lastOffset.get(q)?.[k] ?? -1 })).sort((a, b) => a.last - b.last || a.i - b.i);
          group.splice(0, group.length, ...order.map((o) => o.q));
          let next = 0;
          part.breakOffsets[k]!.forEach((o, oi) => {
            const n = count(part.breakCol[k]![d]![s]![oi]!);
            for (let j = 0; j < n && next < group.length; j++, next++) group[next]!.breaks[d]![k] = o;
          });
          if (next !== group.length) throw new RangeError(`decodeWeek: ${group.length} people of ${t.name} start on day ${d} at ${part.starts[s]} but ${next} take break ${k}`);
        }
        for (const q of group) lastOffset.set(q, q.breaks[d]!);
      }
    }
    for (const person of people) {
      const days: TourDay[] = daysOf(person.mask).map((d) => {
        const startMin = d * 1440 + person.start[d]!;
        const breaks: PlacedBreak[] = t.breaks.map((b, k) => ({ startMin: startMin + person.breaks[d]![k]!, endMin: startMin + person.breaks[d]![k]! + b.lengthMin, paid: b.paid }));
        return { day: d, startMin, endMin: startMin + t.lengthMin, breaks };
      });
      const key = `${ti}|${days.map((d) => `${d.startMin}:${d.breaks.map((b) => b.startMin).join(",")}`).join(";")}`;
      const tour = tours.get(key);
      if (tour !== undefined) tour.people++;
      else tours.set(key, { template: t.name, days, people: 1, paidHours: t.daysPerWeek * t.paidHours, cost: part.tourCost });
    }
  });
  return [...tours.values()].sort(compareTours);
}

/** Tours by template name, first start, then day by day. */
function compareTours(a: Tour, b: Tour): number {
  if (a.template !== b.template) return a.template < b.template ? -1 : 1;
  const n = Math.min(a.days.length, b.days.length);
  const firstA = Math.min(...a.days.map((d) => d.startMin % 1440));
  const firstB = Math.min(...b.days.map((d) => d.startMin % 1440));
  if (firstA !== firstB) return firstA - firstB;
  for (let k = 0; k < n; k++) {
    const x = a.days[k]!;
    const y = b.days[k]!;
    if (x.day !== y.day) return x.day - y.day;
    if (x.startMin !== y.startMin) return x.startMin - y.startMin;
    for (let j = 0; j < x.breaks.length; j++) if (x.breaks[j]!.startMin !== y.breaks[j]!.startMin) return x.breaks[j]!.startMin - y.breaks[j]!.startMin;
  }
  return a.days.length - b.days.length;
}
