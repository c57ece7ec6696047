import type { Tier } from "../plan/forecast.js";
import { skillKey, type RosterPerson } from "../plan/gaps.js";
import { canonicalChannel } from "./channels.js";
import { alsoNamed, mapColumns, type CsvReadOptions, type CsvTable } from "./csv-read.js";
import { InputError, problem, shown, warning, type Diagnostic } from "./diagnostics.js";
import { parseNumber, type ValueSource } from "./values.js";
import { normalizeHeader } from "./names.js";
import { headerShape, tableOf, type SheetData } from "./xlsx-table.js";

/** Roster columns and their accepted header names (normalized). */
export const ROSTER_COLUMNS = {
  agent_id: ["agent_id", "agent", "id", "employee_id", "employee", "matricule", "collaborateur", "conseiller", "name", "nom"],
  site: ["site", "centre", "center", "location", "lieu"],
  tier: ["tier", "level", "niveau", "n"],
  contract_hours: ["contract_hours", "hours", "weekly_hours", "heures", "heures_contrat", "heures_hebdo", "contrat_heures"],
  fte: ["fte", "etp"],
  skills: ["skills", "skill_list", "competences", "skills_list"],
} as const;

type Column = keyof typeof ROSTER_COLUMNS;

/** A roster's header: who, where and at which level, so that a workbook's header is found below a title. */
const ROSTER_HEADER = headerShape(ROSTER_COLUMNS, ["agent_id", "site", "tier"]);

/** A roster as read: its people, and the skill labels it names (for checks against the forecast). */
export interface Roster {
  people: RosterPerson[];
  /** Skill keys (`typologyKey:channel`) with where they are named first, for warnings. */
  skills: Map<string, { label: string; line: number; column?: number }>;
  summary: { people: number; sites: string[]; skills: number; encoding?: string; delimiter: string; sheet?: string };
  /** Values allowed but unlikely (`INPUT_IMPLAUSIBLE`), in line order: see {@link rosterWarnings}. */
  warnings: Diagnostic[];
}

/** A contract cell as read, for the plausibility checks. */
interface ContractCell {
  line: number;
  column: number;
  field: string;
  text: string;
  value: number;
  /** The FTE this cell makes (hours ÷ the site's full-time hours). */
  fte: number;
}

/**
 * Plausibility of the contract columns (warnings, the roster is used):
 * - `contract_hours` of 2 or less: an FTE (1, 0.8) in the hours column,
 *   which would count each person as 1/35 of an FTE. When every row is so,
 *   one warning says the column holds FTE; otherwise one names the first
 *   such row and how many there are;
 * - `contract_hours` above 60 a week (at most 80 is allowed): the first row
 *   and the count;
 * - `fte` above 1.5 (at most 2 is allowed): the first row and the count.
 */
export function rosterWarnings(file: string, hours: ContractCell[], ftes: ContractCell[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (c: ContractCell) => ({ file, line: c.line, column: c.column, field: c.field, value: c.text });
  const tiny = hours.filter((c) => c.value <= 2);
  if (tiny.length > 0 && tiny.length === hours.length) {
    const c = tiny[0]!;
    out.push(
      warning(
        "INPUT_IMPLAUSIBLE",
        `${c.field}: every value is 2 or less (here ${shown(c.text)}, read as ${c.text} h a week, ${+c.fte.toFixed(3)} FTE): these look like FTE, not weekly hours: expected hours a week such as 35, or these values in an fte column`,
        at(c),
      ),
    );
  } else if (tiny.length > 0) {
    const c = tiny[0]!;
    const more = tiny.length > 1 ? ` (and ${tiny.length - 1} more row${tiny.length > 2 ? "s" : ""})` : "";
    out.push(warning("INPUT_IMPLAUSIBLE", `${c.field}: got ${shown(c.text)}, read as ${c.text} h a week${more}: expected weekly hours such as 35 (an FTE such as 1 or 0.8 goes in an fte column)`, at(c)));
  }
  const long = hours.filter((c) => c.value > 60);
  if (long.length > 0) {
    const c = long[0]!;
    const more = long.length > 1 ? ` (and ${long.length - 1} more row${long.length > 2 ? "s" : ""})` : "";
    out.push(warning("INPUT_IMPLAUSIBLE", `${c.field}: got ${shown(c.text)} h a week${more}: expected at most 60 (35 to 44 h is a full-time week)`, at(c)));
  }
  const big = ftes.filter((c) => c.value > 1.5);
  if (big.length > 0) {
    const c = big[0]!;
    const more = big.length > 1 ? ` (and ${big.length - 1} more row${big.length > 2 ? "s" : ""})` : "";
    out.push(warning("INPUT_IMPLAUSIBLE", `${c.field}: got ${shown(c.text)} FTE${more}: expected at most 1.5 (1 is full time)`, at(c)));
  }
  return out.sort((a, b) => a.line! - b.line! || a.column! - b.column!);
}

const TIER = /^(?:l|n|level|niveau|tier)?\s*[-_ ]?\s*([123])$/i;

/**
 * Read a roster CSV (SPEC 4.2): one row per person with `agent_id`, `site`,
 * `tier` (1–3, `L2`, `N3`…), `contract_hours` (a week, ÷ `fullTimeHours`)
 * or `fte`, and skills either as one column per `typology:channel` holding a
 * proficiency 0–3 (blank = 0) or as a `skills` list
 * (`information:phone=2|complaint:email`, a level-less skill is level 1).
 * Same locale handling as forecasts; every bad cell is a diagnostic.
 * A workbook's sheet, read by {@link loadSheet}, is read the same way (its
 * diagnostics name the sheet and cell).
 *
 * @param bytes - a CSV file's bytes, or a workbook's sheet (see loadSheet in xlsx-table.ts)
 * @param fullTimeHours - weekly hours of one FTE at a site (the scenario's contract hours, or the site's own)
 * @throws InputError with every problem found
 */
export function readRoster(bytes: Uint8Array | SheetData, file: string, fullTimeHours: (site: string) => number, options: CsvReadOptions = {}): Roster {
  const { table, scope } = tableOf(bytes, file, options, { used: rosterColumn, header: ROSTER_HEADER });
  return scope.runSync(() => rosterOf(table, file, fullTimeHours, scope.sheet), (roster) => roster.warnings);
}

/** A column the roster reads: a known one, or a `typology:channel` skill (an Excel error elsewhere does not matter). */
function rosterColumn(header: string): boolean {
  return header.includes(":") || Object.values(ROSTER_COLUMNS).some((names) => (names as readonly string[]).includes(normalizeHeader(header)));
}

function rosterOf(table: CsvTable, file: string, fullTimeHours: (site: string) => number, sheet: string | undefined): Roster {
  const { index, diagnostics } = mapColumns<Column>(table, ROSTER_COLUMNS, ["agent_id", "site", "tier"], false);
  const problems: Diagnostic[] = [...diagnostics];
  const headerLine = table.headerLine ?? 1;
  // Skill columns: any header `typology:channel`.
  const matrix: { column: number; key: string; label: string }[] = [];
  const skills: Roster["skills"] = new Map();
  let headerBroken = false;
  table.header.forEach((raw, i) => {
    if (!raw.includes(":")) return;
    const skill = parseSkillLabel(raw);
    if (typeof skill === "string") {
      // a skill column on an unknown channel: reported, and its cells skipped, so the rows are still checked
      problems.push(problem("INPUT_UNKNOWN_CHANNEL", skill, { file, line: headerLine, column: i + 1, field: raw, value: raw }));
      return;
    }
    const twin = matrix.find((m) => m.key === skill.key);
    if (twin !== undefined) {
      problems.push(problem("CSV_DUPLICATE_COLUMN", `column ${shown(raw)} is the same skill as column ${twin.column + 1} (${twin.label}): expected each skill once`, { file, line: headerLine, column: i + 1, field: raw, value: raw }));
      return;
    }
    matrix.push({ column: i, key: skill.key, label: skill.label });
    if (!skills.has(skill.key)) skills.set(skill.key, { label: skill.label, line: headerLine, column: i + 1 });
  });
  if (index.contract_hours === undefined && index.fte === undefined) {
    problems.push(problem("CSV_MISSING_COLUMN", `missing column contract_hours${alsoNamed("contract_hours", ROSTER_COLUMNS.contract_hours)} or fte${alsoNamed("fte", ROSTER_COLUMNS.fte)}: expected one of them`, { file, line: headerLine, field: "contract_hours" }));
  }
  if (matrix.length === 0 && index.skills === undefined) {
    problems.push(problem("CSV_MISSING_COLUMN", `no skills: expected typology:channel columns (proficiency 0–3) or a skills column${alsoNamed("skills", ROSTER_COLUMNS.skills)}`, { file, line: headerLine, field: "skills" }));
  }
  headerBroken = problems.some((d) => d.code !== "INPUT_UNKNOWN_CHANNEL");
  if (headerBroken) throw new InputError(problems);

  const people: RosterPerson[] = [];
  const hoursCells: ContractCell[] = [];
  const fteCells: ContractCell[] = [];
  const seen = new Map<string, number>();
  const width = table.header.length;
  for (const { line, cells } of table.rows) {
    if (cells.length !== width) {
      problems.push(problem("CSV_FIELD_COUNT", `row has ${cells.length} fields: expected ${width} like the header`, { file, line }));
      continue;
    }
    const src = (col: number): ValueSource => ({ file, line, column: col + 1, field: table.header[col]! });
    const text = (col: Column) => (index[col] === undefined ? undefined : cells[index[col]!]!.trim());
    let bad = false;
    const fail = (d: Diagnostic) => {
      problems.push(d);
      bad = true;
    };
    const agentId = text("agent_id") ?? "";
    if (agentId === "") fail(problem("INPUT_MISSING_VALUE", `${table.header[index.agent_id!]} is blank: expected an identifier`, { ...src(index.agent_id!), value: "" }));
    else if (seen.has(agentId)) fail(problem("INPUT_CONFLICT", `agent ${shown(agentId)} is also on line ${seen.get(agentId)}: expected one row per person`, { ...src(index.agent_id!), value: agentId }));
    else seen.set(agentId, line);
    const site = text("site") ?? "";
    if (site === "") fail(problem("INPUT_MISSING_VALUE", `${table.header[index.site!]} is blank: expected the person's site`, { ...src(index.site!), value: "" }));
    const tierText = text("tier") ?? "";
    const m = TIER.exec(tierText);
    if (!m) fail(problem("INPUT_OUT_OF_RANGE", `${table.header[index.tier!]}: got ${shown(tierText)}, expected 1, 2 or 3 (also L1, N2, level 3)`, { ...src(index.tier!), value: tierText }));
    let fte: number | undefined;
    const fteText = text("fte");
    const hoursText = text("contract_hours");
    if (fteText !== undefined && fteText !== "") {
      const p = parseNumber(fteText, src(index.fte!), table.decimalComma);
      if (!p.ok) fail(p.diagnostic);
      else if (!(p.value > 0 && p.value <= 2)) fail(problem("INPUT_OUT_OF_RANGE", `${table.header[index.fte!]}: got ${shown(fteText)}, expected a number above 0 and at most 2`, { ...src(index.fte!), value: fteText }));
      else {
        fte = p.value;
        fteCells.push({ line, column: index.fte! + 1, field: table.header[index.fte!]!, text: fteText, value: p.value, fte: p.value });
      }
    } else if (hoursText !== undefined && hoursText !== "") {
      const p = parseNumber(hoursText, src(index.contract_hours!), table.decimalComma);
      if (!p.ok) fail(p.diagnostic);
      else if (!(p.value > 0 && p.value <= 80)) fail(problem("INPUT_OUT_OF_RANGE", `${table.header[index.contract_hours!]}: got ${shown(hoursText)}, expected weekly hours above 0 and at most 80`, { ...src(index.contract_hours!), value: hoursText }));
      else {
        fte = p.value / fullTimeHours(site);
        hoursCells.push({ line, column: index.contract_hours! + 1, field: table.header[index.contract_hours!]!, text: hoursText, value: p.value, fte });
      }
    } else {
      const col = index.fte ?? index.contract_hours!;
      // named as the file writes its columns (`Heures is blank`)
      const named = [index.contract_hours, index.fte].filter((i) => i !== undefined).map((i) => table.header[i]!);
      const expected = named.length > 1 ? "one of them" : index.fte !== undefined ? "the person's FTE" : "the person's weekly hours";
      fail(problem("INPUT_MISSING_VALUE", `${named.join(" and ")} ${named.length === 1 ? "is" : "are"} blank: expected ${expected}`, { ...src(col), value: "" }));
    }
    const own = new Map<string, number>();
    for (const { column, key } of matrix) {
      const cell = cells[column]!.trim();
      if (cell === "") continue;
      const level = proficiency(cell);
      if (level === undefined) fail(problem("INPUT_OUT_OF_RANGE", `${table.header[column]}: got ${shown(cell)}, expected a proficiency 0, 1, 2 or 3 (blank = 0)`, { ...src(column), value: cell }));
      else if (level > 0) own.set(key, Math.max(level, own.get(key) ?? 0));
    }
    const list = text("skills");
    if (list !== undefined && list !== "") {
      for (const entry of list.split("|").map((e) => e.trim()).filter((e) => e !== "")) {
        const [label, levelText] = entry.split("=").map((x) => x.trim()) as [string, string | undefined];
        const skill = label.includes(":") ? parseSkillLabel(label) : `skill ${shown(label)}: expected typology:channel[=level]`;
        const level = levelText === undefined ? 1 : proficiency(levelText);
        if (typeof skill === "string") fail(problem(label.includes(":") ? "INPUT_UNKNOWN_CHANNEL" : "INPUT_OUT_OF_RANGE", skill, { ...src(index.skills!), value: entry }));
        else if (level === undefined) fail(problem("INPUT_OUT_OF_RANGE", `skill ${shown(entry)}: expected a level 0, 1, 2 or 3 after =`, { ...src(index.skills!), value: entry }));
        else {
          if (level > 0) own.set(skill.key, Math.max(level, own.get(skill.key) ?? 0));
          if (!skills.has(skill.key)) skills.set(skill.key, { label: skill.label, line, column: index.skills! + 1 });
        }
      }
    }
    if (bad || m === null || fte === undefined) continue;
    people.push({ agentId, site, tier: Number(m[1]) as Tier, fte, skills: own });
  }
  if (table.rows.length === 0) problems.push(problem("CSV_EMPTY", "no people: expected one row per person after the header", { file, line: 2 }));
  if (problems.length > 0) throw new InputError(problems);
  return {
    people,
    skills,
    summary: { people: people.length, sites: [...new Set(people.map((p) => p.site))].sort(), skills: skills.size, delimiter: table.delimiter, ...(sheet === undefined ? {} : { sheet }) },
    warnings: rosterWarnings(file, hoursCells, fteCells),
  };
}

/** `Réclamation:Courriel` → its key and label, or what is wrong. */
function parseSkillLabel(raw: string): { key: string; label: string } | string {
  const at = raw.lastIndexOf(":");
  const typology = raw.slice(0, at).trim();
  const channelLabel = raw.slice(at + 1).trim();
  const channel = canonicalChannel(channelLabel);
  if (typology === "") return `skill ${shown(raw)}: expected typology:channel`;
  if (channel === undefined) return `skill ${shown(raw)}: unknown channel ${shown(channelLabel)}, expected phone, chat, email, mail, social…`;
  return { key: skillKey(typology, channel), label: `${typology}:${channel}` };
}

/** A proficiency 0–3, also as a spreadsheet writes it (`2.0`, `2,0`). */
function proficiency(text: string): number | undefined {
  const m = /^([0-3])(?:[.,]0+)?$/.exec(text);
  return m ? Number(m[1]) : undefined;
}
