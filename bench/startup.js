// Start-up of the CLI: bare `node -e 0`, then `ccplan --version`, a one-row
// `ccplan erlang`, and `ccplan plan --format json` on the fixture week, each
// run 20 times in turn (interleaved, so that a busy machine slows them alike).
// Figures: the median wall time of each, its difference to bare node (what
// ccplan adds), and the median CPU time (user + system, from bash's `times`;
// steadier than wall time on a shared machine). Output goes to /dev/null.
//
//   node bench/startup.js        prints the lines; startupBench() returns them
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The commands timed, as node arguments. */
const COMMANDS = [
  { what: "node -e 0 (bare node)", args: ["-e", "0"] },
  { what: "ccplan --version", args: ["bin/ccplan.js", "--version"], budgetMs: 25 },
  { what: "ccplan erlang --volume 100 --aht 180 (one row, table)", args: ["bin/ccplan.js", "erlang", "--volume", "100", "--aht", "180"], budgetMs: 45 },
  { what: "ccplan plan fixtures/forecast-week.csv --format json", args: ["bin/ccplan.js", "plan", "fixtures/forecast-week.csv", "--format", "json"] },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const quote = (a) => `'${a.replace(/'/g, "'\\''")}'`;
const hasBash = spawnSync("bash", ["-c", "times"], { encoding: "utf8" }).status === 0;

/**
 * One run: wall time (ms) from here, and the child's CPU time (ms) when bash
 * is there to tell it (its `times`: the shell's children, user then system).
 * Under bash, every command (bare node too) pays the same shell start, so the
 * differences to bare node are ccplan's own.
 */
function once(args) {
  const t0 = process.hrtime.bigint();
  const r = hasBash
    ? spawnSync("bash", ["-c", `${quote(process.execPath)} ${args.map(quote).join(" ")} >/dev/null || exit $?; times`], { cwd: root, encoding: "utf8" })
    : spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  let cpuMs = null;
  if (hasBash) {
    const [user, system] = (r.stdout.trim().split("\n")[1] ?? "").split(/\s+/).map((t) => {
      const m = /(\d+)m([\d.]+)s/.exec(t);
      return m === null ? NaN : (Number(m[1]) * 60 + Number(m[2])) * 1000;
    });
    if (Number.isFinite(user) && Number.isFinite(system)) cpuMs = user + system;
  }
  return { wallMs, cpuMs };
}

/** Runs each command `runs` times in turn; returns the figures as `{ what, figure }` lines. */
export async function startupBench(runs = 20) {
  const wall = COMMANDS.map(() => []);
  const cpu = COMMANDS.map(() => []);
  for (const c of COMMANDS) once(c.args); // warm the file cache
  for (let i = 0; i < runs; i++) {
    COMMANDS.forEach((c, k) => {
      const t = once(c.args);
      wall[k].push(t.wallMs);
      if (t.cpuMs !== null) cpu[k].push(t.cpuMs);
    });
  }
  const bareWall = median(wall[0]);
  const bareCpu = cpu[0].length > 0 ? median(cpu[0]) : null;
  return COMMANDS.map((c, k) => {
    const w = median(wall[k]);
    const parts = [`${w.toFixed(0)} ms wall (median of ${runs})`];
    if (k > 0) parts.push(`+${(w - bareWall).toFixed(0)} ms over bare node${c.budgetMs === undefined ? "" : ` (budget ${c.budgetMs})`}`);
    if (bareCpu !== null) {
      const u = median(cpu[k]);
      parts.push(k === 0 ? `${u.toFixed(0)} ms CPU` : `${u.toFixed(0)} ms CPU (+${(u - bareCpu).toFixed(0)})`);
    }
    return { what: `start-up, ${c.what}`, figure: parts.join(", ") };
  });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const { what, figure } of await startupBench()) console.log(`${what}: ${figure}`);
}
