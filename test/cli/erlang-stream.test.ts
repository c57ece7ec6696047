import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { binEnv } from "../helpers/bin-env.js";
import { runCli } from "../helpers/fake-io.js";

const bin = "bin/ccplan.js";
const dir = mkdtempSync(join(tmpdir(), "ccplan-erlang-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Batch files and their outputs as the code before streaming wrote them
 * (test/cli/erlang-batch/expected, made by the build of that code): the
 * fixture batch as CSV, as a workbook, in UTF-16, the French export, and
 * mixed.csv — Erlang A (short and long patience, abandonment-only), chat
 * concurrency, unreachable targets (more than the five named on stderr),
 * zero and tiny volumes, ids with quotes, delimiters, accents and a
 * date-time, cells written as 80%, 80/20, 3:00, 3min, 1e2, with spaces,
 * and 1,000 seeded random rows.
 */
const BATCHES = [
  "fixtures/erlang-cases.csv",
  "fixtures/erlang-cases-fr.csv",
  "fixtures/erlang-cases.xlsx",
  "fixtures/traps/batch-unicode-text-utf16le.csv",
  "test/cli/erlang-batch/mixed.csv",
];
const expected = (input: string, locale: string, format: string) => `test/cli/erlang-batch/expected/${basename(input).replace(/\./g, "-")}.${locale}.${format}`;

describe("ccplan erlang --input streams, with the bytes of the whole-file code", () => {
  for (const input of BATCHES) {
    for (const locale of ["en", "fr"]) {
      for (const format of ["csv", "json"]) {
        it(`${input}, --format ${format}, --locale ${locale}: stdout and stderr as before`, async () => {
          const r = await runCli(["erlang", "--input", input, "--format", format, "--locale", locale]);
          expect(r.code).toBe(0);
          expect(r.stdout).toBe(readFileSync(expected(input, locale, format), "utf8"));
          expect(r.stderr).toBe(readFileSync(expected(input, locale, format) + ".stderr", "utf8"));
        });
      }
    }
  }

  it("the same bytes through --out FILE, through stdin (--input -) and from the real process", () => {
    for (const input of ["test/cli/erlang-batch/mixed.csv", "fixtures/erlang-cases.xlsx"]) {
      for (const format of ["csv", "json"]) {
        const want = readFileSync(expected(input, "en", format));
        const out = join(dir, `out.${format}`);
        const r = spawnSync(process.execPath, [bin, "erlang", "--input", input, "--format", format, "--out", out, "--quiet"], { env: binEnv() });
        expect(r.status).toBe(0);
        expect(readFileSync(out).equals(want)).toBe(true);
        const piped = execFileSync(process.execPath, [bin, "erlang", "--input", "-", "--format", format], { input: readFileSync(input), env: binEnv(), maxBuffer: 1 << 26 });
        expect(piped.equals(want)).toBe(true);
      }
    }
  });
});

/** A batch of `good` rows (each a little different), then `tail` lines. */
function bigBatch(file: string, good: number, tail = ""): void {
  const fd = openSync(file, "w");
  let text = "id,volume,aht,interval_minutes,sl_target,sl_seconds\n";
  for (let i = 0; i < good; i++) {
    text += `q${i},${100 + (i % 500) / 4},${120 + (i % 97)},30,0.8,20\n`;
    if (text.length > 1 << 20) {
      writeSync(fd, text);
      text = "";
    }
  }
  writeSync(fd, text + tail);
  closeSync(fd);
}

describe("a bad row found late", () => {
  const file = join(dir, "late-bad.csv");
  // 120,000 good rows (about 40 MB of JSON: more than stdout's 8 MB held in memory), then two bad ones
  bigBatch(file, 120_000, "late-1,-5,180,30,0.8,20\nlate-2,100,0,30,0.8,20\n");

  it("--out: no file is written, an old file is left as it was, no temporary file stays; every bad row is reported, exit 2", () => {
    const out = join(dir, "report.json");
    const r = spawnSync(process.execPath, [bin, "erlang", "--input", file, "--format", "json", "--out", out], { encoding: "utf8", env: binEnv() });
    expect(r.status).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(r.stderr.split("\n").filter(Boolean)).toEqual([
      `${file}:120002:2: error INPUT_NEGATIVE volume: got "-5", expected a number >= 0`,
      `${file}:120003:3: error INPUT_NOT_POSITIVE aht: got "0", expected a duration > 0 s`,
    ]);
    writeFileSync(out, "the old report\n");
    const again = spawnSync(process.execPath, [bin, "erlang", "--input", file, "--format", "csv", "--out", out], { encoding: "utf8", env: binEnv() });
    expect(again.status).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("the old report\n");
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("stdout: nothing of the report (with --format json, the diagnostics document alone), and no spool file left", () => {
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith("ccplan-report-")).length;
    const r = spawnSync(process.execPath, [bin, "erlang", "--input", file, "--format", "json"], { encoding: "utf8", env: binEnv(), maxBuffer: 1 << 27 });
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(["schemaVersion", "diagnostics"]);
    expect(doc.diagnostics.map((d: { line: number; column: number }) => [d.line, d.column])).toEqual([
      [120002, 2],
      [120003, 3],
    ]);
    const csv = spawnSync(process.execPath, [bin, "erlang", "--input", file, "--format", "csv"], { encoding: "utf8", env: binEnv(), maxBuffer: 1 << 27 });
    expect(csv.status).toBe(2);
    expect(csv.stdout).toBe("");
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith("ccplan-report-")).length).toBe(before);
  });

  it("a good batch larger than stdout's 8 MB in memory comes out whole through the spool, equal to --out", () => {
    const good = join(dir, "good.csv");
    bigBatch(good, 100_000);
    const out = join(dir, "good.json");
    const viaFile = spawnSync(process.execPath, [bin, "erlang", "--input", good, "--format", "json", "--out", out, "--quiet"], { env: binEnv() });
    expect(viaFile.status).toBe(0);
    const viaStdout = spawnSync(process.execPath, [bin, "erlang", "--input", good, "--format", "json"], { env: binEnv(), maxBuffer: 1 << 28 });
    expect(viaStdout.status).toBe(0);
    expect(viaStdout.stdout.length).toBeGreaterThan(8 << 20);
    expect(viaStdout.stdout.equals(readFileSync(out))).toBe(true);
    const rows = JSON.parse(viaStdout.stdout.toString("utf8")).rows;
    expect(rows).toHaveLength(100_000);
    expect(rows[99_999]).toMatchObject({ line: 100_001, id: "q99999" });
  });
});

describe("any row count", () => {
  it(
    "a JSON batch of 1.5 million rows completes (the whole-file code died at ~1.1 M with 'Invalid string length'), in flat memory",
    () => {
      const file = join(dir, "rows-1500k.csv");
      bigBatch(file, 1_500_000);
      const out = join(dir, "rows-1500k.json");
      const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, bin, "erlang", "--input", file, "--format", "json", "--out", out, "--quiet"], { encoding: "utf8", env: binEnv() });
      expect(r.status).toBe(0);
      const peakKb = Number(r.stderr.trim().split("\n").pop());
      expect(peakKb).toBeLessThan(250 * 1024); // the whole-file code took 2 GB at 1 M rows
      expect(statSync(out).size).toBeGreaterThan(512 * 2 ** 20); // past V8's longest string: never one string
      // the end of the document: the last row, then the closing
      const fd = openSync(out, "r");
      const tail = Buffer.alloc(600);
      const size = statSync(out).size;
      readSync(fd, tail, 0, 600, size - 600);
      closeSync(fd);
      const last = tail.toString("utf8").split("\n").slice(-3);
      expect(last[2]).toBe("");
      expect(last[1]).toBe("]}");
      expect(JSON.parse(last[0]!)).toMatchObject({ line: 1_500_001, id: "q1499999", feasible: true });
      rmSync(out);
      rmSync(file);
    },
    240_000,
  );
});
