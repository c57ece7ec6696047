import { detectDelimiter } from "./csv-delimiter.js";
import type { CsvTable } from "./csv-read.js";
import { collectChunks, peekChunks } from "./csv-stream.js";
import { InputError, problem, type Diagnostic } from "./diagnostics.js";
import { ERLANG_COLUMNS } from "./erlang-fields.js";
import { FORECAST_COLUMNS } from "./forecast-read.js";
import { normalizeHeader } from "./names.js";
import { REQUIREMENT_OWN_COLUMNS } from "./requirement-columns.js";
import { ROSTER_COLUMNS } from "./roster-read.js";
import { decodeHead } from "./text-decode.js";
import { sheetHeader, xlsProblem, type HeaderShape, type SheetChoice } from "./xlsx-table.js";
import { isOle, isZip } from "./xlsx-zip.js";

/** Which of ccplan's CSV files a header belongs to. */
export type CsvKind = "forecast" | "erlang-cases" | "roster" | "requirement" | "empty" | "binary" | "unknown";

/** What {@link sniffCsvKind} tells of a file. */
export interface SniffedKind {
  kind: CsvKind;
  /** The whole file again, from its first byte. */
  chunks: AsyncIterable<Uint8Array>;
  /** A workbook's sheet whose header told the kind. */
  sheet?: string;
  /** The row of that sheet taken as the header. */
  headerRow?: number;
  /** Why a binary file cannot be read (a damaged workbook, an .xls…), when that is known. */
  problem?: Diagnostic;
}

/**
 * Tell a file's kind from its header line, and give back a stream that still
 * starts at the first byte (the chunks read to see the header are replayed).
 * A workbook (`.xlsx`) is read whole and its kind told by the header of the
 * sheet `choice.sheet` (default: the first), the first of its first rows
 * that names the columns of a kind (a title above the table is passed
 * over); a workbook that cannot be read is "binary" with the reason.
 *
 * @throws InputError USAGE_BAD_OPTION for a sheet the workbook does not have
 */
export async function sniffCsvKind(source: AsyncIterable<Uint8Array>, file = "-", choice: SheetChoice = {}): Promise<SniffedKind> {
  // up to the end of the first line, or 64 KiB
  const { head, rest } = await peekChunks(source, (size, last) => size >= 65_536 || last.includes(10));
  const bytes = Buffer.concat(head);
  if (isZip(bytes)) {
    const all = await collectChunks(rest);
    const whole = (async function* () {
      yield all;
    })();
    try {
      const { sheet, header, headerRow } = await sheetHeader(all, file, choice, anyKind());
      return { kind: kindOfNames(header), chunks: whole, sheet, headerRow };
    } catch (error) {
      if (error instanceof InputError && error.diagnostics[0]?.code === "CSV_BINARY") return { kind: "binary", chunks: whole, problem: error.diagnostics[0] };
      throw error;
    }
  }
  if (isOle(bytes)) return { kind: "binary", chunks: rest, problem: xlsProblem(file) };
  const decoded = bytes.length === 0 ? undefined : decodeHead(bytes);
  const kind: CsvKind = decoded === undefined ? "empty" : decoded === "binary" ? "binary" : kindOf(firstLine(decoded.text));
  return { kind, chunks: rest };
}

function firstLine(text: string): string {
  const nl = text.indexOf("\n");
  return nl === -1 ? text : text.slice(0, nl);
}

function kindOf(line: string): CsvKind {
  return kindOfNames(line.split(detectDelimiter(line)));
}

/** A header of any of ccplan's files (see {@link kindOfNames}), for finding it below a title in a workbook. */
function anyKind(): HeaderShape {
  // built when asked for: the readers' tables are not there yet while the modules load (they import one another)
  return {
    known: new Set([FORECAST_COLUMNS, ERLANG_COLUMNS, ROSTER_COLUMNS, REQUIREMENT_OWN_COLUMNS].flatMap((columns) => Object.values<readonly string[]>(columns).flat())),
    complete: (names) => kindOfNames([...names]) !== "unknown",
  };
}

/** The kind of a file whose header names are `header`. */
function kindOfNames(header: readonly string[]): CsvKind {
  const names = new Set(header.map((h) => normalizeHeader(h.replace(/"/g, ""))));
  const has = (aliases: readonly string[]) => aliases.some((a) => names.has(a));
  const start = has(FORECAST_COLUMNS.interval_start) || (has(FORECAST_COLUMNS.date) && has(FORECAST_COLUMNS.time));
  // a start and agents but no queue: agents to schedule (`ccplan shifts --requirement`)
  if (start && has(REQUIREMENT_OWN_COLUMNS.agents) && !has(FORECAST_COLUMNS.volume) && !has(FORECAST_COLUMNS.typology) && !has(FORECAST_COLUMNS.channel)) return "requirement";
  if (start || has(FORECAST_COLUMNS.channel)) return "forecast";
  if (has(ERLANG_COLUMNS.volume) && has(ERLANG_COLUMNS.aht)) return "erlang-cases";
  if (has(ROSTER_COLUMNS.agent_id) && has(ROSTER_COLUMNS.tier)) return "roster";
  return "unknown";
}

type FileKind = "forecast" | "erlang-cases" | "roster" | "requirement";

/**
 * A header that is plainly one of ccplan's files — strictly, so that a file
 * of the expected kind with a column missing or misspelt is never taken for
 * another: a forecast has a start (`interval_start`, or `date` and `time`)
 * and a queue (`typology` or `channel`); a roster an `agent_id` and a `site`
 * or `tier`; an erlang batch `volume` and `aht` and neither a start nor a
 * queue. `interval` alone (an erlang batch's interval length) is no start.
 */
export function fileKindOf(names: readonly string[]): FileKind | undefined {
  const set = new Set(names.map((n) => normalizeHeader(n.replace(/"/g, ""))));
  const has = (aliases: readonly string[]) => aliases.some((a) => set.has(a));
  const start = has(FORECAST_COLUMNS.interval_start.filter((a) => a !== "interval")) || (has(FORECAST_COLUMNS.date) && has(FORECAST_COLUMNS.time));
  const queue = has(FORECAST_COLUMNS.typology) || has(FORECAST_COLUMNS.channel);
  if (start && queue) return "forecast";
  if (start && has(REQUIREMENT_OWN_COLUMNS.agents) && !has(FORECAST_COLUMNS.volume)) return "requirement";
  if (has(ROSTER_COLUMNS.agent_id) && (has(ROSTER_COLUMNS.site) || has(ROSTER_COLUMNS.tier))) return "roster";
  if (has(ERLANG_COLUMNS.volume) && has(ERLANG_COLUMNS.aht) && !start && !queue) return "erlang-cases";
  return undefined;
}

const KIND_NAMES: Record<FileKind, string> = {
  forecast: "a forecast (interval_start, typology, channel, volume, aht)",
  "erlang-cases": "an erlang batch (volume, aht and targets, one queue per row)",
  roster: "a roster (agent_id, site, tier, skills)",
  requirement: "a requirement of agents to schedule (interval_start, agents, team)",
};

/**
 * CSV_WRONG_KIND when `table` is plainly another kind of file than the one
 * whose canonical column names are `expected` (a roster given as a forecast,
 * a forecast as an erlang batch…), with the command that reads it; else
 * undefined. Cheap: the header only, looked at when its columns do not fit.
 */
export function wrongKindProblem(table: CsvTable, expected: readonly string[]): Diagnostic | undefined {
  const want = fileKindOf(expected);
  const got = fileKindOf(table.header);
  if (want === undefined || got === undefined || want === got) return undefined;
  const file = table.file;
  const use =
    got === "forecast"
      ? want === "roster"
        ? `give it as the forecast: ccplan gaps ${file} --roster ROSTER`
        : want === "requirement"
          ? `give it as the forecast: ccplan shifts ${file} --scenario SCENARIO`
          : `use ccplan plan ${file}`
      : got === "roster"
        ? `use ccplan gaps FORECAST --roster ${file}`
        : got === "requirement"
          ? `use ccplan shifts --requirement ${file} --scenario SCENARIO`
          : `use ccplan erlang --input ${file}`;
  return problem("CSV_WRONG_KIND", `this looks like ${KIND_NAMES[got]}, not ${KIND_NAMES[want].replace(/ \(.*\)$/, "")}: ${use}`, {
    file,
    line: table.headerLine ?? 1,
  });
}
