import { reportSettings } from "./settings.js";

/**
 * The words of the reports in the run's language (`--locale`,
 * `CCPLAN_LOCALE`): English as written in the renderers, French from the
 * tables below. Only what a person reads goes through here — table headers,
 * units, titles, notes, HTML headings and chart labels. JSON keys and
 * values, CSV column names and diagnostics never do.
 *
 * Two forms:
 * - {@link label}: a fixed word or phrase (`"headcount"` → `"effectif"`);
 * - {@link tr}: a sentence with figures, as a tagged template
 *   (`` tr`${n} FTE in all` `` → `"12,5 ETP en tout"`), looked up by its
 *   English text with `{0}`, `{1}`… where the figures go, so that the French
 *   may put them in another order.
 *
 * English is never looked up: it is the text as written (a missing French
 * entry falls back to it, and {@link missingLabels} lists it for the tests).
 */

/** Fixed words and phrases: table headers, units, row labels, headings. */
const WORDS: Record<string, string> = {
  // plan: summary, queues, intervals, days, weeks, months
  interval: "intervalle",
  typology: "motif",
  channel: "canal",
  "dir.": "sens",
  direction: "sens",
  tier: "niveau",
  level: "niveau",
  class: "classe",
  volume: "volume",
  agents: "agents",
  scheduled: "planifiés",
  SL: "NS",
  ASA: "DMA",
  "aband.": "aband.",
  backlog: "stock",
  "workload h": "charge h",
  "peak agents": "agents au pic",
  "agent-hours": "heures-agents",
  "agent-h": "h-agents",
  "scheduled h": "h planifiées",
  FTE: "ETP",
  headcount: "effectif",
  missed: "manqués",
  "week of": "semaine du",
  week: "semaine",
  weeks: "semaines",
  peak: "pic",
  "paid h": "h payées",
  people: "personnes",
  person: "personne",
  month: "mois",
  wk: "sem.",
  date: "date",
  day: "jour",
  days: "jours",
  total: "total",
  "all people": "tout le personnel",
  "agents only": "agents seuls",
  "none (stability only)": "aucun (stabilité seule)",
  Monday: "lundi",
  Tuesday: "mardi",
  Wednesday: "mercredi",
  Thursday: "jeudi",
  Friday: "vendredi",
  Saturday: "samedi",
  Sunday: "dimanche",
  Mon: "lun.",
  Tue: "mar.",
  Wed: "mer.",
  Thu: "jeu.",
  Fri: "ven.",
  Sat: "sam.",
  Sun: "dim.",
  inbound: "entrant",
  outbound: "sortant",
  sync: "synchrone",
  async: "asynchrone",
  // tiers and groups
  role: "rôle",
  "agents at peak": "agents au pic",
  group: "groupe",
  queues: "files",
  "skills/person": "compétences/pers.",
  "team leads": "chefs d'équipe",
  "FTE apart": "ETP séparés",
  "pooling gain": "gain de mutualisation",
  "training h": "h de formation",
  "level-1": "niveau-1",
  "level-2": "niveau-2",
  "level-3": "niveau-3",
  "team-lead": "chef d'équipe",
  manager: "manager",
  // erlang
  "service level": "niveau de service",
  "P(wait)": "P(attente)",
  occupancy: "occupation",
  abandoned: "abandons",
  abandonment: "abandon",
  targets: "objectifs",
  line: "ligne",
  id: "id",
  model: "modèle",
  "load (Erl)": "charge (Erl)",
  binding: "contrainte",
  // gaps
  site: "site",
  skill: "compétence",
  skills: "compétences",
  "required FTE": "ETP requis",
  holders: "détenteurs",
  "holders FTE": "ETP détenteurs",
  covered: "couvert",
  gap: "écart",
  "gap after training": "écart après formation",
  "idle of holders": "disponible des détenteurs",
  "short at peak": "manque au pic",
  "closes FTE": "ETP comblés",
  "a shared hire": "un recrutement partagé",
  any: "tous",
  none: "aucun",
  // compare
  scenario: "scénario",
  scenarios: "scénarios",
  ranking: "classement",
  "cheapest at equal service": "le moins cher à service égal",
  managers: "managers",
  "support roles": "fonctions support",
  "weekly cost": "coût hebdomadaire",
  "annual cost": "coût annuel",
  "one-off cost": "coût ponctuel",
  "one-off": "ponctuel",
  "cost per contact": "coût par contact",
  "per contact": "par contact",
  "live service level": "niveau de service en direct",
  "live SL": "NS en direct",
  "live ASA": "DMA en direct",
  "missed intervals": "intervalles manqués",
  "split loss, FTE (per flow)": "perte de division, ETP (par flux)",
  "split loss FTE": "perte de division ETP",
  sites: "sites",
  "roster gaps": "écarts de l'effectif",
  // shifts
  team: "équipe",
  "people by template": "personnes par modèle",
  plan: "plan",
  "vs plan": "écart au plan",
  "plan headcount": "effectif du plan",
  "cost/week": "coût/semaine",
  "cost/h": "coût/h",
  "effic.": "effic.",
  efficiency: "efficacité",
  "over h": "h en trop",
  "under h": "h manquantes",
  "paid h/week": "h payées/semaine",
  "over h/week": "h en trop/semaine",
  "under h/week": "h manquantes/semaine",
  status: "statut",
  template: "modèle",
  start: "début",
  end: "fin",
  breaks: "pauses",
  required: "requis",
  "on floor": "en poste",
  over: "en trop",
  under: "manquant",
  cost: "coût",
  "days/week": "jours/semaine",
  "days off": "jours de repos",
  length: "durée",
  "paid h/day": "h payées/jour",
  starts: "débuts",
  "start band": "plage de début",
  "breaks (window from the shift start)": "pauses (fenêtre depuis le début du poste)",
  share: "part",
  "max people": "personnes max",
  // HTML headings, facts and charts
  "Staffing curve": "Courbe des agents requis",
  People: "Personnes",
  Days: "Jours",
  Queues: "Files",
  "Inputs and assumptions": "Entrées et hypothèses",
  Cost: "Coût",
  Service: "Service",
  "Side by side": "Côte à côte",
  Coverage: "Couverture",
  "Hires that close every gap": "Recrutements qui comblent tous les écarts",
  "Cross-training": "Formation croisée",
  Skills: "Compétences",
  Summary: "Synthèse",
  "Per week (scheduled people)": "Par semaine (personnes planifiées)",
  Tours: "Cycles",
  "Templates as solved": "Modèles tels que résolus",
  "Then hires:": "Puis recrutements :",
  "Recommended plan": "Plan recommandé",
  "Hires after training, by level and site": "Recrutements après formation, par niveau et site",
  "Hires without any training": "Recrutements sans aucune formation",
  "Cost build-up": "Décomposition des coûts",
  baseline: "référence",
  amount: "montant",
  how: "calcul",
  quantity: "quantité",
  rate: "taux",
  ", as given": ", comme indiqué",
  forecast: "prévision",
  "what-ifs": "variantes",
  "what-if": "variante",
  horizon: "horizon",
  warning: "avertissement",
  shrinkage: "indisponibilité",
  contract: "contrat",
  organisation: "organisation",
  rounding: "arrondi",
  models: "modèles",
  "in-house cost": "coût interne",
  "outsourced cost": "coût externalisé",
  roster: "liste des agents",
  "skill held from": "compétence acquise dès",
  "productivity by level": "productivité par niveau",
  "one hire": "un recrutement",
  basis: "base",
  method: "méthode",
  requirement: "besoin",
  coverage: "couverture",
  solver: "solveur",
  "Agents needed by interval": "Agents requis par intervalle",
  "People by level and role": "Personnes par niveau et rôle",
  "Agent-hours per day": "Heures-agents par jour",
  "People per scenario, by role": "Personnes par scénario, par rôle",
  "Live service level per scenario (%)": "Niveau de service en direct par scénario (%)",
  "Required and covered FTE per skill": "ETP requis et couverts par compétence",
  "live (sync)": "en direct (synchrone)",
  "deferred (async)": "différé (asynchrone)",
  "management and support": "encadrement et support",
  hours: "heures",
  "Made by ccplan. Same inputs, same page.": "Fait par ccplan. Mêmes entrées, même page.",
};

/**
 * Sentences with figures, by their English text with `{0}`, `{1}`… for the
 * figures (see {@link tr}). A colon takes a no-break space before it in
 * French (added when the table is read: write " :").
 */
const SENTENCES: Record<string, string> = {
  // plan titles and notes
  'Plan "{0}"': "Plan « {0} »",
  "{0} week": "{0} semaine",
  "{0} weeks": "{0} semaines",
  "Shrinkage {0}, {1} h a week per FTE, mean contract {2}": "Indisponibilité {0}, {1} h par semaine par ETP, contrat moyen {2}",
  "FTE = scheduled hours of a calendar week ÷ contract hours.": "ETP = heures planifiées d'une semaine calendaire ÷ heures du contrat.",
  "FTE and headcount are of one calendar week, {0} {1} 00:00 to the next\n{2}: scheduled hours ÷ {3} h.":
    "ETP et effectif d'une semaine calendaire, du {0} {1} 00:00 au {2}\nsuivant : heures planifiées ÷ {3} h.",
  "FTE and headcount are of the mean week: {0} FTE, {1} headcount ({2}).": "ETP et effectif de la semaine moyenne : {0} ETP, effectif {1} ({2}).",
  "Peak week {0}: {1} FTE, {2} headcount; --report weeks shows each.": "Semaine de pic {0} : {1} ETP, effectif {2} ; --report weeks les montre toutes.",
  "The forecast covers its first or last week only partly (see the warnings).": "La prévision ne couvre qu'en partie sa première ou sa dernière semaine (voir les avertissements).",
  "Headcount = FTE ÷ mean contract, rounded up once; the total is rounded from the summed FTE, not summed from rounded queues.":
    "Effectif = ETP ÷ contrat moyen, arrondi au-dessus une seule fois ; le total est arrondi depuis la somme des ETP, pas la somme des files arrondies.",
  "Deferred work waiting at the end (not yet due): {0} items, {1} h.": "Travail différé en attente à la fin (pas encore dû) : {0} éléments, {1} h.",
  "* a week the forecast covers only partly": "* une semaine que la prévision ne couvre qu'en partie",
  "* a month with a week the forecast covers only partly": "* un mois avec une semaine que la prévision ne couvre qu'en partie",
  "peak: agents at the busiest moment; paid h: scheduled hours; people: headcount.": "pic : agents au moment le plus chargé ; h payées : heures planifiées ; personnes : effectif.",
  "CSV and JSON add workload and agent-hours.": "Le CSV et le JSON ajoutent la charge et les heures-agents.",
  // erlang
  "Targets: {0}": "Objectifs : {0}",
  "Agents needed: {0}": "Agents requis : {0}",
  "No volume: 0 agents.": "Aucun volume : 0 agent.",
  "No staffing meets the targets: {0}": "Aucun effectif n'atteint les objectifs : {0}",
  // gaps
  "Gaps of {0} against {1}": "Écarts de {0} face à {1}",
  "Required {0} FTE, covered {1}, gap {2} FTE.": "Requis {0} ETP, couvert {1}, écart {2} ETP.",
  "Skills with a gap ({0} of {1}):": "Compétences avec un écart ({0} sur {1}) :",
  "Skills:": "Compétences :",
  "Without training, hires that close every gap (fewest people: {0}):": "Sans formation, recrutements qui comblent tous les écarts (le moins de personnes : {0}) :",
  "any site, level {0}": "tout site, niveau {0}",
  "{0}, level {1}": "{0}, niveau {1}",
  "train {0} ({1}) on {2}: closes {3} FTE": "former {0} ({1}) sur {2} : comble {3} ETP",
  "{0} on it alone": "{0} dédié(s)",
  "{0} FTE in {1} (with {2})": "{0} ETP dans {1} (avec {2})",
  "{0} shared hires": "{0} recrutements partagés",
  "hire for {0} ({1}): {2}: closes {3} FTE": "recruter pour {0} ({1}) : {2} : comble {3} ETP",
  "{0} ({1})": "{0} ({1})",
  "Recommended plan: {0}, then {1}": "Plan recommandé : {0}, puis {1}",
  " (gap {0} FTE → {1} after training → {2} after hiring)": " (écart {0} ETP → {1} après formation → {2} après recrutement)",
  "Ignored as dust: {0} short by less than {1} FTE ({2} FTE in all); --min-gap 0 plans for them too.":
    "Ignorées car négligeables : {0} en manque de moins de {1} ETP ({2} ETP en tout) ; --min-gap 0 les planifie aussi.",
  "Train: no one (no one with idle time at a short skill's level and site).": "Former : personne (personne n'a de temps disponible au niveau et sur le site d'une compétence en manque).",
  "Train these people (net FTE of gap each closes, added in this order{0}):": "Former ces personnes (ETP d'écart net que chacune comble, ajoutées dans cet ordre{0}) :",
  "; fewest trainings": " ; le moins de formations",
  "; best found within the search limit": " ; le meilleur trouvé dans la limite de recherche",
  "Then hire: no one.": "Puis recruter : personne.",
  "Then hire these, {0} in all (a shared hire serves several skills):": "Puis recruter ceux-ci, {0} en tout (un recrutement partagé sert plusieurs compétences) :",
  "  (scenario {0}; a skill held from level {1}; one hire = {2} FTE; gaps below {3} FTE ignored)":
    "  (scénario {0} ; compétence acquise dès le niveau {1} ; un recrutement = {2} ETP ; écarts sous {3} ETP ignorés)",
  "* below --min-gap {0} FTE: ignored (no training, no hire).": "* sous --min-gap {0} ETP : ignoré (ni formation, ni recrutement).",
  "Coverage shares each person's FTE among the skills they hold (a maximum-flow allocation: never counted twice); holders FTE counts each holder whole, as a naive count would.":
    "La couverture répartit l'ETP de chaque personne entre ses compétences (allocation par flot maximal : jamais comptée deux fois) ; l'ETP des détenteurs compte chaque détenteur en entier, comme le ferait un comptage naïf.",
  "A training's net FTE is the drop of the total gap when it is added after the trainings above it: the net FTE add up to the gap closed by training.":
    "L'ETP net d'une formation est la baisse de l'écart total quand elle s'ajoute aux formations au-dessus : les ETP nets s'additionnent en l'écart comblé par la formation.",
  // erlang targets
  "SL {0} in {1} s": "NS {0} en {1} s",
  "ASA ≤ {0} s": "DMA ≤ {0} s",
  "occupancy ≤ {0}": "occupation ≤ {0}",
  "abandonment ≤ {0}": "abandon ≤ {0}",
  "Erlang A (patience {0} s)": "Erlang A (patience {0} s)",
  "Load {0} Erlangs ({1} contacts × {2} s / {3} min), {4}": "Charge {0} Erlangs ({1} contacts × {2} s / {3} min), {4}",
  ", {0} sessions per agent": ", {0} sessions par agent",
  "  (binding: {0})": "  (contrainte : {0})",
  // a cell: one interval or one line missed its target, or met it
  missed: "manqué",
  met: "atteint",
  " as given": " comme indiqué",
  // shifts
  ' from {0} {1}': " à partir du {0} {1}",
  "; site {0}": " ; site {0}",
  'Shifts "{0}"': "Plannings « {0} »",
  "{0}{1}; costs in {2} a week{3}": "{0}{1} ; coûts en {2} par semaine{3}",
  // HTML
  "{0} h a week per FTE, mean contract {1}": "{0} h par semaine par ETP, contrat moyen {1}",
  "{0}: covered {1} FTE": "{0} : {1} ETP couverts",
  "{0}: required {1} FTE": "{0} : {1} ETP requis",
  "Required {0} FTE, covered {1}, gap {2}: {3} hires, or {4} trainings and {5} hires": "Requis {0} ETP, couvert {1}, écart {2} : {3} recrutements, ou {4} formations et {5} recrutements",
  "Staffing plan: {0}": "Plan de charge : {0}",
  "{0} → {1}; {2} people, {3} FTE": "{0} → {1} ; {2} personnes, {3} ETP",
  "Scenario comparison on {0}": "Comparaison de scénarios sur {0}",
  "Cheapest at equal service over {0} years: {1}": "Le moins cher à service égal sur {0} ans : {1}",
  "Annual running cost per scenario, by site ({0})": "Coût annuel de fonctionnement par scénario, par site ({0})",
  "cost over {0} years": "coût sur {0} ans",
  "Skill gaps of {0}": "Écarts de compétences de {0}",
  "Shift schedules: {0}": "Plannings : {0}",
  "Schedule of {0}": "Planning de {0}",
  "whole days": "journées entières",
  "{0}–{1} each day": "{0}–{1} chaque jour",
  "on the floor by template vs required, week of {0} ({1})": "en poste par modèle face au besoin, semaine du {0} ({1})",
  "People by start time{0}, by template": "Personnes par heure de début{0}, par modèle",
  " (mean per week)": " (moyenne par semaine)",
  "level {0}": "niveau {0}",
};

/** Plural forms, looked up like the words (see {@link plural}). */
const PLURALS: Record<string, string> = {
  "new person": "nouvelle personne",
  "new people": "nouvelles personnes",
  skill: "compétence",
  hire: "recrutement",
  hires: "recrutements",
  training: "formation",
  trainings: "formations",
  year: "an",
  years: "ans",
  scenario: "scénario",
  scenarios: "scénarios",
  tour: "cycle",
  tours: "cycles",
  warning: "avertissement",
  warnings: "avertissements",
};

/** No-break space before a French colon (never a line break between a word and its colon). */
const frenchColons = (text: string) => text.replace(/ :/g, "\u00A0:");

const FRENCH_WORDS = new Map(Object.entries({ ...WORDS, ...PLURALS }).map(([en, fr]) => [en, frenchColons(fr)]));
const FRENCH_SENTENCES = new Map(Object.entries(SENTENCES).map(([en, fr]) => [en, frenchColons(fr)]));

const missing = new Set<string>();

const french = () => reportSettings().locale === "fr";

/**
 * A word or a fixed phrase in the run's language: the French form under
 * `--locale fr` (the English one when there is none), else `en` unchanged.
 * Idempotent: a French form is never itself an English entry with another
 * meaning, so a header labelled twice stays the same.
 * @example label("headcount") // "headcount"; under fr: "effectif"
 */
export function label(en: string): string {
  if (!french()) return en;
  const fr = frenchLabel(en);
  if (fr !== undefined) return fr;
  if (/[a-z]/i.test(en) && !FRENCH_VALUES.has(en.trim())) missing.add(en);
  return en;
}

/** The French form of a word, an indented row label ("  team leads") or a word with a unit in brackets ("cost/week (EUR)"), if there is one. */
function frenchLabel(en: string): string | undefined {
  const fr = FRENCH_WORDS.get(en);
  if (fr !== undefined) return fr;
  const indent = /^ +/.exec(en)?.[0].length ?? 0;
  if (indent > 0 && indent < en.length) {
    const rest = frenchLabel(en.slice(indent));
    return rest === undefined ? undefined : en.slice(0, indent) + rest;
  }
  const unit = / \([^()]*\)$/.exec(en);
  if (unit !== null && unit.index > 0) {
    const base = frenchLabel(en.slice(0, unit.index));
    return base === undefined ? undefined : base + en.slice(unit.index);
  }
  return undefined;
}

/** Every French form: text that is already French is not reported missing. */
const FRENCH_VALUES = new Set([...FRENCH_WORDS.values()]);

/** A count and its noun: `1 hire`, `3 hires` (French: `1 recrutement`, `3 recrutements`; 0 and 1 take the singular). */
export function plural(count: number, countText: string, one: string, many = `${one}s`): string {
  if (!french()) return `${countText} ${count === 1 ? one : many}`;
  return `${countText} ${label(Math.abs(count) < 2 ? one : many)}`;
}

/** Keys of the tagged templates already seen (a call site's strings array is the same object every time). */
const templateKeys = new WeakMap<TemplateStringsArray, string>();

function templateKey(strings: TemplateStringsArray): string {
  let key = templateKeys.get(strings);
  if (key === undefined) {
    key = strings[0]!;
    for (let k = 1; k < strings.length; k++) key += `{${k - 1}}${strings[k]}`;
    templateKeys.set(strings, key);
  }
  return key;
}

/**
 * A sentence with figures in the run's language, as a tagged template:
 * `` tr`Agents needed: ${n}` `` is the English text as written, or under
 * `--locale fr` the French sentence found for "Agents needed: {0}" with the
 * figures put where it says (the English one when there is none). Figures
 * are formatted by the caller (`grouped`, `percent`… follow the locale).
 */
export function tr(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  if (!french()) {
    let out = strings[0]!;
    for (let k = 0; k < values.length; k++) out += String(values[k]) + strings[k + 1]!;
    return out;
  }
  const key = templateKey(strings);
  const fr = FRENCH_SENTENCES.get(key);
  if (fr === undefined) {
    missing.add(key);
    let out = strings[0]!;
    for (let k = 0; k < values.length; k++) out += String(values[k]) + strings[k + 1]!;
    return out;
  }
  return fr.replace(/\{(\d+)\}/g, (_, k: string) => String(values[Number(k)]));
}

/** Whether the run's reports are in French (for the few places that change more than words, like `<html lang>`). */
export function isFrench(): boolean {
  return french();
}

/** The English words and sentences asked for in French that have no French form yet, since the last {@link clearMissingLabels} (for the tests). */
export function missingLabels(): string[] {
  return [...missing].sort();
}

/** Forget the missing labels seen so far. */
export function clearMissingLabels(): void {
  missing.clear();
}

/** The dictionaries, for the tests: English → French words (plurals included) and sentences. */
export function labelTables(): { words: ReadonlyMap<string, string>; sentences: ReadonlyMap<string, string> } {
  return { words: FRENCH_WORDS, sentences: FRENCH_SENTENCES };
}
