import { dayPrefix, inDateRange, isoUtc, splitInstant } from './iso-time.js';

const SLAB_BYTES = 64 * 1024;
/** Pieces shorter than this are copied byte by byte; longer ones with TypedArray#set (a call costs about what ~20 byte stores do). */
const SHORT_PIECE = 24;
const ZERO = 48; // '0'
const DOT = 46; // '.'
const COLON = 58; // ':'
const LETTER_Z = 90; // 'Z'
const SCALES = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/** The bytes of an ASCII string (JSON pieces kept and written many times). */
export function asciiBytes(s: string): Buffer {
  return Buffer.from(s, 'latin1');
}

/**
 * ASCII bytes written forward into slabs, one answer after another: an answer
 * is `begin()`, pieces (kept byte strings, numbers written digit by digit),
 * then `end()`, which hands out a view of those bytes. There is no string in
 * between, so no rope of concatenations to flatten and copy, and writing an
 * answer leaves no garbage but the view (a quote stream written as strings
 * and then copied to Buffers caused twice the young-generation collections,
 * measured).
 *
 * A slab is only written forward, so a view handed out is never
 * overwritten; when an answer outgrows the slab, its part so far moves to a
 * new slab at least twice its size (a 30 MB batch is a handful of copies).
 * Numbers: `cents` and `decimal` write what String(x) writes for numbers
 * rounded to 2 or `digits` decimals, from integers (V8's shortest-round-trip
 * search costs ~0.2 µs per number when its cache misses): x is the double
 * nearest c / 10^digits (checked), and below 10^7 its spacing is far below
 * 10^-digits, so c / 10^digits without trailing zeros is the shortest text
 * that reads back as x. Any other number goes through String.
 */
export class ByteOut {
  private buf: Buffer;
  private pos = 0;
  private start = 0;

  constructor(private readonly slabBytes = SLAB_BYTES) {
    this.buf = Buffer.allocUnsafeSlow(slabBytes);
  }

  /** Starts an answer. */
  begin(): void {
    this.start = this.pos;
  }

  /** The bytes written since begin(), as a view that later writes never touch. */
  end(): Buffer {
    const out = this.buf.subarray(this.start, this.pos);
    this.pos = (this.pos + 7) & ~7; // the next answer starts 8-byte aligned, as Node's pool does
    if (this.pos > this.buf.length) this.pos = this.buf.length;
    this.start = this.pos;
    return out;
  }

  /** Bytes written since begin(). */
  get length(): number {
    return this.pos - this.start;
  }

  /** Drops what was written after the first `length` bytes of the answer. */
  truncate(length: number): void {
    if (length < 0 || length > this.length) throw new RangeError(`truncate(${length}) outside the ${this.length} bytes written`);
    this.pos = this.start + length;
  }

  /** Appends kept bytes. */
  bytes(b: Uint8Array): void {
    const n = b.length;
    if (this.pos + n > this.buf.length) this.grow(n);
    const buf = this.buf;
    let p = this.pos;
    if (n < SHORT_PIECE) for (let i = 0; i < n; i++) buf[p++] = b[i];
    else {
      buf.set(b, p);
      p += n;
    }
    this.pos = p;
  }

  /** Appends a string of characters below U+0100 (callers pass ASCII: escaped JSON, digits). */
  ascii(s: string): void {
    const n = s.length;
    if (this.pos + n > this.buf.length) this.grow(n);
    if (n < SHORT_PIECE * 2) {
      const buf = this.buf;
      let p = this.pos;
      for (let i = 0; i < n; i++) buf[p++] = s.charCodeAt(i);
      this.pos = p;
    } else this.pos += this.buf.write(s, this.pos, n, 'latin1');
  }

  /** Appends a non-negative integer below 2^53. */
  uint(i: number): void {
    if (this.pos + 16 > this.buf.length) this.grow(16);
    const buf = this.buf;
    let digits = 1;
    for (let t = i; t >= 10; t = Math.floor(t / 10)) digits++;
    let p = this.pos + digits;
    this.pos = p;
    do {
      const q = Math.floor(i / 10);
      buf[--p] = ZERO + (i - q * 10);
      i = q;
    } while (i > 0);
  }

  /** Appends String(x) for an amount rounded to cents (decimalText(x, 2)). */
  cents(x: number): void {
    if (x >= 0 && x < 1e7) {
      const c = Math.round(x * 100);
      if (c / 100 === x) {
        const i = Math.floor(c / 100);
        const f = c - i * 100;
        this.uint(i);
        if (f === 0) return;
        this.byte(DOT);
        if (f % 10 === 0) this.byte(ZERO + f / 10);
        else {
          this.byte(ZERO + Math.floor(f / 10));
          this.byte(ZERO + (f % 10));
        }
        return;
      }
    }
    this.ascii('' + x);
  }

  /** Appends String(x) for x rounded to at most `digits` (0–6) decimals (decimalText). */
  decimal(x: number, digits: number): void {
    const scale = SCALES[digits];
    if (x >= 0 && x < 1e7) {
      const c = Math.round(x * scale);
      if (c / scale === x) {
        const i = Math.floor(c / scale);
        let f = c - i * scale;
        this.uint(i);
        if (f === 0) return;
        let d = digits;
        while (f % 10 === 0) {
          f /= 10;
          d--;
        }
        this.byte(DOT);
        // f has d digits at most; leading zeros first
        let width = 1;
        for (let t = f; t >= 10; t = Math.floor(t / 10)) width++;
        for (let k = width; k < d; k++) this.byte(ZERO);
        this.uint(f);
        return;
      }
    }
    this.ascii('' + x);
  }

  /** Appends isoUtc(instantMs), what Date#toISOString writes, without making the string. */
  isoUtc(instantMs: number): void {
    if (!inDateRange(instantMs)) return this.ascii(isoUtc(instantMs));
    const p = splitInstant(instantMs);
    const prefix = dayPrefix(p[0]); // "YYYY-MM-DDT", or "+YYYYYY-MM-DDT" beyond year 9999
    if (this.pos + prefix.length + 13 > this.buf.length) this.grow(prefix.length + 13);
    const buf = this.buf;
    let q = this.pos;
    for (let i = 0; i < prefix.length; i++) buf[q++] = prefix.charCodeAt(i);
    for (let k = 1; k <= 3; k++) {
      const n = p[k];
      const tens = Math.floor(n / 10);
      buf[q++] = ZERO + tens;
      buf[q++] = ZERO + (n - tens * 10);
      buf[q++] = k === 3 ? DOT : COLON;
    }
    const ms = p[4];
    const hundreds = Math.floor(ms / 100);
    const tens = Math.floor((ms - hundreds * 100) / 10);
    buf[q++] = ZERO + hundreds;
    buf[q++] = ZERO + tens;
    buf[q++] = ZERO + (ms - hundreds * 100 - tens * 10);
    buf[q++] = LETTER_Z;
    this.pos = q;
  }

  private byte(b: number): void {
    if (this.pos >= this.buf.length) this.grow(1);
    this.buf[this.pos++] = b;
  }

  /** Moves the answer so far to a new slab with room for n more bytes. */
  private grow(n: number): void {
    const used = this.pos - this.start;
    const next = Buffer.allocUnsafeSlow(Math.max(this.slabBytes, 2 * (used + n)));
    this.buf.copy(next, 0, this.start, this.pos);
    this.buf = next;
    this.start = 0;
    this.pos = used;
  }
}
