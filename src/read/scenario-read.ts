import { z } from "zod";
import type { Tier } from "../plan/forecast.js";
import { ORGANISATION_MODELS, type OrganisationModel, type SupportRole } from "../plan/organisation.js";
import type { Site } from "../plan/sites.js";
import { DEFAULT_SCENARIO, typologyKey, type AhtByConcurrency, type QueueTargets, type Scenario, type WeekHours } from "../plan/scenario.js";
import { DEFAULT_TIER_RULES, overLevel, type LevelRules, type TierRules, type TypologyTierRules } from "../plan/tiers.js";
import { canonicalChannel, CHANNELS } from "./channels.js";
import { closestName } from "./did-you-mean.js";
import { InputError, problem, warning, type Diagnostic, type DiagnosticCode } from "./diagnostics.js";
import { normalizeHeader } from "./names.js";
import { implausibleValues } from "./scenario-plausible.js";
import { combinedShrinkage, percentText, readShare, shareMixes, shareSchema } from "./scenario-share.js";
import { unknownShrinkageNames } from "./scenario-shift-checks.js";
import { shiftsSchema, toShiftSettings, type ShiftsInput } from "./scenario-shifts.js";
import { keyNode, nodeAt } from "./scenario-nodes.js";
import { parseScenarioDocument } from "./scenario-yaml.js";
import { branchIssues, keysAt, schemaErrorMap } from "./schema-issues.js";
import { parseDuration } from "./values.js";
import { SHORT_WEEK_DAYS, weekDayIndex } from "./week-days.js";

const here = { field: "scenario" };

/** A share: 0.85, "85%" or 85 (see {@link readShare}: a bare `1` is ambiguous). */
const share = shareSchema;

/** A share of paid time lost (shrinkage component): below 100 %. */
const shrinkageShare = share.refine((v) => v < 1, { message: "expected a share below 100% (some time must be worked)" });

/**
 * Shrinkage components, combined multiplicatively (1 − Π(1 − s)): 95 % or
 * more leaves under 3 paid minutes in an hour on the phones, which no centre
 * plans (30–35 % is usual, 50 % a lot): refused as `CONFIG_IMPLAUSIBLE`.
 */
const shrinkageSchema = z
  .record(z.string(), shrinkageShare, { error: (issue) => (issue.code === "invalid_type" ? "write a list of named shares, e.g. { absence: 12% }" : undefined) })
  .superRefine((components, ctx) => {
  // a component of 100 % or more is reported on its own
  if (Object.values(components).some((v) => !(v < 1))) return;
  const combined = combinedShrinkage(components);
  if (combined >= 0.95) {
    ctx.addIssue({
      code: "custom",
      params: { diagnostic: "CONFIG_IMPLAUSIBLE" },
      message: `the components combine to ${percentText(combined)} (1 − Π(1 − s)): expected well under 95% (30–35% is usual), or no time is left to work`,
    });
  }
});

/**
 * A mean contract as a share of full time, above 0 and at most 100 %. A bare
 * number from above 1 to below 10 is refused rather than read as a percent:
 * `1.2` is a mean contract above full time, or 1.2 % of it, and neither is a
 * mean contract.
 */
const contractShare = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const text = String(v).trim();
  const bare = typeof v === "number" ? v : /%$/.test(text) ? NaN : Number(text);
  const r = readShare(v);
  if ((bare > 1 && bare < 10) || (r.ok && r.value > 1) || (!r.ok && /%$/.test(text) && Number(text.slice(0, -1)) > 100)) {
    ctx.addIssue({
      code: "custom",
      message: `got ${text}: a mean contract above full time${bare > 1 && bare < 10 ? ` (or ${text}% of it)` : ""}: expected the mean contract as a share of full time, at most 1, such as 0.9 or 90%`,
    });
    return z.NEVER;
  }
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: r.message, params: { diagnostic: r.code } });
    return z.NEVER;
  }
  if (!(r.value > 0)) {
    ctx.addIssue({ code: "custom", message: "expected a mean contract above 0 (e.g. 0.9)" });
    return z.NEVER;
  }
  return r.value;
});

/**
 * The weekly hours of a full-time contract (35 in France, 40 elsewhere): more
 * than 0 and at most 80. Under 5 h is refused as `CONFIG_IMPLAUSIBLE`: no
 * full-time week is that short, and such a value is an FTE (`1`, `0.8`) or
 * a day's hours in the wrong place, which would multiply every FTE and
 * headcount by 7 to 40 without a word (5–20 h gets a warning: hours a day?).
 */
const weeklyHours = z
  .number()
  .positive()
  .max(80)
  .superRefine((h, ctx) => {
    if (h > 0 && h < 5) {
      ctx.addIssue({
        code: "custom",
        params: { diagnostic: "CONFIG_IMPLAUSIBLE" },
        message: `got ${h} h for a full-time week: expected the weekly hours of a full-time contract such as 35 or 40 (${h} looks like an FTE; a mean contract below full time goes in contract_fraction)`,
      });
    }
  });

/** A duration: seconds, "4:30", "24h", "2d". */
const duration = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const p = parseDuration(String(v), here, false, true);
  if (!p.ok) {
    ctx.addIssue({ code: "custom", message: `expected a duration such as 20, 4:30, 24h or 2d, got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return p.value;
});

/**
 * An async deadline: a duration of a minute or more. A bare number is
 * seconds (as everywhere), so `deadline: 24` is 24 s, a plan for an email
 * answered within 24 seconds: refused as `CONFIG_IMPLAUSIBLE` with the
 * reading taken, asking for a unit (`24h`, `2d`, `90min`).
 */
const deadline = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const p = parseDuration(String(v), here, false, true);
  if (!p.ok) {
    ctx.addIssue({ code: "custom", message: `expected a duration such as 20, 4:30, 24h or 2d, got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  if (p.value < 60) {
    ctx.addIssue({
      code: "custom",
      params: { diagnostic: "CONFIG_IMPLAUSIBLE" },
      message: `got ${JSON.stringify(v)}, read as ${p.value} s: expected a deadline of a minute or more, with its unit, such as 24h, 2d or 90min`,
    });
    return z.NEVER;
  }
  return p.value;
});

/** "80/20" (share/seconds), or a share with service_level_seconds; the share follows {@link readShare}. */
const serviceLevel = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const parts = typeof v === "string" ? v.split("/") : [v];
  const bad = () => {
    ctx.addIssue({ code: "custom", message: `expected a service level such as 80/20, got ${JSON.stringify(v)}` });
    return z.NEVER;
  };
  if (parts.length > 2) return bad();
  const share = readShare(typeof parts[0] === "string" ? parts[0].trim() : parts[0]);
  if (!share.ok && share.code === "CONFIG_AMBIGUOUS_SHARE") {
    ctx.addIssue({ code: "custom", message: `the share ${share.message}`, params: { diagnostic: share.code } });
    return z.NEVER;
  }
  if (!share.ok) return bad();
  if (parts.length === 1) return { share: share.value, withinSec: undefined };
  const within = parseDuration(String(parts[1]), here);
  if (!within.ok) return bad();
  return { share: share.value, withinSec: within.value };
});

const targetsSchema = z
  .object({
    service_level: serviceLevel.optional(),
    service_level_seconds: duration.optional(),
    asa: duration.optional(),
    max_occupancy: share.optional(),
    max_abandon: share.optional(),
    deadline: deadline.optional(),
    concurrency: z.number().int().min(1).max(100).optional(),
    patience: duration.optional(),
  })
  .strict();

/**
 * A channel's targets: those of a class, and `aht_by_concurrency` (chat):
 * the mean duration of a chat while its agent holds 1..k chats, in
 * `duration`'s syntax; its length is checked against the channel's
 * concurrency in {@link readScenario}.
 */
const channelTargetsSchema = targetsSchema.extend({ aht_by_concurrency: z.array(duration).min(1).max(10).optional() }).strict();

const SPAN = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;

/** `{ mon-fri: "08:00-20:00", sat: "09:00-12:00, 14:00-17:00", sun: closed }` → WeekHours. */
const weekSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())])).transform((spec, ctx) => {
  const week: [number, number][][] = [[], [], [], [], [], [], []];
  for (const [daysText, spansValue] of Object.entries(spec)) {
    const days = dayList(daysText);
    if (days === undefined) {
      ctx.addIssue({ code: "custom", path: [daysText], message: `expected days such as mon, mon-fri or sat,sun, got ${JSON.stringify(daysText)}` });
      continue;
    }
    const spans = (Array.isArray(spansValue) ? spansValue : spansValue.split(",")).map((s) => s.trim()).filter((s) => s !== "");
    for (const span of spans) {
      if (/^(closed|ferme|fermé)$/i.test(span)) continue;
      const m = SPAN.exec(span);
      const from = m ? +m[1]! * 60 + +m[2]! : NaN;
      const to = m ? +m[3]! * 60 + +m[4]! : NaN;
      if (!m || +m[2]! > 59 || +m[4]! > 59 || !(from < to) || to > 1440) {
        ctx.addIssue({ code: "custom", path: [daysText], message: `expected hours such as 08:00-20:00 (or closed), got ${JSON.stringify(span)}` });
        continue;
      }
      for (const d of days) week[d]!.push([from, to]);
    }
  }
  return week.map((spans) => spans.sort((a, b) => a[0] - b[0])) as WeekHours;
});

function dayList(text: string): number[] | undefined {
  const out: number[] = [];
  for (const part of text.toLowerCase().split(",").map((p) => p.trim())) {
    const range = part.split("-").map((p) => SHORT_WEEK_DAYS[p.trim()]);
    if (range.some((d) => d === undefined) || range.length > 2) return undefined;
    const [a, b = a] = range as [number, number?];
    for (let d = a; ; d = (d + 1) % 7) {
      out.push(d);
      if (d === b) break;
    }
  }
  return out;
}

const channelRecord = <T extends z.ZodTypeAny>(schema: T) =>
  z.record(z.string(), schema).transform((rec, ctx) => {
    const out: Record<string, z.output<T>> = {};
    for (const [label, value] of Object.entries(rec)) {
      const channel = canonicalChannel(label);
      if (channel === undefined) {
        ctx.addIssue({ code: "custom", path: [label], message: `unknown channel ${JSON.stringify(label)}: expected one of ${Object.keys(CHANNELS).join(", ")}` });
        continue;
      }
      out[channel] = value;
    }
    return out;
  });

const spreadSchema = z.enum(["as-given", "day", "horizon"]);
const campaignSchema = z.object({ calling_hours: weekSchema.optional(), spread: spreadSchema.optional() }).strict();
const outboundSchema = z
  .object({
    calling_hours: weekSchema.optional(),
    spread: spreadSchema.optional(),
    campaigns: z.record(z.string(), campaignSchema).optional(),
    blending: z.boolean().optional(),
    blend_occupancy: share.optional(),
    blend_with: z.enum(["typology", "channel"]).optional(),
  })
  .strict();

// a level's live transfers keep their channel's concurrency: a level has no concurrency of its own
const { concurrency: _concurrency, ...levelTargets } = targetsSchema.shape;
const levelFields = {
  ...levelTargets,
  handling: z.enum(["live-transfer", "back-office"]).optional(),
  aht: duration.optional(),
  aht_factor: z.number().positive().max(100).optional(),
};
const levelSchema = z.object({ ...levelFields, min_on_duty: z.number().min(0).max(10_000).optional() }).strict();
const typologyLevelSchema = z.object(levelFields).strict();
const escalationSchema = z.object({ level_2: share.optional(), level_3: share.optional() }).strict();
const tiersSchema = z
  .object({
    escalation: escalationSchema.optional(),
    level_1: z.object({ min_on_duty: z.number().min(0).max(10_000).optional() }).strict().optional(),
    level_2: levelSchema.optional(),
    level_3: levelSchema.optional(),
    typologies: z
      .record(z.string(), z.object({ escalation: escalationSchema.optional(), level_2: typologyLevelSchema.optional(), level_3: typologyLevelSchema.optional() }).strict())
      .optional(),
  })
  .strict();

const channelList = z.array(z.string()).transform((labels, ctx) => {
  const out: string[] = [];
  labels.forEach((label, k) => {
    const channel = canonicalChannel(label);
    if (channel === undefined) ctx.addIssue({ code: "custom", path: [k], message: `unknown channel ${JSON.stringify(label)}: expected one of ${Object.keys(CHANNELS).join(", ")}` });
    else out.push(channel);
  });
  return out;
});
const tierNumber = z.number().int().min(1).max(3);
const groupSchema = z
  .object({
    name: z.string().min(1),
    typologies: z.array(z.string()).min(1).optional(),
    channels: channelList.pipe(z.array(z.string()).min(1)).optional(),
    tiers: z.array(tierNumber).min(1).optional(),
    directions: z.array(z.enum(["inbound", "outbound"])).min(1).optional(),
  })
  .strict();
const modelSchema = z.enum(ORGANISATION_MODELS as [OrganisationModel, ...OrganisationModel[]]);
// `organisation: polyvalent` is short for `organisation: { model: polyvalent }`
const organisationSchema = z.preprocess(
  (v) => (typeof v === "string" ? { model: v } : v),
  z
    .object({
      model: modelSchema.optional(),
      families: z.record(z.string(), z.array(z.string())).optional(),
      groups: z.array(groupSchema).min(1).optional(),
      training_hours_per_skill: z.number().min(0).max(10_000).optional(),
      fill_idle_time: z.boolean().optional(),
      fill_occupancy: share.optional(),
    })
    .strict()
    .superRefine((o, ctx) => {
      if (o.model === "groups" && o.groups === undefined) ctx.addIssue({ code: "custom", path: ["groups"], message: "the groups model needs a list of groups" });
      if (o.groups !== undefined && o.model !== undefined && o.model !== "groups") {
        ctx.addIssue({ code: "custom", path: ["groups"], message: `groups are only used by the groups model, not ${o.model}` });
      }
    }),
);
/** Agents per team lead, team leads per manager: at least 1 (a team lead of half an agent is a typo). */
const spanValue = z
  .number()
  .max(1000)
  .superRefine((v, ctx) => {
    if (!(v >= 1)) ctx.addIssue({ code: "custom", message: `got ${v}: expected at least 1 (people per team lead or manager, such as 10 agents per team lead and 8 team leads per manager)` });
  });
const spansSchema = z
  .object({
    team_lead: z.union([spanValue, z.object({ level_1: spanValue.optional(), level_2: spanValue.optional(), level_3: spanValue.optional() }).strict()]).optional(),
    manager: spanValue.optional(),
  })
  .strict();
const supportRoleSchema = z
  .object({ per: z.number().positive().optional(), basis: z.enum(["agents", "social"]).optional(), fixed: z.number().min(0).max(10_000).optional() })
  .strict()
  .superRefine((r, ctx) => {
    if ((r.per === undefined) === (r.fixed === undefined)) ctx.addIssue({ code: "custom", message: "expected either per (one per N agents, or N FTE with basis: social) or fixed (a number of people)" });
    else if (r.fixed !== undefined && r.basis !== undefined) ctx.addIssue({ code: "custom", path: ["basis"], message: "a fixed role has no basis" });
  });

const supportRolesSchema = z
  .record(z.string(), supportRoleSchema)
  .superRefine((roles, ctx) => {
    const seen = new Map<string, string>();
    for (const name of Object.keys(roles)) {
      const role = normalizeRole(name);
      const clash = seen.get(role);
      if (RESERVED_ROLES.has(role)) ctx.addIssue({ code: "custom", path: [name], message: `${JSON.stringify(name)} is a built-in row of the tiers report: expected another name` });
      else if (clash !== undefined) ctx.addIssue({ code: "custom", path: [name], message: `${JSON.stringify(name)} is the same role as ${JSON.stringify(clash)}: expected each role once` });
      seen.set(role, name);
    }
  });
const openingHoursSchema = z.object({ default: weekSchema.optional(), channels: channelRecord(weekSchema).optional() }).strict();
/**
 * An amount of money: a bare number, in the scenario's `currency`. An amount
 * written with its currency (`18 EUR`, `€18`) is refused with that advice.
 */
const money = z.number({ error: (issue) => (issue.code === "invalid_type" ? moneyTypeMessage(issue.input) : undefined) }).min(0).max(1e9);

function moneyTypeMessage(input: unknown): string | undefined {
  if (typeof input === "string" && /\d/.test(input) && /[^\d\s.,+-]/.test(input)) return `${JSON.stringify(input)}: write a number, the currency is set once with currency:`;
  return typeof input === "string" ? `expected an amount such as 29, got ${JSON.stringify(input)}` : undefined;
}
const costSchema = z
  .object({
    // in-house
    agent_hour: z.union([money, z.object({ level_1: money, level_2: money.optional(), level_3: money.optional() }).strict()]).optional(),
    hiring_per_hire: money.optional(),
    attrition: share.optional(),
    existing_team: z.boolean().optional(),
    // outsourced
    per_productive_hour: money.optional(),
    per_contact: money.optional(),
    per_fte_month: money.optional(),
    setup_fee: money.optional(),
    supervision_included: z.boolean().optional(),
    // both
    team_lead_hour: money.optional(),
    manager_hour: money.optional(),
    support_hour: money.optional(),
    training_per_hire: money.optional(),
  })
  .strict();
const siteSchema = z
  .object({
    name: z.string().min(1),
    kind: z.enum(["internal", "outsourced"]).optional(),
    location: z.enum(["onshore", "nearshore", "offshore", "homeshore"]).optional(),
    sharing: z.enum(["dedicated", "shared"]).optional(),
    aht_factor: z.number().positive().max(10).optional(),
    shared_pool: z.number().min(0).max(10_000).optional(),
    languages: z.array(z.string()).optional(),
    shrinkage: shrinkageSchema.optional(),
    contract_hours: weeklyHours.optional(),
    contract_fraction: contractShare.optional(),
    opening_hours: openingHoursSchema.optional(),
    spans: spansSchema.optional(),
    organisation: organisationSchema.optional(),
    support_roles: supportRolesSchema.optional(),
    cost: costSchema.optional(),
    shifts: shiftsSchema.nullable().optional(),
  })
  .strict()
  .superRefine((site, ctx) => {
    const c = site.cost;
    if (c === undefined) return;
    const bad = (key: string, message: string) => ctx.addIssue({ code: "custom", path: ["cost", key], message });
    if ((site.kind ?? "internal") === "internal") {
      for (const key of ["per_productive_hour", "per_contact", "per_fte_month", "setup_fee", "supervision_included"] as const) {
        if (c[key] !== undefined) bad(key, `${key} is an outsourcer's price: expected agent_hour, team_lead_hour, manager_hour… for an internal site`);
      }
      if (c.agent_hour === undefined) bad("agent_hour", "an internal site's cost needs agent_hour (loaded cost per paid hour)");
      if (c.team_lead_hour === undefined) bad("team_lead_hour", "an internal site's cost needs team_lead_hour");
      if (c.manager_hour === undefined) bad("manager_hour", "an internal site's cost needs manager_hour");
    } else {
      for (const key of ["agent_hour", "hiring_per_hire", "attrition", "existing_team"] as const) {
        if (c[key] !== undefined) bad(key, `${key} is an in-house cost: expected per_productive_hour, per_contact or per_fte_month for an outsourced site`);
      }
      const prices = (["per_productive_hour", "per_contact", "per_fte_month"] as const).filter((k) => c[k] !== undefined);
      if (prices.length !== 1) bad(prices[1] ?? "per_productive_hour", `expected exactly one price (per_productive_hour, per_contact or per_fte_month), got ${prices.length}`);
      if (c.supervision_included === false && (c.team_lead_hour === undefined || c.manager_hour === undefined)) {
        bad("supervision_included", "supervision billed apart needs team_lead_hour and manager_hour");
      }
    }
  });
const flowMatchSchema = z
  .object({
    typologies: z.array(z.string()).min(1).optional(),
    channels: channelList.pipe(z.array(z.string()).min(1)).optional(),
    directions: z.array(z.enum(["inbound", "outbound"])).min(1).optional(),
    tiers: z.array(tierNumber).min(1).optional(),
  })
  .strict();
const allocationSchema = z
  .object({ match: flowMatchSchema.optional(), to: z.record(z.string(), share) })
  .strict()
  .superRefine((rule, ctx) => {
    const total = Object.values(rule.to).reduce((n, v) => n + v, 0);
    if (Math.abs(total - 1) > 1e-9) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `the shares of a rule add up to ${+(total * 100).toFixed(6)}%: expected 100%` });
    }
  });

/** `monday` … `sunday` (or `mon`, `lundi`…) → Monday = 0 … Sunday = 6. */
const weekDay = z.string().transform((v, ctx) => {
  const found = weekDayIndex(v);
  if (found === undefined) {
    ctx.addIssue({ code: "custom", message: `expected a day of the week such as monday or sunday, got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return found;
});
/** `4`, `"4 weeks"`, `"4w"` → whole weeks, 1 to 520. */
const weeksCount = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const m = /^\s*(\d+)\s*(?:w|weeks?|semaines?)?\s*$/i.exec(String(v));
  const n = m === null ? NaN : Number(m[1]);
  if (!(Number.isInteger(n) && n >= 1 && n <= 520)) {
    ctx.addIssue({ code: "custom", message: `expected a whole number of weeks from 1 to 520 (such as 4 or "4 weeks"), got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return n;
});
const openingBacklogSchema = z
  .object({
    typology: z.string().min(1),
    channel: z.string().min(1),
    direction: z.enum(["inbound", "outbound"]).optional(),
    items: z.number().min(0).max(1e9),
    age: duration.optional(),
  })
  .strict();

const scenarioSchema = z
  .object({
    name: z.string().min(1).optional(),
    week_start: weekDay.optional(),
    horizon: weeksCount.optional(),
    opening_backlog: z.array(openingBacklogSchema).optional(),
    targets: z
      .object({
        sync: targetsSchema.optional(),
        async: targetsSchema.optional(),
        outbound: targetsSchema.optional(),
        channels: channelRecord(channelTargetsSchema).optional(),
      })
      .strict()
      .optional(),
    shrinkage: shrinkageSchema.optional(),
    contract_hours: weeklyHours.optional(),
    contract_fraction: contractShare.optional(),
    opening_hours: openingHoursSchema.optional(),
    outbound: outboundSchema.optional(),
    tiers: tiersSchema.optional(),
    organisation: organisationSchema.optional(),
    spans: spansSchema.optional(),
    support_roles: supportRolesSchema.optional(),
    currency: z.string().min(1).max(12).optional(),
    sites: z.array(siteSchema).min(1).optional(),
    allocation: z.array(allocationSchema).min(1).optional(),
    shifts: shiftsSchema.nullable().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const names = new Set<string>();
    (s.sites ?? []).forEach((site, k) => {
      if (names.has(site.name)) ctx.addIssue({ code: "custom", path: ["sites", k, "name"], message: `a second site named ${JSON.stringify(site.name)}: expected unique names` });
      names.add(site.name);
    });
    (s.allocation ?? []).forEach((rule, k) => {
      for (const name of Object.keys(rule.to)) {
        if (!names.has(name)) ctx.addIssue({ code: "custom", path: ["allocation", k, "to", name], message: `unknown site ${JSON.stringify(name)}: expected one of ${[...names].map((n) => JSON.stringify(n)).join(", ") || "the sites (none given)"}` });
      }
    });
    if ((s.sites?.length ?? 0) > 1 && s.allocation === undefined) {
      ctx.addIssue({ code: "custom", path: ["sites"], message: "several sites need an allocation: expected allocation rules that send each flow to its sites" });
    }
    for (const p of inShiftNameProblems(s)) ctx.addIssue({ code: "custom", path: p.path, message: p.message });
  });

/** The shrinkage and shifts of a scenario or a site, as validated. */
interface ShrinkageAndShifts {
  shrinkage?: Record<string, number>;
  shifts?: ShiftsInput | null;
}

/**
 * The names of `in_shift_shrinkage` must be components of the shrinkage they
 * split: the scenario's for its `shifts`, a site's own (or else the
 * scenario's) for the site's `shifts`.
 */
function inShiftNameProblems(s: ShrinkageAndShifts & { sites?: (ShrinkageAndShifts & { name: string })[] }): { path: (string | number)[]; message: string }[] {
  const scenarioComponents = Object.keys(s.shrinkage ? toShrinkage(s.shrinkage) : DEFAULT_SCENARIO.shrinkage);
  const whose = s.shrinkage ? "the scenario's shrinkage" : "the default shrinkage";
  const out = s.shifts ? unknownShrinkageNames(s.shifts, scenarioComponents, whose).map((p) => ({ ...p, path: ["shifts", ...p.path] })) : [];
  (s.sites ?? []).forEach((site, k) => {
    if (!site.shifts) return;
    const components = site.shrinkage ? Object.keys(toShrinkage(site.shrinkage)) : scenarioComponents;
    const siteWhose = site.shrinkage ? `site ${JSON.stringify(site.name)}'s shrinkage` : `${whose}, which site ${JSON.stringify(site.name)} uses`;
    out.push(...unknownShrinkageNames(site.shifts, components, siteWhose).map((p) => ({ ...p, path: ["sites", k, "shifts", ...p.path] })));
  });
  return out;
}

type TargetsInput = z.output<typeof targetsSchema>;

function toTargets(t: TargetsInput | undefined): QueueTargets {
  if (t === undefined) return {};
  const sl = t.service_level;
  return {
    serviceLevel: sl?.share,
    answerWithinSec: sl?.withinSec ?? t.service_level_seconds,
    maxAsaSec: t.asa,
    maxOccupancy: t.max_occupancy,
    maxAbandonRate: t.max_abandon,
    deadlineSec: t.deadline,
    concurrency: t.concurrency,
    patienceSec: t.patience,
  };
}

function over(base: QueueTargets, layer: QueueTargets): QueueTargets {
  const out = { ...base };
  for (const [k, v] of Object.entries(layer) as [keyof QueueTargets, never][]) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * Each channel's `aht_by_concurrency`, with where it is written, and its
 * problems: a channel that is not live (sync), or a number of values other
 * than the channel's concurrency (its own, else its class's, else the
 * default's).
 */
function ahtShapes(
  s: ScenarioInput,
  raw: unknown,
  locate: (path: (string | number)[]) => { file: string; line?: number; column?: number; field: string },
): { byChannel: Map<string, AhtByConcurrency>; problems: Diagnostic[] } {
  const byChannel = new Map<string, AhtByConcurrency>();
  const problems: Diagnostic[] = [];
  const rawChannels = (raw as { targets?: { channels?: Record<string, unknown> } } | null)?.targets?.channels ?? {};
  for (const label of Object.keys(rawChannels)) {
    const channel = canonicalChannel(label);
    const values = channel === undefined ? undefined : s.targets?.channels?.[channel]?.aht_by_concurrency;
    if (channel === undefined || values === undefined) continue;
    const path = ["targets", "channels", label, "aht_by_concurrency"];
    const where = locate(path);
    const field = path.join(".");
    const cls = CHANNELS[channel as keyof typeof CHANNELS]?.channelClass;
    if (cls !== "sync") {
      problems.push(problem("CONFIG_INVALID", `${field}: ${channel} is a ${cls} channel: expected aht_by_concurrency on a live channel (chat, messaging)`, where));
      continue;
    }
    const k = s.targets?.channels?.[channel]?.concurrency ?? s.targets?.sync?.concurrency ?? DEFAULT_SCENARIO.targets.channels[channel]?.concurrency ?? DEFAULT_SCENARIO.targets.sync.concurrency ?? 1;
    if (values.length !== k) {
      problems.push(problem("CONFIG_INVALID", `${field}: got ${values.length} value${values.length === 1 ? "" : "s"} for a concurrency of ${k}: expected one duration per number of chats an agent holds (1 to ${k})`, where));
      continue;
    }
    const { value: _written, ...at } = where as typeof where & { value?: string };
    byChannel.set(channel, { valuesSec: values, at });
  }
  return { byChannel, problems };
}

/** Options of {@link readScenario}. */
export interface ReadScenarioOptions {
  /**
   * Called with each warning (`CONFIG_IMPLAUSIBLE`: a value that is allowed
   * but unlikely, such as a full-time week of 8 h), in file order, once the
   * scenario is valid. Without it, warnings are dropped.
   */
  onWarning?: (warning: Diagnostic) => void;
}

/** The scenario data as validated, before it is merged over the defaults. */
export type ScenarioInput = z.output<typeof scenarioSchema>;

/**
 * Read a scenario file (YAML, or JSON, which is YAML too) and merge it over
 * {@link DEFAULT_SCENARIO}: every field is optional, unknown keys are errors
 * (a typo must not silently fall back to a default), each problem has its
 * line and column. Shares follow {@link readShare} (a bare `1`, or a bare
 * fraction beside bare percents, is `CONFIG_AMBIGUOUS_SHARE`); values that
 * cannot be meant are `CONFIG_IMPLAUSIBLE` errors, values that are merely
 * unlikely are warnings passed to `options.onWarning`; alias bombs and
 * absurd nesting are `CONFIG_TOO_COMPLEX` (see {@link parseScenarioDocument}).
 * `shifts` (of the scenario and of each site) is read by
 * {@link shiftsSchema}: its durations' bare numbers are minutes.
 *
 * @throws InputError with CONFIG_* diagnostics
 */
export function readScenario(text: string, file: string, options: ReadScenarioOptions = {}): Scenario {
  const { doc, lineCounter, data: raw } = parseScenarioDocument(text, file);
  const data = raw ?? {};
  /** Where a path of the data is in the file, and the text written there. */
  const locate = (path: (string | number)[], node = nodeAt(doc, path)) => {
    const range = node?.range;
    const pos = range ? lineCounter.linePos(range[0]) : undefined;
    const written = range && path.length > 0 && (node as { items?: unknown }).items === undefined ? text.slice(range[0], range[1]).trim() : undefined;
    return {
      file,
      ...(pos ? { line: pos.line, column: pos.col } : {}),
      field: path.join(".") || "scenario",
      ...(written !== undefined && written.length <= 200 ? { value: written } : {}),
    };
  };
  const diagnostics: Diagnostic[] = shareMixes(data).map((m) => problem("CONFIG_AMBIGUOUS_SHARE", `${m.path.join(".")}: ${m.message}`, locate(m.path)));
  const parsed = scenarioSchema.safeParse(data, { error: schemaErrorMap });
  if (!parsed.success) {
    for (const issue of parsed.error.issues.flatMap(branchIssues)) {
      const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
      const field = path.join(".");
      if (issue.code === "unrecognized_keys") {
        // one problem per key, at the key, with the closest key this place takes
        const known = keysAt(scenarioSchema, path);
        for (const key of issue.keys) {
          const where = locate(path, keyNode(doc, path, key) ?? nodeAt(doc, path));
          const near = closestName(key, known);
          const message = `unknown key ${JSON.stringify(key)}${field ? ` in ${field}` : ""}: ${near !== undefined ? `did you mean ${JSON.stringify(near)}?` : "expected only the keys of the scenario format (see the README)"}`;
          diagnostics.push(problem("CONFIG_UNKNOWN_KEY", message, { ...where, value: key }));
        }
        continue;
      }
      const code = (issue.code === "custom" ? (issue.params?.diagnostic as DiagnosticCode | undefined) : undefined) ?? "CONFIG_INVALID";
      diagnostics.push(problem(code, `${field || "scenario"}: ${issue.message}`, locate(path)));
    }
  }
  const warnAbout = (values: ScenarioInput) => {
    if (options.onWarning === undefined) return;
    const warnings = implausibleValues(values, data).map((f) => warning("CONFIG_IMPLAUSIBLE", `${f.path.join(".")}: ${f.message}`, locate(f.path)));
    for (const w of warnings.sort(byPosition)) options.onWarning(w);
  };
  if (diagnostics.length > 0) {
    // collect every problem: the warnings of the keys that did parse, beside the errors
    if (data !== null && typeof data === "object" && !Array.isArray(data)) {
      const partial: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(data)) {
        const field = (scenarioSchema.shape as Record<string, z.ZodType | undefined>)[key];
        const r = field?.safeParse(value);
        if (r?.success) partial[key] = r.data;
      }
      warnAbout(partial as ScenarioInput);
    }
    throw new InputError(diagnostics.sort(byPosition));
  }
  const s = parsed.data!;
  const shapes = ahtShapes(s, data, locate);
  if (shapes.problems.length > 0) throw new InputError(shapes.problems.sort(byPosition));
  warnAbout(s);
  const weekStart = s.week_start ?? DEFAULT_SCENARIO.weekStart;
  const channels: Record<string, QueueTargets> = { ...DEFAULT_SCENARIO.targets.channels };
  for (const [channel, t] of Object.entries(s.targets?.channels ?? {})) {
    channels[channel] = over(channels[channel] ?? {}, { ...toTargets(t), ahtByConcurrency: shapes.byChannel.get(channel) });
  }
  return {
    name: s.name ?? file.replace(/^.*[\\/]/, "").replace(/\.(ya?ml|json)$/i, ""),
    targets: {
      sync: over(DEFAULT_SCENARIO.targets.sync, toTargets(s.targets?.sync)),
      async: over(DEFAULT_SCENARIO.targets.async, toTargets(s.targets?.async)),
      outbound: over(DEFAULT_SCENARIO.targets.outbound, toTargets(s.targets?.outbound)),
      channels,
    },
    shrinkage: s.shrinkage ? toShrinkage(s.shrinkage) : { ...DEFAULT_SCENARIO.shrinkage },
    contractHours: s.contract_hours ?? DEFAULT_SCENARIO.contractHours,
    contractFraction: s.contract_fraction ?? DEFAULT_SCENARIO.contractFraction,
    openingHours: {
      default: s.opening_hours?.default ?? DEFAULT_SCENARIO.openingHours.default,
      channels: { ...DEFAULT_SCENARIO.openingHours.channels, ...(s.opening_hours?.channels ?? {}) },
    },
    outbound: {
      callingHours: s.outbound?.calling_hours ?? DEFAULT_SCENARIO.outbound.callingHours,
      spread: s.outbound?.spread ?? DEFAULT_SCENARIO.outbound.spread,
      campaigns: Object.fromEntries(
        Object.entries(s.outbound?.campaigns ?? {}).map(([typology, c]) => [
          typologyKey(typology),
          { ...(c.calling_hours !== undefined ? { callingHours: c.calling_hours } : {}), ...(c.spread !== undefined ? { spread: c.spread } : {}) },
        ]),
      ),
      blending: s.outbound?.blending ?? DEFAULT_SCENARIO.outbound.blending,
      blendOccupancy: s.outbound?.blend_occupancy ?? DEFAULT_SCENARIO.outbound.blendOccupancy,
      blendWith: s.outbound?.blend_with ?? DEFAULT_SCENARIO.outbound.blendWith,
    },
    tiers: s.tiers === undefined ? null : toTierRules(s.tiers),
    organisation: toOrganisation(s.organisation),
    spans: toSpans(s.spans),
    supportRoles: toSupportRoles(s.support_roles ?? {}),
    currency: s.currency ?? DEFAULT_SCENARIO.currency,
    sites: (s.sites ?? []).map((site) => toSite(site, weekStart)),
    allocation:
      s.allocation?.map((rule) => ({
        match: {
          typologies: rule.match?.typologies?.map(typologyKey),
          channels: rule.match?.channels,
          directions: rule.match?.directions,
          tiers: rule.match?.tiers as Tier[] | undefined,
        },
        to: Object.entries(rule.to),
      })) ?? (s.sites?.length === 1 ? [{ match: {}, to: [[s.sites[0]!.name, 1]] }] : []),
    sharedPoolErlangs: null,
    weekStart,
    horizonWeeks: s.horizon ?? DEFAULT_SCENARIO.horizonWeeks,
    openingBacklog: (s.opening_backlog ?? []).map((b) => ({
      typology: b.typology,
      channel: canonicalChannel(b.channel) ?? b.channel,
      ...(b.direction === undefined ? {} : { direction: b.direction }),
      items: b.items,
      ageMin: (b.age ?? 0) / 60,
    })),
    shifts: s.shifts ? toShiftSettings(s.shifts, weekStart) : null,
  };
}

function toSupportRoles(roles: z.output<typeof supportRolesSchema>): SupportRole[] {
  return Object.entries(roles).map(([role, r]): SupportRole =>
    r.fixed !== undefined ? { role: normalizeRole(role), basis: "fixed", per: r.fixed } : { role: normalizeRole(role), basis: r.basis ?? "agents", per: r.per! },
  );
}

function toShrinkage(s: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [normalizeHeader(k), v]));
}

/** A site as read; `weekStart` counts the fixed days off of its `shifts`. */
function toSite(s: z.output<typeof siteSchema>, weekStart: number): Site {
  const overrides: Site["overrides"] = {};
  if (s.shrinkage !== undefined) overrides.shrinkage = toShrinkage(s.shrinkage);
  if (s.contract_hours !== undefined) overrides.contractHours = s.contract_hours;
  if (s.contract_fraction !== undefined) overrides.contractFraction = s.contract_fraction;
  if (s.opening_hours !== undefined) {
    overrides.openingHours = {
      default: s.opening_hours.default ?? DEFAULT_SCENARIO.openingHours.default,
      channels: { ...DEFAULT_SCENARIO.openingHours.channels, ...(s.opening_hours.channels ?? {}) },
    };
  }
  if (s.spans !== undefined) overrides.spans = toSpans(s.spans);
  if (s.organisation !== undefined) overrides.organisation = toOrganisation(s.organisation);
  if (s.support_roles !== undefined) overrides.supportRoles = toSupportRoles(s.support_roles);
  // `shifts: null` takes the scenario's shifts away from the site (an outsourcer billed per productive hour)
  if (s.shifts !== undefined) overrides.shifts = s.shifts === null ? null : toShiftSettings(s.shifts, weekStart);
  const kind = s.kind ?? "internal";
  const c = s.cost;
  let cost: Site["cost"] = null;
  if (c !== undefined && kind === "internal") {
    const a = c.agent_hour!;
    const agentHour = typeof a === "number" ? { 1: a, 2: a, 3: a } : { 1: a.level_1, 2: a.level_2 ?? a.level_1, 3: a.level_3 ?? a.level_2 ?? a.level_1 };
    cost = {
      kind: "internal",
      agentHour,
      teamLeadHour: c.team_lead_hour!,
      managerHour: c.manager_hour!,
      supportHour: c.support_hour ?? c.team_lead_hour!,
      hiringPerHire: c.hiring_per_hire ?? 0,
      trainingPerHire: c.training_per_hire ?? 0,
      attrition: c.attrition ?? 0,
      existingTeam: c.existing_team ?? false,
    };
  } else if (c !== undefined) {
    const pricing = c.per_productive_hour !== undefined ? "hour" : c.per_contact !== undefined ? "contact" : "fte-month";
    cost = {
      kind: "outsourced",
      pricing,
      price: c.per_productive_hour ?? c.per_contact ?? c.per_fte_month!,
      setupFee: c.setup_fee ?? 0,
      supervisionIncluded: c.supervision_included ?? true,
      teamLeadHour: c.team_lead_hour ?? 0,
      managerHour: c.manager_hour ?? 0,
      supportHour: c.support_hour ?? 0,
      trainingPerHire: c.training_per_hire ?? 0,
    };
  }
  return {
    name: s.name,
    kind,
    location: s.location ?? "onshore",
    sharing: s.sharing ?? "dedicated",
    ahtFactor: s.aht_factor ?? 1,
    sharedPoolErlangs: s.shared_pool ?? 100,
    languages: s.languages ?? [],
    overrides,
    cost,
  };
}

type LevelInput = z.output<typeof typologyLevelSchema>;

function toLevel(l: LevelInput | undefined): Partial<LevelRules> | undefined {
  if (l === undefined) return undefined;
  const { handling, aht, aht_factor, ...targets } = l;
  return {
    ...(handling !== undefined ? { handling } : {}),
    ...(aht !== undefined ? { ahtSec: aht } : {}),
    ...(aht_factor !== undefined ? { ahtFactor: aht_factor } : {}),
    targets: toTargets(targets),
  };
}

function toTierRules(t: z.output<typeof tiersSchema>): TierRules {
  const d = DEFAULT_TIER_RULES;
  const typologies: Record<string, TypologyTierRules> = {};
  for (const [typology, r] of Object.entries(t.typologies ?? {})) {
    typologies[typologyKey(typology)] = {
      escalation: { ...(r.escalation?.level_2 !== undefined ? { toLevel2: r.escalation.level_2 } : {}), ...(r.escalation?.level_3 !== undefined ? { toLevel3: r.escalation.level_3 } : {}) },
      level2: toLevel(r.level_2),
      level3: toLevel(r.level_3),
    };
  }
  const strip = (l: z.output<typeof levelSchema> | undefined) => {
    if (l === undefined) return undefined;
    const { min_on_duty: _, ...rest } = l;
    return rest;
  };
  return {
    escalation: { toLevel2: t.escalation?.level_2 ?? d.escalation.toLevel2, toLevel3: t.escalation?.level_3 ?? d.escalation.toLevel3 },
    level2: overLevel(d.level2, toLevel(strip(t.level_2))),
    level3: overLevel(d.level3, toLevel(strip(t.level_3))),
    typologies,
    minOnDuty: { 1: t.level_1?.min_on_duty ?? 0, 2: t.level_2?.min_on_duty ?? 0, 3: t.level_3?.min_on_duty ?? 0 },
  };
}

function toOrganisation(o: z.output<typeof organisationSchema> | undefined): Scenario["organisation"] {
  const d = DEFAULT_SCENARIO.organisation;
  if (o === undefined) return d;
  return {
    model: o.model ?? (o.groups !== undefined ? "groups" : d.model),
    families: o.families === undefined ? d.families : Object.fromEntries(Object.entries(o.families).map(([family, list]) => [family, list.map(typologyKey)])),
    groups: (o.groups ?? []).map((g) => ({
      name: g.name,
      typologies: g.typologies?.map(typologyKey),
      channels: g.channels,
      tiers: g.tiers as Tier[] | undefined,
      directions: g.directions,
    })),
    trainingHoursPerSkill: o.training_hours_per_skill ?? d.trainingHoursPerSkill,
    fillIdleTime: o.fill_idle_time ?? d.fillIdleTime,
    fillOccupancy: o.fill_occupancy ?? d.fillOccupancy,
  };
}

function toSpans(s: z.output<typeof spansSchema> | undefined): Scenario["spans"] {
  const d = DEFAULT_SCENARIO.spans;
  if (s === undefined) return d;
  const tl = s.team_lead;
  return {
    teamLead:
      tl === undefined
        ? d.teamLead
        : typeof tl === "number"
          ? { 1: tl, 2: tl, 3: tl }
          : { 1: tl.level_1 ?? d.teamLead[1], 2: tl.level_2 ?? d.teamLead[2], 3: tl.level_3 ?? d.teamLead[3] },
    manager: s.manager ?? d.manager,
  };
}

/** Rows of the tiers report that a support role may not be named after. */
const RESERVED_ROLES = new Set(["level-1", "level-2", "level-3", "team-lead", "manager", "total"]);

/** A role name as a report label: lower case, words joined by hyphens (`Quality analyst` → `quality-analyst`). */
function normalizeRole(role: string): string {
  return role.trim().toLowerCase().replace(/[\s_]+/g, "-");
}

/** Diagnostics in file order. */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

