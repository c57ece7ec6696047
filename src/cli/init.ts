import { existsSync, mkdirSync, realpathSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import type { CommandContext } from "./context.js";

const EXAMPLES = `
Examples:
  $ ccplan init my-plan
  $ ccplan init my-plan --force
`;

/** `ccplan init [DIR]`: starter files to plan from. */
export function initCommand(ctx: CommandContext): Command {
  return new Command("init")
    .summary("write a starter forecast, roster and scenarios into a folder")
    .description("Write a week of forecast, a roster, a commented scenario, two sourcing\nscenarios and a README with the commands to try. If any of these files\nexists, nothing is written (exit 2) unless --force.")
    .argument("[dir]", "folder to write into (created if needed)", ".")
    .addHelpText("before", EXAMPLES)
    .option("--force", "overwrite files that exist")
    .action(async (dir: string, opts: { force?: boolean }) => {
      ctx.setExit(await runInit(dir, opts.force === true, ctx));
    });
}

async function runInit(dir: string, force: boolean, ctx: CommandContext): Promise<number> {
  const { InputError, problem } = await import("../read/diagnostics.js");
  const { writeReport } = await import("../report/output.js");
  const { starterFiles } = await import("../report/starter-files.js");
  const { ccplanCommand, shellWord } = await import("./ccplan-command.js");
  const names = starterFiles("ccplan").map(([name]) => name);
  const taken = names.map((name) => join(dir, name)).filter((path) => existsSync(path));
  if (taken.length > 0 && !force) {
    throw new InputError(taken.map((path) => problem("USAGE_CONFLICT", `${path} exists: expected a new folder, or --force to overwrite`, { file: path })));
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new InputError([problem("IO_WRITE", `cannot create ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)}): expected a writable folder`, { file: dir })]);
  }
  // this file is src/cli/init.ts or dist/cli/init.js: the package is two folders up
  const command = ccplanCommand({
    script: ctx.io.script ?? "",
    packageRoot: realpathSync(fileURLToPath(new URL("../..", import.meta.url))),
    workDir: realpathSync(resolve(dir)),
  });
  const files = starterFiles(command);
  for (const [name, text] of files) writeReport(text, join(dir, name), ctx.io.stdout);
  ctx.info(`wrote ${names.join(", ")} in ${dir}\nnext: cd ${shellWord(dir)} && ${command} plan forecast.csv --scenario scenario.yaml`);
  return 0;
}
