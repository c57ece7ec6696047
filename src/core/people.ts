/**
 * From agents logged in to people paid (SPEC 5.4).
 */

/**
 * Shrinkage of independent components combined multiplicatively:
 * `1 − Π (1 − sᵢ)`. Breaks 8 %, absence 5 % and training 3 % give 15.2 %,
 * not 16 %: an absent agent takes no break.
 *
 * @param components - shares of paid time lost to each cause, each in [0, 1)
 * @returns combined shrinkage in [0, 1)
 * @example
 * combinedShrinkage([0.08, 0.05, 0.03]); // 0.15216
 */
export function combinedShrinkage(components: readonly number[]): number {
  let kept = 1;
  for (const s of components) {
    if (!(s >= 0 && s < 1)) throw new RangeError(`combinedShrinkage needs each component in [0, 1), got ${s}`);
    kept *= 1 - s;
  }
  return 1 - kept;
}

/**
 * Scheduled staff: agents needed on the phones ÷ (1 − shrinkage).
 *
 * @param agents - agents logged in and available (fractional)
 * @param shrinkage - share of paid time not available for contacts, [0, 1)
 * @returns scheduled staff (fractional)
 * @example
 * scheduledStaff(14, 0.3); // 20
 */
export function scheduledStaff(agents: number, shrinkage: number): number {
  if (!(shrinkage >= 0 && shrinkage < 1)) throw new RangeError(`scheduledStaff needs shrinkage in [0, 1), got ${shrinkage}`);
  if (!(agents >= 0)) throw new RangeError(`scheduledStaff needs agents >= 0, got ${agents}`);
  return agents / (1 - shrinkage);
}

/**
 * Full-time equivalents: paid hours ÷ the contract hours of one full-timer.
 *
 * @param paidHours - scheduled hours over the period (e.g. a week)
 * @param contractHours - hours of one full-timer over the same period (35 a week in France)
 * @returns FTE (fractional)
 * @example
 * fte(700, 35); // 20
 */
export function fte(paidHours: number, contractHours: number): number {
  if (!(contractHours > 0)) throw new RangeError(`fte needs contractHours > 0, got ${contractHours}`);
  if (!(paidHours >= 0)) throw new RangeError(`fte needs paidHours >= 0, got ${paidHours}`);
  return paidHours / contractHours;
}

/**
 * Headcount: whole people for an FTE need, FTE ÷ the mean contract fraction
 * (part-timers make more people than FTE), rounded **up once**, here, at the
 * end. A need below 1e-9 people is 0 (rounding noise, not a person).
 *
 * @param fteNeed - FTE (fractional)
 * @param meanContractFraction - average contract as a share of full time (0, 1]
 * @returns whole people
 * @example
 * headcount(20.4, 0.9); // 23
 */
export function headcount(fteNeed: number, meanContractFraction: number): number {
  if (!(meanContractFraction > 0 && meanContractFraction <= 1)) {
    throw new RangeError(`headcount needs meanContractFraction in (0, 1], got ${meanContractFraction}`);
  }
  if (!(fteNeed >= 0)) throw new RangeError(`headcount needs fteNeed >= 0, got ${fteNeed}`);
  const people = fteNeed / meanContractFraction;
  return Math.max(0, Math.ceil(people - 1e-9));
}
