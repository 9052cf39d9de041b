/**
 * The one contract every forecasting model follows:
 * `model.fit(y, opts)` → `fitted`; `fitted.predict(h, { levels })` →
 * `{ mean, intervals: { [level]: { lo, hi } } }`.
 */

/** Options given to `fit`. */
export interface FitOptions {
  /**
   * Candidate seasonal periods (e.g. 12 for monthly, [24, 168] for hourly).
   * Each is tested (ACF test at 90%), never assumed. 1 or empty = none.
   */
  season?: number | readonly number[];
}

/** Options given to `predict`. */
export interface PredictOptions {
  /** Interval levels in percent, e.g. [80, 95] (the default). */
  levels?: readonly number[];
}

/** Lower and upper bounds, one per horizon step. */
export interface Interval {
  lo: number[];
  hi: number[];
}

/** A forecast of h steps with its intervals. */
export interface Forecast {
  /** Point forecasts, h values. */
  mean: number[];
  /** Intervals keyed by level (e.g. 80, 95). */
  intervals: Record<number, Interval>;
  /** Name of the model that produced it (after any fallback). */
  model: string;
  /** Set when the requested model failed and a simpler one was used. */
  fallback?: string;
}

/** A model fitted to one series. */
export interface Fitted {
  /** Model name with its chosen form, e.g. "ets(M,Ad,N)". */
  readonly name: string;
  /** Point forecasts and intervals for steps 1..h. */
  predict(h: number, opts?: PredictOptions): Forecast;
  /**
   * Forecasts of steps 1..h made from in-sample origin `t` (after seeing
   * y[0..t-1]) with the fitted parameters. Used for empirical intervals and
   * for combinations. Returns h values (may be NaN if undefined there).
   */
  pathFrom(t: number, h: number): Float64Array;
  /** First origin from which `pathFrom` is meaningful. */
  readonly firstOrigin: number;
  /** Number of estimated parameters (smoothing, initial states, seasonal indices). */
  readonly params: number;
  /** Set when the fit fell back to a simpler model (the reason). */
  readonly fallback?: string;
}

/** A forecasting method: fits one series. */
export interface ForecastModel {
  /** Short name used on the command line and in results (e.g. "ses"). */
  readonly name: string;
  /** Fit to the series y (finite numbers, length ≥ 1). */
  fit(y: readonly number[], opts?: FitOptions): Fitted;
}

/** Default interval levels. */
export const DEFAULT_LEVELS: readonly number[] = [80, 95];
