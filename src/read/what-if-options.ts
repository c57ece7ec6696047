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

/** `3,5` → `3.5`, `30,5%` → `30.5%`: a single decimal comma in a number with no point. */
export function withDecimalPoint(text: string): string {
  return /^\s*[+-]?\d+,\d+\s*%?\s*$/.test(text) ? text.replace(",", ".") : text;
}

/**
 * A multiplying factor as a planner writes it: `1.1` (or `1,1`), or a change
 * `+10%` / `-5%` (1.10, 0.95), or a share `110%` (1.10). Above 0.
 */
export function parseFactor(text: string, field: string): Parsed<number> {
  const t = withDecimalPoint(text).trim();
  const change = /^([+-])\s*(\d+(?:\.\d+)?)\s*%$/.exec(t);
  const share = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  const value = change ? 1 + (change[1] === "-" ? -1 : 1) * (Number(change[2]) / 100) : share ? Number(share[1]) / 100 : undefined;
  if (value === undefined) {
    const p = parsePositive(t, { field });
    if (p.ok) return p;
  } else if (value > 0) return { ok: true, value };
  return { ok: false, diagnostic: problem("USAGE_BAD_OPTION", `${field}: got ${shown(text)}, expected a factor above 0 such as 1.1, or a change such as +10% or -5%`, { field, value: text }) };
}

/**
 * `--volume-factor X`, `--aht-factor X` (factors > 0, see {@link parseFactor}), `--shrinkage 30%`
 * (total shrinkage, below 95 % like a scenario's), `--occupancy 85%` (above
 * 0, at most 100 %), `--sl 80/20` or `--sl 80%` (share within seconds, or
 * the share alone), `--contract-hours 35` (from 5 to 80 h): the flags' values
 * as a {@link PlanWhatIf}. Shares read as flags do (`0.8`, `80%`, `80`).
 * @throws InputError with one USAGE_BAD_OPTION per bad flag (field and value), all at once
 */
export function parseWhatIfFlags(given: WhatIfFlags): PlanWhatIf {
  const problems: Diagnostic[] = [];
  // a decimal comma is a French planner's way of writing a number: one comma and no point reads as a decimal
  const flags = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, typeof v === "string" ? withDecimalPoint(v) : v])) as WhatIfFlags;
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
  const factor = (text: string | undefined, field: string) => read(text, field, (t) => parseFactor(t, field));
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
