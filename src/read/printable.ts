/**
 * Text from a file on its way to a terminal: control and invisible
 * formatting characters found, and escaped before they are printed.
 *
 * "Invisible" here is: C0 controls except tab, line feed and carriage
 * return (which names fold into a blank), DEL, C1 controls (U+0080–U+009F,
 * which some terminals obey as escape sequences), and the format characters
 * of Unicode category Cf — soft hyphen, zero-width space, left-to-right and
 * right-to-left marks and overrides, word joiner, byte-order mark inside a
 * text… — except the zero-width joiner and non-joiner (U+200C, U+200D) that
 * some scripts and emoji need. Two names that print the same but differ by
 * one of these would be two queues; a bidi override can make a message lie.
 */

const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|(?![\u200c\u200d])\p{Cf}/u;
const ESCAPE = /[\u0000-\u001f\u007f-\u009f]|(?![\u200c\u200d])\p{Cf}/gu;

/** The first invisible or control character of `text` (see the file's note): its index and code point, or undefined. */
export function invisibleCharacter(text: string): { index: number; codePoint: number } | undefined {
  const m = INVISIBLE.exec(text);
  return m ? { index: m.index, codePoint: m[0].codePointAt(0)! } : undefined;
}

/** `U+0000`. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** `text` with every control and invisible character written `\u{…}`, safe to print. */
export function escaped(text: string): string {
  return text.replace(ESCAPE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** A value quoted for a message, shortened (a 1 GB cell never floods the terminal) and escaped. */
export function quoted(value: string): string {
  const text = value.length > 40 ? `${value.slice(0, 37)}…` : value;
  return `"${escaped(text.replace(/["\\]/g, (c) => `\\${c}`))}"`;
}
