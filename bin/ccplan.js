#!/usr/bin/env node
// The ccplan executable: runs the CLI and sets the exit code from its result.
// - `ccplan --version` (or -V) alone is answered here, without loading the CLI:
//   the line commander would print (package.json's version), in a few milliseconds.
// - The CLI runs from dist/bundle/ (scripts/bundle.mjs: a few files instead of
//   ~50, for start-up) when that is at least as new as tsc's dist/cli/main.js;
//   else (a build by tsc alone) from dist/cli/ as compiled.
// - `--debug` turns source maps on: stack traces then name src/*.ts.
import { readFileSync, statSync } from "node:fs";

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  let version = "unknown";
  try {
    version = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;
  } catch {
    // as the CLI's own --version: "unknown" when package.json cannot be read
  }
  process.stdout.write(version + "\n");
} else {
  if (argv.includes("--debug")) process.setSourceMapsEnabled(true);
  const { handleSignals, processIo, run } = await import(bundled() ? "../dist/bundle/main.js" : "../dist/cli/main.js");
  handleSignals();
  process.exitCode = await run(argv, processIo());
}

/** Whether dist/bundle/main.js is there and not older than dist/cli/main.js. */
function bundled() {
  const mtime = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
  const bundle = mtime("../dist/bundle/main.js");
  const compiled = mtime("../dist/cli/main.js");
  return bundle !== undefined && (compiled === undefined || bundle >= compiled);
}
