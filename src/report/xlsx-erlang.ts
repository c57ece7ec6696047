import type { ErlangAnswer } from "../plan/erlang-case.js";
import { ERLANG_FIELDS, erlangRecord } from "./render-erlang.js";
import type { XlsxKind } from "./xlsx-kinds.js";
import { rowsSheet, writeWorkbook, type XlsxScalar, type XlsxSheet } from "./xlsx-workbook.js";

/** Columns whose name means something else here than in a plan: the Erlang calculator's agents and servers are whole. */
const KINDS: Readonly<Record<string, XlsxKind>> = { agents: "integer", servers: "integer", id: "text", model: "text", binding: "text", reason: "text" };

/**
 * The sheet of `ccplan erlang --format xlsx`: one row per case (one for the
 * flags form, one per line of an `--input` file), the columns and values of
 * the CSV and JSON reports (inputs echoed, then the answer), made as the
 * sheet is written.
 */
function erlangSheet(answers: Iterable<ErlangAnswer>): XlsxSheet {
  return rowsSheet(
    "Erlang",
    ERLANG_FIELDS,
    (function* () {
      for (const a of answers) {
        const rec = erlangRecord(a) as Record<string, XlsxScalar>;
        yield ERLANG_FIELDS.map((k) => rec[k] ?? null);
      }
    })(),
    KINDS,
  );
}

/** Write the Erlang workbook into `fd` (see {@link writeWorkbook}). */
export async function writeErlangWorkbook(answers: readonly ErlangAnswer[], fd: number): Promise<void> {
  await writeWorkbook([erlangSheet(answers)], fd);
}
