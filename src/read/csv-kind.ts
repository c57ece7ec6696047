import { detectDelimiter } from "./csv-read.js";
import { ERLANG_COLUMNS } from "./erlang-fields.js";
import { FORECAST_COLUMNS } from "./forecast-read.js";
import { normalizeHeader } from "./names.js";
import { ROSTER_COLUMNS } from "./roster-read.js";
import { decodeText } from "./text-decode.js";

/** Which of ccplan's CSV files a header belongs to. */
export type CsvKind = "forecast" | "erlang-cases" | "roster" | "empty" | "binary" | "unknown";

/**
 * Tell a file's kind from its header line, and give back a stream that still
 * starts at the first byte (the chunks read to see the header are replayed).
 */
export async function sniffCsvKind(source: AsyncIterable<Uint8Array>): Promise<{ kind: CsvKind; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < 65_536) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
    if (next.value.includes(10)) break;
  }
  const bytes = Buffer.concat(head);
  const kind: CsvKind = bytes.length === 0 ? "empty" : bytes.subarray(0, 8192).includes(0) ? "binary" : kindOf(decodeText(firstLineBytes(bytes)).text);
  async function* replay(): AsyncIterable<Uint8Array> {
    yield* head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { kind, chunks: replay() };
}

function firstLineBytes(bytes: Uint8Array): Uint8Array {
  const nl = bytes.indexOf(10);
  return nl === -1 ? bytes : bytes.subarray(0, nl);
}

function kindOf(line: string): CsvKind {
  const names = new Set(line.split(detectDelimiter(line)).map((h) => normalizeHeader(h.replace(/"/g, ""))));
  const has = (aliases: readonly string[]) => aliases.some((a) => names.has(a));
  if (has(FORECAST_COLUMNS.interval_start) || (has(FORECAST_COLUMNS.date) && has(FORECAST_COLUMNS.time)) || has(FORECAST_COLUMNS.channel)) return "forecast";
  if (has(ERLANG_COLUMNS.volume) && has(ERLANG_COLUMNS.aht)) return "erlang-cases";
  if (has(ROSTER_COLUMNS.agent_id) && has(ROSTER_COLUMNS.tier)) return "roster";
  return "unknown";
}
