import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VolumeRecipe } from "../../src/plan/volume-source.js";

describe("VolumeRecipe", () => {
  it("works a volume out as the pipeline did: the column's value times each factor, left to right (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { minLength: 1, maxLength: 20 }), fc.array(fc.double(), { maxLength: 4 }), (column, factors) => {
        let recipe = VolumeRecipe.of(column);
        for (const f of factors) recipe = recipe.times(f);
        column.forEach((x, i) => {
          let v = x;
          for (const f of factors) v *= f;
          expect(Object.is(recipe.volume(i), v)).toBe(true);
        });
      }),
    );
  });

  it("is one object per chain of factors, but never shares −0 with 0 nor NaN", () => {
    const root = VolumeRecipe.of([1.5, 2]);
    expect(root.times(0.2).times(0.1)).toBe(root.times(0.2).times(0.1));
    expect(root.times(0.2)).not.toBe(root.times(0.1));
    expect(root.times(-0)).not.toBe(root.times(0));
    expect(Object.is(root.times(-0).volume(0), -0)).toBe(true);
    expect(root.times(NaN)).not.toBe(root.times(NaN));
    // ((1.5 × 0.1) × 3) and (1.5 × 0.3) are not the same double: the order is kept
    expect(root.times(0.1).times(3).volume(0)).toBe((1.5 * 0.1) * 3);
    expect(root.times(0.1).times(3).factors).toEqual([0.1, 3]);
  });
});
