import { crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { entryBytes, zipEntries } from "../../src/read/xlsx-zip.js";

/** A cell written by a test: a value, optionally with its number format. */
export type TestCell = string | number | boolean | Date | null | { value: ExcelJS.CellValue; numFmt?: string };

/** A sheet written by a test: its name and rows (row 1 first; `null` rows stay blank), and its merged ranges (`C2:C3`). */
export interface TestSheet {
  name: string;
  rows: (TestCell[] | null)[];
  merges?: string[];
}

/** Fixed document dates, so that a test workbook is the same bytes every run. */
const FIXED = new Date(Date.UTC(2026, 0, 1));

/** An .xlsx workbook written by exceljs, its sheets in order. */
export async function workbookBytes(sheets: TestSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED;
  wb.modified = FIXED;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((cells, r) => {
      if (cells === null) return;
      const row = ws.getRow(r + 1);
      cells.forEach((c, i) => {
        if (c === null) return;
        const cell = row.getCell(i + 1);
        if (typeof c === "object" && !(c instanceof Date) && "value" in c) {
          cell.value = c.value;
          if (c.numFmt !== undefined) cell.numFmt = c.numFmt;
        } else cell.value = c;
      });
      row.commit();
    });
    for (const range of s.merges ?? []) ws.mergeCells(range);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A date cell holding the wall clock `2026-11-23T08:30` (exceljs writes UTC dates as serials with no shift). */
export function dateCell(isoMinute: string, numFmt = "dd/mm/yyyy hh:mm"): TestCell {
  return { value: new Date(`${isoMinute}:00Z`), numFmt };
}

/** A duration cell: `seconds` as a fraction of a day, formatted `[h]:mm:ss` (or `numFmt`). */
export function durationCell(seconds: number, numFmt = "[h]:mm:ss"): TestCell {
  return { value: seconds / 86_400, numFmt };
}

/**
 * A CSV twin as Excel would store it: `convert` gives each cell's stored
 * value from its text and column name (default: a number when the text is
 * one, else the text; blank stays blank).
 */
export function sheetFromCsv(name: string, csv: string, convert: (text: string, column: string) => TestCell = plainCell): TestSheet {
  const [header, ...rows] = parse(csv, { bom: true }) as string[][];
  return { name, rows: [header!, ...rows.map((cells) => cells.map((c, i) => (c === "" ? null : convert(c, header![i]!))))] };
}

/** A number when the text is one, else the text. */
export function plainCell(text: string): TestCell {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/**
 * A forecast CSV (`fixtures/forecast-week.csv`'s columns) as Excel stores
 * it: `interval_start` a date cell in `dateFormat`, the handle, patience and
 * dial times `mm:ss` duration cells, the deadline an `[h]:mm:ss` one,
 * numbers as numbers.
 */
export function forecastSheetFromCsv(name: string, csv: string, dateFormat: string): TestSheet {
  return sheetFromCsv(name, csv, (text, column) => {
    if (column === "interval_start") return dateCell(text, dateFormat);
    if (column === "aht" || column === "patience" || column === "deadline" || column === "dial_time") return durationCell(Number(text), column === "deadline" ? "[h]:mm:ss" : "mm:ss");
    return plainCell(text);
  });
}

/** One entry of a zip written by {@link zipOf}. */
export interface ZipPart {
  name: string;
  data: string | Buffer;
  /** Store instead of deflate. */
  store?: boolean;
  /** Set the "encrypted" flag (the data stays readable: only the flag is looked at). */
  encrypted?: boolean;
}

/** A zip archive of `parts` in the order given. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, "utf8");
    const packed = p.store ? data : deflateRawSync(data);
    const name = Buffer.from(p.name, "utf8");
    const flags = (p.encrypted ? 1 : 0) | 0x800;
    const method = p.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of an .xlsx (name → text), to edit and zip again with {@link zipOf}. */
export function partsOf(bytes: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, entry] of zipEntries(bytes, "test.xlsx")) out.set(name, entryBytes(bytes, entry, "test.xlsx", 1 << 30).toString("utf8"));
  return out;
}

/** A minimal workbook of one sheet from its raw XML parts (sheetData inner XML, optional styles and shared strings), parts in `order`. */
export function rawWorkbook(options: {
  sheetData: string;
  sheetName?: string;
  styles?: string;
  sharedStrings?: string[];
  date1904?: boolean;
  order?: string[];
}): Buffer {
  const name = (options.sheetName ?? "Data").replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  const parts = new Map<string, string>([
    ["[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`],
    ["_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${
        options.styles !== undefined ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : ""
      }${options.sharedStrings !== undefined ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ""}</Relationships>`,
    ],
    ["xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${options.sheetData}</sheetData></worksheet>`],
  ]);
  if (options.styles !== undefined) parts.set("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.styles}</styleSheet>`);
  if (options.sharedStrings !== undefined) {
    const items = options.sharedStrings.map((t) => `<si><t xml:space="preserve">${t.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</t></si>`).join("");
    parts.set("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${options.sharedStrings.length}" uniqueCount="${options.sharedStrings.length}">${items}</sst>`);
  }
  const order = options.order ?? [...parts.keys()];
  const names = [...order.filter((n) => parts.has(n)), ...[...parts.keys()].filter((n) => !order.includes(n))];
  return zipOf(names.map((n) => ({ name: n, data: parts.get(n)! })));
}

/**
 * A styles part whose cell formats (`s="1"`, `s="2"`…) have the given
 * number formats: a code for a custom one, or a built-in id.
 */
export function stylesWith(formats: (string | number)[]): string {
  const custom = formats.map((f, i) => (typeof f === "string" ? { id: 164 + i, code: f } : undefined)).filter((x) => x !== undefined);
  const numFmts = custom.length === 0 ? "" : `<numFmts count="${custom.length}">${custom.map((c) => `<numFmt numFmtId="${c!.id}" formatCode="${c!.code.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"/>`).join("")}</numFmts>`;
  const xfs = [`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`, ...formats.map((f, i) => `<xf numFmtId="${typeof f === "string" ? 164 + i : f}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)];
  return `${numFmts}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>`;
}
