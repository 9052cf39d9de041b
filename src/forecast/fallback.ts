import { checkPredictArgs, checkSeries } from './fitted.js';
import { naive } from './naive.js';
import { naive2 } from './naive2.js';
import { allFinite } from './stats.js';
import { DEFAULT_LEVELS, type FitOptions, type Forecast, type ForecastModel } from './types.js';
import { InputError } from '../shared/errors.js';

/** Simpler models tried, in order, when a model fails. */
export const FALLBACK_CHAIN: readonly ForecastModel[] = [naive2, naive];

function finiteForecast(f: Forecast): boolean {
  if (!allFinite(f.mean)) return false;
  return Object.values(f.intervals).every((iv) => allFinite(iv.lo) && allFinite(iv.hi));
}

/**
 * Fits `model` and forecasts h steps. If the fit throws or gives non-finite
 * values, the next simpler model (naive2, then naive) is used and the forecast
 * says so in `fallback` ("<model>: <reason>"). Bad input (empty series, NaN,
 * bad horizon) is an InputError, never a fallback.
 */
export function forecastSafe(
  model: ForecastModel,
  y: readonly number[],
  h: number,
  opts: FitOptions & { levels?: readonly number[] } = {},
): Forecast {
  checkSeries(y);
  const levels = opts.levels ?? DEFAULT_LEVELS;
  checkPredictArgs(h, levels);
  const reasons: string[] = [];
  for (const m of [model, ...FALLBACK_CHAIN.filter((c) => c !== model)]) {
    try {
      const f = m.fit(y, opts).predict(h, { levels });
      if (!finiteForecast(f)) throw new Error('non-finite forecast');
      if (reasons.length) return { ...f, fallback: reasons.join('; ') };
      return f;
    } catch (e) {
      if (e instanceof InputError) throw e;
      reasons.push(`${m.name}: ${(e as Error).message}`);
    }
  }
  throw new Error(`forecast: every model failed (${reasons.join('; ')})`);
}
