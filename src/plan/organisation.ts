import { matchesFlow, type FlowMatch } from "./flow-match.js";
import type { ChannelClass, QueueKey, Tier } from "./forecast.js";

/**
 * How flows pool into teams of agents (SPEC 5.6):
 * - `separate`: every queue staffed on its own (no pooling); people counted per tier;
 * - `specialised-by-typology`: one team per family of work and tier;
 * - `specialised-by-channel`: sync, async and outbound teams per tier;
 * - `polyvalent`: one team per tier;
 * - `groups`: the scenario's own groups of (typology, channel, direction, tier).
 */
export type OrganisationModel = "separate" | "specialised-by-typology" | "specialised-by-channel" | "polyvalent" | "groups";

export const ORGANISATION_MODELS: readonly OrganisationModel[] = ["separate", "specialised-by-typology", "specialised-by-channel", "polyvalent", "groups"];

/** One explicit group: its name and the flows it matches (an absent list matches everything). */
export interface GroupRule extends FlowMatch {
  name: string;
}

/** The organisation of a scenario. */
export interface Organisation {
  model: OrganisationModel;
  /** Families of work for `specialised-by-typology`: family name → typology keys. */
  families: Record<string, string[]>;
  /** Groups for `groups`, first match wins; unmatched flows form an `other` group per tier. */
  groups: GroupRule[];
  /** Training to learn one more skill (typology × channel), hours per person: the price of polyvalence. */
  trainingHoursPerSkill: number;
  /** In a pooled team, deferred work (async, outbound) first fills the live agents' idle time… */
  fillIdleTime: boolean;
  /** …up to this occupancy of theirs, (0, 1]. */
  fillOccupancy: number;
}

/**
 * Default families of work, by the typology labels planners use in English
 * and French (matched ignoring case and accents); a typology in none of them
 * is a family of its own.
 */
export const DEFAULT_FAMILIES: Record<string, string[]> = {
  "front office": ["information", "demande d'information", "renseignement", "sales administration", "administration des ventes", "orders", "commandes", "simple complaint", "simple complaints", "reclamation simple"],
  "back office": ["complaint", "complaints", "reclamation", "reclamations", "collections", "collection", "recouvrement", "billing", "facturation"],
  technical: ["technical support", "support technique", "technical", "assistance technique"],
  retention: ["retention", "fidelisation", "churn"],
};

/**
 * Default organisation: queues staffed apart, three days (21 h) of training
 * per extra skill (an assumption: product and tool training for one more
 * typology or channel; set your own); in pooled teams, deferred work fills
 * the live agents' idle time up to 85 % occupancy (DOMAIN's cap of 85–90 %).
 */
export const DEFAULT_ORGANISATION: Organisation = {
  model: "separate",
  families: DEFAULT_FAMILIES,
  groups: [],
  trainingHoursPerSkill: 21,
  fillIdleTime: true,
  fillOccupancy: 0.85,
};

/** Spans of control. */
export interface Spans {
  /** Agents (people) per team lead, per tier. */
  teamLead: Record<Tier, number>;
  /** Team leads per manager. */
  manager: number;
}

/**
 * Default spans from shared/DOMAIN.md: 8–12 agents per team lead in-house
 * (10), about 5 in technical support (level 3), 6–10 team leads per
 * manager (8).
 */
export const DEFAULT_SPANS: Spans = { teamLead: { 1: 10, 2: 10, 3: 5 }, manager: 8 };

/**
 * A support role sized by ratio:
 * - `agents`: one per `per` agents (people of levels 1–3), e.g. quality analysts, workforce planners, trainers;
 * - `social`: one per `per` FTE of agents on social and messaging queues (community managers, moderators);
 * - `fixed`: `per` people for the department (data analysts).
 */
export interface SupportRole {
  role: string;
  basis: "agents" | "social" | "fixed";
  per: number;
}

/** A team: a group of flows at one tier. */
export interface GroupKey {
  name: string;
  tier: Tier;
}

/** The group a queue belongs to under an organisation (its tier is the queue's). */
export function groupName(org: Organisation, q: QueueKey & { channelClass: ChannelClass }, keyOf: (typology: string) => string): string {
  switch (org.model) {
    case "separate":
    case "polyvalent":
      return `level ${q.tier}`;
    case "specialised-by-channel":
      return q.channelClass;
    case "specialised-by-typology": {
      const key = keyOf(q.typology);
      for (const [family, typologies] of Object.entries(org.families)) if (typologies.includes(key)) return family;
      return q.typology;
    }
    case "groups": {
      return org.groups.find((g) => matchesFlow(g, q, keyOf))?.name ?? "other";
    }
  }
}
