import { InputError } from '../shared/errors.js';
import { forecastSafe } from './fallback.js';
import { checkSeries } from './fitted.js';
import { coverage, mase, msis, smape } from './metrics.js';
import type { FitOptions, ForecastModel } from './types.js';

/** Rolling-origin backtest settings. */
export interface BacktestOptions extends FitOptions {
  /** Steps forecast from each origin. */
  horizon: number;
  /** Distance between successive origins (default = horizon). */
  step?: number;
  /** Training window: the last `window` values before each origin (default: all, an expanding window). */
  window?: number;
  /** Number of origins, the last one ending at the end of the series (default 3). */
  origins?: number;
  /** MASE/MSIS seasonal period (default 1). */
  maseSeason?: number;
  /** Interval levels (default [80, 95]); MSIS and coverage use 95 when present, else the widest. */
  levels?: readonly number[];
}

/** Scores of one origin. */
export interface OriginScore {
  /** Index of the first forecast value (the training data are y[start..origin-1]). */
  origin: number;
  smape: number;
  mase: number;
  msis: number;
  /** Share of actual values inside the interval (0..1). */
  coverage: number;
  model: string;
  fallback?: string;
}

/** Result of a backtest: per origin and averaged. */
export interface BacktestResult {
  origins: OriginScore[];
  smape: number;
  mase: number;
  msis: number;
  coverage: number;
  level: number;
}

/**
 * Rolling-origin evaluation: for origins ending at n − h, n − h − step, …
 * (oldest first), fits on the window before the origin, forecasts `horizon`
 * steps and scores them against what followed (M4 definitions of sMAPE,
 * MASE, MSIS and coverage).
 */
export function backtest(model: ForecastModel, y: readonly number[], opts: BacktestOptions): BacktestResult {
  checkSeries(y);
  const h = opts.horizon;
  if (!Number.isInteger(h) || h < 1) throw new InputError(`backtest: horizon must be a positive integer, got ${h}`, 'horizon');
  const step = opts.step ?? h;
  if (!Number.isInteger(step) || step < 1) throw new InputError(`backtest: step must be a positive integer, got ${step}`, 'step');
  const count = opts.origins ?? 3;
  if (!Number.isInteger(count) || count < 1) throw new InputError(`backtest: origins must be a positive integer, got ${count}`, 'origins');
  if (opts.window !== undefined && !(Number.isInteger(opts.window) && opts.window >= 2)) {
    throw new InputError(`backtest: window must be an integer ≥ 2, got ${opts.window}`, 'window');
  }
  const levels = opts.levels ?? [80, 95];
  const level = levels.includes(95) ? 95 : Math.max(...levels);
  const m = opts.maseSeason ?? 1;
  const out: OriginScore[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const origin = y.length - h - i * step;
    const start = opts.window !== undefined ? Math.max(0, origin - opts.window) : 0;
    if (origin - start < 2) continue;
    const train = y.slice(start, origin);
    const actual = y.slice(origin, origin + h);
    const f = forecastSafe(model, train, h, { season: opts.season, levels });
    const iv = f.intervals[level];
    out.push({
      origin,
      smape: smape(actual, f.mean),
      mase: mase(train, actual, f.mean, m),
      msis: msis(train, actual, iv.lo, iv.hi, m, 1 - level / 100),
      coverage: coverage(actual, iv.lo, iv.hi),
      model: f.model,
      ...(f.fallback ? { fallback: f.fallback } : {}),
    });
  }
  if (out.length === 0) throw new InputError(`backtest: the series (${y.length} values) is too short for horizon ${h}`, 'horizon');
  const avg = (k: 'smape' | 'mase' | 'msis' | 'coverage'): number => out.reduce((s, o) => s + o[k], 0) / out.length;
  return { origins: out, smape: avg('smape'), mase: avg('mase'), msis: avg('msis'), coverage: avg('coverage'), level };
}
