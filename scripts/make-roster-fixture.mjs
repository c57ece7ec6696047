// Writes fixtures/roster.csv: the team behind fixtures/scenarios/gaps-two-sites.yaml
// (about 150 people: level 1 in Lyon, mostly mono-skilled on written work and
// outbound; levels 2 and 3 in Paris, more polyvalent). Deterministic: run it
// again and the file is the same. `node scripts/make-roster-fixture.mjs`
import { writeFileSync } from "node:fs";
import { random } from "./random.mjs";

const rnd = random(20261129);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];

const T = {
  adv: "administration des ventes",
  info: "demande d’information",
  fid: "fidélisation",
  rec: "réclamation",
  recv: "recouvrement",
  tech: "support technique",
};
const channels = ["phone", "chat", "email", "mail", "social"];
const columns = [];
for (const t of Object.values(T)) for (const c of channels) columns.push(`${t}:${c}`);

const people = [];
let n = 0;
/** `count` people at a site and level, each with the skills `profile()` gives. */
function add(count, site, tier, profile) {
  for (let k = 0; k < count; k++) {
    const r = rnd();
    const hours = r < 0.8 ? 35 : r < 0.95 ? 28 : 24;
    people.push({ id: `A${String(++n).padStart(3, "0")}`, site, tier, hours, skills: profile() });
  }
}
const level = () => (rnd() < 0.25 ? 3 : rnd() < 0.7 ? 2 : 1);

// Lyon, level 1: written work by typology (email + mail), social moderators, outbound callers.
add(10, "Lyon", 1, () => ({ [`${T.info}:email`]: level(), [`${T.info}:mail`]: rnd() < 0.6 ? 2 : 0 }));
add(4, "Lyon", 1, () => ({ [`${T.adv}:email`]: level(), [`${T.adv}:mail`]: rnd() < 0.5 ? 2 : 0 }));
add(5, "Lyon", 1, () => ({ [`${T.rec}:email`]: level(), [`${T.rec}:mail`]: 1 }));
add(2, "Lyon", 1, () => ({ [`${T.recv}:email`]: level(), [`${T.recv}:mail`]: 1 }));
add(2, "Lyon", 1, () => ({ [`${T.fid}:email`]: level(), [`${T.fid}:mail`]: rnd() < 0.5 ? 1 : 0 }));
add(5, "Lyon", 1, () => ({ [`${T.tech}:email`]: level() })); // short on technical email: a gap
add(2, "Lyon", 1, () => ({ [`${T.tech}:mail`]: 2, [`${T.adv}:mail`]: 1 }));
add(4, "Lyon", 1, () => Object.fromEntries(Object.values(T).map((t) => [`${t}:social`, rnd() < 0.8 ? 2 : 1])));
add(4, "Lyon", 1, () => ({ [`${T.fid}:phone`]: level() }));
add(8, "Lyon", 1, () => ({ [`${T.recv}:phone`]: level(), [`${T.recv}:email`]: rnd() < 0.3 ? 1 : 0 }));
// Paris, level 2: specialists of one typology on several channels.
const specialist = (t, extra = []) => () => {
  const s = {};
  for (const c of channels) if (c === "phone" || c === "chat" || c === "email" || rnd() < 0.5) s[`${t}:${c}`] = level();
  for (const e of extra) if (rnd() < 0.4) s[`${e}:phone`] = 1;
  return s;
};
add(10, "Paris", 2, specialist(T.adv, [T.info]));
add(6, "Paris", 2, specialist(T.info, [T.adv]));
add(3, "Paris", 2, specialist(T.fid, [T.recv]));
add(20, "Paris", 2, specialist(T.rec, [T.recv]));
add(5, "Paris", 2, specialist(T.recv, [T.rec]));
add(34, "Paris", 2, specialist(T.tech));
// Paris, level 3: technical engineers, and a few experts of the other typologies.
add(18, "Paris", 3, () => Object.fromEntries(channels.map((c) => [`${T.tech}:${c}`, c === "phone" || c === "chat" ? 3 : rnd() < 0.7 ? 2 : 1])));
add(4, "Paris", 3, () => ({ ...Object.fromEntries(channels.map((c) => [`${T.rec}:${c}`, 2])), [`${T.recv}:phone`]: rnd() < 0.5 ? 2 : 0 }));
add(3, "Paris", 3, () => Object.fromEntries(channels.map((c) => [`${T.adv}:${c}`, 2])));

const esc = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const lines = [["agent_id", "site", "tier", "contract_hours", ...columns].map(esc).join(",")];
for (const p of people) lines.push([p.id, p.site, `L${p.tier}`, p.hours, ...columns.map((c) => (p.skills[c] ? String(p.skills[c]) : ""))].map(esc).join(","));
writeFileSync(new URL("../fixtures/roster.csv", import.meta.url), lines.join("\n") + "\n");
console.log(`fixtures/roster.csv: ${people.length} people`);
