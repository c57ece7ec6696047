import { Option } from "commander";

export type OutputFormat = "table" | "csv" | "json";

/** `--format table|csv|json` (default table, whatever stdout is). */
export function formatOption(): Option {
  return new Option("--format <format>", "output format").choices(["table", "csv", "json"]).default("table");
}

/** `--out FILE`: write the report atomically to FILE instead of stdout. */
export function outOption(): Option {
  return new Option("--out <file>", "write the report to this file (atomically) instead of stdout");
}
