import * as chalk from "chalk";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHALK_STYLES, colorFor, colorOn, NO_COLOR } from "../../src/cli/cli-io.js";

const tty = { write: () => true, isTTY: true };
const pipe = { write: () => true };

describe("colour without loading chalk", () => {
  it("CHALK_STYLES names chalk's styles, no more, no less", () => {
    expect([...CHALK_STYLES].sort()).toEqual([...chalk.modifierNames, ...chalk.foregroundColorNames, ...chalk.backgroundColorNames].sort());
  });

  it("NO_COLOR answers as chalk at level 0 for any chain of styles and any arguments (visible shows nothing)", () => {
    const reference = new chalk.Chalk({ level: 0 });
    const style = fc.constantFrom(...CHALK_STYLES, "visible");
    const arg = fc.oneof(fc.string(), fc.integer(), fc.constant(undefined), fc.constant(null), fc.constant(""));
    fc.assert(
      fc.property(fc.array(style, { minLength: 0, maxLength: 4 }), fc.array(arg, { maxLength: 3 }), (chain, args) => {
        const pick = (c: unknown) => chain.reduce<unknown>((b, s) => (b as Record<string, unknown>)[s], c) as (...a: unknown[]) => string;
        expect(pick(NO_COLOR)(...args)).toBe(pick(reference)(...args));
      }),
      { numRuns: 2000 },
    );
    expect(NO_COLOR.level).toBe(0);
    expect(NO_COLOR.hex("#ff0000").bold("x")).toBe("x");
    expect(NO_COLOR.bold.rgb(1, 2, 3)("x")).toBe(reference.bold.rgb(1, 2, 3)("x"));
  });

  it("colorFor gives chalk at level 1 only when the stream gets colour and chalk was loaded", () => {
    expect(colorOn(tty, {}, false)).toBe(true);
    expect(colorOn(pipe, {}, false)).toBe(false);
    expect(colorOn(pipe, { FORCE_COLOR: "1" }, false)).toBe(true);
    expect(colorOn(tty, { NO_COLOR: "1" }, false)).toBe(false);
    expect(colorOn(tty, { TERM: "dumb" }, false)).toBe(false);
    expect(colorOn(tty, {}, true)).toBe(false);
    expect(colorFor(tty, {}, false, chalk).red("x")).toBe("\u001b[31mx\u001b[39m");
    expect(colorFor(pipe, {}, false, chalk)).toBe(NO_COLOR);
    expect(colorFor(tty, {}, false, undefined)).toBe(NO_COLOR);
  });
});
