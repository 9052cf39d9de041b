import { describe, expect, it } from 'vitest';
import { ByteOut } from '../../src/quote/index.js';
import { createRng } from '../../src/shared/random.js';

/** First value where the text differs from String(x), or null. */
function firstMismatch(values: Iterable<number>, text: (x: number) => string): number | null {
  for (const x of values) if (text(x) !== String(x)) return x;
  return null;
}

const out = new ByteOut();
/** What ByteOut writes for x (cents, or `digits` decimals), as text. */
function written(write: (o: ByteOut) => void): string {
  out.begin();
  write(out);
  return out.end().toString('latin1');
}
const centsText = (x: number) => written((o) => o.cents(x));
const decimalText = (x: number, digits: number) => written((o) => o.decimal(x, digits));

function* steps(n: number, scale: number): Generator<number> {
  for (let c = 0; c < n; c++) yield c / scale;
}

describe('ByteOut.cents / decimal write what String(x) writes', () => {
  it('for every amount from ¥0.00 to ¥20,000.00, and chargeable weights', () => {
    expect(firstMismatch(steps(2_000_000, 100), centsText)).toBeNull();
    expect(firstMismatch(steps(200_000, 100), (x) => decimalText(x, 2))).toBeNull();
  });

  it('for CO₂ to 4 decimals and volumetric weights to 6', () => {
    expect(firstMismatch(steps(500_000, 1e4), (x) => decimalText(x, 4))).toBeNull();
    expect(firstMismatch(steps(200_000, 1e6), (x) => decimalText(x, 6))).toBeNull();
  });

  it('for rounded values at random up to 10^7, and anything else through String', () => {
    const rng = createRng(11);
    const rounded: number[] = [];
    const other: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const v = rng.next() * 10 ** (1 + rng.int(7));
      rounded.push(Math.round(v * 100) / 100);
      other.push(v, -v, v * 1e9);
    }
    expect(firstMismatch(rounded, centsText)).toBeNull();
    expect(firstMismatch(rounded.map((x) => Math.round(x * 1e4) / 1e4), (x) => decimalText(x, 4))).toBeNull();
    expect(firstMismatch([...other, -0, 0, NaN, Infinity, 1e-7, 0.1 + 0.2, 9_999_999.99, 1e7, 2 ** 53], centsText)).toBeNull();
    expect(firstMismatch([...other, -0, NaN, 1e-6, 1e-7, 0.1 + 0.2], (x) => decimalText(x, 6))).toBeNull();
  });
});

describe('ByteOut', () => {
  it('hands out views that later answers never overwrite, across slab ends and growth', () => {
    const o = new ByteOut(4096);
    const rng = createRng(9);
    const kept: [Buffer, string][] = [];
    for (let i = 0; i < 400; i++) {
      const n = i % 50 === 0 ? 9000 + rng.int(10_000) : rng.int(3000); // some larger than the slab, many crossing slab ends
      let s = '';
      for (let k = 0; k < n; k++) s += String.fromCharCode(32 + rng.int(95));
      o.begin();
      // in pieces of every kind: bytes (short and long), strings, integers
      const cut = [0, Math.floor(n / 3), Math.floor((2 * n) / 3), n];
      o.bytes(Buffer.from(s.slice(cut[0], cut[1]), 'latin1'));
      o.ascii(s.slice(cut[1], cut[2]));
      for (const ch of s.slice(cut[2], cut[3])) o.bytes(Buffer.from(ch, 'latin1'));
      o.uint(i);
      const b = o.end();
      expect(b.toString('latin1')).toBe(s + i);
      kept.push([b, s + i]);
    }
    for (const [b, s] of kept) expect(b.toString('latin1')).toBe(s);
    o.begin();
    expect(o.end().length).toBe(0);
  });

  it('truncate drops the end of the answer, and only within it', () => {
    const o = new ByteOut(64);
    o.begin();
    o.ascii('{"rows":[');
    const mark = o.length;
    o.ascii(',{"row":2');
    o.truncate(mark);
    o.ascii(']}');
    expect(o.end().toString('latin1')).toBe('{"rows":[]}');
    o.begin();
    expect(() => o.truncate(1)).toThrow(RangeError);
  });
});
