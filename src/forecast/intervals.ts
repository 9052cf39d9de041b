import { zOfLevel } from './stats.js';
import type { Interval } from './types.js';

/** How the spread of h-step errors is measured in-sample. */
export interface ErrorScaleOptions {
  /** Use at most this many of the most recent origins (default all). */
  maxOrigins?: number;
  /** Minimum errors per horizon before extrapolating with √k (default 8). */
  minCount?: number;
}

/**
 * Root mean squared in-sample h-step forecast errors, one per step k = 1..h:
 * for each origin t (after y[0..t-1]) the fitted model's forecast path is
 * compared with the values that followed. Steps with too few errors are
 * extrapolated from the last well-measured one by √k; the result is made
 * non-decreasing in k.
 */
export function insampleErrorScale(
  y: ArrayLike<number>,
  pathFrom: (t: number, h: number) => ArrayLike<number>,
  firstOrigin: number,
  h: number,
  opts: ErrorScaleOptions = {},
): Float64Array {
  const n = y.length;
  const minCount = opts.minCount ?? 8;
  const sum = new Float64Array(h);
  const cnt = new Float64Array(h);
  const start = Math.max(firstOrigin, 1, opts.maxOrigins ? n - opts.maxOrigins : 0);
  for (let t = start; t < n; t++) {
    const kmax = Math.min(h, n - t);
    const p = pathFrom(t, kmax);
    for (let k = 0; k < kmax; k++) {
      const e = y[t + k] - p[k];
      if (Number.isFinite(e)) {
        sum[k] += e * e;
        cnt[k]++;
      }
    }
  }
  const sigma = new Float64Array(h);
  let lastK = -1;
  for (let k = 0; k < h; k++) {
    if (cnt[k] >= minCount) {
      sigma[k] = Math.sqrt(sum[k] / cnt[k]);
      lastK = k;
    } else if (lastK >= 0) {
      sigma[k] = sigma[lastK] * Math.sqrt((k + 1) / (lastK + 1));
    } else if (cnt[k] > 0) {
      sigma[k] = Math.sqrt(sum[k] / cnt[k]);
      lastK = k;
    } else sigma[k] = NaN;
  }
  // If even step 1 had no errors (too short a series), fall back to the spread of y.
  if (!Number.isFinite(sigma[0])) {
    let s = 0;
    let c = 0;
    for (let t = 1; t < n; t++) {
      s += (y[t] - y[t - 1]) ** 2;
      c++;
    }
    const base = c > 0 ? Math.sqrt(s / c) : Math.abs(y[n - 1] ?? 0) * 0.1;
    for (let k = 0; k < h; k++) sigma[k] = base * Math.sqrt(k + 1);
  }
  for (let k = 1; k < h; k++) if (!(sigma[k] >= sigma[k - 1])) sigma[k] = sigma[k - 1];
  return sigma;
}

/**
 * Symmetric normal intervals mean ± z·σ_k at each level. When `lowerBound` is
 * given (e.g. 0 for counts), the lower bound is not allowed below it.
 */
export function normalIntervals(
  mean: ArrayLike<number>,
  sigma: ArrayLike<number>,
  levels: readonly number[],
  lowerBound?: number,
): Record<number, Interval> {
  const out: Record<number, Interval> = {};
  for (const level of levels) {
    const z = zOfLevel(level);
    const lo: number[] = [];
    const hi: number[] = [];
    for (let k = 0; k < mean.length; k++) {
      let a = mean[k] - z * sigma[k];
      if (lowerBound !== undefined && a < lowerBound) a = lowerBound;
      lo.push(a);
      hi.push(mean[k] + z * sigma[k]);
    }
    out[level] = { lo, hi };
  }
  return out;
}
