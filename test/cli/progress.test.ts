import { describe, expect, it } from "vitest";
import { progressBar } from "../../src/cli/progress.js";

describe("progressBar", () => {
  it("writes nothing when stderr is not a terminal, or when disabled (--quiet, JSON)", () => {
    let out = "";
    const pipe = { write: (s: string) => (out += s), isTTY: false };
    const p = progressBar(pipe, true, 10, "x");
    p.tick(5);
    p.stop();
    const tty = { write: (s: string) => (out += s), isTTY: true };
    const q = progressBar(tty, false, 10, "x");
    q.tick(5);
    q.stop();
    expect(out).toBe("");
  });

  it("draws a bar on a terminal and clears it at the end", () => {
    let out = "";
    const tty = Object.assign({ write: (s: string) => ((out += s), true), isTTY: true, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    const p = progressBar(tty, true, 4, "planning");
    p.tick(4);
    p.stop();
    expect(out).toMatch(/planning \[/);
  });
});
