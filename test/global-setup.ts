import { execFileSync } from "node:child_process";

/** End-to-end tests run the real binary, which loads dist/: build it once per run. */
export default function setup(): void {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
