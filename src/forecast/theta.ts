import { fitAdjusted } from './adjusted.js';
import { etsPath, fitEts } from './ets-core.js';
import { checkSeries, makeFitted } from './fitted.js';
import { candidatePeriods } from './periods.js';
import { linearTrend } from './stats.js';
import type { FitOptions, Fitted, ForecastModel } from './types.js';

/**
 * Fits the standard Theta method to an (already adjusted) series: SES
 * forecasts plus half the slope of the linear trend, with the drift term of
 * Hyndman & Billah (2003) as in R's forecast::thetaf:
 * f(k) = ses + b/2 · (k − 1 + (1 − (1 − α)^n) / α).
 */
export function fitThetaCore(z: readonly number[]): Fitted {
  const fit = fitEts(z, { error: 'A', trend: 'N', season: 'N', m: 1 });
  if (!fit) throw new Error('theta: SES fit failed');
  const alpha = Math.max(1e-10, fit.params.alpha);
  // Slope of the regression over all of y (in-sample paths reuse it: small look-ahead, only for the interval scale).
  const b = linearTrend(z).slope / 2;
  const pathFrom = (t: number, h: number): Float64Array => {
    const p = etsPath(fit, t, h);
    const c = (1 - Math.pow(1 - alpha, t)) / alpha;
    for (let k = 0; k < h; k++) p[k] += b * (k + c);
    return p;
  };
  return makeFitted('theta', z, pathFrom, 1, { params: 3 });
}

/** Theta method (M3 winner; M4 benchmark), on the seasonally adjusted series. */
export const theta: ForecastModel = {
  name: 'theta',
  fit(y: readonly number[], opts: FitOptions = {}): Fitted {
    checkSeries(y);
    if (y.length < 3) throw new Error('theta: needs at least 3 values');
    return fitAdjusted('theta', y, candidatePeriods(opts), fitThetaCore);
  },
};
