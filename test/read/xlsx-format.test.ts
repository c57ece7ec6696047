import { describe, expect, it } from "vitest";
import { builtInFormat, numberFormatClass } from "../../src/read/xlsx-format.js";

describe("numberFormatClass", () => {
  it("numberFormatClass(code) tells dates, date-times, times, elapsed durations, percentages and numbers apart", () => {
    const cases: [string | undefined, string][] = [
      [undefined, "general"],
      ["General", "general"],
      ["0.00", "general"],
      ["#,##0", "general"],
      ["0.00E+00", "general"],
      ["@", "general"],
      ['#,##0.00\\ "€"', "general"],
      ['_-* #,##0.00\\ [$€-40C]_-;\\-* #,##0.00\\ [$€-40C]_-', "general"],
      ["0%", "percent"],
      ["0.0%", "percent"],
      ["dd/mm/yyyy", "date"],
      ["d-mmm-yy", "date"],
      ["mmm-yy", "date"],
      ["[$-40C]dddd d mmmm yyyy", "date"],
      ["dd/mm/yyyy hh:mm", "datetime"],
      ["yyyy-mm-dd hh:mm:ss", "datetime"],
      ["m/d/yy h:mm", "datetime"],
      ["hh:mm", "time"],
      ["h:mm:ss", "time"],
      ["mm:ss", "time"],
      ["h:mm AM/PM", "time"],
      ["[h]:mm:ss", "elapsed"],
      ["[mm]:ss", "elapsed"],
      ["[Red]0.00", "general"],
      ['0.0" min"', "general"],
      ['0" s"', "general"],
      ['"day "0', "general"],
    ];
    for (const [code, kind] of cases) expect([code, numberFormatClass(code)]).toEqual([code, kind]);
  });

  it("numberFormatClass reads the first section only (the one for positive numbers)", () => {
    expect(numberFormatClass('0.00;"hh:mm"')).toBe("general");
    expect(numberFormatClass("hh:mm;@")).toBe("time");
  });

  it("builtInFormat(id) names the built-in date and time formats that a workbook may use without their code", () => {
    expect(builtInFormat(14)).toBe("date");
    expect(builtInFormat(22)).toBe("datetime");
    expect(builtInFormat(31)).toBe("date");
    expect(builtInFormat(33)).toBe("time");
    expect(builtInFormat(46)).toBe("elapsed");
    expect(builtInFormat(2)).toBeUndefined();
  });
});
