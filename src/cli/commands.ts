import type { Command } from "commander";
import type { CommandContext } from "./context.js";

/**
 * The commands in help order, each module imported only when its command is
 * run (or for help and unknown commands, which list them all): a run loads
 * one command's code, not seven.
 *
 * One line per command: scripts/bundle.mjs builds a file per command from
 * this list, keeping only that command's line.
 */
export const COMMANDS: readonly (readonly [string, () => Promise<(ctx: CommandContext) => Command>])[] = [
  ["plan", async () => (await import("./plan.js")).planCommand],
  ["shifts", async () => (await import("./shifts.js")).shiftsCommand],
  ["compare", async () => (await import("./compare.js")).compareCommand],
  ["gaps", async () => (await import("./gaps.js")).gapsCommand],
  ["erlang", async () => (await import("./erlang.js")).erlangCommand],
  ["validate", async () => (await import("./validate.js")).validateCommand],
  ["init", async () => (await import("./init.js")).initCommand],
];
