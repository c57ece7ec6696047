import stringWidth from "string-width";

/** Control sequences a terminal draws as nothing: CSI (colours, `\u001b[31m`) and OSC (links) sequences. */
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** `text` without its terminal control sequences (what a reader sees). */
export function stripAnsi(text: string): string {
  return text.includes("\u001b") ? text.replace(ANSI, "") : text;
}

/** The grapheme segmenter, made on first use: creating one loads ICU data (~15 ms of a command's start-up that may never shorten a label). */
let graphemes: Intl.Segmenter | undefined;

/** The characters of `text` as a reader sees them (a letter and its accent are one), each with its display width. */
export function displayCharacters(text: string): { text: string; width: number }[] {
  graphemes ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  return [...graphemes.segment(text)].map(({ segment }) => ({ text: segment, width: stringWidth(segment) }));
}

/**
 * `text` broken at spaces into lines of at most `width` display columns
 * (ANSI codes take none, wide characters two, as `string-width` counts
 * them). Text that already fits comes back unchanged, as one line; a word
 * wider than the line is cut (its colour codes dropped) so that no line ever
 * passes the width. Lines after the first start with `indent` (a hanging
 * indent for a list item). Without a width (a pipe), the text is not broken.
 *
 * @example wrapText("Pooling gain 57.8 FTE against the same queues", 20)
 * // ["Pooling gain 57.8", "FTE against the same", "queues"]
 */
export function wrapText(text: string, width: number | undefined, indent = ""): string[] {
  if (width === undefined || stringWidth(text) <= width) return [text];
  const lead = /^ */.exec(text)![0];
  const hang = stringWidth(indent) < width / 2 ? indent : "";
  const lines: string[] = [];
  let line = lead.length < width / 2 ? lead : "";
  let lineWidth = line.length;
  let empty = true; // no word on the line yet
  const flush = () => {
    lines.push(line);
    line = hang;
    lineWidth = stringWidth(hang);
    empty = true;
  };
  // runs of spaces stay inside a line (a title's "  " gap) and vanish at a break
  for (const word of text.slice(lead.length).split(" ")) {
    const w = stringWidth(word);
    if (!empty && lineWidth + 1 + w <= width) {
      line += " " + word;
      lineWidth += 1 + w;
      continue;
    }
    if (!empty) flush();
    if (word === "") continue;
    if (lineWidth + w <= width) {
      line += word;
      lineWidth += w;
      empty = false;
      continue;
    }
    // a word wider than a line: cut it, character by character
    for (const ch of displayCharacters(stripAnsi(word))) {
      if (!empty && lineWidth + ch.width > width) flush();
      line += ch.text;
      lineWidth += ch.width;
      empty = false;
    }
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}

/** A line of a box table (drawn by `renderTable`, already fitted): never broken. */
const TABLE_LINE = /^(?:\u001b\[[0-9;]*m)*[┌│├└]/;

/**
 * A report's lines with its prose wrapped to `width` (see {@link wrapText})
 * and its tables left as drawn: entries may hold several lines. An indented
 * line (a list item) continues two columns further in. Without a width
 * nothing changes.
 */
export function wrapProse(lines: readonly string[], width: number | undefined): string[] {
  const out: string[] = [];
  for (const entry of lines) {
    for (const line of entry.split("\n")) {
      if (width === undefined || TABLE_LINE.test(line)) out.push(line);
      else {
        const lead = /^ */.exec(line)![0];
        out.push(...wrapText(line, width, lead === "" ? "" : lead + "  "));
      }
    }
  }
  return out;
}
