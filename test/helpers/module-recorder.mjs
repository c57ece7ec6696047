// Preloaded with `node --import ./test/helpers/module-recorder.mjs bin/ccplan.js …`:
// writes to the file named by CCPLAN_MODULES_OUT every module the process loads,
// one URL or path a line — ES modules (and the CommonJS files they import) as the
// loader hook below sees them, then at exit every CommonJS file in require's cache
// (those that CommonJS packages require among themselves), and each file of
// dist/bundle/*.cjs run and each module of it evaluated ("bundle:src/cli/erlang.ts",
// as scripts/bundle.mjs has the bundle tell). For test/cli/startup.test.ts.
import { appendFileSync } from "node:fs";
import Module, { register } from "node:module";

const out = process.env.CCPLAN_MODULES_OUT;
if (out) {
  register(new URL("./module-recorder-hooks.mjs", import.meta.url));
  globalThis.__ccplanModuleSeen = (name) => appendFileSync(out, (name.startsWith("/") ? name : `bundle:${name}`) + "\n");
  process.on("exit", () => {
    const cached = Object.keys(Module._cache ?? {});
    if (cached.length > 0) appendFileSync(out, cached.join("\n") + "\n");
  });
}
