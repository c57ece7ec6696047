import { canonicalChannel } from "./channels.js";
import type { ScenarioInput } from "./scenario-read.js";
import { combinedShrinkage, percentText } from "./scenario-share.js";
import { implausibleShifts } from "./scenario-shift-checks.js";

/** A scenario value that is allowed but unlikely, with where it is. */
export interface Implausible {
  /** Path of the value in the scenario data (`sites.1.contract_hours`). */
  path: (string | number)[];
  /** "got X, read as Y: expected Z". */
  message: string;
}

/**
 * Ranges outside which a valid scenario value gets a warning
 * (`CONFIG_IMPLAUSIBLE`): each a value a planner may mean, but more often a
 * unit or a column mixed up. Sources: ../shared/DOMAIN.md. The shift
 * templates' warnings are {@link implausibleShifts}.
 */
export const PLAUSIBLE = {
  /** Full-time week: 35 h (France) to 44 h (Morocco); under 20 h is a day's hours, above 48 h the EU weekly maximum. */
  contractHours: { min: 20, max: 48 },
  /** Mean contract: part-time caps keep it near 0.8–1; under 30 % of full time is a typo (3 for 30 %?). */
  contractFraction: { min: 0.3 },
  /** Combined shrinkage: 20–50 % is seen; 60 % and more leaves too little time to be meant (95 % is an error). */
  shrinkage: { max: 0.6 },
  /** AHT factor of a site or level: 0.2–5 (a level-3 case 5 × a level-1 call is already long). */
  ahtFactor: { min: 0.2, max: 5 },
  /** Occupancy caps: 82–88 % usual; under 50 % half the paid time on the phones is idle by design. */
  occupancy: { min: 0.5 },
  /** Agents per team lead: 8–15 (about 5 in technical support). */
  teamLeadSpan: { min: 3, max: 50 },
  /** Team leads per manager: 6–10. */
  managerSpan: { min: 2, max: 30 },
} as const;

/**
 * Every valid but implausible value of a scenario, in no particular order.
 *
 * @param s - the validated scenario data
 * @param raw - the same data as read from the file (channel labels as written)
 */
export function implausibleValues(s: ScenarioInput, raw: unknown): Implausible[] {
  const out: Implausible[] = [];
  const flag = (path: (string | number)[], message: string) => out.push({ path, message });
  const written = (path: (string | number)[]) => {
    let v: unknown = raw;
    for (const p of path) v = v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[p] : undefined;
    return typeof v === "string" ? v.trim() : String(v);
  };
  /** `got 40%`, or `got 0.4, read as 40%` when written without %. */
  const got = (path: (string | number)[], v: number) => {
    const text = written(path);
    return text.endsWith("%") ? `got ${text}` : `got ${text}, read as ${percentText(v)}`;
  };

  const workforce = (base: (string | number)[], w: { contract_hours?: number; contract_fraction?: number; shrinkage?: Record<string, number> }) => {
    const h = w.contract_hours;
    if (h !== undefined && h < PLAUSIBLE.contractHours.min) {
      flag([...base, "contract_hours"], `got ${h} h for a full-time week: expected its weekly hours such as 35 or 40 (${h} looks like the hours of a day)`);
    } else if (h !== undefined && h > PLAUSIBLE.contractHours.max) {
      flag([...base, "contract_hours"], `got ${h} h for a full-time week: expected at most ${PLAUSIBLE.contractHours.max} h (35 to 44 h is usual)`);
    }
    const f = w.contract_fraction;
    if (f !== undefined && f < PLAUSIBLE.contractFraction.min) {
      const path = [...base, "contract_fraction"];
      flag(path, `${got(path, f)} of full time: expected a mean contract such as 0.9 or 90%`);
    }
    if (w.shrinkage !== undefined) {
      const combined = combinedShrinkage(w.shrinkage);
      if (combined >= PLAUSIBLE.shrinkage.max && combined < 0.95) {
        flag([...base, "shrinkage"], `the components combine to ${percentText(combined)} (1 − Π(1 − s)): expected 20–50% (is a component a percent written as a fraction, or counted twice?)`);
      }
    }
  };
  const ahtFactor = (path: (string | number)[], v: number | undefined) => {
    if (v !== undefined && (v < PLAUSIBLE.ahtFactor.min || v > PLAUSIBLE.ahtFactor.max)) {
      flag(path, `got ${v}, handle times × ${v}: expected a factor from ${PLAUSIBLE.ahtFactor.min} to ${PLAUSIBLE.ahtFactor.max} (1.1 = 10% longer)`);
    }
  };
  const occupancy = (path: (string | number)[], v: number | undefined) => {
    if (v !== undefined && v < PLAUSIBLE.occupancy.min) {
      flag(path, `${got(path, v)}: expected an occupancy of 50% or more (82–88% is usual)`);
    }
  };
  const spans = (base: (string | number)[], sp: ScenarioInput["spans"]) => {
    if (sp === undefined) return;
    const tl = sp.team_lead;
    const leads: [(string | number)[], number | undefined][] =
      typeof tl === "number" || tl === undefined ? [[[...base, "team_lead"], tl]] : (["level_1", "level_2", "level_3"] as const).map((l) => [[...base, "team_lead", l], tl[l]]);
    for (const [path, v] of leads) {
      if (v !== undefined && (v < PLAUSIBLE.teamLeadSpan.min || v > PLAUSIBLE.teamLeadSpan.max)) {
        flag(path, `got ${v} agents per team lead: expected ${PLAUSIBLE.teamLeadSpan.min} to ${PLAUSIBLE.teamLeadSpan.max} (8–15 is usual)`);
      }
    }
    const m = sp.manager;
    if (m !== undefined && (m < PLAUSIBLE.managerSpan.min || m > PLAUSIBLE.managerSpan.max)) {
      flag([...base, "manager"], `got ${m} team leads per manager: expected ${PLAUSIBLE.managerSpan.min} to ${PLAUSIBLE.managerSpan.max} (6–10 is usual)`);
    }
  };

  workforce([], s);
  spans(["spans"], s.spans);
  for (const cls of ["sync", "async", "outbound"] as const) occupancy(["targets", cls, "max_occupancy"], s.targets?.[cls]?.max_occupancy);
  const rawChannels = (raw as { targets?: { channels?: Record<string, unknown> } } | null)?.targets?.channels ?? {};
  for (const label of Object.keys(rawChannels)) {
    const channel = canonicalChannel(label);
    if (channel !== undefined) occupancy(["targets", "channels", label, "max_occupancy"], s.targets?.channels?.[channel]?.max_occupancy);
  }
  occupancy(["outbound", "blend_occupancy"], s.outbound?.blend_occupancy);
  occupancy(["organisation", "fill_occupancy"], s.organisation?.fill_occupancy);
  for (const level of ["level_2", "level_3"] as const) {
    ahtFactor(["tiers", level, "aht_factor"], s.tiers?.[level]?.aht_factor);
    occupancy(["tiers", level, "max_occupancy"], s.tiers?.[level]?.max_occupancy);
  }
  for (const [typology, rules] of Object.entries(s.tiers?.typologies ?? {})) {
    for (const level of ["level_2", "level_3"] as const) {
      ahtFactor(["tiers", "typologies", typology, level, "aht_factor"], rules[level]?.aht_factor);
      occupancy(["tiers", "typologies", typology, level, "max_occupancy"], rules[level]?.max_occupancy);
    }
  }
  if (s.shifts) out.push(...implausibleShifts(s.shifts, ["shifts"]));
  (s.sites ?? []).forEach((site, k) => {
    const base = ["sites", k];
    workforce(base, site);
    ahtFactor([...base, "aht_factor"], site.aht_factor);
    spans([...base, "spans"], site.spans);
    occupancy([...base, "organisation", "fill_occupancy"], site.organisation?.fill_occupancy);
    if (site.shifts) out.push(...implausibleShifts(site.shifts, [...base, "shifts"]));
  });
  return out;
}
