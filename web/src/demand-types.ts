// Types of POST /api/forecasts (SYNTHETIC parcel demand per city) and of its job endpoints. The answer is
// src/pipeline's own DemandForecast (type-only imports, erased from the bundle), with one change: src keys
// the intervals by number (Record<number, Interval>), the JSON by string ("80", "95"), as the view reads them.
import type { CityForecast, DemandForecast as SrcDemandForecast, DirectionForecast, TotalForecast } from '../../src/pipeline/demand-forecast.js';
import type { Interval } from '../../src/forecast/types.js';

export type { Direction } from '../../src/pipeline/demand-forecast.js';
/** One interval band: lower and upper bound per horizon day. */
export type { Interval as Band } from '../../src/forecast/types.js';
/** Backtest of the model on held-out days (rolling origin); sMAPE in percent. */
export type { BacktestScore as Backtest } from '../../src/pipeline/series-forecast.js';

/** A series' history tail, forecast with intervals keyed by level ("80", "95"), model and backtest. */
export type DemandSeries = Omit<DirectionForecast, 'forecast'> & { forecast: { mean: number[]; intervals: Record<string, Interval> } };

/** A city's forecast, both directions. */
export type DemandCity = Omit<CityForecast, 'origin' | 'destination'> & { origin: DemandSeries; destination: DemandSeries };

/** A total (province or national): bottom-up sum of its cities. */
export type DemandTotal = Omit<TotalForecast, 'origin' | 'destination'> & { origin: DemandSeries; destination: DemandSeries };

/** The answer of POST /api/forecasts (200) and the result of a finished job. */
export type DemandForecast = Omit<SrcDemandForecast, 'cities' | 'provinces' | 'national'> & { cities: DemandCity[]; provinces: DemandTotal[]; national: DemandTotal };

/** 202: the forecast runs as a job. */
export interface ForecastAccepted {
  jobId: string;
  status: string;
  statusUrl: string;
  series: number;
}

/** Status of a forecast job. */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** GET /api/forecasts/jobs/:id. */
export interface ForecastJob {
  id: string;
  status: JobStatus;
  progress: { fraction?: number; iteration?: number; message?: string } | null;
  submittedAt: string;
  startedAt?: string;
  finishedAt?: string;
  error?: { name: string; message: string; field?: string };
  result?: DemandForecast;
}

/** Body of POST /api/forecasts. */
export interface ForecastRequest {
  horizonDays: number;
  model?: string;
  cities?: string[];
  levels?: number[];
  historyDays?: number;
}
