import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers/diagnostics.js";
import { readErlangCases } from "../../src/read/erlang-cases.js";

const bytes = (s: string) => new TextEncoder().encode(s);
const read = (s: string) => readErlangCases(bytes(s), "cases.csv", { intervalMin: 30 });


describe("readErlangCases", () => {
  it("reads canonical columns, blank cells meaning no target, and the default interval", () => {
    const cases = read("volume,aht,sl_target,sl_seconds,asa_max\n100,3:00,80%,20,\n50,120,,,30\n");
    expect(cases).toHaveLength(2);
    expect(cases[0]).toMatchObject({ line: 2, queue: { volume: 100, ahtSec: 180, intervalMin: 30 }, targets: { serviceLevel: 0.8, answerWithinSec: 20 } });
    expect(cases[0]!.targets.maxAsaSec).toBeUndefined();
    expect(cases[1]!.targets).toMatchObject({ maxAsaSec: 30 });
    expect(cases[1]!.targets.serviceLevel).toBeUndefined();
  });

  it("accepts aliases (appels, DMT, NS) and an 80/20 cell", () => {
    const cases = read("Appels,DMT,NS\n100,180,80/20\n");
    expect(cases[0]!.targets).toMatchObject({ serviceLevel: 0.8, answerWithinSec: 20 });
  });

  it("reports every bad cell with its line and column", () => {
    const d = diagnosticsOf(() => read("volume,aht,sl_target,sl_seconds\n-5,180,0.8,20\n100,0,0.8,20\n100,180,120%,20\n"));
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([
      ["INPUT_NEGATIVE", 2, 1],
      ["INPUT_NOT_POSITIVE", 3, 2],
      ["INPUT_OUT_OF_RANGE", 4, 3],
    ]);
  });

  it("reports an unknown column, a duplicate column and a missing required column on line 1", () => {
    const d = diagnosticsOf(() => read("volume,calls,foo\n1,2,3\n"));
    expect(d.map((x) => [x.code, x.line, x.column ?? null])).toEqual([
      ["CSV_DUPLICATE_COLUMN", 1, 2],
      ["CSV_UNKNOWN_COLUMN", 1, 3],
      ["CSV_MISSING_COLUMN", 1, null],
    ]);
    expect(d[2]!.message).toMatch(/missing column aht/);
  });

  it("names a blank cell's column as the file writes it (Appels, DMT), and a missing column with the names it is accepted under", () => {
    const d = diagnosticsOf(() => read("Appels,DMT,NS\n,180,80/20\n100,,80/20\n"));
    expect(d.map((x) => [x.line, x.column, x.field, x.message])).toEqual([
      [2, 1, "Appels", "Appels is blank: expected a value"],
      [3, 2, "DMT", "DMT is blank: expected a value"],
    ]);
    const missing = diagnosticsOf(() => read("Appels,NS\n100,80/20\n"));
    expect(missing[0]!.message).toBe("missing column aht (or aht_s, aht_sec, handle_time, dmt, aht_seconds): expected a header with volume, aht");
  });

  it("requires a patience on rows with an abandonment target", () => {
    const d = diagnosticsOf(() => read("volume,aht,max_abandon,patience\n100,180,5%,\n"));
    expect(d[0]).toMatchObject({ code: "INPUT_NEEDS_PATIENCE", line: 2, column: 3 });
  });

  it("reads the French fixture (;, decimal comma, Windows-1252) like the English one", () => {
    const fr = readErlangCases(readFileSync("fixtures/erlang-cases-fr.csv"), "fr.csv", { intervalMin: 30 });
    expect(fr[1]).toMatchObject({ id: "complaints-été", queue: { volume: 62, ahtSec: 465, patienceSec: 90 }, targets: { serviceLevel: 0.8, maxAbandonRate: 0.05 } });
  });

  it("reads every line of the bad fixture into a diagnostic", () => {
    const d = diagnosticsOf(() => readErlangCases(readFileSync("fixtures/bad/erlang-bad.csv"), "bad.csv", { intervalMin: 30 }));
    expect(d.map((x) => x.code)).toEqual([
      "INPUT_NEGATIVE",
      "INPUT_NOT_POSITIVE",
      "INPUT_OUT_OF_RANGE",
      "INPUT_NOT_A_NUMBER",
      "INPUT_NEEDS_PATIENCE",
      "INPUT_BAD_DURATION",
    ]);
  });
});

describe("readErlangCases on whole rows", () => {
  it("refuses a row without any target (INPUT_NO_TARGET)", () => {
    const d = diagnosticsOf(() => read("volume,aht,patience\n100,180,300\n"));
    expect(d[0]).toMatchObject({ code: "INPUT_NO_TARGET", line: 2 });
  });

  it("refuses 80/20 in sl_target beside a different sl_seconds (INPUT_CONFLICT)", () => {
    const d = diagnosticsOf(() => read("volume,aht,sl_target,sl_seconds\n100,180,80/20,60\n"));
    expect(d[0]).toMatchObject({ code: "INPUT_CONFLICT", line: 2, column: 3 });
  });

  it("refuses a load above 100,000 Erlangs and a concurrency above 100, and takes any patience (111 × AHT here)", () => {
    const d = diagnosticsOf(() => read("volume,aht,sl,patience,concurrency\n1e17,180,80/20,,\n100,180,80/20,20000,\n100,180,80/20,,500\n"));
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([
      ["INPUT_OUT_OF_RANGE", 2, 1],
      ["INPUT_OUT_OF_RANGE", 4, 5],
    ]);
  });

  it("refuses a number that overflows to Infinity", () => {
    const d = diagnosticsOf(() => read("volume,aht,sl\n1e400,180,80/20\n"));
    expect(d[0]).toMatchObject({ code: "INPUT_OUT_OF_RANGE", line: 2, column: 1 });
    expect(d[0]!.message).toMatch(/expected a finite number/);
  });

  it("ignores a nameless trailing column (a trailing delimiter in a spreadsheet export)", () => {
    expect(read("volume;aht;sl;\r\n100;180;80/20;\r\n")[0]!.queue.volume).toBe(100);
  });

  it("reports a quoted multi-line record at the line it starts on", () => {
    const d = diagnosticsOf(() => read('volume,aht,sl\n"100",180,80/20\n"1\n00",180,80/20\n'));
    expect(d[0]).toMatchObject({ code: "INPUT_NOT_A_NUMBER", line: 3, column: 1 });
  });
});

describe("readErlangCases: files that are not a batch", () => {
  it("refuses a header without rows (blank lines are no rows) with CSV_NO_DATA", () => {
    const d = diagnosticsOf(() => readErlangCases(readFileSync("fixtures/traps/batch-header-only.csv"), "batch-header-only.csv", { intervalMin: 30 }));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: "CSV_NO_DATA", file: "batch-header-only.csv", line: 1 });
    expect(d[0]!.message).toBe("no data rows: the header on line 1 is followed by nothing but blank lines, expected one row per queue");
  });

  it("names line 4, field 1 for a quote opened there and never closed", () => {
    const d = diagnosticsOf(() => readErlangCases(readFileSync("fixtures/traps/batch-unclosed-quote.csv"), "q.csv", { intervalMin: 30 }));
    expect(d[0]).toMatchObject({ code: "CSV_SYNTAX", line: 4, column: 1 });
    expect(d[0]!.message).toMatch(/^CSV syntax: the quote that opens field 1 is never closed: got "\\"big queue,1000/);
  });

  it("says that a forecast or a roster is not a batch (CSV_WRONG_KIND), with the command that reads it", () => {
    const forecast = diagnosticsOf(() => readErlangCases(readFileSync("fixtures/forecast-week.csv"), "fixtures/forecast-week.csv", { intervalMin: 30 }));
    expect(forecast).toHaveLength(1);
    expect(forecast[0]).toMatchObject({ code: "CSV_WRONG_KIND", line: 1 });
    expect(forecast[0]!.message).toBe(
      "this looks like a forecast (interval_start, typology, channel, volume, aht), not an erlang batch: use ccplan plan fixtures/forecast-week.csv",
    );
    const roster = diagnosticsOf(() => readErlangCases(readFileSync("fixtures/roster.csv"), "r.csv", { intervalMin: 30 }));
    expect(roster[0]).toMatchObject({ code: "CSV_WRONG_KIND" });
    expect(roster[0]!.message).toMatch(/^this looks like a roster .*: use ccplan gaps FORECAST --roster r\.csv$/);
  });

  it("reads Excel's Unicode text (UTF-16LE, tabs) like the same batch in UTF-8", () => {
    const utf16 = readErlangCases(readFileSync("fixtures/traps/batch-unicode-text-utf16le.csv"), "u.csv", { intervalMin: 30 });
    const utf8 = readErlangCases(readFileSync("fixtures/erlang-cases.csv"), "u.csv", { intervalMin: 30 });
    expect(utf16).toEqual(utf8);
    expect(utf16).toHaveLength(15);
  });
});
