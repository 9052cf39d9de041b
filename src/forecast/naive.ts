import { checkSeries, makeFitted } from './fitted.js';
import type { Fitted, ForecastModel } from './types.js';

/** Naive: every future value equals the last observed one. */
export const naive: ForecastModel = {
  name: 'naive',
  fit(y: readonly number[]): Fitted {
    checkSeries(y);
    return makeFitted('naive', y, (t, h) => new Float64Array(h).fill(y[t - 1]), 1);
  },
};
