import type { FlowMatch } from "./flow-match.js";
import type { Tier } from "./forecast.js";
import type { Scenario } from "./scenario.js";

export { matchesFlow, type FlowMatch } from "./flow-match.js";

/** Who runs a site. */
export type SiteKind = "internal" | "outsourced";
/** Where it is. */
export type SiteLocation = "onshore" | "nearshore" | "offshore" | "homeshore";
/**
 * `dedicated`: agents who work only our flows, staffed with the queueing
 * models on our traffic; `shared`: the provider's multi-client team (see
 * {@link Site.sharedPoolErlangs}).
 */
export type SiteSharing = "dedicated" | "shared";

/** What an in-house site costs (currency units of the scenario). */
export interface InternalCost {
  kind: "internal";
  /** Loaded cost per paid hour of an agent, per level. */
  agentHour: Record<Tier, number>;
  teamLeadHour: number;
  managerHour: number;
  /** Per paid hour of support roles (quality, workforce planning, training…). */
  supportHour: number;
  /** Recruiting one person (one-off per hire). */
  hiringPerHire: number;
  /** Initial training of one hire (one-off per hire). */
  trainingPerHire: number;
  /** People leaving per year, as a share of headcount: as many hires a year. */
  attrition: number;
  /** The team exists already, skills included: no initial hiring or training, only what attrition brings. */
  existingTeam: boolean;
}

/** What an outsourcer charges. */
export interface OutsourcedCost {
  kind: "outsourced";
  /** `hour`: per productive (logged-in) agent hour; `contact`: per handled contact; `fte-month`: per agent FTE and month. */
  pricing: "hour" | "contact" | "fte-month";
  price: number;
  /** One-off set-up fee. */
  setupFee: number;
  /** Team leads and managers included in the price; else billed per paid hour below. */
  supervisionIncluded: boolean;
  teamLeadHour: number;
  managerHour: number;
  /** Support roles billed per paid hour (0: in the price). */
  supportHour: number;
  /** Initial training billed per agent (one-off). */
  trainingPerHire: number;
}

/** One site of a scenario (SPEC 4.3, 5.7). */
export interface Site {
  name: string;
  kind: SiteKind;
  location: SiteLocation;
  sharing: SiteSharing;
  /** Handle times at this site relative to the forecast's (productivity): 1.1 = 10 % longer. */
  ahtFactor: number;
  /**
   * Shared teams: the provider's other clients' live traffic in the same
   * pool, Erlangs. Our share of the pooled agents is staffed: the pool is
   * solved with Erlang C/A on our load plus this one (same AHT and targets),
   * and we need agents × our load ÷ the pool's load — fractional agents,
   * the pool's service level. The larger the pool, the closer to pure
   * workload at the provider's occupancy cap.
   */
  sharedPoolErlangs: number;
  /** Languages the site works in (shown in reports). */
  languages: string[];
  /** The site's own parameters over the scenario's. */
  overrides: Partial<Pick<Scenario, "shrinkage" | "contractHours" | "contractFraction" | "openingHours" | "spans" | "organisation" | "supportRoles" | "shifts">>;
  /** Null when the scenario gives no cost model (costs are then not computed). */
  cost: InternalCost | OutsourcedCost | null;
}

/** Sends the flows it matches to sites, in shares that add up to 1. The first matching rule wins. */
export interface AllocationRule {
  match: FlowMatch;
  /** Site name → share, in the order written. */
  to: [string, number][];
}

/** The site of a scenario without `sites`: in-house, with the scenario's own parameters. */
export const IMPLICIT_SITE: Site = {
  name: "in-house",
  kind: "internal",
  location: "onshore",
  sharing: "dedicated",
  ahtFactor: 1,
  sharedPoolErlangs: 0,
  languages: [],
  overrides: {},
  cost: null,
};

/** The scenario a site plans with: the site's parameters over the scenario's; the site's sharing. */
export function siteScenario(scenario: Scenario, site: Site): Scenario {
  return {
    ...scenario,
    ...site.overrides,
    name: scenario.sites.length > 0 ? `${scenario.name}, site ${site.name}` : scenario.name,
    sharedPoolErlangs: site.sharing === "shared" ? site.sharedPoolErlangs : null,
    sites: [site],
    allocation: [],
  };
}

/** The sites whose own scenario schedules shifts: its `shifts`, or the scenario's that the site does not turn off (`shifts: null`). */
export function sitesWithShifts(scenario: Scenario): Site[] {
  const sites = scenario.sites.length > 0 ? scenario.sites : [IMPLICIT_SITE];
  return sites.filter((site) => siteScenario(scenario, site).shifts !== null);
}

/** The site of a scenario with this name, ignoring case, accents and spacing (a roster writes `lyon` for `Lyon`). */
export function siteNamed(scenario: Scenario, name: string): Site | undefined {
  const key = siteKey(name);
  return scenario.sites.find((s) => siteKey(s.name) === key);
}

function siteKey(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim().replace(/\s+/g, " ");
}

/** What a roster needs of a site: its full-time hours a week and the share of paid time people are there (1 − shrinkage). */
export function siteWorkforce(scenario: Scenario, name: string): { contractHours: number; availability: number } {
  const site = siteNamed(scenario, name);
  const s = site === undefined ? scenario : siteScenario(scenario, site);
  let kept = 1;
  for (const v of Object.values(s.shrinkage)) kept *= 1 - v;
  return { contractHours: s.contractHours, availability: kept };
}
