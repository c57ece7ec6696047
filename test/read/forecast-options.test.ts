import { describe, expect, it } from "vitest";
import { InputError } from "../../src/read/diagnostics.js";
import { forecastReadOptions } from "../../src/read/forecast-options.js";

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics[0]!.code;
    throw e;
  }
  return undefined;
}

describe("forecastReadOptions", () => {
  it("--interval accepts what interval_minutes accepts; --date-format dmy|mdy; --allow-gaps", () => {
    expect(forecastReadOptions({ interval: "15", dateFormat: "MDY", allowGaps: true })).toEqual({ intervalMin: 15, dateFormat: "mdy", allowGaps: true });
    expect(forecastReadOptions({ dateFormat: "dd/mm/yyyy" })).toEqual({ dateFormat: "dmy" });
    expect(codeOf(() => forecastReadOptions({ interval: "7" }))).toBe("INPUT_OUT_OF_RANGE");
    expect(codeOf(() => forecastReadOptions({ interval: "0" }))).toBe("INPUT_NOT_POSITIVE");
    expect(codeOf(() => forecastReadOptions({ dateFormat: "ymd" }))).toBe("USAGE_BAD_OPTION");
  });

  it("prints the reader's warnings GNU-style through warn", () => {
    const lines: string[] = [];
    const o = forecastReadOptions({}, (t) => lines.push(t));
    o.onWarning!({ code: "INPUT_IMPLAUSIBLE", severity: "warning", file: "f.csv", line: 3, column: 6, message: "aht: got…" });
    expect(lines).toEqual(["f.csv:3:6: warning INPUT_IMPLAUSIBLE aht: got…"]);
  });
});
