import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/fake-io.js";

const F = "fixtures/forecast-week.csv";
const dir = mkdtempSync(join(tmpdir(), "ccplan-presentation-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("how a report is presented: locale from the environment, the format from --out's name", () => {
  it("a CCPLAN_LOCALE that is neither en nor fr warns and plans in English (exit 0); --locale de is refused", async () => {
    const r = await runCli(["plan", F, "--format", "csv"], { CCPLAN_LOCALE: "de_DE.UTF-8" });
    const en = await runCli(["plan", F, "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('ccplan: warning CCPLAN_LOCALE: got "de_DE.UTF-8", expected en or fr (English used)\n');
    expect(r.stdout).toBe(en.stdout);
    const flag = await runCli(["plan", F, "--locale", "de"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^ccplan: error USAGE_BAD_OPTION .*--locale.*de/);
  });

  it("--out x.csv, x.json, x.html without --format write that format, as --out x.xlsx writes a workbook", async () => {
    for (const [name, format] of [["p.csv", "csv"], ["p.json", "json"], ["p.html", "html"]] as const) {
      const out = join(dir, name);
      const r = await runCli(["plan", F, "--out", out, "-q"]);
      expect(r.code, r.stderr).toBe(0);
      const wanted = await runCli(["plan", F, "--format", format]);
      expect(readFileSync(out, "utf8")).toBe(wanted.stdout);
    }
    const book = join(dir, "p.xlsx");
    expect((await runCli(["plan", F, "--out", book, "-q"])).code).toBe(0);
    expect(readFileSync(book).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("--format and a contradicting --out name: the flag wins, with a warning", async () => {
    const out = join(dir, "q.xlsx");
    const r = await runCli(["plan", F, "--format", "csv", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`ccplan: warning --format csv writes CSV into ${out}, a .xlsx name (--format wins)`);
    expect(readFileSync(out, "utf8")).toMatch(/^channel_class,/);
  });

  it("a file in a folder that does not exist: IO_WRITE naming the folder, exit 2", async () => {
    const out = join(dir, "none", "p.csv");
    const r = await runCli(["plan", F, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${out}: error IO_WRITE cannot write ${out} (ENOENT: the folder ${join(dir, "none")} does not exist): expected a writable path\n`);
  });
});
