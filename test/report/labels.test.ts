import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clauses, clearMissingLabels, label, labelTables, missingLabels, plural, tr } from "../../src/report/labels.js";
import { annualMeaning, costPeriodLabel, quantityText } from "../../src/report/cost-build-up-rows.js";
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

describe("clauses(items)", () => {
  it("joins with '; ' in English and ' ; ' in French (a space before the semicolon)", () => {
    expect(clauses(["a", "b", "c"])).toBe("a; b; c");
    expect(fr(() => clauses(["a", "b"]))).toBe("a ; b");
    expect(clauses([])).toBe("");
  });
});

describe("text made by tr, labelled again", () => {
  it("a French sentence tr wrote (a chart's title, a page's heading) passes label() unchanged and is not reported missing", () => {
    clearMissingLabels();
    fr(() => {
      const title = tr`Cost over ${"3 ans"}, by site: ${3} × a year + one-off, the figure the ranking compares`;
      expect(title).toBe("Coût sur 3 ans, par site\u00A0: 3 × un an + ponctuel, le chiffre que compare le classement");
      expect(label(title)).toBe(title);
    });
    expect(missingLabels()).toEqual([]);
  });
});

describe("the cost build-up's words", () => {
  it("a quantity takes its unit in the run's language, singular below 2 in French, as plural() does", () => {
    expect(quantityText({ quantity: 1, unitLabel: "people" })).toBe("1 person");
    expect(quantityText({ quantity: 1.5, unitLabel: "people" })).toBe("1.5 people");
    expect(quantityText({ quantity: 6217.5, unitLabel: "paid h" })).toBe("6,217.5 paid h");
    fr(() => {
      expect(quantityText({ quantity: 1, unitLabel: "people" })).toBe("1 personne");
      expect(quantityText({ quantity: 1.5, unitLabel: "people" })).toBe("1,5 personne");
      expect(quantityText({ quantity: 2, unitLabel: "weeks" })).toBe("2 semaines");
      expect(quantityText({ quantity: 6217.5, unitLabel: "paid h" })).toBe(`6${FRENCH_THOUSANDS}217,5 h payées`);
      expect(costPeriodLabel("year")).toBe("un an");
    });
    expect(quantityText({ quantity: null, unitLabel: "" })).toBe("");
  });

  it("what a week and a year are: English by default (JSON's words), in the run's language through tr", () => {
    const b = { weeks: 2, weeksGiven: true, weeksPerYear: 52 };
    const english = "A week = the forecast's hours ÷ 2 weeks (the weeks given); a year = that week × 52, plus in-house the hires and training attrition brings";
    expect(annualMeaning(b)).toBe(english);
    expect(annualMeaning(b, tr)).toBe(english);
    fr(() => {
      expect(annualMeaning(b)).toBe(english);
      expect(annualMeaning(b, tr)).toBe("Une semaine = les heures de la prévision ÷ 2 semaines (les semaines données) ; un an = cette semaine × 52, plus, en interne, les recrutements et formations qu'entraîne l'attrition");
    });
  });
});
