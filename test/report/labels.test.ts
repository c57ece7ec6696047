import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clearMissingLabels, label, labelTables, missingLabels, plural, tr } from "../../src/report/labels.js";
import { FRENCH_THOUSANDS, grouped, percent, seconds } from "../../src/report/number-format.js";
import { withReportSettings } from "../../src/report/settings.js";

const fr = <T>(f: () => T) => withReportSettings({ locale: "fr" }, f);
const { words, sentences } = labelTables();

/** The placeholders of a template, sorted: "{0} of {1}" → ["{0}", "{1}"]. */
const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe("label(en)", () => {
  it("returns the English unchanged without --locale fr, for every entry", () => {
    for (const en of words.keys()) expect(label(en)).toBe(en);
  });

  it("gives the French planner's words under fr: ETP, effectif, semaine, niveau de service", () => {
    fr(() => {
      expect(label("FTE")).toBe("ETP");
      expect(label("headcount")).toBe("effectif");
      expect(label("week")).toBe("semaine");
      expect(label("week of")).toBe("semaine du");
      expect(label("service level")).toBe("niveau de service");
      expect(label("scheduled h")).toBe("h planifiées");
      expect(label("level")).toBe("niveau");
      expect(label("total")).toBe("total");
    });
  });

  it("keeps an indent and a unit in brackets around the word it translates", () => {
    fr(() => {
      expect(label("  team leads")).toBe("  chefs d'équipe");
      expect(label("cost/week (EUR)")).toBe("coût/semaine (EUR)");
    });
  });

  it("is idempotent under fr: a French form is never an English entry with another meaning", () => {
    fr(() => {
      for (const french of words.values()) expect(label(french)).toBe(french);
    });
  });

  it("leaves text it does not know as it is (names from the inputs), and lists it as missing", () => {
    clearMissingLabels();
    fr(() => expect(label("Lyon Part-Dieu")).toBe("Lyon Part-Dieu"));
    expect(missingLabels()).toEqual(["Lyon Part-Dieu"]);
    clearMissingLabels();
  });
});

describe("tr`…`", () => {
  it("is the template literal itself without --locale fr", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer(), (a, b) => {
        expect(tr`Required ${a} FTE, covered ${b}, gap ${a} FTE.`).toBe(`Required ${a} FTE, covered ${b}, gap ${a} FTE.`);
      }),
    );
  });

  it("puts the figures where the French sentence says, with a no-break space before a colon", () => {
    fr(() => {
      expect(tr`Agents needed: ${14}`).toBe("Agents requis\u00A0: 14");
      expect(tr`Required ${"12,5"} FTE, covered ${"10"}, gap ${"2,5"} FTE.`).toBe("Requis 12,5 ETP, couvert 10, écart 2,5 ETP.");
    });
  });

  it("falls back to the English sentence, recorded as missing, when there is no French one", () => {
    clearMissingLabels();
    expect(fr(() => tr`No French for ${3} of these`)).toBe("No French for 3 of these");
    expect(missingLabels()).toEqual(["No French for {0} of these"]);
    clearMissingLabels();
  });

  it("every French sentence uses exactly the placeholders of its English key", () => {
    for (const [en, french] of sentences) expect(placeholders(french), en).toEqual(placeholders(en));
  });
});

describe("plural(count, text, one, many)", () => {
  it("English: singular for exactly 1; French: singular below 2, and the French word", () => {
    expect(plural(1, "1", "hire")).toBe("1 hire");
    expect(plural(0, "0", "hire")).toBe("0 hires");
    expect(plural(2, "2", "person", "people")).toBe("2 people");
    fr(() => {
      expect(plural(0, "0", "hire")).toBe("0 recrutement");
      expect(plural(1.5, "1,5", "week")).toBe("1,5 semaine");
      expect(plural(3, "3", "week")).toBe("3 semaines");
    });
  });
});

describe("numbers in French tables", () => {
  it("grouped, percent and seconds take a decimal comma and narrow no-break spaces", () => {
    fr(() => {
      expect(grouped(12345.6, 1)).toBe(`12${FRENCH_THOUSANDS}345,6`);
      expect(grouped(-1234567.891, 2)).toBe(`-1${FRENCH_THOUSANDS}234${FRENCH_THOUSANDS}567,89`);
      expect(grouped(12.5, 2, 0)).toBe("12,5");
      expect(percent(0.8884, 1)).toBe(`88,8${FRENCH_THOUSANDS}%`);
      expect(seconds(7.83)).toBe("7,8 s");
      expect(seconds(Infinity)).toBe("∞");
    });
  });

  it("French grouped(x) read back (spaces out, comma for point) is the English grouped(x) without its commas", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), (x, a, b) => {
        const [most, fewest] = [Math.max(a, b), Math.min(a, b)];
        const english = grouped(x, most, fewest);
        const french = fr(() => grouped(x, most, fewest));
        expect(french.replaceAll(FRENCH_THOUSANDS, "").replace(",", ".")).toBe(english.replaceAll(",", ""));
      }),
    );
  });
});
