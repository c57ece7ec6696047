import { execFileSync, spawn } from "node:child_process";
import { closeSync, existsSync, lstatSync, openSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InputError } from "../../src/read/diagnostics.js";
import { outTarget, removeTemporaries, streamReport, temporaries, writeReport } from "../../src/report/output.js";
import { runCli } from "../helpers/fake-io.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ccplan-out-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const noStdout = { write: () => undefined };

/** The IO_WRITE diagnostic message of what `fn` throws. */
function ioWriteMessage(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const [d] = (error as InputError).diagnostics;
    expect(d!.code).toBe("IO_WRITE");
    return d!.message;
  }
  throw new Error("expected an IO_WRITE InputError");
}

/**
 * A FIFO in `dir` and a `cat` reading it into a file (not a pipe to us: our
 * writes are synchronous, we could not drain it): resolves with what the
 * reader got.
 */
function fifoWithReader(name: string): { path: string; read: Promise<string> } {
  const path = join(dir, name);
  execFileSync("mkfifo", [path]);
  const copy = join(dir, `${name}.got`);
  const fd = openSync(copy, "w");
  const reader = spawn("cat", [path], { stdio: ["ignore", fd, "inherit"] });
  closeSync(fd);
  return {
    path,
    read: new Promise((done) =>
      reader.on("close", () => {
        const got = readFileSync(copy, "utf8");
        rmSync(copy);
        done(got);
      }),
    ),
  };
}

describe("outTarget", () => {
  it("outTarget(new path or regular file) is atomic; FIFOs and devices are written through", () => {
    expect(outTarget(join(dir, "new.csv"))).toEqual({ mode: "atomic", path: join(dir, "new.csv") });
    writeFileSync(join(dir, "old.csv"), "x");
    expect(outTarget(join(dir, "old.csv")).mode).toBe("atomic");
    execFileSync("mkfifo", [join(dir, "fifo")]);
    expect(outTarget(join(dir, "fifo")).mode).toBe("through");
    expect(outTarget("/dev/null").mode).toBe("through");
    expect(outTarget("/dev/stdout").mode).toBe("through");
    expect(outTarget("/dev/fd/1").mode).toBe("through");
  });

  it("outTarget(symlink to a file) is its resolved target, atomic; a dangling link's target is created", () => {
    writeFileSync(join(dir, "target.csv"), "old");
    symlinkSync("target.csv", join(dir, "link.csv"));
    expect(outTarget(join(dir, "link.csv"))).toEqual({ mode: "atomic", path: join(dir, "target.csv") });
    symlinkSync("missing.csv", join(dir, "dangling.csv"));
    expect(outTarget(join(dir, "dangling.csv"))).toEqual({ mode: "atomic", path: join(dir, "missing.csv") });
  });
});

describe("writeReport and streamReport", () => {
  it("write a regular file whole through a temporary file, and leave nothing else", () => {
    const out = join(dir, "plan.csv");
    writeReport("a,b\n1,2\n", out, noStdout);
    expect(readFileSync(out, "utf8")).toBe("a,b\n1,2\n");
    streamReport(out, noStdout, (write) => {
      write("c\n");
      write("3\n");
    });
    expect(readFileSync(out, "utf8")).toBe("c\n3\n");
    expect(readdirSync(dir)).toEqual(["plan.csv"]);
    expect(temporaries.files.size).toBe(0);
  });

  it("keep the mode of the file they replace", () => {
    const out = join(dir, "plan.csv");
    writeFileSync(out, "old", { mode: 0o640 });
    writeReport("new", out, noStdout);
    expect(statSync(out).mode & 0o777).toBe(0o640);
  });

  it("write through a symlink to its target, atomically, and keep the link", () => {
    writeFileSync(join(dir, "target.csv"), "old");
    symlinkSync("target.csv", join(dir, "link.csv"));
    writeReport("new report\n", join(dir, "link.csv"), noStdout);
    expect(lstatSync(join(dir, "link.csv")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.csv"))).toBe("target.csv");
    expect(readFileSync(join(dir, "target.csv"), "utf8")).toBe("new report\n");
    expect(readdirSync(dir).sort()).toEqual(["link.csv", "target.csv"]);
  });

  it("write into a FIFO: its reader gets every byte, and the FIFO stays a FIFO", async () => {
    const big = "x".repeat(200_000) + "\n"; // more than a pipe holds: written as the reader reads
    const fifo = fifoWithReader("fifo");
    writeReport(big, fifo.path, noStdout);
    expect(await fifo.read).toBe(big);
    expect(statSync(fifo.path).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(["fifo"]);

    const streamed = fifoWithReader("fifo2");
    streamReport(streamed.path, noStdout, (write) => {
      write("a\n");
      write("b\n");
    });
    expect(await streamed.read).toBe("a\nb\n");
    expect(statSync(streamed.path).isFIFO()).toBe(true);
  });

  it("write into /dev/null, which stays the device", () => {
    writeReport("nothing\n", "/dev/null", noStdout);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("/dev/full: exit-2 IO_WRITE (no space), and the device stays a device", () => {
    expect(ioWriteMessage(() => writeReport("x\n", "/dev/full", noStdout))).toBe("cannot write /dev/full (ENOSPC: no space left on the device): expected a writable path");
    expect(ioWriteMessage(() => streamReport("/dev/full", noStdout, (write) => write("x\n")))).toMatch(/ENOSPC/);
    expect(statSync("/dev/full").isCharacterDevice()).toBe(true);
  });

  it("a folder or a missing folder: IO_WRITE, nothing created", () => {
    expect(ioWriteMessage(() => writeReport("x", dir, noStdout))).toMatch(/EISDIR: it is a folder/);
    expect(ioWriteMessage(() => writeReport("x", join(dir, "no", "such.csv"), noStdout))).toBe(`cannot write ${join(dir, "no", "such.csv")} (ENOENT: the folder ${join(dir, "no")} does not exist): expected a writable path`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removeTemporaries() removes the registered temporary files and folders", () => {
    writeFileSync(join(dir, ".x.tmp"), "partial");
    temporaries.files.add(join(dir, ".x.tmp"));
    temporaries.dirs.add(join(dir, "spool"));
    removeTemporaries();
    expect(existsSync(join(dir, ".x.tmp"))).toBe(false);
    expect(temporaries.files.size + temporaries.dirs.size).toBe(0);
  });
});

describe("ccplan … --out through FIFOs and devices", () => {
  it("plan --out FIFO: the reader gets the whole report, exit 0", async () => {
    const fifo = fifoWithReader("plan.fifo");
    const r = await runCli(["plan", "fixtures/forecast-week.csv", "--format", "csv", "--out", fifo.path]);
    expect(r.code).toBe(0);
    const got = await fifo.read;
    expect(got).toBe((await runCli(["plan", "fixtures/forecast-week.csv", "--format", "csv"])).stdout);
    expect(statSync(fifo.path).isFIFO()).toBe(true);
  });

  it("plan --report intervals --out FIFO streams through it", async () => {
    const fifo = fifoWithReader("intervals.fifo");
    const r = await runCli(["plan", "fixtures/forecast-week.csv", "--report", "intervals", "--format", "csv", "--out", fifo.path]);
    expect(r.code).toBe(0);
    expect(await fifo.read).toBe((await runCli(["plan", "fixtures/forecast-week.csv", "--report", "intervals", "--format", "csv"])).stdout);
  });

  it("erlang --out /dev/full: exit 2, IO_WRITE", async () => {
    const r = await runCli(["erlang", "--volume", "100", "--aht", "180", "--sl", "80/20", "--out", "/dev/full"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("/dev/full: error IO_WRITE cannot write /dev/full (ENOSPC: no space left on the device): expected a writable path\n");
  });
});
