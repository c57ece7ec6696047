import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { commandToLoad } from "../../src/cli/main.js";
import { binEnv } from "../helpers/bin-env.js";

// What a run of the real binary loads (start-up cost is mostly loading: SPEC's start-up bullet of issue 15).
// Asserted as modules, not milliseconds: bench/startup.js measures the time.

const root = fileURLToPath(new URL("../..", import.meta.url));
const recorder = join(root, "test/helpers/module-recorder.mjs");
const dir = mkdtempSync(join(tmpdir(), "ccplan-startup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Loaded {
  stdout: string;
  status: number | null;
  /** The files the process loaded, relative to the repository (node:… for built-ins). */
  files: string[];
  /** Every module the process loaded: the files, and for a file of the bundle the sources it holds. */
  modules: string[];
  /** The packages of node_modules among them. */
  packages: Set<string>;
  /** The compiled files of dist/ among them (cli/main.js, …). */
  dist: Set<string>;
}

/** Which sources each file of dist/bundle/ holds (written by scripts/bundle.mjs). */
let meta: Record<string, string[]> | undefined;
const bundleMeta = () => (meta ??= JSON.parse(readFileSync(join(root, "dist/bundle/meta.json"), "utf8")) as Record<string, string[]>);

let runs = 0;
function load(args: string[], env: Record<string, string> = {}): Loaded {
  const out = join(dir, `modules-${++runs}.txt`);
  const r = spawnSync(process.execPath, ["--import", recorder, "bin/ccplan.js", ...args], { cwd: root, encoding: "utf8", env: binEnv({ ...env, CCPLAN_MODULES_OUT: out }) });
  const files = [...new Set(readFileSync(out, "utf8").split("\n").filter((l) => l !== ""))]
    .map((m) => (m.startsWith("file://") ? fileURLToPath(m) : m))
    .map((m) => (m.startsWith(root) ? m.slice(root.length) : m));
  // a file of the bundle stands for the sources it holds (scripts/bundle.mjs): src/x.ts as dist/x.js, node_modules/… as is
  const modules = files.flatMap((m) => (m.startsWith("dist/bundle/") ? [m, ...(bundleMeta()[m.slice("dist/bundle/".length)] ?? []).map((s) => s.replace(/^src\/(.*)\.ts$/, "dist/$1.js"))] : [m]));
  const packages = new Set(modules.flatMap((m) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m)?.[1] ?? []));
  const dist = new Set(modules.flatMap((m) => /^dist\/(.*)$/.exec(m)?.[1] ?? []));
  return { stdout: r.stdout, status: r.status, files, modules, packages, dist };
}

/** Packages that only some commands need: a table, a scenario, a workbook, the shift solver, legacy encodings, colour. */
const HEAVY = ["cli-table3", "zod", "yaml", "exceljs", "highs", "iconv-lite", "chalk", "cli-progress", "csv-stringify"];
/** The command modules other than `keep`. */
const otherCommands = (keep: string) => ["plan", "shifts", "compare", "gaps", "erlang", "validate", "init"].filter((c) => c !== keep).map((c) => `cli/${c}.js`);

describe("start-up: what a command loads", () => {
  it("the recorder sees what a run loads: a scenario brings yaml and zod, forced colour chalk", () => {
    const withScenario = load(["plan", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/in-house.yaml", "--format", "json"]);
    expect(withScenario.status).toBe(0);
    expect(withScenario.packages).toContain("yaml");
    expect(withScenario.packages).toContain("zod");
    const coloured = load(["erlang", "--volume", "100", "--aht", "180"], { FORCE_COLOR: "1" });
    expect(coloured.stdout).toContain("\u001b[");
    expect(coloured.packages).toContain("chalk");
  });

  it("runs the bundle (dist/bundle/, as npm run build leaves it), not ~50 files of dist/cli", () => {
    const r = load(["erlang", "--volume", "100", "--aht", "180"]);
    expect(r.files).toContain("dist/bundle/main.js");
    expect(r.files.filter((f) => f.startsWith("dist/") && !f.startsWith("dist/bundle/"))).toEqual([]);
    expect(r.dist).toContain("cli/erlang.js"); // as the bundle's meta.json tells
  });

  it("--version and -V load nothing but bin/ccplan.js (no commander, no dist) and print package.json's version", () => {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      const r = load([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
      expect(r.files.filter((m) => !m.startsWith("node:"))).toEqual(["bin/ccplan.js"]);
    }
  });

  it("a one-row erlang loads commander and its own modules only: no other command, no table library, scenario, workbook, solver or chalk", () => {
    for (const format of ["table", "json", "csv"]) {
      const r = load(["erlang", "--volume", "100", "--aht", "180", "--format", format]);
      expect(r.status, format).toBe(0);
      expect(r.stdout, format).toMatch(/14/);
      expect(r.packages, format).toContain("commander");
      for (const p of HEAVY) expect(r.packages, `${format}: ${p}`).not.toContain(p);
      for (const m of otherCommands("erlang")) expect(r.dist, `${format}: ${m}`).not.toContain(m);
      for (const m of ["read/scenario-read.js", "plan/plan.js", "read/forecast-read.js"]) expect(r.dist, `${format}: ${m}`).not.toContain(m);
    }
  });

  it("plan --format json without a scenario loads neither yaml nor zod, nor a table library, workbook, solver or chalk", () => {
    const r = load(["plan", "fixtures/forecast-week.csv", "--format", "json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toBeTypeOf("object");
    for (const p of HEAVY) expect(r.packages, p).not.toContain(p);
    // plan's --shifts options and their defaults live in cli/shifts.js: that one module comes along
    for (const m of otherCommands("plan").filter((m) => m !== "cli/shifts.js")) expect(r.dist, m).not.toContain(m);
  });

  it("help and a misspelt command still know every command (they load them all)", () => {
    const help = load(["--help"]);
    expect(help.status).toBe(0);
    for (const c of ["plan", "shifts", "compare", "gaps", "erlang", "validate", "init"]) expect(help.stdout).toMatch(new RegExp(`^  ${c}\\b`, "m"));
    for (const m of otherCommands("")) expect(help.dist).toContain(m);
  });
});

describe("commandToLoad(argv): the one command module a run needs", () => {
  it("names the command when commander will surely run it, after any global options", () => {
    expect(commandToLoad(["erlang", "--volume", "100"])).toBe("erlang");
    expect(commandToLoad(["--no-color", "-q", "--debug", "plan", "f.csv", "--help"])).toBe("plan");
    expect(commandToLoad(["validate", "help"])).toBe("validate");
  });

  it("loads every command for help, version, an unknown or misspelt command, `--` and no command", () => {
    for (const argv of [[], ["--help"], ["-h"], ["help"], ["help", "plan"], ["--help", "plan"], ["-qh", "plan"], ["pln"], ["--", "plan"], ["-V"], ["--bogus"]]) {
      expect(commandToLoad(argv), argv.join(" ")).toBeUndefined();
    }
  });
});
