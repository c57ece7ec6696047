// Bundles the CLI for start-up (npm run build runs it after tsc): src/cli/main.ts
// and each worker thread's script (src/cli/*-worker.ts) into dist/bundle/, one ES
// module each plus shared chunks, split at every dynamic import so that a run
// loads only the chunks its command needs. Loading ~50 files one by one was most
// of a short command's start-up (bench/startup.js). bin/ccplan.js runs the bundle
// when it is at least as new as dist/cli/main.js (else tsc's output as it is).
//
// Debuggable: a source map beside each file maps it back to src/*.ts (node
// --enable-source-maps, or `ccplan --debug`, which turns them on), names kept.
// dist/bundle/meta.json says which sources each file holds (test/cli/startup.test.ts).
//
// Bundled: our code and the small pure-JS packages. Left to node_modules:
// packages that find files of their own at run time (highs' WebAssembly) or
// that only a workbook, a legacy encoding or a progress bar need (exceljs,
// iconv-lite, cli-progress, loaded with createRequire).
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist/bundle");
const workers = readdirSync(join(root, "src/cli")).filter((f) => f.endsWith("-worker.ts"));

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ["src/cli/main.ts", ...workers.map((w) => `src/cli/${w}`)],
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
writeFileSync(join(outdir, "meta.json"), JSON.stringify(meta, null, 1) + "\n");
