import iconv from "iconv-lite";

/**
 * Bytes → text as spreadsheets export it: UTF-8 with or without BOM, or
 * Windows-1252 (the "ANSI" of French Excel) when the bytes are not valid UTF-8.
 */
export interface DecodedText {
  text: string;
  encoding: "utf-8" | "windows-1252";
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decode a file's bytes; the BOM is removed. */
export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    return { text: utf8.decode(bytes), encoding: "utf-8" };
  } catch {
    // Node's TextDecoder("windows-1252") decodes as Latin-1 (0x80 is not €), hence iconv-lite.
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "win1252"), encoding: "windows-1252" };
  }
}

/** True when the bytes look binary (a NUL byte in the first 8 KiB). */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}
