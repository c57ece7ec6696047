import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Imports flow one way: cli → read | report | solve → plan → core. core and plan are pure;
// solve holds the MIP solver (HiGHS, WebAssembly) behind plan's pure MipSolver contract.
// read and report sit side by side and never import each other, except that
// report may use the shared diagnostics (one error type for every command).
const RANK: Record<string, number> = { core: 0, plan: 1, read: 2, report: 2, solve: 2, cli: 3 };
const SHARED_FROM_READ = new Set(["src/read/diagnostics.ts"]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

describe("architecture", () => {
  const files = sources("src").filter((f) => f.split("/")[1]! in RANK);

  it("has no src/io any more: readers live in src/read, renderers in src/report", () => {
    expect(readdirSync("src").sort()).toEqual(["cli", "core", "index.ts", "plan", "read", "report", "solve"]);
  });

  it("no layer imports a layer above it (cli → read | report → plan → core)", () => {
    const violations: string[] = [];
    for (const file of files) {
      const layer = file.split("/")[1]!;
      for (const spec of importsOf(file)) {
        if (!spec.startsWith(".")) continue;
        const target = join(file, "..", spec).split("/")[1]!;
        if (target in RANK && RANK[target]! > RANK[layer]!) violations.push(`${file} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("solve imports only plan (and the highs package); read and report do not import it", () => {
    const violations: string[] = [];
    for (const file of files) {
      const layer = file.split("/")[1]!;
      for (const spec of importsOf(file)) {
        if (!spec.startsWith(".")) {
          if (layer === "solve" && spec !== "highs") violations.push(`${file} imports ${spec}`);
          continue;
        }
        const target = join(file, "..", spec).split("/")[1]!;
        if (layer === "solve" && !(target === "plan" || target === "solve")) violations.push(`${file} imports ${spec}`);
        if ((layer === "read" || layer === "report") && target === "solve") violations.push(`${file} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("read and report do not import each other (report may use read/diagnostics.ts only)", () => {
    const violations: string[] = [];
    for (const file of files.filter((f) => /^src\/(read|report)\//.test(f))) {
      const layer = file.split("/")[1]!;
      for (const spec of importsOf(file)) {
        if (!spec.startsWith(".")) continue;
        const target = join(file, "..", spec).replace(/\.js$/, ".ts");
        const targetLayer = target.split("/")[1]!;
        if (targetLayer === layer || !(targetLayer === "read" || targetLayer === "report")) continue;
        if (layer === "report" && SHARED_FROM_READ.has(target)) continue;
        violations.push(`${file} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("core and plan are pure: no node:*, no packages (plan may use the pure, deterministic LP solver yalps; core nothing)", () => {
    const violations: string[] = [];
    for (const file of files.filter((f) => /^src\/(core|plan)\//.test(f))) {
      for (const spec of importsOf(file)) {
        if (spec.startsWith(".")) continue;
        if (spec === "yalps" && file.startsWith("src/plan/")) continue;
        violations.push(`${file} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
