import ExcelJS from "exceljs";

/** A cell as exceljs reads it back: number, text, flag, date, or nothing. */
export type ReadCell = number | string | boolean | Date | null;

/** One worksheet as read back: header, rows, number formats of each cell, and how it is laid out. */
export interface ReadSheet {
  name: string;
  header: string[];
  rows: ReadCell[][];
  /** The number format of each data cell (undefined: none). */
  formats: (string | undefined)[][];
  headerBold: boolean[];
  frozen: { state: string | undefined; ySplit: number | undefined };
  autoFilter: string | undefined;
  widths: (number | undefined)[];
}

function plain(v: ExcelJS.CellValue): ReadCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  throw new Error(`unexpected cell value ${JSON.stringify(v)}`);
}

/** Read a workbook (a file or its bytes) with exceljs: every sheet, every cell. */
export async function readSheets(source: string | Uint8Array): Promise<ReadSheet[]> {
  const book = new ExcelJS.Workbook();
  if (typeof source === "string") await book.xlsx.readFile(source);
  else await book.xlsx.load(Buffer.from(source) as unknown as ExcelJS.Buffer);
  return book.worksheets.map((ws) => {
    const width = ws.columnCount;
    const header: string[] = [];
    const headerBold: boolean[] = [];
    for (let k = 1; k <= width; k++) {
      const cell = ws.getRow(1).getCell(k);
      header.push(String(cell.value));
      headerBold.push(cell.font?.bold === true);
    }
    const rows: ReadCell[][] = [];
    const formats: (string | undefined)[][] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const values: ReadCell[] = [];
      const fmts: (string | undefined)[] = [];
      for (let k = 1; k <= width; k++) {
        const cell = row.getCell(k);
        values.push(plain(cell.value));
        fmts.push(cell.numFmt ?? undefined);
      }
      rows.push(values);
      formats.push(fmts);
    }
    const view = (ws.views ?? [])[0] as { state?: string; ySplit?: number } | undefined;
    return {
      name: ws.name,
      header,
      rows,
      formats,
      headerBold,
      frozen: { state: view?.state, ySplit: view?.ySplit },
      autoFilter: typeof ws.autoFilter === "string" ? ws.autoFilter : undefined,
      widths: Array.from({ length: width }, (_, k) => ws.getColumn(k + 1).width),
    };
  });
}

/** The sheet of that name (fails the test when there is none). */
export function sheet(sheets: readonly ReadSheet[], name: string): ReadSheet {
  const s = sheets.find((x) => x.name === name);
  if (s === undefined) throw new Error(`no sheet ${name}: ${sheets.map((x) => x.name).join(", ")}`);
  return s;
}

/** A sheet's rows as objects keyed by its header. */
export function records(s: ReadSheet): Record<string, ReadCell>[] {
  return s.rows.map((row) => Object.fromEntries(s.header.map((h, k) => [h, row[k] ?? null])));
}

/**
 * A read cell as the JSON has the value: a date as its ISO text on the
 * file's own clock (`2027-01-04` or `2027-01-04T08:30`, by the length of the
 * JSON's), everything else as it is.
 */
export function asJson(cell: ReadCell, json: unknown): unknown {
  if (cell instanceof Date) return cell.toISOString().slice(0, typeof json === "string" ? json.length : 16);
  return cell;
}

/** Every zip entry's DOS time and date, from the central directory and from each local header (a reader independent of the writer). */
export function zipTimes(bytes: Uint8Array): { central: [number, number][]; local: [number, number][] } {
  const b = Buffer.from(bytes);
  let end = -1;
  for (let k = b.length - 22; k >= 0; k--) {
    if (b.readUInt32LE(k) === 0x06054b50) {
      end = k;
      break;
    }
  }
  let count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  if (at === 0xffffffff) {
    const z = Number(b.readBigUInt64LE(end - 20 + 8));
    count = Number(b.readBigUInt64LE(z + 32));
    at = Number(b.readBigUInt64LE(z + 48));
  }
  const central: [number, number][] = [];
  const local: [number, number][] = [];
  for (let n = 0; n < count; n++) {
    if (b.readUInt32LE(at) !== 0x02014b50) throw new Error(`no central header at ${at}`);
    central.push([b.readUInt16LE(at + 12), b.readUInt16LE(at + 14)]);
    const offset = b.readUInt32LE(at + 42);
    if (b.readUInt32LE(offset) !== 0x04034b50) throw new Error(`no local header at ${offset}`);
    local.push([b.readUInt16LE(offset + 10), b.readUInt16LE(offset + 12)]);
    at += 46 + b.readUInt16LE(at + 28) + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return { central, local };
}
