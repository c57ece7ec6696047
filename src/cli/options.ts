import { Option } from "commander";

export type OutputFormat = "table" | "csv" | "json" | "html";

/** `--format table|csv|json` (default table, whatever stdout is), and `html` for the commands that draw reports. */
export function formatOption(html = false): Option {
  return new Option("--format <format>", html ? "output format (html: one self-contained page with charts)" : "output format")
    .choices(html ? ["table", "csv", "json", "html"] : ["table", "csv", "json"])
    .default("table");
}

/** `--out FILE`: write the report atomically to FILE instead of stdout. */
export function outOption(): Option {
  return new Option("--out <file>", "write the report to this file (atomically) instead of stdout");
}
