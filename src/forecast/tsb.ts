import { checkSeries, makeFitted } from './fitted.js';
import type { Fitted, ForecastModel } from './types.js';

/**
 * TSB (Teunter, Syntetos & Babai 2011) for intermittent demand: the
 * probability of a demand d is updated every period (β), the demand size z
 * only when a demand occurs (α); the forecast is d·z, flat. Unlike Croston
 * it decays towards zero when demand stops.
 */
export function tsbModel(alpha = 0.1, beta = 0.1): ForecastModel {
  return {
    name: 'tsb',
    fit(y: readonly number[]): Fitted {
      checkSeries(y);
      const n = y.length;
      const nz = y.filter((v) => v !== 0);
      let d = nz.length / n;
      let z = nz.length ? nz.reduce((a, b) => a + b, 0) / nz.length : 0;
      const rate = new Float64Array(n + 1);
      rate[0] = d * z;
      for (let t = 0; t < n; t++) {
        if (y[t] !== 0) {
          d += beta * (1 - d);
          z += alpha * (y[t] - z);
        } else d += beta * (0 - d);
        rate[t + 1] = d * z;
      }
      return makeFitted('tsb', y, (t, h) => new Float64Array(h).fill(rate[t]), 1);
    },
  };
}

/** TSB with α = β = 0.1. */
export const tsb: ForecastModel = tsbModel();
