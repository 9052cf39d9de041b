/**
 * Forecast and backtest of one daily demand series, with the settings that
 * keep a network-wide run fast enough for an API, and a bounded cache.
 */
import { coverage, forecastSafe, mase, msis, smape, type ForecastModel, type Interval } from '../forecast/index.js';
import type { MeanAndIntervals } from './bottom-up.js';

/** Days of history each model is fitted to (the last year; fitting two years costs ~4× as much, ETS dominating). */
export const FIT_DAYS = 365;
/** Candidate seasonal period of daily demand (the weekly pattern; tested by each model, not assumed). */
export const DAILY_SEASON: readonly number[] = [7];
/** MASE/MSIS scale: in-sample mean absolute difference at lag 7 (seasonal naive on daily data). */
export const MASE_SEASON = 7;

/** Backtest error of one series: one origin, `horizonDays` before the end of the history, fitted on the FIT_DAYS before it. */
export interface BacktestScore {
  /** sMAPE in percent. */
  smape: number | null;
  /** MASE (scale: lag-7 differences of the training window). */
  mase: number | null;
  /** MSIS at `level` (same scale). */
  msis: number | null;
  /** Share of the held-out days inside the `level`% interval (0..1). */
  coverage: number;
  /** The level used for coverage and MSIS (95 when asked for, else the widest). */
  level: number;
  /** First held-out date. */
  from: string;
  /** Origins averaged (1). */
  origins: number;
}

/** Everything computed for one series; kept in the cache and sent back by jobs. */
export interface SeriesForecast {
  forecast: MeanAndIntervals;
  model: string;
  fallback?: string;
  backtest: BacktestScore;
  /** The backtest's forecast of the held-out days (for the totals' backtest). */
  backtestForecast: MeanAndIntervals;
}

/** Settings of one series' forecast besides the model. */
export interface SeriesSettings {
  horizonDays: number;
  levels: readonly number[];
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The level used for backtest coverage/MSIS: 95 when present, else the widest. */
export function scoreLevel(levels: readonly number[]): number {
  return levels.includes(95) ? 95 : Math.max(...levels);
}

/** Scores a forecast of the held-out values `actual` made from `train`. */
export function scoreBacktest(train: readonly number[], actual: readonly number[], f: MeanAndIntervals, level: number, from: string): BacktestScore {
  const iv: Interval = f.intervals[level];
  return {
    smape: finiteOrNull(smape(actual, f.mean)),
    mase: finiteOrNull(mase(train, actual, f.mean, MASE_SEASON)),
    msis: finiteOrNull(msis(train, actual, iv.lo, iv.hi, MASE_SEASON, 1 - level / 100)),
    coverage: coverage(actual, iv.lo, iv.hi),
    level,
    from,
    origins: 1,
  };
}

/**
 * Forecasts `horizonDays` past the end of `y` (fitted on its last FIT_DAYS
 * values) and backtests the same model from one origin `horizonDays` before
 * the end (fitted on the FIT_DAYS before that origin). `dates` are the dates
 * of y. Models that fail fall back (forecastSafe) and say so.
 */
export function forecastSeries(model: ForecastModel, y: readonly number[], dates: readonly string[], s: SeriesSettings): SeriesForecast {
  const h = s.horizonDays;
  const opts = { season: DAILY_SEASON, levels: s.levels };
  const f = forecastSafe(model, y.slice(-FIT_DAYS), h, opts);
  const origin = y.length - h;
  const train = y.slice(Math.max(0, origin - FIT_DAYS), origin);
  const actual = y.slice(origin);
  const b = forecastSafe(model, train, h, opts);
  const backtestForecast = { mean: b.mean, intervals: b.intervals };
  return {
    forecast: { mean: f.mean, intervals: f.intervals },
    model: f.model,
    ...(f.fallback ? { fallback: f.fallback } : {}),
    backtest: scoreBacktest(train, actual, backtestForecast, scoreLevel(s.levels), dates[origin]),
    backtestForecast,
  };
}

/** A cache of series forecasts bounded by the numbers it holds (least recently used dropped first). */
export class SeriesCache {
  private readonly map = new Map<string, { value: SeriesForecast; cost: number }>();
  private total = 0;
  /** @param maxNumbers bound on the numbers held (default 4 M ≈ 32 MB of doubles: all 260 series at a 28-day horizon ≈ 0.16 M). */
  constructor(private readonly maxNumbers = 4_000_000) {}

  get(key: string): SeriesForecast | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  set(key: string, value: SeriesForecast): void {
    const levels = Object.keys(value.forecast.intervals).length;
    const cost = 2 * value.forecast.mean.length * (1 + 2 * levels);
    const old = this.map.get(key);
    if (old) {
      this.total -= old.cost;
      this.map.delete(key);
    }
    this.map.set(key, { value, cost });
    this.total += cost;
    while (this.total > this.maxNumbers && this.map.size > 1) {
      const [k, e] = this.map.entries().next().value as [string, { cost: number }];
      this.map.delete(k);
      this.total -= e.cost;
    }
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }
}
