/**
 * The largest offered load the solvers accept, Erlangs: ten times the
 * largest single queue the product promises (10,000 Erlangs), far beyond any
 * real contact center, and small enough that every loop stays bounded.
 */
export const MAX_TRAFFIC_ERLANGS = 100_000;

/**
 * Offered load in Erlangs: the mean number of contacts in service if every
 * contact were answered at once.
 *
 * Formula: `A = volume × ahtSec / (intervalMin × 60)`.
 *
 * @param volume - contacts offered in the interval (≥ 0)
 * @param ahtSec - average handle time per contact, seconds (> 0)
 * @param intervalMin - interval length, minutes (> 0)
 * @returns offered load, Erlangs
 * @throws RangeError when an argument is out of range or the load exceeds
 *   {@link MAX_TRAFFIC_ERLANGS} (a broken precondition: callers validate input first)
 * @example
 * trafficErlangs(100, 180, 30); // 10
 */
export function trafficErlangs(volume: number, ahtSec: number, intervalMin: number): number {
  if (!(volume >= 0) || !Number.isFinite(volume)) {
    throw new RangeError(`trafficErlangs needs volume >= 0, got ${volume}`);
  }
  if (!(ahtSec > 0) || !Number.isFinite(ahtSec)) {
    throw new RangeError(`trafficErlangs needs ahtSec > 0, got ${ahtSec}`);
  }
  if (!(intervalMin > 0) || !Number.isFinite(intervalMin)) {
    throw new RangeError(`trafficErlangs needs intervalMin > 0, got ${intervalMin}`);
  }
  const load = (volume * ahtSec) / (intervalMin * 60);
  if (!(load <= MAX_TRAFFIC_ERLANGS)) {
    throw new RangeError(`trafficErlangs needs a load <= ${MAX_TRAFFIC_ERLANGS} Erlangs, got ${load}`);
  }
  return load;
}
