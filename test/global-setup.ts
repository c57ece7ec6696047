import { execFileSync } from "node:child_process";

/** End-to-end tests run the real binary, which loads dist/ (dist/bundle/ once bundled): build both once per run, as npm run build. */
export default function setup(): void {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
  execFileSync(process.execPath, ["scripts/bundle.mjs"], { stdio: "inherit" });
}
