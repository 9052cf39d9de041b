import { checkSeries, makeFitted } from './fitted.js';
import { candidatePeriods } from './periods.js';
import { hasSeasonality } from './seasonality.js';
import type { FitOptions, Fitted, ForecastModel } from './types.js';

/** Path of seasonal naive with period m from origin t: y[t-m+((k-1) mod m)]. */
export function seasonalNaivePath(y: readonly number[], m: number, t: number, h: number): Float64Array {
  const out = new Float64Array(h);
  for (let k = 1; k <= h; k++) out[k - 1] = y[t - m + ((k - 1) % m)];
  return out;
}

/**
 * Seasonal naive: each future value equals the value one season earlier.
 * Uses the first candidate period that passes the seasonality test (or, with
 * `force`, the first one long enough); otherwise it is the naive forecast.
 */
export function seasonalNaiveModel(force = false): ForecastModel {
  return {
    name: 'snaive',
    fit(y: readonly number[], opts: FitOptions = {}): Fitted {
      checkSeries(y);
      const m = candidatePeriods(opts).find((p) => (force ? y.length >= p : hasSeasonality(y, p)));
      if (m === undefined) return makeFitted('snaive(naive)', y, (t, h) => new Float64Array(h).fill(y[t - 1]), 1);
      return makeFitted(`snaive(${m})`, y, (t, h) => seasonalNaivePath(y, m, t, h), m);
    },
  };
}

/** Seasonal naive with the season tested first. */
export const seasonalNaive: ForecastModel = seasonalNaiveModel(false);
