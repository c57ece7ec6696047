import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands.js";
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
  const lines = [...new Set(readFileSync(out, "utf8").split("\n").filter((l) => l !== ""))];
  const files = [
    ...new Set(
      lines
        .filter((m) => !m.startsWith("bundle:"))
        .map((m) => (m.startsWith("file://") ? fileURLToPath(m) : m))
        .map((m) => (m.startsWith(root) ? m.slice(root.length) : m)),
    ),
  ];
  const asDist = (source: string) => source.replace(/^src\/(.*)\.ts$/, "dist/$1.js");
  // a module the CommonJS bundle evaluated ("bundle:src/x.ts") as dist/x.js, node_modules/… as is;
  // a file of the ES module bundle stands for every source it holds (scripts/bundle.mjs's meta.json)
  const evaluated = lines.filter((m) => m.startsWith("bundle:")).map((m) => asDist(m.slice("bundle:".length)));
  const modules = [
    ...files.flatMap((m) => (m.startsWith("dist/bundle/") && m.endsWith(".js") ? [m, ...(bundleMeta()[m.slice("dist/bundle/".length)] ?? []).map(asDist)] : [m])),
    ...evaluated,
  ];
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

  it("runs the command's own file of the bundle (dist/bundle/cli-erlang.cjs, as npm run build leaves it), nothing else of dist", () => {
    const r = load(["erlang", "--volume", "100", "--aht", "180"]);
    expect(r.files.filter((f) => f.startsWith("dist/"))).toEqual(["dist/bundle/cli-erlang.cjs"]);
    expect(r.dist).toContain("cli/erlang.js"); // evaluated, as the bundle tells
    // the file holds erlang's code and none of the other commands'
    const held = bundleMeta()["cli-erlang.cjs"]!;
    expect(held).toContain("src/cli/erlang.ts");
    for (const m of otherCommands("erlang")) expect(held).not.toContain(m.replace(/^cli\/(.*)\.js$/, "src/cli/$1.ts"));
  });

  it("help, and a command after `--` or a help flag, run the file that knows every command (dist/bundle/cli.cjs)", () => {
    for (const argv of [["--help"], ["--help", "erlang"], ["pln"]]) {
      expect(load(argv).files.filter((f) => f.startsWith("dist/")), argv.join(" ")).toEqual(["dist/bundle/cli.cjs"]);
    }
  });

  it("--version and -V load nothing but bin/ccplan.js (no commander, no dist) and print package.json's version", () => {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      const r = load([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
      expect(r.files.filter((m) => !m.startsWith("node:") && m !== "bin/package.json")).toEqual(["bin/ccplan.js"]);
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

describe("bin/ccplan.js's choice of a command's own file (bin/command-word.js)", () => {
  const { commandWord } = createRequire(import.meta.url)("../../bin/command-word.js") as { commandWord: (argv: string[]) => string | undefined };
  const names = COMMANDS.map(([n]) => n);
  const word = fc.constantFrom(...names, "help", "pln", "--", "--help", "-h", "-qh", "-q", "--quiet", "--debug", "--no-color", "--locale", "fr", "-V", "--volume", "100", "f.csv", "Plan", "");

  it("names a command exactly when commandToLoad would load that command alone (else the file of every command runs)", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), (argv) => {
        const w = commandWord(argv);
        if (w !== undefined && names.includes(w)) expect(commandToLoad(argv)).toBe(w);
        else expect(commandToLoad(argv)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it("is never fooled into a command's file by what follows the command", () => {
    expect(commandWord(["erlang", "--help"])).toBe("erlang");
    expect(commandWord(["-q", "plan", "f.csv"])).toBe("plan");
    expect(commandWord(["--help", "plan"])).toBeUndefined();
    expect(commandWord(["--", "plan"])).toBeUndefined();
  });
});

describe("the code cache beside each file of the bundle", () => {
  it("one that V8 refuses (corrupt, or written by another Node) only costs the compiling: the same output, exit 0", () => {
    // a copy of the installed layout, so that the real dist/ is left alone
    const copy = mkdtempSync(join(dir, "copy-"));
    cpSync(join(root, "bin"), join(copy, "bin"), { recursive: true });
    mkdirSync(join(copy, "dist/bundle"), { recursive: true });
    for (const f of ["cli-erlang.cjs", "cli-erlang.cjs.cache"]) copyFileSync(join(root, "dist/bundle", f), join(copy, "dist/bundle", f));
    copyFileSync(join(root, "package.json"), join(copy, "package.json"));
    symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
    const args = ["erlang", "--volume", "100", "--aht", "180"];
    const run = (bin: string) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: binEnv({}) });
    const expected = run(join(root, "bin/ccplan.js"));
    expect(expected.status).toBe(0);
    expect(run(join(copy, "bin/ccplan.js")).stdout).toBe(expected.stdout);
    writeFileSync(join(copy, "dist/bundle/cli-erlang.cjs.cache"), Buffer.alloc(4096, 7));
    const refused = run(join(copy, "bin/ccplan.js"));
    expect(refused.status).toBe(0);
    expect(refused.stderr).toBe("");
    expect(refused.stdout).toBe(expected.stdout);
  });
});
