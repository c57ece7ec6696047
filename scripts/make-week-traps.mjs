// Writes the calendar-week traps of fixtures/traps/ from fixtures/forecast-week.csv
// (Monday 2026-11-23 to Sunday 2026-11-29, 30-minute rows):
//   weeks-seven-days.csv   the week with Saturday and Sunday volumes set to 0 (a centre closed at weekends, exported as seven days)
//   weeks-weekdays.csv     the same work, Monday to Friday rows only (what a weekday export holds)
//   weeks-mon-sat.csv      Monday to Saturday rows only, Sunday volumes being 0 in weeks-mon-sat-seven.csv
//   weeks-mon-sat-seven.csv the week with Sunday volumes set to 0
//   weeks-inclusive-end.csv the week plus a zero-volume row per queue at the next Monday 00:00 (an inclusive end)
//   weeks-four-growing.csv the week repeated four times, volumes × 1.2 each week
//   weeks-partial.csv      Wednesday to the next Tuesday (two partial calendar weeks)
// Run: node scripts/make-week-traps.mjs
import { readFileSync, writeFileSync } from "node:fs";

const lines = readFileSync("fixtures/forecast-week.csv", "utf8").trimEnd().split("\n");
const head = lines[0];
const rows = lines.slice(1).map((l) => l.split(","));
const day = (r) => r[0].slice(0, 10);
const WEEK = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"];
const write = (name, rs) => writeFileSync(`fixtures/traps/${name}`, [head, ...rs.map((r) => r.join(","))].join("\n") + "\n");
/** A row with no work: no contacts and no attempts. */
const zero = (r, start = r[0]) => [start, r[1], r[2], r[3], "0", ...r.slice(5, 9), r[9] === "" ? "" : "0", ...r.slice(10)];
const zeroOn = (days) => rows.map((r) => (days.includes(day(r)) ? zero(r) : r));

write("weeks-seven-days.csv", zeroOn(WEEK.slice(5)));
write("weeks-weekdays.csv", rows.filter((r) => WEEK.slice(0, 5).includes(day(r))));
write("weeks-mon-sat-seven.csv", zeroOn(WEEK.slice(6)));
write("weeks-mon-sat.csv", rows.filter((r) => WEEK.slice(0, 6).includes(day(r))));
const queues = new Map();
for (const r of rows) queues.set(`${r[1]}|${r[2]}|${r[3]}`, r);
write("weeks-inclusive-end.csv", [...rows, ...[...queues.values()].map((r) => zero(r, "2026-11-30T00:00"))]);

const shift = (iso, days) => {
  const d = new Date(`${iso}Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 16);
};
const grown = [];
for (let w = 0; w < 4; w++) {
  for (const r of rows) {
    const v = +(Number(r[4]) * 1.2 ** w).toFixed(2);
    const attempts = r[9] === "" ? "" : String(+(Number(r[9]) * 1.2 ** w).toFixed(2));
    grown.push([shift(r[0], 7 * w), r[1], r[2], r[3], String(v), r[5], r[6], r[7], r[8], attempts, r[10], r[11]]);
  }
}
write("weeks-four-growing.csv", grown);
// Wednesday 25 to Tuesday 1 December: Monday and Tuesday's rows moved one week on
write("weeks-partial.csv", rows.map((r) => (["2026-11-23", "2026-11-24"].includes(day(r)) ? [shift(r[0], 7), ...r.slice(1)] : r)).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
