import { describe, expect, it } from 'vitest';
import { centsText, decimalText } from '../../src/quote/decimal-text.js';
import { createRng } from '../../src/shared/random.js';

/** First value where the text differs from String(x), or null. */
function firstMismatch(values: Iterable<number>, text: (x: number) => string): number | null {
  for (const x of values) if (text(x) !== String(x)) return x;
  return null;
}

function* steps(n: number, scale: number): Generator<number> {
  for (let c = 0; c < n; c++) yield c / scale;
}

describe('decimalText / centsText write what String(x) writes', () => {
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
