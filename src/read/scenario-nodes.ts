import { isMap, isScalar, isSeq, type Document, type LineCounter } from "yaml";
import { typologyKey } from "../plan/scenario.js";

/** A YAML node with its source range, as the `yaml` package gives it. */
type Ranged = { range?: [number, number, number] | null };

/** The key node of `key` in the map at `path` (to point at a misspelt key itself). */
export function keyNode(doc: Document.Parsed, path: (string | number)[], key: string): Ranged | undefined {
  const map = nodeIn(doc, path);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => sameKey(p.key, key));
  return (pair?.key as Ranged | undefined) ?? undefined;
}

/** The YAML node at a path, or its nearest ancestor that exists. */
export function nodeAt(doc: Document.Parsed, path: (string | number)[]): Ranged | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = nodeIn(doc, path.slice(0, n)) as Ranged | undefined;
    if (node && typeof node === "object" && "range" in node) return node;
  }
  return undefined;
}

/**
 * The YAML node at a path of the data, like `doc.getIn(path, true)`, except
 * that a map key matches the path's text whatever its YAML type: the data
 * has `"3"` where the file has the number key `3` (`levels: { 3: … }`).
 * With `byTypology`, a map key also matches when its typology key does
 * (`Support Technique:` for the path step `support technique`).
 */
export function nodeIn(doc: Document.Parsed, path: (string | number)[], byTypology = false): unknown {
  let node: unknown = doc.contents;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => sameKey(p.key, step)) ?? (byTypology && typeof step === "string" ? node.items.find((p) => isScalar(p.key) && typologyKey(String(p.key.value)) === step) : undefined);
      node = pair?.value;
      // a map key that names a rule: point at the key, where the rule starts
      if (pair !== undefined && step === path[path.length - 1] && byTypology && isScalar(pair.key)) node = pair.key;
    } else if (isSeq(node)) node = typeof step === "number" || /^\d+$/.test(step) ? node.items[Number(step)] : undefined;
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

function sameKey(key: unknown, step: string | number): boolean {
  if (key === step) return true;
  return isScalar(key) && (key.value === step || String(key.value) === String(step));
}

/**
 * Line and column (1-based) of a path of a scenario's data in its file, or of
 * its nearest ancestor written there; map keys match by typology key too
 * (the scenario's rules are keyed by `typologyKey`).
 */
export function locatePath(doc: Document.Parsed, lineCounter: LineCounter, path: (string | number)[]): { line: number; column: number } | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = nodeIn(doc, path.slice(0, n), true) as Ranged | undefined;
    if (node && typeof node === "object" && node.range) {
      const pos = lineCounter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return undefined;
}
