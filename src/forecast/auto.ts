import { fitAdjusted } from './adjusted.js';
import { combineFitted } from './combination.js';
import { damped } from './damped.js';
import { ets } from './ets.js';
import { checkSeries } from './fitted.js';
import { naive } from './naive.js';
import { candidatePeriods } from './periods.js';
import { seasonalNaive } from './seasonal-naive.js';
import { hasSeasonality } from './seasonality.js';
import { ses } from './ses.js';
import { fitSimpleEts } from './smoothing.js';
import { theta } from './theta.js';
import { tsb } from './tsb.js';
import type { FitOptions, Fitted, ForecastModel } from './types.js';

/** Share of zeros from which a series is treated as intermittent. */
export const INTERMITTENT_ZERO_SHARE = 0.3;

/**
 * Values used to estimate the seasonal profiles of multi-seasonal series
 * (at least three cycles of each period are always used): recent profiles
 * follow drifting patterns (hourly load, traffic).
 */
export const MULTI_SEASONAL_WINDOW = 72;

/** True when at least 30% of the values are zero and none negative. */
export function isIntermittent(y: readonly number[]): boolean {
  if (y.some((v) => v < 0)) return false;
  return y.filter((v) => v === 0).length >= INTERMITTENT_ZERO_SHARE * y.length;
}

/** Fits one component; a failure is recorded in `failed` and the component left out. */
function tryFit(parts: Fitted[], failed: string[], label: string, f: () => Fitted): void {
  try {
    parts.push(f());
  } catch (e) {
    failed.push(`${label}: ${(e as Error).message}`);
  }
}

/**
 * The default model.
 * - intermittent series (≥ 30% zeros): TSB;
 * - fewer than 3 values: naive; fewer than 8: SES;
 * - multi-seasonal data (two or more candidate periods, e.g. hourly 24 and
 *   168) with at least one passing the test: the median of SES on the series adjusted by recent seasonal profiles,
 *   seasonal naive at each passing period, and ETS (robust to the profile
 *   changes of long multi-seasonal series);
 * - otherwise the mean of ETS (AICc-selected), Theta and Damped, each with
 *   the tested seasonal adjustment (the M4 "Comb" idea with ETS in place of
 *   Holt and Theta in place of SES).
 * A component that fails is left out and named in the forecast's `fallback`.
 */
export const auto: ForecastModel = {
  name: 'auto',
  fit(y: readonly number[], opts: FitOptions = {}): Fitted {
    checkSeries(y);
    if (isIntermittent(y)) return tsb.fit(y, opts);
    if (y.length < 3) return naive.fit(y, opts);
    if (y.length < 8) return ses.fit(y, opts);
    const periods = candidatePeriods(opts);
    const passing = periods.filter((m) => hasSeasonality(y, m));
    const parts: Fitted[] = [];
    const failed: string[] = [];
    const note = (): string | undefined => (failed.length ? `left out ${failed.join('; ')}` : undefined);
    if (periods.length >= 2 && passing.length >= 1) {
      tryFit(parts, failed, 'ses', () => fitAdjusted('ses', y, periods, (z) => fitSimpleEts(z, 'N'), { window: MULTI_SEASONAL_WINDOW }));
      for (const m of passing) tryFit(parts, failed, `snaive(${m})`, () => seasonalNaive.fit(y, { season: m }));
      tryFit(parts, failed, 'ets', () => ets.fit(y, opts));
      if (parts.length === 0) throw new Error(`auto: every component failed (${failed.join('; ')})`);
      return combineFitted('median', y, parts, 'median', note());
    }
    for (const m of [ets, theta, damped]) tryFit(parts, failed, m.name, () => m.fit(y, opts));
    if (parts.length === 0) throw new Error(`auto: every component failed (${failed.join('; ')})`);
    return combineFitted('mean', y, parts, 'mean', note());
  },
};
