import { checkSeries, makeFitted } from './fitted.js';
import type { Fitted, ForecastModel } from './types.js';

/**
 * Croston's method for intermittent demand (Croston 1972): the non-zero
 * demand sizes z and the intervals p between them are smoothed separately
 * (α = 0.1 for both) and the forecast is z/p, flat over the horizon.
 */
export function crostonModel(alpha = 0.1): ForecastModel {
  return {
    name: 'croston',
    fit(y: readonly number[]): Fitted {
      checkSeries(y);
      const n = y.length;
      // rate[t] = forecast after seeing y[0..t-1]
      const rate = new Float64Array(n + 1).fill(NaN);
      let z = NaN;
      let p = NaN;
      let q = 1; // periods since the last demand
      for (let t = 0; t < n; t++) {
        if (y[t] !== 0) {
          if (Number.isNaN(z)) {
            z = y[t];
            p = q;
          } else {
            z += alpha * (y[t] - z);
            p += alpha * (q - p);
          }
          q = 1;
        } else q++;
        rate[t + 1] = Number.isNaN(z) ? 0 : z / p;
      }
      const first = rate.findIndex((v) => Number.isFinite(v));
      return makeFitted('croston', y, (t, h) => new Float64Array(h).fill(rate[t]), Math.max(1, first));
    },
  };
}

/** Croston with α = 0.1. */
export const croston: ForecastModel = crostonModel();
