// Which file of the bundle bin/ccplan.js runs (a CommonJS module, bin/package.json).
"use strict";

/**
 * The command a run names, when plain to see: the first word that is not an
 * option, with no `--` or help flag before it (src/cli/main.ts's
 * commandToLoad decides the rest, in the file it is given).
 */
function commandWord(args) {
  const at = args.findIndex((a) => !a.startsWith("-"));
  if (at < 0 || !/^[a-z]+$/.test(args[at])) return undefined;
  if (args.slice(0, at).some((a) => a === "--" || a === "--help" || /^-[^-]*h/.test(a))) return undefined;
  return args[at];
}

module.exports = { commandWord };
