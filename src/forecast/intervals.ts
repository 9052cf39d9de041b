import { zOfLevel } from './stats.js';
import type { Interval } from './types.js';

/** How in-sample h-step errors are measured. */
export interface ErrorScaleOptions {
  /** Use at most this many of the most recent origins (default all). */
  maxOrigins?: number;
  /** Minimum errors per horizon before extrapolating with √k (default 8). */
  minCount?: number;
  /**
   * Relative errors (y − f) / f instead of absolute ones (default false);
   * meant for positive series whose spread grows with their level.
   */
  relative?: boolean;
}

/** Spread of in-sample h-step errors: σ per step and the empirical z per level. */
export interface ErrorScale {
  /** Root mean squared error per step k = 1..h (relative when `relative`). */
  sigma: Float64Array;
  relative: boolean;
  /** Relative errors are taken against max(|f|, floor): 10% of the mean |y| (forecasts near zero would explode them). */
  floor: number;
  /**
   * Multiplier of σ_k for a central interval at `level` percent: the
   * quantile of the pooled standardised |errors| (|e_k| / σ_k); the normal z
   * when there are too few errors.
   */
  zOf(level: number): number;
}

/**
 * Measures the in-sample h-step forecast errors of a fitted path function:
 * for each origin t (after y[0..t-1]) the forecasts of steps 1..h are compared
 * with the values that followed. σ_k is the RMS error at step k (steps with
 * too few errors are extrapolated by √k, and σ is made non-decreasing); the
 * multiplier for a level is the empirical quantile of the pooled standardised
 * absolute errors, so heavy tails widen the 95% interval honestly.
 */
export function insampleErrorScale(
  y: ArrayLike<number>,
  pathFrom: (t: number, h: number) => ArrayLike<number>,
  firstOrigin: number,
  h: number,
  opts: ErrorScaleOptions = {},
): ErrorScale {
  const n = y.length;
  const relative = opts.relative ?? false;
  let absMean = 0;
  for (let t = 0; t < n; t++) absMean += Math.abs(y[t]);
  const floor = n > 0 ? (0.1 * absMean) / n : 0;
  const minCount = opts.minCount ?? 8;
  const sum = new Float64Array(h);
  const cnt = new Float64Array(h);
  const start = Math.max(firstOrigin, 1, opts.maxOrigins ? n - opts.maxOrigins : 0);
  const errs: number[] = [];
  const steps: number[] = [];
  for (let t = start; t < n; t++) {
    const kmax = Math.min(h, n - t);
    const p = pathFrom(t, kmax);
    for (let k = 0; k < kmax; k++) {
      const e = relative ? (y[t + k] - p[k]) / Math.max(Math.abs(p[k]), floor) : y[t + k] - p[k];
      if (Number.isFinite(e)) {
        sum[k] += e * e;
        cnt[k]++;
        errs.push(e);
        steps.push(k);
      }
    }
  }
  const sigma = new Float64Array(h);
  let lastK = -1;
  for (let k = 0; k < h; k++) {
    if (cnt[k] >= minCount || (lastK < 0 && cnt[k] > 0)) {
      sigma[k] = Math.sqrt(sum[k] / cnt[k]);
      lastK = k;
    } else if (lastK >= 0) sigma[k] = sigma[lastK] * Math.sqrt((k + 1) / (lastK + 1));
    else sigma[k] = NaN;
  }
  if (!Number.isFinite(sigma[0])) {
    // Too short a series: the spread of its first differences, growing with √k.
    let s = 0;
    let c = 0;
    for (let t = 1; t < n; t++) {
      s += (y[t] - y[t - 1]) ** 2;
      c++;
    }
    const base = c > 0 ? Math.sqrt(s / c) : Math.abs(y[n - 1] ?? 0) * 0.1;
    for (let k = 0; k < h; k++) sigma[k] = base * Math.sqrt(k + 1);
    return { sigma, relative: false, floor, zOf: zOfLevel };
  }
  for (let k = 1; k < h; k++) if (!(sigma[k] >= sigma[k - 1])) sigma[k] = sigma[k - 1];
  const std = new Float64Array(errs.length);
  for (let i = 0; i < errs.length; i++) std[i] = sigma[steps[i]] > 0 ? Math.abs(errs[i]) / sigma[steps[i]] : 0;
  std.sort();
  const zOf = (level: number): number => {
    const z = zOfLevel(level);
    // Enough errors beyond the quantile to estimate it (≥ 5 in the tail).
    if (std.length * (1 - level / 100) < 5) return z;
    const pos = (level / 100) * (std.length - 1);
    const i = Math.floor(pos);
    const q = std[i] + (std[Math.min(i + 1, std.length - 1)] - std[i]) * (pos - i);
    return Number.isFinite(q) && q > 0 ? q : z;
  };
  return { sigma, relative, floor, zOf };
}

/**
 * Central intervals mean ± z_level·σ_k (times max(|mean_k|, floor) when the
 * scale is relative). When `lowerBound` is given (e.g. 0 for counts), the lower bound
 * is not allowed below it.
 */
export function scaledIntervals(mean: ArrayLike<number>, scale: ErrorScale, levels: readonly number[], lowerBound?: number): Record<number, Interval> {
  const out: Record<number, Interval> = {};
  for (const level of levels) {
    const z = scale.zOf(level);
    const lo: number[] = [];
    const hi: number[] = [];
    for (let k = 0; k < mean.length; k++) {
      const w = z * scale.sigma[k] * (scale.relative ? Math.max(Math.abs(mean[k]), scale.floor) : 1);
      let a = mean[k] - w;
      if (lowerBound !== undefined && a < lowerBound) a = lowerBound;
      lo.push(a);
      hi.push(mean[k] + w);
    }
    out[level] = { lo, hi };
  }
  return out;
}
