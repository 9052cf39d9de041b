import { fitAdjusted } from './adjusted.js';
import { checkSeries, makeFitted } from './fitted.js';
import { candidatePeriods } from './periods.js';
import type { FitOptions, Fitted, ForecastModel } from './types.js';

/**
 * Naive2 (M4 benchmark): naive forecast of the seasonally adjusted series,
 * reseasonalised. The adjustment (classical multiplicative decomposition) is
 * used only when the 90% ACF test passes and n ≥ 3m. With several candidate
 * periods only the first is used, as in M4.
 */
export const naive2: ForecastModel = {
  name: 'naive2',
  fit(y: readonly number[], opts: FitOptions = {}): Fitted {
    checkSeries(y);
    const periods = candidatePeriods(opts).slice(0, 1);
    return fitAdjusted('naive2', y, periods, (z) => makeFitted('naive', z, (t, h) => new Float64Array(h).fill(z[t - 1]), 1));
  },
};
