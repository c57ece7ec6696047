import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/read/diagnostics.js";
import { readScenario } from "../../src/read/scenario-read.js";
import { MAX_ALIAS_EXPANSION, MAX_SCENARIO_DEPTH, parseScenarioDocument } from "../../src/read/scenario-yaml.js";
import { diagnosticsOf } from "../helpers/diagnostics.js";

/** Nesting `levels` deep in several YAML and JSON styles, the innermost value `x`. */
const nested: Record<string, (levels: number) => string> = {
  "flow lists": (n) => `${"[".repeat(n)}x${"]".repeat(n)}`,
  "flow maps": (n) => `${"{a: ".repeat(n)}x${"}".repeat(n)}`,
  "JSON objects": (n) => `${'{"a": '.repeat(n)}"x"${"}".repeat(n)}`,
  "block maps": (n) => Array.from({ length: n }, (_, k) => `${"  ".repeat(k)}k${k}:`).join("\n") + " x\n",
  "block lists on one line": (n) => `${"- ".repeat(n)}x\n`,
  "block lists of maps": (n) => {
    const lines: string[] = [];
    let j = 0;
    for (; j < Math.floor(n / 2); j++) lines.push(`${"  ".repeat(j)}- k${j}:`);
    if (n % 2 === 1) lines.push(`${"  ".repeat(j)}- x`);
    else lines[lines.length - 1] += " x";
    return lines.join("\n") + "\n";
  },
};

describe("parseScenarioDocument", () => {
  for (const [style, text] of Object.entries(nested)) {
    it(`${style}: ${MAX_SCENARIO_DEPTH} levels pass, ${MAX_SCENARIO_DEPTH + 1} are CONFIG_TOO_COMPLEX`, () => {
      expect(() => parseScenarioDocument(text(MAX_SCENARIO_DEPTH), "s.yaml")).not.toThrow();
      const d = diagnosticsOf(() => parseScenarioDocument(text(MAX_SCENARIO_DEPTH + 1), "s.yaml"));
      expect(d).toHaveLength(1);
      expect(d[0]).toMatchObject({ code: "CONFIG_TOO_COMPLEX", file: "s.yaml" });
      expect(d[0]!.line).toBeGreaterThanOrEqual(1);
      expect(d[0]!.message).toBe(`nesting deeper than ${MAX_SCENARIO_DEPTH} levels: expected a scenario of a few levels of maps and lists (see the README)`);
    });
  }

  it("refuses a million nested brackets at once, YAML or JSON, pointing at the bracket where the limit is crossed", () => {
    for (const text of ["[".repeat(1_000_000), `{"sites": ${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}}`]) {
      const started = performance.now();
      const d = diagnosticsOf(() => parseScenarioDocument(text, "deep.json"));
      expect(performance.now() - started).toBeLessThan(1000);
      expect(d.map((x) => [x.code, x.line])).toEqual([["CONFIG_TOO_COMPLEX", 1]]);
      // the guard stops within a level or two of the limit (the parser's stack holds a token or two more than the collections)
      expect(d[0]!.column).toBeGreaterThan(MAX_SCENARIO_DEPTH);
      expect(d[0]!.column).toBeLessThanOrEqual(MAX_SCENARIO_DEPTH + 12);
    }
  });

  it("an alias bomb is CONFIG_TOO_COMPLEX at the alias that takes the expansion past the limit, at once", () => {
    const started = performance.now();
    const d = diagnosticsOf(() => readScenario(readFileSync("fixtures/traps/scenario-alias-bomb.yaml", "utf8"), "bomb.yaml"));
    expect(performance.now() - started).toBeLessThan(1000);
    // aliases bring 90 values on line b, 819 on c, 7,380 on d (8,289 in all); the first *d of line e (9) brings 7,381 more
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([["CONFIG_TOO_COMPLEX", 9, 8]]);
    expect(d[0]!.message).toBe(`YAML alias *d takes the aliases of the file past ${MAX_ALIAS_EXPANSION} values (an alias bomb?): expected aliases that repeat small parts of the scenario`);
  });

  it("aliases that repeat small parts of a scenario stay allowed (200 uses of one anchor)", () => {
    const text = ["hours: &h { mon-fri: \"08:00-20:00\" }", "list:", ...Array.from({ length: 200 }, () => "  - *h")].join("\n");
    const { data } = parseScenarioDocument(text, "a.yaml");
    expect((data as { list: unknown[] }).list).toHaveLength(200);
    const s = readScenario('opening_hours:\n  default: &week { mon-fri: "08:00-20:00" }\n  channels: { chat: *week, email: *week }\n', "x.yaml");
    expect(s.openingHours.channels.chat).toEqual(s.openingHours.default);
  });

  it("an alias inside its own anchor is CONFIG_TOO_COMPLEX, an alias before its anchor CONFIG_SYNTAX, both with position", () => {
    const self = diagnosticsOf(() => readScenario("name: x\nsites: &s [*s]\n", "self.yaml"));
    expect(self.map((x) => [x.code, x.line, x.column])).toEqual([["CONFIG_TOO_COMPLEX", 2, 12]]);
    expect(self[0]!.message).toBe("YAML alias *s sits inside its own anchor &s: a value that contains itself has no end");
    const early = diagnosticsOf(() => readScenario("name: x\ncontract_hours: *h\n", "early.yaml"));
    expect(early.map((x) => [x.code, x.line, x.column])).toEqual([["CONFIG_SYNTAX", 2, 17]]);
    expect(early[0]!.message).toBe("YAML alias *h comes before any anchor &h: expected the anchor first");
  });

  it("an alias that nests the expanded scenario past the depth limit is CONFIG_TOO_COMPLEX", () => {
    const half = 40;
    const text = `a: &a ${"[".repeat(half)}x${"]".repeat(half)}\nb: ${"[".repeat(half)}*a${"]".repeat(half)}\n`;
    const d = diagnosticsOf(() => readScenario(text, "n.yaml"));
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([["CONFIG_TOO_COMPLEX", 2, 4 + half]]);
    expect(d[0]!.message).toMatch(/^YAML alias \*a nests the scenario deeper than 64 levels/);
  });

  it("the deep-nesting fixture is refused on its line 4", () => {
    const d = diagnosticsOf(() => readScenario(readFileSync("fixtures/traps/scenario-deep-nesting.yaml", "utf8"), "deep.yaml"));
    expect(d.map((x) => [x.code, x.line])).toEqual([["CONFIG_TOO_COMPLEX", 4]]);
  });

  it("a second document is CONFIG_SYNTAX on its line", () => {
    const d = diagnosticsOf(() => readScenario("name: a\n---\nname: b\n", "two.yaml"));
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([["CONFIG_SYNTAX", 2, 1]]);
  });
});

describe("readScenario on mutated scenario files", () => {
  const fixtures = ["fixtures/scenarios/sourcing-hybrid.yaml", "fixtures/scenarios/org-groups.yaml", "fixtures/traps/scenario-alias-bomb.yaml"].map((f) => readFileSync(f, "utf8"));
  /** A fixture with a few characters replaced, deleted or repeated (YAML indicators among them). */
  const mutated = fc
    .tuple(
      fc.constantFrom(...fixtures),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom("delete", "insert", "repeat"), fc.constantFrom("[", "]", "{", "}", ":", "-", "&a", "*a", "*b", " ", "\n", '"', "%", "1", "0.5", "!!", "|", ">", "?", "---", "#", "\t")), { minLength: 1, maxLength: 6 }),
    )
    .map(([text, edits]) => {
      let t = text;
      for (const [at, kind, piece] of edits) {
        const i = at % (t.length + 1);
        t = kind === "delete" ? t.slice(0, i) + t.slice(i + 3) : kind === "insert" ? t.slice(0, i) + piece + t.slice(i) : t.slice(0, i) + piece.repeat(200) + t.slice(i);
      }
      return t;
    });

  it("either reads the scenario or throws an InputError whose every diagnostic has a CONFIG_ code and a line, never anything else", () => {
    fc.assert(
      fc.property(mutated, (text) => {
        try {
          readScenario(text, "m.yaml", { onWarning: () => {} });
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          for (const d of error.diagnostics) {
            expect(d.code).toMatch(/^CONFIG_/);
            expect(d.line).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
