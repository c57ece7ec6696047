import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("the package as a library", () => {
  it('import { requiredAgents } from "ccplan" works from plain Node (ESM, built dist/)', () => {
    const script = 'import("ccplan").then((m) => console.log(m.requiredAgents({ volume: 100, ahtSec: 180, intervalMin: 30 }, { serviceLevel: 0.8, answerWithinSec: 20 }).agents))';
    expect(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim()).toBe("14");
  });

  it("ships type declarations for the core", () => {
    const script = 'const fs = require("fs"); const d = fs.readFileSync(require.resolve("ccplan/package.json").replace("package.json", "dist/index.d.ts"), "utf8"); console.log(d.includes("core/index.js"))';
    expect(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim()).toBe("true");
  });
});
