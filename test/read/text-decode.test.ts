import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { chunksOf, splitAt } from "../helpers/chunks.js";
import { InputError, type Diagnostic } from "../../src/read/diagnostics.js";
import { decodeHead, decodeText, looksBinary, StreamDecoder } from "../../src/read/text-decode.js";

const utf8 = (s: string) => Buffer.from(s, "utf8");
const cp1252 = (s: string) => iconv.encode(s, "win1252");
const utf16le = (s: string, bom = true) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, "utf16le")]);
const utf16be = (s: string) => iconv.encode("\uFEFF" + s, "utf-16be");

/** Decode `chunks` as a stream, giving each chunk the line a reader would count. */
function decodeChunks(chunks: Uint8Array[], file = "f.csv"): { text: string; encoding: string } {
  const decoder = new StreamDecoder(file);
  const out: Uint8Array[] = [];
  let line = 1;
  const take = (bytes: Uint8Array) => {
    out.push(bytes);
    for (const b of bytes) if (b === 10) line++;
  };
  for (const c of chunks) take(decoder.write(c, line));
  take(decoder.end());
  return { text: Buffer.concat(out).toString("utf8"), encoding: decoder.encoding };
}



function problemOf(fn: () => unknown): Diagnostic {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics[0]!;
    throw e;
  }
  throw new Error("expected an InputError");
}

/** A megabyte and a bit of ASCII rows, as a queue-sorted export starts. */
const ASCII_ROWS = Array.from({ length: 26_000 }, (_, i) => `2026-11-23T08:00,recouvrement,phone,${i},300`).join("\n") + "\n";

describe("StreamDecoder", () => {
  it("decides Windows-1252 on the whole file: a first accent after 1 MiB of ASCII is é, not �", () => {
    expect(ASCII_ROWS.length).toBeGreaterThan(1 << 20);
    const bytes = Buffer.concat([cp1252("interval_start,typology,channel,volume,aht\n" + ASCII_ROWS), cp1252("2026-11-23T08:00,fidélisation,phone,5,420\n")]);
    const { text, encoding } = decodeChunks(chunksOf(bytes, 1 << 20));
    expect(encoding).toBe("windows-1252");
    expect(text.endsWith("2026-11-23T08:00,fidélisation,phone,5,420\n")).toBe(true);
    expect(text).not.toContain("\uFFFD");
  });

  it("reads € ’ œ as Windows-1252 (0x80, 0x92, 0x9C), not as Latin-1 controls", () => {
    expect(decodeChunks([Uint8Array.from([0x61, 0x3b, 0x80, 0x92, 0x9c, 0x0a])]).text).toBe("a;€’œ\n");
  });

  it("gives UTF-8 and ASCII chunks back as they are (no copy on the hot path)", () => {
    const decoder = new StreamDecoder("f.csv");
    const first = utf8("a".repeat(100) + "\n");
    const second = utf8("réclamation,é\n");
    expect(decoder.write(first, 1)).toBe(first);
    expect(decoder.write(second, 2)).toBe(second);
    expect(decoder.encoding).toBe("utf-8");
  });

  it("gives the same text however the bytes are cut, for UTF-8, Windows-1252 and UTF-16 (LE, BE, BOM or not)", () => {
    const sample = "Début;Motif;Canal\r\n23/11/2026 08:00;réclamation;téléphone\r\n«œuvre» 5€ l’an 😀;x;y\r\n";
    const files: [Uint8Array, string][] = [
      [utf8(sample), "utf-8"],
      [utf8("\uFEFF" + sample), "utf-8"],
      [cp1252(sample.replace("😀", ":)")), "windows-1252"],
      [utf16le(sample), "utf-16le"],
      [utf16le(sample, false), "utf-16le"],
      [utf16be(sample), "utf-16be"],
    ];
    for (const [bytes, encoding] of files) {
      const whole = decodeChunks([bytes]);
      expect(whole.encoding).toBe(encoding);
      expect(whole.text.replace(/^\uFEFF/, "")).toBe(encoding === "windows-1252" ? sample.replace("😀", ":)") : sample);
      fc.assert(
        fc.property(fc.array(fc.nat(bytes.length), { maxLength: 10 }), (cuts) => {
          expect(decodeChunks(splitAt(bytes, cuts))).toEqual(whole);
        }),
        { numRuns: 200 },
      );
    }
  });

  it("refuses a UTF-8 file with a Windows-1252 byte further down: CSV_ENCODING on the byte's line and column", () => {
    const bytes = Buffer.concat([utf8("id,typology\n1,réclamation\n2,recouvrement\n"), cp1252("3,fidélisation\n")]);
    const d = problemOf(() => decodeChunks([bytes], "mixed.csv"));
    expect(d).toMatchObject({ code: "CSV_ENCODING", file: "mixed.csv", line: 4, column: 2 });
    expect(d.message).toBe(
      'mixed text encodings: got byte 0xE9 ("é" in Windows-1252), which is not UTF-8, but line 2 holds UTF-8 text ("é"): expected one encoding for the whole file (save it again as "CSV UTF-8")',
    );
  });

  it("finds the mixed byte's line in a later chunk, and in a character cut between two chunks", () => {
    const head = utf8("id,typology\n1,réclamation\n" + ASCII_ROWS);
    const lines = 2 + 26_000;
    const bytes = Buffer.concat([head, cp1252("3,fidélisation\n")]);
    expect(problemOf(() => decodeChunks(chunksOf(bytes, 65_536)))).toMatchObject({ code: "CSV_ENCODING", line: lines + 1 });
    // "é" in UTF-8 is C3 A9: a C3 at a chunk's end followed by a byte that does not continue it
    const cutChar = [utf8("a,b\n1,é\n2,\u00c3"), Uint8Array.from([0x41, 0x0a])].map((b) => b);
    cutChar[0] = cutChar[0]!.subarray(0, cutChar[0]!.length - 1); // drop the second byte of Ã
    expect(problemOf(() => decodeChunks(cutChar))).toMatchObject({ code: "CSV_ENCODING", line: 3 });
  });

  it("refuses Windows-1252 bytes followed by UTF-8 text (Ã© for é): CSV_ENCODING", () => {
    const bytes = Buffer.concat([cp1252("id;typology\n1;réclamation\n"), utf8("2;fidélisation\n")]);
    const d = problemOf(() => decodeChunks([bytes], "mixed.csv"));
    expect(d).toMatchObject({ code: "CSV_ENCODING", line: 3, column: 2 });
    expect(d.message).toMatch(/^mixed text encodings: got UTF-8 text \("é", which Windows-1252 reads "Ã©"\), but line 2 holds byte 0xE9/);
  });

  it("takes a UTF-8 byte-order mark as UTF-8 for good: a bad byte after it is an error, not Windows-1252", () => {
    const d = problemOf(() => decodeChunks([Buffer.concat([utf8("\uFEFFa,b\n1,2\n"), Uint8Array.from([0x33, 0x2c, 0xe9, 0x0a])])]));
    expect(d).toMatchObject({ code: "CSV_ENCODING", line: 3, column: 2 });
    expect(d.message).toMatch(/but line 1 starts with a UTF-8 byte-order mark/);
  });

  it("refuses a file that ends inside a UTF-8 character", () => {
    const d = problemOf(() => decodeChunks([utf8("a,b\n1,é\n2,"), Uint8Array.from([0xe2, 0x82])]));
    expect(d).toMatchObject({ code: "CSV_ENCODING", line: 3 });
    expect(d.message).toMatch(/the file ends inside a UTF-8 character \(byte 0xE2\)/);
  });

  it("refuses NUL bytes that are not UTF-16 as binary, and reads UTF-16 without BOM", () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...utf8("[Content_Types].xml"), 0, 0, 0, 0x8b, 0x1f]);
    expect(problemOf(() => decodeChunks([zip], "book.xlsx"))).toMatchObject({ code: "CSV_BINARY", file: "book.xlsx" });
    expect(looksBinary(zip)).toBe(true);
    expect(looksBinary(utf16le("a\tb\r\n", false))).toBe(false);
    expect(decodeChunks([utf16le("volume\taht\r\n1\t2\r\n", false)]).text).toBe("volume\taht\r\n1\t2\r\n");
  });
});

describe("decodeText", () => {
  it("decodes a whole file with the same rules, BOM removed", () => {
    expect(decodeText(utf8("\uFEFFname: x\n"))).toEqual({ text: "name: x\n", encoding: "utf-8" });
    expect(decodeText(cp1252("name: Réclamations\n"))).toEqual({ text: "name: Réclamations\n", encoding: "windows-1252" });
    expect(decodeText(utf16le("name: été\n"))).toEqual({ text: "name: été\n", encoding: "utf-16le" });
    expect(problemOf(() => decodeText(Buffer.concat([utf8("a: é\n"), cp1252("b: é\n")]), "s.yaml"))).toMatchObject({ code: "CSV_ENCODING", file: "s.yaml", line: 2 });
  });
});

describe("decodeHead", () => {
  it("decodes a file's start for sniffing (UTF-16 included), or says binary", () => {
    expect(decodeHead(utf16le("interval_start\ttypology\r\n2026"))).toMatchObject({ text: "interval_start\ttypology\r\n2026", encoding: "utf-16le" });
    expect(decodeHead(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02, 0x03]))).toBe("binary");
    // a head cut inside a character still gives its header line
    expect(decodeHead(utf8("a,b\n1,é").subarray(0, 7))).toMatchObject({ text: expect.stringMatching(/^a,b\n1,/) });
  });
});

describe("StreamDecoder, UTF-16 edges", () => {
  it("keeps a surrogate pair cut after its high half's odd byte, and ends a file cut inside one with U+FFFD", () => {
    const bytes = utf16le("ab😀c\n");
    for (let at = 1; at < bytes.length; at++) expect(decodeChunks([bytes.subarray(0, at), bytes.subarray(at)]).text).toBe("ab😀c\n");
    const cutPair = utf16le("a😀").subarray(0, 2 + 2 + 2); // BOM, a, the high surrogate only
    expect(decodeChunks([cutPair]).text).toBe("a\uFFFD");
  });
});
