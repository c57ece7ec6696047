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
  "Hires after training, one row per skill and site": "Recrutements après formation, une ligne par compétence et site",
  "The same hires as people (a shared hire serves several skills)": "Les mêmes recrutements, par personne (un recrutement partagé sert plusieurs compétences)",
  "people on it alone": "personnes dédiées",
  "FTE in shared hires": "ETP en recrutements partagés",
  "shared with": "partagé avec",
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
  // compare: rows, cells and the cost build-up (issue 14 §2)
  "n/a": "n.d.",
  "the first scenario given": "le premier scénario donné",
  "vs baseline": "écart à la référence",
  cheapest: "le moins cher",
  "volume-factor": "volume-factor",
  "aht-factor": "aht-factor",
  "roster: in-house gap, FTE": "équipe : écart interne, ETP",
  "roster: hires": "équipe : recrutements",
  "roster: or trainings + hires": "équipe : ou formations + recrutements",
  period: "période",
  "a week": "une semaine",
  "a year": "un an",
  "level-1 agents": "agents de niveau 1",
  "level-2 agents": "agents de niveau 2",
  "level-3 agents": "agents de niveau 3",
  "running cost": "coût de fonctionnement",
  "hiring (attrition)": "recrutement (attrition)",
  "training (attrition)": "formation (attrition)",
  "hiring the team": "recrutement de l'équipe",
  "training the team": "formation de l'équipe",
  "set-up fee": "frais de mise en place",
  "initial training": "formation initiale",
  "paid h (shifts)": "h payées (plannings)",
  "productive h": "h productives",
  "on-floor h": "h en poste",
  contact: "contact",
  contacts: "contacts",
  "FTE-months": "mois-ETP",
  fee: "forfait",
  "in price": "inclus",
  existing: "existant",
  schedules: "plannings",
  "in the price": "dans le prix",
  "not counted": "non compté",
  "Not counted": "Non pris en compte",
  internal: "interne",
  outsourced: "externalisé",
  dedicated: "dédié",
  shared: "mutualisé",
  onshore: "onshore",
  nearshore: "nearshore",
  offshore: "offshore",
  homeshore: "à domicile",
  ", no cost model": ", sans modèle de coût",
  "per productive hour": "à l'heure productive",
  "per fte month": "au mois d'ETP",
  "in-house sites": "sites internes",
  "outsourced sites": "sites externalisés",
  "premises, IT, telephony and other overheads, unless the loaded hourly costs include them":
    "locaux, informatique, téléphonie et autres frais généraux, sauf si les coûts horaires chargés les incluent",
  "new hires' ramp-up (lower productivity while they learn) and posts left vacant":
    "la montée en compétence des nouvelles recrues (productivité moindre pendant l'apprentissage) et les postes vacants",
  "hiring or training to bring today's team to this headcount and these skills (existing_team: a roster shows the gap, --roster)":
    "le recrutement ou la formation pour porter l'équipe actuelle à cet effectif et à ces compétences (existing_team : une liste des agents montre l'écart, --roster)",
  "managing the provider on our side (contract, quality audits, travel), unless a retained site of the scenario staffs it":
    "le pilotage du prestataire de notre côté (contrat, audits qualité, déplacements), sauf si un site interne du scénario s'en charge",
  "the transition: both teams running during the hand-over, knowledge transfer, exit costs":
    "la transition : les deux équipes en parallèle pendant la passation, le transfert de connaissances, les coûts de sortie",
  "the provider's attrition, hiring and replacement training (in its price)":
    "l'attrition du prestataire, ses recrutements et la formation des remplaçants (dans son prix)",
  "seasons the forecast does not cover (a year is its mean week × 52)": "les saisons que la prévision ne couvre pas (un an est sa semaine moyenne × 52)",
  // plan notes, the table-fit note, the heatmap, shifts
  "--wide or --format csv shows them all": "--wide ou --format csv les montre toutes",
  "Agents needed, mean of each hour": "Agents requis, moyenne de chaque heure",
  "Each queue over the horizon": "Chaque file sur l'horizon",
  unknown: "inconnu",
  optimal: "optimal",
  "no schedule in time": "aucun planning à temps",
  infeasible: "infaisable",
  Total: "Total",
  "Per week": "Par semaine",
  "no tour": "aucun cycle",
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
  "FTE and headcount are of one calendar week, {0} {1} 00:00 to the next {2}: scheduled hours ÷ {3} h.":
    "ETP et effectif d'une semaine calendaire, du {0} {1} 00:00 au {2} suivant : heures planifiées ÷ {3} h.",
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
  "Erlang Chat (chats last {0} s at 1…{1} per agent)": "Erlang Chat (tchats de {0} s à 1…{1} par agent)",
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
  // compare (issue 14 §2)
  "Compare {0} on {1}": "Comparaison de {0} sur {1}",
  "({0}; costs in {1}; volume × {2}, AHT × {3})": "({0} ; coûts en {1} ; volume × {2}, DMT × {3})",
  "Baseline: {0}; deltas and savings are against it.": "Référence : {0} ; écarts et économies sont calculés par rapport à elle.",
  "{0} per site": "{0} par site",
  "{0}, {1}": "{0}, {1}",
  "{0}: {1}": "{0} : {1}",
  "{0}: {1}.": "{0} : {1}.",
  "; {0}": " ; {0}",
  "cost over {0}": "coût sur {0}",
  "saving over {0}": "économie sur {0}",
  "{0} of {1}": "{0} sur {1}",
  "No scenario is cheapest at equal service (none has costs, meets every target and plans to the baseline's targets).":
    "Aucun scénario n'est le moins cher à service égal (aucun n'a de coûts, n'atteint tous les objectifs et ne vise les objectifs de la référence).",
  " (the baseline itself)": " (la référence elle-même)",
  " (saves {0} {1} over {2} against the baseline, {3})": " (économise {0} {1} sur {2} par rapport à la référence, {3})",
  " (costs {0} {1} over {2} against the baseline, {3})": " (coûte {0} {1} de plus sur {2} que la référence, {3})",
  "Cheapest meeting every target over {0}: {1}{2}.": "Le moins cher atteignant tous les objectifs sur {0} : {1}{2}.",
  "Left out, other service targets than the baseline ({0}): {1}.": "Écartés, objectifs de service différents de la référence ({0}) : {1}.",
  "Left out, intervals that miss a target: {0}.": "Écartés, intervalles qui manquent un objectif : {0}.",
  "Left out, no cost model: {0}.": "Écartés, sans modèle de coût : {0}.",
  "Sweep of {0} on {1}": "Balayage de {0} sur {1}",
  "(cost over {0} years, {1}; * = misses a target)": "(coût sur {0} ans, {1} ; * = manque un objectif)",
  "At {0} {1} the cheapest at equal service changes from {2} to {3}.": "À {0} {1}, le moins cher à service égal passe de {2} à {3}.",
  "The cheapest at equal service is the same over the whole sweep.": "Le moins cher à service égal reste le même sur tout le balayage.",
  // the cost build-up
  "cross-training, level {0}": "formation croisée, niv. {0}",
  "in the provider's price": "dans le prix du prestataire",
  "not counted: existing team": "non compté : équipe existante",
  "{0} FTE × {1} h a week": "{0} ETP × {1} h par semaine",
  "the shift schedules' hours on the floor": "les heures en poste des plannings",
  "the shift schedules, each template at its rate": "les plannings, chaque modèle à son taux",
  "÷ {0} week": "÷ {0} semaine",
  "÷ {0} weeks": "÷ {0} semaines",
  "{0} handled {1}": "{0} traités {1}",
  "{0} agent-hours logged in {1}": "{0} heures-agents connectées {1}",
  "{0} FTE × 12 ÷ 52": "{0} ETP × 12 ÷ 52",
  "the agents": "les agents",
  "the whole team": "toute l'équipe",
  "{0} people × {1} a year": "{0} personnes × {1} par an",
  "people × extra skills × h per skill": "personnes × compétences en plus × h par compétence",
  "52 × a week": "52 × une semaine",
  once: "une fois",
  "the weeks given": "les semaines données",
  "the calendar weeks its rows touch": "les semaines calendaires que touchent ses lignes",
  "A week = the forecast's hours ÷ {0} ({1}); a year = that week × {2}, plus in-house the hires and training attrition brings":
    "Une semaine = les heures de la prévision ÷ {0} ({1}) ; un an = cette semaine × {2}, plus, en interne, les recrutements et formations qu'entraîne l'attrition",
  "  no cost model: no costs counted": "  sans modèle de coût : aucun coût compté",
  "  Over {0}: {1} × {2} + {3} one-off = {4}, the figure the ranking uses.": "  Sur {0} : {1} × {2} + {3} ponctuel = {4}, le chiffre que retient le classement.",
  "Not counted:": "Non pris en compte :",
  'Rate "in price": the provider\'s price includes it; "existing": not counted, the team exists (existing_team).':
    "Taux « inclus » : le prix du prestataire l'inclut ; « existant » : non compté, l'équipe existe (existing_team).",
  "Amounts are rounded to the unit for display; each total adds the unrounded amounts, so the rounded lines may differ from it by a unit or two.":
    "Montants arrondis à l'unité pour l'affichage ; chaque total additionne les montants non arrondis : les lignes arrondies peuvent s'en écarter d'une ou deux unités.",
  'The "how" column is left out at {0} columns: --wide shows it, as does --report build-up --format csv.':
    "La colonne « calcul » est omise à {0} colonnes : --wide l'affiche, comme --report build-up --format csv.",
  "wage rises, inflation and discounting over the {0} (the cost over them is {1} × a year + the one-off costs)":
    "les hausses de salaire, l'inflation et l'actualisation sur {0} (le coût sur cette durée est {1} × un an + les coûts ponctuels)",
  "every scenario: {0}": "tous les scénarios : {0}",
  // the compare page
  "Cost over {0} per scenario, by site ({1}): {2} × a year + one-off, the figure the ranking compares":
    "Coût sur {0} par scénario, par site ({1}) : {2} × un an + ponctuel, le chiffre que compare le classement",
  "Cost over {0}, by site: {1} × a year + one-off, the figure the ranking compares": "Coût sur {0}, par site : {1} × un an + ponctuel, le chiffre que compare le classement",
  "{0} FTE: {1} hires, or {2} trainings + {3} hires": "{0} ETP : {1} recrutements, ou {2} formations + {3} recrutements",
  "No scenario is cheapest at equal service (none has costs, meets every target and plans to the baseline's targets)":
    "Aucun scénario n'est le moins cher à service égal (aucun n'a de coûts, n'atteint tous les objectifs et ne vise les objectifs de la référence)",
  "Cheapest at equal service over {0}: {1}": "Le moins cher à service égal sur {0} : {1}",
  ", saving {0} {1} over {2} against the baseline, {3}": ", soit une économie de {0} {1} sur {2} par rapport à la référence, {3}",
  ", costing {0} {1} over {2} against the baseline, {3}": ", soit un surcoût de {0} {1} sur {2} par rapport à la référence, {3}",
  "No cost over {0}: {1} has no cost model.": "Aucun coût sur {0} : {1} n'a pas de modèle de coût.",
  "No cost over {0}: {1} have no cost model.": "Aucun coût sur {0} : {1} n'ont pas de modèle de coût.",
  "Over {0}: {1} × {2} a year + {3} one-off = <strong>{4} {5}</strong>, the figure the ranking uses.":
    "Sur {0} : {1} × {2} par an + {3} ponctuel = <strong>{4} {5}</strong>, le chiffre que retient le classement.",
  "{0}. Baseline: {1} ({2}).": "{0}. Référence : {1} ({2}).",
  "Against the baseline: {0}": "Face à la référence : {0}",
  "Deltas are this scenario − the baseline; a saving is the baseline's cost over {0} − this one's (negative: it costs more).":
    "Les écarts sont ce scénario − la référence ; une économie est le coût de la référence sur {0} − celui de ce scénario (négative : il coûte plus).",
  "Each period's lines add up to its total, the figure the comparison uses.": "Les lignes de chaque période s'additionnent en son total, le chiffre qu'utilise la comparaison.",
  "volume × {0}, AHT × {1}": "volume × {0}, DMT × {1}",
  "running cost × {0} years + one-off costs, among the scenarios with the baseline's targets that miss none":
    "coût de fonctionnement × {0} ans + coûts ponctuels, parmi les scénarios aux objectifs de la référence qui n'en manquent aucun",
  "paid hours × loaded hourly cost per role; attrition hires a year; hiring and training the team once unless it exists":
    "heures payées × coût horaire chargé par rôle ; recrutements d'attrition par an ; recrutement et formation de l'équipe une fois, sauf si elle existe",
  "per productive hour, per handled contact or per FTE-month; set-up fee and initial training once":
    "à l'heure productive, au contact traité ou au mois d'ETP ; frais de mise en place et formation initiale une fois",
  // plan notes
  "Headcount = FTE ÷ mean contract, rounded up once: the total line's {0} are agents only, rounded from their summed {1} FTE (not summed from the rounded queues).":
    "Effectif = ETP ÷ contrat moyen, arrondi au-dessus une seule fois : les {0} de la ligne du total sont les agents seuls, arrondis depuis la somme de leurs {1} ETP (pas la somme des files arrondies).",
  "People with management and support (organisation {0}{1}): {2}; see --by tier and --by group.":
    "Personnes avec encadrement et support (organisation {0}{1}) : {2} ; voir --by tier et --by group.",
  "agents {0}{1}": "agents {0}{1}",
  "team leads {0}": "chefs d'équipe {0}",
  "managers {0}": "managers {0}",
  "support {0}{1}": "support {0}{1}",
  "{0} = {1} people": "{0} = {1} personnes",
  "; agents rounded up per level: {0} against the total line's {1}": " ; agents arrondis au-dessus par niveau : {0} contre {1} sur la ligne du total",
  "; queues pooled in teams need {0} agents, where the lines above staff each queue apart":
    " ; les files mutualisées en équipes demandent {0} agents, là où les lignes ci-dessus dotent chaque file à part",
  "Organisation {0}; spans and support roles as in the scenario": "Organisation {0} ; encadrement et fonctions support comme dans le scénario",
  "Organisation {0}": "Organisation {0}",
  "The total, people with management and support: {0}.": "Le total, personnes avec encadrement et support : {0}.",
  "Pooling gain {0} FTE against the same queues staffed apart; training for the extra skills {1} h (people × skills beyond the first × hours per skill). Headcount is rounded up once per team; team leads per team, managers from team leads.":
    "Gain de mutualisation {0} ETP face aux mêmes files dotées à part ; formation aux compétences en plus {1} h (personnes × compétences au-delà de la première × heures par compétence). L'effectif est arrondi au-dessus une fois par équipe ; chefs d'équipe par équipe, managers selon les chefs d'équipe.",
  "Agents {0}: the headcount column added up; with management and support, {1}.": "Agents {0} : la colonne effectif additionnée ; avec encadrement et support, {1}.",
  "* {0} {1} {2} (L{3}): blended into inbound idle time: no dedicated agent ({4} h of work).":
    "* {0} {1} {2} (L{3}) : absorbé par le temps libre de l'entrant : aucun agent dédié ({4} h de travail).",
  "A day's FTE = its scheduled hours ÷ {0} h (a full-timer's {1} h ÷ {2} days);\npeople = FTE ÷ mean contract {3}, rounded up: those at work that day.\nA week's FTE is its days' FTE ÷ 5; its headcount is in the summary and --report weeks.":
    "ETP d'un jour = ses heures planifiées ÷ {0} h (temps plein : {1} h ÷ {2} jours) ;\npersonnes = ETP ÷ contrat moyen {3}, arrondi au-dessus : présentes ce jour-là.\nETP d'une semaine = ETP de ses jours ÷ 5 ;\nson effectif est dans la synthèse et --report weeks.",
  "wk: calendar weeks in the month (a week counts in the month that holds most of its days); volume and hours add up over them; FTE is the mean of its weeks', people from that FTE.":
    "sem. : semaines calendaires du mois (une semaine compte dans le mois qui contient la plupart de ses jours) ; volume et heures s'additionnent sur elles ; l'ETP est la moyenne de celui de ses semaines, les personnes viennent de cet ETP.",
  "What-ifs:": "Variantes :",
  "Agents' headcount from weekly shift schedules (--shifts; see ccplan shifts); the queue lines above stay FTE-based.":
    "Effectif des agents d'après les plannings hebdomadaires (--shifts ; voir ccplan shifts) ; les lignes de files ci-dessus restent fondées sur l'ETP.",
  // the plan page's inputs and assumptions
  "{0} (over the scenario)": "{0} (par-dessus le scénario)",
  "scheduled hours of the mean calendar week ÷ contract hours; peak week {0}: {1} FTE, {2} headcount":
    "heures planifiées de la semaine calendaire moyenne ÷ heures du contrat ; semaine de pic {0} : {1} ETP, effectif {2}",
  "scheduled hours of the calendar week ÷ contract hours": "heures planifiées de la semaine calendaire ÷ heures du contrat",
  "headcount = FTE ÷ mean contract, rounded up once per team; team leads per team; managers from team leads":
    "effectif = ETP ÷ contrat moyen, arrondi au-dessus une fois par équipe ; chefs d'équipe par équipe ; managers selon les chefs d'équipe",
  "Erlang C / Erlang A / chat concurrency for live queues; deadline model (taut string) for deferred work; workload at occupancy for outbound":
    "Erlang C / Erlang A / sessions de chat simultanées pour les files en direct ; modèle à échéances (taut string) pour le travail différé ; charge à l'occupation pour le sortant",
  // the table-fit note
  "column {0}": "colonne {0}",
  "{0} column hidden at {1} columns ({2})": "{0} colonne masquée à {1} colonnes ({2})",
  "{0} columns hidden at {1} columns ({2})": "{0} colonnes masquées à {1} colonnes ({2})",
  "long {0} shortened with …": "libellés longs abrégés par … ({0})",
  "{0} at {1} columns": "{0} à {1} colonnes",
  "at {0} columns even the narrowest table takes {1}": "à {0} colonnes, même le tableau le plus étroit en prend {1}",
  "even the narrowest table takes {0}": "même le tableau le plus étroit en prend {0}",
  // the heatmap
  " (█ = {0} agents, the busiest hour)": " (█ = {0} agents, l'heure la plus chargée)",
  "Each day's peak and agent-hours hidden at {0} columns: --wide or --format csv shows them.": "Pic et heures-agents de chaque jour masqués à {0} colonnes : --wide ou --format csv les montre.",
  "Legend: {0}; blank: none.": "Légende, en part de l'heure la plus chargée : {0} ; vide : aucun.",
  "{0} up to {1} of the busiest hour": "{0} jusqu'à {1}",
  " (one mark = {0} hour; ▁ to █ against the queue's own busiest mark)": " (une marque = {0} heure ; ▁ à █ face à la marque la plus chargée de la file)",
  " (one mark = {0} hours; ▁ to █ against the queue's own busiest mark)": " (une marque = {0} heures ; ▁ à █ face à la marque la plus chargée de la file)",
  "peak {0}": "pic {0}",
  "Queue names shortened with … at {0} columns: --wide shows them whole.": "Noms de files abrégés par … à {0} colonnes : --wide les montre en entier.",
  // shifts: the terminal's notes and tours
  "optimal, gap {0}": "optimal, écart {0}",
  "time limit, gap {0}": "limite de temps, écart {0}",
  "{0} people{1}": "{0} personnes{1}",
  "headcount {0} against {1} in the plan ({2})": "effectif {0} contre {1} dans le plan ({2})",
  "Not shown at {0} columns: {1} (in the CSV and JSON).": "Non affichées à {0} colonnes : {1} (dans le CSV et le JSON).",
  "Efficiency = required agent-hours ÷ scheduled on-floor agent-hours; headcount = people ÷ (1 − out-of-shift shrinkage{0}), rounded up; plan = the FTE-based headcount of ccplan plan. Hours and costs are a week's; paid hours and cost, the headcount's.":
    "Efficacité = heures-agents requises ÷ heures-agents planifiées en poste ; effectif = personnes ÷ (1 − indisponibilité hors poste{0}), arrondi au-dessus ; plan = l'effectif fondé sur l'ETP de ccplan plan. Heures et coûts sont ceux d'une semaine ; heures payées et coût, ceux de l'effectif.",
  "Time limit: stopped before optimality was proven; the best schedule costs at least (1 − gap) × this one.":
    "Limite de temps : arrêt avant la preuve d'optimalité ; le meilleur planning coûte au moins (1 − écart) × celui-ci.",
  "A team without a schedule has no people: see its status.": "Une équipe sans planning n'a personne : voir son statut.",
  "Priced understaffing adds {0} {1} a week (not in cost/week).": "Le sous-effectif valorisé ajoute {0} {1} par semaine (hors coût/semaine).",
  " (the scheduled people, before out-of-shift shrinkage):": " (les personnes planifiées, avant l'indisponibilité hors poste) :",
  "{0} ({1} days differ)": "{0} ({1} jours diffèrent)",
  " over {0} weeks": " sur {0} semaines",
  "  {0} people in {1}{2}{3}": "  {0} personnes en {1}{2}{3}",
  "Times of day; a start in brackets is a day that differs; breaks are the first day's, … when other days' differ (tours alike at this width are one line; CSV and JSON give every tour, with its end and every day's starts and breaks).":
    "Heures du jour ; un début entre parenthèses est un jour qui diffère ; les pauses sont celles du premier jour, … quand celles des autres jours diffèrent (les cycles identiques à cette largeur tiennent sur une ligne ; le CSV et le JSON donnent chaque cycle, avec sa fin et les débuts et pauses de chaque jour).",
  "Agents per interval (intervals with nothing required and nobody on the floor are left out).": "Agents par intervalle (les intervalles sans besoin et sans personne en poste sont omis).",
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

/** The dictionaries as maps, and every French form (text already French is not reported missing): built at the first French label, not at start-up. */
let dictionaries: { words: Map<string, string>; sentences: Map<string, string>; values: Set<string> } | undefined;
function frenchTables(): { words: Map<string, string>; sentences: Map<string, string>; values: Set<string> } {
  if (dictionaries === undefined) {
    const words = new Map(Object.entries({ ...WORDS, ...PLURALS }).map(([en, fr]) => [en, frenchColons(fr)]));
    const sentences = new Map(Object.entries(SENTENCES).map(([en, fr]) => [en, frenchColons(fr)]));
    dictionaries = { words, sentences, values: new Set(words.values()) };
  }
  return dictionaries;
}

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
  if (/[a-z]/i.test(en) && !frenchTables().values.has(en.trim()) && !translated.has(en)) missing.add(en);
  return en;
}

/** The French form of a word, an indented row label ("  team leads") or a word with a unit in brackets ("cost/week (EUR)"), if there is one. */
function frenchLabel(en: string): string | undefined {
  const fr = frenchTables().words.get(en);
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

/** Sentences {@link tr} has written in French this run (a title or heading made by tr, then labelled, is not reported missing). */
const translated = new Set<string>();

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
  const fr = frenchTables().sentences.get(key);
  if (fr === undefined) {
    missing.add(key);
    let out = strings[0]!;
    for (let k = 0; k < values.length; k++) out += String(values[k]) + strings[k + 1]!;
    return out;
  }
  const out = fr.replace(/\{(\d+)\}/g, (_, k: string) => String(values[Number(k)]));
  if (translated.size > 10_000) translated.clear();
  translated.add(out);
  return out;
}

/** Clauses of a list joined with semicolons: `a; b` (French: `a ; b`, a space before the semicolon). */
export function clauses(items: readonly string[]): string {
  return items.join(french() ? " ; " : "; ");
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
  const { words, sentences } = frenchTables();
  return { words, sentences };
}
