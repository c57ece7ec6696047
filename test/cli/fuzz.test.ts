import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";

// Mutated real exports, run through the CLI in-process: ccplan answers (0),
// flags a failed check (1) or refuses the input (2) — never exit 70, never a
// hang, never a partial --out. Seeded like every property test
// (test/setup-fast-check.ts); FC_SEED=<n> explores other cases. A failure
// prints the seed, the path and the shrunk input: keep them in the bug report.

/** Odd cell values planners' exports and typos produce. */
const ODD_VALUES = [
  // plausible-looking numbers that take the planner to its limits
  "1",
  "5",
  "0.001",
  "1e6",
  "99999",
  "100000",
  "86400",
  "1e-9",
  "",
  "-1",
  "0",
  "-0",
  "1e400",
  "-1e400",
  "1e-400",
  "NaN",
  "Infinity",
  "24:00",
  "99:99",
  "6:07",
  "99/99/2026",
  "2026-02-30T25:61",
  "31/12/9999",
  "0001-01-01",
  "1.234",
  "1,5",
  "4,5",
  "100%",
  "101%",
  "80/20",
  "1/0",
  "9999999999",
  "0.0000001",
  "x".repeat(5000),
  '"',
  '""',
  '"a,b"',
  "\u0000",
  "\u001b[31mred",
  "\u202e",
  "\t",
  " ",
  "٣",
  "é",
  "&a [*a, *a]",
  "{",
  "- - -",
];

/** Bytes a flip may write: separators, quotes, line ends, NUL, high bytes, digits. */
const FLIP_BYTES = [0x00, 0x09, 0x0a, 0x0d, 0x20, 0x22, 0x27, 0x2c, 0x2d, 0x2e, 0x30, 0x39, 0x3a, 0x3b, 0x7f, 0x80, 0xc3, 0xe9, 0xef, 0xff];

type Mutation =
  | { kind: "flip"; at: number; byte: number }
  | { kind: "truncate"; at: number }
  | { kind: "delete-line"; at: number }
  | { kind: "duplicate-line"; at: number }
  | { kind: "swap-lines"; at: number; with: number }
  | { kind: "cell"; line: number; column: number; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.oneof(fc.constantFrom(...FLIP_BYTES), fc.integer({ min: 0, max: 255 })) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("delete-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap-lines" as const), at: fc.nat(), with: fc.nat() }),
  // cells are the likeliest typos: weigh them up
  { arbitrary: fc.record({ kind: fc.constant("cell" as const), line: fc.nat(), column: fc.nat(), value: fc.constantFrom(...ODD_VALUES) }), weight: 4 },
);

/**
 * Apply a mutation to a file's bytes. Text is handled as latin1 (one char a
 * byte), so a flip lands on any byte and a cell keeps the file's encoding;
 * cell values are written as UTF-8 bytes.
 */
function mutate(bytes: Buffer, m: Mutation, yaml: boolean): Buffer {
  if (bytes.length === 0) return bytes;
  if (m.kind === "flip") {
    const out = Buffer.from(bytes);
    out[m.at % out.length] = m.byte;
    return out;
  }
  if (m.kind === "truncate") return bytes.subarray(0, m.at % bytes.length);
  const lines = bytes.toString("latin1").split("\n");
  const k = (n: number) => n % lines.length;
  if (m.kind === "delete-line") lines.splice(k(m.at), 1);
  else if (m.kind === "duplicate-line") lines.splice(k(m.at), 0, lines[k(m.at)]!);
  else if (m.kind === "swap-lines") [lines[k(m.at)], lines[k(m.with)]] = [lines[k(m.with)]!, lines[k(m.at)]!];
  else {
    const value = Buffer.from(m.value, "utf8").toString("latin1");
    const n = k(m.line);
    const line = lines[n]!;
    if (yaml) {
      // a scalar after "key: " (or the whole line when it has none)
      const colon = line.indexOf(": ");
      lines[n] = colon < 0 ? value : line.slice(0, colon + 2) + value;
    } else {
      const separator = lines[0]!.includes(";") ? ";" : ",";
      const cells = line.split(separator);
      cells[m.column % cells.length] = value;
      lines[n] = cells.join(separator);
    }
  }
  return Buffer.from(lines.join("\n"), "latin1");
}

/** The first `count` lines of a file (its header and rows). */
function head(path: string, count: number): Buffer {
  const text = readFileSync(path, "latin1");
  return Buffer.from(text.split("\n").slice(0, count).join("\n") + "\n", "latin1");
}

let dir: string;
let shortForecast: string;
/** The files mutated, and how each is run: its arguments with the mutated file at `FILE` and the output at `OUT`. */
let subjects: { name: string; bytes: Buffer; yaml: boolean; runs: string[][] }[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ccplan-fuzz-"));
  shortForecast = join(dir, "short.csv");
  writeFileSync(shortForecast, head("fixtures/forecast-week.csv", 300));
  const scenario = "fixtures/scenarios/gaps-two-sites.yaml";
  subjects = [
    {
      name: "forecast.csv",
      bytes: head("fixtures/forecast-week.csv", 300),
      yaml: false,
      runs: [
        ["plan", "FILE", "--format", "csv", "--out", "OUT"],
        ["plan", "FILE", "--scenario", "fixtures/scenarios/org-polyvalent.yaml", "--format", "json", "--out", "OUT"],
        ["plan", "FILE", "--report", "intervals", "--format", "csv", "--out", "OUT"],
        ["validate", "FILE"],
        ["gaps", "FILE", "--roster", "fixtures/roster.csv", "--scenario", scenario, "--format", "json", "--out", "OUT"],
        ["compare", "FILE", "--scenario", "fixtures/scenarios/sourcing-hybrid.yaml", "--volume-factor", "FACTOR", "--aht-factor", "FACTOR", "--format", "csv", "--out", "OUT"],
      ],
    },
    {
      name: "forecast-fr.csv",
      bytes: head("fixtures/forecast-week-fr.csv", 300),
      yaml: false,
      runs: [
        ["plan", "FILE", "--format", "json", "--out", "OUT"],
        ["plan", "FILE", "--report", "days", "--format", "csv", "--strict", "--out", "OUT"],
        ["validate", "FILE"],
      ],
    },
    {
      name: "roster.csv",
      bytes: readFileSync("fixtures/roster.csv"),
      yaml: false,
      runs: [
        ["gaps", shortForecast, "--roster", "FILE", "--scenario", scenario, "--format", "csv", "--out", "OUT"],
        ["validate", "FILE"],
      ],
    },
    {
      name: "erlang-cases.csv",
      bytes: readFileSync("fixtures/erlang-cases.csv"),
      yaml: false,
      runs: [
        ["erlang", "--input", "FILE", "--format", "csv", "--out", "OUT"],
        ["erlang", "--input", "FILE", "--format", "json", "--out", "OUT"],
        ["validate", "FILE"],
      ],
    },
    {
      name: "scenario.yaml",
      bytes: readFileSync("fixtures/scenarios/org-polyvalent.yaml"),
      yaml: true,
      runs: [
        ["plan", shortForecast, "--scenario", "FILE", "--format", "json", "--out", "OUT"],
        ["plan", shortForecast, "--scenario", "FILE", "--by", "tier", "--format", "csv", "--out", "OUT"],
        ["validate", "FILE"],
      ],
    },
    {
      name: "sites.yaml",
      bytes: readFileSync(scenario),
      yaml: true,
      runs: [
        ["gaps", shortForecast, "--roster", "fixtures/roster.csv", "--scenario", "FILE", "--format", "csv", "--out", "OUT"],
        ["compare", shortForecast, "--scenario", "FILE", "--volume-factor", "1.5", "--format", "json", "--out", "OUT"],
      ],
    },
  ];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What-if factors for compare: as forecast, plausible, and far past the models' limits (PLAN_LIMIT, exit 2). */
const FACTORS = ["1", "0.8", "1.3", "0.05", "20", "5000", "1e6"];

/** Most a single run may take, ms (a 300-row forecast plans in well under a second). */
const RUN_BOUND_MS = 5_000;

/** Whether a complete report of this format parses. */
function checkComplete(text: string, args: string[]): void {
  const format = args[args.indexOf("--format") + 1];
  expect(text.length).toBeGreaterThan(0);
  if (format === "json") JSON.parse(text);
  else if (format === "csv") parseCsv(text, { relax_column_count: false });
}

describe("fuzz: mutated fixture files through the CLI", () => {
  it("never exit 70, never a hang, never a partial --out", async () => {
    let run = 0;
    const codes = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (which, variant, mutations) => {
        const subject = subjects[which % subjects.length]!;
        const args0 = subject.runs[variant % subject.runs.length]!;
        const caseDir = join(dir, `case-${run++}`);
        rmSync(caseDir, { recursive: true, force: true });
        const { mkdirSync } = await import("node:fs");
        mkdirSync(caseDir);
        let bytes = subject.bytes;
        for (const m of mutations) bytes = mutate(bytes, m, subject.yaml);
        const input = join(caseDir, subject.name);
        writeFileSync(input, bytes);
        const out = join(caseDir, "out");
        const factor = FACTORS[(variant >> 4) % FACTORS.length]!;
        const args = ["--debug", ...args0.map((a) => (a === "FILE" ? input : a === "OUT" ? out : a === "FACTOR" ? factor : a))];
        const started = performance.now();
        const r = await runCli(args);
        const ms = performance.now() - started;
        codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
        if (process.env.FUZZ_STATS && r.code === 2) console.log("REFUSED", subject.name, mutations.map((m) => m.kind).join("+"), r.stderr.split("\n")[0]!.slice(0, 160));
        const what = `ccplan ${args.join(" ")} → exit ${r.code}\n${r.stderr.slice(0, 2000)}`;
        expect([0, 1, 2], what).toContain(r.code);
        expect(ms, what).toBeLessThan(RUN_BOUND_MS);
        expect(r.stderr, what).not.toMatch(/internal error|    at /);
        // --out: whole or nothing, and no temporary file beside it
        const left = readdirSync(caseDir).filter((f) => f !== subject.name);
        if (!args.includes("--out")) expect(left, what).toEqual([]);
        else if (r.code === 2) expect(left, what).toEqual([]);
        else {
          expect(left, what).toEqual(["out"]);
          checkComplete(readFileSync(out, "utf8"), args);
        }
        rmSync(caseDir, { recursive: true, force: true });
        expect(existsSync(caseDir)).toBe(false);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
    // the mutations must leave many files plannable, or the test only exercises the readers' refusals
    if (process.env.FUZZ_STATS) console.log(Object.fromEntries(codes));
    expect(codes.get(0) ?? 0).toBeGreaterThan(run / 10);
    expect(codes.get(2) ?? 0).toBeGreaterThan(run / 10);
  }, 120_000);
});
