import { describe, expect, it } from "vitest";
import { InputError, type Diagnostic } from "../../src/read/diagnostics.js";
import { readForecast, type ForecastReadOptions } from "../../src/read/forecast-read.js";
import type { ForecastRow } from "../../src/plan/forecast.js";

const enc = (s: string) => new TextEncoder().encode(s);

async function read(text: string | Uint8Array[], options: ForecastReadOptions = {}) {
  const rows: ForecastRow[] = [];
  const chunks = typeof text === "string" ? [enc(text)] : text;
  const summary = await readForecast(chunks, "f.csv", options, (r) => rows.push(r));
  return { rows, summary };
}

async function problems(text: string, options: ForecastReadOptions = {}): Promise<Diagnostic[]> {
  try {
    await read(text, options);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics;
    throw e;
  }
  throw new Error("expected an InputError");
}

const HEADER = "interval_start,typology,channel,direction,volume,aht\n";

describe("readForecast", () => {
  it("reads the long format with ISO dates and infers a 30-minute interval", async () => {
    const { rows, summary } = await read(HEADER + "2026-11-23T08:00,information,phone,inbound,120,270\n2026-11-23T08:30,information,phone,inbound,130,4:30\n");
    expect(summary).toMatchObject({ rows: 2, queues: 1, intervalMin: 30, intervalFrom: "inferred", encoding: "utf-8", delimiter: "," });
    expect(rows[0]).toMatchObject({ line: 2, typology: "information", channel: "phone", direction: "inbound", channelClass: "sync", volume: 120, ahtSec: 270, intervalMin: 30 });
    expect(rows[1]!.startMin - rows[0]!.startMin).toBe(30);
  });

  it("reads a French export: ;, decimal comma, dd/mm/yyyy, French headers and labels, Windows-1252, CRLF", async () => {
    const text = "Début;Motif;Canal;Sens;Appels;DMT\r\n23/11/2026 08:00;réclamation;Téléphone;entrant;12,5;4:30\r\n";
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0))); // é is 0xE9 in Windows-1252 as in Latin-1
    const { rows, summary } = await read([bytes]);
    expect(summary.encoding).toBe("windows-1252");
    expect(rows[0]).toMatchObject({ typology: "réclamation", channel: "phone", direction: "inbound", volume: 12.5, ahtSec: 270 });
  });

  it("reads a date column plus a time column", async () => {
    const { rows } = await read("date,time,typology,channel,volume,aht\n2026-11-23,08:15,info,chat,10,300\n", { intervalMin: 15 });
    expect(rows[0]!.startMin % 1440).toBe(8 * 60 + 15);
  });

  it("classes channels: email async, outbound rows outbound", async () => {
    const { rows } = await read(HEADER + "2026-11-23T08:00,information,email,inbound,50,400\n2026-11-23T08:00,collections,phone,outbound,30,200\n");
    expect(rows.map((r) => r.channelClass)).toEqual(["async", "outbound"]);
  });

  it("reports a missing column, then stops", async () => {
    const d = await problems("interval_start,typology,volume,aht\n2026-11-23T08:00,a,1,1\n");
    expect(d.map((x) => [x.code, x.line])).toEqual([["CSV_MISSING_COLUMN", 1]]);
    expect(d[0]!.message).toMatch(/missing column channel/);
  });

  it("names a blank cell's column as the file writes it (Heure, Motif), and a missing start with the names it is accepted under", async () => {
    const d = await problems("Date;Heure;Motif;Canal;Appels;DMT\n23/11/2026;;réclamation;Téléphone;12;270\n23/11/2026;08:30;;Téléphone;12;270\n", { intervalMin: 30 });
    expect(d.map((x) => [x.code, x.line, x.column, x.field, x.message])).toEqual([
      ["INPUT_MISSING_VALUE", 2, 2, "Heure", "Heure is blank: expected a value"],
      ["INPUT_MISSING_VALUE", 3, 3, "Motif", "Motif is blank: expected a value"],
    ]);
    const start = await problems("Motif;Canal;Appels;DMT\nréclamation;Téléphone;12;270\n");
    expect(start[0]!.message).toBe(
      "missing column interval_start (or start, datetime, date_time, timestamp, interval, debut…): expected interval_start, or a date column (date, jour, day) and a time column (time, heure, start_time, time_of_day…)",
    );
  });

  it("reports an unknown channel, a negative volume, AHT 0 and a bad date with line and column", async () => {
    const d = await problems(
      HEADER +
        "2026-11-23T08:00,a,pigeon,inbound,1,1\n" +
        "2026-11-23T08:00,a,phone,inbound,-5,1\n" +
        "2026-11-23T08:00,a,chat,inbound,5,0\n" +
        "2026-02-30T08:00,a,email,inbound,5,5\n",
    );
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([
      ["INPUT_UNKNOWN_CHANNEL", 2, 3],
      ["INPUT_NEGATIVE", 3, 5],
      ["INPUT_NOT_POSITIVE", 4, 6],
      ["INPUT_BAD_DATE", 5, 1],
    ]);
  });

  it("reports duplicate (interval, queue) rows and starts off the grid", async () => {
    const d = await problems(
      HEADER + "2026-11-23T08:00,a,phone,inbound,1,1\n2026-11-23T08:00,a,phone,inbound,2,1\n2026-11-23T08:10,a,phone,inbound,2,1\n",
      { intervalMin: 30 },
    );
    expect(d.map((x) => [x.code, x.line])).toEqual([
      ["INPUT_DUPLICATE_ROW", 3],
      ["INPUT_OFF_GRID", 4],
    ]);
  });

  it("reports an empty file and a binary file", async () => {
    expect((await problems(""))[0]!.code).toBe("CSV_EMPTY");
    try {
      await read([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0])]);
      expect.fail("no error");
    } catch (e) {
      expect((e as InputError).diagnostics[0]!.code).toBe("CSV_BINARY");
    }
  });

  it("refuses a line longer than 1 MiB spread over many chunks, without decoding it", async () => {
    const chunks = [enc(HEADER), ...Array.from({ length: 20 }, () => enc("9".repeat(100_000)))];
    try {
      await read(chunks);
      expect.fail("no error");
    } catch (e) {
      expect((e as InputError).diagnostics[0]).toMatchObject({ code: "CSV_LINE_TOO_LONG", line: 2 });
    }
  });

  it("gives the right line numbers across chunks, blank lines and quoted multi-line fields", async () => {
    const text = HEADER + "\n2026-11-23T08:00,\"multi\nline\",phone,inbound,1,1\n2026-11-23T08:00,b,phone,inbound,-1,1\n";
    const d = await problems(text);
    expect(d[0]).toMatchObject({ code: "INPUT_NEGATIVE", line: 5 });
    const bytes = enc(HEADER + "2026-11-23T08:00,a,phone,inbound,1,1\n2026-11-23T08:30,a,phone,inbound,x,1\n");
    const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    try {
      await read(pieces);
      expect.fail("no error");
    } catch (e) {
      expect((e as InputError).diagnostics[0]).toMatchObject({ code: "INPUT_NOT_A_NUMBER", line: 3, column: 5 });
    }
  });

  it("stops after maxProblems problems", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `2026-11-23T08:00,q${i},phone,inbound,-1,1`).join("\n");
    expect(await problems(HEADER + rows, { maxProblems: 5 })).toHaveLength(5);
    expect(await problems(HEADER + rows)).toHaveLength(50);
  });
});

describe("readForecast row targets", () => {
  it("reads 80/20 in sl_target, and reports it beside a different sl_seconds as INPUT_CONFLICT (like erlang --input)", async () => {
    const head = "interval_start,typology,channel,volume,aht,sl_target,sl_seconds\n";
    const { rows } = await read(head + "2026-11-23T08:00,a,phone,10,180,80/20,\n", { intervalMin: 30 });
    expect(rows[0]!.targets).toMatchObject({ serviceLevel: 0.8, answerWithinSec: 20 });
    const d = await problems(head + "2026-11-23T08:00,a,phone,10,180,80/20,30\n", { intervalMin: 30 });
    expect(d[0]).toMatchObject({ code: "INPUT_CONFLICT", line: 2, column: 6 });
    expect(d[0]!.message).toBe("sl_target: 80/20 says 20 s but sl_seconds says 30 s: expected one threshold");
  });
});
