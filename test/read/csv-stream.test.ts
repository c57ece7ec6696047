import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { splitUnquoted, streamCsv } from "../../src/read/csv-stream.js";
import { InputError } from "../../src/read/diagnostics.js";

const enc = (s: string) => new TextEncoder().encode(s);

async function rowsOf(chunks: Uint8Array[]): Promise<{ header: string[]; rows: Array<[number, string[]]> }> {
  const rows: Array<[number, string[]]> = [];
  let header: string[] = [];
  await streamCsv(chunks, "s.csv", {}, (info) => {
    header = info.header;
    return (cells, line) => rows.push([line, [...cells]]);
  });
  return { header, rows };
}

function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out;
}

const TEXT =
  '\uFEFFa,b,c\r\n1,"two, with comma",3\r\n\r\n4,"multi\r\nline ""quoted""",6\r\n7,"",9\r\n"x\ny\nz",é€’,last\r\n10,11,12';

describe("streamCsv", () => {
  it("reads quoted fields, escaped quotes, multi-line fields, blank lines, a BOM and CRLF, with each row's first line", async () => {
    const { header, rows } = await rowsOf([enc(TEXT)]);
    expect(header).toEqual(["a", "b", "c"]);
    expect(rows).toEqual([
      [2, ["1", "two, with comma", "3"]],
      [4, ["4", 'multi\r\nline "quoted"', "6"]],
      [6, ["7", "", "9"]],
      [7, ["x\ny\nz", "é€’", "last"]],
      [10, ["10", "11", "12"]],
    ]);
  });

  it("gives the same rows and lines however the bytes are cut into chunks", async () => {
    const bytes = enc(TEXT);
    const whole = await rowsOf([bytes]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(bytes.length), { maxLength: 12 }), async (cuts) => {
        expect(await rowsOf(split(bytes, cuts))).toEqual(whole);
      }),
    );
  });

  it("reports a syntax error in a later chunk on the file's line", async () => {
    const good = Array.from({ length: 200 }, (_, i) => `${i},"q",x`).join("\n");
    const chunks = [enc("a,b,c\n" + good + "\n"), enc('1,2,3\n4,"open,6\n')];
    try {
      await rowsOf(chunks);
      expect.fail("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const d = (e as InputError).diagnostics[0]!;
      expect(d.code).toBe("CSV_SYNTAX");
      expect(d.line).toBeGreaterThanOrEqual(203);
    }
  });

  it("decodes Windows-1252 chunks (€ is 0x80, not a control character)", async () => {
    const bytes = Uint8Array.from([...enc("a;b\n"), 0x80, 0x3b, 0xe9, 0x0a]); // "€;é"
    const { rows } = await rowsOf([bytes]);
    expect(rows).toEqual([[2, ["€", "é"]]]);
  });

  it("reads a header without a final newline, skips blank lines before it, and refuses a file with only blanks", async () => {
    expect(await rowsOf([enc("a,b")])).toEqual({ header: ["a", "b"], rows: [] });
    expect(await rowsOf([enc("\n ,\na,b\n1,2\n")])).toEqual({ header: ["a", "b"], rows: [[4, ["1", "2"]]] });
    await expect(rowsOf([enc("  \n\n")])).rejects.toBeInstanceOf(InputError);
  });
});

describe("splitUnquoted", () => {
  const options = { bom: true, relax_column_count: true, skip_empty_lines: false, trim: false } as const;
  it("gives exactly csv-parse's records for any text without quotes, or declines", () => {
    const piece = fc.constantFrom("a", "1", ",", ";", "\t", " ", "é", "€", "\n", "\r\n", "\r", "\uFEFF", "");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(",", ";", "\t"), fc.boolean(), (pieces, delimiter, bom) => {
        const bytes = Buffer.from((bom ? "\uFEFF" : "") + pieces.join(""), "utf8");
        const fast = splitUnquoted(bytes, delimiter, true);
        if (fast === undefined) return;
        expect(fast).toEqual(parse(bytes, { ...options, delimiter }));
      }),
      { numRuns: 3000 },
    );
  });

  it("takes the fast path for ordinary LF and CRLF exports and declines quotes", () => {
    expect(splitUnquoted(Buffer.from("a;b\r\n1;2\r\n"), ";", true)).toEqual([["a", "b"], ["1", "2"]]);
    expect(splitUnquoted(Buffer.from("a,b\n1,2"), ",", true)).toEqual([["a", "b"], ["1", "2"]]);
    expect(splitUnquoted(Buffer.from('a,"b"\n'), ",", true)).toBeUndefined();
  });
});
