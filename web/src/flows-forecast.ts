// The demand forecast the Flows view sizes its plan on: POST /api/forecasts (200 at once, or a job
// polled until done), remembered per city subset so that a what-if re-solve does not ask again.
import { ApiError, cancelForecastJob, fetchForecastJob, postForecast } from './api.js';
import type { DemandForecast } from './demand-types.js';
import { DEMAND_LABEL, FORECAST_HORIZON_DAYS, forecastTotals, subsetOf, type FlowsUrlState } from './flows-logic.js';
import type { CityTotals } from './flows-types.js';

/** How a forecast load reports back. */
export interface ForecastHooks {
  /** False once the caller has moved on (a newer solve, or a cancel): the load stops quietly. */
  isCurrent(): boolean;
  /** A job is running (its id, for Cancel), or has ended (null). */
  onJob(id: string | null): void;
  /** Progress of the job. */
  onProgress(p: { fraction?: number; message?: string } | null): void;
}

const POLL_MS = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Forecasts for the Flows view, remembered per city subset. */
export interface ForecastSource {
  /** The forecast of some cities (null = every city); null when the caller moved on or the job was cancelled. */
  load(cities: string[] | null, hooks: ForecastHooks): Promise<DemandForecast | null>;
  /**
   * The demand of a state: no totals for the gravity model, else the forecast's per-city totals of the
   * chosen day and bound; `line` says which, for the panel. Null when the caller moved on.
   */
  demand(s: FlowsUrlState, citiesByPop: readonly string[], hooks: ForecastHooks): Promise<{ totals?: CityTotals[]; line: string } | null>;
  cancel(id: string): Promise<void>;
}

/** Loads forecasts and remembers the last few. */
export function createForecastSource(): ForecastSource {
  const cache = new Map<string, DemandForecast>();
  return {
    async demand(s, citiesByPop, hooks) {
      if (s.demand === 'synthetic') return { line: DEMAND_LABEL.synthetic };
      const f = await this.load(subsetOf(s, citiesByPop), hooks);
      if (!f || !hooks.isCurrent()) return null;
      const totals = forecastTotals(f, s.demand, s.day);
      return { totals, line: `${DEMAND_LABEL[s.demand]} for ${f.dates[f.historyDays + Math.min(s.day, f.horizonDays - 1)]} (${totals.length} cities)` };
    },
    async load(cities, hooks) {
      const key = cities ? cities.join(',') : '*';
      const hit = cache.get(key);
      if (hit) return hit;
      const res = await postForecast({ horizonDays: FORECAST_HORIZON_DAYS, model: 'auto', ...(cities ? { cities } : {}) });
      if (!hooks.isCurrent()) return null;
      let f: DemandForecast;
      if (res.status === 200) f = res.forecast;
      else {
        hooks.onJob(res.job.jobId);
        for (;;) {
          await sleep(POLL_MS);
          if (!hooks.isCurrent()) return null;
          const job = await fetchForecastJob(res.job.jobId);
          if (!hooks.isCurrent()) return null;
          if (job.status === 'done' && job.result) {
            f = job.result;
            break;
          }
          if (job.status === 'failed') throw new ApiError(500, `The demand forecast failed: ${job.error?.message ?? 'unknown error'}`, job.error?.field);
          if (job.status === 'cancelled') return null;
          hooks.onProgress(job.progress);
        }
        hooks.onJob(null);
      }
      cache.set(key, f);
      while (cache.size > 4) cache.delete(cache.keys().next().value as string);
      return f;
    },
    async cancel(id) {
      await cancelForecastJob(id).catch(() => undefined);
    },
  };
}
