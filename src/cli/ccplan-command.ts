import { isAbsolute, relative, sep } from "node:path";

/** How this ccplan was started, as {@link ccplanCommand} needs it. */
export interface Invocation {
  /** The script the shell ran (`process.argv[1]`, not resolved): `…/bin/ccplan` for a link on PATH. */
  script: string;
  /** This ccplan package's folder (where its package.json is), links resolved. */
  packageRoot: string;
  /** The folder the command will be typed in (absolute, links resolved). */
  workDir: string;
}

/**
 * The command that runs this ccplan from `workDir`, for the hints and the
 * README `ccplan init` writes:
 * - `ccplan` when ccplan was started as an installed command: a `ccplan`
 *   link or shim (global install, `npm link`, `node_modules/.bin`), or a
 *   package inside a `node_modules` folder;
 * - `npx ccplan` in a clone of ccplan (or a folder inside it), where npx
 *   finds the package's own bin;
 * - elsewhere `npx --package <packageRoot> ccplan`. Never a bare `npx ccplan`
 *   outside the clone: npx would fetch another package of that name from
 *   the registry.
 *
 * @example ccplanCommand({ script: "/usr/local/bin/ccplan", packageRoot: "/usr/local/lib/node_modules/ccplan", workDir: "/home/ana/plan" }) // "ccplan"
 * @example ccplanCommand({ script: "/src/ccplan/bin/ccplan.js", packageRoot: "/src/ccplan", workDir: "/tmp/plan" }) // "npx --package /src/ccplan ccplan"
 */
export function ccplanCommand(invocation: Invocation): string {
  const { script, packageRoot, workDir } = invocation;
  const scriptName = script.split(/[\\/]/).pop() ?? "";
  const installed = /^ccplan(\.cmd|\.ps1)?$/i.test(scriptName) || packageRoot.split(/[\\/]/).includes("node_modules");
  if (installed) return "ccplan";
  const fromRoot = relative(packageRoot, workDir);
  const inside = fromRoot === "" || (!isAbsolute(fromRoot) && fromRoot !== ".." && !fromRoot.startsWith(`..${sep}`));
  return inside ? "npx ccplan" : `npx --package ${shellWord(packageRoot)} ccplan`;
}

/** A word for a POSIX shell: as it is if plain, else in single quotes. */
export function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}
