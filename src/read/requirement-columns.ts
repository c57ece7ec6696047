/** Header names (normalized) of a requirement file's own columns, beside a forecast's date and time columns. */
export const REQUIREMENT_OWN_COLUMNS = {
  agents: ["agents", "required_agents", "agents_required", "requirement", "required", "besoin", "besoin_agents", "agents_requis", "effectif_requis"],
  team: ["team", "equipe", "group", "groupe", "agent_group"],
} as const;
