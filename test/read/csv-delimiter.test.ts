import { describe, expect, it } from "vitest";
import { delimiterOption, detectDelimiter } from "../../src/read/csv-delimiter.js";
import { diagnosticsOf } from "../helpers/diagnostics.js";

describe("delimiterOption", () => {
  it("delimiterOption(one character | tab | \\t | a name) is that character; undefined is detection", () => {
    expect(delimiterOption(undefined)).toBeUndefined();
    for (const c of [",", ";", "|", "\t", " ", ":", "¦"]) expect(delimiterOption(c)).toBe(c);
    expect(delimiterOption("tab")).toBe("\t");
    expect(delimiterOption("TAB")).toBe("\t");
    expect(delimiterOption("\\t")).toBe("\t");
    expect(delimiterOption("semicolon")).toBe(";");
    expect(delimiterOption("comma")).toBe(",");
    expect(delimiterOption("pipe")).toBe("|");
  });

  it("delimiterOption(two characters, a quote, a line break, a letter, a digit, nothing) throws USAGE_BAD_OPTION", () => {
    const d = diagnosticsOf(() => delimiterOption("ab"));
    expect(d[0]).toMatchObject({ code: "USAGE_BAD_OPTION", field: "--delimiter", value: "ab" });
    expect(d[0]!.message).toBe('--delimiter: got "ab" (2 characters), expected one character such as , ; | or tab (also: tab, \\t, comma, semicolon, pipe)');
    for (const bad of [";;", '"', "\n", "x", "7", "", "\\;"]) expect(diagnosticsOf(() => delimiterOption(bad))[0]!.code).toBe("USAGE_BAD_OPTION");
  });
});

describe("detectDelimiter", () => {
  it("detectDelimiter(header) is the most frequent of , ; tab (, when none)", () => {
    expect(detectDelimiter("a;b;c")).toBe(";");
    expect(detectDelimiter("a\tb,c\td")).toBe("\t");
    expect(detectDelimiter("volume")).toBe(",");
  });
});
