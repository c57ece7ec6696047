import { z } from "zod";
import { parseNumber } from "./values.js";

/** A share as read, or why it cannot be. `bare` says it was written without `%`. */
export type ShareReading =
  | { ok: true; value: number; bare: boolean }
  | { ok: false; code: "CONFIG_INVALID" | "CONFIG_AMBIGUOUS_SHARE"; message: string };

/**
 * A share (escalation, allocation, shrinkage, occupancy, attrition…) as a
 * scenario writes it, as a fraction 0..1:
 * - with `%`: a percent, `85%` = 0.85, `1%` = 0.01, `100%` = 1;
 * - a bare number from 0 to below 1: a fraction, `0.85` = 0.85;
 * - a bare number above 1 and up to 100: a percent, `85` = 0.85;
 * - the bare number `1` reads both ways (100 % as a fraction, 1 % as a
 *   percent): refused (`CONFIG_AMBIGUOUS_SHARE`), write `100%` or `1%`.
 *
 * This is the scenario's own rule; CSV cells and flags keep `parseFraction`
 * (where `1` is 100 %).
 *
 * @example readShare("85%") // { ok: true, value: 0.85, bare: false }
 * @example readShare(20)    // { ok: true, value: 0.2, bare: true }
 * @example readShare(1)     // { ok: false, code: "CONFIG_AMBIGUOUS_SHARE", … }
 */
export function readShare(v: unknown): ShareReading {
  const text = String(v).trim();
  const percent = typeof v === "string" && text.endsWith("%");
  const n = typeof v === "number" ? { ok: true as const, value: v } : parseNumber(percent ? text.slice(0, -1) : text, { field: "share" });
  if (!n.ok || !Number.isFinite(n.value) || (typeof v !== "number" && typeof v !== "string")) {
    return { ok: false, code: "CONFIG_INVALID", message: `expected a share such as 0.85 or 85%, got ${JSON.stringify(v)}` };
  }
  if (!percent && n.value === 1) {
    return {
      ok: false,
      code: "CONFIG_AMBIGUOUS_SHARE",
      message: `got ${text}, which reads as 100% (a fraction) or as 1% (a percent): write 100% or 1%`,
    };
  }
  const value = percent || n.value > 1 ? n.value / 100 : n.value;
  if (!(value >= 0 && value <= 1)) return { ok: false, code: "CONFIG_INVALID", message: `expected a share between 0 and 100% (such as 0.85 or 85%), got ${JSON.stringify(v)}` };
  return { ok: true, value: value === 0 ? 0 : value, bare: !percent };
}

/** A share of a scenario as a zod schema: 0.85, "85%" or 85 (see {@link readShare}: a bare `1` is ambiguous). */
export const shareSchema = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const r = readShare(v);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: r.message, params: { diagnostic: r.code } });
    return z.NEVER;
  }
  return r.value;
});

/** Shrinkage combined multiplicatively: 1 − Π(1 − s). */
export function combinedShrinkage(components: Record<string, number>): number {
  let kept = 1;
  for (const v of Object.values(components)) kept *= 1 - v;
  return 1 - kept;
}

/** `0.123456` → `"12.3456%"` (for messages). */
export function percentText(fraction: number): string {
  return `${+(fraction * 100).toFixed(4)}%`;
}

/** A share written in a way that its siblings make ambiguous. */
export interface ShareMix {
  /** Path of the value in the scenario data. */
  path: (string | number)[];
  message: string;
}

/** One share of a group: where it is, the name it is shown by, and its value as written. */
interface ShareEntry {
  path: (string | number)[];
  label: string;
  value: unknown;
}

/**
 * Shares that are parts of one quantity and are read side by side: the
 * shrinkage components (of the scenario and of each site), the escalation
 * shares (of the scenario and of each typology), the shares of each
 * allocation rule, and the template shares (`min_share`, `max_share`) of
 * each `shifts` block (of the scenario, a site or a level: shares of one
 * team's people).
 */
function shareGroups(data: unknown): ShareEntry[][] {
  const out: ShareEntry[][] = [];
  const add = (path: (string | number)[], value: unknown) => {
    if (isRecord(value)) out.push(Object.entries(value).map(([key, v]) => ({ path: [...path, key], label: key, value: v })));
  };
  if (!isRecord(data)) return out;
  add(["shrinkage"], data.shrinkage);
  if (Array.isArray(data.sites)) data.sites.forEach((site, k) => isRecord(site) && add(["sites", k, "shrinkage"], site.shrinkage));
  const tiers = data.tiers;
  if (isRecord(tiers)) {
    add(["tiers", "escalation"], tiers.escalation);
    if (isRecord(tiers.typologies)) {
      for (const [typology, rules] of Object.entries(tiers.typologies)) if (isRecord(rules)) add(["tiers", "typologies", typology, "escalation"], rules.escalation);
    }
  }
  if (Array.isArray(data.allocation)) data.allocation.forEach((rule, k) => isRecord(rule) && add(["allocation", k, "to"], rule.to));
  const shifts = (path: (string | number)[], block: unknown) => {
    if (!isRecord(block)) return;
    out.push(templateShares(path, block.templates));
    if (isRecord(block.levels)) for (const [level, rules] of Object.entries(block.levels)) if (isRecord(rules)) out.push(templateShares([...path, "levels", level], rules.templates));
  };
  shifts(["shifts"], data.shifts);
  if (Array.isArray(data.sites)) data.sites.forEach((site, k) => isRecord(site) && shifts(["sites", k, "shifts"], site.shifts));
  return out;
}

/** The `min_share` and `max_share` written in a list of shift templates. */
function templateShares(path: (string | number)[], templates: unknown): ShareEntry[] {
  if (!Array.isArray(templates)) return [];
  return templates.flatMap((t, k) =>
    isRecord(t)
      ? (["min_share", "max_share"] as const)
          .filter((key) => t[key] !== undefined && t[key] !== null)
          .map((key) => ({ path: [...path, "templates", k, key], label: `templates.${k}.${key}`, value: t[key] }))
      : [],
  );
}

/**
 * Bare shares mixed with bare percents in one group (see `shareGroups`): in
 * `{ breaks: 8, absence: 5, meetings: 0.5 }` the 8 and 5 can only be
 * percents, so the 0.5 most likely means 0.5 % too, yet the rule reads it as
 * 50 %. Every bare value below 1 (0 aside, which reads the same both ways)
 * beside a bare value above 1 is reported, with both readings; values with
 * `%` are never ambiguous, and a bare `1` is reported on its own by
 * {@link readShare}.
 */
export function shareMixes(data: unknown): ShareMix[] {
  const out: ShareMix[] = [];
  for (const group of shareGroups(data)) {
    const bare = group.flatMap(({ path, label, value: v }) => {
      const r = readShare(v);
      return r.ok && r.bare ? [{ path, label, text: String(v).trim(), raw: typeof v === "number" ? v : Number(String(v).trim()) }] : [];
    });
    const percent = bare.find((b) => b.raw > 1);
    if (percent === undefined) continue;
    for (const b of bare) {
      if (!(b.raw > 0 && b.raw < 1)) continue;
      out.push({
        path: b.path,
        message: `got ${b.text} beside ${percent.label}: ${percent.text} (read as ${percent.text}%): alone ${b.text} reads as ${+(b.raw * 100).toFixed(6)}%, but beside percents it may mean ${b.text}%: write ${+(b.raw * 100).toFixed(6)}% or ${b.text}%`,
      });
    }
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
