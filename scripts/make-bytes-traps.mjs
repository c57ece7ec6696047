// Writes the byte-level traps of fixtures/traps/ (bytes-*, batch-*) and fixtures/bad/
// (forecast-header-only, forecast-unclosed-quote, forecast-stray-quote) from
// fixtures/forecast-week.csv and fixtures/erlang-cases.csv:
//   bytes-late-accents-1252.csv   four weeks, sorted by queue, Windows-1252, CRLF: its ASCII-only queues
//                                 fill the first 1.1 MB, so the first accent (fidélisation) comes after
//                                 the first 1 MiB chunk of the stream
//   bytes-unicode-text-utf16le.csv Monday of the fixture week as Excel's "Unicode text": UTF-16LE with BOM, tabs, CRLF
//   bytes-mixed-utf8-then-1252.csv UTF-8 accents on line 2, a Windows-1252 é on line 5 (two exports pasted together)
//   bytes-mixed-1252-then-utf8.csv the other way round: Windows-1252 on line 2, UTF-8 "é" (Ã© in Windows-1252) on line 5
//   bytes-control-chars.csv       ANSI escape sequences (clear screen, cursor home, colour) and a C1 CSI in cells
//   batch-header-only.csv         an erlang batch: the header, then blank lines
//   batch-unclosed-quote.csv      an erlang batch whose quote opened on line 4 is never closed
//   batch-unicode-text-utf16le.csv the fixture batch as Excel's "Unicode text"
//   ../bad/forecast-header-only.csv    a forecast header, then blank lines
//   ../bad/forecast-unclosed-quote.csv a quote opened on line 4 (field 2) is never closed
//   ../bad/forecast-stray-quote.csv    a quote inside an unquoted field on line 6 (field 3)
// Run: node scripts/make-bytes-traps.mjs
import { readFileSync, writeFileSync } from "node:fs";
import iconv from "iconv-lite";

const lines = readFileSync("fixtures/forecast-week.csv", "utf8").trimEnd().split("\n");
const head = lines[0];
const rows = lines.slice(1).map((l) => l.split(","));
const traps = (name) => `fixtures/traps/${name}`;
const cp1252 = (text) => iconv.encode(text, "win1252");
const utf16le = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);

// Four weeks, queue-sorted; the apostrophe of "demande d’information" written as ASCII, as many exports do.
const shift = (iso, days) => {
  const d = new Date(`${iso}Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 16);
};
const weeks = [];
for (let w = 0; w < 4; w++) for (const r of rows) weeks.push([shift(r[0], 7 * w), r[1].replace("’", "'"), ...r.slice(2)]);
const ascii = (r) => /^[\x20-\x7e]*$/.test(r[1]);
const byQueue = (a, b) => Number(ascii(b)) - Number(ascii(a)) || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]) || a[3].localeCompare(b[3]) || a[0].localeCompare(b[0]);
weeks.sort(byQueue);
writeFileSync(traps("bytes-late-accents-1252.csv"), cp1252([head, ...weeks.map((r) => r.join(","))].join("\r\n") + "\r\n"));

const monday = rows.filter((r) => r[0].startsWith("2026-11-23"));
writeFileSync(traps("bytes-unicode-text-utf16le.csv"), utf16le([head, ...monday.map((r) => r.join(","))].map((l) => l.replaceAll(",", "\t")).join("\r\n") + "\r\n"));

const small = [
  "interval_start,typology,channel,volume,aht",
  "2026-11-23T08:00,réclamation,phone,12,300",
  "2026-11-23T08:00,recouvrement,phone,8,280",
  "2026-11-23T08:30,réclamation,phone,14,300",
  "2026-11-23T08:00,fidélisation,phone,5,420",
  "2026-11-23T08:30,fidélisation,phone,6,420",
];
writeFileSync(traps("bytes-mixed-utf8-then-1252.csv"), Buffer.concat([Buffer.from(small.slice(0, 4).join("\n") + "\n"), cp1252(small.slice(4).join("\n") + "\n")]));
writeFileSync(traps("bytes-mixed-1252-then-utf8.csv"), Buffer.concat([cp1252(small.slice(0, 4).join("\n") + "\n"), Buffer.from(small.slice(4).join("\n") + "\n")]));

writeFileSync(
  traps("bytes-control-chars.csv"),
  [
    "interval_start,typology,channel,volume,aht",
    "2026-11-23T08:00,information,phone,12,300",
    "2026-11-23T08:00,information,\u001b[2J\u001b[Hphone,8,280",
    "2026-11-23T08:30,information,phone,\u009b2J\u001b[31m12,300",
  ].join("\n") + "\n",
);

const batch = readFileSync("fixtures/erlang-cases.csv", "utf8").trimEnd().split("\n");
writeFileSync(traps("batch-header-only.csv"), batch[0] + "\n\n\n");
writeFileSync(traps("batch-unclosed-quote.csv"), [...batch.slice(0, 3), `"big queue,${batch[3].split(",").slice(1).join(",")}`, ...batch.slice(4)].join("\n") + "\n");
writeFileSync(traps("batch-unicode-text-utf16le.csv"), utf16le(batch.map((l) => l.replaceAll(",", "\t")).join("\r\n") + "\r\n"));

writeFileSync("fixtures/bad/forecast-header-only.csv", head + "\n\n\n");
const few = lines.slice(0, 8);
writeFileSync("fixtures/bad/forecast-unclosed-quote.csv", [...few.slice(0, 3), few[3].replace(",", ',"'), ...few.slice(4)].join("\n") + "\n");
const cells = few[5].split(",");
cells[2] = `em"ail`;
writeFileSync("fixtures/bad/forecast-stray-quote.csv", [...few.slice(0, 5), cells.join(","), ...few.slice(6)].join("\n") + "\n");
