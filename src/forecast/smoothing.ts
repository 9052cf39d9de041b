import { fitAdjusted } from './adjusted.js';
import { etsLabel, etsParamCount, etsPath, fitEts, type EtsSpec } from './ets-core.js';
import { checkSeries, makeFitted } from './fitted.js';
import { candidatePeriods } from './periods.js';
import type { FitOptions, Fitted, ForecastModel } from './types.js';

/** Fits one non-seasonal ETS form with additive errors; throws if it fails. */
export function fitSimpleEts(z: readonly number[], trend: EtsSpec['trend']): Fitted {
  const spec: EtsSpec = { error: 'A', trend, season: 'N', m: 1 };
  const fit = fitEts(z, spec);
  if (!fit) throw new Error(`${etsLabel(spec)}: fit failed`);
  return makeFitted(etsLabel(spec), z, (t, h) => etsPath(fit, t, h), 1, { params: etsParamCount(spec) - 1 });
}

/**
 * Builds an exponential smoothing benchmark model (as in M4: fitted to the
 * seasonally adjusted series when the season test passes).
 */
export function smoothingModel(name: string, trend: EtsSpec['trend'], minLength: number): ForecastModel {
  return {
    name,
    fit(y: readonly number[], opts: FitOptions = {}): Fitted {
      checkSeries(y);
      if (y.length < minLength) throw new Error(`${name}: needs at least ${minLength} values`);
      return fitAdjusted(name, y, candidatePeriods(opts), (z) => fitSimpleEts(z, trend));
    },
  };
}
