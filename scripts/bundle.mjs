// Bundles the CLI for start-up (npm run build runs it after tsc) into dist/bundle/:
// - each worker thread's script (src/cli/*-worker.ts) as an ES module, with
//   shared chunks split at every dynamic import;
// - each command as one CommonJS file (below), which bin/ccplan.js runs when
//   it is at least as new as dist/cli/main.js (else tsc's output as it is).
//
// Debuggable: a source map beside each file maps it back to src/*.ts (node
// --enable-source-maps, or `ccplan --debug`, which turns them on), names kept.
// dist/bundle/meta.json says which sources each file holds (test/cli/startup.test.ts).
//
// Each command also gets one CommonJS file, dist/bundle/cli-COMMAND.cjs (and
// dist/bundle/cli.cjs for help and every other case), holding main.ts with that
// command alone and all it may need, each module evaluated only when first
// imported. bin/ccplan.js runs it through node:vm with a V8 code cache written
// here (cli-COMMAND.cjs.cache, by running a typical command once): no parsing or
// compiling of what the cache holds, no ES module loader. These files are
// minified (whitespace and syntax; names kept): --debug maps them back.
// Node 20 has no compile cache of its own for modules (module.enableCompileCache
// is Node 22).
// The worker threads run the ES module bundle (new Worker takes a URL).
//
// Bundled: our code and the small pure-JS packages. Left to node_modules:
// packages that find files of their own at run time (highs' WebAssembly) or
// that only a workbook, a legacy encoding or a progress bar need (exceljs,
// iconv-lite, cli-progress, loaded with createRequire).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist/bundle");
const workers = readdirSync(join(root, "src/cli")).filter((f) => f.endsWith("-worker.ts"));

rmSync(outdir, { recursive: true, force: true });
/**
 * commander requires node:child_process when loaded (for subcommands that are
 * executables, which ccplan has none of); with it come net, dgram and the
 * streams, a tenth of a one-row erlang's start-up. It gets a stand-in that
 * requires the real module at its first use.
 */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: "child_process", namespace: "lazy-child-process" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-child-process" }, () => ({
      contents: 'let real; const get = () => (real ??= require("node:child_process")); module.exports = new Proxy({}, { get: (_, key) => get()[key], has: (_, key) => key in get() });',
      loader: "js",
    }));
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: workers.map((w) => `src/cli/${w}`),
  outdir: "dist/bundle", // two levels under the package, as dist/cli: import.meta.url-relative paths (package.json, workers) hold
  entryNames: "[name]",
  chunkNames: "chunk-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["highs", "exceljs", "iconv-lite", "cli-progress"],
  // CommonJS packages inside an ES module: their require() of node built-ins needs a require
  banner: { js: 'import { createRequire as __ccplanRequire } from "node:module"; const require = __ccplanRequire(import.meta.url);' },
  plugins: [lazyChildProcess],
  sourcemap: "linked",
  sourcesContent: false,
  keepNames: true,
  metafile: true,
  logLevel: "warning",
});
const meta = Object.fromEntries(
  Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith(".js"))
    .map(([file, out]) => [file.slice("dist/bundle/".length), Object.keys(out.inputs)]),
);

// --- one CommonJS file per command (see the head of this file) ----------------

const commandsSource = readFileSync(join(root, "src/cli/commands.ts"), "utf8");
const COMMAND_LINE = /^\s*\["(\w+)", async \(\) => .*$/gm;
const commands = [...commandsSource.matchAll(COMMAND_LINE)].map((m) => m[1]);
if (commands.length < 7) throw new Error(`scripts/bundle.mjs: found ${commands.length} commands in src/cli/commands.ts, expected one line per command`);

/** src/cli/commands.ts with the line of `only` kept, every other command's removed. */
const oneCommand = (only) => ({
  name: "one-command",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]cli[\\/]commands\.ts$/ }, () => {
      const kept = commandsSource.replace(COMMAND_LINE, (line, name) => (name === only ? line : ""));
      if ([...kept.matchAll(COMMAND_LINE)].length !== 1) throw new Error(`scripts/bundle.mjs: cannot keep the command ${only} alone`);
      return { contents: kept, loader: "ts" };
    });
  },
});

// esbuild's helpers that evaluate a module at its first import (__esm: our
// modules, __commonJS: CommonJS packages) tell __ccplanSeen its name: nothing
// happens unless globalThis.__ccplanModuleSeen is set (test/helpers/module-recorder.mjs,
// for test/cli/startup.test.ts, which asserts what a run evaluates).
const SEEN = [
  ["return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res", "return fn && (__ccplanSeen(fn), res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res"],
  ["return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports", "return mod || (__ccplanSeen(cb), (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod)), mod.exports"],
];
const cjsBanner = [
  '"use strict";', // as an ES module is (esbuild's own comes after the banner, too late)
  "var __ccplanUrl = require(\"node:url\").pathToFileURL(__filename).href;",
  "var __ccplanSeen = (m) => { const seen = globalThis.__ccplanModuleSeen; if (seen !== undefined) seen(typeof m === \"string\" ? m : Object.getOwnPropertyNames(m)[0]); };",
  "__ccplanSeen(__filename);",
].join("\n");

const cjsFiles = [];
for (const only of [...commands, undefined]) {
  const name = only === undefined ? "cli" : `cli-${only}`;
  const cjs = await build({
    absWorkingDir: root,
    entryPoints: { [name]: "src/cli/main.ts" },
    outdir: "dist/bundle",
    outExtension: { ".js": ".cjs" },
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    external: ["highs", "exceljs", "iconv-lite", "cli-progress"],
    define: { "import.meta.url": "__ccplanUrl" },
    banner: { js: cjsBanner },
    plugins: only === undefined ? [lazyChildProcess] : [lazyChildProcess, oneCommand(only)],
    // a third smaller, and a one-row erlang ~18 ms faster (reading and
    // holding the text is most of what the code cache leaves); names are
    // kept, and a stack trace (printed under --debug only) is mapped back to
    // src/*.ts by the source map
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: "linked",
    sourcesContent: false,
    keepNames: true,
    metafile: true,
    logLevel: "warning",
  });
  const file = join(outdir, `${name}.cjs`);
  let text = readFileSync(file, "utf8");
  for (const [from, to] of SEEN) {
    // as written above, or minified (no spaces)
    const pattern = new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s*"), "g");
    if ((text.match(pattern) ?? []).length !== 1) throw new Error(`scripts/bundle.mjs: esbuild's module helper changed, cannot find: ${from}`);
    text = text.replace(pattern, to);
  }
  // ASCII only, so that bin/ccplan.js reads it as latin1 into a one-byte string
  // (decoding UTF-8 into a two-byte string was a tenth of a one-row erlang).
  // esbuild leaves non-ASCII in template literals, regular expressions and
  // comments: each UTF-16 unit becomes \uXXXX, which means the same there
  // (no String.raw in the bundle reads them); columns move on those few lines.
  text = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (/String\.raw/.test(text)) throw new Error(`scripts/bundle.mjs: ${name}.cjs uses String.raw: its text cannot be escaped`);
  // bin/ccplan.js runs the file through node:vm, which has no import() for it
  if (/[^\w$.]import\(/.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ""))) throw new Error(`scripts/bundle.mjs: ${name}.cjs still has an import() call`);
  writeFileSync(file, text);
  Object.assign(meta, Object.fromEntries(Object.entries(cjs.metafile.outputs).filter(([f]) => f.endsWith(".cjs")).map(([f, out]) => [f.slice("dist/bundle/".length), Object.keys(out.inputs)])));
  cjsFiles.push([only, file]);
}
writeFileSync(join(outdir, "meta.json"), JSON.stringify(meta, null, 1) + "\n");

// The code caches: a typical run of each command, the cache written as it ends.
const TYPICAL = {
  erlang: ["erlang", "--volume", "100", "--aht", "180"],
  plan: ["plan", "fixtures/forecast-week.csv", "--scenario", "fixtures/scenarios/in-house.yaml"],
  validate: ["validate", "fixtures/forecast-week.csv"],
};
for (const [only, file] of cjsFiles) {
  const args = TYPICAL[only] ?? (only === undefined ? ["--help"] : [only, "--help"]);
  const r = spawnSync(process.execPath, [join(root, "bin/ccplan.js"), ...args], {
    cwd: root,
    env: { ...process.env, CCPLAN_CODE_CACHE: "write", NO_COLOR: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  const cache = statSync(`${file}.cache`, { throwIfNoEntry: false });
  if (r.status !== 0 || cache === undefined) throw new Error(`scripts/bundle.mjs: the code cache of ${file} was not written (exit ${r.status}): ${r.stderr}`);
}
