import { describe, expect, it } from "vitest";
import { escaped, invisibleCharacter, quoted } from "../../src/read/printable.js";

describe("printable", () => {
  it("invisibleCharacter finds C0 (but tab, LF, CR), DEL, C1, zero-width and bidi characters, and leaves accents, ’ and ZWJ", () => {
    for (const [t, index, cp] of [["a\u0000b", 1, 0], ["ab\u001b[2J", 2, 0x1b], ["x\u007f", 1, 0x7f], ["\u009bx", 0, 0x9b], ["a\u200bb", 1, 0x200b], ["a\u202eb", 1, 0x202e], ["\ufeffa", 0, 0xfeff], ["a\u00adb", 1, 0xad]] as const) {
      expect(invisibleCharacter(t), JSON.stringify(t)).toEqual({ index, codePoint: cp });
    }
    for (const t of ["fidélisation", "demande d’information", "a\tb", "a\nb", "👩\u200d💻"]) expect(invisibleCharacter(t), t).toBeUndefined();
  });

  it("escaped and quoted never let a control character through", () => {
    expect(escaped("a\u001b[2Jb\u009b\u202e")).toBe("a\\u{1b}[2Jb\\u{9b}\\u{202e}");
    expect(quoted('say "hi"\\\u0007')).toBe('"say \\"hi\\"\\\\\\u{7}"');
    expect(quoted("x".repeat(50))).toBe(`"${"x".repeat(37)}…"`);
  });
});
