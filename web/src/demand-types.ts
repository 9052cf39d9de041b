// Types of POST /api/forecasts (SYNTHETIC parcel demand per city) and of its job endpoints.

/** One interval band: lower and upper bound per horizon day. */
export interface Band {
  lo: number[];
  hi: number[];
}

/** Backtest of the model on held-out days (rolling origin); sMAPE in percent. */
export interface Backtest {
  smape: number | null;
  mase: number | null;
  msis: number | null;
  /** Share (0..1) of held-out days inside the interval at `level`. */
  coverage: number;
  level: number;
  from: string;
  origins: number;
}

/** A series' history tail, forecast with intervals keyed by level ("80", "95"), model and backtest. */
export interface DemandSeries {
  historyTail: number[];
  forecast: { mean: number[]; intervals: Record<string, Band> };
  model: string;
  fallback?: string;
  backtest: Backtest;
}

/** Sent (origin) or received (destination) parcels. */
export type Direction = 'origin' | 'destination';

/** A city's forecast, both directions. */
export interface DemandCity {
  id: string;
  name: string;
  nameZh: string;
  province: string;
  provinceZh: string;
  population: number;
  lon: number;
  lat: number;
  origin: DemandSeries;
  destination: DemandSeries;
}

/** A total (province or national): bottom-up sum of its cities. */
export interface DemandTotal {
  id: string;
  name: string;
  nameZh: string;
  cities: number;
  origin: DemandSeries;
  destination: DemandSeries;
}

/** The answer of POST /api/forecasts (200) and the result of a finished job. */
export interface DemandForecast {
  synthetic: true;
  note: string;
  seed: number;
  model: string;
  horizonDays: number;
  levels: number[];
  historyDays: number;
  fitDays: number;
  /** historyDays history dates, then horizonDays forecast dates (YYYY-MM-DD). */
  dates: string[];
  cities: DemandCity[];
  provinces: DemandTotal[];
  national: DemandTotal;
  method: { totals: string; backtest: string };
}

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
