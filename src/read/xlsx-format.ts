/**
 * What a cell's number format says its number is. Excel stores a date, a
 * time of day, a duration and a percentage all as plain numbers (days since
 * 1899-12-30, fractions of a day, fractions of one); only the format tells
 * them apart.
 */

/**
 * - `general`: a number (General, `0.00`, `#,##0`, currency, scientific…);
 * - `percent`: shown ×100 with `%` (`0%`, `0.0%`);
 * - `date`: a calendar date, no time (`dd/mm/yyyy`, `d-mmm-yy`);
 * - `datetime`: a date and a time of day (`dd/mm/yyyy hh:mm`);
 * - `time`: a time of day or a duration shown as one (`hh:mm`, `h:mm:ss`, `mm:ss`);
 * - `elapsed`: a duration whose hours go past 24 (`[h]:mm:ss`, `[mm]:ss`).
 */
export type NumberFormat = "general" | "percent" | "date" | "datetime" | "time" | "elapsed";

/** Built-in format ids whose code a workbook need not write: dates and times of East Asian locales. */
const BUILT_IN: Record<number, NumberFormat> = {
  14: "date", 15: "date", 16: "date", 17: "date", 18: "time", 19: "time", 20: "time", 21: "time", 22: "datetime",
  27: "date", 28: "date", 29: "date", 30: "date", 31: "date", 32: "time", 33: "time", 34: "time", 35: "time", 36: "date",
  45: "time", 46: "elapsed", 47: "time", 50: "date", 51: "date", 52: "date", 53: "date", 54: "date", 55: "time", 56: "time", 57: "date", 58: "date",
  9: "percent", 10: "percent",
};

/** The class of a built-in format id (0–163) that comes without a code, or undefined. */
export function builtInFormat(id: number): NumberFormat | undefined {
  return BUILT_IN[id];
}

/**
 * The class of a number format code, from its first section (the one for
 * positive numbers). Quoted text, `\`-escaped characters, `_x` and `*x`
 * padding, colours, conditions and locales in brackets are not format
 * tokens; `[h]`, `[mm]`, `[ss]` make an elapsed duration; `AM/PM` is a time.
 * `m` is minutes next to an `h` or an `s`, otherwise a month.
 *
 * @example numberFormatClass("dd/mm/yyyy hh:mm") // "datetime"
 * @example numberFormatClass("[h]:mm:ss") // "elapsed"
 * @example numberFormatClass('0.0" min"') // "general"
 */
export function numberFormatClass(code: string | null | undefined): NumberFormat {
  if (code === undefined || code === null) return "general";
  let known = classes.get(code);
  if (known === undefined) {
    known = classify(code);
    if (classes.size < 10_000) classes.set(code, known); // a workbook has a handful of formats, used by every cell
  }
  return known;
}

const classes = new Map<string, NumberFormat>();

function classify(code: string): NumberFormat {
  const section = firstSection(code);
  let elapsed = false;
  let tokens = "";
  let percent = false;
  for (let i = 0; i < section.length; i++) {
    const c = section[i]!;
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      i = end === -1 ? section.length : end;
    } else if (c === "\\" || c === "_" || c === "*") {
      i++; // the next character is literal, or padding
    } else if (c === "[") {
      const end = section.indexOf("]", i + 1);
      const inside = section.slice(i + 1, end === -1 ? section.length : end);
      if (/^(h+|m+|s+)$/i.test(inside)) {
        elapsed = true;
        tokens += inside[0]!.toLowerCase();
      }
      i = end === -1 ? section.length : end;
    } else if (c === "%") {
      percent = true;
    } else {
      tokens += c.toLowerCase();
    }
  }
  tokens = tokens.replace(/general/g, "").replace(/am\/pm|a\/p/g, "h");
  const hasTime = /[hs]/.test(tokens);
  const hasDate = /[yd]/.test(tokens) || (/m/.test(tokens) && !hasTime);
  if (elapsed) return "elapsed";
  if (hasDate && hasTime) return "datetime";
  if (hasDate) return "date";
  if (hasTime) return "time";
  return percent ? "percent" : "general";
}

/** The format code up to its first `;` outside quotes and brackets. */
function firstSection(code: string): string {
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === "\\" && !quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === "[") bracket = true;
    else if (!quoted && c === "]") bracket = false;
    else if (!quoted && !bracket && c === ";") return code.slice(0, i);
  }
  return code;
}
