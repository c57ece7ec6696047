import { describe, expect, it } from "vitest";
import { ccplanCommand, shellWord } from "../../src/cli/ccplan-command.js";

describe("ccplanCommand({ script, packageRoot, workDir })", () => {
  it("is the installed ccplan when a ccplan link or shim started it (global install, npm link, node_modules/.bin)", () => {
    expect(ccplanCommand({ script: "/usr/local/bin/ccplan", packageRoot: "/usr/local/lib/node_modules/ccplan", workDir: "/home/ana/plan" })).toBe("ccplan");
    expect(ccplanCommand({ script: "/home/ana/project/node_modules/.bin/ccplan", packageRoot: "/home/ana/project/node_modules/ccplan", workDir: "/home/ana/project/plan" })).toBe("ccplan");
    // npm link / npm install -g . from a clone: the link is on PATH, the package is the clone
    expect(ccplanCommand({ script: "/usr/local/bin/ccplan", packageRoot: "/src/ccplan", workDir: "/tmp/plan" })).toBe("ccplan");
    expect(ccplanCommand({ script: "C:\\Users\\ana\\AppData\\Roaming\\npm\\ccplan.cmd", packageRoot: "C:\\x", workDir: "D:\\plan" })).toBe("ccplan");
  });

  it("is the installed ccplan when the package sits in a node_modules folder, whatever script ran it", () => {
    expect(ccplanCommand({ script: "/usr/lib/node_modules/ccplan/bin/ccplan.js", packageRoot: "/usr/lib/node_modules/ccplan", workDir: "/tmp/plan" })).toBe("ccplan");
  });

  it("is npx ccplan in a clone of ccplan or a folder inside it, where npx finds the package's own bin", () => {
    expect(ccplanCommand({ script: "/src/ccplan/bin/ccplan.js", packageRoot: "/src/ccplan", workDir: "/src/ccplan" })).toBe("npx ccplan");
    expect(ccplanCommand({ script: "/src/ccplan/bin/ccplan.js", packageRoot: "/src/ccplan", workDir: "/src/ccplan/my-plan" })).toBe("npx ccplan");
  });

  it("is npx --package <the clone> ccplan outside the clone, never a bare npx ccplan", () => {
    expect(ccplanCommand({ script: "/src/ccplan/bin/ccplan.js", packageRoot: "/src/ccplan", workDir: "/tmp/plan" })).toBe("npx --package /src/ccplan ccplan");
    // a sibling whose name starts like the clone's is outside it
    expect(ccplanCommand({ script: "/src/ccplan/bin/ccplan.js", packageRoot: "/src/ccplan", workDir: "/src/ccplan-plans" })).toBe("npx --package /src/ccplan ccplan");
    expect(ccplanCommand({ script: "", packageRoot: "/home/ana/my tools/ccplan", workDir: "/tmp/plan" })).toBe("npx --package '/home/ana/my tools/ccplan' ccplan");
  });
});

describe("shellWord(text)", () => {
  it("keeps a plain path and single-quotes anything else", () => {
    expect(shellWord("/tmp/my-plan_2.0")).toBe("/tmp/my-plan_2.0");
    expect(shellWord("it's here")).toBe("'it'\\''s here'");
  });
});
