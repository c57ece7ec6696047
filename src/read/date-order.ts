import type { DateOrder } from "./datetime.js";

/** Date changes in a row before the spacing of consecutive rows may decide dd/mm vs mm/dd. */
const CHANGES_TO_DECIDE = 2;
/** How much closer consecutive dates must be under one reading than under the other. */
const SPACING_RATIO = 4;

/**
 * The spacing vote for a file whose `a/b/yyyy` dates all read both ways
 * (every field 12 or less): consecutive rows of a forecast are minutes or
 * days apart, so the reading under which consecutive distinct dates are
 * closer is the file's. `11/02/2026` then `11/03/2026` are 1 day apart read
 * mm/dd and a month apart read dd/mm.
 *
 * Add each row's day under both readings (days since the epoch), in file
 * order; {@link verdict} decides once {@link CHANGES_TO_DECIDE} changes of
 * date give one reading a total movement {@link SPACING_RATIO} times smaller
 * than the other (or, at the end of the file, any smaller total), and says
 * nothing for a file of one date (it cannot tell).
 */
export class DateOrderVote {
  private prevDmy = NaN;
  private prevMdy = NaN;
  private moveDmy = 0;
  private moveMdy = 0;
  private changes = 0;

  add(dmyDay: number, mdyDay: number): void {
    if (dmyDay !== this.prevDmy || mdyDay !== this.prevMdy) {
      if (!Number.isNaN(this.prevDmy)) {
        this.moveDmy += Math.abs(dmyDay - this.prevDmy);
        this.moveMdy += Math.abs(mdyDay - this.prevMdy);
        this.changes++;
      }
      this.prevDmy = dmyDay;
      this.prevMdy = mdyDay;
    }
  }

  /** The reading the spacing supports, or undefined while it cannot tell (`final`: no more rows will come). */
  verdict(final: boolean): DateOrder | undefined {
    const [small, large] = this.moveDmy <= this.moveMdy ? [this.moveDmy, this.moveMdy] : [this.moveMdy, this.moveDmy];
    const decisive = final ? small < large : this.changes >= CHANGES_TO_DECIDE && large >= SPACING_RATIO * Math.max(small, 1);
    if (!decisive) return undefined;
    return this.moveDmy < this.moveMdy ? "dmy" : "mdy";
  }
}

/** `23 November 2026` for a day since the epoch, to name a reading in a message. */
export function spelledDate(day: number): string {
  return new Date(day * 86_400_000).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}
