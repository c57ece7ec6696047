import { InputError, problem, shown } from "./diagnostics.js";

/** The delimiter that splits the header line most: `;`, tab or `,`. */
export function detectDelimiter(headerLine: string): string {
  const count = (c: string) => headerLine.split(c).length - 1;
  const candidates: [string, number][] = [
    [",", count(",")],
    [";", count(";")],
    ["\t", count("\t")],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ",";
}

/** Names accepted by `--delimiter` besides the character itself. */
const NAMED: Record<string, string> = { tab: "\t", "\\t": "\t", comma: ",", semicolon: ";", pipe: "|", space: " " };

/**
 * The value of `--delimiter`, the one parser every command uses: exactly one
 * character (`,` `;` `|` a tab…), or `tab`, `\t`, `comma`, `semicolon`,
 * `pipe`, `space`. A quote, a line break, a letter or a digit cannot separate
 * fields (they are part of them); two characters are refused rather than
 * cut to one. `undefined` (no flag) means "detect from the header line".
 *
 * @throws InputError with USAGE_BAD_OPTION
 */
export function delimiterOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const named = NAMED[value.toLowerCase()];
  if (named !== undefined) return named;
  const characters = [...value];
  if (characters.length === 1 && !/^["\r\n\p{L}\p{N}]$/u.test(value)) return value;
  const why = characters.length === 0 ? "nothing" : characters.length > 1 ? `${characters.length} characters` : /["]/.test(value) ? "the quote character" : /[\r\n]/.test(value) ? "a line break" : "a letter or digit";
  throw new InputError([
    problem("USAGE_BAD_OPTION", `--delimiter: got ${shown(value)} (${why}), expected one character such as , ; | or tab (also: tab, \\t, comma, semicolon, pipe)`, {
      field: "--delimiter",
      value,
    }),
  ]);
}
