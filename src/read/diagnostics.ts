import { escaped, quoted } from "./printable.js";
import { cellReference, sheetPlace } from "./xlsx-reference.js";

/**
 * Problems in user input are data, not exceptions: one closed list of codes,
 * one template per code, and a GNU-style printer.
 */

/** The closed list of diagnostic codes (prefix = where the problem is). */
export const DIAGNOSTIC_CODES = {
  CSV_EMPTY: "the file is empty",
  CSV_BINARY: "not a text file (binary content)",
  CSV_SYNTAX: "CSV syntax error",
  CSV_LINE_TOO_LONG: "line too long",
  CSV_TOO_LARGE: "file too large",
  CSV_MISSING_COLUMN: "a required column is missing",
  CSV_DUPLICATE_COLUMN: "the same column appears twice",
  CSV_UNKNOWN_COLUMN: "unknown column",
  CSV_FIELD_COUNT: "wrong number of fields",
  CSV_ENCODING: "a text encoding that cannot be read",
  CSV_NO_DATA: "a header and no data rows",
  CSV_WRONG_KIND: "not the kind of file expected here",
  INPUT_NOT_A_NUMBER: "not a number",
  INPUT_NEGATIVE: "negative value",
  INPUT_NOT_POSITIVE: "value must be positive",
  INPUT_NOT_INTEGER: "value must be a whole number",
  INPUT_OUT_OF_RANGE: "value out of range",
  INPUT_BAD_DURATION: "not a duration",
  INPUT_BAD_SERVICE_LEVEL: "not a service level",
  INPUT_MISSING_VALUE: "a required value is missing",
  INPUT_NEEDS_PATIENCE: "abandonment target without patience",
  INPUT_NO_TARGET: "a row without any target",
  INPUT_BAD_DATE: "not a date or time",
  INPUT_OFF_GRID: "interval start off the grid",
  INPUT_DUPLICATE_ROW: "two rows for the same interval and queue",
  INPUT_UNKNOWN_CHANNEL: "unknown channel",
  INPUT_CONFLICT: "values that contradict each other",
  INPUT_DATE_OUTLIER: "a date far from the rest of the file",
  INPUT_AMBIGUOUS_DATE: "dates that read two ways (dd/mm or mm/dd)",
  INPUT_IMPLAUSIBLE: "a value implausible for its column",
  INPUT_BAD_NAME: "a name with invisible or control characters",
  INPUT_OVERLAP: "intervals of one queue that overlap",
  INPUT_AMBIGUOUS_INTERVAL: "the interval length cannot be told",
  INPUT_DAYLIGHT_SAVING: "a repeated or missing hour of a daylight-saving change",
  INPUT_EXCEL_ERROR: "a workbook cell holding an Excel error (#N/A, #DIV/0!…)",
  INPUT_UNCOMPUTED_FORMULA: "a workbook formula saved without its computed value",
  INPUT_HEADER_ROW: "a workbook header below other rows (a title), which are not read",
  PLAN_TARGET_UNREACHABLE: "no staffing meets the targets",
  PLAN_UNUSED_RULE: "a scenario rule that matches nothing in the forecast",
  PLAN_NEVER_OPEN: "work in a queue that is never open",
  PLAN_PARTIAL_WEEK: "a week the forecast covers only partly",
  PLAN_LIMIT: "a queue beyond what the models compute",
  PLAN_SHIFTS_UNCOVERABLE: "a requirement no shift template can cover",
  PLAN_SHIFTS_INFEASIBLE: "shift rules that no schedule satisfies",
  PLAN_SHIFTS_NO_SOLUTION: "no schedule found within the time limit",
  PLAN_SHIFTS_TIME_LIMIT: "a schedule stopped by the time limit before its gap was reached",
  PLAN_SHIFTS_NO_RATE: "a shift template without a cost per hour",
  PLAN_SHIFTS_BREAKS_PLACED: "breaks placed by the schedule replace the breaks shrinkage",
  PLAN_SHIFTS_NONE: "a scenario without shift templates",
  PLAN_SHIFTS_SITE: "a requirement file scheduled at the scenario's first site",
  CONFIG_SYNTAX: "scenario file syntax error",
  CONFIG_INVALID: "bad value in the scenario",
  CONFIG_UNKNOWN_KEY: "unknown key in the scenario",
  CONFIG_UNALLOCATED: "a flow that no allocation rule sends to a site",
  CONFIG_AMBIGUOUS_SHARE: "a share that reads two ways (fraction or percent)",
  CONFIG_IMPLAUSIBLE: "a scenario value implausible for its key",
  CONFIG_TOO_COMPLEX: "a scenario file too deep or with too many aliases",
  USAGE_BAD_OPTION: "bad command-line usage",
  USAGE_UNKNOWN_COMMAND: "a command ccplan does not have",
  USAGE_UNKNOWN_OPTION: "an option the command does not have",
  USAGE_MISSING_ARGUMENT: "a required argument is missing",
  USAGE_EXTRA_ARGUMENT: "more arguments than the command takes",
  USAGE_MISSING_OPTION: "a required option is missing",
  USAGE_CONFLICT: "options that cannot go together",
  IO_READ: "cannot read the file",
  IO_WRITE: "cannot write the file",
  IO_INTERRUPTED: "interrupted by a signal",
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** One problem in the input, located as precisely as possible. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: "error" | "warning";
  /** File path as the user gave it; absent for command-line flags. */
  file?: string;
  /** 1-based line in the file. */
  line?: number;
  /** 1-based column (field position) in the line. */
  column?: number;
  /** In a workbook: the sheet, whose row `line` and column `column` are (printed `Sheet!B14`). */
  sheet?: string;
  /** Column name or option name (`volume`, `--aht`). */
  field?: string;
  /** The offending text, as read. */
  value?: string;
  /** "what: got X, expected Y". */
  message: string;
}

/** Thrown by readers when input cannot be used; carries every diagnostic found. */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join("; "));
    this.name = "InputError";
    this.diagnostics = diagnostics;
  }
}

/** Build an error diagnostic. */
export function problem(code: DiagnosticCode, message: string, where: Omit<Diagnostic, "code" | "message" | "severity"> = {}): Diagnostic {
  return { code, severity: "error", ...where, message };
}

/** Build a warning diagnostic (the run goes on). */
export function warning(code: DiagnosticCode, message: string, where: Omit<Diagnostic, "code" | "message" | "severity"> = {}): Diagnostic {
  return { code, severity: "warning", ...where, message };
}

/** How many diagnostics a command prints before "…and N more". */
export const DIAGNOSTIC_CAP = 20;

/**
 * GNU-style lines: `file:line:column: error CODE message` (in a workbook
 * `file:Sheet!B14: error CODE message`), capped with "…and N more". Control characters (C0, DEL, C1, so ANSI escape sequences
 * too) and invisible format characters (bidi overrides…) of file names and
 * messages are written `\u{1b}`: what a file holds never drives the terminal.
 */
export function formatDiagnostics(diagnostics: Diagnostic[], cap = DIAGNOSTIC_CAP): string {
  const shown = diagnostics.slice(0, cap).map(formatDiagnostic);
  if (diagnostics.length > cap) shown.push(`…and ${diagnostics.length - cap} more`);
  return shown.join("\n") + "\n";
}

/**
 * `{"schemaVersion": 1, "diagnostics": [...]}` for `--format json` runs, every
 * diagnostic with all its fields (uncapped).
 */
export function diagnosticsJson(diagnostics: Diagnostic[]): string {
  const rows = diagnostics.map((d) =>
    JSON.stringify({
      code: d.code,
      severity: d.severity,
      file: d.file ?? null,
      line: d.line ?? null,
      column: d.column ?? null,
      // a workbook's place: only for workbooks, so that the JSON of CSV inputs stays as it was
      ...(d.sheet === undefined ? {} : { sheet: d.sheet, cell: cellOf(d) }),
      field: d.field ?? null,
      value: d.value ?? null,
      message: d.message,
    }),
  );
  // JSON escapes C0 controls itself; C1 controls and invisible format characters are escaped too, so JSON printed on a terminal cannot drive it
  return `{"schemaVersion":1,"diagnostics":[\n${rows.join(",\n").replace(/[\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n]}\n`;
}

/** A workbook diagnostic's cell as Excel names it (`E4`, or `9:9` for a whole row), null without a row. */
export function cellOf(d: Pick<Diagnostic, "line" | "column">): string | null {
  return d.line === undefined ? null : cellReference(d.line, d.column);
}

/** One diagnostic as a GNU-style line, controls escaped (see {@link formatDiagnostics}). */
export function formatDiagnostic(d: Diagnostic): string {
  return escaped(`${placeOf(d)}: ${d.severity} ${d.code} ${d.message}`);
}

/**
 * Where a diagnostic is, as its line begins: `file:line:column` in a text
 * file, `file:Sheet!B14` in a workbook (`file:Sheet!14:14` for a whole row),
 * `ccplan` for a command-line problem.
 */
export function placeOf(d: Pick<Diagnostic, "file" | "line" | "column" | "sheet">): string {
  if (d.file === undefined) return "ccplan";
  if (d.sheet !== undefined) return `${d.file}:${sheetPlace(d.sheet, d.line, d.column)}`;
  return [d.file, d.line, d.column].filter((p) => p !== undefined).join(":");
}

/**
 * Quote a value for a message, shortened so that a 1 GB field never floods
 * the terminal, and escaped: `\"` and `\\` for quotes and backslashes,
 * `\u{1b}` for controls (C0, DEL, C1) and invisible format characters, so
 * a cell holding `ESC[2J` prints as `"\u{1b}[2J"` and clears nothing.
 */
export function shown(value: string): string {
  return quoted(value);
}

/**
 * The flows of a plan that no allocation rule of `file` takes, as input
 * errors (one per flow, `CONFIG_UNALLOCATED`); nothing when there are none.
 * @throws InputError
 */
export function checkAllocated(unallocated: readonly string[], file: string | undefined): void {
  if (unallocated.length === 0) return;
  throw new InputError(
    unallocated.map((flow) =>
      problem("CONFIG_UNALLOCATED", `no allocation rule matches ${flow}: expected a rule for it (a last rule without match takes every other flow)`, {
        ...(file === undefined ? {} : { file }),
        field: "allocation",
      }),
    ),
  );
}
