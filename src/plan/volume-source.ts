/**
 * Where a row's volume comes from when it can be read again at the end of a
 * planning: a column of numbers that outlives the planning (a forecast held
 * as columns, which `compare`'s threads share), and the multiplications that
 * made the row's volume from the column's value, in the order they were done
 * (a what-if volume factor, an escalation share, a site's share…).
 *
 * A deferred queue keeps its rows until the end of the horizon; with a
 * recipe it keeps each row's place in the column instead of its volume, and
 * works the volume out again when it is staffed (see `AsyncSeries`). It
 * does so only where that gives back the very same double: each row is
 * checked as it comes, so a recipe can save memory but never change a
 * number.
 *
 * Recipes are interned: the recipe of a row and a factor is one object,
 * made once (a planning has a handful), so a series tells a row of its own
 * recipe by identity.
 */
export class VolumeRecipe {
  private readonly children = new Map<number, VolumeRecipe>();
  private lastFactor = NaN;
  private lastChild: VolumeRecipe | undefined;

  private constructor(
    /** The column the volumes are read from. */
    readonly column: ArrayLike<number>,
    /** The factors, in the order they were applied. */
    readonly factors: readonly number[],
  ) {}

  /** The recipe of a column's own values (no factor). */
  static of(column: ArrayLike<number>): VolumeRecipe {
    return new VolumeRecipe(column, []);
  }

  /** This recipe, then × `factor` (the same object for the same factor; −0 and NaN are never shared). */
  times(factor: number): VolumeRecipe {
    // rows one after the other mostly take the factor the row before took
    if (this.lastChild !== undefined && Object.is(factor, this.lastFactor)) return this.lastChild;
    const shareable = !Object.is(factor, -0) && !Number.isNaN(factor);
    let child = shareable ? this.children.get(factor) : undefined;
    if (child === undefined) {
      child = new VolumeRecipe(this.column, [...this.factors, factor]);
      if (!shareable) return child;
      this.children.set(factor, child);
    }
    this.lastFactor = factor;
    this.lastChild = child;
    return child;
  }

  /** The volume of the row at `index` of the column: its value times each factor in turn. */
  volume(index: number): number {
    let v = this.column[index]!;
    const f = this.factors;
    for (let k = 0; k < f.length; k++) v = v * f[k]!;
    return v;
  }
}
