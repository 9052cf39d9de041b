/**
 * Job handler of the demand forecast (run by src/jobs in a worker thread):
 * computes the series of a checked request and returns them; the caller
 * assembles the answer (assembleForecast) and caches the series.
 */
import type { JobContext } from '../jobs/index.js';
import { computeSeries, type CitySeries } from './demand-forecast.js';
import type { DemandCityInfo } from './demand-history.js';
import type { ResolvedForecastRequest } from './forecast-request.js';

/** Input of a `demand-forecast` job: every network city (the history depends on the whole set) and the checked request. */
export interface DemandForecastJobInput {
  cities: DemandCityInfo[];
  request: ResolvedForecastRequest;
}

/** The `demand-forecast` job: series forecasts and backtests by city id. */
export async function demandForecastJob(input: DemandForecastJobInput, ctx: JobContext): Promise<Record<string, CitySeries>> {
  return computeSeries(input.cities, input.request, { onProgress: ctx.onProgress, signal: ctx.signal });
}
