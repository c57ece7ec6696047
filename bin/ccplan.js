#!/usr/bin/env node
// The ccplan executable: runs the CLI and sets the exit code from its result.
// A CommonJS script (bin/package.json): no ES module loader to start for it.
// - `ccplan --version` (or -V) alone is answered here, without loading the CLI:
//   the line commander would print (package.json's version), in a few milliseconds.
// - The CLI runs from dist/bundle/cli-COMMAND.cjs when the command is plain to
//   see (the first word that is not an option, no help or `--` before it), else
//   from dist/bundle/cli.cjs (every command): one file each, compiled through
//   node:vm with the V8 code cache beside it (scripts/bundle.mjs). A cache
//   that V8 refuses (another Node) only costs the compiling.
// - Without those files (a build by tsc alone, or an older bundle), the CLI
//   runs from dist/cli/ as compiled.
// - `--debug` turns source maps on (stack traces then name src/*.ts) and
//   loads the file with require, which reads its source map.
// - CCPLAN_CODE_CACHE=write (scripts/bundle.mjs only) writes the code cache
//   after the run.
"use strict";
const { readFileSync, renameSync, statSync, writeFileSync } = require("node:fs");
const { dirname, isAbsolute, join } = require("node:path");

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  let version = "unknown";
  try {
    version = JSON.parse(readFileSync(join(__dirname, "../package.json"), "utf8")).version;
  } catch {
    // as the CLI's own --version: "unknown" when package.json cannot be read
  }
  process.stdout.write(version + "\n");
} else {
  const debug = argv.includes("--debug");
  if (debug) process.setSourceMapsEnabled(true);
  const cli = loadCli(debug);
  if (cli !== undefined) start(cli.exports, cli.cache);
  else import("../dist/cli/main.js").then((m) => start(m));
}

/** Runs the CLI; then writes the code cache when asked to. */
function start(cli, cache) {
  cli.handleSignals();
  cli.run(argv, cli.processIo()).then((code) => {
    process.exitCode = code;
    if (cache !== undefined && process.env.CCPLAN_CODE_CACHE === "write") cache();
  });
}

/**
 * The bundled CLI's exports from dist/bundle/cli-COMMAND.cjs (or cli.cjs),
 * undefined when there is none as new as dist/cli/main.js. With `cache`: a
 * function that writes the file's code cache (what V8 compiled so far).
 */
function loadCli(debug) {
  const word = require("./command-word.js").commandWord(argv);
  let file = word === undefined ? undefined : join(__dirname, `../dist/bundle/cli-${word}.cjs`);
  if (file === undefined || !newer(file, "../dist/cli/main.js")) file = join(__dirname, "../dist/bundle/cli.cjs");
  if (!newer(file, "../dist/cli/main.js")) return undefined;
  if (debug) return { exports: require(file) };
  const vm = require("node:vm");
  const source = readFileSync(file, "latin1"); // ASCII only (scripts/bundle.mjs): a one-byte string, no UTF-8 decoding
  let cachedData;
  if (newer(`${file}.cache`, file)) cachedData = readFileSync(`${file}.cache`);
  // the wrapper of a CommonJS module, on the file's first line: lines and columns hold
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require("node:module").createRequire(file), module, file, dirname(file));
  const cache = () => {
    writeFileSync(`${file}.cache.tmp`, script.createCachedData());
    renameSync(`${file}.cache.tmp`, `${file}.cache`);
  };
  return { exports: module.exports, cache };
}


/** Whether `path` (relative to this file, or absolute) is there and not older than `than`. */
function newer(path, than) {
  const mtime = (p) => statSync(isAbsolute(p) ? p : join(__dirname, p), { throwIfNoEntry: false })?.mtimeMs;
  const a = mtime(path);
  const b = mtime(than);
  return a !== undefined && (b === undefined || a >= b);
}
