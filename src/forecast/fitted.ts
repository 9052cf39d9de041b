import { InputError } from '../shared/errors.js';
import { insampleErrorScale, scaledIntervals } from './intervals.js';
import { allFinite } from './stats.js';
import { DEFAULT_LEVELS, type Fitted, type Forecast, type PredictOptions } from './types.js';

/**
 * How intervals are measured (see insampleErrorScale): relative errors for
 * positive series (their spread grows with the level), all origins.
 */
export const INTERVALS: Readonly<{ relative: boolean; maxOrigins?: number }> = Object.freeze({ relative: true });

/** Checks a horizon and interval levels; throws InputError naming the field. */
export function checkPredictArgs(h: number, levels: readonly number[]): void {
  if (!Number.isInteger(h) || h < 1) throw new InputError(`forecast: horizon must be a positive integer, got ${h}`, 'horizon');
  for (const l of levels) {
    if (!(l > 0 && l < 100)) throw new InputError(`forecast: interval level must be in (0, 100), got ${l}`, 'levels');
  }
}

/**
 * Builds a Fitted from a path function (forecasts from any in-sample origin).
 * Point forecasts are the path from the end of the series; intervals come
 * from the in-sample h-step errors of the same path function
 * (see insampleErrorScale), so every model gets measured intervals the same
 * way. In-sample errors are optimistic by the parameters fitted to the same
 * data; σ is scaled by √(n/(n − p)) with p = `extra.params`, as the unbiased
 * residual variance is.
 */
export function makeFitted(
  name: string,
  y: readonly number[],
  pathFrom: (t: number, h: number) => Float64Array,
  firstOrigin: number,
  extra: { fallback?: string; params?: number } = {},
): Fitted {
  const params = extra.params ?? 0;
  const n = y.length;
  const nonNegative = y.every((v) => v >= 0);
  const positive = y.every((v) => v > 0);
  return {
    name,
    firstOrigin,
    params,
    fallback: extra.fallback,
    pathFrom,
    predict(h: number, opts: PredictOptions = {}): Forecast {
      const levels = opts.levels ?? DEFAULT_LEVELS;
      checkPredictArgs(h, levels);
      const mean = Array.from(pathFrom(n, h));
      if (!allFinite(mean)) throw new Error(`${name}: non-finite forecast`);
      const scale = insampleErrorScale(y, pathFrom, firstOrigin, h, { relative: positive && INTERVALS.relative, maxOrigins: INTERVALS.maxOrigins });
      // Degrees-of-freedom correction of in-sample errors: σ·√(n/(n − p)), at most ×2.
      const nEff = n - firstOrigin;
      if (params > 0 && nEff > 0) {
        const f = Math.sqrt(nEff / Math.max(nEff - params, nEff / 4));
        for (let k = 0; k < h; k++) scale.sigma[k] *= f;
      }
      const intervals = scaledIntervals(mean, scale, levels, nonNegative ? 0 : undefined);
      return { mean, intervals, model: name, ...(extra.fallback ? { fallback: extra.fallback } : {}) };
    },
  };
}

/** Checks a training series: non-empty, all finite. Throws InputError. */
export function checkSeries(y: readonly number[], field = 'y'): void {
  if (!Array.isArray(y) || y.length === 0) throw new InputError('forecast: the series is empty', field);
  for (let i = 0; i < y.length; i++) {
    if (typeof y[i] !== 'number' || !Number.isFinite(y[i])) throw new InputError(`forecast: value ${i} is not a finite number`, `${field}/${i}`);
  }
}
