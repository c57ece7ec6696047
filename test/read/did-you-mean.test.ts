import { describe, expect, it } from "vitest";
import { closestName, editDistance } from "../../src/read/did-you-mean.js";

describe("editDistance(a, b)", () => {
  it("counts insertions, deletions, substitutions and swaps of neighbours as one edit each", () => {
    expect(editDistance("shrinkge", "shrinkage")).toBe(1);
    expect(editDistance("contract_hours", "contract_hour")).toBe(1);
    expect(editDistance("lenght", "length")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});

describe("closestName(name, known, maxEdits = 2)", () => {
  const top = ["name", "shrinkage", "contract_hours", "contract_fraction", "spans", "sites"];
  it("returns the closest known name within 2 edits, case ignored", () => {
    expect(closestName("shrinkge", top)).toBe("shrinkage");
    expect(closestName("contract_hour", top)).toBe("contract_hours");
    expect(closestName("Shrinkage", top)).toBe("shrinkage");
  });
  it("returns undefined when nothing is close, or for a name too short to tell", () => {
    expect(closestName("colour", top)).toBeUndefined();
    expect(closestName("shrink", top)).toBeUndefined();
    expect(closestName("s", ["sl"])).toBeUndefined();
  });
  it("prefers the fewest edits, then the first known name", () => {
    expect(closestName("span", ["sites", "spans"])).toBe("spans");
    expect(closestName("ab", ["ax", "ay"], 1)).toBe("ax");
  });
});
