import type { Tier } from "../forecast.js";

/**
 * The level a team's name says, if any: `level 2`, `Level-3`, `niveau 1`,
 * `tier 2`, `L3`, `N2` (the default organisation names its teams `level N`).
 */
export function levelInTeamName(name: string): Tier | null {
  const m = /(?:^|\b)(?:level|niveau|tier|l|n)[\s-]*([123])\b/i.exec(name);
  return m === null ? null : (Number(m[1]) as Tier);
}
