import { fitAdjusted } from './adjusted.js';
import { etsLabel, etsParamCount, etsPath, fitEts, type EtsFit, type EtsFitOptions, type EtsSpec } from './ets-core.js';
import { checkSeries, makeFitted } from './fitted.js';
import { candidatePeriods } from './periods.js';
import type { FitOptions, Fitted, ForecastModel } from './types.js';

/** Longest season ETS models directly (as R's forecast::ets); longer ones are removed by decomposition. */
export const MAX_ETS_PERIOD = 24;

/** Trend forms tried by auto-ETS. */
export const ETS_TRENDS: readonly EtsSpec['trend'][] = ['N', 'A', 'Ad'];

/**
 * Fits every admissible ETS form to z and returns the one with the lowest
 * AICc. Error A/M, trend N/A/Ad, season N (and A/M with period m when given).
 * Multiplicative forms need positive data; additive-error multiplicative-season
 * forms are excluded (unstable, as R's `restrict`).
 */
export function selectEts(
  z: readonly number[],
  m: number,
  trendForms: readonly EtsSpec['trend'][] = ETS_TRENDS,
  fitOpts: EtsFitOptions = {},
): EtsFit | null {
  const positive = z.every((v) => v > 0);
  const errors: EtsSpec['error'][] = positive ? ['A', 'M'] : ['A'];
  const trends: EtsSpec['trend'][] = z.length >= 6 ? [...trendForms] : ['N'];
  const seasons: EtsSpec['season'][] = m > 1 ? (positive ? ['N', 'A', 'M'] : ['N', 'A']) : ['N'];
  let best: EtsFit | null = null;
  for (const error of errors) {
    for (const trend of trends) {
      for (const season of seasons) {
        if (error === 'A' && season === 'M') continue;
        const spec: EtsSpec = { error, trend, season, m: season === 'N' ? 1 : m };
        // Too many parameters for the data: skip (AICc undefined).
        const fit = fitEts(z, spec, fitOpts);
        if (fit && Number.isFinite(fit.aicc) && (!best || fit.aicc < best.aicc)) best = fit;
      }
    }
  }
  return best;
}

/** Fits auto-ETS to z with an optional season m; throws when nothing fits. */
export function fitEtsAuto(z: readonly number[], m: number): Fitted {
  const fit = selectEts(z, m);
  if (!fit) throw new Error('ets: no form could be fitted');
  return makeFitted(etsLabel(fit.spec), z, (t, h) => etsPath(fit, t, h), 1, { params: etsParamCount(fit.spec) - 1 });
}

/**
 * ETS with automatic choice of error, trend and season by AICc. The shortest
 * candidate period ≤ 24 with at least three cycles of data is offered to the
 * state space (seasonal forms win only when AICc says so); longer periods
 * (e.g. 168 for hourly data) are removed beforehand by classical
 * decomposition when they pass the ACF test.
 */
export const ets: ForecastModel = {
  name: 'ets',
  fit(y: readonly number[], opts: FitOptions = {}): Fitted {
    checkSeries(y);
    const periods = candidatePeriods(opts);
    // The seasonal forms compete with the others by AICc (as in R's ets), so the
    // season is tested by the information criterion rather than assumed.
    const m = periods.find((p) => p <= MAX_ETS_PERIOD && y.length >= 3 * p) ?? 1;
    return fitAdjusted('', y, periods, (z) => fitEtsAuto(z, m), { keep: m > 1 ? m : undefined });
  },
};
