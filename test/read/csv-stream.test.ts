import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunksOf, splitAt } from "../helpers/chunks.js";
import { parse } from "csv-parse/sync";
import { collectChunks, CsvRecordReader, looksLikeScenario, peekChunks, splitUnquoted, streamCsv, type CsvHeaderInfo } from "../../src/read/csv-stream.js";
import { InputError, type Diagnostic } from "../../src/read/diagnostics.js";

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

/** The first diagnostic that streaming `chunks` throws. */
async function problemOf(chunks: Uint8Array[], file = "s.csv"): Promise<Diagnostic> {
  try {
    await streamCsv(chunks, file, {}, () => () => {});
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics[0]!;
    throw e;
  }
  throw new Error("expected an InputError");
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
        expect(await rowsOf(splitAt(bytes, cuts))).toEqual(whole);
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
    expect(await rowsOf([enc("a,b\n1,2")])).toEqual({ header: ["a", "b"], rows: [[2, ["1", "2"]]] });
    expect(await rowsOf([enc("\n ,\na,b\n1,2\n")])).toEqual({ header: ["a", "b"], rows: [[4, ["1", "2"]]] });
    await expect(rowsOf([enc("  \n\n")])).rejects.toBeInstanceOf(InputError);
  });

  it("refuses a header without data rows as CSV_NO_DATA on the header's line (blank lines are no data)", async () => {
    expect(await problemOf([enc("a,b")])).toMatchObject({ code: "CSV_NO_DATA", file: "s.csv", line: 1 });
    const d = await problemOf([enc("\r\n\r\na,b\r\n\r\n  \r\n , \r\n")]);
    expect(d).toMatchObject({ code: "CSV_NO_DATA", line: 3 });
    expect(d.message).toBe("no data rows: the header on line 3 is followed by nothing but blank lines, expected at least one row");
    // a reader that allows it (readCsv's callers decide) gets the header alone
    const reader = new CsvRecordReader("s.csv", { requireRows: false }, () => () => {});
    reader.push(enc("a,b\n\n"));
    expect(reader.end()).toEqual({ encoding: "utf-8", rows: 0 });
  });
});

describe("streamCsv syntax errors", () => {
  it("names the line and field of a quote opened on line 4 and never closed", async () => {
    const d = await problemOf([enc('a,b,c\n1,2,3\n4,5,6\n7,"8,9\n10,11,12\n')]);
    expect(d).toMatchObject({ code: "CSV_SYNTAX", line: 4, column: 2, value: '"8,9' });
    expect(d.message).toBe('CSV syntax: the quote that opens field 2 is never closed: got "\\"8,9", expected a closing " (a quote inside a quoted field is written "")');
  });

  it("names line 40,001 for a stray quote there, whatever the chunks", async () => {
    const rows = Array.from({ length: 39_999 }, (_, i) => `2026-11-23T08:00,q${i},phone,1,300`);
    const text = ["interval_start,typology,channel,volume,aht", ...rows, '2026-11-23T08:00,q,ph"one,1,300', "2026-11-23T08:30,q,phone,1,300"].join("\n") + "\n";
    for (const size of [1 << 20, 65_536, 4_099]) {
      const d = await problemOf(chunksOf(enc(text), size));
      expect(d).toMatchObject({ code: "CSV_SYNTAX", line: 40_001, column: 3, value: 'ph"one' });
      expect(d.message).toMatch(/^CSV syntax: a quote inside unquoted field 3: got "ph\\"one", expected the whole field in quotes/);
    }
  });

  it("counts CRLF and multi-line quoted fields before the error as the file does", async () => {
    const text = 'a,b\r\n1,"two\r\nlines"\r\n\r\n3,"x"y\r\n4,5\r\n';
    const d = await problemOf([enc(text)]);
    expect(d).toMatchObject({ code: "CSV_SYNTAX", line: 5, column: 2, value: '"x"y' });
    expect(d.message).toMatch(/^CSV syntax: text after the closing quote of field 2: got "\\"x\\"y"/);
    // the closing quote of a multi-line field is on the field's last line
    expect(await problemOf([enc('a,b\n1,2\n3,"multi\nline"oops\n')])).toMatchObject({ code: "CSV_SYNTAX", line: 4, column: 2 });
  });

  it("gives the rows after a CRLF multi-line field their file lines (csv-parse counts such a CRLF twice)", async () => {
    const { rows } = await rowsOf([enc('a,b\r\n1,"two\r\nlines"\r\n3,4\r\n')]);
    expect(rows).toEqual([
      [2, ["1", "two\r\nlines"]],
      [4, ["3", "4"]],
    ]);
  });
});

describe("streamCsv encodings", () => {
  it("reads Windows-1252 whose first accent comes after the first 1 MiB chunk (a queue-sorted export)", async () => {
    const ascii = Array.from({ length: 26_000 }, (_, i) => `2026-11-23T08:00,recouvrement,phone,${i},300`).join("\r\n");
    const bytes = Buffer.concat([enc("interval_start,typology,channel,volume,aht\r\n" + ascii + "\r\n"), Uint8Array.from([...enc("2026-11-23T08:00,fid"), 0xe9, ...enc("lisation,phone,5,420\r\n")])]);
    expect(bytes.indexOf(0xe9)).toBeGreaterThan(1 << 20);
    const rows: Array<[number, string]> = [];
    let encoding = "";
    const result = await streamCsv(chunksOf(bytes, 1 << 20), "late.csv", {}, () => (cells, line) => rows.push([line, cells[1]!]));
    encoding = result.encoding;
    expect(encoding).toBe("windows-1252");
    expect(rows.at(-1)).toEqual([26_002, "fidélisation"]);
  });

  it("reads Excel's Unicode text: UTF-16LE with BOM, tab-delimited, CRLF", async () => {
    const text = "interval_start\ttypology\tchannel\tvolume\taht\r\n2026-11-23T08:00\tréclamation\tphone\t12\t300\r\n2026-11-23T08:30\tfidélisation\tphone\t5\t4:30\r\n";
    const bytes = Buffer.concat([Uint8Array.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    let info: CsvHeaderInfo | undefined;
    const rows: Array<[number, string[]]> = [];
    await streamCsv(chunksOf(bytes, 7), "unicode.txt", {}, (i) => {
      info = i;
      return (cells, line) => rows.push([line, [...cells]]);
    });
    expect(info).toMatchObject({ header: ["interval_start", "typology", "channel", "volume", "aht"], delimiter: "\t", encoding: "utf-16le" });
    expect(rows).toEqual([
      [2, ["2026-11-23T08:00", "réclamation", "phone", "12", "300"]],
      [3, ["2026-11-23T08:30", "fidélisation", "phone", "5", "4:30"]],
    ]);
  });

  it("refuses a mixed file with CSV_ENCODING on the line and column of the bad byte", async () => {
    const bytes = Uint8Array.from([...enc("a,b\n1,réclamation\n2,x\n3,fid"), 0xe9, ...enc("lisation\n")]);
    expect(await problemOf([bytes])).toMatchObject({ code: "CSV_ENCODING", line: 4, column: 2 });
  });
});

describe("streamCsv kinds", () => {
  it("refuses a YAML or JSON scenario given as a CSV: CSV_WRONG_KIND", async () => {
    const yaml = "# In-house contact center, Paris\nname: In-house\ntargets:\n  phone: 80/20\n";
    expect(await problemOf([enc(yaml)], "scenario.txt")).toMatchObject({ code: "CSV_WRONG_KIND", file: "scenario.txt", line: 1 });
    expect(await problemOf([enc('{"name": "x"}\n')], "s.txt")).toMatchObject({ code: "CSV_WRONG_KIND" });
    const d = await problemOf([enc("interval_start,typology\n")], "in-house.yaml");
    expect(d.message).toBe("this looks like a scenario (YAML or JSON), not a CSV file: use it with --scenario, and give a CSV here");
    // a CSV whose first column is named "#" is still a CSV
    expect(looksLikeScenario("#,volume,aht\n1,100,180\n", "cases.csv")).toBe(false);
    expect(looksLikeScenario("agent_id,site,tier,réclamation:phone\nA1,Lyon,1,2\n", "roster.csv")).toBe(false);
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

describe("peekChunks and collectChunks", () => {
  it("peekChunks reads chunks until its rule holds or the stream ends, and its rest is the whole stream again, byte for byte", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 20 }), { maxLength: 12 }), fc.integer({ min: 1, max: 100 }), fc.boolean(), async (chunks, limit, asAsync) => {
        const source = asAsync
          ? (async function* () {
              yield* chunks;
            })()
          : chunks;
        const { head, rest } = await peekChunks(source, (size) => size >= limit);
        // the head: the shortest run of first chunks that reaches the limit, or all of them
        let size = 0;
        let taken = 0;
        while (taken < chunks.length && size < limit) size += chunks[taken++]!.length;
        expect(head).toEqual(chunks.slice(0, taken));
        expect(await collectChunks(rest)).toEqual(Buffer.concat(chunks));
      }),
    );
  });

  it("peekChunks passes the rule the chunk just read (stop at the first newline)", async () => {
    const chunks = [enc("interval_"), enc("start,typology\n2026"), enc("-11-23T08:00,a\n")];
    const { head } = await peekChunks(chunks, (_, last) => last.includes(10));
    expect(head).toEqual(chunks.slice(0, 2));
  });
});
