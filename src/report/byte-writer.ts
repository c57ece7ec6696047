import { csvDecimal, jsonDecimal, roundMillionths, shortMillionths } from "./fixed-decimal.js";

/** Bytes gathered before they go to the sink. */
const BLOCK_BYTES = 1 << 20;

/**
 * Text written as UTF-8 bytes into a block of memory, handed to `sink` a
 * megabyte at a time (the sink must write or copy them before it returns:
 * the block is reused). Numbers are written digit by digit: a report of a
 * million rows then makes no string per cell, and no garbage to collect.
 */
export class ByteWriter {
  private block: Buffer;
  private at = 0;

  constructor(private readonly sink: (bytes: Buffer) => void) {
    this.block = Buffer.allocUnsafe(BLOCK_BYTES);
  }

  /** Hand what is gathered to the sink. */
  flush(): void {
    if (this.at === 0) return;
    const bytes = this.block.subarray(0, this.at);
    this.at = 0;
    this.sink(bytes);
  }

  /** Text of any kind. */
  text(s: string): void {
    const n = s.length;
    if (this.at + n > BLOCK_BYTES - 64) this.flush();
    if (n > 4096) {
      this.flush();
      this.sink(Buffer.from(s, "utf8"));
      return;
    }
    const block = this.block;
    let at = this.at;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        // not ASCII: the rest as UTF-8 (a character takes at most 3 bytes per UTF-16 unit)
        if (at + 3 * (n - i) > BLOCK_BYTES) {
          this.at = at;
          this.flush();
          at = 0;
        }
        this.at = at + block.write(s.slice(i), at, "utf8");
        return;
      }
      block[at++] = c;
    }
    this.at = at;
  }

  /** One ASCII character (a delimiter, a quote, a newline). */
  char(code: number): void {
    if (this.at >= BLOCK_BYTES - 64) this.flush();
    this.block[this.at++] = code;
  }

  /** A whole number 0 ≤ n < 2⁵³, its digits. */
  private digits(n: number): void {
    if (this.at >= BLOCK_BYTES - 64) this.flush();
    const block = this.block;
    if (n < 10) {
      block[this.at++] = 48 + n;
      return;
    }
    let width = 1;
    for (let p = 10; p <= n; p *= 10) width++;
    let at = this.at + width;
    this.at = at;
    while (n >= 1) {
      const q = Math.floor(n / 10);
      block[--at] = 48 + (n - q * 10);
      n = q;
    }
  }

  /** `whole` then, unless `decimals` (millionths) is 0, the mark and the decimals without trailing zeros. */
  private millionths(negative: boolean, n: number, mark: number): void {
    if (negative) this.char(45);
    const whole = Math.floor(n / 1e6);
    let decimals = n - whole * 1e6;
    this.digits(whole);
    if (decimals === 0) return;
    let places = 6;
    while (decimals % 10 === 0) {
      decimals /= 10;
      places--;
    }
    const block = this.block;
    block[this.at++] = mark;
    let at = this.at + places;
    this.at = at;
    for (let k = 0; k < places; k++) {
      const q = Math.floor(decimals / 10);
      block[--at] = 48 + (decimals - q * 10);
      decimals = q;
    }
  }

  /** A number as {@link csvDecimal} writes it (toFixed(6) trimmed), with `mark` (46 `.` or 44 `,`) as the decimal mark. */
  csvNumber(x: number, mark: number): void {
    const negative = x < 0;
    const a = negative ? -x : x;
    if (a < 1e9) {
      if (a === Math.floor(a)) {
        if (negative && a !== 0) this.char(45);
        this.digits(a);
        return;
      }
      const n = roundMillionths(a);
      this.millionths(negative && n !== 0, n, mark);
      return;
    }
    this.text(csvDecimal(x, mark === 44 ? "," : "."));
  }

  /** A finite number as JSON.stringify writes it (see {@link jsonDecimal}). */
  jsonNumber(x: number): void {
    const negative = x < 0;
    const a = negative ? -x : x;
    if (a < 1e9) {
      if (a === Math.floor(a)) {
        if (negative) this.char(45);
        this.digits(a);
        return;
      }
      if (a >= 1e-6) {
        const n = shortMillionths(a);
        if (n !== -1) {
          this.millionths(negative, n, 46);
          return;
        }
      }
    }
    this.text(jsonDecimal(x));
  }
}
