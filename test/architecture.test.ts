import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Imports flow one way: cli → io → plan → core. core and plan are pure.
const RANK: Record<string, number> = { core: 0, plan: 1, io: 2, cli: 3 };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

describe("architecture", () => {
  const files = sources("src").filter((f) => f.split("/")[1]! in RANK);

  it("no layer imports a layer above it (cli → io → plan → core)", () => {
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
