import { makeFitted } from './fitted.js';
import { adjust, fromComponents, readjust, seasonalAdjustment, type SeasonalAdjustment } from './seasonality.js';
import type { Fitted } from './types.js';

/**
 * Fits `inner` to the seasonally adjusted series (classical decomposition
 * for each tested period) and puts the season back on its forecasts, as the
 * M4 benchmarks do for SES, Holt, Damped, Theta and Naive2. The result is
 * called `name` (the inner model's name when empty), with the removed periods
 * in brackets.
 */
export function fitAdjusted(
  name: string,
  y: readonly number[],
  periods: readonly number[],
  inner: (adjusted: number[]) => Fitted,
  opts: { window?: number; keep?: number } = {},
): Fitted {
  let a: SeasonalAdjustment = seasonalAdjustment(y, periods, opts);
  // `keep`: leave this period in the series (the inner model handles it).
  if (opts.keep !== undefined) a = fromComponents(a.components.filter((c) => c.m !== opts.keep), a.type);
  const z = adjust(y, a);
  const f = inner(z);
  const base = name || f.name;
  const label = a.periods.length ? `${base}[${a.periods.join('+')}]` : base;
  if (a.periods.length === 0) return makeFitted(label, y, f.pathFrom, f.firstOrigin, { params: f.params });
  const pathFrom = (t: number, h: number): Float64Array => {
    const p = f.pathFrom(t, h);
    for (let k = 0; k < h; k++) p[k] = readjust(p[k], t + k, a);
    return p;
  };
  const params = f.params + a.components.reduce((s, c) => s + c.m - 1, 0);
  return makeFitted(label, y, pathFrom, f.firstOrigin, { params });
}
