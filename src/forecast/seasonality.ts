import { acf } from './stats.js';

/**
 * Seasonality test of the M4 benchmarks (90%, one-sided): season m is
 * present when n ≥ 3m and |acf(m)| > 1.645 · sqrt((1 + 2·Σ_{k<m} acf(k)²) / n).
 */
export function hasSeasonality(y: ArrayLike<number>, m: number): boolean {
  const n = y.length;
  if (!(m > 1) || n < 3 * m) return false;
  const r = acf(y, m);
  let s = 1;
  for (let k = 1; k < m; k++) s += 2 * r[k] * r[k];
  const limit = (1.645 / Math.sqrt(n)) * Math.sqrt(s);
  return Math.abs(r[m]) > limit;
}

/**
 * Centered moving average of order m (2×m when m is even), as used by
 * classical decomposition. NaN where undefined (the first and last ⌊m/2⌋).
 */
export function centeredMovingAverage(y: ArrayLike<number>, m: number): Float64Array {
  const n = y.length;
  const out = new Float64Array(n).fill(NaN);
  const half = Math.floor(m / 2);
  if (n < m + (m % 2 === 0 ? 1 : 0)) return out;
  // Running sum for speed.
  if (m % 2 === 1) {
    let s = 0;
    for (let i = 0; i < m; i++) s += y[i];
    for (let c = half; c + half < n; c++) {
      out[c] = s / m;
      if (c + half + 1 < n) s += y[c + half + 1] - y[c - half];
    }
  } else {
    // weights 1/2m at the ends, 1/m inside: window c-half..c+half
    let inner = 0; // sum of y[c-half+1 .. c+half-1]
    for (let i = 1; i < m; i++) inner += y[i];
    for (let c = half; c + half < n; c++) {
      out[c] = (inner + 0.5 * (y[c - half] + y[c + half])) / m;
      if (c + half < n - 1) inner += y[c + half] - y[c - half + 1];
    }
  }
  return out;
}

/**
 * Classical decomposition seasonal indices (R `decompose`): the ratio (or
 * difference) of y to its centered moving average, averaged by position
 * t mod m, then normalised to mean 1 (or 0). Index i applies to times t with
 * t mod m = i (t counted from 0 at the first value of y).
 */
export function classicalIndices(y: ArrayLike<number>, m: number, type: 'multiplicative' | 'additive' = 'multiplicative'): Float64Array {
  const trend = centeredMovingAverage(y, m);
  const sum = new Float64Array(m);
  const cnt = new Float64Array(m);
  for (let t = 0; t < y.length; t++) {
    const tr = trend[t];
    if (!Number.isFinite(tr)) continue;
    const v = type === 'multiplicative' ? y[t] / tr : y[t] - tr;
    if (!Number.isFinite(v)) continue;
    sum[t % m] += v;
    cnt[t % m] += 1;
  }
  const idx = new Float64Array(m);
  let tot = 0;
  for (let i = 0; i < m; i++) {
    idx[i] = cnt[i] > 0 ? sum[i] / cnt[i] : type === 'multiplicative' ? 1 : 0;
    tot += idx[i];
  }
  const avg = tot / m;
  for (let i = 0; i < m; i++) idx[i] = type === 'multiplicative' ? idx[i] / avg : idx[i] - avg;
  return idx;
}

/** A seasonal adjustment: applies to the series and extends to the future. */
export interface SeasonalAdjustment {
  /** Periods removed, e.g. [24, 168]; empty when none. */
  periods: number[];
  type: 'multiplicative' | 'additive';
  /** Seasonal factor at time t (t may be ≥ n for the future). */
  factor(t: number): number;
  /** The indices removed for each period, in the order they were removed. */
  components: { m: number; idx: Float64Array }[];
}

/** The identity adjustment. */
export const NO_ADJUSTMENT: SeasonalAdjustment = { periods: [], type: 'multiplicative', factor: () => 1, components: [] };

/** Removes the adjustment: y_t / s_t (or y_t − s_t). */
export function adjust(y: ArrayLike<number>, a: SeasonalAdjustment): number[] {
  const out = new Array<number>(y.length);
  for (let t = 0; t < y.length; t++) out[t] = a.type === 'multiplicative' ? y[t] / a.factor(t) : y[t] - a.factor(t);
  return out;
}

/** Puts the adjustment back on a value at time t. */
export function readjust(v: number, t: number, a: SeasonalAdjustment): number {
  return a.type === 'multiplicative' ? v * a.factor(t) : v + a.factor(t);
}

/**
 * Tests each candidate period (in increasing order) and removes every one that
 * passes by classical decomposition, one after the other (for hourly data the
 * daily profile first, then the weekly profile of what remains). Multiplicative
 * when all values are positive, otherwise additive. `window` limits the
 * estimation of the indices to the last `window` values (at least three
 * cycles of each period; the seasonal pattern of long series drifts).
 */
export function seasonalAdjustment(
  y: readonly number[],
  periods: readonly number[],
  opts: { window?: number } = {},
): SeasonalAdjustment {
  const cands = [...new Set(periods.filter((m) => Number.isInteger(m) && m > 1))].sort((a, b) => a - b);
  if (cands.length === 0) return NO_ADJUSTMENT;
  const positive = y.every((v) => v > 0);
  const type = positive ? 'multiplicative' : 'additive';
  const found: { m: number; idx: Float64Array }[] = [];
  let cur: number[] = y.slice();
  for (const m of cands) {
    if (!hasSeasonality(cur, m)) continue;
    const win = opts.window ? Math.min(cur.length, Math.max(opts.window, 3 * m)) : cur.length;
    const start = cur.length - win;
    const part = cur.slice(start);
    const raw = classicalIndices(part, m, type);
    // re-align: raw[i] applies to part index i mod m, i.e. series time start + i.
    const idx = new Float64Array(m);
    for (let i = 0; i < m; i++) idx[(start + i) % m] = raw[i];
    if (!idx.every((v) => Number.isFinite(v) && (type === 'additive' || v > 0))) continue;
    found.push({ m, idx });
    cur = cur.map((v, t) => (type === 'multiplicative' ? v / idx[t % m] : v - idx[t % m]));
  }
  if (found.length === 0) return NO_ADJUSTMENT;
  return fromComponents(found, type);
}

/** An adjustment made of the given components (product or sum of their indices). */
export function fromComponents(found: { m: number; idx: Float64Array }[], type: 'multiplicative' | 'additive'): SeasonalAdjustment {
  if (found.length === 0) return NO_ADJUSTMENT;
  return {
    periods: found.map((f) => f.m),
    type,
    components: found,
    factor: (t: number) => {
      let f = type === 'multiplicative' ? 1 : 0;
      for (const { m, idx } of found) f = type === 'multiplicative' ? f * idx[t % m] : f + idx[t % m];
      return f;
    },
  };
}
