/**
 * Canonical form of a header name: lower case, accents removed, runs of
 * blanks and punctuation turned into `_` (so `Délai (s)` → `delai_s`).
 */
export function normalizeHeader(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}
