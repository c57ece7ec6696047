import { formatDiagnostics, InputError, problem } from "./diagnostics.js";
import type { DateOrder } from "./datetime.js";
import type { ForecastReadOptions } from "./forecast-read.js";
import { parseIntervalMinutes } from "./values.js";

/** The command-line flags of every command that reads a forecast, as commander gives them. */
export interface ForecastFlags {
  interval?: string | undefined;
  dateFormat?: string | undefined;
  allowGaps?: boolean | undefined;
  /** `--sheet`: the sheet of an .xlsx forecast. */
  sheet?: string | undefined;
}

/** `--date-format` spellings. */
const DATE_FORMATS: Record<string, DateOrder> = { dmy: "dmy", "dd/mm": "dmy", "dd/mm/yyyy": "dmy", mdy: "mdy", "mm/dd": "mdy", "mm/dd/yyyy": "mdy" };

/**
 * The reader options that `--interval`, `--date-format`, `--allow-gaps` and
 * `--sheet` give, with the reader's warnings printed GNU-style through `warn` (the
 * command's stderr, silenced by `-q`). `--interval` accepts exactly what an
 * `interval_minutes` cell accepts ({@link parseIntervalMinutes}).
 *
 * @throws InputError (USAGE_BAD_OPTION, INPUT_…) for a bad flag value
 */
export function forecastReadOptions(flags: ForecastFlags, warn?: (text: string) => void): ForecastReadOptions {
  const options: ForecastReadOptions = {};
  if (flags.interval !== undefined) {
    const p = parseIntervalMinutes(flags.interval, { field: "--interval" });
    if (!p.ok) throw new InputError([p.diagnostic]);
    options.intervalMin = p.value;
  }
  if (flags.dateFormat !== undefined) {
    const order = DATE_FORMATS[flags.dateFormat.trim().toLowerCase()];
    if (order === undefined) {
      throw new InputError([
        problem("USAGE_BAD_OPTION", `--date-format: got ${JSON.stringify(flags.dateFormat)}, expected dmy (23/11/2026) or mdy (11/23/2026)`, { field: "--date-format", value: flags.dateFormat }),
      ]);
    }
    options.dateFormat = order;
  }
  if (flags.allowGaps) options.allowGaps = true;
  if (flags.sheet !== undefined) options.sheet = flags.sheet;
  if (warn !== undefined) options.onWarning = (d) => warn(formatDiagnostics([d]).trimEnd());
  return options;
}
