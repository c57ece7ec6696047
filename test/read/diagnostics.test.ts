import { describe, expect, it } from "vitest";
import { diagnosticsJson, formatDiagnostics, problem, shown, warning } from "../../src/read/diagnostics.js";

/** What a terminal would obey: C0 and C1 controls, DEL, bidi and other invisible format characters. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe("shown", () => {
  it("shown(value) quotes and escapes controls, so that a cell never drives the terminal", () => {
    expect(shown("phone")).toBe('"phone"');
    expect(shown('12" screen')).toBe('"12\\" screen"');
    expect(shown("\u001b[2Jphone")).toBe('"\\u{1b}[2Jphone"');
    expect(shown("\u009b2J")).toBe('"\\u{9b}2J"'); // the one-byte CSI of C1
    expect(shown("a\u202eevil")).toBe('"a\\u{202e}evil"'); // right-to-left override
    expect(shown("tab\there\r\n")).not.toMatch(CONTROL);
  });

  it("shown(value) keeps 37 characters and an ellipsis of a long value", () => {
    expect(shown("x".repeat(1_000_000))).toBe(`"${"x".repeat(37)}…"`);
  });
});

describe("formatDiagnostics", () => {
  it("formatDiagnostics(d) is file:line:column: severity CODE message, one per line, capped", () => {
    const d = [problem("CSV_SYNTAX", "CSV syntax: oops", { file: "f.csv", line: 4, column: 2 }), warning("INPUT_IMPLAUSIBLE", "hmm", { file: "f.csv", line: 9 })];
    expect(formatDiagnostics(d)).toBe("f.csv:4:2: error CSV_SYNTAX CSV syntax: oops\nf.csv:9: warning INPUT_IMPLAUSIBLE hmm\n");
    expect(formatDiagnostics(d, 1)).toBe("f.csv:4:2: error CSV_SYNTAX CSV syntax: oops\n…and 1 more\n");
    expect(formatDiagnostics([problem("USAGE_BAD_OPTION", "--x: got 1")])).toBe("ccplan: error USAGE_BAD_OPTION --x: got 1\n");
  });

  it("formatDiagnostics escapes controls and ANSI escape sequences in messages and file names (one line per diagnostic)", () => {
    const evil = problem("INPUT_DUPLICATE_ROW", "a second row for \u001b[2J\u001b[Hqueue\u0007 / phone\nat 08:00 \u009b31m", { file: "x\u001b]0;title\u0007.csv", line: 3 });
    const out = formatDiagnostics([evil]);
    expect(out).not.toMatch(CONTROL);
    expect(out).toBe("x\\u{1b}]0;title\\u{7}.csv:3: error INPUT_DUPLICATE_ROW a second row for \\u{1b}[2J\\u{1b}[Hqueue\\u{7} / phone\\u{a}at 08:00 \\u{9b}31m\n");
    expect(out.split("\n")).toHaveLength(2);
  });
});

describe("diagnosticsJson", () => {
  it("diagnosticsJson escapes C1 controls and invisible format characters, and stays valid JSON", () => {
    const text = diagnosticsJson([problem("INPUT_BAD_NAME", "got \u009b2J and \u202emoc.", { value: "\u009b2J\u200b" })]);
    expect(text).not.toMatch(/[\u0080-\u009f\u200b\u202e]/);
    const doc = JSON.parse(text);
    expect(doc.diagnostics[0].value).toBe("\u009b2J\u200b");
    expect(doc.diagnostics[0].message).toBe("got \u009b2J and \u202emoc.");
  });
});
