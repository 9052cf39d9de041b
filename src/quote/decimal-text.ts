const SCALES = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/**
 * `String(x)` for a number rounded to at most `digits` (0–6) decimals, as
 * prices, weights and CO₂ are, written from integers: V8 turns an arbitrary
 * double into text with a shortest-round-trip search (~0.2 µs when its
 * number-string cache misses, and a quote writes ~30 numbers), where
 * integer arithmetic takes a few nanoseconds.
 *
 * Why the text is the same: x is the double nearest to c / 10^digits (checked:
 * c / 10^digits === x); below 10^7 its spacing is under 2e-9, far below
 * 10^-digits, so the decimal c / 10^digits with trailing zeros removed is the
 * shortest text that reads back as x, which is what Number#toString writes
 * (in fixed notation from 10^-6 up to 10^21). Anything else (negative,
 * ≥ 10^7, more decimals, NaN) falls back to String(x). Tested against
 * String(x) exhaustively on small values and at random (decimal-text.test.ts).
 */
export function decimalText(x: number, digits: number): string {
  const scale = SCALES[digits];
  if (x >= 0 && x < 1e7) {
    const c = Math.round(x * scale);
    if (c / scale === x) {
      const i = Math.floor(c / scale);
      let f = c - i * scale;
      if (f === 0) return '' + i;
      let d = digits;
      while (f % 10 === 0) {
        f /= 10;
        d--;
      }
      let fs = '' + f;
      while (fs.length < d) fs = '0' + fs;
      return i + '.' + fs;
    }
  }
  return '' + x;
}

/** decimalText(x, 2): amounts in CNY (round2), chargeable weights. */
export function centsText(x: number): string {
  if (x >= 0 && x < 1e7) {
    const c = Math.round(x * 100);
    if (c / 100 === x) {
      const i = Math.floor(c / 100);
      const f = c - i * 100;
      if (f === 0) return '' + i;
      return f % 10 === 0 ? i + '.' + f / 10 : i + (f < 10 ? '.0' : '.') + f;
    }
  }
  return '' + x;
}
