import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/read/diagnostics.js";
import { refuseBinaryOnTerminal, temporaries, writeBinaryReport } from "../../src/report/output.js";
import { diagnosticsOf, diagnosticsOfAsync } from "../helpers/diagnostics.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ccplan-binary-out-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const silent = { write: () => true };
const bytes = (text: string) => Buffer.from(text, "utf8");
/** A producer that writes `text` and then, if asked, fails as a writer can. */
const producing =
  (text: string, fail?: Error) =>
  async (fd: number): Promise<void> => {
    writeSync(fd, bytes(text));
    if (fail !== undefined) throw fail;
  };
const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
/** A producer as `producing`, that also notes the staging folder it writes in (registered in `temporaries` while it exists). */
function noting(text: string, seen: string[]) {
  return async (fd: number): Promise<void> => {
    seen.push(...[...temporaries.dirs].filter((d) => d.includes("ccplan-binary-stage-")));
    writeSync(fd, bytes(text));
  };
}

/** The first diagnostic of the InputError that `p` rejects with. */
const diagnosticOf = async (p: Promise<unknown>) => (await diagnosticsOfAsync(() => p))[0]!;

describe("writeBinaryReport", () => {
  it("writes a new file whole through a temporary file in its folder, renamed into place", async () => {
    const out = join(dir, "new.xlsx");
    await writeBinaryReport(out, silent, producing("PK whole"));
    expect(readFileSync(out, "utf8")).toBe("PK whole");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(temporaries.written).toContain(out);
    expect(temporaries.files.size).toBe(0);
  });

  it("keeps the file it replaces, and its mode, when the report cannot be made: no partial file, no temporary file", async () => {
    const out = join(dir, "kept.xlsx");
    writeFileSync(out, "the old report", { mode: 0o640 });
    const d = await diagnosticOf(writeBinaryReport(out, silent, producing("PK half", errno("ENOSPC"))));
    expect(d.code).toBe("IO_WRITE");
    expect(d.file).toBe(out);
    expect(d.message).toMatch(/ENOSPC: no space left on the device/);
    expect(readFileSync(out, "utf8")).toBe("the old report");
    expect(readdirSync(dir).filter((f) => f.startsWith(".kept.xlsx"))).toEqual([]);
    await writeBinaryReport(out, silent, producing("PK new"));
    expect(readFileSync(out, "utf8")).toBe("PK new");
    expect(statSync(out).mode & 0o777).toBe(0o640);
  });

  it("rethrows an error that is not the file system's as it is (a bug is not IO_WRITE)", async () => {
    const out = join(dir, "bug.xlsx");
    await expect(writeBinaryReport(out, silent, producing("PK", new RangeError("a bug")))).rejects.toThrow(RangeError);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith(".bug.xlsx"))).toEqual([]);
  });

  it("IO_WRITE naming the path for a folder that does not exist; nothing is created", async () => {
    const out = join(dir, "no-such-folder", "plan.xlsx");
    const d = await diagnosticOf(writeBinaryReport(out, silent, producing("PK")));
    expect(d.code).toBe("IO_WRITE");
    expect(d.message).toMatch(/ENOENT/);
    expect(existsSync(join(dir, "no-such-folder"))).toBe(false);
  });

  it.skipIf(!existsSync("/dev/full"))("a full device (/dev/full) is IO_WRITE ENOSPC, and the staged copy is removed", async () => {
    const seen: string[] = [];
    const d = await diagnosticOf(writeBinaryReport("/dev/full", silent, noting("PK".repeat(100), seen)));
    expect(d.code).toBe("IO_WRITE");
    expect(d.message).toMatch(/ENOSPC/);
    expect(seen).toHaveLength(1);
    expect(existsSync(seen[0]!)).toBe(false);
  });

  it("without --out: the bytes go to stdout (a pipe) as they are, and the staged copy is removed", async () => {
    const seen: string[] = [];
    const chunks: Buffer[] = [];
    const payload = Buffer.from(Array.from({ length: 3 << 20 }, (_, k) => (k * 31) & 0xff));
    await writeBinaryReport(undefined, { write: (c: unknown) => chunks.push(c as Buffer), isTTY: false }, async (fd) => {
      await noting("", seen)(fd);
      writeSync(fd, payload);
    });
    expect(Buffer.concat(chunks).equals(payload)).toBe(true);
    expect(seen).toHaveLength(1);
    expect(existsSync(seen[0]!)).toBe(false);
  });
});

describe("refuseBinaryOnTerminal", () => {
  it("refuses stdout when it is a terminal (USAGE_BAD_OPTION, naming --out FILE.xlsx); a pipe or --out FILE is fine", () => {
    const d = diagnosticsOf(() => refuseBinaryOnTerminal("xlsx", undefined, { write: () => true, isTTY: true }))[0]!;
    expect(d.code).toBe("USAGE_BAD_OPTION");
    expect(d.message).toMatch(/--out FILE\.xlsx/);
    expect(() => refuseBinaryOnTerminal("xlsx", "-", { write: () => true, isTTY: true })).toThrow(InputError);
    expect(() => refuseBinaryOnTerminal("xlsx", undefined, { write: () => true, isTTY: false })).not.toThrow();
    expect(() => refuseBinaryOnTerminal("xlsx", "plan.xlsx", { write: () => true, isTTY: true })).not.toThrow();
  });
});
