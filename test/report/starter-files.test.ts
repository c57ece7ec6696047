import { describe, expect, it } from "vitest";
import { starterFiles } from "../../src/report/starter-files.js";

describe("starterFiles(command)", () => {
  it("gives every command of the README and of the scenarios' comments with the command passed, and none with another", () => {
    const command = "npx --package /src/ccplan ccplan";
    const files = Object.fromEntries(starterFiles(command));
    const readme = files["README.md"]!;
    const tried = readme.split("\n").filter((l) => l.startsWith("    ") && l.includes(" forecast.csv"));
    expect(tried.length).toBeGreaterThanOrEqual(10);
    for (const line of tried) expect(line).toMatch(/^ {4}npx --package \/src\/ccplan ccplan (plan|compare|gaps|shifts|validate) /);
    expect(files["scenario.yaml"]).toContain("# default (README, \"Scenario file\"). Check it with: npx --package /src/ccplan ccplan validate scenario.yaml\n");
    expect(files["scenario.yaml"]).toContain("# Weekly schedules: npx --package /src/ccplan ccplan shifts forecast.csv --scenario scenario.yaml\n");
    expect(files["sourcing-in-house.yaml"]).toContain("# Compare: npx --package /src/ccplan ccplan compare forecast.csv");
    // every command line written starts with the command given: no bare `ccplan …` or `npx ccplan …` left
    for (const text of Object.values(files)) {
      const commands = text.split("\n").filter((l) => /(^\s+|: )(npx )?ccplan (plan|compare|gaps|shifts|validate|erlang) /.test(l));
      for (const line of commands) expect(line).toContain(command);
    }
  });

  it("writes the installed command as it is", () => {
    const readme = Object.fromEntries(starterFiles("ccplan"))["README.md"]!;
    expect(readme).toContain("\n    ccplan plan forecast.csv --scenario scenario.yaml\n");
    expect(readme).not.toContain("npx");
  });
});
