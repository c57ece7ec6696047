import type { PlanWhatIf } from "../plan/what-if.js";
import { InputError, problem, shown, type Diagnostic } from "./diagnostics.js";
import { parseFraction, parsePositive, parseServiceLevelTarget, type Parsed } from "./values.js";

/** The what-if flags of `ccplan plan`, as commander hands them over. */
export interface WhatIfFlags {
  volumeFactor?: string | undefined;
  ahtFactor?: string | undefined;
  shrinkage?: string | undefined;
  occupancy?: string | undefined;
  sl?: string | undefined;
  contractHours?: string | undefined;
}

/**
 * `--volume-factor X`, `--aht-factor X` (numbers > 0), `--shrinkage 30%`
 * (total shrinkage, below 95 % like a scenario's), `--occupancy 85%` (above
 * 0, at most 100 %), `--sl 80/20` or `--sl 80%` (share within seconds, or
 * the share alone), `--contract-hours 35` (from 5 to 80 h): the flags' values
 * as a {@link PlanWhatIf}. Shares read as flags do (`0.8`, `80%`, `80`).
 * @throws InputError with one USAGE_BAD_OPTION per bad flag (field and value), all at once
 */
export function parseWhatIfFlags(flags: WhatIfFlags): PlanWhatIf {
  const problems: Diagnostic[] = [];
  const read = <T>(text: string | undefined, field: string, parse: (text: string) => Parsed<T>, check?: (v: T) => string | undefined, unread?: string): T | undefined => {
    if (text === undefined) return undefined;
    const p = parse(text);
    if (!p.ok) {
      problems.push(unread === undefined ? { ...p.diagnostic, code: "USAGE_BAD_OPTION" } : problem("USAGE_BAD_OPTION", `${field}: got ${shown(text)}, expected ${unread}`, { field, value: text }));
      return undefined;
    }
    const expected = check?.(p.value);
    if (expected !== undefined) {
      problems.push(problem("USAGE_BAD_OPTION", `${field}: got ${shown(text)}, expected ${expected}`, { field, value: text }));
      return undefined;
    }
    return p.value;
  };
  const factor = (text: string | undefined, field: string) => read(text, field, (t) => parsePositive(t, { field }));
  const w: PlanWhatIf = {
    volumeFactor: factor(flags.volumeFactor, "--volume-factor"),
    ahtFactor: factor(flags.ahtFactor, "--aht-factor"),
    shrinkage: read(flags.shrinkage, "--shrinkage", (t) => parseFraction(t, { field: "--shrinkage" }), (v) =>
      v < 0.95 ? undefined : "a total shrinkage below 95% such as 30% (30–35% is usual), or no time is left to work",
    ),
    maxOccupancy: read(flags.occupancy, "--occupancy", (t) => parseFraction(t, { field: "--occupancy" }), (v) => (v > 0 ? undefined : "a maximum occupancy above 0 such as 85%")),
    serviceLevel: read(
      flags.sl,
      "--sl",
      (t): Parsed<{ share: number; answerWithinSec: number | undefined }> => {
        const p = parseServiceLevelTarget(t, { field: "--sl" });
        return p.ok ? { ok: true, value: { share: p.value.share, answerWithinSec: p.value.withinSec } } : p;
      },
      (v) => (v.share > 0 && v.share < 1 ? undefined : "a service level above 0% and below 100% such as 80/20 or 80%"),
      "a service level such as 80/20 (80% within 20 s), or a share such as 80% (each target keeps its threshold)",
    ),
    contractHours: read(flags.contractHours, "--contract-hours", (t) => parsePositive(t, { field: "--contract-hours" }), (v) =>
      v >= 5 && v <= 80 ? undefined : "the weekly hours of a full-time contract, from 5 to 80, such as 35 or 40",
    ),
  };
  if (problems.length > 0) throw new InputError(problems);
  return w;
}
