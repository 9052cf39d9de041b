/**
 * Public entry of the forecasting stage: models (one per file) behind one
 * contract, the safe entry with fallback, metrics, backtests and the M4
 * file layout.
 */
export type { FitOptions, Fitted, Forecast, ForecastModel, Interval, PredictOptions } from './types.js';
export { DEFAULT_LEVELS } from './types.js';
export { DEFAULT_MODEL, MODELS, modelByName } from './registry.js';
export { forecastSafe } from './fallback.js';
export { backtest, type BacktestOptions, type BacktestResult, type OriginScore } from './backtest.js';
export { coverage, mase, msis, owa, smape } from './metrics.js';
export { calendarPeriods } from './periods.js';
export { formatM4, parseM4, type NamedSeries } from './m4-format.js';
