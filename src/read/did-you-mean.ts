/**
 * "Did you mean" for a misspelt name: the closest of the names a place
 * accepts, by edit distance.
 */

/**
 * Edit distance between two words, counting an insertion, a deletion, a
 * substitution or a swap of two neighbouring letters as one edit (optimal
 * string alignment): `shrinkge` → `shrinkage` is 1, `contract_hour` →
 * `contract_hours` is 1, `ocupancy` → `occupnacy` is 2.
 *
 * @example editDistance("shrinkge", "shrinkage") // 1
 * @example editDistance("abc", "acb") // 1
 */
export function editDistance(a: string, b: string): number {
  // rows of the dynamic programme: d[i][j] = distance between a[0..i) and b[0..j)
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name closest to `name` (case ignored), if one is at most
 * `maxEdits` edits away and closer than the name's own length (so that `x`
 * suggests nothing); on a tie, the first in `known`'s order.
 *
 * @example closestName("contract_hour", ["contract_hours", "contract_fraction"]) // "contract_hours"
 * @example closestName("colour", ["name", "sites"]) // undefined
 */
export function closestName(name: string, known: Iterable<string>, maxEdits = 2): string | undefined {
  let best: { name: string; edits: number } | undefined;
  for (const candidate of known) {
    const edits = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (edits > maxEdits || edits >= name.length || candidate === name) continue;
    if (best === undefined || edits < best.edits) best = { name: candidate, edits };
  }
  return best?.name;
}
