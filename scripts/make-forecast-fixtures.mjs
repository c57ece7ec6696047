// Writes fixtures/forecast-week.csv and its French-Excel twin
// fixtures/forecast-week-fr.csv (same data: `;`, decimal comma, dd/mm/yyyy,
// mm:ss, French headers and labels, Windows-1252, CRLF). Deterministic:
// `node scripts/make-forecast-fixtures.mjs` rewrites the same bytes.
//
// The week: Monday 23 to Sunday 29 November 2026, 30-minute intervals.
// Six typologies × five inbound channels, plus two outbound campaigns.
// - phone, chat: Mon–Fri 08:00–20:00, Sat 09:00–17:00, closed on Sunday;
//   a morning peak, a lunch peak and an afternoon hump; Monday is the busiest day.
// - email, social: arrive around the clock, mostly in the day.
// - mail: delivered in the morning of working days.
// - outbound: collections and retention calls, Mon–Fri 10:00–19:30.
import { writeFileSync } from "node:fs";
import iconv from "iconv-lite";
import { random } from "./random.mjs";

const START_DAY = Date.UTC(2026, 10, 23) / 86_400_000; // Monday
const INTERVAL = 30;

const rnd = random(20261123);

// label, weekly phone contacts, phone AHT (s)
const TYPOLOGIES = [
  ["demande d’information", 5200, 240],
  ["administration des ventes", 2100, 330],
  ["réclamation", 1500, 480],
  ["recouvrement", 900, 420],
  ["support technique", 1800, 600],
  ["fidélisation", 700, 540],
];

// channel: share of the typology's phone volume, AHT factor, extra fields
const CHANNELS = {
  phone: { share: 1, aht: 1, patience: 90 },
  chat: { share: 0.35, aht: 1.6, concurrency: 2, patience: 120 },
  email: { share: 0.45, aht: 1.5, deadline: 86_400 },
  social: { share: 0.08, aht: 1.2, deadline: 3_600 },
  mail: { share: 0.06, aht: 2.2, deadline: 259_200 },
};

const WEEKDAY = [1.3, 1.1, 1.0, 0.95, 0.9, 0.45, 0]; // Monday … Sunday (voice)

/** Intraday shape of live channels: morning peak, lunch peak, afternoon hump. */
function liveShape(minute) {
  const h = minute / 60;
  const bump = (centre, width, height) => height * Math.exp(-((h - centre) ** 2) / (2 * width ** 2));
  return 0.25 + bump(9.75, 0.9, 1.0) + bump(12.75, 0.6, 0.85) + bump(15, 1.1, 0.8) - bump(17.5, 2, 0.1);
}

function liveOpen(day, minute) {
  if (day <= 4) return minute >= 8 * 60 && minute < 20 * 60;
  if (day === 5) return minute >= 9 * 60 && minute < 17 * 60;
  return false;
}

/** Asynchronous arrivals: low at night, a day plateau. */
function asyncShape(minute) {
  const h = minute / 60;
  return h < 7 ? 0.15 : h < 9 ? 0.6 : h < 19 ? 1 : h < 23 ? 0.5 : 0.2;
}

const rows = [];
function add(startMin, typology, channel, direction, volume, aht, extra = {}) {
  rows.push({ startMin, typology, channel, direction, volume: Math.round(volume * 10) / 10, aht: Math.round(aht), ...extra });
}

for (let d = 0; d < 7; d++) {
  for (let minute = 0; minute < 1440; minute += INTERVAL) {
    const startMin = (START_DAY + d) * 1440 + minute;
    for (const [typology, weekly, phoneAht] of TYPOLOGIES) {
      for (const [channel, c] of Object.entries(CHANNELS)) {
        let volume;
        if (channel === "phone" || channel === "chat") {
          if (!liveOpen(d, minute)) continue;
          // weekly volume spread over the open intervals by the day and intraday curves (~130 open intervals)
          volume = ((weekly * c.share) / 55) * WEEKDAY[d] * liveShape(minute);
        } else if (channel === "mail") {
          if (d > 4 || minute < 9 * 60 || minute >= 12 * 60) continue;
          volume = (weekly * c.share) / 30;
        } else {
          volume = ((weekly * c.share) / 250) * asyncShape(minute) * (d >= 5 ? 0.6 : 1);
        }
        volume *= 0.9 + 0.2 * rnd();
        const extra = {};
        if (c.patience) extra.patience = c.patience;
        if (c.concurrency) extra.concurrency = c.concurrency;
        if (c.deadline) extra.deadline = c.deadline;
        add(startMin, typology, channel, "inbound", volume, phoneAht * c.aht * (0.97 + 0.06 * rnd()), extra);
      }
    }
    // Outbound campaigns: right-party contacts to reach, 35 % contact rate, 30 s per dial attempt.
    if (d <= 4 && minute >= 10 * 60 && minute < 19 * 60 + 30) {
      for (const [typology, perInterval, aht] of [
        ["recouvrement", 14, 300],
        ["fidélisation", 6, 420],
      ]) {
        const volume = perInterval * (0.9 + 0.2 * rnd());
        add(startMin, typology, "phone", "outbound", volume, aht, { attempts: Math.round((volume / 0.35) * 10) / 10, contact_rate: 0.35, dial_time: 30 });
      }
    }
  }
}

// English export: ISO dates, seconds, UTF-8, LF.
const pad = (n) => String(n).padStart(2, "0");
const iso = (m) => {
  const t = new Date(m * 60_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
};
const en = ["interval_start,typology,channel,direction,volume,aht,patience,concurrency,deadline,attempts,contact_rate,dial_time"];
for (const r of rows) {
  en.push(
    [iso(r.startMin), r.typology, r.channel, r.direction, r.volume, r.aht, r.patience ?? "", r.concurrency ?? "", r.deadline ?? "", r.attempts ?? "", r.contact_rate ?? "", r.dial_time ?? ""].join(","),
  );
}
writeFileSync(new URL("../fixtures/forecast-week.csv", import.meta.url), en.join("\n") + "\n");

// French Excel export: the same data.
const FR_CHANNEL = { phone: "Téléphone", chat: "Tchat", email: "Courriel", social: "Réseaux sociaux", mail: "Courrier" };
const frDate = (m) => {
  const t = new Date(m * 60_000);
  return `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
};
const comma = (x) => (x === undefined ? "" : String(x).replace(".", ","));
const mmss = (s) => `${Math.floor(s / 60)}:${pad(s % 60)}`;
const hhmmss = (s) => `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
const fr = ["Début intervalle;Motif;Canal;Sens;Appels;DMT;Patience;Concurrence;Délai;Tentatives;Taux de contact;Temps de numérotation"];
for (const r of rows) {
  fr.push(
    [
      frDate(r.startMin),
      r.typology,
      FR_CHANNEL[r.channel],
      r.direction === "inbound" ? "Entrant" : "Sortant",
      comma(r.volume),
      mmss(r.aht),
      r.patience === undefined ? "" : mmss(r.patience),
      r.concurrency ?? "",
      r.deadline === undefined ? "" : hhmmss(r.deadline),
      comma(r.attempts),
      r.contact_rate === undefined ? "" : `${Math.round(r.contact_rate * 100)}%`,
      r.dial_time === undefined ? "" : mmss(r.dial_time),
    ].join(";"),
  );
}
writeFileSync(new URL("../fixtures/forecast-week-fr.csv", import.meta.url), iconv.encode(fr.join("\r\n") + "\r\n", "win1252"));
console.log(`wrote ${rows.length} rows to fixtures/forecast-week.csv and fixtures/forecast-week-fr.csv`);
