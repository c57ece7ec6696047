import { createRequire } from "node:module";
import { Readable } from "node:stream";
import { InputError, problem } from "./diagnostics.js";
import { closestName } from "./did-you-mean.js";
import { normalizeHeader } from "./names.js";
import { cellValueOf, type CellValue } from "./xlsx-cells.js";
import { builtInFormat } from "./xlsx-format.js";
import { cellRange, type CellRange } from "./xlsx-reference.js";
import { entryBytes, entryText, zipEntries, type ZipEntry } from "./xlsx-zip.js";

/**
 * An `.xlsx` workbook read with exceljs's streaming worksheet reader, one
 * sheet at a time, in memory that does not grow with the sheet: the zip is
 * opened from its directory, the small parts (workbook, relationships,
 * styles, shared strings) are read first whatever their order in the file,
 * then the sheet's XML is inflated and parsed as a stream, row by row.
 *
 * exceljs's own `WorkbookReader.read()` takes the parts in the order they
 * were written: a sheet that comes before `styles.xml` (LibreOffice and
 * other writers put it there) loses its number formats, so its dates and
 * durations would come back as bare numbers. Driving its part parsers in the
 * right order avoids that, and skips the temporary files it writes for
 * sheets stored before the shared strings.
 */

/** A sheet of the workbook, in the workbook's tab order. */
export interface WorkbookSheet {
  name: string;
  /** The sheet's part in the zip (`xl/worksheets/sheet1.xml`); undefined when the workbook does not have it. */
  path: string | undefined;
  /** `visible`, `hidden` or `veryHidden`. */
  state: string;
  /** A chart sheet holds no cells. */
  chart: boolean;
}

/** One row of a sheet: its number (1-based, as Excel shows it) and its cells by column (index 0 is column A). */
export interface SheetRow {
  row: number;
  cells: CellValue[];
}

// exceljs's streaming readers: plain JavaScript without types; the few members used are typed here
interface ExcelWorkbookReader {
  options: Record<string, string>;
  model?: { sheets?: { name: string; id: number; state?: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string; Type: string }[];
  properties?: { model?: { date1904?: boolean } };
  sharedStrings?: unknown[];
  styles: { index?: { numFmt?: (string | undefined)[] }; model?: { styles?: { numFmtId?: number }[] } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
}
interface ExcelCell {
  value: unknown;
  numFmt?: string;
  /** 6 for a formula (exceljs's ValueType.Formula). */
  type: number;
  /** A formula's cached result, as stored (`value` drops a result of 0). */
  result?: unknown;
}
interface ExcelRow {
  number: number;
  eachCell(options: { includeEmpty: boolean }, visit: (cell: ExcelCell, column: number) => void): void;
}
/** exceljs's ValueType.Formula. */
const FORMULA = 6;
type WorkbookReaderClass = new (input: unknown, options: Record<string, string>) => ExcelWorkbookReader;
type WorksheetReaderClass = new (args: { workbook: ExcelWorkbookReader; id: number; iterator: AsyncIterable<string>; options: Record<string, string> }) => AsyncIterable<ExcelRow>;

let readers: { WorkbookReader: WorkbookReaderClass; WorksheetReader: WorksheetReaderClass } | undefined;
/** exceljs's streaming readers, loaded only for a workbook (exceljs whole takes ~300 ms to load). */
function exceljsReaders(): NonNullable<typeof readers> {
  if (readers === undefined) {
    const require = createRequire(import.meta.url);
    readers = {
      WorkbookReader: require("exceljs/lib/stream/xlsx/workbook-reader.js") as WorkbookReaderClass,
      WorksheetReader: require("exceljs/lib/stream/xlsx/worksheet-reader.js") as WorksheetReaderClass,
    };
  }
  return readers;
}

/** Largest workbook file accepted, bytes (the zip is held in memory; its sheets are not). */
const MAX_WORKBOOK_BYTES = 1 << 30;
/** Largest small part (workbook, relationships, styles) once unpacked. */
const MAX_PART_BYTES = 64 << 20;
/** Largest shared-strings part once unpacked. */
const MAX_SHARED_STRINGS_BYTES = 256 << 20;

const WORKSHEET_TYPE = /\/worksheet$/;
const CHARTSHEET_TYPE = /\/chartsheet$/;

/** An open workbook: its sheets, and the rows of any of them as a stream. */
export class XlsxWorkbook {
  private constructor(
    readonly file: string,
    private readonly bytes: Buffer,
    private readonly entries: Map<string, ZipEntry>,
    private readonly reader: ExcelWorkbookReader,
    /** Every sheet, in tab order. */
    readonly sheets: WorkbookSheet[],
    /** Dates count from 1904-01-01 (old Mac workbooks). */
    readonly date1904: boolean,
  ) {}

  /**
   * Open a workbook from its bytes: its directory and small parts.
   *
   * @throws InputError CSV_BINARY for a damaged zip, a zip that is no
   *   workbook (.ods, .xlsb, .docx…) or an encrypted one; CSV_TOO_LARGE
   */
  static async open(bytes: Uint8Array, file: string): Promise<XlsxWorkbook> {
    if (bytes.length > MAX_WORKBOOK_BYTES) {
      throw new InputError([problem("CSV_TOO_LARGE", `the workbook has ${bytes.length} bytes: expected at most ${MAX_WORKBOOK_BYTES} (save the sheet as CSV, which is read as a stream)`, { file })]);
    }
    const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const entries = zipEntries(buffer, file);
    const workbookPath = officeDocument(buffer, entries, file);
    const { WorkbookReader } = exceljsReaders();
    const reader = new WorkbookReader(null, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
    const part = (path: string, max = MAX_PART_BYTES) => {
      const entry = entries.get(path);
      return entry === undefined ? undefined : Readable.from([entryBytes(buffer, entry, file, max).toString("utf8")]);
    };
    const dir = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
    const relsPath = `${dir}_rels/${workbookPath.slice(dir.length)}.rels`;
    try {
      const rels = part(relsPath);
      if (rels !== undefined) await reader._parseRels(rels);
      await reader._parseWorkbook(part(workbookPath)!);
      const relsList = reader.workbookRels ?? [];
      const target = (type: RegExp) => relsList.find((r) => type.test(r.Type))?.Target;
      const stylesPath = resolve(dir, target(/\/styles$/) ?? "styles.xml");
      const styles = part(stylesPath);
      if (styles !== undefined) {
        await reader._parseStyles(styles);
        fillBuiltInFormats(reader);
      }
      const strings = part(resolve(dir, target(/\/sharedStrings$/) ?? "sharedStrings.xml"), MAX_SHARED_STRINGS_BYTES);
      if (strings !== undefined) for await (const _ of reader._parseSharedStrings(strings)); // cached on the reader
      reader.sharedStrings ??= [];
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError([problem("CSV_BINARY", `the workbook's structure cannot be read (${(error as Error).message}): expected an .xlsx workbook as Excel saves it — open it in Excel and save it again, or save it as CSV`, { file })]);
    }
    const rels = new Map((reader.workbookRels ?? []).map((r) => [r.Id, r]));
    const sheets: WorkbookSheet[] = (reader.model?.sheets ?? []).map((s) => {
      const rel = rels.get(s.rId);
      return {
        name: s.name,
        path: rel === undefined ? undefined : resolve(dir, rel.Target),
        state: s.state ?? "visible",
        chart: rel !== undefined && CHARTSHEET_TYPE.test(rel.Type) && !WORKSHEET_TYPE.test(rel.Type),
      };
    });
    return new XlsxWorkbook(file, buffer, entries, reader, sheets, reader.properties?.model?.date1904 === true);
  }

  /**
   * The sheet to read: the one named `name` (exact, else the only one equal
   * but for case and accents), or without a name the first visible sheet.
   *
   * @param option - the option that named it, for the message (`--sheet`, `--roster-sheet`)
   * @throws InputError USAGE_BAD_OPTION for an unknown name (the sheets listed, with the closest), a chart sheet; CSV_EMPTY for a workbook without a sheet
   */
  sheet(name: string | undefined, option = "--sheet"): WorkbookSheet {
    const names = this.sheets.map((s) => JSON.stringify(s.name)).join(", ");
    if (name === undefined) {
      const first = this.sheets.find((s) => s.state === "visible" && !s.chart) ?? this.sheets.find((s) => !s.chart);
      if (first === undefined) throw new InputError([problem("CSV_EMPTY", "the workbook has no worksheet: expected a sheet with a header row and data rows", { file: this.file })]);
      return first;
    }
    const sheet = this.sheets.find((s) => s.name === name) ?? uniqueLoose(this.sheets, name);
    if (sheet === undefined) {
      const close = closestSheet(name, this.sheets.map((s) => s.name));
      throw new InputError([
        problem("USAGE_BAD_OPTION", `${option}: got ${JSON.stringify(name)}, expected one of the sheets of ${this.file}: ${names}${close === undefined ? "" : ` — did you mean ${JSON.stringify(close)}?`}`, {
          file: this.file,
          field: option,
          value: name,
        }),
      ]);
    }
    if (sheet.chart) throw new InputError([problem("USAGE_BAD_OPTION", `${option}: ${JSON.stringify(sheet.name)} is a chart sheet, with no cells: expected one of the worksheets of ${this.file}: ${names}`, { file: this.file, field: option, value: name })]);
    return sheet;
  }

  /**
   * The rows of `sheet` in order, each with its cells; rows Excel did not
   * store (blank ones) are absent. Streamed: a row is parsed when asked for.
   * A formula saved with an empty value (`<v></v>`, as openpyxl writes one)
   * is a formula without its value, not an error result.
   *
   * @param merges - where the sheet's merged ranges go (written after its rows, so known once every row is read)
   * @throws InputError CSV_BINARY when the sheet's part is missing or damaged
   */
  async *rows(sheet: WorkbookSheet, merges: CellRange[] = []): AsyncGenerator<SheetRow> {
    const { WorksheetReader } = exceljsReaders();
    const xml = sheetXml(this.sheetText(sheet), (ref) => {
      const range = cellRange(ref);
      if (range !== undefined) merges.push(range);
    });
    const worksheet = new WorksheetReader({ workbook: this.reader, id: this.sheets.indexOf(sheet) + 1, iterator: xml, options: this.reader.options });
    const date1904 = this.date1904;
    try {
      for await (const row of worksheet) {
        const cells: CellValue[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          // a formula's result from `result`: exceljs's `value` leaves out a result of 0, "" or NaN (an error)
          const value = cell.type === FORMULA ? { formula: (cell.value as { formula?: string }).formula ?? "", result: cell.result } : cell.value;
          cells[column - 1] = cellValueOf(value, cell.numFmt, date1904);
        });
        yield { row: row.number, cells };
      }
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError([problem("CSV_BINARY", `the sheet ${JSON.stringify(sheet.name)} cannot be read (${(error as Error).message}): expected an .xlsx workbook as Excel saves it — open it in Excel and save it again, or save it as CSV`, { file: this.file })]);
    }
  }

  /**
   * The merged ranges of `sheet` (`C2:C3`), read from the end of its XML
   * without parsing its cells: for a read stopped before the end.
   *
   * @throws InputError CSV_BINARY when the sheet's part is missing or damaged
   */
  async merges(sheet: WorkbookSheet): Promise<CellRange[]> {
    const merges: CellRange[] = [];
    for await (const _ of sheetXml(this.sheetText(sheet), (ref) => {
      const range = cellRange(ref);
      if (range !== undefined) merges.push(range);
    }));
    return merges;
  }

  /** The text of a sheet's XML part, streamed. */
  private sheetText(sheet: WorkbookSheet): AsyncGenerator<string> {
    const entry = sheet.path === undefined ? undefined : this.entries.get(sheet.path);
    if (entry === undefined) {
      throw new InputError([problem("CSV_BINARY", `the sheet ${JSON.stringify(sheet.name)} has no content in the workbook: expected an .xlsx workbook as Excel saves it — open it in Excel and save it again`, { file: this.file })]);
    }
    return entryText(this.bytes, entry, this.file);
  }
}

/**
 * A sheet's XML as it streams in, with the empty value of a formula cell
 * left out (`<c><f>4*60+30</f><v></v></c>`, as openpyxl saves a formula it
 * cannot compute: exceljs would read the empty value as the number NaN, an
 * error result), except in a text-result cell (`t="str"`), where it is the
 * empty text a formula gave; `onMerge` gets the reference of each merged
 * range (`<mergeCell ref="C2:C3"/>`). A tag or an empty value cut between
 * two chunks is held until it is whole.
 */
export async function* sheetXml(chunks: AsyncIterable<string>, onMerge: (ref: string) => void = () => {}): AsyncGenerator<string> {
  let carry = "";
  let cellType = ""; // the `t` of the last cell opened in a chunk already passed on
  for await (const chunk of chunks) {
    const text = carry + chunk;
    let cut = text.length;
    const lt = text.lastIndexOf("<");
    if (lt >= 0 && text.indexOf(">", lt) < 0) cut = lt; // a tag cut in two
    const open = /<v\s*>\s*$/.exec(text.slice(Math.max(0, cut - 64), cut));
    if (open !== null) cut -= open[0].length; // an opening <v>, maybe of an empty value
    const head = text.slice(0, cut);
    carry = text.slice(cut);
    yield head.replace(VALUE_OR_MERGE, (tag, ref: string | undefined, at: number) => {
      if (ref !== undefined) {
        onMerge(ref);
        return tag;
      }
      const type = cellTypeBefore(head, at) ?? cellType;
      return type === "str" || type === "inlineStr" ? tag : "";
    });
    cellType = cellTypeBefore(head, head.length) ?? cellType;
  }
  if (carry !== "") yield carry;
}

/** An empty value (`<v></v>`, `<v/>`), or a merged range with its reference. */
const VALUE_OR_MERGE = /<v\s*\/>|<v\s*>\s*<\/v>|<mergeCell\b[^>]*?\bref=["']([^"']*)["'][^>]*>/g;

/** The `t` attribute of the last cell tag (`<c r="F3" t="str">`) that opens before `at` in `text` ("" without one), undefined when none does. */
function cellTypeBefore(text: string, at: number): string | undefined {
  for (let i = text.lastIndexOf("<c", at); i >= 0; i = i === 0 ? -1 : text.lastIndexOf("<c", i - 1)) {
    const next = text.charCodeAt(i + 2);
    // "<c " or "<c>", not "<cols>" or "<col "
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) {
      const end = text.indexOf(">", i);
      return /\bt=["']([^"']*)["']/.exec(text.slice(i, end < 0 ? text.length : end))?.[1] ?? "";
    }
  }
  return undefined;
}

/**
 * The sheet a name not found may mean, case, accents and punctuation
 * ignored: the first whose name starts with it (`Prevision` → `Prévisions
 * S48`), else the first that contains it, else the closest spelling (at
 * most 3 edits).
 */
export function closestSheet(name: string, sheets: readonly string[]): string | undefined {
  const key = normalizeHeader(name);
  const keys = sheets.map((s) => normalizeHeader(s));
  if (key !== "") {
    const starts = keys.findIndex((k) => k.startsWith(key));
    if (starts >= 0) return sheets[starts];
    const contains = keys.findIndex((k) => k.includes(key));
    if (contains >= 0) return sheets[contains];
  }
  const close = closestName(key === "" ? name : key, key === "" ? sheets : keys, 3);
  return close === undefined ? undefined : sheets[(key === "" ? sheets : keys).indexOf(close)];
}

/** The one sheet whose name equals `name` but for case, accents and punctuation. */
function uniqueLoose(sheets: WorkbookSheet[], name: string): WorkbookSheet | undefined {
  const key = normalizeHeader(name);
  const found = sheets.filter((s) => normalizeHeader(s.name) === key);
  return found.length === 1 ? found[0] : undefined;
}

/** `target` of a relationship of a part in `dir` (`xl/`), as a path in the zip. */
function resolve(dir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (dir + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== ".") out.push(p);
  }
  return out.join("/");
}

/**
 * The workbook part of an Office zip (`xl/workbook.xml` as a rule, from
 * `_rels/.rels`), or CSV_BINARY saying what the zip is instead.
 */
function officeDocument(bytes: Buffer, entries: Map<string, ZipEntry>, file: string): string {
  const rootRels = entries.get("_rels/.rels");
  let path = "xl/workbook.xml";
  if (rootRels !== undefined) {
    const xml = entryBytes(bytes, rootRels, file, MAX_PART_BYTES).toString("utf8");
    for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      const type = /\bType="([^"]*)"/.exec(m[0])?.[1] ?? "";
      const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
      if (/\/officeDocument$/.test(type) && target !== undefined) path = resolve("", target.replace(/&amp;/g, "&"));
    }
  }
  if (entries.has(path) && /\.xml$/i.test(path)) return path;
  const mimetype = entries.get("mimetype");
  const what =
    mimetype !== undefined && /opendocument\.spreadsheet/.test(entryBytes(bytes, mimetype, file, 1024).toString("latin1"))
      ? "an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV"
      : /\.bin$/i.test(path) || entries.has("xl/workbook.bin")
        ? "an Excel binary workbook (.xlsb): save it as .xlsx or CSV"
        : entries.has("word/document.xml")
          ? "a Word document, not a workbook"
          : [...entries.keys()].some((k) => k.startsWith("ppt/"))
            ? "a PowerPoint presentation, not a workbook"
            : "a zip archive with no workbook in it";
  throw new InputError([problem("CSV_BINARY", `the file is ${what}: expected an .xlsx workbook or a CSV file`, { file })]);
}

/**
 * Built-in format ids (East Asian dates and times: 27–36, 50–58) that a
 * workbook uses without writing their code, and for which exceljs knows no
 * code: given a code of their class, so that their cells are dates and
 * times, not bare numbers.
 */
function fillBuiltInFormats(reader: ExcelWorkbookReader): void {
  const codes = reader.styles.index?.numFmt;
  if (codes === undefined) return;
  const stand: Record<string, string> = { date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm", time: "hh:mm:ss", elapsed: "[h]:mm:ss", percent: "0%" };
  for (const style of reader.styles.model?.styles ?? []) {
    const id = style.numFmtId;
    if (id === undefined || id >= 164 || codes[id] !== undefined) continue;
    const kind = builtInFormat(id);
    if (kind !== undefined && kind !== "general" && (id >= 27 && id <= 36 || id >= 50 && id <= 58)) codes[id] = stand[kind];
  }
}
