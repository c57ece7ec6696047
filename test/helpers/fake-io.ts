import { readFileSync } from "node:fs";
import type { CliIo } from "../../src/cli/cli-io.js";
import { run } from "../../src/cli/main.js";

/** Run the CLI in-process; returns exit code and what it wrote. */
export async function runCli(args: string[], env: Record<string, string> = {}, stdin = "") {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env,
    readFile: async (path) => (path === "-" ? new TextEncoder().encode(stdin) : readFileSync(path)),
    openStream: async function* (path) {
      yield path === "-" ? new TextEncoder().encode(stdin) : readFileSync(path);
    },
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
