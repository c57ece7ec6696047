#!/usr/bin/env node
// The ccplan executable: runs the compiled CLI and sets the exit code from its result.
import { handleSignals, processIo, run } from "../dist/cli/main.js";

handleSignals();
process.exitCode = await run(process.argv.slice(2), processIo());
