import { describeUnusedRule, type UnusedRule } from "../plan/unused-rules.js";
import { warning, type Diagnostic } from "./diagnostics.js";
import { locatePath } from "./scenario-nodes.js";
import { parseScenarioDocument } from "./scenario-yaml.js";

/**
 * `PLAN_UNUSED_RULE` warnings for a scenario's rules that match nothing,
 * each at the line and column where the file writes the rule (the typology
 * in a rule's list, a `tiers.typologies` key, an allocation rule's first
 * line), so an editor jumps to it.
 * @param text the scenario file's text, as read
 * @param forecast the forecast's name, for the message
 */
export function unusedRuleWarnings(text: string, file: string, rules: readonly UnusedRule[], forecast: string): Diagnostic[] {
  if (rules.length === 0) return [];
  const { doc, lineCounter } = parseScenarioDocument(text, file);
  return rules.map((u) => warning("PLAN_UNUSED_RULE", describeUnusedRule(u, forecast), { file, ...locatePath(doc, lineCounter, u.path), field: u.field }));
}
