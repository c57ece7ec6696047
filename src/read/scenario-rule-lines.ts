import { typologyKey } from "../plan/scenario.js";
import { describeUnusedRule, type UnusedRule } from "../plan/unused-rules.js";
import { warning, type Diagnostic } from "./diagnostics.js";
import { closestName } from "./did-you-mean.js";
import { locatePath } from "./scenario-nodes.js";
import { parseScenarioDocument } from "./scenario-yaml.js";

/**
 * `PLAN_UNUSED_RULE` warnings for a scenario's rules that match nothing,
 * each at the line and column where the file writes the rule (the typology
 * in a rule's list, a `tiers.typologies` key, an allocation rule's first
 * line), so an editor jumps to it. A typology the forecast lacks is given
 * the forecast's typologies it may mean: those that contain it as words
 * ("information" → "demande d'information"), or the closest spelling.
 * @param text the scenario file's text, as read
 * @param forecast the forecast's name, for the message
 * @param typologies the forecast's typologies, as written there
 */
export function unusedRuleWarnings(text: string, file: string, rules: readonly UnusedRule[], forecast: string, typologies: readonly string[] = []): Diagnostic[] {
  if (rules.length === 0) return [];
  const { doc, lineCounter } = parseScenarioDocument(text, file);
  return rules.map((u) => {
    const near = u.typology === "" ? [] : meant(u.typology, typologies);
    const hint = near.length === 0 ? "" : `; did you mean ${near.map((t) => JSON.stringify(t)).join(" or ")}?`;
    return warning("PLAN_UNUSED_RULE", describeUnusedRule(u, forecast) + hint, { file, ...locatePath(doc, lineCounter, u.path), field: u.field });
  });
}

/** The typologies a rule's key may mean: those holding it as whole words, else the closest spelling (at most 2 edits). */
function meant(key: string, typologies: readonly string[]): string[] {
  const words = (s: string) => ` ${typologyKey(s).replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
  const wanted = words(key);
  const distinct = [...new Set(typologies)].sort();
  const holding = distinct.filter((t) => words(t).includes(wanted));
  if (holding.length > 0) return holding.slice(0, 3);
  const byKey = new Map(distinct.map((t) => [typologyKey(t), t]));
  const close = closestName(key, byKey.keys());
  return close === undefined ? [] : [byKey.get(close)!];
}
