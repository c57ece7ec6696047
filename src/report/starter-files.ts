/**
 * The files `ccplan init` writes: a small week of forecast, a roster, a
 * commented scenario and two sourcing scenarios, and a README that says
 * what to run. Made from code (deterministic), not copied from fixtures.
 */

const QUEUES = [
  { typology: "information", channel: "phone", direction: "inbound", perDay: 900, aht: "4:30", extra: "90" },
  { typology: "complaint", channel: "phone", direction: "inbound", perDay: 260, aht: "7:00", extra: "120" },
  { typology: "information", channel: "chat", direction: "inbound", perDay: 300, aht: "8:00", extra: "" },
  { typology: "complaint", channel: "email", direction: "inbound", perDay: 180, aht: "9:00", extra: "" },
  { typology: "collections", channel: "phone", direction: "outbound", perDay: 120, aht: "5:00", extra: "" },
];

/** Share of a day's contacts in each half hour from 08:00 to 20:00: a morning peak and a smaller afternoon one. */
function intraday(): number[] {
  const w = Array.from({ length: 24 }, (_, k) => {
    const h = 8 + k / 2;
    return 0.4 + Math.exp(-((h - 10.5) ** 2) / 2) + 0.7 * Math.exp(-((h - 14.5) ** 2) / 3);
  });
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / sum);
}

/** Monday 2027-01-04 … Saturday 2027-01-09, 30-minute intervals in opening hours. */
export function starterForecast(): string {
  const shape = intraday();
  const dayFactor = [1.25, 1.05, 1, 0.95, 0.9, 0.45];
  const lines = ["interval_start,typology,channel,direction,volume,aht,patience"];
  for (let d = 0; d < 6; d++) {
    const date = `2027-01-${String(4 + d).padStart(2, "0")}`;
    // Monday to Friday 08:00–20:00, Saturday 09:00–17:00: the scenarios' opening hours
    const [from, slots] = d === 5 ? [9 * 60, 16] : [8 * 60, 24];
    for (let k = 0; k < slots; k++) {
      const minutes = from + 30 * k;
      const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
      for (const q of QUEUES) {
        const volume = Math.round(q.perDay * dayFactor[d]! * shape[k]! * 10) / 10;
        lines.push(`${date}T${time},${q.typology},${q.channel},${q.direction},${volume},${q.aht},${q.extra}`);
      }
    }
  }
  return lines.join("\n") + "\n";
}

/** A team of 70 people on one site, skills as a matrix (proficiency 0–3). */
export function starterRoster(): string {
  const skills = ["information:phone", "complaint:phone", "information:chat", "complaint:email", "collections:phone"];
  const lines = [["agent_id", "site", "tier", "contract_hours", ...skills].join(",")];
  const profiles: [number, number, number[]][] = [
    // count, tier, levels per skill
    [26, 1, [2, 0, 0, 0, 0]],
    [6, 1, [2, 0, 2, 0, 0]],
    [10, 1, [0, 2, 0, 1, 0]],
    [8, 1, [0, 0, 3, 0, 0]],
    [4, 1, [0, 0, 0, 2, 0]],
    [4, 1, [1, 0, 0, 0, 2]],
    [12, 2, [2, 3, 0, 2, 0]],
  ];
  let n = 0;
  for (const [count, tier, levels] of profiles) {
    for (let k = 0; k < count; k++) {
      n++;
      const hours = n % 5 === 0 ? 28 : 35;
      lines.push([`E${String(n).padStart(3, "0")}`, "Lyon", `L${tier}`, hours, ...levels.map((l) => (l === 0 ? "" : String(l)))].join(","));
    }
  }
  return lines.join("\n") + "\n";
}

/**
 * The commented scenario; `command` is how ccplan runs where the files are
 * (`ccplan`, `npx ccplan` in a clone, `npx --package DIR ccplan`), for the
 * commands its comments give.
 */
export function starterScenario(command: string): string {
  return `# A scenario: every key is optional; what is left out takes the documented
# default (README, "Scenario file"). Check it with: ${command} validate scenario.yaml
name: Lyon contact center

targets:
  sync:                        # phone, callback, video, chat, messaging
    service_level: 80/20       # 80 % answered within 20 s
    max_occupancy: 85%
    max_abandon: 5%            # where the forecast gives a patience (Erlang A)
  async:                       # email, mail, forms, social
    deadline: 24h              # counted in opening hours
    max_occupancy: 90%
  outbound:
    max_occupancy: 85%
  channels:
    chat: { service_level: 80/60, concurrency: 2 }   # 2 chats per agent at once

shrinkage:                     # shares of paid time, combined as 1 − Π(1 − s)
  breaks: 8%
  absence: 5%
  holidays: 10%
  training: 3%
  meetings: 1%

contract_hours: 35             # a full-timer's week (35 in France)
contract_fraction: 0.9         # mean contract: headcount = FTE ÷ 0.9
# FTE are per calendar week, Monday 00:00 to Monday 00:00 (a weekday-only forecast is one week).
# week_start: sunday            # weeks that begin on another day
# horizon: 4                    # the weeks the forecast stands for (same as --weeks 4)
# opening_backlog:              # deferred work already waiting when the horizon opens
#   - { typology: complaint, channel: email, items: 120, age: 8h }

opening_hours:
  default: { mon-fri: "08:00-20:00", sat: "09:00-17:00", sun: closed }

tiers:                         # level 2 takes what level 1 cannot solve
  escalation: { level_2: 15%, level_3: 0% }
  level_2: { handling: back-office, aht_factor: 2, deadline: 24h }

organisation: specialised-by-typology   # or separate, specialised-by-channel, polyvalent, groups

spans:
  team_lead: 12                # agents per team lead
  manager: 8                   # team leads per manager

support_roles:
  quality-analyst: { per: 40 } # one per 40 agents
  workforce-planner: { per: 60 }

# Weekly schedules: ${command} shifts forecast.csv --scenario scenario.yaml
# (and --shifts on plan, compare, gaps) cover each team's requirement with
# tours of these templates at least cost. In this block a bare duration is
# MINUTES (length: 60 is an hour); write 8h, 7h30 or 90min to be plain.
shifts:
  # shrinkage kept inside shifts: the requirement on the floor is agents ÷ (1 − these);
  # breaks placed by the templates replace the breaks share. The rest (absence,
  # holidays) turns scheduled people into headcount.
  in_shift_shrinkage: [breaks, meetings, training]
  understaffing_cost: null     # null: every interval covered; a number: cost of an agent-hour short
  # legal: { min_daily_rest_hours: 11, min_weekly_rest_hours: 35, max_daily_work_hours: 10 }  # France by default
  templates:
    - name: full-time
      days_per_week: 5
      days_off: consecutive    # consecutive | any | a list such as [saturday, sunday]
      length: 8h               # on site, lunch included
      paid_hours: 7            # a day: 35 h a week
      start: { from: "08:00", to: "12:00", step: 60 }
      same_start_all_week: true   # or start_band: 60 (minutes a start may move through the week)
      breaks:                  # each between after and before, from the shift start
        - { length: 60, paid: false, after: 3h, before: 5h, step: 30 }
        # - { length: 15, paid: true, after: 1h30, before: 2h30 }   # a screen break
      cost_per_hour: 29        # loaded cost of a paid hour (else the site's cost model)
    - name: part-time
      days_per_week: 5
      days_off: consecutive
      length: 4h
      paid_hours: 4
      start: { from: "08:00", to: "16:00", step: 60 }
      same_start_all_week: true
      cost_per_hour: 29
      max_share: 30%           # of the team's people (also min_share, max_count)
  # levels:                    # other rules for a level, e.g. level 2 full-time only
  #   2: { templates: [ ... ] }
`;
}

/** The in-house sourcing scenario, with costs; `command` as in {@link starterScenario}. */
export function starterInHouse(command: string): string {
  return `# Everything in-house in Lyon, with what it costs (EUR).
# Compare: ${command} compare forecast.csv --scenario sourcing-in-house.yaml --scenario sourcing-nearshore.yaml
name: In-house
targets:
  sync: { service_level: 80/20, max_occupancy: 85%, max_abandon: 5% }
  channels:
    chat: { service_level: 80/60, concurrency: 2 }
currency: EUR
sites:
  - name: Lyon
    kind: internal
    cost:
      agent_hour: 29            # loaded cost per paid hour
      team_lead_hour: 42
      manager_hour: 60
      hiring_per_hire: 2500
      training_per_hire: 3000
      attrition: 25%
      existing_team: true       # the team is there: no initial hiring
`;
}

/** The nearshore sourcing scenario. */
export const STARTER_NEARSHORE = `# Level-1 phone and chat with a nearshore provider, the rest in Lyon.
name: Nearshore level-1 voice and chat
targets:
  sync: { service_level: 80/20, max_occupancy: 85%, max_abandon: 5% }
  channels:
    chat: { service_level: 80/60, concurrency: 2 }
currency: EUR
sites:
  - name: Lyon
    kind: internal
    cost: { agent_hour: 29, team_lead_hour: 42, manager_hour: 60, hiring_per_hire: 2500, training_per_hire: 3000, attrition: 25%, existing_team: true }
  - name: Tunis
    kind: outsourced
    location: nearshore
    aht_factor: 1.08            # 8 % longer handle times
    contract_hours: 40
    shrinkage: { breaks: 8%, absence: 5%, holidays: 8% }
    cost:
      per_productive_hour: 24
      setup_fee: 25000
      training_per_hire: 800
allocation:
  - match: { channels: [phone, chat], directions: [inbound], tiers: [1] }
    to: { Tunis: 100% }
  - to: { Lyon: 100% }
`;

/** The README of the starter folder: what each file is and the commands to try, run with `command` (as in {@link starterScenario}). */
export function starterReadme(command: string): string {
  return `# Starting with ccplan

Files written by \`ccplan init\`:

| file | what it is |
| --- | --- |
| forecast.csv | a week (Monday to Saturday) of 30-minute intervals: volume and AHT per typology, channel and direction; \`patience\` (seconds) turns on Erlang A |
| roster.csv | 70 people with their site, level, weekly hours and skills (0–3 per typology:channel) |
| scenario.yaml | targets, shrinkage, contracts, opening hours, levels, organisation and spans, shift templates, every line commented |
| sourcing-in-house.yaml, sourcing-nearshore.yaml | two ways to run the same work, with costs |

Try:

    ${command} plan forecast.csv --scenario scenario.yaml
    ${command} plan forecast.csv --scenario scenario.yaml --report heatmap
    ${command} plan forecast.csv --scenario scenario.yaml --by tier
    ${command} plan forecast.csv --scenario scenario.yaml --format html --out plan.html
    ${command} compare forecast.csv --scenario sourcing-in-house.yaml --scenario sourcing-nearshore.yaml
    ${command} gaps forecast.csv --roster roster.csv --scenario scenario.yaml
    ${command} shifts forecast.csv --scenario scenario.yaml
    ${command} shifts forecast.csv --scenario scenario.yaml --report tours
    ${command} plan forecast.csv --scenario scenario.yaml --by tier --shifts
    ${command} validate forecast.csv roster.csv scenario.yaml

\`ccplan shifts\` turns each team's requirement into weekly schedules (full-time
and part-time tours with their days off, start times and lunch breaks) and
shows the headcount they take beside the FTE-based one; it solves an integer
programme per team, so it takes some seconds.

Then replace forecast.csv with your own export (Excel in French works as it
is: \`;\`, decimal comma, dd/mm/yyyy) and edit the scenario.
`;
}

/**
 * Every starter file, by name. `command` runs ccplan where the files are
 * (`ccplan`, `npx ccplan` in a clone, `npx --package DIR ccplan`): the
 * README and the scenarios' comments give their commands with it.
 */
export function starterFiles(command: string): [string, string][] {
  return [
    ["forecast.csv", starterForecast()],
    ["roster.csv", starterRoster()],
    ["scenario.yaml", starterScenario(command)],
    ["sourcing-in-house.yaml", starterInHouse(command)],
    ["sourcing-nearshore.yaml", STARTER_NEARSHORE],
    ["README.md", starterReadme(command)],
  ];
}
