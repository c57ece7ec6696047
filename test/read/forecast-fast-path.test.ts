import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { InputError } from "../../src/read/diagnostics.js";
import { forecastReadTuning, readForecast, type ForecastReadOptions } from "../../src/read/forecast-read.js";
import type { ForecastRow } from "../../src/plan/forecast.js";

/**
 * The fast row paths of the forecast reader (FastRowParser: from a row's
 * cells, and from its unsplit line) must read exactly what the general
 * parser reads — the same rows, summary, warnings and diagnostics — so
 * each case is read twice, with the fast paths and without them.
 */
type Outcome = { rows: ForecastRow[]; summary?: unknown; warnings: unknown[]; error?: unknown };

async function readWith(fast: boolean, chunks: Uint8Array[], file: string, options: ForecastReadOptions = {}): Promise<Outcome> {
  forecastReadTuning.fastRows = fast;
  const rows: ForecastRow[] = [];
  const warnings: unknown[] = [];
  try {
    const summary = await readForecast(chunks, file, { ...options, onWarning: (w) => warnings.push(w) }, (r) => rows.push(r));
    return { rows, summary, warnings };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { rows, warnings, error: e.diagnostics };
  }
}

/** Both readings, JSON-equal (undefined fields included: key order and presence are compared through Object.entries). */
async function expectSame(chunks: Uint8Array[], file: string, options: ForecastReadOptions = {}): Promise<Outcome> {
  const general = await readWith(false, chunks, file, options);
  const fast = await readWith(true, chunks, file, options);
  expect(fast.rows.map((r) => Object.entries(r))).toEqual(general.rows.map((r) => Object.entries(r)));
  expect(fast).toEqual(general);
  return fast;
}

afterEach(() => {
  forecastReadTuning.fastRows = true;
});

const enc = (s: string) => new TextEncoder().encode(s);
/** The text cut in chunks of `size` bytes (as a stream gives them). */
const chunked = (s: string, size: number) => {
  const bytes = enc(s);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
};

describe("the forecast reader's fast row paths", () => {
  const fixtures = ["fixtures", "fixtures/bad", "fixtures/traps"].flatMap((dir) => readdirSync(dir).filter((f) => /^(forecast|weeks|bytes).*\.(csv|xlsx)$/.test(f)).map((f) => `${dir}/${f}`));
  it("have the forecast fixtures to read (good, bad and traps)", () => {
    expect(fixtures.length).toBeGreaterThan(25);
  });
  it.each(fixtures)("read %s as the general parser does", async (path) => {
    const bytes = readFileSync(path);
    await expectSame([bytes], path);
    await expectSame([bytes], path, { intervalMin: 15, allowGaps: true });
  }, 60_000);

  it("read the benchmark's rows (long decimals, blanks, outbound and deferred queues) as the general parser does, whatever the chunks", async () => {
    const lines = ["interval_start,typology,channel,direction,volume,aht,patience,concurrency,deadline,attempts,contact_rate,dial_time"];
    for (let k = 0; k < 96; k++) {
      const at = `2027-01-04T${String(Math.floor(k / 4)).padStart(2, "0")}:${String((k % 4) * 15).padStart(2, "0")}`;
      lines.push(`${at},t1,phone,inbound,${(k * 0.37).toFixed(1)},180,90,,,,,`);
      lines.push(`${at},t2,chat,inbound,${k * 0.1},200,,2,,,,`);
      lines.push(`${at},t1,email,inbound,${(2 + k) * 0.6},300,,,86400,,,`);
      lines.push(`${at},t3,phone,outbound,${k % 7},300,,,,${20 + (k % 5)},,30`);
    }
    const text = lines.join("\n") + "\n";
    const out = await expectSame([enc(text)], "bench.csv");
    expect(out.rows).toHaveLength(384);
    for (const size of [7, 100, 4096]) await expectSame(chunked(text, size), "bench.csv");
  });

  // Cells in and out of each column's fixed format: the fast paths must take the first and leave the others.
  const starts = ["2026-11-23T08:00", "2026-11-23 08:30", "2026-11-23T09:00", "2026-02-31T08:00", "2026-11-23T24:00", "2026-1-23T08:00", "23/11/2026 08:00", "11/23/2026 08:00", " 2026-11-23T08:00", "2026-11-23T08:07", "2026-11-23T08:00:00", ""];
  const typologies = ["info", "Info", "Ïnfo", "claims", " claims", "a  b", "", "x\u200by"];
  const channels = ["phone", "Téléphone", "email", "chat", "fax", "", " phone"];
  const directions = ["", "inbound", "outbound", "Sortant", "up", " "];
  const numbers = ["", "0", "12", "12.5", "0.1", "1.2000000000000002", "123456789012345678", "007", "1,5", "1.234", "1 234", "-3", "+3", "3.", ".5", "1e3", "abc", " 4", "100", "101", "0.85", "85%", "4:30", "90s", "2h", "24:00", "1441", "30", "15"];
  const cell = fc.constantFrom(...numbers);
  const row = fc.record({
    start: fc.constantFrom(...starts),
    typology: fc.constantFrom(...typologies),
    channel: fc.constantFrom(...channels),
    direction: fc.constantFrom(...directions),
    volume: cell,
    aht: fc.constantFrom("270", "180", "0", "5", "20000", "4:30", "", "12.5", "300"),
    interval: cell,
    patience: cell,
    concurrency: cell,
    deadline: cell,
    attempts: cell,
    contactRate: cell,
    dialTime: cell,
    slTarget: fc.constantFrom("", "", "80/20", "0.8", "90/15"),
    slSeconds: cell,
    asaMax: cell,
    maxOccupancy: cell,
    maxAbandon: cell,
  });
  const header = "interval_start,typology,channel,direction,volume,aht,interval_minutes,patience,concurrency,deadline,attempts,contact_rate,dial_time,sl_target,sl_seconds,asa_max,max_occupancy,max_abandon";

  it("read any mix of cells as the general parser does (rows, warnings, diagnostics), with a comma or a semicolon", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.integer({ min: 0, max: 3 }), async (rows, semicolon, repeat) => {
        const d = semicolon ? ";" : ",";
        const lines = rows.map((r) => [r.start, r.typology, r.channel, r.direction, r.volume, r.aht, r.interval, r.patience, r.concurrency, r.deadline, r.attempts, r.contactRate, r.dialTime, r.slTarget, r.slSeconds, r.asaMax, r.maxOccupancy, r.maxAbandon].join(d));
        // rows repeated a day later: names seen before, so the fast paths get their turn
        const later = lines.map((l) => l.replace("2026-11-23", "2026-11-24"));
        const text = [header.replaceAll(",", d), ...lines, ...Array.from({ length: repeat }, () => later).flat()].join("\n") + "\n";
        await expectSame([enc(text)], "f.csv", { intervalMin: 30 });
        await expectSame([enc(text)], "f.csv");
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("read rows without the optional columns, and a wrong number of cells, as the general parser does", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...starts), fc.constantFrom(...typologies), fc.constantFrom(...channels), cell, fc.constantFrom("270", "4:30", "0"), fc.constantFrom("", ",x", ",,")), { minLength: 1, maxLength: 15 }), async (rows) => {
        const text = "interval_start,typology,channel,volume,aht\n" + rows.map(([s, t, c, v, a, extra]) => `${s},${t},${c},${v},${a}${extra}`).join("\n") + "\n";
        await expectSame([enc(text)], "f.csv");
        await expectSame(chunked(text, 13), "f.csv");
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
