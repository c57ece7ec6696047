import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";

describe("command-line mistakes", () => {
  it("an unknown command is USAGE_UNKNOWN_COMMAND with a did-you-mean, exit 2", async () => {
    const r = await runCli(["pln", "fixtures/forecast-week.csv"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("ccplan: error USAGE_UNKNOWN_COMMAND unknown command 'pln': did you mean plan?\n(run ccplan --help, or ccplan COMMAND --help, for usage)\n");
  });

  it("an unknown option is USAGE_UNKNOWN_OPTION with a did-you-mean when one is close, exit 2", async () => {
    const close = await runCli(["plan", "fixtures/forecast-week.csv", "--scenaro", "x.yaml"]);
    expect(close.code).toBe(2);
    expect(close.stderr.split("\n")[0]).toBe("ccplan: error USAGE_UNKNOWN_OPTION unknown option '--scenaro': did you mean --scenario?");
    const far = await runCli(["erlang", "--bogus"]);
    expect(far.code).toBe(2);
    expect(far.stderr.split("\n")[0]).toBe("ccplan: error USAGE_UNKNOWN_OPTION unknown option '--bogus'");
  });

  it("a missing or extra argument and a value outside an option's choices have their own codes, never a stack trace", async () => {
    const cases: [string[], string][] = [
      [["plan"], "USAGE_MISSING_ARGUMENT missing required argument 'forecast'"],
      [["plan", "a.csv", "b.csv"], "USAGE_EXTRA_ARGUMENT too many arguments for 'plan'"],
      [["plan", "a.csv", "--format", "xml"], "USAGE_BAD_OPTION option '--format <format>' argument 'xml' is invalid"],
      [["plan", "a.csv", "--scenario"], "USAGE_MISSING_OPTION option '--scenario <file>' argument missing"],
    ];
    for (const [args, start] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.startsWith(`ccplan: error ${start}`), r.stderr).toBe(true);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
