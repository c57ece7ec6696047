import type { Direction, QueueKey, Tier } from "./forecast.js";

/** Flows a rule matches (an allocation rule, an explicit team): an absent list matches everything. */
export interface FlowMatch {
  /** Typology keys (see `typologyKey`). */
  typologies?: string[] | undefined;
  /** Canonical channels. */
  channels?: string[] | undefined;
  directions?: Direction[] | undefined;
  tiers?: Tier[] | undefined;
}

/** Whether a rule's match takes a flow (typologies compared by `keyOf`). */
export function matchesFlow(m: FlowMatch, q: QueueKey, keyOf: (typology: string) => string): boolean {
  return (
    (m.typologies === undefined || m.typologies.includes(keyOf(q.typology))) &&
    (m.channels === undefined || m.channels.includes(q.channel)) &&
    (m.directions === undefined || m.directions.includes(q.direction)) &&
    (m.tiers === undefined || m.tiers.includes(q.tier))
  );
}
